use crate::diagnostic::Finding;
use crate::document::outline::normalize_title;
use crate::document::{Document, Marker};
use crate::lints::{Configurable, Lint, LintMeta, NoOptions};

crate::declare_lint! {
    /// ## What it does
    /// Compares a table of contents with the body. A table of contents is a run
    /// of at least three heading lines near the top whose first heading comes
    /// back soon after as the first heading of the body. Reports an entry whose
    /// body heading has other words, an entry with no heading in the body, and a
    /// body heading missing from the table of contents.
    ///
    /// A body heading may extend its entry (`（二）全面加强疫情防控,取得明显成效`
    /// for the entry `（二）全面加强疫情防控`); punctuation, spaces and page
    /// numbers are ignored. When the body ends before the last entries, they are
    /// reported together once.
    ///
    /// ## Why
    /// A table of contents that disagrees with the body sends the reader to
    /// sections that do not exist, and usually shows that the body was edited
    /// after the contents were written, or cut short.
    ///
    /// ## Example
    /// ```bad
    /// 一、工作完成情况
    /// （一）加强党建引领
    /// （二）全面加强疫情防控
    /// 二、存在问题
    /// 现将工作报告如下：
    /// 一、工作完成情况
    /// （一）加强党建引领，强化思想政治建设。
    /// （二）加强项目建设，取得新进展。
    /// 二、存在问题
    /// ```
    /// ```good
    /// 一、工作完成情况
    /// （一）加强党建引领
    /// （二）全面加强疫情防控
    /// 二、存在问题
    /// 现将工作报告如下：
    /// 一、工作完成情况
    /// （一）加强党建引领，强化思想政治建设。
    /// （二）全面加强疫情防控，取得明显成效。
    /// 二、存在问题
    /// ```
    pub struct TocMismatch {}
    code = "RL106", name = "toc-mismatch", family = Numbering, severity = Warning,
    summary = "a table of contents that disagrees with the body headings",
}

impl Configurable for TocMismatch {
    type Options = NoOptions;
    fn new(_: NoOptions) -> Result<Self, String> {
        Ok(TocMismatch {})
    }
}

/// Entries missing at the end of the body are reported one by one up to this many.
const LISTED_MISSING: usize = 2;

fn same_marker(a: &Marker, b: &Marker) -> bool {
    a.family == b.family && a.value == b.value
}

fn titles_agree(toc: &Marker, body: &Marker) -> bool {
    let (t, b) = (normalize_title(&toc.title), normalize_title(&body.title));
    t.is_empty() || b.starts_with(&t) || t.starts_with(&b) && !b.is_empty()
}

impl Lint for TocMismatch {
    fn meta(&self) -> &'static LintMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let Some(toc) = &doc.outline.toc else { return };
        let entries: Vec<usize> = toc.entries.clone().collect();
        let families: Vec<_> = entries.iter().map(|&k| &doc.markers[k].family).collect();
        let body: Vec<usize> = (toc.body_start..doc.markers.len())
            .filter(|&k| doc.markers[k].block && families.contains(&&doc.markers[k].family))
            .collect();
        let (mut i, mut j) = (0, 0);
        let window = 3;
        while i < entries.len() && j < body.len() {
            let (t, b) = (&doc.markers[entries[i]], &doc.markers[body[j]]);
            if same_marker(t, b) {
                if !titles_agree(t, b) {
                    out.push(
                        Finding::new(
                            &META,
                            b.title_span,
                            format!(
                                "正文标题「{}{}」与目录「{}{}」不一致",
                                doc.slice(b.span),
                                b.title,
                                doc.slice(t.span),
                                t.title
                            ),
                        )
                        .primary("正文标题")
                        .label(t.title_span, "目录中的标题")
                        .help("修改目录或正文标题，使两者一致"),
                    );
                }
                i += 1;
                j += 1;
            } else if body[j..]
                .iter()
                .take(window)
                .any(|&k| same_marker(t, &doc.markers[k]))
            {
                out.push(extra(doc, body[j]));
                j += 1;
            } else {
                out.push(missing(doc, entries[i]));
                i += 1;
            }
        }
        let rest = &entries[i..];
        if rest.len() > LISTED_MISSING {
            let first = &doc.markers[rest[0]];
            let last = &doc.markers[rest[rest.len() - 1]];
            out.push(
                Finding::new(
                    &META,
                    first.span.cover(first.title_span),
                    format!(
                        "目录中从「{}{}」起的 {} 个标题在正文中都没有出现",
                        doc.slice(first.span),
                        first.title,
                        rest.len()
                    ),
                )
                .primary("正文缺少的第一个标题")
                .label(last.span.cover(last.title_span), "到这一项为止")
                .help("正文可能被截断或删节：补全正文，或删去目录中多余的条目"),
            );
        } else {
            out.extend(rest.iter().map(|&k| missing(doc, k)));
        }
        out.extend(body[j..].iter().map(|&k| extra(doc, k)));
    }
}

/// A body heading the table of contents does not list.
fn extra(doc: &Document, k: usize) -> Finding {
    let b = &doc.markers[k];
    Finding::new(
        &META,
        b.span,
        format!("正文标题「{}{}」不在目录中", doc.slice(b.span), b.title),
    )
    .primary("目录中没有这一项")
    .help("把这一标题补进目录，或删去多出的正文标题")
}

fn missing(doc: &Document, k: usize) -> Finding {
    let t = &doc.markers[k];
    Finding::new(
        &META,
        t.span.cover(t.title_span),
        format!(
            "目录中的「{}{}」在正文中没有对应标题",
            doc.slice(t.span),
            t.title
        ),
    )
    .primary("正文中找不到")
    .help("补上正文中的这一节，或删去目录中的这一条")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lints::testing::{pass_fail, run};

    const TOC: &str = "一、工作完成情况\n（一）加强党建引领\n（二）全面加强疫情防控\n（三）加强项目建设\n二、存在问题\n三、工作计划\n（一）以党建为统领\n（二）继续推动\n现将工作报告如下：\n";

    #[test]
    fn cases() {
        let full = format!("{TOC}一、工作完成情况\n（一）加强党建引领，强化建设。\n（二）全面加强疫情防控。\n（三）加强项目建设。\n二、存在问题\n三、工作计划\n（一）以党建为统领。\n（二）继续推动。\n");
        let renamed = full.replace("（三）加强项目建设。", "（三）加强人才建设。");
        let cut = format!("{TOC}一、工作完成情况\n（一）加强党建引领，强化建设。\n");
        pass_fail(
            &TocMismatch {},
            &[&full, "一、甲\n（一）子\n（二）子\n正文。\n二、乙\n"],
            &[&renamed, &cut],
        );
    }

    #[test]
    fn a_cut_body_is_one_finding() {
        let cut = format!("{TOC}一、工作完成情况\n（一）加强党建引领，强化建设。\n");
        let found = run(&TocMismatch {}, &cut);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(
            found[0].message.contains("6 个标题"),
            "{}",
            found[0].message
        );
    }
}
