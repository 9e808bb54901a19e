use super::arith::num;
use super::{Configurable, Lint, LintMeta, NoOptions};
use crate::diagnostic::Finding;
use crate::document::{Document, Kind, Quantity};
use crate::span::Span;

crate::declare_lint! {
    /// ## What it does
    /// Counts the items of a list and compares them with the number that announces
    /// it: `重点项目7个，分别为A、B、C…` or `A、B、C等6个单位`.
    ///
    /// Items are separated by 、 (brackets do not split an item); a final 和, 及,
    /// 以及 or 与 may join the last two, so both readings are tried and either
    /// may match. A list ends at 。；，： or 等; after 等 or 包括 the number may
    /// exceed the items shown, never the reverse. A list before its number is read
    /// only in the form `A、B、C等N个`: without 等, such a list often names the
    /// kinds of a larger count (`A、B、C项目26个`).
    ///
    /// ## Why
    /// "7 projects" followed by six names means one was dropped or one was added
    /// without updating the number.
    ///
    /// ## Example
    /// ```bad
    /// 计划开工项目3个，分别为第四人民医院、人民医院西区病房楼改建项目。
    /// ```
    /// ```good
    /// 计划开工项目2个，分别为第四人民医院、人民医院西区病房楼改建项目。
    /// ```
    pub struct EnumerationCount {}
    code = "RL205", name = "enumeration-count", family = Arithmetic, severity = Error,
    summary = "a list whose length differs from the number announcing it",
}

impl Configurable for EnumerationCount {
    type Options = NoOptions;
    fn new(_: NoOptions) -> Result<Self, String> {
        Ok(EnumerationCount {})
    }
}

const MEASURES: &[&str] = &[
    "个", "家", "项", "所", "类", "种", "条", "名", "位", "座", "批", "处", "支", "件",
];
const INTROS: &[&str] = &["分别为", "分别是", "包括", "即"];
const CONNECTORS: &[&str] = &["以及", "和", "及", "与"];

/// The list: (items split by 、 only, items also split at the connectors, ends with 等, span).
struct List {
    plain: usize,
    joined: usize,
    open_ended: bool,
    span: Span,
}

/// An item with a number in it is a count, not a name.
fn numeric(p: &&str) -> bool {
    p.chars()
        .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
}

