//! Every finding on the real reports in `../shared/corpus/`, judged by hand.
//!
//! `tests/judged/{tune,held-out}/<family>.txt` hold one line per finding,
//! `path:line:column:CODE VERDICT # 「text」 why`, with VERDICT `true` or
//! `false`. The findings must be exactly the judged lines: a new finding (a
//! changed rule, or a new document in the corpus) fails this test until it is
//! judged, and a vanished one fails until its line is removed — so a change is
//! always checked against the verdicts of the last one. `scripts/corpus-precision.py`
//! turns the verdicts into precision per family and half.

mod common;

use reportlint::config::Config;
use reportlint::pipeline;
use std::collections::BTreeMap;

const HALVES: [&str; 2] = ["tune", "held-out"];
const FAMILIES: [&str; 5] = ["input", "numbering", "arithmetic", "tables", "typo"];

/// `key → verdict` from every judged file, with the file each came from.
fn judged() -> BTreeMap<String, (String, String)> {
    let mut out = BTreeMap::new();
    for half in HALVES {
        for family in FAMILIES {
            let file = format!("tests/judged/{half}/{family}.txt");
            let text = std::fs::read_to_string(common::repo().join(&file))
                .unwrap_or_else(|e| panic!("{file}: {e}"));
            for (n, line) in text.lines().enumerate() {
                let body = line.split(" # ").next().unwrap_or("").trim();
                if body.is_empty() || body.starts_with('#') {
                    continue;
                }
                let (key, verdict) = body
                    .split_once(' ')
                    .unwrap_or_else(|| panic!("{file}:{}: no verdict", n + 1));
                let previous = out.insert(
                    key.to_owned(),
                    (verdict.trim().to_owned(), format!("{file}:{}", n + 1)),
                );
                assert!(previous.is_none(), "{file}:{}: {key} judged twice", n + 1);
            }
        }
    }
    out
}

fn family_of(code: &str) -> &'static str {
    match code.get(..4) {
        Some("RL00") => "input",
        Some(c) if c.starts_with("RL1") => "numbering",
        Some("RL21") => "tables",
        Some(c) if c.starts_with("RL2") => "arithmetic",
        _ => "typo",
    }
}

#[test]
fn corpus_findings_are_exactly_the_judged_ones() {
    let Some(corpus) = common::corpus() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have ../shared/corpus beside the repository"
        );
        eprintln!("skipped: ../shared/corpus not found");
        return;
    };
    let config = Config::default_config();
    let found = reportlint::discover::discover(&[corpus.display().to_string()], &config);
    let mut got: BTreeMap<String, String> = BTreeMap::new();
    let mut reports = 0;
    for path in &found.files {
        let rel = path
            .strip_prefix(&corpus)
            .unwrap_or(path)
            .display()
            .to_string();
        if !rel.contains('/') {
            continue; // SOURCES.md and other notes about the corpus are not reports
        }
        reports += 1;
        let outcome = pipeline::check_file(path, &config, &pipeline::RunOptions::default());
        for r in outcome.reported {
            let key = format!("{rel}:{}:{}:{}", r.at.line, r.at.column, r.code);
            let half = if common::held_out(&rel) {
                "held-out"
            } else {
                "tune"
            };
            let text: String = r.snippet.chars().take(24).collect();
            let line = format!(
                "tests/judged/{half}/{}.txt: {key} ? # 「{}」 {}",
                family_of(r.code),
                text.replace('\n', " "),
                r.message
            );
            got.insert(key, line);
        }
    }
    assert!(reports >= 100, "corpus looks incomplete: {reports} reports");
    let judged = judged();
    let unjudged: Vec<&String> = judged
        .iter()
        .filter(|(_, (v, _))| v == "?")
        .map(|(_, (_, at))| at)
        .collect();
    let bad: Vec<String> = judged
        .iter()
        .filter(|(_, (v, _))| !["true", "false", "?"].contains(&v.as_str()))
        .map(|(k, (v, at))| format!("{at}: {k}: verdict {v:?} is not true/false"))
        .collect();
    let new: Vec<&String> = got
        .iter()
        .filter(|(k, _)| !judged.contains_key(*k))
        .map(|(_, line)| line)
        .collect();
    let gone: Vec<String> = judged
        .iter()
        .filter(|(k, _)| !got.contains_key(*k))
        .map(|(k, (v, at))| format!("{at}: {k} ({v})"))
        .collect();
    assert!(
        new.is_empty() && gone.is_empty() && unjudged.is_empty() && bad.is_empty(),
        "corpus findings differ from the judged ones.\n\
         new findings, to judge (true or false, with the reason):\n{}\n\
         judged findings no longer found (remove the line; a `true` one lost is a regression):\n{}\n\
         not judged yet:\n{}\n{}",
        new.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n"),
        gone.join("\n"),
        unjudged.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n"),
        bad.join("\n"),
    );
}

#[test]
fn the_split_matches_the_script() {
    // Fixed points of the hash, so the Rust and Python halves cannot drift apart.
    assert!(!common::held_out("seeds/001_3cbf79e9d602b8eb.txt"));
    let both: Vec<bool> = [
        "china-provincial-gov-reports-2026/2026_上海市_政府工作报告.txt",
        "textworkshop17-govReports/1954政府工作报告_周恩来.txt",
        "pingtan-gov-zwgk/stat_2022_平潭综合实验区统计公报.txt",
    ]
    .iter()
    .map(|p| common::held_out(p))
    .collect();
    let script: Vec<bool> = std::process::Command::new("python3")
        .arg("-c")
        .arg(
            "import importlib.util,sys;s=importlib.util.spec_from_file_location('s','scripts/corpus-split.py');\
             m=importlib.util.module_from_spec(s);s.loader.exec_module(m);\
             [print(m.held_out(p)) for p in sys.argv[1:]]",
        )
        .args([
            "china-provincial-gov-reports-2026/2026_上海市_政府工作报告.txt",
            "textworkshop17-govReports/1954政府工作报告_周恩来.txt",
            "pingtan-gov-zwgk/stat_2022_平潭综合实验区统计公报.txt",
        ])
        .current_dir(common::repo())
        .output()
        .map(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .map(|l| l == "True")
                .collect()
        })
        .expect("python3 runs scripts/corpus-split.py");
    assert_eq!(both, script);
    assert!(both.contains(&true) && both.contains(&false), "{both:?}");
}
