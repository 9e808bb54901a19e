use crate::diagnostic::Finding;
use crate::document::Document;
use crate::lints::{Configurable, Lint, LintMeta};
use crate::span::Span;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

crate::declare_lint! {
    /// ## What it does
    /// Finds known wrong words and phrases (错别字) from a built-in dictionary of
    /// about 590 common misspellings and officialese slips (`lints/confusables.toml`): 布署 for 部署, 再接再励 for 再接再厉,
    /// 慎始如终 for 慎终如始, 截止7月11日 for 截至7月11日. Each entry is an error in
    /// every context it matches; entries that are only wrong in some contexts carry
    /// a guard (what must or must not follow or precede), so 截止日期 passes.
    ///
    /// ## Why
    /// A misspelled set phrase in a submitted report is the first thing a reviewer
    /// notices, and spell checkers for Chinese rarely know official phrasing.
    ///
    /// ## Options
    /// `extra = { "管梳并举" = "管疏并举" }` adds entries; `disable = ["截止"]`
    /// turns off entries by their wrong form.
    ///
    /// ## Example
    /// ```bad
    /// 截止7月11日，累计接种832805剂次。
    /// ```
    /// ```good
    /// 截至7月11日，累计接种832805剂次，报名截止日期为8月1日。
    /// ```
    pub struct Confusable { custom: Option<Arc<Dictionary>> }
    code = "RL306", name = "confusable", family = Typo, severity = Warning,
    summary = "a known wrong word or phrase (错别字) with its correction",
}

/// The built-in dictionary, `lints/confusables.toml`.
const BUILTIN: &str = include_str!("../../../lints/confusables.toml");

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RawEntry {
    Plain(String),
    Guarded(Guarded),
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Guarded {
    right: String,
    /// A regex the text right after the match must start with.
    #[serde(default)]
    then: Option<String>,
    #[serde(default)]
    not_then: Option<String>,
    /// A regex the text right before the match must end with.
    #[serde(default)]
    after: Option<String>,
    #[serde(default)]
    not_after: Option<String>,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Debug, Deserialize)]
struct RawDictionary {
    words: BTreeMap<String, RawEntry>,
}

#[derive(Debug)]
struct Entry {
    wrong: String,
    right: String,
    then: Option<Regex>,
    not_then: Option<Regex>,
    after: Option<Regex>,
    not_after: Option<Regex>,
    note: Option<String>,
}

impl Entry {
    fn accepts(&self, before: &str, rest: &str) -> bool {
        self.then.as_ref().is_none_or(|r| r.is_match(rest))
            && !self.not_then.as_ref().is_some_and(|r| r.is_match(rest))
            && self.after.as_ref().is_none_or(|r| r.is_match(before))
            && !self.not_after.as_ref().is_some_and(|r| r.is_match(before))
    }
}

#[derive(Debug)]
pub struct Dictionary {
    entries: Vec<Entry>,
    automaton: AhoCorasick,
}

fn anchored(re: &Option<String>, at_start: bool) -> Result<Option<Regex>, String> {
    re.as_ref()
        .map(|r| {
            let pattern = if at_start {
                format!("^(?:{r})")
            } else {
                format!("(?:{r})$")
            };
            Regex::new(&pattern).map_err(|e| format!("bad guard `{r}`: {e}"))
        })
        .transpose()
}

fn entry(wrong: String, raw: RawEntry) -> Result<Entry, String> {
    let g = match raw {
        RawEntry::Plain(right) => Guarded {
            right,
            ..Guarded::default()
        },
        RawEntry::Guarded(g) => g,
    };
    if wrong.is_empty() || wrong == g.right {
        return Err(format!("entry `{wrong}` corrects nothing"));
    }
    Ok(Entry {
        then: anchored(&g.then, true)?,
        not_then: anchored(&g.not_then, true)?,
        after: anchored(&g.after, false)?,
        not_after: anchored(&g.not_after, false)?,
        wrong,
        right: g.right,
        note: g.note,
    })
}

impl Dictionary {
    fn build(
        builtin: RawDictionary,
        extra: BTreeMap<String, String>,
        disable: &[String],
    ) -> Result<Dictionary, String> {
        let mut by_wrong: BTreeMap<String, Entry> = BTreeMap::new();
        for (wrong, raw) in builtin.words {
            by_wrong.insert(wrong.clone(), entry(wrong, raw)?);
        }
        for (wrong, right) in extra {
            by_wrong.insert(wrong.clone(), entry(wrong, RawEntry::Plain(right))?);
        }
        for d in disable {
            by_wrong.remove(d);
        }
        let entries: Vec<Entry> = by_wrong.into_values().collect();
        // A full DFA: a few MB once, and two to three times faster than the NFA on
        // Chinese text, where the prefilter finds no rare byte to skip to.
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(entries.iter().map(|e| e.wrong.as_str()))
            .map_err(|e| e.to_string())?;
        Ok(Dictionary { entries, automaton })
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.entries.len()
    }
}

fn builtin_raw() -> Result<RawDictionary, String> {
    toml::from_str(BUILTIN).map_err(|e| format!("lints/confusables.toml: {e}"))
}

