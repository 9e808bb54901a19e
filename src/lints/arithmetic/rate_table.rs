//! The keyword table of `lints/rates.toml`, shared by the arithmetic lints that
//! tie a stated rate to the counts it is computed from.

use crate::document::{Approx, Quantity};
use serde::Deserialize;
use std::sync::OnceLock;

/// One kind of rate: words of its label, of its numerator's and denominator's labels.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RateEntry {
    pub rate: Vec<String>,
    pub numerator: Vec<String>,
    pub denominator: Vec<String>,
    pub bounded: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RateTable {
    pub unbounded: Vec<String>,
    pub bounded: Vec<String>,
    pub rate: Vec<RateEntry>,
}

/// The built-in table, parsed once.
pub fn builtin() -> &'static RateTable {
    static TABLE: OnceLock<RateTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        toml::from_str(include_str!("../../../lints/rates.toml")).unwrap_or_default()
    })
}

impl RateTable {
    /// The entry whose rate word the label contains (the longest word wins).
    pub fn entry_for<'a>(&'a self, extra: &'a [RateEntry], label: &str) -> Option<&'a RateEntry> {
        extra
            .iter()
            .chain(&self.rate)
            .filter_map(|e| {
                e.rate
                    .iter()
                    .filter(|w| label.contains(w.as_str()))
                    .map(|w| (w.len(), e))
                    .max_by_key(|p| p.0)
            })
            .max_by_key(|p| p.0)
            .map(|p| p.1)
    }

    /// Whether a rate with this label cannot exceed 100%.
    pub fn is_bounded(&self, label: &str) -> bool {
        if self.unbounded.iter().any(|w| label.contains(w.as_str())) {
            return false;
        }
        self.bounded.iter().any(|w| label.ends_with(w.as_str()))
            || self
                .rate
                .iter()
                .any(|e| e.bounded && e.rate.iter().any(|w| label.ends_with(w.as_str())))
    }
}

/// Units that count the same things: 人, 名, 例 and 位 all count people.
pub fn same_unit(a: &Quantity, b: &Quantity) -> bool {
    fn class(u: &str) -> &str {
        match u {
            "人" | "名" | "例" | "位" => "人",
            other => other,
        }
    }
    class(&a.unit) == class(&b.unit)
}

pub fn contains_any(label: &str, words: &[String]) -> bool {
    words.iter().any(|w| label.contains(w.as_str()))
}

/// A percentage with two decimals, trailing zeros kept off: 97.08%.
pub fn percent(x: f64) -> String {
    format!("{}%", crate::document::quantities::format_value(x, 2))
}

/// A count as written in a recomputation: 1401, 34400.
pub fn count(x: f64) -> String {
    crate::document::quantities::format_value(x, 2)
}

/// How many numbers before a rate may be its numerator or denominator.
const LOOK_BACK: usize = 64;

/// Exact counts of the paragraph before quantity `k`, nearest first.
pub fn counts_before(qs: &[Quantity], k: usize) -> impl Iterator<Item = usize> + '_ {
    let p = qs[k].paragraph;
    (0..k)
        .rev()
        .take_while(move |&j| qs[j].paragraph == p)
        // A rate is computed from numbers near it; the bound keeps a paragraph of
        // a million numbers linear.
        .take(LOOK_BACK)
        .filter(move |&j| qs[j].is_count() && qs[j].approx == Approx::Exact)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_table_parses() {
        let t: RateTable =
            toml::from_str(include_str!("../../../lints/rates.toml")).expect("rates.toml");
        assert!(t.entry_for(&[], "期内及时整改率").is_some());
        assert!(
            t.is_bounded("首针接种率") && !t.is_bounded("完成率") && !t.is_bounded("接种率提高")
        );
    }
}
