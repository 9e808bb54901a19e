use crate::diagnostic::Finding;
use crate::document::{Document, Event};
use crate::lints::{Configurable, Lint, LintMeta, NoOptions};

crate::declare_lint! {
    /// ## What it does
    /// Finds a list nested inside a list item that reuses the item's own marker
    /// style: `4.` followed by `1. 2. 3.` and then `5.`. The outer list goes on
    /// at `5.`, so this is not a gap or a duplicate, but the reader cannot tell
    /// the two levels apart.
    ///
    /// ## Why
    /// Official documents number each level differently (1. then （1） then ①);
    /// the same marker at two levels makes "see item 2" ambiguous.
    ///
    /// ## Example
    /// ```bad
    /// 4.实施妇幼五免筛查情况。
    /// 1.“两癌”检查。
    /// 2.产前筛查。
    /// 5.发热门诊建设情况。
    /// ```
    /// ```good
    /// 4.实施妇幼五免筛查情况。
    /// （1）“两癌”检查。
    /// （2）产前筛查。
    /// 5.发热门诊建设情况。
    /// ```
    pub struct NumberingNestedStyle {}
    code = "RL105", name = "numbering-nested-style", family = Numbering, severity = Warning,
    summary = "a nested list reusing its parent's marker style (4. 1. 2. 5.)",
}

impl Configurable for NumberingNestedStyle {
    type Options = NoOptions;
    fn new(_: NoOptions) -> Result<Self, String> {
        Ok(NumberingNestedStyle {})
    }
}

impl Lint for NumberingNestedStyle {
    fn meta(&self) -> &'static LintMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        for event in &doc.outline.events {
            let Event::NestedSameStyle {
                first_inner,
                parent,
                resumed,
            } = *event
            else {
                continue;
            };
            let inner = &doc.markers[first_inner];
            let parent_text = doc.slice(doc.markers[parent].span);
            let sub = match inner.family {
                crate::document::Family::Arabic => format!("（{}）", inner.value),
                crate::document::Family::CnParen | crate::document::Family::CnComma => {
                    format!("{}.", inner.value)
                }
                crate::document::Family::ArabicParen => "①".to_owned(),
                _ => "下一级的编号".to_owned(),
            };
            out.push(
                Finding::new(
                    &META,
                    inner.span,
                    format!(
                        "「{parent_text}」下的子项用了同样的编号格式「{}」，与上级无法区分",
                        doc.slice(inner.span)
                    ),
                )
                .primary("子项从这里开始")
                .label(doc.markers[parent].span, "上级项")
                .label(doc.markers[resumed].span, "上级编号在此继续")
                .help(format!("子项改用下一级编号，如「{sub}」")),
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
            &NumberingNestedStyle {},
            &[
                "三、民生\n1.甲。\n2.乙。\n四、内涵\n1.丙。\n",
                "1.甲项。\n2.乙项。\n正文。\n1.另一列表。\n2.另一列表。\n",
            ],
            &["1.甲。\n2.乙。\n3.丙。\n1.子甲。\n2.子乙。\n4.丁。\n"],
        );
    }
}
