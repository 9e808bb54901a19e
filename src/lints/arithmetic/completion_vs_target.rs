use super::report;
use crate::diagnostic::Finding;
use crate::document::claims::{show, ClaimKind, Role, Source, Verdict};
use crate::document::Document;
use crate::lints::{Configurable, Lint, LintMeta, NoOptions};

crate::declare_lint! {
    /// ## What it does
    /// Checks a completion against the target and the amount done: `任务数N，完成M，
    /// 完成率P%`, `完成任务数的P%`, `完成全年600万人目标的81%` and `占年度计划的88.5%`
    /// must give P = M ÷ N (above 100% is fine) for some reading of the printed
    /// numbers (each is the interval its last digit allows). The target is a count
    /// named in the phrase, a count whose label matches the base the phrase names
    /// (年初预算), or one labelled 任务, 目标, 计划, 需完成, 应完成, 下达 or 预算; the amount
    /// done is the count before the phrase or the nearest one labelled 完成.
    ///
    /// When the phrase names one base and the numbers fit another of the same kind
    /// (完成年初预算的95.0% that is 171 of the adjusted 180万元, not of the initial
    /// 150万元), the label is reported, with the reading that fits.
    ///
    /// It also reports a claim the numbers contradict — a decision error:
    /// 超额完成, 提前完成 or 全面完成 written in a sentence whose amount done is below
    /// its target.
    ///
    /// Binding: named when the target is named (in the phrase, or the one target of
    /// the sentence), else inferred; the help says which binding it assumes and only a
    /// named one suggests writing another number. A label that names the wrong base
    /// is reported with the base that fits.
    ///
    /// ## Why
    /// Completion rates are what a report is judged on; a wrong one is either a
    /// typo in the rate or a count that was updated without the rate.
    ///
    /// ## Example
    /// ```bad
    /// 全年任务数450张托位，现已完成580张，完成率118.9%。
    /// ```
    /// ```good
    /// 全年任务数450张托位，现已完成580张，完成率128.9%。
    /// ```
    pub struct CompletionVsTarget {}
    code = "RL202", name = "completion-vs-target", family = Arithmetic, severity = Error,
    summary = "a completion rate or claim that the target and amount done do not give",
}

impl Configurable for CompletionVsTarget {
    type Options = NoOptions;
    fn new(_: NoOptions) -> Result<Self, String> {
        Ok(CompletionVsTarget {})
    }
}

impl Lint for CompletionVsTarget {
    fn meta(&self) -> &'static LintMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        for c in doc.claims().of(ClaimKind::Completion) {
            match c.verdict {
                Verdict::Fails => {
                    let Some(r) = c.assumed() else { continue };
                    let expr = show::expression(r, &c.stated);
                    let message = if matches!(c.stated.source, Source::Text(_)) {
                        format!("写「{}」，但完成数低于任务数：{expr}", c.stated.written)
                    } else {
                        format!(
                            "「{}{}」与完成数和任务数不符：{expr}",
                            c.stated.label, c.stated.written
                        )
                    };
                    out.extend(report::finding(&META, c, message, "核对完成数、任务数"));
                }
                Verdict::Mislabeled(n) => {
                    let (Some(a), Some(f)) = (c.readings.first(), c.readings.get(n)) else {
                        continue;
                    };
                    let (Some(named), Some(fits)) =
                        (a.operand(Role::Target), f.operand(Role::Target))
                    else {
                        continue;
                    };
                    out.push(
                        Finding::new(
                            &META,
                            c.stated.span,
                            format!(
                                "「{}{}」所称的基数不对：按「{}{}」为 {}，按「{}{}」才是 {}",
                                c.stated.label,
                                c.stated.written,
                                named.label,
                                named.written,
                                report::computed(c, a),
                                fits.label,
                                fits.written,
                                report::computed(c, f)
                            ),
                        )
                        .primary("所写的比率与所称的基数不符")
                        .label(named.label_span, format!("所称的基数 {}", named.written))
                        .label(fits.label_span, format!("相符的基数 {}", fits.written))
                        .help(format!(
                            "{}；{}：比率对应的是「{}」，核对文字中的基数名称",
                            show::expression(a, &c.stated),
                            show::expression(f, &c.stated),
                            fits.label
                        )),
                    );
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lints::testing::{pass_fail, run};

    #[test]
    fn cases() {
        pass_fail(
            &CompletionVsTarget {},
            &[
                "XX市需完成1562张托位,现已完成1575张托位,完成率100.8%;2022年民生工程任务数450张托位,现已完成580张,完成率128.9%。",
                "至六月底已培训3668人次,完成任务数的73.36%。",
                "全年目标任务5000人次，已完成3668人次，完成任务数的73.36%。",
                "下达任务1000户，完成1200户，超额完成任务。",
                "完成率95%。",
                "新增就业486万人，完成全年600万人目标的81%。",
                "年度计划投资20亿元，完成投资17.7亿元，占年度计划的88.5%。",
            ],
            &[
                "需完成1562张托位，现已完成1575张托位，完成率108.0%。",
                "全年目标任务5000人次，已完成3668人次，完成任务数的83.36%。",
                "下达任务1000户，已完成900户，超额完成任务。",
                "新增就业486万人，完成全年600万人目标的91%。",
                "年度计划投资20亿元，完成投资17.7亿元，占年度计划的78.5%。",
                "年初预算150万元，调整后预算180万元，支出决算171万元，完成年初预算的95.0%。",
            ],
        );
    }

    #[test]
    fn a_wrong_base_is_reported_as_the_label() {
        let found = run(
            &CompletionVsTarget {},
            "年初预算150万元，调整后预算180万元，支出决算171万元，完成年初预算的95.0%。",
        );
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.contains("所称的基数不对"),
            "{}",
            found[0].message
        );
        assert!(
            found[0].message.contains("调整后预算"),
            "{}",
            found[0].message
        );
    }
}
