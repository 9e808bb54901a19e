use super::arith::{allows, is_exact_count, num, percent};
use super::{Configurable, Lint, LintMeta, NoOptions};
use crate::diagnostic::Finding;
use crate::document::{Document, Kind, Quantity};

crate::declare_lint! {
    /// ## What it does
    /// Checks completion against target: `任务数450张，已完成580张，完成率128.9%`
    /// (580 ÷ 450 must give the printed 完成率, which may exceed 100%), and a
    /// claim of `超额完成` or `提前完成` whose completed count is below the target.
    ///
    /// The target is a count whose words say 任务, 目标, 计划, 需完成 or 应完成; the
    /// completed count one whose words say 完成 or 实际, in the same unit, earlier in
    /// the same or the previous sentence. When any such pair gives the printed
    /// rate (to its printed precision) the lint is silent; `完成任务数的73.36%`
    /// with no target stated is never reported.
    ///
    /// ## Why
    /// Completion rates decide whether a target counts as met; a wrong one flips
    /// the conclusion a reviewer draws.
    ///
    /// ## Example
    /// ```bad
    /// 2022年民生工程任务数450张托位，现已完成580张，完成率118.9%。
    /// ```
    /// ```good
    /// 2022年民生工程任务数450张托位，现已完成580张，完成率128.9%。
    /// ```
    pub struct CompletionVsTarget {}
    code = "RL202", name = "completion-vs-target", family = Arithmetic, severity = Error,
    summary = "a completion rate or an 超额完成 claim that target and result do not give",
}

impl Configurable for CompletionVsTarget {
    type Options = NoOptions;
    fn new(_: NoOptions) -> Result<Self, String> {
        Ok(CompletionVsTarget {})
    }
}

const TARGET: &[&str] = &["任务", "目标", "计划", "需完成", "应完成", "要求完成"];
const DONE: &[&str] = &["完成", "实际", "实现"];

fn is_target(q: &Quantity) -> bool {
    TARGET.iter().any(|w| q.label.contains(w))
}

fn is_done(q: &Quantity) -> bool {
    !is_target(q) && DONE.iter().any(|w| q.label.contains(w))
}

/// Exact counts before `at` in the same paragraph, in this sentence or the one before.
fn before<'d>(doc: &'d Document, at: &Quantity) -> impl Iterator<Item = &'d Quantity> + 'd {
    let (p, s, start) = (at.paragraph, at.sentence, at.local.start);
    doc.quantities.iter().filter(move |c| {
        c.paragraph == p
            && c.local.end <= start
            && c.sentence + 1 >= s
            && is_exact_count(c)
            && c.value > 0.0
    })
}

impl Lint for CompletionVsTarget {
    fn meta(&self) -> &'static LintMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        for r in &doc.quantities {
            if r.kind != Kind::Percent
                || !r.is_exact()
                || !(r.label.ends_with("完成率") || r.label.ends_with("完成进度"))
            {
                continue;
            }
            let counts: Vec<&Quantity> = before(doc, r).collect();
            let targets: Vec<&&Quantity> = counts.iter().filter(|c| is_target(c)).collect();
            let dones: Vec<&&Quantity> = counts.iter().filter(|c| is_done(c)).collect();
            let fits = targets.iter().any(|t| {
                dones
                    .iter()
                    .any(|d| d.same_unit(t) && allows(r, d.value / t.value * 100.0))
            });
            if fits {
                continue;
            }
            // The nearest target, and the nearest completed count of its unit.
            let Some(t) = targets.last() else { continue };
            let Some(d) = dones.iter().rev().find(|d| d.same_unit(t)) else {
                continue;
            };
            let stated = doc.slice(r.span);
            out.push(
                Finding::new(
                    &META,
                    r.span,
                    format!(
                        "「{}{stated}」与任务和完成数不符：{} ÷ {} = {}",
                        r.label,
                        num(d.value),
                        num(t.value),
                        percent(d.value, t.value)
                    ),
                )
                .primary(format!("文中为 {stated}"))
                .label(d.span, format!("完成：{}", d.label))
                .label(t.span, format!("任务：{}", t.label))
                .help(format!(
                    "按 {} ÷ {} 计算完成率应为 {}",
                    doc.slice(d.span),
                    doc.slice(t.span),
                    percent(d.value, t.value)
                )),
            );
        }
        self.check_claims(doc, out);
    }
}

impl CompletionVsTarget {
    /// 超额完成 / 提前完成 / 全面完成 with a completed count below the target.
    fn check_claims(&self, doc: &Document, out: &mut Vec<Finding>) {
        for (pi, p) in doc.paragraphs.iter().enumerate() {
            for claim in ["超额完成", "全面完成", "提前完成"] {
                let mut from = 0;
                while let Some(i) = p.text[from..].find(claim) {
                    let at = from + i;
                    from = at + claim.len();
                    let sentence = p
                        .sentences
                        .iter()
                        .position(|s| s.start <= at && at < s.end)
                        .unwrap_or(0);
                    let here: Vec<&Quantity> = doc
                        .quantities
                        .iter()
                        .filter(|q| {
                            q.paragraph == pi && q.sentence == sentence && is_exact_count(q)
                        })
                        .collect();
                    let Some(t) = here.iter().find(|q| is_target(q)) else {
                        continue;
                    };
                    let Some(d) = here.iter().find(|q| is_done(q) && q.same_unit(t)) else {
                        continue;
                    };
                    if d.value >= t.value {
                        continue;
                    }
                    let span = p.doc_span(crate::span::Span::new(at, at + claim.len()));
                    out.push(
                        Finding::new(
                            &META,
                            span,
                            format!(
                                "称「{claim}」，但完成数 {} 小于任务数 {}",
                                num(d.value),
                                num(t.value)
                            ),
                        )
                        .primary("结论与数字相反")
                        .label(d.span, format!("完成：{}", d.label))
                        .label(t.span, format!("任务：{}", t.label))
                        .help(format!(
                            "{} ÷ {} = {}，未达到任务数；核对数字或改写结论",
                            num(d.value),
                            num(t.value),
                            percent(d.value, t.value)
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
            &CompletionVsTarget {},
            &[
                "XX市需完成1562张托位,现已完成1575张托位,完成率100.8%;2022年民生工程任务数450张托位,现已完成580张,完成率128.9%。",
                "至六月底已培训3668人次,完成任务数的73.36%。",
                "年度任务数1000户，实际完成1200户，超额完成任务。",
            ],
            &[
                "XX市需完成1562张托位,现已完成1575张托位,完成率108%。",
                "年度任务数1000户，实际完成900户，超额完成任务。",
            ],
        );
    }
}
