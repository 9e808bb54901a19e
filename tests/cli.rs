//! The command line: exit codes, stdin, config errors, globs, formats.

mod common;

use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;
use std::path::Path;

fn reportlint() -> Command {
    let mut c = common::reportlint();
    c.env_remove("NO_COLOR").env("COLUMNS", "100");
    c
}

/// Standard error with miette's wrapping and frame undone, for `contains`.
fn flat(bytes: &[u8]) -> String {
    let s = String::from_utf8_lossy(bytes).replace(['│', '\n'], " ");
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lint `a.txt` in `dir` with `config` as its reportlint.toml: the exit code
/// and standard error on one line.
fn lint_with_config(dir: &Path, config: &str) -> (Option<i32>, String) {
    fs::write(dir.join("reportlint.toml"), config).expect("write");
    let out = reportlint()
        .current_dir(dir)
        .arg("a.txt")
        .output()
        .expect("runs");
    (out.status.code(), flat(&out.stderr))
}

const DUPLICATE: &str = "一、甲\n正文。\n二、乙\n正文。\n二、丙\n正文。\n";

#[test]
fn fixtures_show_findings_and_exit_1() {
    reportlint()
        .current_dir(common::repo())
        .args(["--isolated", "fixtures/"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("RL101 numbering-duplicate"))
        .stdout(predicate::str::contains(
            "╭─[fixtures/numbering-duplicate/bad.txt:",
        ))
        .stdout(predicate::str::contains("errors"));
}

#[test]
fn clean_input_exits_0_and_findings_below_fail_on_too() {
    reportlint()
        .args(["--isolated", "-"])
        .write_stdin("一、甲\n二、乙\n")
        .assert()
        .code(0);
    // A warning only (mixed style) passes at the default fail-on = error …
    let mixed = "一、甲\n1.子\n2.子\n二、乙\n1、子\n2、子\n";
    reportlint()
        .args(["--isolated", "-"])
        .write_stdin(mixed)
        .assert()
        .code(0);
    // … and fails at fail-on = warning.
    reportlint()
        .args(["--isolated", "--fail-on", "warning", "-"])
        .write_stdin(mixed)
        .assert()
        .code(1);
}

#[test]
fn stdin_is_named_by_stdin_filename() {
    reportlint()
        .args([
            "--isolated",
            "--format",
            "json",
            "--stdin-filename",
            "季度报告.txt",
            "-",
        ])
        .write_stdin(DUPLICATE)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("\"path\": \"季度报告.txt\""));
}

#[test]
fn json_has_the_documented_shape() {
    let out = reportlint()
        .args(["--isolated", "--format", "json", "-"])
        .write_stdin(DUPLICATE)
        .output()
        .expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(v["version"], 1);
    let f = &v["findings"][0];
    for key in [
        "path",
        "code",
        "lint",
        "severity",
        "message",
        "line",
        "column",
        "end_line",
        "end_column",
        "byte_start",
        "byte_end",
        "snippet",
        "labels",
        "help",
        "fix",
    ] {
        assert!(f.get(key).is_some(), "finding lacks {key}: {f}");
    }
    assert_eq!(f["code"], "RL101");
    assert_eq!(f["line"], 5);
    assert_eq!(f["column"], 1);
    assert_eq!(
        f["end_column"], 3,
        "end_column is exclusive and counts characters"
    );
    assert_eq!(f["snippet"], "二、");
    assert_eq!(f["labels"][0]["line"], 3);
    assert_eq!(
        v["summary"],
        serde_json::json!({"files": 1, "errors": 1, "warnings": 0, "infos": 0, "unchecked": 0})
    );
}

#[test]
fn select_and_ignore_choose_lints() {
    reportlint()
        .args(["--isolated", "--select", "RL2", "-"])
        .write_stdin(DUPLICATE)
        .assert()
        .code(0);
    reportlint()
        .args(["--isolated", "--ignore", "numbering-duplicate", "-"])
        .write_stdin(DUPLICATE)
        .assert()
        .code(0);
    reportlint()
        .args(["--isolated", "--select", "numbering", "-"])
        .write_stdin(DUPLICATE)
        .assert()
        .code(1);
}

#[test]
fn config_errors_point_at_the_toml_line_and_exit_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(
        dir.path().join("reportlint.toml"),
        "fail-on = \"error\"\n\n[lints.numbering-duplicat]\nenabled = false\n",
    )
    .expect("write");
    fs::write(dir.path().join("a.txt"), DUPLICATE).expect("write");
    reportlint()
        .current_dir(dir.path())
        .arg("a.txt")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "unknown lint `numbering-duplicat`",
        ))
        .stderr(predicate::str::contains("reportlint.toml:3:"));
}

