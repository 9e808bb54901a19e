use crate::diagnostic::Finding;
use crate::document::directives::Directive;
use crate::document::Document;
use crate::lints::{Configurable, Lint, LintMeta, NoOptions};

crate::declare_lint! {
    /// ## What it does
    /// Reports a suppression comment that names no known lint, and one that
    /// suppresses nothing (the finding it was written for is gone).
    ///
    /// Suppressions: `reportlint-disable-next-line CODE[,CODE]` hides findings on
    /// the next non-blank line; `reportlint-disable CODE` … `reportlint-enable CODE`
    /// hides them in between (no code: every lint). In Markdown put them in an
    /// HTML comment (`<!-- reportlint-disable RL104 -->`); in a text file, on a
    /// line of their own.
    ///
    /// ## Why
    /// A stale suppression would hide the next real error on that line.
    ///
    /// ## Example
    /// ```bad
    /// reportlint-disable-next-line RL999
    /// 一、总体情况
    /// ```
    /// ```good
    /// reportlint-disable-next-line RL101
    /// 一、总体情况
    /// ```
    pub struct UnusedSuppression {}
    code = "RL002", name = "unused-suppression", family = Input, severity = Info,
    summary = "a suppression comment that names no lint or suppresses nothing",
}

impl Configurable for UnusedSuppression {
    type Options = NoOptions;
    fn new(_: NoOptions) -> Result<Self, String> {
        Ok(UnusedSuppression {})
    }
}

/// The finding for a directive that suppressed nothing (made by the pipeline,
/// which alone knows what the other lints found).
pub fn unused(d: &Directive, doc: &Document) -> Finding {
    Finding::new(
        &META,
        d.span,
        format!(
            "「{}」没有屏蔽任何问题",
            doc.display_text()
                .get(d.span.start..d.span.end)
                .unwrap_or("")
        ),
    )
    .primary("未使用的屏蔽注释")
    .help("删去这条屏蔽注释")
}

impl Lint for UnusedSuppression {
    fn meta(&self) -> &'static LintMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        for d in &doc.directives {
            for (code, span) in &d.codes {
                if crate::lints::lookup(code).is_none() {
                    out.push(
                        Finding::new(
                            &META,
                            *span,
                            format!("屏蔽注释中的「{code}」不是已知的检查项"),
                        )
                        .primary("未知的检查项")
                        .help("用 `reportlint list` 查看检查项的代码和名称"),
                    );
                }
            }
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
            &UnusedSuppression {},
            &[
                "reportlint-disable numbering-duplicate\n一、甲\n",
                "正文。\n",
            ],
            &["reportlint-disable-next-line RL1O1\n一、甲\n"],
        );
    }
}
