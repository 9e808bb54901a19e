//! Interval arithmetic on printed numbers. A number in a report stands for every
//! exact value that could have been printed so: 6.2万人 for [6.15万, 6.25万] (rounded
//! at its last digit), 1462人 for exactly 1462, and a rate for what rounding or
//! cutting off gives (95.83% is [95.825, 95.84): 2 ÷ 3 is often written 66.6%). 约/近 widen it to half a unit of its last non-zero digit (约3.78亿 is
//! 3.77–3.79亿, 约1000 is 500–1500), 余/多 reach up to the next unit of that digit
//! (180余 is 180–190, 3000多 is 3000–4000), 以上/超过 are open above and 不足/以下
//! open below. A claim holds when the intervals of its operands can produce the
//! interval of the printed result: no fixed tolerance anywhere.

use crate::document::quantities::{Approx, Kind, Quantity};
use crate::document::tables::CellNumber;

/// A closed interval of real values; `lo` may be −∞ and `hi` +∞.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interval {
    pub lo: f64,
    pub hi: f64,
}

/// Relative slack for floating-point noise only (never a tolerance of meaning).
const NOISE: f64 = 1e-9;

impl Interval {
    pub fn new(lo: f64, hi: f64) -> Interval {
        Interval {
            lo: lo.min(hi),
            hi: hi.max(lo),
        }
    }

    pub fn exact(v: f64) -> Interval {
        Interval { lo: v, hi: v }
    }

    /// What a number printed to `step` stands for: rounded ([v − step/2, v + step/2))
    /// or cut off ([v, v + step)) at its last digit.
    pub fn printed(v: f64, step: f64) -> Interval {
        Interval::new(v - step / 2.0, v + step)
    }

    pub fn is_bounded(&self) -> bool {
        self.lo.is_finite() && self.hi.is_finite()
    }

    /// The middle (or the finite end of a half-open interval), for messages.
    pub fn mid(&self) -> f64 {
        match (self.lo.is_finite(), self.hi.is_finite()) {
            (true, true) => (self.lo + self.hi) / 2.0,
            (true, false) => self.lo,
            (false, true) => self.hi,
            _ => 0.0,
        }
    }

    pub fn plus(self, o: Interval) -> Interval {
        Interval::new(self.lo + o.lo, self.hi + o.hi)
    }

    pub fn minus(self, o: Interval) -> Interval {
        Interval::new(self.lo - o.hi, self.hi - o.lo)
    }

    pub fn negated(self) -> Interval {
        Interval::new(-self.hi, -self.lo)
    }

    pub fn scale(self, k: f64) -> Interval {
        Interval::new(self.lo * k, self.hi * k)
    }

    pub fn times(self, o: Interval) -> Interval {
        let p = [
            self.lo * o.lo,
            self.lo * o.hi,
            self.hi * o.lo,
            self.hi * o.hi,
        ];
        let p = p.map(|x| if x.is_nan() { 0.0 } else { x });
        Interval::new(
            p.iter().copied().fold(f64::INFINITY, f64::min),
            p.iter().copied().fold(f64::NEG_INFINITY, f64::max),
        )
    }

    /// `self ÷ o`, or `None` when `o` may be zero.
    pub fn over(self, o: Interval) -> Option<Interval> {
        if o.lo <= 0.0 && o.hi >= 0.0 {
            return None;
        }
        Some(self.times(Interval::new(1.0 / o.hi, 1.0 / o.lo)))
    }

    /// Whether the two intervals share a value (up to floating-point noise).
    pub fn meets(&self, o: &Interval) -> bool {
        let scale = [self.lo, self.hi, o.lo, o.hi]
            .iter()
            .filter(|x| x.is_finite())
            .fold(1.0f64, |m, x| m.max(x.abs()));
        let eps = NOISE * scale;
        self.lo <= o.hi + eps && o.lo <= self.hi + eps
    }

    pub fn contains(&self, x: f64) -> bool {
        self.meets(&Interval::exact(x))
    }

    /// The sum of several intervals (zero for none).
    pub fn sum(items: impl IntoIterator<Item = Interval>) -> Interval {
        items
            .into_iter()
            .fold(Interval::exact(0.0), |acc, x| acc.plus(x))
    }
}

/// The unit of the last non-zero written digit: 100 for 58800, 0.01 for 3.78,
/// 1000 for 3000 — always at least the written step.
fn significant_step(value: f64, step: f64, precision: u32) -> f64 {
    if precision > 0 || step <= 0.0 || !value.is_finite() {
        return step;
    }
    let mut mantissa = (value / step).round().abs();
    let mut sig = step;
    while mantissa >= 10.0 && mantissa % 10.0 == 0.0 {
        mantissa /= 10.0;
        sig *= 10.0;
    }
    sig
}