#[test]
fn config_is_found_in_an_ancestor_and_can_disable_a_lint() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(
        dir.path().join("reportlint.toml"),
        "[lints.numbering-duplicate]\nenabled = false\n",
    )
    .expect("write");
    let sub = dir.path().join("reports/2023");
    fs::create_dir_all(&sub).expect("mkdir");
    fs::write(sub.join("a.txt"), DUPLICATE).expect("write");
    reportlint().current_dir(&sub).arg("a.txt").assert().code(0);
    reportlint()
        .current_dir(&sub)
        .args(["--isolated", "a.txt"])
        .assert()
        .code(1);
}

#[test]
fn directories_respect_include_exclude_and_gitignore() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path();
    fs::write(p.join("a.txt"), DUPLICATE).expect("write");
    fs::write(p.join("b.md"), DUPLICATE).expect("write");
    fs::write(p.join("c.toml"), DUPLICATE).expect("write");
    fs::create_dir(p.join("drafts")).expect("mkdir");
    fs::write(p.join("drafts/d.txt"), DUPLICATE).expect("write");
    fs::write(p.join(".gitignore"), "b.md\n").expect("write");
    fs::write(p.join("reportlint.toml"), "exclude = [\"drafts/**\"]\n").expect("write");
    // .gitignore counts inside a git work tree (see tests/inputs.rs for outside).
    fs::create_dir(p.join(".git")).expect("mkdir .git");
    let out = reportlint()
        .current_dir(p)
        .args(["--format", "json", "."])
        .output()
        .expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let paths: Vec<&str> = v["findings"]
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|f| f["path"].as_str())
        .collect();
    assert_eq!(paths, vec!["a.txt"], "{v}");
}

#[test]
fn globs_expand_and_missing_paths_exit_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("q1.txt"), DUPLICATE).expect("write");
    fs::write(dir.path().join("q2.txt"), "一、甲\n").expect("write");
    let out = reportlint()
        .current_dir(dir.path())
        .args(["--isolated", "--format", "json", "q*.txt"])
        .output()
        .expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["summary"]["files"], 2);
    reportlint()
        .current_dir(dir.path())
        .args(["--isolated", "q1.txt", "nope.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nope.txt: no such file"));
}

#[test]
fn hostile_inputs_do_not_crash() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path();
    fs::write(p.join("empty.txt"), b"").expect("write");
    let noise: Vec<u8> = (0..100_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8 | 1)
        .collect();
    fs::write(p.join("noise.txt"), &noise).expect("write");
    fs::write(p.join("binary.txt"), b"PK\x03\x04\x00\x00\x00binary").expect("write");
    let (gbk, _, _) = encoding_rs::GB18030.encode("一、工作情况\n二、存在问题\n二、下步计划\n");
    fs::write(p.join("gbk.txt"), &gbk).expect("write");
    fs::write(
        p.join("long.txt"),
        "产妇数1462人，筛查率95.83%。一是排查。六、".repeat(100_000),
    )
    .expect("write");
    let out = reportlint()
        .current_dir(p)
        .args(["--isolated", "--format", "json", "."])
        .output()
        .expect("runs");
    // The binary file is not checked, and says so: exit code 2.
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let findings = v["findings"].as_array().expect("array");
    // The GBK file is decoded, not mangled: its duplicate 二、 is found on line 3.
    assert!(
        findings
            .iter()
            .any(|f| f["path"] == "gbk.txt" && f["code"] == "RL101" && f["line"] == 3),
        "{v}"
    );
    // The noise is decoded lossily and says so once.
    assert!(
        findings
            .iter()
            .any(|f| f["path"] == "noise.txt" && f["code"] == "RL001"),
        "{v}"
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("binary.txt: not checked: a binary file"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        v["summary"]["files"], 4,
        "binary file not checked, four linted"
    );
    assert_eq!(v["summary"]["unchecked"], 1);
    assert_eq!(v["problems"][0]["path"], "binary.txt");
}

