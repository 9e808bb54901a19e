use crate::diagnostic::Finding;
use crate::document::{Document, Event};
use crate::lints::{Configurable, Lint, LintMeta, NoOptions};

crate::declare_lint! {
    /// ## What it does
    /// Finds a skipped number in a sequence of section or list numbers
    /// (`一、 二、 四、`), and a nested list that does not start at one
    /// (`（二）` directly under `一、`).
    ///
    /// A restart at one is never a gap: a report that reviews the year under
    /// `一、…六、` and then plans the next under `一、…四、` is fine.
    ///
    /// ## Why
    /// A gap means a section was deleted or merged without renumbering; reviewers
    /// ask where the missing part went.
    ///
    /// ## Example
    /// ```bad
    /// 一、工作完成情况
    /// 二、存在问题
    /// 四、下一步计划
    /// ```
    /// ```good
    /// 一、工作完成情况
    /// 二、存在问题
    /// 三、下一步计划
    /// ```
    pub struct NumberingGap {}
    code = "RL102", name = "numbering-gap", family = Numbering, severity = Error,
    summary = "a section number skipped, or a nested list not starting at one",
}

impl Configurable for NumberingGap {
    type Options = NoOptions;
    fn new(_: NoOptions) -> Result<Self, String> {
        Ok(NumberingGap {})
    }
}

impl Lint for NumberingGap {
    fn meta(&self) -> &'static LintMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        for event in &doc.outline.events {
            let Event::Gap {
                marker,
                previous,
                expected,
            } = *event
            else {
                continue;
            };
            let m = &doc.markers[marker];
            let shown = doc.slice(m.span);
            let want = m.render(expected);
            let finding = match previous {
                Some(p) => {
                    let prev = &doc.markers[p];
                    Finding::new(
                        &META,
                        m.span,
                        format!(
                            "编号跳号：「{}」之后是「{shown}」，缺少「{want}」",
                            doc.slice(prev.span)
                        ),
                    )
                    .label(prev.span, "上一项")
                }
                None => Finding::new(
                    &META,
                    m.span,
                    format!("下级编号从「{shown}」开始，缺少「{want}」"),
                ),
            };
            out.push(finding.primary(format!("应为「{want}」")).help(format!(
                "补上缺少的「{want}」一节，或把「{shown}」及其后各项依次改号"
            )));
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
            &NumberingGap {},
            &[
                "一、甲\n二、乙\n三、丙\n一、计划\n二、计划\n",
                "（一）甲\n1.子\n2.子\n（二）乙\n1.子\n",
                "二、续前\n三、下文\n",
                "一、甲\n正文。一是排查。二是消毒。\n二、乙\n正文。一是检测。\n",
                // A page flattened to one line: the spaces stand for its line breaks.
                "一、工作成效 （一）加强学习 一是学习。二是培训。 （二）规范管理 一是立规。 （三）优化服务 一是提速。\n",
            ],
            &[
                "一、甲\n二、乙\n四、丁\n",
                "一、甲\n（二）乙\n",
                "开展监测。一是排查。三是检测。\n",
                "一、工作成效 （一）加强学习 一是学习。 （三）优化服务 一是提速。\n",
            ],
        );
    }
}
