use super::rate_table::{count, counts_before, percent, same_unit};
use crate::diagnostic::{Finding, Severity};
use crate::document::{Approx, Document, Kind, Quantity};
use crate::lints::{Configurable, Lint, LintMeta, NoOptions};

crate::declare_lint! {
    /// ## What it does
    /// Checks a completion rate against the target and the amount done:
    /// `任务数N，完成M，完成率P%` and `完成任务数的P%` must give P = M ÷ N (above
    /// 100% is fine), within the rounding the written P allows. The target is a
    /// count whose label says 任务, 目标, 计划, 需完成, 应完成 or 下达; the amount
    /// done is the nearest count labelled 完成 before the rate in its sentence.
    /// When the target is not stated in the paragraph nothing is said.
    ///
    /// It also reports a claim the numbers contradict — a decision error:
    /// 超额完成 or 提前完成 written in a sentence whose amount done is below its
    /// target.
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

const TARGET_WORDS: &[&str] = &["任务", "目标", "计划", "需完成", "应完成", "下达"];
const CLAIMS: &[&str] = &["超额完成", "提前完成", "全面完成"];

fn is_target(q: &Quantity) -> bool {
    TARGET_WORDS.iter().any(|w| q.label.contains(w))
}

fn is_done(q: &Quantity) -> bool {
    q.label.contains("完成") && !is_target(q)
}

impl Lint for CompletionVsTarget {
    fn meta(&self) -> &'static LintMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let qs = &doc.quantities;
        for (k, rate) in qs.iter().enumerate() {
            if rate.kind != Kind::Percent || rate.approx != Approx::Exact {
                continue;
            }
            // 完成率 P%, or 完成任务数的 P% / 完成全年目标的 P%.
            let of_target =
                rate.label.starts_with("完成") && rate.label.ends_with('的') && is_target(rate);
            if !rate.label.ends_with("完成率") && !of_target {
                continue;
            }
            let done = if of_target {
                k.checked_sub(1).filter(|&j| {
                    qs[j].sentence == rate.sentence && qs[j].paragraph == rate.paragraph
                })
            } else {
                counts_before(qs, k).find(|&j| qs[j].sentence == rate.sentence && is_done(&qs[j]))
            };
            let Some(done) = done.filter(|&j| qs[j].is_count() && qs[j].approx == Approx::Exact)
            else {
                continue;
            };
            let fits = counts_before(qs, k)
                .filter(|&j| j != done && same_unit(&qs[j], &qs[done]) && qs[j].value > 0.0)
                .any(|j| rate.admits(qs[done].value / qs[j].value * 100.0));
            if fits {
                continue;
            }
            let targets: Vec<usize> = counts_before(qs, k)
                .filter(|&j| j != done && same_unit(&qs[j], &qs[done]) && is_target(&qs[j]))
                .collect();
            let [target] = targets[..] else { continue };
            if qs[target].value > 0.0 {
                out.push(rate_finding(doc, rate, &qs[done], &qs[target]));
            }
        }
        claim_findings(doc, out);
    }
}

fn rate_finding(doc: &Document, rate: &Quantity, done: &Quantity, target: &Quantity) -> Finding {
    let got = done.value / target.value * 100.0;
    let recompute = format!(
        "{} ÷ {} = {}",
        count(done.value),
        count(target.value),
        percent(got)
    );
    let one_sentence = target.sentence == rate.sentence;
    Finding::new(
        &META,
        rate.span,
        format!(
            "「{}{}」与完成数和任务数不符：{recompute}",
            rate.label, rate.written
        ),
    )
    .severity(if one_sentence {
        Severity::Error
    } else {
        Severity::Warning
    })
    .primary(format!("所写完成率，按计数应为 {}", percent(got)))
    .label_counts(done, target)
    .help(format!(
        "{recompute}，与所写 {} 不符；核对完成数、任务数，或把完成率改为 {}",
        doc.slice(rate.span),
        percent(got)
    ))
}

/// Both findings label the two counts the same way.
trait LabelCounts {
    fn label_counts(self, done: &Quantity, target: &Quantity) -> Self;
}

impl LabelCounts for Finding {
    fn label_counts(self, done: &Quantity, target: &Quantity) -> Finding {
        self.label(
            done.label_span.cover(done.span),
            format!("完成数 {}", count(done.value)),
        )
        .label(
            target.label_span.cover(target.span),
            format!("任务数 {}", count(target.value)),
        )
    }
}

/// 超额完成/提前完成 in a sentence whose amount done is below its target.
fn claim_findings(doc: &Document, out: &mut Vec<Finding>) {
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        // Every claim holds 完成: one memchr scan spares most paragraphs a search per sentence.
        if memchr::memmem::find(p.text.as_bytes(), "完成".as_bytes()).is_none() {
            continue;
        }
        for (si, s) in p.sentences.iter().enumerate() {
            let Some(text) = p.text.get(s.start..s.end) else {
                continue;
            };
            let Some((claim, at)) = CLAIMS
                .iter()
                .find_map(|c| text.find(c).map(|i| (*c, s.start + i)))
            else {
                continue;
            };
            let in_sentence: Vec<&Quantity> = doc
                .quantities_in_sentence(pi, si)
                .iter()
                .filter(|q| q.is_count())
                .collect();
            let targets: Vec<&&Quantity> = in_sentence
                .iter()
                .filter(|q| is_target(q) && q.approx == Approx::Exact)
                .collect();
            let dones: Vec<&&Quantity> = in_sentence.iter().filter(|q| is_done(q)).collect();
            let ([target], [done]) = (&targets[..], &dones[..]) else {
                continue;
            };
            let below = match done.approx {
                Approx::Exact | Approx::AtMost => done.value < target.value,
                _ => false,
            };
            if !below || !same_unit(done, target) {
                continue;
            }
            let span = p.doc_span(crate::span::Span::new(at, at + claim.len()));
            out.push(
                Finding::new(
                    &META,
                    span,
                    format!(
                        "写「{claim}」，但完成数 {} 低于任务数 {}",
                        count(done.value),
                        count(target.value)
                    ),
                )
                .primary("与计数相反的结论")
                .label_counts(done, target)
                .help(format!(
                    "{} ÷ {} = {}，未达任务；核对两个计数，或改写「{claim}」",
                    count(done.value),
                    count(target.value),
                    percent(done.value / target.value * 100.0)
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
            &CompletionVsTarget {},
            &[
                "XX市需完成1562张托位,现已完成1575张托位,完成率100.8%;2022年民生工程任务数450张托位,现已完成580张,完成率128.9%。",
                "至六月底已培训3668人次,完成任务数的73.36%。",
                "全年目标任务5000人次，已完成3668人次，完成任务数的73.36%。",
                "下达任务1000户，完成1200户，超额完成任务。",
                "完成率95%。",
            ],
            &[
                "需完成1562张托位，现已完成1575张托位，完成率108.0%。",
                "全年目标任务5000人次，已完成3668人次，完成任务数的83.36%。",
                "下达任务1000户，已完成900户，超额完成任务。",
            ],
        );
    }
}
