//! Memory bounded by the input: a flood of one mistake is listed up to a limit
//! and counted after it; files, configs and baselines are read only up to a size
//! limit; a lint's panic costs one file, not the run.

mod common;

use assert_cmd::Command;
use std::fs;
use std::path::Path;

fn reportlint(dir: &Path) -> Command {
    let mut c = common::reportlint();
    c.current_dir(dir).env("COLUMNS", "100");
    c
}

fn json(dir: &Path, args: &[&str]) -> (Option<i32>, serde_json::Value, String) {
    let out = reportlint(dir)
        .args(["--format", "json"])
        .args(args)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let v = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("json ({e}); stderr: {stderr}"));
    (out.status.code(), v, stderr)
}

fn of_code<'a>(v: &'a serde_json::Value, code: &str) -> Vec<&'a serde_json::Value> {
    v["findings"]
        .as_array()
        .map(|a| a.iter().filter(|f| f["code"] == code).collect())
        .unwrap_or_default()
}

#[test]
fn a_flood_in_one_paragraph_is_listed_up_to_the_limit_and_counted() {
    let dir = tempfile::tempdir().expect("tempdir");
    // 20 000 unpaired marks in one paragraph.
    fs::write(dir.path().join("a.txt"), "“《（【".repeat(5_000) + "\n").expect("write");
    let (_, v, _) = json(dir.path(), &["--isolated", "a.txt"]);
    let found = of_code(&v, "RL304");
    assert_eq!(found.len(), 101, "100 listed and one that counts the rest");
    let last = found.last().expect("summary");
    assert!(
        last["message"]
            .as_str()
            .is_some_and(|m| m.contains("另有至少 9900 处")),
        "{last}"
    );
    // The limit is a setting.
    fs::write(
        dir.path().join("reportlint.toml"),
        "max-findings-per-paragraph = 5\n",
    )
    .expect("write");
    let (_, v, _) = json(dir.path(), &["a.txt"]);
    assert_eq!(of_code(&v, "RL304").len(), 6);
}

#[test]
fn a_flood_over_many_paragraphs_is_listed_up_to_the_file_limit() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("a.txt"), "一、甲“乙。\n\n".repeat(3_000)).expect("write");
    let (_, v, _) = json(dir.path(), &["--isolated", "--select", "RL304", "a.txt"]);
    let found = of_code(&v, "RL304");
    assert_eq!(found.len(), 1001);
    let last = found.last().expect("summary");
    assert!(
        last["message"]
            .as_str()
            .is_some_and(|m| m.contains("另有 2000 处")),
        "{last}"
    );
}

#[cfg(unix)]
#[test]
fn a_file_over_the_size_limit_is_named_and_not_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    // 1 GB, sparse: nothing is written to disk, and reading it would take 1 GB.
    let big = fs::File::create(dir.path().join("big.txt")).expect("create");
    big.set_len(1 << 30).expect("sparse");
    fs::write(dir.path().join("a.txt"), "全市认真布署防控工作。\n").expect("write");
    let (code, v, stderr) = json(dir.path(), &["--isolated", "big.txt", "a.txt"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("big.txt") && stderr.contains("100 MB limit"),
        "{stderr}"
    );
    assert_eq!(of_code(&v, "RL306").len(), 1, "the other file is linted");
}

#[test]
fn a_config_or_baseline_too_large_to_be_real_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("a.txt"), "全市认真布署防控工作。\n").expect("write");
    let huge = "# a comment\n".repeat(200_000);
    fs::write(dir.path().join("reportlint.toml"), &huge).expect("write");
    let out = reportlint(dir.path()).arg("a.txt").output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("larger than"));
    fs::remove_file(dir.path().join("reportlint.toml")).expect("rm");

    let mut baseline = String::from("{\"version\": 1, \"findings\": []}");
    baseline.push_str(&" ".repeat(65 << 20));
    fs::write(dir.path().join("b.json"), baseline).expect("write");
    let out = reportlint(dir.path())
        .args(["--baseline", "b.json", "a.txt"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("larger than"));
}

/// A lint with a bug: it panics on a report that mentions 「崩溃」.
struct Fragile;

static FRAGILE: reportlint::lints::LintMeta = reportlint::lints::LintMeta {
    code: "RL999",
    name: "fragile",
    family: reportlint::lints::LintFamily::Typo,
    default_severity: reportlint::diagnostic::Severity::Warning,
    summary: "panics",
    docs: "",
};

impl reportlint::lints::Lint for Fragile {
    fn meta(&self) -> &'static reportlint::lints::LintMeta {
        &FRAGILE
    }
    fn check(
        &self,
        doc: &reportlint::document::Document,
        _out: &mut Vec<reportlint::diagnostic::Finding>,
    ) {
        assert!(!doc.text.contains("崩溃"), "a bug");
    }
}

#[test]
fn a_lint_that_panics_fails_its_file_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("a.txt"), "系统崩溃。\n").expect("write");
    fs::write(dir.path().join("b.txt"), "全市认真布署防控工作。\n").expect("write");
    let mut config = reportlint::config::Config::default_config();
    config.lints.push(Box::new(Fragile));
    let opts = reportlint::pipeline::RunOptions::default();
    let a = reportlint::pipeline::check_file(&dir.path().join("a.txt"), &config, &opts);
    let error = a.error.expect("the file is reported as not checked");
    assert!(
        error.contains("RL999") && error.contains("a bug"),
        "{error}"
    );
    let b = reportlint::pipeline::check_file(&dir.path().join("b.txt"), &config, &opts);
    assert!(b.error.is_none());
    assert!(b.reported.iter().any(|r| r.code == "RL306"));
}