#[test]
fn explicit_encoding_is_used() {
    let (gbk, _, _) = encoding_rs::GB18030.encode("一、甲\n二、乙\n二、丙\n");
    reportlint()
        .args(["--isolated", "--encoding", "gbk", "-"])
        .write_stdin(gbk.into_owned())
        .assert()
        .code(1);
    reportlint()
        .args(["--isolated", "--encoding", "klingon", "-"])
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown encoding"));
}

#[test]
fn list_explain_and_init() {
    let listed = reportlint().arg("list").output().expect("runs");
    let listed = String::from_utf8_lossy(&listed.stdout);
    assert!(
        listed
            .lines()
            .any(|l| l.starts_with("RL101") && l.contains("numbering-duplicate")),
        "{listed}"
    );
    reportlint()
        .args(["explain", "RL101"])
        .assert()
        .success()
        .stdout(predicate::str::contains("## What it does"))
        .stdout(predicate::str::contains("```bad"));
    reportlint()
        .args(["explain", "numbering-gap"])
        .assert()
        .success()
        .stdout(predicate::str::contains("RL102"));
    reportlint().args(["explain", "RL999"]).assert().code(2);
    let dir = tempfile::tempdir().expect("tempdir");
    reportlint()
        .current_dir(dir.path())
        .arg("init")
        .assert()
        .success();
    let written = fs::read_to_string(dir.path().join("reportlint.toml")).expect("written");
    assert!(written.contains("[lints.numbering-duplicate]"));
    reportlint()
        .current_dir(dir.path())
        .arg("init")
        .assert()
        .code(2);
    // The written file is a valid config.
    fs::write(dir.path().join("a.txt"), "一、甲\n").expect("write");
    reportlint()
        .current_dir(dir.path())
        .arg("a.txt")
        .assert()
        .code(0);
}

#[test]
fn output_file_is_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("report.json");
    reportlint()
        .args(["--isolated", "--format", "json", "--output"])
        .arg(&out)
        .arg("-")
        .write_stdin(DUPLICATE)
        .assert()
        .code(1)
        .stdout(predicate::str::is_empty());
    let v: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&out).expect("written")).expect("json");
    assert_eq!(v["summary"]["errors"], 1);
}

#[test]
fn a_baseline_hides_exactly_the_old_findings_even_when_lines_move() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path();
    fs::write(p.join("a.txt"), DUPLICATE).expect("write");
    reportlint()
        .current_dir(p)
        .args(["baseline", "--isolated", "a.txt"])
        .assert()
        .code(0);
    let recorded =
        fs::read_to_string(p.join(".reportlint-baseline.json")).expect("baseline written");
    assert!(recorded.contains("\"fingerprint\""), "{recorded}");
    reportlint()
        .current_dir(p)
        .args([
            "--isolated",
            "--baseline",
            ".reportlint-baseline.json",
            "a.txt",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "1 known finding hidden by the baseline",
        ));
    // Lines added above move the old finding; a new duplicate appears below.
    let edited = format!("前言。\n\n{DUPLICATE}正文。\n三、丁\n三、戊\n");
    fs::write(p.join("a.txt"), edited).expect("write");
    let out = reportlint()
        .current_dir(p)
        .args([
            "--isolated",
            "--format",
            "json",
            "--baseline",
            ".reportlint-baseline.json",
            "a.txt",
        ])
        .output()
        .expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let findings = v["findings"].as_array().expect("array");
    assert_eq!(findings.len(), 1, "{v:#}");
    assert_eq!(findings[0]["snippet"], "三、");
    // A broken baseline file is an error naming it.
    fs::write(p.join("bad.json"), "{").expect("write");
    reportlint()
        .current_dir(p)
        .args(["--isolated", "--baseline", "bad.json", "a.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.json"));
}

#[test]
fn symlink_loops_and_dangling_paths_do_not_stop_the_others() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path();
    fs::create_dir(p.join("reports")).expect("mkdir");
    fs::write(p.join("reports/a.txt"), DUPLICATE).expect("write");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(p.join("reports"), p.join("reports/loop")).expect("symlink");
        std::os::unix::fs::symlink(p.join("missing.txt"), p.join("dangling.txt")).expect("symlink");
    }
    let out = reportlint()
        .current_dir(p)
        .args(["--isolated", "--format", "json", "reports", "dangling.txt"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("dangling.txt"));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(
        v["summary"]["files"], 1,
        "the loop is not followed, the good file is linted"
    );
    assert_eq!(v["summary"]["errors"], 1);
}

