//! Shared arithmetic for the arithmetic lints: printed-precision comparison,
//! number formatting for messages, and the rate keyword table (`lints/rates.toml`).

use crate::document::{Approx, Kind, Quantity};
use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateWord {
    pub stem: String,
    pub denominators: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rates {
    pub bounded: Vec<String>,
    pub unbounded: Vec<String>,
    /// Words that mark a count as a whole (for shares without a rate word).
    pub totals: Vec<String>,
    pub rate: Vec<RateWord>,
}

/// The built-in rate table, parsed once.
pub fn rates() -> &'static Rates {
    static RATES: OnceLock<Rates> = OnceLock::new();
    RATES.get_or_init(|| {
        toml::from_str(include_str!("../../lints/rates.toml"))
            .unwrap_or_else(|e| panic!("lints/rates.toml: {e}"))
    })
}

/// Whether `computed` (in the quantity's own scale) is a value the printed number
/// allows: rounding or truncation at the printed precision, widened for 约/近.
pub fn allows(q: &Quantity, computed: f64) -> bool {
    let (lo, hi) = q.interval();
    let eps = 1e-9 * computed.abs().max(1.0);
    computed >= lo - eps && computed < hi + eps
}

/// A number for a message: integers plainly, others with up to four decimals.
pub fn num(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 && v.abs() < 1e15 {
        format!("{}", v.round() as i64)
    } else {
        let s = format!("{v:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

/// An amount in the unit a report would write: 34000万元 as 3.4亿元, counts plainly.
pub fn amount(v: f64, unit: &str) -> String {
    if unit == "元" && v.abs() >= 1e8 {
        format!("{}亿元", num(v / 1e8))
    } else if unit == "元" && v.abs() >= 1e4 {
        format!("{}万元", num(v / 1e4))
    } else {
        format!("{}{unit}", num(v))
    }
}

/// A ratio as a percentage with two decimals, the way reports print them.
pub fn percent(n: f64, d: f64) -> String {
    format!("{:.2}%", n / d * 100.0)
}

/// Counts that can take part in a recomputation: exact, with a unit.
pub fn is_exact_count(q: &Quantity) -> bool {
    q.kind == Kind::Count && q.approx == Approx::Exact && !q.unit.is_empty()
}

/// The longest suffix of `stem` (two characters or more) that `label` contains.
pub fn shares_stem(label: &str, stem: &str) -> Option<usize> {
    let chars: Vec<char> = stem.chars().collect();
    (0..chars.len().saturating_sub(1))
        .map(|i| chars[i..].iter().collect::<String>())
        .find(|suffix| label.contains(suffix.as_str()))
        .map(|s| s.chars().count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_parses_and_numbers_print_plainly() {
        assert!(rates().rate.iter().any(|r| r.stem == "筛查"));
        assert_eq!(num(34000.0), "34000");
        assert_eq!(amount(3.4e8, "元"), "3.4亿元");
        assert_eq!(amount(48000.0, "元"), "4.8万元");
        assert_eq!(amount(186.0, "人"), "186人");
        assert_eq!(num(97.08333), "97.0833");
        assert_eq!(percent(233.0, 240.0), "97.08%");
        assert_eq!(shares_stem("完成整改", "期内及时整改"), Some(2));
        assert_eq!(shares_stem("发现隐患", "期内及时整改"), None);
    }
}
