//! The word lists of the claim grammar: `lints/claims.toml` (binding words),
//! `lints/rates.toml` (kinds of rates) and `lints/sums.toml` (parts and wholes),
//! parsed once.

use aho_corasick::AhoCorasick;
use serde::Deserialize;
use std::sync::OnceLock;

/// A word list of the grammar that also answers "does this text contain one of
/// the words?" in one pass over the text: the claim grammar asks that of every
/// quantity's label and gap, and one `contains` per word cost a quarter of the
/// claim model's time on long texts. The automaton is built on first use.
#[derive(Debug, Default, Deserialize)]
#[serde(from = "Vec<String>")]
pub struct WordList {
    words: Vec<String>,
    automaton: OnceLock<Option<AhoCorasick>>,
}

impl From<Vec<String>> for WordList {
    fn from(words: Vec<String>) -> WordList {
        WordList {
            words,
            automaton: OnceLock::new(),
        }
    }
}

impl std::ops::Deref for WordList {
    type Target = Vec<String>;
    fn deref(&self) -> &Vec<String> {
        &self.words
    }
}

impl<'a> IntoIterator for &'a WordList {
    type Item = &'a String;
    type IntoIter = std::slice::Iter<'a, String>;
    fn into_iter(self) -> Self::IntoIter {
        self.words.iter()
    }
}

impl WordList {
    /// Whether `text` contains any of the words.
    pub fn found_in(&self, text: &str) -> bool {
        let automaton = self
            .automaton
            .get_or_init(|| AhoCorasick::new(self.words.iter().filter(|w| !w.is_empty())).ok());
        match automaton {
            Some(a) => a.is_match(text),
            None => self.words.iter().any(|w| text.contains(w.as_str())),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Words {
    pub unit_classes: Vec<Vec<String>>,
    pub measure_suffixes: Vec<String>,
    pub density_words: WordList,
    pub change_verbs: Vec<String>,
    pub growth_words: Vec<String>,
    pub comparisons: WordList,
    pub due_prefixes: Vec<String>,
    pub target_words: Vec<String>,
    pub budget_books: Vec<String>,
    pub done_words: Vec<String>,
    pub synonyms: Vec<Vec<String>>,
    pub breakdown_openers: Vec<String>,
    pub breakdown_closers: Vec<String>,
    pub scope_words: Vec<String>,
    pub base_verbs: Vec<String>,
    pub whole_tails: Vec<String>,
    pub sum_words: WordList,
    pub generic_units: Vec<String>,
    pub claims: WordList,
    pub jun_not_after: Vec<String>,
    pub jun_not_before: Vec<String>,
    pub unit_groups: Vec<Vec<String>>,
    pub yue_words: Vec<String>,
}

pub fn words() -> &'static Words {
    static W: OnceLock<Words> = OnceLock::new();
    W.get_or_init(|| {
        toml::from_str(include_str!("../../../lints/claims.toml")).expect("lints/claims.toml")
    })
}

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
    pub unbounded: WordList,
    pub bounded: Vec<String>,
    /// Rates whose counted people may come from outside their base
    /// (参保率, 毛入学率): above 100% on their own is no error (rates.toml).
    pub wider_pool: Vec<String>,
    pub rate: Vec<RateEntry>,
}

/// The built-in rate table.
pub fn rates() -> &'static RateTable {
    static TABLE: OnceLock<RateTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        toml::from_str(include_str!("../../../lints/rates.toml")).expect("lints/rates.toml")
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

    /// Whether a rate with this label may stand above 100% when no counts are
    /// given: the people it counts need not belong to the population it divides by.
    pub fn counts_a_wider_pool(&self, label: &str) -> bool {
        self.wider_pool.iter().any(|w| label.ends_with(w.as_str()))
    }

    /// Whether a rate with this label cannot exceed 100%.
    pub fn is_bounded(&self, label: &str) -> bool {
        if self.unbounded.found_in(label) {
            return false;
        }
        self.bounded.iter().any(|w| label.ends_with(w.as_str()))
            || self
                .rate
                .iter()
                .any(|e| e.bounded && e.rate.iter().any(|w| label.ends_with(w.as_str())))
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sums {
    pub part_markers: Vec<String>,
    pub nested_markers: WordList,
    pub exhaustive_part_markers: Vec<String>,
    pub total_after_markers: WordList,
    pub difference_words: WordList,
    pub balance_words: Vec<String>,
    pub flow_words: Vec<String>,
    pub money_columns: Vec<Vec<String>>,
    pub complementary: Vec<Vec<String>>,
    pub partitions: Vec<Vec<String>>,
    pub closed: Vec<Vec<String>>,
    pub class_by_class: Vec<Vec<String>>,
    pub method_clauses: Vec<String>,
    pub structure_words: Vec<String>,
    pub attribute_words: Vec<String>,
    pub rest_prefixes: Vec<String>,
}

pub fn sums() -> &'static Sums {
    static S: OnceLock<Sums> = OnceLock::new();
    S.get_or_init(|| {
        toml::from_str(include_str!("../../../lints/sums.toml")).expect("lints/sums.toml")
    })
}

/// Whether a quantity's label names a target (任务, 计划, 预算数 …); the name of
/// a budget book (一般公共预算收入) is an amount of that book, not a target.
pub fn names_target(label: &str) -> bool {
    let w = words();
    let mut rest = label.to_owned();
    for book in &w.budget_books {
        rest = rest.replace(book.as_str(), "");
    }
    contains_any(&rest, &w.target_words)
}

pub fn contains_any(label: &str, words: &[String]) -> bool {
    words.iter().any(|w| label.contains(w.as_str()))
}

/// `s` without what stands in brackets (a note between a count and its share).
pub fn without_brackets(s: &str) -> String {
    let mut depth = 0i32;
    s.chars()
        .filter(|&c| {
            match c {
                '（' | '(' => depth += 1,
                '）' | ')' => {
                    depth -= 1;
                    return false;
                }
                _ => {}
            }
            depth <= 0
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_find_what_contains_finds() {
        let list = WordList::from(vec!["其中".to_owned(), "含".to_owned(), String::new()]);
        for text in ["", "其", "全市其中", "包含", "中其", "不在内"] {
            let naive = list
                .iter()
                .any(|w| !w.is_empty() && text.contains(w.as_str()));
            assert_eq!(list.found_in(text), naive, "{text}");
        }
        assert!(!WordList::default().found_in("其中"));
    }

    #[test]
    fn data_parses() {
        let _ = words();
        let _ = sums();
        let t = rates();
        assert!(t.entry_for(&[], "期内及时整改率").is_some());
        assert!(
            t.is_bounded("首针接种率") && !t.is_bounded("完成率") && !t.is_bounded("接种率提高")
        );
    }
}
