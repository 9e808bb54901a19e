//! The arithmetic dev set: claims copied from published reports, measured.
//!
//! `tests/data/claims/*.toml` hold checkable claims (rates, shares, parts and
//! totals, growths, list counts, table totals …) copied verbatim from real
//! reports, each checked by hand under interval arithmetic
//! (`scripts/claims-check.py` recomputes every one), with a copy in which one
//! number is changed so that the arithmetic clearly fails, plus real errors
//! found in the published text and distractors (numbers in no relation).
//!
//! The arithmetic and table lints (RL201–RL214) run on every original and
//! every mutated copy. Measured: recall on the mutated copies (a finding on the
//! mutated passage that the original does not have; also counted: one whose
//! span or label covers the changed number), false alarms on the originals that
//! hold and on the distractors, recall on the real errors.
//! `tests/data/claims/expected.toml` pins the figures: a change that finds
//! fewer mutations or real errors, or raises more false alarms, fails; an
//! improvement passes and says so, and the floor is raised by editing the file.
//! `cargo test --test claims -- --nocapture` prints the breakdown by kind (on stderr).
//!
//! `tests/data/claims-unseen/` is a second set built the same way from other
//! documents by someone who did not write the rules, and never tuned on: it is
//! measured the same way against its own expected.toml, and only its totals are
//! printed. `tests/data/claims-unseen2/` is a third, fresh one (the first unseen
//! set was touched by fixes made from a judge's description of its findings),
//! measured and printed the same way; `tests/data/claims-unseen3/` a fourth,
//! built afresh once the second had been touched too; `tests/data/claims-unseen4/`
//! a fifth, from documents none of the others use, built while the rules changed.

mod common;
#[path = "claims/interval.rs"]
mod interval;

use reportlint::config::Config;
use reportlint::diagnostic::Finding;
use reportlint::document::Document;
use reportlint::pipeline::{self, Selection};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The lints this dev set measures: arithmetic (RL201–RL209) and tables (RL210–RL214).
const CODES: [&str; 14] = [
    "RL201", "RL202", "RL203", "RL204", "RL205", "RL206", "RL207", "RL208", "RL209", "RL210",
    "RL211", "RL212", "RL213", "RL214",
];

#[derive(Deserialize)]
struct ClaimFile {
    #[serde(default)]
    claim: Vec<Claim>,
    #[serde(default)]
    source: Vec<Source>,
}

#[derive(Deserialize)]
struct Source {
    id: String,
}

#[derive(Deserialize, Clone)]
struct Claim {
    id: String,
    source: String,
    kind: String,
    verdict: String,
    text: String,
    /// `[from, to]` or `[from, to, nth]`: the printed number `from` (its
    /// `nth` occurrence as a whole number, 1-based) becomes `to`.
    #[serde(default)]
    mutate: Option<Vec<toml::Value>>,
    /// The hand check (see `interval.rs`); none for distractors.
    #[serde(default)]
    check: Option<String>,
    /// Whole numbers of the claim count things and are exact.
    #[serde(default)]
    exact: bool,
}

#[derive(Deserialize)]
struct Expected {
    holds: usize,
    real_errors: usize,
    distractors: usize,
    mutated_found_min: usize,
    mutated_found_at_number_min: usize,
    real_errors_found_min: usize,
    false_alarms_on_originals_max: usize,
    false_alarms_on_distractors_max: usize,
}

/// The tuned dev set: its misses are printed, rules are written from their classes.
const TUNED: &str = "tests/data/claims";
/// The unseen dev set: a measure only. Only its totals are printed, so that no
/// rule is written from its sentences (tests/data/claims-unseen/README.md).
const UNSEEN: &str = "tests/data/claims-unseen";
/// A second unseen set, built later from other documents: a measure only
/// (tests/data/claims-unseen2/README.md).
const UNSEEN2: &str = "tests/data/claims-unseen2";
/// A third unseen set, from documents none of the others use: a measure only
/// (tests/data/claims-unseen3/README.md).
const UNSEEN3: &str = "tests/data/claims-unseen3";
/// A fourth unseen set, from documents none of the others use: a measure only
/// (tests/data/claims-unseen4/README.md).
const UNSEEN4: &str = "tests/data/claims-unseen4";

fn data_dir(set: &str) -> PathBuf {
    common::repo().join(set)
}

fn load(set: &str) -> (Vec<Claim>, BTreeSet<String>) {
    let mut claims = Vec::new();
    let mut sources = BTreeSet::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(data_dir(set))
        .unwrap_or_else(|e| panic!("{set}: {e}"))
        .map(|e| e.expect("readable directory").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .filter(|p| p.file_name().is_some_and(|n| n != "expected.toml"))
        .collect();
    files.sort();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let parsed: ClaimFile =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        claims.extend(parsed.claim);
        sources.extend(parsed.source.into_iter().map(|s| s.id));
    }
    (claims, sources)
}

