use crate::diagnostic::Finding;
use crate::document::{Document, Event};
use crate::lints::{Configurable, Lint, LintMeta, NoOptions};

crate::declare_lint! {
    /// ## What it does
    /// Finds a section or list number used twice in a row at one level of the
    /// outline: `五、 六、 六、`, `（二）（二）`, `一是…二是…二是…`.
    ///
    /// Levels are tracked per marker family (一、 > （一） > 1. > （1） > ①, plus
    /// 第一章, 亮点一, 一是 and 第一，), and a lower level restarts whenever its parent
    /// advances, so `（一）` under both `一、` and `二、` is fine.
    ///
    /// ## Why
    /// A repeated number usually means a section was inserted or deleted without
    /// renumbering the rest; readers then cite the wrong section.
    ///
    /// ## Example
    /// ```bad
    /// 五、以爱国卫生运动为抓手
    /// 巩固提升创建成果。
    /// 六、以区域医疗中心建设为抓手
    /// 推进中心建设。
    /// 六、以信访稳定为抓手
    /// 化解信访矛盾。
    /// ```
    /// ```good
    /// 五、以爱国卫生运动为抓手
    /// 巩固提升创建成果。
    /// 六、以区域医疗中心建设为抓手
    /// 推进中心建设。
    /// 七、以信访稳定为抓手
    /// 化解信访矛盾。
    /// ```
    pub struct NumberingDuplicate {}
    code = "RL101", name = "numbering-duplicate", family = Numbering, severity = Error,
    summary = "the same section number twice in a row at one level",
}

impl Configurable for NumberingDuplicate {
    type Options = NoOptions;
    fn new(_: NoOptions) -> Result<Self, String> {
        Ok(NumberingDuplicate {})
    }
}

impl Lint for NumberingDuplicate {
    fn meta(&self) -> &'static LintMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        for event in &doc.outline.events {
            let Event::Duplicate { marker, previous } = *event else {
                continue;
            };
            let m = &doc.markers[marker];
            let prev = &doc.markers[previous];
            let shown = doc.slice(m.span);
            out.push(
                Finding::new(
                    &META,
                    m.span,
                    format!(
                        "编号「{shown}」重复：上一项已是「{}」",
                        doc.slice(prev.span)
                    ),
                )
                .primary("重复的编号")
                .label(prev.span, "上一项")
                .help(format!(
                    "应为「{}」，其后各项依次顺延",
                    m.render(m.value + 1)
                )),
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
            &NumberingDuplicate {},
            &[
                "一、甲\n（一）子\n（二）子\n二、乙\n（一）子\n（二）子\n",
                "常态化开展监测。一是排查。二是消毒。三是检测。\n",
                "亮点一：学党史\n正文。\n亮点二：疫情防控\n正文。\n",
                "一、总结\n1.甲\n2.乙\n二、计划\n1.丙\n",
            ],
            &[
                "一、甲\n二、乙\n二、丙\n",
                "开展监测。一是排查。二是消毒。二是检测。\n",
                "（一）甲\n（二）乙\n（二）丙\n",
            ],
        );
    }
}