#[test]
fn html_goes_to_stdout_without_output_and_escapes_the_report() {
    let text = format!("{DUPLICATE}<script>alert(1)</script>\n");
    reportlint()
        .args([
            "--isolated",
            "--format",
            "html",
            "--stdin-filename",
            "<b>报告</b>.txt",
            "-",
        ])
        .write_stdin(text)
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with("<!DOCTYPE html>"))
        .stdout(predicate::str::contains(
            "&lt;script&gt;alert(1)&lt;/script&gt;",
        ))
        .stdout(predicate::str::contains("&lt;b&gt;报告&lt;/b&gt;.txt"))
        .stdout(predicate::str::contains("<script>alert(1)").not())
        .stdout(predicate::str::contains(" data-head ").count(1));
}

#[test]
fn html_can_be_the_configured_format() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("reportlint.toml"), "format = \"html\"\n").expect("config");
    reportlint()
        .current_dir(dir.path())
        .arg("-")
        .write_stdin(DUPLICATE)
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with("<!DOCTYPE html>"));
}

#[test]
fn unknown_selectors_are_errors_with_a_suggestion() {
    for (args, wanted) in [
        (vec!["--select", "numberng"], "did you mean `numbering`?"),
        (vec!["--select", "RL9"], "unknown lint selector `RL9`"),
        (
            vec!["--select", "nope"],
            "use a code (RL101), a code prefix (RL1), a name",
        ),
        (
            vec!["--ignore", "numbering-duplcate"],
            "did you mean `numbering-duplicate`?",
        ),
        (vec!["--extend-select", "typos"], "did you mean `typo`?"),
        (
            vec!["--select", "RL101,nope"],
            "unknown lint selector `nope`",
        ),
    ] {
        reportlint()
            .arg("--isolated")
            .args(&args)
            .arg("-")
            .write_stdin(DUPLICATE)
            .assert()
            .code(2)
            .stdout(predicate::str::is_empty())
            .stderr(predicate::str::contains(wanted));
    }
    // The same typo in the config, and in an [[ignore]] entry, points at the key.
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("a.txt"), DUPLICATE).expect("write");
    for (config, wanted, line) in [
        (
            "[lints.numberng-gap]\nenabled = false\n",
            "did you mean `numbering-gap`?",
            1,
        ),
        (
            "\n[[ignore]]\ncodes = [\"RL1O1\"]\n",
            "did you mean `RL101`?",
            3,
        ),
    ] {
        let (code, err) = lint_with_config(dir.path(), config);
        assert_eq!(code, Some(2));
        assert!(err.contains(wanted), "{err}");
        assert!(err.contains(&format!("reportlint.toml:{line}:")), "{err}");
    }
}

