use crate::diagnostic::Finding;
use crate::document::{Document, Event};
use crate::lints::{Configurable, Lint, LintMeta, NoOptions};

crate::declare_lint! {
    /// ## What it does
    /// Finds a section number lower than the one before it at the same level
    /// (`三、` after `四、`), other than a restart at one.
    ///
    /// ## Why
    /// Numbers out of order usually come from sections moved by copy and paste.
    ///
    /// ## Example
    /// ```bad
    /// （一）加强党建引领
    /// （三）加强项目建设
    /// （二）全面加强疫情防控
    /// ```
    /// ```good
    /// （一）加强党建引领
    /// （二）全面加强疫情防控
    /// （三）加强项目建设
    /// ```
    pub struct NumberingOrder {}
    code = "RL103", name = "numbering-order", family = Numbering, severity = Error,
    summary = "a section number lower than the one before it",
}

impl Configurable for NumberingOrder {
    type Options = NoOptions;
    fn new(_: NoOptions) -> Result<Self, String> {
        Ok(NumberingOrder {})
    }
}

impl Lint for NumberingOrder {
    fn meta(&self) -> &'static LintMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        for event in &doc.outline.events {
            let Event::Order {
                marker,
                previous,
                expected,
            } = *event
            else {
                continue;
            };
            let m = &doc.markers[marker];
            let prev = &doc.markers[previous];
            let want = m.render(expected);
            out.push(
                Finding::new(
                    &META,
                    m.span,
                    format!(
                        "编号顺序颠倒：「{}」之后是「{}」",
                        doc.slice(prev.span),
                        doc.slice(m.span)
                    ),
                )
                .primary(format!("此处应为「{want}」"))
                .label(prev.span, "上一项")
                .help("按出现顺序重新编号，或把这一节移回原位"),
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
            &NumberingOrder {},
            &[
                "一、甲\n二、乙\n一、计划\n",
                "①甲②乙③丙\n",
                // Line breaks lost: each （N） ends the 一是… list of the section before.
                "总结：一是学习。二是培训。三是考核。（二）规范管理一是立规。二是执行。\n",
            ],
            &["一、甲\n三、丙\n二、乙\n", "（1）甲\n（3）丙\n（2）乙\n"],
        );
    }
}
