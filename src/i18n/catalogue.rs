//! The catalogues, parsed once: TOML tables whose dotted paths are the keys
//! (`[summary] files = …` is `summary.files`). A table holding only `one` and
//! `other` is one plural text.

use super::Lang;
use std::collections::HashMap;
use std::sync::OnceLock;

const EN: &str = include_str!("en.toml");
const ZH: &str = include_str!("zh.toml");

enum Entry {
    Text(String),
    Plural { one: String, other: String },
}

type Catalogue = HashMap<String, Entry>;

fn parse(source: &str) -> Catalogue {
    // The catalogues are part of the binary and a unit test parses them: a
    // broken one cannot ship, so an error here leaves the catalogue empty
    // (every text falls back to its key) rather than stopping the program.
    let table: toml::Table = toml::from_str(source).unwrap_or_default();
    let mut out = Catalogue::new();
    flatten("", &table, &mut out);
    out
}

fn flatten(prefix: &str, table: &toml::Table, out: &mut Catalogue) {
    for (k, v) in table {
        let key = if prefix.is_empty() {
            k.clone()
        } else {
            format!("{prefix}.{k}")
        };
        match v {
            toml::Value::String(s) => {
                out.insert(key, Entry::Text(s.clone()));
            }
            toml::Value::Table(t) if is_plural(t) => {
                let form = |name: &str| t.get(name).and_then(|v| v.as_str()).unwrap_or("");
                out.insert(
                    key,
                    Entry::Plural {
                        one: form("one").to_owned(),
                        other: form("other").to_owned(),
                    },
                );
            }
            toml::Value::Table(t) => flatten(&key, t, out),
            _ => {}
        }
    }
}

fn is_plural(t: &toml::Table) -> bool {
    t.len() == 2
        && t.get("one").is_some_and(toml::Value::is_str)
        && t.get("other").is_some_and(toml::Value::is_str)
}

fn catalogue(lang: Lang) -> &'static Catalogue {
    static EN_CAT: OnceLock<Catalogue> = OnceLock::new();
    static ZH_CAT: OnceLock<Catalogue> = OnceLock::new();
    match lang {
        Lang::En => EN_CAT.get_or_init(|| parse(EN)),
        Lang::Zh => ZH_CAT.get_or_init(|| parse(ZH)),
    }
}

/// The text of `key`; with a count, the plural form for it.
pub(super) fn get(lang: Lang, key: &str, n: Option<usize>) -> Option<&'static str> {
    Some(match catalogue(lang).get(key)? {
        Entry::Text(s) => s.as_str(),
        Entry::Plural { one, other } => {
            if n == Some(1) {
                one.as_str()
            } else {
                other.as_str()
            }
        }
    })
}

pub(super) fn keys(lang: Lang) -> Vec<&'static str> {
    let mut keys: Vec<&'static str> = catalogue(lang).keys().map(String::as_str).collect();
    keys.sort_unstable();
    keys
}

/// Whether the catalogue source parses (for the test that a broken one cannot ship).
#[cfg(test)]
pub(super) fn source(lang: Lang) -> &'static str {
    match lang {
        Lang::En => EN,
        Lang::Zh => ZH,
    }
}

/// A missing key shows as itself; each distinct key is kept once.
pub(super) fn leak_key(key: &str) -> &'static str {
    static MISSING: std::sync::Mutex<Vec<&'static str>> = std::sync::Mutex::new(Vec::new());
    let mut seen = MISSING.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(k) = seen.iter().find(|k| **k == key) {
        return k;
    }
    let k: &'static str = Box::leak(key.to_owned().into_boxed_str());
    seen.push(k);
    k
}