#[test]
fn extend_select_adds_to_the_config_and_exit_zero_passes() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(
        dir.path().join("reportlint.toml"),
        "[lints.numbering-duplicate]\nenabled = false\n",
    )
    .expect("write");
    fs::write(dir.path().join("a.txt"), DUPLICATE).expect("write");
    let run = |args: &[&str]| {
        reportlint()
            .current_dir(dir.path())
            .args(args)
            .arg("a.txt")
            .output()
            .expect("runs")
            .status
            .code()
    };
    assert_eq!(run(&[]), Some(0), "disabled in the config");
    assert_eq!(run(&["--extend-select", "RL101"]), Some(1));
    assert_eq!(run(&["--extend-select", "RL101", "--exit-zero"]), Some(0));
    // --exit-zero does not hide an input that was not checked.
    assert_eq!(
        reportlint()
            .current_dir(dir.path())
            .args(["--exit-zero", "a.txt", "missing.txt"])
            .output()
            .expect("runs")
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn list_as_json_and_misspelled_commands() {
    let out = reportlint()
        .args(["list", "--format", "json"])
        .output()
        .expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let all = v.as_array().expect("array");
    assert!(all.len() >= 20);
    assert!(all.iter().any(|l| l["code"] == "RL101"
        && l["name"] == "numbering-duplicate"
        && l["family"] == "numbering"
        && l["severity"] == "error"));
    let dir = tempfile::tempdir().expect("tempdir");
    reportlint()
        .current_dir(dir.path())
        .arg("lsit")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `reportlint list`?"));
    reportlint()
        .current_dir(dir.path())
        .args(["--isolated", "explian", "RL101"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("`reportlint explain`"));
    // A file of that name is a file.
    fs::write(dir.path().join("lsit"), "一、甲\n").expect("write");
    reportlint()
        .current_dir(dir.path())
        .args(["--isolated", "lsit"])
        .assert()
        .code(0);
}

#[test]
fn config_errors_name_the_key_and_point_at_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("a.txt"), DUPLICATE).expect("write");
    for (config, wanted, line) in [
        (
            "[lints.confusable]\nextra = {}\nenable = false\n",
            "unknown key `enable` in [lints.confusable]: did you mean `enabled`?",
            3,
        ),
        (
            "[lints.numbering-gap]\n\nseverty = \"info\"\n",
            "did you mean `severity`?",
            3,
        ),
        (
            "[lints.numbering-gap]\nseverity = \"fatal\"\n",
            "`severity` must be",
            2,
        ),
        (
            "[[overrides]]\nfiles = [\"a/**\"]\n[overrides.lints.confusable]\n\nextra = {}\n",
            "overrides may only set `enabled` and `severity`",
            5,
        ),
    ] {
        let (code, err) = lint_with_config(dir.path(), config);
        assert_eq!(code, Some(2), "{err}");
        assert!(err.contains(wanted), "{config}: {err}");
        assert!(
            err.contains(&format!("reportlint.toml:{line}:")),
            "{config}: wants line {line}: {err}"
        );
        assert!(!err.contains("expected `extra` or `disable`"), "{err}");
    }
}

#[test]
fn baseline_refuses_fix_and_diff_refuses_docx() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("a.txt"), "布署工作。\n").expect("write");
    reportlint()
        .current_dir(dir.path())
        .args(["baseline", "--isolated", "--fix", "a.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--fix"));
    assert!(!dir.path().join(".reportlint-baseline.json").exists());
    assert_eq!(
        fs::read_to_string(dir.path().join("a.txt")).ok().as_deref(),
        Some("布署工作。\n")
    );
    let docx = common::repo().join("tests/data/docx/numbering.docx");
    reportlint()
        .args(["--isolated", "--diff"])
        .arg(&docx)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot show a diff"));
}

#[test]
fn command_line_globs_use_the_config_dialect() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::create_dir_all(dir.path().join("r/sub")).expect("mkdir");
    for f in ["r/q1.txt", "r/q2.md", "r/q3.csv", "r/sub/q4.txt"] {
        fs::write(dir.path().join(f), "一、甲\n").expect("write");
    }
    let names = |pattern: &str| -> String {
        let out = reportlint()
            .current_dir(dir.path())
            .args(["--isolated", "--show-files", pattern])
            .output()
            .expect("runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    // `{a,b}` alternates; `*` stays within a folder, `**` crosses folders.
    assert_eq!(names("r/*.{txt,md}"), "r/q1.txt\nr/q2.md\n");
    assert_eq!(names("r/**/*.txt"), "r/q1.txt\nr/sub/q4.txt\n");
    assert_eq!(names("./r/q[13].*"), "r/q1.txt\nr/q3.csv\n");
}

#[test]
fn the_header_location_is_the_findings_own() {
    // The label (the earlier 二、) is far above the finding (the duplicate).
    let text = format!("一、甲\n二、乙\n{}二、丙\n", "正文。\n".repeat(12));
    let out = reportlint()
        .args(["--isolated", "--no-color", "--stdin-filename", "r.txt", "-"])
        .write_stdin(text)
        .output()
        .expect("runs");
    let human = String::from_utf8_lossy(&out.stdout);
    let first = human
        .lines()
        .find_map(|l| l.split("[r.txt:").nth(1))
        .unwrap_or_else(|| panic!("no location: {human}"));
    assert!(first.starts_with("15:1]"), "{human}");
    assert_eq!(human.matches("[r.txt:").count(), 1, "{human}");
}
