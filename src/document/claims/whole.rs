//! 全部/均 claims: a claim of the whole (全部, 均, 全覆盖, 所有) between a count of
//! the things and a count of those it was done for: "192名老人…全部完成签约，共签约
//! 186人". The second count must name what the claim says was done (签约) and count
//! the same kind of thing; the claim holds when the count done reaches the whole.

use super::binder::Binder;
use super::interval::Interval;
use super::words::words;
use super::{Claim, ClaimKind, Evidence, Form, Operand, Reading, Role, Source, Tally};
use crate::document::markers::is_han;
use crate::document::quantities::Approx;
use crate::span::Span;

pub(super) fn claims(b: &Binder, out: &mut Vec<Claim>) {
    let w = words();
    for (pi, p) in b.doc.paragraphs.iter().enumerate() {
        // Two counts in one sentence at least: a paragraph with fewer is passed
        // over before its text is searched for the claim words.
        let counts = b.paragraph_range(pi).filter(|&j| b.qs[j].is_count());
        if counts.take(2).count() < 2 || !w.claims.found_in(&p.text) {
            continue;
        }
        for (si, sentence) in p.sentences.iter().enumerate() {
            let qs: Vec<usize> = b
                .range_of(pi, si)
                .filter(|&j| b.qs[j].is_count() && is_exact(b, j))
                .collect();
            if qs.len() < 2 {
                continue;
            }
            for claim in claims_in(&p.text, *sentence) {
                if let Some(c) = whole_claim(b, pi, claim, &qs) {
                    out.push(c);
                    break;
                }
            }
        }
    }
}

fn same_things(b: &Binder, x: usize, y: usize) -> bool {
    let (a, c) = (&b.qs[x], &b.qs[y]);
    a.unit == c.unit
        || words()
            .unit_groups
            .iter()
            .any(|g| g.contains(&a.unit) && g.contains(&c.unit))
}

/// Claim words of a sentence (paragraph-local spans).
fn claims_in(text: &str, sentence: Span) -> Vec<Span> {
    let d = words();
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

/// Whether a count is exact. A 约 that ends a word (签约186人, 预约) is not "about".
fn is_exact(b: &Binder, j: usize) -> bool {
    let q = &b.qs[j];
    q.approx == Approx::Exact
        || q.approx == Approx::About && {
            let before = b.doc.text.get(..q.span.start).unwrap_or("");
            words()
                .yue_words
                .iter()
                .any(|w| before.ends_with(w.as_str()))
        }
}

/// The last two Han characters of the words before a count in its clause: 签约
/// for 共签约186人.
fn act_of(b: &Binder, j: usize) -> String {
    let act: Vec<char> = b.clause_before(j).chars().filter(|c| is_han(*c)).collect();
    act[act.len().saturating_sub(2)..].iter().collect()
}

/// The claim's clause: from the claim word to the next clause break.
fn claim_clause(text: &str, claim: Span) -> Span {
    let rest = &text[claim.end..];
    let end = rest
        .find(['，', ',', '；', ';', '。', '：'])
        .map_or(text.len(), |i| claim.end + i);
    Span::new(claim.start, end)
}

fn whole_claim(b: &Binder, pi: usize, claim: Span, qs: &[usize]) -> Option<Claim> {
    let p = b.doc.paragraphs.get(pi)?;
    let clause = claim_clause(&p.text, claim);
    let claimed = p.text.get(clause.start..clause.end)?;
    // The whole: the nearest count before the claim.
    let whole = *qs
        .iter()
        .rev()
        .find(|&&j| b.qs[j].local.end <= claim.start)?;
    // The done: a later count of the same things whose words name the claimed act.
    let done = *qs.iter().find(|&&j| {
        b.qs[j].local.start >= clause.end && same_things(b, whole, j) && {
            let act = act_of(b, j);
            act.chars().count() == 2 && claimed.contains(act.as_str())
        }
    })?;
    let span = p.doc_span(clause);
    let stated = Operand {
        role: Role::Stated,
        source: Source::Text(span),
        value: Interval::new(100.0, f64::INFINITY),
        written: claimed.to_owned(),
        label: act_of(b, done),
        span,
        label_span: span,
    };
    let mut tally = Tally::new(stated.value);
    let ops = vec![b.operand(done, Role::Done), b.operand(whole, Role::Total)];
    tally.offer(Reading::new(
        Form::Ratio { scale: 100.0 },
        ops,
        Evidence::Explicit,
        "“全部”之前的总数与之后所做的数目",
    )?);
    tally.finish(ClaimKind::Whole, stated)
}