/// Byte ranges where `num` stands as a whole number in `text`: not preceded
/// by a digit or a decimal point, not followed by a digit or by `.digit`.
fn number_spans(text: &str, num: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    text.match_indices(num)
        .map(|(a, m)| (a, a + m.len()))
        .filter(|&(a, b)| {
            let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
            let joined_before = a > 0 && (digit(a - 1) || bytes[a - 1] == b'.');
            let joined_after = digit(b) || (bytes.get(b) == Some(&b'.') && digit(b + 1));
            !joined_before && !joined_after
        })
        .collect()
}

/// The mutated text and the byte range of the changed number in it.
fn mutated(claim: &Claim) -> (String, (usize, usize)) {
    let m = claim
        .mutate
        .as_ref()
        .unwrap_or_else(|| panic!("{}: a claim that holds needs `mutate`", claim.id));
    let from = m
        .first()
        .and_then(|v| v.as_str())
        .expect("mutate[0] is a string");
    let to = m
        .get(1)
        .and_then(|v| v.as_str())
        .expect("mutate[1] is a string");
    let nth = m.get(2).and_then(|v| v.as_integer());
    let spans = number_spans(&claim.text, from);
    assert!(!spans.is_empty(), "{}: {from} is not in the text", claim.id);
    assert!(
        nth.is_some() || spans.len() == 1,
        "{}: {from} occurs {} times; say which",
        claim.id,
        spans.len()
    );
    let index = usize::try_from(nth.unwrap_or(1) - 1).expect("nth is 1-based");
    let (a, b) = *spans
        .get(index)
        .unwrap_or_else(|| panic!("{}: no occurrence {} of {from}", claim.id, index + 1));
    assert_ne!(from, to, "{}: the mutation changes nothing", claim.id);
    let text = format!("{}{to}{}", &claim.text[..a], &claim.text[b..]);
    (text, (a, a + to.len()))
}

/// The findings of the measured lints on one passage.
fn lint(id: &str, text: &str) -> (Document, Vec<Finding>) {
    let path = Path::new("claim.txt");
    let prepared = reportlint::input::prepare(path, text.as_bytes(), None)
        .unwrap_or_else(|_| panic!("{id}: not a readable passage"));
    let delimited = prepared.format.delimited();
    let doc = Document::build(id, prepared.decoded, prepared.original, delimited);
    let sel = Selection {
        select: CODES.iter().map(|c| c.to_string()).collect(),
        ignore: vec![],
        extend_select: vec![],
    };
    let findings = pipeline::lint_document(&doc, path, &Config::default_config(), &sel);
    (doc, findings)
}

/// Whether a finding's span or one of its labels covers bytes of `range`
/// (the changed number), i.e. the finding points at the wrong number itself.
fn points_at(f: &Finding, (a, b): (usize, usize)) -> bool {
    std::iter::once(f.span)
        .chain(f.labels.iter().map(|l| l.span))
        .any(|s| s.start < b && a < s.end)
}

fn summary(findings: &[Finding]) -> String {
    findings
        .iter()
        .map(|f| format!("{} {}", f.meta.code, f.message))
        .collect::<Vec<_>>()
        .join(" | ")
}

/// The text with full-width digits made ASCII and thousands separators
/// between digits dropped, where a check's numbers are looked up.
fn squeezed(text: &str) -> String {
    let chars: Vec<char> = interval_ascii(text).chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let between_digits = i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if !(between_digits && matches!(c, ' ' | ',' | '，')) {
            out.push(c);
        }
    }
    out
}

fn interval_ascii(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '０'..='９' => char::from_digit(c as u32 - '０' as u32, 10).unwrap_or(c),
            '．' => '.',
            c => c,
        })
        .collect()
}

/// Every claim's hand check is right: claims that hold hold, real errors do
/// not, each number of a check is printed in the text, and each mutation
/// breaks its claim even when every printed interval is 1.5 times as wide.
#[test]
fn every_hand_check_is_right_and_every_mutation_breaks_its_claim() {
    hand_checks_hold(TUNED);
}

#[test]
fn every_hand_check_of_the_unseen_set_is_right() {
    hand_checks_hold(UNSEEN);
}

#[test]
fn every_hand_check_of_the_second_unseen_set_is_right() {
    hand_checks_hold(UNSEEN2);
}

#[test]
fn every_hand_check_of_the_third_unseen_set_is_right() {
    hand_checks_hold(UNSEEN3);
}

#[test]
fn every_hand_check_of_the_fourth_unseen_set_is_right() {
    hand_checks_hold(UNSEEN4);
}