/// Split a list text at 、 outside brackets.
fn items(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '（' | '《' | '“' => depth += 1,
            ')' | '）' | '》' | '”' => depth -= 1,
            '、' if depth <= 0 => {
                out.push(&text[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    out.push(&text[start..]);
    out
}

fn count(text: &str, span: Span, open_ended: bool) -> Option<List> {
    let parts = items(text);
    if parts.len() < 2
        || parts
            .iter()
            .any(|p| p.trim().is_empty() || p.chars().count() > 60)
    {
        return None;
    }
    let joined = parts.len()
        + parts
            .iter()
            .filter(|p| CONNECTORS.iter().any(|c| p.contains(c)))
            .count();
    Some(List {
        plain: parts.len(),
        joined,
        open_ended,
        span,
    })
}

fn is_measure(q: &Quantity) -> bool {
    q.kind == Kind::Count
        && q.is_exact()
        && q.decimals == 0
        && MEASURES.contains(&q.unit.as_str())
        && q.value >= 2.0
        && q.value <= 60.0
}

/// The list after "N个…，分别为": up to the end of the clause.
fn list_after(text: &str, from: usize) -> Option<List> {
    let rest = &text[from..];
    let intro_at = INTROS
        .iter()
        .filter_map(|w| rest.find(w).map(|i| (i, w.len())))
        .min()?;
    // The introducing word must follow closely (N个单位，分别为 / N个：).
    if rest[..intro_at.0].chars().count() > 8 || rest[..intro_at.0].contains(['。', '；', ';']) {
        return None;
    }
    let start = from + intro_at.0 + intro_at.1;
    let start = start + text[start..].len() - text[start..].trim_start_matches(['：', ':']).len();
    let end = text[start..]
        .find(['。', '；', ';', '，', ',', '：', ':'])
        .map_or(text.len(), |i| start + i);
    let body = &text[start..end];
    // 包括 gives examples, not always all of them.
    let inclusive = rest[..intro_at.0 + intro_at.1].ends_with("包括");
    let (body, open) = match body.find('等') {
        Some(i) => (&body[..i], true),
        None => (body, inclusive),
    };
    if items(body).iter().any(numeric) {
        return None; // "包括13个预期性指标、8个约束性指标": a breakdown, not names
    }
    count(body, Span::new(start, start + body.len()), open)
}

/// The list before "…等N个" / "…N个单位": back to the clause start.
fn list_before(text: &str, at: usize) -> Option<List> {
    // Without 等 a list before a number often names the kinds of a larger count
    // ("A、B、C项目26个"), so only "A、B、C等N个" is read: it may not list more than N.
    let head = text[..at].strip_suffix('等')?;
    let open = true;
    let start = head
        .rfind(['。', '；', ';', '，', ',', '：', ':'])
        .map_or(0, |i| {
            i + head[i..].chars().next().map_or(1, char::len_utf8)
        });
    let body = &head[start..];
    if !body.contains('、') {
        return None;
    }
    // The number must follow the list itself ("A、B、C 6个"), not a verb after it
    // ("A、B分别新增12项"): the last item is no longer than the others.
    let parts = items(body);
    // Names, not counts ("学校304所、基地20个"); three names at least; a number in
    // quotes ("六个明显下降") names a slogan, not a count.
    if parts.len() < 3 || parts.iter().any(numeric) || head.ends_with(['“', '"', '「']) {
        return None;
    }
    let longest_other = parts[..parts.len() - 1]
        .iter()
        .map(|p| p.chars().count())
        .max()
        .unwrap_or(0);
    if parts
        .last()
        .is_some_and(|l| l.chars().count() > longest_other + 2)
    {
        return None;
    }
    count(body, Span::new(start, start + body.len()), open)
}

impl Lint for EnumerationCount {
    fn meta(&self) -> &'static LintMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        for q in doc.quantities.iter().filter(|q| is_measure(q)) {
            let p = &doc.paragraphs[q.paragraph];
            let list =
                list_after(&p.text, q.local.end).or_else(|| list_before(&p.text, q.local.start));
            let Some(list) = list else { continue };
            let n = q.value as usize;
            let fits = |k: usize| k == n || list.open_ended && k < n;
            if fits(list.plain) || fits(list.joined) {
                continue;
            }
            let shown = if list.plain == list.joined {
                format!("{}", list.plain)
            } else {
                format!("{} 或 {}", list.plain, list.joined)
            };
            out.push(
                Finding::new(
                    &META,
                    q.span,
                    format!("说是「{}」，列出的却有 {shown} 项", doc.slice(q.span)),
                )
                .primary(format!("文中为 {}", num(q.value)))
                .label(p.doc_span(list.span), format!("列举了 {shown} 项"))
                .help("核对数量，或补全、删减列举的项目"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lints::testing::pass_fail;

    #[test]
    fn cases() {
        pass_fail(
            &EnumerationCount {},
            &[
                "目前XX市卫健系统在建续建重点项目7个,分别为XX市人民医院南区、XX市人民医院北区、XX市医防融合服务中心建设项目、XX市中医院扩建项目(XX市中医院公共卫生服务楼、中药制剂室综合楼、中医药众创大楼)、XX市第三人民医院、XX市第二人民医院、XX市顾集镇卫生院;项目总建筑面积约36.04万平方米。",
                "积极开展示范性老年友好型社区创建工作:泉阳王付全、芦村穆寨、王集李彬庄、舒庄大鲁村和东城徐寨社区、连后楼社区6个单位参与申报创建。",
                "组建临床检验、内镜、血液净化、临床用血、急诊、药事6个县级医疗质量控制中心。",
                "支援苏州、连云港、常州、上海、成都等地，共8个城市。",
                "设置了29项主要指标，包括：地区生产总值年均增速、全员劳动生产率。",
                "提出五大类21个主要指标，包括13个预期性指标、8个约束性指标。",
                "建设邻县高速通、乡镇便捷通、港口铁路通项目26个。",
            ],
            &[
                "目前在建续建重点项目6个,分别为人民医院南区、人民医院北区、医防融合服务中心建设项目、中医院扩建项目(公共卫生服务楼、中药制剂室综合楼)、第三人民医院、第二人民医院、顾集镇卫生院;项目总建筑面积约36.04万平方米。",
                "开展临床检验、内镜、血液净化、临床用血、急诊等4个中心的建设。",
            ],
        );
    }
}
