//! What independent issuers of published official text all write and the
//! spelling lints would otherwise flag (`lints/typo-seen.toml`, built by
//! `scripts/typo-seen.py`). A slip is one writer's: the same window or the
//! same doubled character with the same neighbours in the reports of three or
//! more issuers is a term of the register (终期评估, 禁入, 人均均量), so the
//! lints stay quiet on it. Parsed on first use only.

use serde::Deserialize;
use std::collections::HashSet;
use std::sync::OnceLock;

#[derive(Deserialize)]
struct Raw {
    doubled: String,
    windows: String,
}

pub struct Seen {
    /// A doubled character with one neighbour on each side: 群众众志.
    pub doubled: HashSet<[char; 4]>,
    /// Homophone windows, two to four characters.
    pub windows: Vec<String>,
}

pub fn seen() -> &'static Seen {
    static SEEN: OnceLock<Seen> = OnceLock::new();
    SEEN.get_or_init(|| {
        // The file is part of the build and checked by a test, so it parses.
        let raw: Raw =
            toml::from_str(include_str!("../../../lints/typo-seen.toml")).unwrap_or(Raw {
                doubled: String::new(),
                windows: String::new(),
            });
        Seen {
            doubled: raw
                .doubled
                .split_whitespace()
                .filter_map(|w| <[char; 4]>::try_from(w.chars().collect::<Vec<_>>()).ok())
                .collect(),
            windows: raw.windows.split_whitespace().map(str::to_owned).collect(),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_parses_and_every_entry_has_its_shape() {
        let text = include_str!("../../../lints/typo-seen.toml");
        let raw: Raw = toml::from_str(text).expect("typo-seen.toml parses");
        let doubled: Vec<&str> = raw.doubled.split_whitespace().collect();
        assert_eq!(seen().doubled.len(), doubled.len());
        for w in doubled {
            let c: Vec<char> = w.chars().collect();
            assert!(c.len() == 4 && c[1] == c[2], "{w}: not x-AA-y");
        }
        for w in raw.windows.split_whitespace() {
            assert!((2..=4).contains(&w.chars().count()), "{w}: not a window");
        }
        assert!(seen().windows.iter().any(|w| w == "终期"));
    }
}