fn hand_checks_hold(set: &str) {
    let (claims, _) = load(set);
    let normal = |exact| interval::Reading {
        widen: 1.0,
        exact_integers: exact,
    };
    let wide = |exact| interval::Reading {
        widen: 1.5,
        exact_integers: exact,
    };
    for c in &claims {
        let Some(check) = &c.check else {
            assert_eq!(c.verdict, "distractor", "{}: no check", c.id);
            continue;
        };
        assert_ne!(
            c.verdict, "distractor",
            "{}: a distractor has no check",
            c.id
        );
        let text = squeezed(&c.text);
        let plain = interval_ascii(&c.text);
        for n in interval::printed_numbers(check) {
            assert!(
                !number_spans(&plain, n).is_empty() || !number_spans(&text, n).is_empty(),
                "{}: {n} of the check is not in the text",
                c.id
            );
        }
        let holds =
            interval::holds(check, normal(c.exact)).unwrap_or_else(|e| panic!("{}: {e}", c.id));
        assert_eq!(
            holds,
            c.verdict == "holds",
            "{}: the check disagrees with the verdict",
            c.id
        );
        if let Some(m) = &c.mutate {
            let from = m[0].as_str().expect("mutate[0]");
            let to = m[1].as_str().expect("mutate[1]");
            let changed = interval::mutate(check, from, to);
            assert_ne!(&changed, check, "{}: {from} is not in the check", c.id);
            for reading in [normal(c.exact), wide(c.exact)] {
                let still =
                    interval::holds(&changed, reading).unwrap_or_else(|e| panic!("{}: {e}", c.id));
                assert!(
                    !still,
                    "{}: the mutation {from} → {to} does not clearly break it",
                    c.id
                );
            }
        }
    }
}

#[derive(Default)]
struct Tally {
    holds: usize,
    found: usize,
    found_at_number: usize,
    false_alarms: usize,
    real_errors: usize,
    real_found: usize,
    distractors: usize,
    distractor_alarms: usize,
}

impl Tally {
    fn add(&mut self, o: &Tally) {
        self.holds += o.holds;
        self.found += o.found;
        self.found_at_number += o.found_at_number;
        self.false_alarms += o.false_alarms;
        self.real_errors += o.real_errors;
        self.real_found += o.real_found;
        self.distractors += o.distractors;
        self.distractor_alarms += o.distractor_alarms;
    }
}

fn ratio(n: usize, d: usize) -> String {
    if d == 0 {
        "-".into()
    } else {
        format!("{n}/{d} ({:.0}%)", 100.0 * n as f64 / d as f64)
    }
}

#[test]
fn arithmetic_lints_on_the_claims_dev_set() {
    measure(TUNED, true);
}

/// Measured like the tuned set; prints the totals only (`-- --nocapture`).
#[test]
fn arithmetic_lints_on_the_unseen_claims() {
    // An independent judge (never the rules' author) may ask for the detail
    // with REPORTLINT_SHOW_UNSEEN=1 to judge a finding on an original.
    measure(UNSEEN, std::env::var_os("REPORTLINT_SHOW_UNSEEN").is_some());
}

/// The second unseen set, measured the same way; totals only.
#[test]
fn arithmetic_lints_on_the_second_unseen_claims() {
    // Detail for an independent judge only: REPORTLINT_SHOW_UNSEEN2=1.
    measure(
        UNSEEN2,
        std::env::var_os("REPORTLINT_SHOW_UNSEEN2").is_some(),
    );
}

/// The third unseen set, measured the same way; totals only.
#[test]
fn arithmetic_lints_on_the_third_unseen_claims() {
    // Detail for an independent judge only: REPORTLINT_SHOW_UNSEEN3=1.
    measure(
        UNSEEN3,
        std::env::var_os("REPORTLINT_SHOW_UNSEEN3").is_some(),
    );
}

/// The fourth unseen set, measured the same way; totals only.
#[test]
fn arithmetic_lints_on_the_fourth_unseen_claims() {
    // Detail for an independent judge only: REPORTLINT_SHOW_UNSEEN4=1.
    measure(
        UNSEEN4,
        std::env::var_os("REPORTLINT_SHOW_UNSEEN4").is_some(),
    );
}

