use super::arith::{is_exact_count, num};
use super::{Configurable, Lint, LintMeta, NoOptions};
use crate::diagnostic::Finding;
use crate::document::{Document, Quantity};
use crate::span::Span;

crate::declare_lint! {
    /// ## What it does
    /// Reports "all" claims (全部, 均已, 全覆盖, 都已) that the counts beside them
    /// contradict: `192名老人…全部完成签约，共签约186人` (186 of 192 is not all).
    ///
    /// The whole is a count before the claim in the same sentence; the part a count
    /// after it, in the same sentence or the next, in the same unit (人 and 名 count
    /// alike), whose words say it is what was done (共, 累计, 已, 完成, 实际:
    /// its words start so). A part smaller than the whole flips the claim.
    ///
    /// ## Why
    /// "All" is a conclusion a reviewer relies on; the number that contradicts it is
    /// usually the true one.
    ///
    /// ## Example
    /// ```bad
    /// 192名老人由各村卫生室全部完成签约，共签约186人。
    /// ```
    /// ```good
    /// 192名老人由各村卫生室全部完成签约，共签约192人。
    /// ```
    pub struct ClaimVsCounts {}
    code = "RL206", name = "claim-vs-counts", family = Arithmetic, severity = Error,
    summary = "全部 / 均已 / 全覆盖 claimed where the counts say otherwise",
}

impl Configurable for ClaimVsCounts {
    type Options = NoOptions;
    fn new(_: NoOptions) -> Result<Self, String> {
        Ok(ClaimVsCounts {})
    }
}

const CLAIMS: &[&str] = &["全部", "均已", "都已", "全覆盖", "无一遗漏"];
const DONE: &[&str] = &["共", "累计", "已", "完成", "实际", "仅"];

impl Lint for ClaimVsCounts {
    fn meta(&self) -> &'static LintMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        for (pi, p) in doc.paragraphs.iter().enumerate() {
            for (si, s) in p.sentences.iter().enumerate() {
                let sentence = &p.text[s.start..s.end];
                for claim in CLAIMS {
                    let Some(k) = sentence.find(claim) else {
                        continue;
                    };
                    let at = s.start + k;
                    let counts: Vec<&Quantity> = doc
                        .quantities
                        .iter()
                        .filter(|q| {
                            q.paragraph == pi
                                && (q.sentence == si || q.sentence == si + 1)
                                && is_exact_count(q)
                        })
                        .collect();
                    let Some(whole) = counts
                        .iter()
                        .find(|q| q.sentence == si && q.local.end <= at)
                    else {
                        continue;
                    };
                    // The part comes after the claim (not with the claim in its own
                    // words) and says it is what was done: 共签约186人, 已建成115所.
                    let part = counts.iter().find(|q| {
                        let label_start = q.local.start - q.label.len().min(q.local.start);
                        label_start >= at + claim.len()
                            && q.same_unit(whole)
                            && q.value < whole.value
                            && DONE.iter().any(|w| {
                                q.label.starts_with(w) || q.label.starts_with(&format!("其中{w}"))
                            })
                    });
                    let Some(part) = part else { continue };
                    let span = p.doc_span(Span::new(at, at + claim.len()));
                    out.push(
                        Finding::new(
                            &META,
                            span,
                            format!(
                                "称「{claim}」，但总数为{}，{}{}",
                                doc.slice(whole.span),
                                part.label,
                                doc.slice(part.span)
                            ),
                        )
                        .primary("结论与数字相反")
                        .label(whole.span, "总数")
                        .label(part.span, format!("实际：{}", part.label))
                        .help(format!(
                            "{} < {}，相差 {}；核对数字，或把「{claim}」改为如实的表述",
                            num(part.value),
                            num(whole.value),
                            num(whole.value - part.value)
                        )),
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
            &ClaimVsCounts {},
            &[
                "全市6家二级以上医疗机构全部建成发热门诊。",
                "17家养老机构实现医疗服务全覆盖，两个卫生院成功改建。",
                "192名老人全部完成签约，共签约192人。",
                "限额以上的建设单位485个，已经全部完工投入生产的重大工程82个。",
                "干支线铁路营业里程超5400公里，成为全国首个全部设区市通时速350公里高铁的省份。",
            ],
            &[
                "192名老人由百岁老人居住地各区镇(中心)卫生院,各村卫生室全部完成签约,共签约186人。",
                "辖区120所学校均已建成卫生室，已建成115所。",
            ],
        );
    }
}
