use crate::diagnostic::{Finding, Severity};
use crate::document::claims::{ClaimKind, Role};
use crate::document::quantities::format_value;
use crate::document::Document;
use crate::lints::{Configurable, Lint, LintMeta, NoOptions};

crate::declare_lint! {
    /// ## What it does
    /// Finds a claim of the whole (全部, 均, 全覆盖, 所有) between a count of the things
    /// and a smaller count of those it was done for: "192名老人…全部完成签约，共签约186人".
    /// The second count must name what the claim says was done (签约) and count the same
    /// kind of thing (名 and 人 both count people).
    ///
    /// Severity: always an error: both counts and the act are named in the sentence.
    ///
    /// ## Why
    /// This is a decision error: the numbers flip the claim. A reader who trusts
    /// "全部" will not look for the six who were left out.
    ///
    /// ## Example
    /// ```bad
    /// 192名老人由各区镇卫生院、各村卫生室全部完成签约，共签约186人。
    /// ```
    /// ```good
    /// 192名老人由各区镇卫生院、各村卫生室全部完成签约，共签约192人。
    /// ```
    pub struct ClaimVsCounts {}
    code = "RL206", name = "claim-vs-counts", family = Arithmetic, severity = Error,
    summary = "全部/均/全覆盖 claimed while the counts beside it say some were left out",
}

impl Configurable for ClaimVsCounts {
    type Options = NoOptions;
    fn new(_: NoOptions) -> Result<Self, String> {
        Ok(ClaimVsCounts {})
    }
}

impl Lint for ClaimVsCounts {
    fn meta(&self) -> &'static LintMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        for c in doc.claims().of(ClaimKind::Whole).filter(|c| c.fails()) {
            let Some(r) = c.assumed() else { continue };
            let (Some(done), Some(whole)) = (r.operand(Role::Done), r.operand(Role::Total)) else {
                continue;
            };
            let did = &c.stated.label;
            let (d, w) = (done.value.mid(), whole.value.mid());
            out.push(
                Finding::new(
                    &META,
                    c.stated.span,
                    format!(
                        "「{}」不成立：{}中{}{}，不是全部（决策错误：数字推翻了“全部”的结论）",
                        c.stated.written, whole.written, did, done.written
                    ),
                )
                .severity(Severity::Error)
                .primary("声称全部")
                .label(whole.span, "全部的数目")
                .label(done.span, format!("实际{did}"))
                .help(format!(
                    "{} − {} = {} 未{}，{} ÷ {} = {}%：改为实际数目与比例，或核对数字",
                    format_value(w, 2),
                    format_value(d, 2),
                    format_value(w - d, 2),
                    did,
                    format_value(d, 2),
                    format_value(w, 2),
                    format_value(d / w * 100.0, 2)
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
            &ClaimVsCounts {},
            &[
                "192名老人由百岁老人居住地各区镇(中心)卫生院,各村卫生室全部完成签约,共签约192人。",
                "全市6家二级以上医疗机构全部建成发热门诊,实现了“三区两通道”布局流程。",
                "筛查发现需复查47人,已全部复查47人,复查未通过数13人。",
                "人均签约3人，平均每户2人。",
            ],
            &[
                "192名老人由百岁老人居住地各区镇(中心)卫生院,各村卫生室全部完成签约,共签约186人。",
                "筛查发现需复查47人,均已复查,复查45人。",
            ],
        );
    }
}