/// Run the lints on every claim of `set` and hold the figures to its
/// expected.toml; `detail` prints the figures by kind and every miss.
fn measure(set: &str, detail: bool) {
    let (claims, sources) = load(set);
    assert!(!claims.is_empty(), "no claims in {set}");
    let mut ids = BTreeSet::new();
    let mut by_kind: BTreeMap<String, Tally> = BTreeMap::new();
    let mut notes = Vec::new();
    for c in &claims {
        assert!(ids.insert(c.id.clone()), "{}: duplicate id", c.id);
        assert!(
            sources.contains(&c.source),
            "{}: unknown source {}",
            c.id,
            c.source
        );
        let t = by_kind.entry(c.kind.clone()).or_default();
        let (_, original) = lint(&c.id, &c.text);
        match c.verdict.as_str() {
            "holds" => {
                t.holds += 1;
                if !original.is_empty() {
                    t.false_alarms += 1;
                    notes.push(format!("false alarm  {}: {}", c.id, summary(&original)));
                }
                let (text, range) = mutated(c);
                let (_, found) = lint(&c.id, &text);
                // A finding the original already had is not a detection of the change.
                let before: BTreeSet<(&str, &str)> = original
                    .iter()
                    .map(|f| (f.meta.code, f.message.as_str()))
                    .collect();
                let found: Vec<&Finding> = found
                    .iter()
                    .filter(|f| !before.contains(&(f.meta.code, f.message.as_str())))
                    .collect();
                if found.is_empty() {
                    notes.push(format!("missed       {}", c.id));
                } else {
                    t.found += 1;
                    if found.iter().any(|f| points_at(f, range)) {
                        t.found_at_number += 1;
                    }
                }
            }
            "real_error" => {
                assert!(c.mutate.is_none(), "{}: a real error is not mutated", c.id);
                t.real_errors += 1;
                if original.is_empty() {
                    notes.push(format!("real missed  {}", c.id));
                } else {
                    t.real_found += 1;
                }
            }
            "distractor" => {
                assert!(c.mutate.is_none(), "{}: a distractor is not mutated", c.id);
                t.distractors += 1;
                if !original.is_empty() {
                    t.distractor_alarms += 1;
                    notes.push(format!("distractor   {}: {}", c.id, summary(&original)));
                }
            }
            other => panic!("{}: verdict {other:?}", c.id),
        }
    }

    let mut all = Tally::default();
    for t in by_kind.values() {
        all.add(t);
    }
    if !detail {
        by_kind.clear();
        notes.clear();
    }
    eprintln!("{set}");
    eprintln!(
        "{:<16} {:>5} {:>14} {:>14} {:>12} {:>12} {:>12}",
        "kind",
        "holds",
        "mutated found",
        "at the number",
        "false alarm",
        "real errors",
        "distractor"
    );
    for (kind, t) in &by_kind {
        eprintln!(
            "{:<16} {:>5} {:>14} {:>14} {:>12} {:>12} {:>12}",
            kind,
            t.holds,
            ratio(t.found, t.holds),
            ratio(t.found_at_number, t.holds),
            ratio(t.false_alarms, t.holds),
            ratio(t.real_found, t.real_errors),
            ratio(t.distractor_alarms, t.distractors),
        );
    }
    eprintln!(
        "{:<16} {:>5} {:>14} {:>14} {:>12} {:>12} {:>12}",
        "all",
        all.holds,
        ratio(all.found, all.holds),
        ratio(all.found_at_number, all.holds),
        ratio(all.false_alarms, all.holds),
        ratio(all.real_found, all.real_errors),
        ratio(all.distractor_alarms, all.distractors),
    );
    for n in &notes {
        eprintln!("{n}");
    }

    let text = std::fs::read_to_string(data_dir(set).join("expected.toml"))
        .unwrap_or_else(|e| panic!("{set}/expected.toml: {e}"));
    let e: Expected = toml::from_str(&text).expect("expected.toml parses");
    assert_eq!(
        (all.holds, all.real_errors, all.distractors),
        (e.holds, e.real_errors, e.distractors),
        "the dev set changed (holds, real errors, distractors): measure again and update expected.toml"
    );
    let floors = [
        ("mutated claims found", all.found, e.mutated_found_min),
        (
            "mutated claims found at the changed number",
            all.found_at_number,
            e.mutated_found_at_number_min,
        ),
        ("real errors found", all.real_found, e.real_errors_found_min),
    ];
    let ceilings = [
        (
            "false alarms on originals",
            all.false_alarms,
            e.false_alarms_on_originals_max,
        ),
        (
            "false alarms on distractors",
            all.distractor_alarms,
            e.false_alarms_on_distractors_max,
        ),
    ];
    let mut regressions = Vec::new();
    for (what, now, floor) in floors {
        if now < floor {
            regressions.push(format!("{what}: {now}, the floor is {floor}"));
        } else if now > floor {
            eprintln!("improved: {what} {now} > {floor}; raise the floor in expected.toml");
        }
    }
    for (what, now, ceiling) in ceilings {
        if now > ceiling {
            regressions.push(format!("{what}: {now}, the ceiling is {ceiling}"));
        } else if now < ceiling {
            eprintln!("improved: {what} {now} < {ceiling}; lower the ceiling in expected.toml");
        }
    }
    assert!(
        regressions.is_empty(),
        "regressed on {set}:\n{}",
        regressions.join("\n")
    );
}