/// How a printed number was shortened: amounts and counts are rounded; a rate
/// may also be cut off at its last digit (2 ÷ 3 written 66.6%).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cut {
    Rounded,
    RoundedOrTruncated,
}

/// The interval of a printed number with its approximation marker.
fn widened(v: f64, step: f64, precision: u32, approx: Approx, exact: bool, cut: Cut) -> Interval {
    let sig = significant_step(v, step, precision);
    match approx {
        Approx::Exact if exact => Interval::exact(v),
        Approx::Exact if cut == Cut::Rounded => Interval::new(v - step / 2.0, v + step / 2.0),
        Approx::Exact => Interval::printed(v, step),
        Approx::About => {
            let w = (sig / 2.0).max(step);
            Interval::new(v - w, v + w)
        }
        Approx::More => Interval::new(v, v + sig),
        Approx::AtLeast => Interval::new(v - step / 2.0, f64::INFINITY),
        Approx::AtMost => Interval::new(f64::NEG_INFINITY, v + step),
    }
}

/// What a quantity of the text stands for. A whole count or sum of money written
/// to its unit (1462人, 3500元) is exact; anything rounded (6.2万人, 95.83%,
/// 3500万元, 31700公里) covers its last digit.
pub fn of_quantity(q: &Quantity) -> Interval {
    // Things counted (人, 家) and money to the 元 are exact; a measure (公里, 吨,
    // 亩) is rounded even when whole.
    let exact = q.precision == 0 && q.step <= 1.0 && matches!(q.kind, Kind::Count | Kind::Money);
    let cut = match q.kind {
        Kind::Percent | Kind::PerMille | Kind::PerTenThousand | Kind::Points | Kind::Multiple => {
            Cut::RoundedOrTruncated
        }
        _ => Cut::Rounded,
    };
    widened(q.value, q.step, q.precision, q.approx, exact, cut)
}

/// What a table cell stands for: cells are printed values like prose numbers; a
/// whole count is exact unless its column is rounded (万元, decimals).
pub fn of_cell(n: &CellNumber, rounded_column: bool) -> Interval {
    let exact = !n.percent && n.decimals == 0 && n.step <= 1.0 && !rounded_column;
    let approx = if n.approx {
        Approx::About
    } else {
        Approx::Exact
    };
    let cut = if n.percent {
        Cut::RoundedOrTruncated
    } else {
        Cut::Rounded
    };
    widened(n.value, n.step, n.decimals, approx, exact, cut)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    fn q(text: &str) -> Interval {
        let doc = Document::parse("t.txt", text.to_owned());
        of_quantity(&doc.quantities[0])
    }

    fn close(a: Interval, lo: f64, hi: f64) -> bool {
        (a.lo - lo).abs() < 1e-6 && (a.hi - hi).abs() < 1e-6
    }

    #[test]
    fn printed_numbers_cover_their_last_digit() {
        assert!(close(q("筛查率95.83%"), 95.825, 95.84));
        assert!(close(q("卫技人员6.2万人"), 61500.0, 62500.0));
        assert!(close(q("产妇1462人"), 1462.0, 1462.0));
        assert!(close(q("投入3500万元"), 34_995_000.0, 35_005_000.0));
    }

    #[test]
    fn markers_widen_or_bound() {
        assert!(close(q("约3.78亿元"), 3.77e8, 3.79e8));
        assert!(close(q("约1000人"), 500.0, 1500.0));
        assert!(close(q("180余名"), 180.0, 190.0));
        assert!(close(q("3000多人"), 3000.0, 4000.0));
        let open = q("90%以上");
        assert!(open.lo < 90.0 && open.hi.is_infinite());
        assert!(q("不足100人").lo.is_infinite());
    }

    #[test]
    fn the_example_of_the_issue_is_consistent() {
        // 6.2万 of which 2.3万 is 37.3%: 2.25–2.35 ÷ 6.15–6.25 spans 36.0–38.2%.
        let doc = Document::parse(
            "t.txt",
            "全市卫技人员6.2万人，其中执业医师2.3万人，占37.3%。".into(),
        );
        let [whole, part, rate] = [0, 1, 2].map(|i| of_quantity(&doc.quantities[i]));
        let share = part.over(whole).expect("nonzero").scale(100.0);
        assert!(share.meets(&rate), "{share:?} {rate:?}");
        assert!(!share.meets(&Interval::printed(40.0, 0.1)));
    }

    #[test]
    fn arithmetic() {
        let a = Interval::new(1.0, 2.0);
        let b = Interval::new(3.0, 5.0);
        assert_eq!(a.plus(b), Interval::new(4.0, 7.0));
        assert_eq!(b.minus(a), Interval::new(1.0, 4.0));
        assert_eq!(a.over(b), Some(Interval::new(0.2, 2.0 / 3.0)));
        assert!(a.over(Interval::new(-1.0, 1.0)).is_none());
        assert!(Interval::exact(0.1 + 0.2).contains(0.3));
    }
}
