//! The word lists of `lints/tables.toml`, parsed once.

use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Words {
    pub totals: Vec<String>,
    pub area_totals: Vec<String>,
    pub subtotals: Vec<String>,
    pub part_prefixes: Vec<String>,
    pub rate_headers: Vec<String>,
    pub share_headers: Vec<String>,
    pub growth_headers: Vec<String>,
    pub not_additive: Vec<String>,
    pub total_headers: Vec<String>,
}

pub fn words() -> &'static Words {
    static W: OnceLock<Words> = OnceLock::new();
    W.get_or_init(|| {
        toml::from_str(include_str!("../../../lints/tables.toml")).expect("lints/tables.toml")
    })
}

pub fn contains_any(text: &str, words: &[String]) -> bool {
    words.iter().any(|w| text.contains(w.as_str()))
}

/// `text` is one of `words`, or one of them followed by a bracketed note
/// ("合计（万元）").
pub fn is_one_of(text: &str, words: &[String]) -> bool {
    // The lists are lower case; only Latin letters need folding.
    let folded;
    let text = if text.bytes().any(|b| b.is_ascii_uppercase()) {
        folded = text.to_ascii_lowercase();
        folded.as_str()
    } else {
        text
    };
    words.iter().any(|w| {
        text.strip_prefix(w.as_str())
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['（', '(', '：', ':']))
    })
}
