//! Signed parts: when a total's parts are all of it, the changes written after
//! each part (比上年增加1个 … 减少5个) make the change written after the total
//! (比上年末增加15个). Each change is bound by where it stands: right after the
//! amount it changes, in the same clause.

use super::binder::Binder;
use super::interval::Interval;
use super::words::words;
use super::{Claim, ClaimKind, Evidence, Form, Operand, Reading, Role, Source, Tally, Verdict};

/// Signed-parts claims of the part/whole claims in `list` that hold with all
/// their parts (the parts add up to the total).
pub(super) fn claims(b: &Binder, list: &mut Vec<Claim>) {
    let mut found = Vec::new();
    for c in list.iter() {
        if c.kind != ClaimKind::Parts {
            continue;
        }
        let Verdict::Holds(n) = c.verdict else {
            continue;
        };
        let Some(r) = c.readings.get(n) else { continue };
        // All of the total: the parts add up to it, not only stay within it.
        if r.form != Form::Sum || r.operands.len() < 2 || !r.computed.meets(&c.stated.value) {
            continue;
        }
        if r.computed.hi < c.stated.value.lo || r.computed.lo > c.stated.value.hi {
            continue;
        }
        let Source::Quantity(t) = c.stated.source else {
            continue;
        };
        let Some(total_change) = change_after(b, t) else {
            continue;
        };
        let parts: Option<Vec<Operand>> = r
            .operands
            .iter()
            .map(|o| match o.source {
                Source::Quantity(j) => change_after(b, j).map(|k| {
                    let mut op = signed(b, k, Role::Part);
                    op.label.clone_from(&o.label);
                    op
                }),
                _ => None,
            })
            .collect();
        let Some(parts) = parts else { continue };
        let stated = signed(b, total_change, Role::Stated);
        let mut tally = Tally::new(stated.value);
        let why = format!("{}；各分项的增减之和即总数的增减", r.basis);
        if let Some(reading) =
            Reading::new(Form::Sum, parts, r.evidence.min(Evidence::Explicit), why)
        {
            tally.offer(reading);
        }
        found.extend(tally.finish(ClaimKind::SignedParts, stated));
    }
    list.extend(found);
}

/// The change written right after amount `j` in its clause (，增加1个 /
/// ，比上年末减少6.42万人), of the same unit.
fn change_after(b: &Binder, j: usize) -> Option<usize> {
    let k = j + 1;
    let (q, c) = (&b.qs[j], b.qs.get(k)?);
    if c.paragraph != q.paragraph || c.unit != q.unit || c.kind != q.kind || !b.is_change(k) {
        return None;
    }
    let gap = b.between(j, k);
    if gap.chars().count() > 8 || gap.contains(['；', ';', '。']) {
        return None;
    }
    words()
        .change_verbs
        .iter()
        .any(|v| c.label.ends_with(v.as_str()))
        .then_some(k)
}

/// A change as a signed operand: a decrease counts negative.
fn signed(b: &Binder, k: usize, role: Role) -> Operand {
    let mut o = b.operand(k, role);
    let label = &b.qs[k].label;
    if ["减少", "下降", "降低", "回落", "缩小", "下跌", "净减"]
        .iter()
        .any(|w| label.ends_with(w))
    {
        o.value = Interval::new(-o.value.hi, -o.value.lo);
    }
    o
}
