//! The finding of a failing claim, shared by the arithmetic and table lints: the
//! stated figure, the reading the finding assumes (its operands labelled by role),
//! the recomputation, and whether the binding is named or inferred (every finding carries
//! its lint's one severity, set by the pipeline).

use crate::diagnostic::Finding;
use crate::document::claims::{show, Claim, Evidence, Reading, Source};
use crate::meta::LintMeta;

/// A finding at the claim's stated figure. `message` says what disagrees;
/// `check` names what to verify. The help shows the recomputation and how the
/// operands were bound; only an explicit binding suggests writing another number.
pub fn finding(
    meta: &'static LintMeta,
    claim: &Claim,
    message: String,
    check: &str,
) -> Option<Finding> {
    let r = claim.assumed()?;
    let expr = show::expression(r, &claim.stated);
    let mut f = Finding::new(meta, claim.stated.span, message)
        .primary(format!("按标出的数字应为 {}", computed(claim, r)));
    for o in &r.operands {
        if o.span != claim.stated.span {
            // A table cell is named by its row or column (医院 665.7), not its role.
            let name = match o.source {
                Source::Cell { .. } if !o.label.is_empty() => o.label.as_str(),
                _ if o.role == crate::document::claims::Role::Term => o.label.as_str(),
                _ => o.role.name(),
            };
            f = f.label(o.label_span, format!("{name} {}", o.written));
        }
    }
    let bound = r.against.map(|a| (a.lo.is_finite(), a.hi.is_finite()));
    let advice = if bound == Some((true, false)) {
        // A qualified rate (期内及时整改率): the plain counts only bound it.
        format!(
            "{check}（所写的比率只计其中一部分，至多为 {}）",
            computed(claim, r)
        )
    } else if r.evidence == Evidence::Explicit {
        format!("{check}，或把所写改为 {}", proposed(claim, r))
    } else {
        format!(
            "这是按位置推断的对应关系（{}）：先确认这些数字是否就是它的依据，再{check}",
            r.basis
        )
    };
    Some(f.help(format!(
        "{expr}，与所写「{}」不符；{advice}",
        claim.stated.written
    )))
}

/// What the reading gives, in the stated figure's terms.
pub fn computed(claim: &Claim, r: &Reading) -> String {
    shown(claim, r, true)
}

/// `computed`, with the places that decide against the stated figure when
/// `against` (a proposed figure keeps two).
fn shown(claim: &Claim, r: &Reading, against: bool) -> String {
    use crate::document::claims::Form;
    let shown = || {
        if against {
            show::value_against(r.computed, claim.stated.value, 2)
        } else {
            show::value(r.computed, 2)
        }
    };
    match r.form {
        Form::Ratio { scale: 1000.0 } => format!("{}‰", shown()),
        Form::Ratio { scale: 1.0 } => shown(),
        Form::Ratio { .. } | Form::Growth | Form::Decline | Form::ChangeRate { .. } => {
            format!("{}%", shown())
        }
        Form::Multiple { .. } => format!("{} 倍", show::value(r.computed, 2)),
        Form::Within => show::value(r.computed, 2),
        Form::Sum | Form::Difference => show::amount_like(r.computed, &claim.stated.written),
    }
}

/// The figure the help proposes in place of the stated one: the recomputation
/// from the numbers as printed, written the way the stated figure is (a point
/// value; the interval its rounding allows is for the explanation).
pub fn proposed(claim: &Claim, r: &Reading) -> String {
    use crate::document::claims::Form;
    let Some(x) = show::point(r).filter(|x| x.is_finite()) else {
        return computed(claim, r);
    };
    let exact = crate::document::claims::Interval::exact(x);
    match r.form {
        Form::Sum | Form::Difference => show::point_like(x, &claim.stated.written),
        _ => shown(
            claim,
            &Reading {
                computed: exact,
                ..r.clone()
            },
            false,
        ),
    }
}
