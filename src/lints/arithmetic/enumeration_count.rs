use crate::diagnostic::{Finding, Severity};
use crate::document::{cn_numeral, Document, Paragraph};
use crate::lints::{Configurable, Lint, LintMeta, NoOptions};
use crate::span::Span;
use regex::Regex;
use std::sync::OnceLock;

crate::declare_lint! {
    /// ## What it does
    /// Counts the items of a list that states its own length: "项目7个，分别为A、B、C",
    /// "A、B、C等5个", "A、B和C 3个单位". Items are separated by 、, the last one may be
    /// joined by 和/及/以及/与; parentheses inside an item do not split it. With 等 the
    /// stated number is a lower bound on the listed items only.
    ///
    /// ## Why
    /// A count that disagrees with its list means an item was dropped or added after
    /// the number was written; readers cannot tell which one is right.
    ///
    /// ## Example
    /// ```bad
    /// 计划开工项目4个，分别为XX市第四人民医院、XX市人民医院西区门诊及病房楼改建项目。
    /// ```
    /// ```good
    /// 计划开工项目2个，分别为XX市第四人民医院、XX市人民医院西区门诊及病房楼改建项目。
    /// ```
    pub struct EnumerationCount {}
    code = "RL205", name = "enumeration-count", family = Arithmetic, severity = Error,
    summary = "a stated count (N个，分别为…) that differs from the number of listed items",
}

impl Configurable for EnumerationCount {
    type Options = NoOptions;
    fn new(_: NoOptions) -> Result<Self, String> {
        Ok(EnumerationCount {})
    }
}

const COUNT: &str = r"(?P<n>\d{1,3}|[一二两三四五六七八九十]{1,3})(?P<cls>个|家|项|所|类|支|种|座|条|批|位|部|件|方面)";

/// "N个…，分别为 A、B、C": the count, then the list.
fn forward_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"{COUNT}(?P<noun>[^，,。；;：:、（）()“”\d]{{0,12}}?)[，,]?\s*(?P<intro>分别为|分别是|分别有|包括|包含|即|：|:)"
        ))
        .expect("forward pattern")
    })
}

/// "A、B、C等N个", "A、B和C N个单位": the list, then the count.
fn count_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(COUNT).expect("count pattern"))
}

/// Whether `COUNT` can match in `text`: some classifier right after a digit or a
/// numeral. Both patterns start with `COUNT`, so a paragraph without one skips
/// the regex scans, which are the slowest part of this lint.
fn may_hold_count(text: &str) -> bool {
    let mut prev = '\0';
    text.chars().any(|c| {
        let hit = matches!(
            c,
            '个' | '家'
                | '项'
                | '所'
                | '类'
                | '支'
                | '种'
                | '座'
                | '条'
                | '批'
                | '位'
                | '部'
                | '件'
                | '方'
        ) && (prev.is_numeric() || "一二两三四五六七八九十".contains(prev));
        prev = c;
        hit
    })
}

/// One list: its items (paragraph-local), whether it ends in 等, and how many
/// more items a 和/及/与 inside an item could add.
struct List {
    items: Vec<Span>,
    etc: bool,
    joined: usize,
}

impl List {
    fn fewest(&self) -> usize {
        self.items.len()
    }
    fn most(&self) -> usize {
        self.items.len() + self.joined
    }
}

const JOINERS: [&str; 4] = ["以及", "和", "及", "与"];