/// The built-in dictionary without options, built once.
fn default_dictionary() -> Result<Arc<Dictionary>, String> {
    static DICT: OnceLock<Result<Arc<Dictionary>, String>> = OnceLock::new();
    DICT.get_or_init(|| Dictionary::build(builtin_raw()?, BTreeMap::new(), &[]).map(Arc::new))
        .clone()
}

/// Whether the built-in dictionary lists a wrong form inside `text`: the other
/// spelling lints leave such a slip to this one, which knows the fix.
pub(crate) fn lists(text: &str) -> bool {
    default_dictionary().is_ok_and(|d| d.automaton.find(text).is_some())
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Options {
    extra: BTreeMap<String, String>,
    disable: Vec<String>,
}

impl Configurable for Confusable {
    type Options = Options;
    fn new(o: Options) -> Result<Self, String> {
        // The built-in dictionary is built on the first check, so a run that
        // does not select this lint never parses it nor builds its automaton.
        let custom = if o.extra.is_empty() && o.disable.is_empty() {
            None
        } else {
            Some(Arc::new(Dictionary::build(
                builtin_raw()?,
                o.extra,
                &o.disable,
            )?))
        };
        Ok(Confusable { custom })
    }
}

impl Confusable {
    fn dictionary(&self) -> Option<Arc<Dictionary>> {
        match &self.custom {
            Some(d) => Some(Arc::clone(d)),
            None => default_dictionary().ok(),
        }
    }
}

impl Lint for Confusable {
    fn meta(&self) -> &'static LintMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let Some(dict) = self.dictionary() else {
            return;
        };
        for p in &doc.paragraphs {
            for m in dict.automaton.find_iter(p.text.as_str()) {
                let Some(e) = dict.entries.get(m.pattern().as_usize()) else {
                    continue;
                };
                let (before, rest) = (&p.text[..m.start()], &p.text[m.end()..]);
                if !e.accepts(before, rest) {
                    continue;
                }
                let span = p.doc_span(Span::new(m.start(), m.end()));
                let mut f =
                    Finding::new(&META, span, format!("「{}」应为「{}」", e.wrong, e.right))
                        .primary(format!("应为「{}」", e.right))
                        .help(match &e.note {
                            Some(n) => format!("改为「{}」：{n}", e.right),
                            None => format!("改为「{}」", e.right),
                        });
                // Only a match on one line is replaced: a word split over a line
                // break is shown but left to the writer.
                if doc.slice(span) == e.wrong {
                    f = f.fix(span, e.right.clone());
                }
                out.push(f);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lints::testing::{pass_fail, run};

    fn lint() -> Confusable {
        Confusable::new(Options::default()).expect("builtin dictionary")
    }

    #[test]
    fn the_builtin_dictionary_waits_for_the_first_check() {
        assert!(lint().custom.is_none());
    }

    #[test]
    fn the_dictionary_is_large_and_valid() {
        let d = default_dictionary().expect("valid");
        assert!(d.len() >= 300, "{} entries", d.len());
        for e in &d.entries {
            assert!(!e.wrong.contains(&e.right) || e.then.is_some() || e.after.is_some());
        }
    }

    #[test]
    fn every_correction_is_clean_and_every_plain_entry_fires() {
        let l = lint();
        let d = default_dictionary().expect("valid");
        for e in &d.entries {
            let right = format!("{}。", e.right);
            assert!(run(&l, &right).is_empty(), "correction flagged: {right}");
            if e.then.is_none() && e.after.is_none() {
                let wrong = format!("{}。", e.wrong);
                assert!(!run(&l, &wrong).is_empty(), "entry never fires: {wrong}");
            }
        }
    }

    #[test]
    fn cases() {
        pass_fail(
            &lint(),
            &[
                "截止日期为7月11日。",
                "截止到6月底，共接种。",
                "截至7月11日，累计接种。",
                "既使得群众满意，又提高效率。",
                "既使企业受益，也使群众满意。",
                "部署再接再厉按部就班。",
                "管疏并举，慎终如始。",
            ],
            &[
                "截止7月11日，累计接种。",
                "截止目前，累计接种。",
                "认真布署工作。",
                "管梳并举。",
                "慎始如终，抓好防控。",
                "发动民营医院组件党支部4个。",
                "免费放发消杀药物。",
                "组建流调、检酸采样队伍。",
                "成功争创省级老年友好性示范社区。",
            ],
        );
    }

    #[test]
    fn fix_replaces_the_wrong_word() {
        let found = run(&lint(), "我们要再接再励。");
        let fix = found[0].fix.as_ref().expect("fix");
        assert_eq!(fix.replacement, "再接再厉");
    }

    #[test]
    fn options_add_and_disable_entries() {
        let mut extra = BTreeMap::new();
        extra.insert("甲乙丙".to_owned(), "甲乙丁".to_owned());
        let l = Confusable::new(Options {
            extra,
            disable: vec!["截止".to_owned()],
        })
        .expect("valid");
        assert_eq!(run(&l, "甲乙丙。").len(), 1);
        assert!(run(&l, "截止7月11日。").is_empty());
    }
}
