use crate::diagnostic::{Finding, Severity};
use crate::document::quantities::{format_value, Approx, Quantity};
use crate::document::Document;
use crate::lints::{Configurable, Lint, LintMeta, NoOptions};
use crate::span::Span;
use serde::Deserialize;
use std::sync::OnceLock;

crate::declare_lint! {
    /// ## What it does
    /// Finds a claim of the whole (全部, 均, 全覆盖, 所有) between a count of the things
    /// and a smaller count of those it was done for: "192名老人…全部完成签约，共签约186人".
    /// The second count must name what the claim says was done (签约) and count the same
    /// kind of thing (名 and 人 both count people).
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

#[derive(Deserialize)]
struct Data {
    claims: Vec<String>,
    jun_not_after: Vec<String>,
    jun_not_before: Vec<String>,
    unit_groups: Vec<Vec<String>>,
    yue_words: Vec<String>,
}

fn data() -> &'static Data {
    static D: OnceLock<Data> = OnceLock::new();
    D.get_or_init(|| {
        toml::from_str(include_str!("../../../lints/claims.toml")).expect("lints/claims.toml")
    })
}

fn same_things(a: &Quantity, b: &Quantity) -> bool {
    a.unit == b.unit
        || data()
            .unit_groups
            .iter()
            .any(|g| g.contains(&a.unit) && g.contains(&b.unit))
}

/// Claim words of a sentence (paragraph-local spans).
fn claims_in(text: &str, sentence: Span) -> Vec<Span> {
    let d = data();
    let s = text.get(sentence.start..sentence.end).unwrap_or("");
    let mut out = Vec::new();
    for w in &d.claims {
        for (at, _) in s.match_indices(w.as_str()) {
            let start = sentence.start + at;
            let end = start + w.len();
            if w == "均" {
                let before = &text[..start];
                let after = &text[end..];
                if d.jun_not_after.iter().any(|x| before.ends_with(x.as_str()))
                    || d.jun_not_before
                        .iter()
                        .any(|x| after.starts_with(x.as_str()))
                {
                    continue;
                }
            }
            if !out.iter().any(|o: &Span| o.start <= start && start < o.end) {
                out.push(Span::new(start, end));
            }
        }
    }
    out
}

impl Lint for ClaimVsCounts {
    fn meta(&self) -> &'static LintMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        for (pi, p) in doc.paragraphs.iter().enumerate() {
            for (si, sentence) in p.sentences.iter().enumerate() {
                let qs: Vec<&Quantity> = doc
                    .quantities_in_sentence(pi, si)
                    .iter()
                    .filter(|q| q.is_count() && is_exact(doc, q))
                    .collect();
                if qs.len() < 2 {
                    continue;
                }
                for claim in claims_in(&p.text, *sentence) {
                    if let Some(f) = check_claim(doc, pi, claim, &qs) {
                        out.push(f);
                        break;
                    }
                }
            }
        }
    }
}

/// Whether a count is exact. A 约 that ends a word (签约186人, 预约) is not "about".
fn is_exact(doc: &Document, q: &Quantity) -> bool {
    q.approx == Approx::Exact
        || q.approx == Approx::About && {
            let before = doc.text.get(..q.span.start).unwrap_or("");
            data()
                .yue_words
                .iter()
                .any(|w| before.ends_with(w.as_str()))
        }
}

/// The words between the clause start and the number: 共签约 for 共签约186人.
fn act_of<'a>(doc: &'a Document, q: &Quantity) -> &'a str {
    doc.text.get(q.clause.start..q.span.start).unwrap_or("")
}

/// The claim's clause: from the claim word to the next clause break.
fn claim_clause(text: &str, claim: Span) -> Span {
    let rest = &text[claim.end..];
    let end = rest
        .find(['，', ',', '；', ';', '。', '：'])
        .map_or(text.len(), |i| claim.end + i);
    Span::new(claim.start, end)
}

fn check_claim(doc: &Document, pi: usize, claim: Span, qs: &[&Quantity]) -> Option<Finding> {
    let p = doc.paragraphs.get(pi)?;
    let clause = claim_clause(&p.text, claim);
    let claimed = p.text.get(clause.start..clause.end)?;
    // The whole: the nearest count before the claim.
    let whole = qs.iter().rev().find(|q| q.local.end <= claim.start)?;
    // The done: a later count of the same things whose label names the claimed act.
    let done = qs.iter().find(|q| {
        q.local.start >= clause.end && same_things(whole, q) && {
            let act: Vec<char> = act_of(doc, q)
                .chars()
                .filter(|c| crate::document::markers::is_han(*c))
                .collect();
            let tail: String = act.iter().skip(act.len().saturating_sub(2)).collect();
            tail.chars().count() == 2 && claimed.contains(tail.as_str())
        }
    })?;
    if done.value >= whole.value {
        return None;
    }
    let act: Vec<char> = act_of(doc, done)
        .chars()
        .filter(|c| crate::document::markers::is_han(*c))
        .collect();
    let did: String = act.iter().skip(act.len().saturating_sub(2)).collect();
    let share = done.value / whole.value * 100.0;
    let claim_span = p.doc_span(clause);
    let left = whole.value - done.value;
    Some(
        Finding::new(
            &META,
            claim_span,
            format!(
                "「{claimed}」不成立：{}中{}{}，不是全部（决策错误：数字推翻了“全部”的结论）",
                whole.written, did, done.written
            ),
        )
        .severity(Severity::Error)
        .primary("声称全部")
        .label(whole.span, "全部的数目")
        .label(done.span, format!("实际{did}"))
        .help(format!(
            "{} − {} = {} 未{}，{} ÷ {} = {}%：改为实际数目与比例，或核对数字",
            format_value(whole.value, 2),
            format_value(done.value, 2),
            format_value(left, 2),
            did,
            format_value(done.value, 2),
            format_value(whole.value, 2),
            format_value(share, 2)
        )),
    )
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