/// Split `text[span]` at 、 outside brackets.
fn split_items(text: &str, span: Span) -> Option<List> {
    let s = text.get(span.start..span.end)?;
    let mut items = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        match c {
            '（' | '(' | '《' | '“' | '【' => depth += 1,
            '）' | ')' | '》' | '”' | '】' => depth -= 1,
            '、' if depth == 0 => {
                items.push(Span::new(span.start + start, span.start + i));
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    items.push(Span::new(span.start + start, span.end));
    let mut etc = false;
    if let Some(last) = items.last_mut() {
        let t = &text[last.start..last.end];
        let trimmed = t.trim_end_matches("在内的").trim_end_matches("在内");
        if let Some(stripped) = trimmed.strip_suffix('等') {
            etc = true;
            last.end = last.start + stripped.len();
        } else {
            last.end = last.start + trimmed.len();
        }
    }
    if items.len() < 2 || items.iter().any(|i| i.is_empty()) {
        return None;
    }
    // The first item may carry the verb of the clause: "组建了流行病学调查、…".
    let names_ok = items.iter().enumerate().all(|(k, i)| {
        let t = &text[i.start..i.end];
        is_name(if k == 0 { after_clause_words(t) } else { t })
    });
    if !names_ok {
        return None;
    }
    let joined = items
        .iter()
        .filter(|i| JOINERS.iter().any(|j| text[i.start..i.end].contains(j)))
        .count();
    Some(List { items, etc, joined })
}

/// Words that show an item is a clause, not a name: "国家级、部级平台分别达到22家"
/// counts the platforms, not the two levels.
const CLAUSE_WORDS: [&str; 17] = [
    "分别", "达到", "增至", "增加", "新增", "实现", "均", "各", "共有", "拥有", "了", "的", "等",
    "为", "是", "其中", "累计",
];

/// Whether an item reads as a name that the count counts: no numbers (3910间、2605间
/// are quantities), no bare numeral (一、二、 are outline markers), no verbs of a clause.
fn is_name(item: &str) -> bool {
    !item.is_empty()
        && !item.contains(|c: char| c.is_ascii_digit())
        && !item.chars().all(cn_numeral::is_numeral_char)
        && !count_re().is_match(item)
        && !CLAUSE_WORDS.iter().any(|w| item.contains(w))
}

/// The part of an item after the last clause word: "组建了流行病学调查" → "流行病学调查".
fn after_clause_words(t: &str) -> &str {
    let cut = CLAUSE_WORDS
        .iter()
        .filter_map(|w| t.rfind(w).map(|at| at + w.len()))
        .max()
        .unwrap_or(0);
    t.get(cut..).unwrap_or(t)
}

fn count_value(s: &str) -> Option<usize> {
    let n = if s.chars().all(|c| c.is_ascii_digit()) {
        s.parse().ok()?
    } else {
        cn_numeral::parse(s)?
    };
    usize::try_from(n).ok().filter(|&n| n >= 2)
}

/// Approximate or ordinal counts are not list lengths: 第3个, 近10个, 10余个, 10多家.
fn is_exact(text: &str, n: Span, cls_end: usize) -> bool {
    let before = text[..n.start].chars().next_back();
    let after = text[cls_end..].chars().next();
    !matches!(
        before,
        Some(
            '第' | '近'
                | '约'
                | '超'
                | '逾'
                | '余'
                | '多'
                | '每'
                | '前'
                | '后'
                | '这'
                | '那'
                | '.'
        )
    ) && !matches!(after, Some('余' | '多' | '以'))
        && !text[..n.start]
            .ends_with(|c: char| c.is_ascii_digit() || cn_numeral::is_numeral_char(c))
}

impl Lint for EnumerationCount {
    fn meta(&self) -> &'static LintMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        for p in &doc.paragraphs {
            if !may_hold_count(&p.text) {
                continue;
            }
            let mut used: Vec<Span> = Vec::new();
            for c in forward_re().captures_iter(&p.text) {
                let (Some(n), Some(cls), Some(intro)) =
                    (c.name("n"), c.name("cls"), c.name("intro"))
                else {
                    continue;
                };
                let count = Span::new(n.start(), cls.end());
                if !is_exact(&p.text, Span::new(n.start(), n.end()), cls.end()) {
                    continue;
                }
                let Some(value) = count_value(n.as_str()) else {
                    continue;
                };
                let end = list_end(&p.text, intro.end());
                let Some(mut list) = split_items(&p.text, Span::new(intro.end(), end)) else {
                    continue;
                };
                // 包括 may name only some: like 等, the count is then a lower bound.
                list.etc |= intro.as_str().starts_with('包');
                used.push(count);
                if let Some(f) = compare(doc, p, count, value, &list) {
                    out.push(f);
                }
            }
            for c in count_re().captures_iter(&p.text) {
                let (Some(n), Some(cls)) = (c.name("n"), c.name("cls")) else {
                    continue;
                };
                let count = Span::new(n.start(), cls.end());
                // `used` is in text order: a binary search keeps a paragraph of
                // many counts linear.
                if used.binary_search(&count).is_ok()
                    || !is_exact(&p.text, Span::new(n.start(), n.end()), cls.end())
                {
                    continue;
                }
                let Some(value) = count_value(n.as_str()) else {
                    continue;
                };
                let before = p.text[..n.start()].trim_end_matches(' ');
                // The list ends right before the number, after 等 or a name.
                if before.is_empty()
                    || before
                        .ends_with(|c: char| c.is_ascii_punctuation() || "，。；：、".contains(c))
                {
                    continue;
                }
                let etc = before.ends_with('等');
                let list_text = before.strip_suffix('等').unwrap_or(before);
                if JOINERS.iter().any(|j| list_text.ends_with(j)) {
                    continue; // "设计公园和85个口袋公园": the count starts a new item
                }
                let start = list_start(list_text);
                let Some(mut list) = split_items(&p.text, Span::new(start, list_text.len())) else {
                    continue;
                };
                list.etc |= etc;
                if !etc && !counts_a_noun(&p.text, cls.end(), &list, value) {
                    continue;
                }
                if let Some(f) = compare(doc, p, count, value, &list) {
                    out.push(f);
                }
            }
        }
    }
}

/// A list governed by one of these is the object of a different verb than the count's:
/// "围绕增速、结构、效率提出5项指标".
const PREPOSITIONS: [&str; 12] = [
    "围绕", "聚焦", "针对", "覆盖", "按照", "根据", "通过", "就", "从", "对", "同", "向",
];

/// "A、B、C 3个单位": without 等, the number counts the names before it only when a
/// noun follows it ("…工程52个。" counts projects of those kinds), the list has at least
/// three short names, and a pair joined by 与/和 is not what is counted ("A与B两项").
fn counts_a_noun(text: &str, cls_end: usize, list: &List, value: usize) -> bool {
    let next = text[cls_end..].chars().next();
    let noun_follows =
        next.is_some_and(|c| crate::document::markers::is_han(c) && !"和及与以余多".contains(c));
    let last_joined = list
        .items
        .last()
        .is_some_and(|i| JOINERS.iter().any(|j| text[i.start..i.end].contains(j)));
    let first = list.items.first().map_or("", |i| &text[i.start..i.end]);
    let governed = PREPOSITIONS.iter().any(|p| first.starts_with(p));
    // Names are short; a long middle item is a clause ("葡萄牙政府在贯彻执行中英").
    let short = list.items.iter().skip(1).all(|i| {
        text[i.start..i.end]
            .split(['和', '及', '与'])
            .all(|part| part.chars().count() <= 10)
    });
    noun_follows
        && after_clause_words(first).chars().count() <= 20
        && !governed
        && short
        && list.items.len() >= 3
        && !(last_joined && value == 2)
}

/// The end of a list after its introducer: the first clause or sentence break
/// outside brackets.
fn list_end(text: &str, from: usize) -> usize {
    let mut depth = 0i32;
    for (i, c) in text[from..].char_indices() {
        match c {
            '（' | '(' | '《' | '“' | '【' => depth += 1,
            '）' | ')' | '》' | '”' | '】' => depth -= 1,
            '，' | ',' | '。' | '；' | ';' | '：' | ':' | '！' | '？' if depth <= 0 => {
                return from + i
            }
            _ => {}
        }
    }
    text.len()
}

/// The start of a list that ends at `before.len()`: the last clause break before it.
fn list_start(before: &str) -> usize {
    let mut depth = 0i32;
    for (i, c) in before.char_indices().rev() {
        match c {
            '）' | ')' | '》' | '”' | '】' => depth += 1,
            '（' | '(' | '《' | '“' | '【' => {
                if depth == 0 {
                    return i + c.len_utf8();
                }
                depth -= 1;
            }
            '，' | ',' | '。' | '；' | ';' | '：' | ':' | '！' | '？' if depth <= 0 => {
                return i + c.len_utf8()
            }
            _ => {}
        }
    }
    0
}

fn compare(
    doc: &Document,
    p: &Paragraph,
    count: Span,
    value: usize,
    list: &List,
) -> Option<Finding> {
    let ok = if list.etc {
        list.fewest() <= value
    } else {
        (list.fewest()..=list.most()).contains(&value)
    };
    if ok {
        return None;
    }
    let counted = if list.etc || list.fewest() > value {
        list.fewest()
    } else {
        list.most()
    };
    let certain = list.fewest() == list.most() || list.fewest() > value;
    let stated = &p.text[count.start..count.end];
    let counted = if certain || list.etc {
        counted.to_string()
    } else {
        format!("{}～{}", list.fewest(), list.most())
    };
    let names: Vec<&str> = list.items.iter().map(|i| &p.text[i.start..i.end]).collect();
    let message = if list.etc {
        format!("「{stated}」少于所列举的 {counted} 项（“等”只表示还有未列出的）")
    } else {
        format!("「{stated}」与所列举的 {counted} 项不符")
    };
    let mut f = Finding::new(&META, p.doc_span(count), message)
        .severity(if certain {
            Severity::Error
        } else {
            Severity::Warning
        })
        .primary(format!("写 {value}"));
    for (k, item) in list.items.iter().enumerate() {
        f = f.label(p.doc_span(*item), format!("第{}项", k + 1));
    }
    let joined = if list.joined > 0 && !certain {
        "（把“和/及/与”连接的算作两项）"
    } else {
        ""
    };
    let _ = doc;
    Some(f.help(format!(
        "所列：{}，共 {counted} 项{joined} ≠ {value}：改正数字，或补上漏列的项",
        names.join("、")
    )))
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
                "在建续建重点项目7个,分别为XX市人民医院南区、XX市人民医院北区、XX市医防融合服务中心建设项目、XX市中医院扩建项目(XX市中医院公共卫生服务楼、中药制剂室综合楼、中医药众创大楼)、XX市第三人民医院、XX市第二人民医院、XX市顾集镇卫生院;项目总建筑面积约36.04万平方米。",
                "泉阳王付全、芦村穆寨、王集李彬庄、舒庄大鲁村和东城徐寨社区、连后楼社区6个单位参与申报创建。",
                "组建临床检验、内镜、血液净化、临床用血、急诊、药事6个县级医疗质量控制中心。",
                "支援苏州、连云港、常州等5个城市。",
                "新创国家卫生镇4个、省卫生镇3个、省卫生村191个。",
                "已储备到位6515间,其中3910间、2605间分别能在24小时内投入使用。",
                "在李堡、南莫、曲塘3个农村区域医疗卫生中心建设公共卫生应急楼。",
            ],
            &[
                "组建临床检验、内镜、血液净化、临床用血、急诊、药事7个县级医疗质量控制中心。",
                "支援苏州、连云港、常州、上海、成都、南京等5个城市。",
                "计划开工项目四个，分别为XX市第四人民医院、XX市人民医院西区门诊及病房楼改建项目。",
            ],
        );
    }
}
