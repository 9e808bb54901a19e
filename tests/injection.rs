//! Output that cannot inject: terminal escapes and bidi overrides in report text
//! and file names reach a terminal only as visible escapes, `--diff` quotes odd
//! file names as git does, and the machine formats keep names exact.
#![cfg(unix)]

mod common;

use assert_cmd::Command;
use std::ffi::OsStr;
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

/// Clear screen, set the window title, fill the clipboard (OSC 52), a C1 CSI,
/// a right-to-left override, a bare carriage return.
const HOSTILE: &str = "\u{1b}[2J\u{1b}]0;pwned\u{7}\u{1b}]52;c;ZXZpbA==\u{7}\u{9b}31m\u{202e}\r";

fn reportlint(dir: &Path) -> Command {
    let mut c = common::reportlint();
    c.current_dir(dir).env("COLUMNS", "100");
    c
}

/// The characters that must never reach a terminal raw (tab and line feed may).
fn raw_controls(out: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(out)
        .chars()
        .filter(|&c| {
            (c.is_control() && c != '\n' && c != '\t')
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        })
        .map(|c| c.escape_unicode().to_string())
        .collect()
}

fn assert_clean(what: &str, out: &std::process::Output) {
    let stdout = raw_controls(&out.stdout);
    let stderr = raw_controls(&out.stderr);
    assert!(
        stdout.is_empty() && stderr.is_empty(),
        "{what}: raw {stdout:?} on stdout, {stderr:?} on stderr\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn escapes_in_report_text_are_shown_not_obeyed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = format!(
        "一、工作{HOSTILE}情况\n全市认真布署{HOSTILE}防控工作，“{HOSTILE}\n二、下步{HOSTILE}计划\n二、共有{HOSTILE}医疗机构100家\n"
    );
    fs::write(dir.path().join("a.txt"), &text).expect("write");
    for args in [
        &["--isolated", "--no-color", "a.txt"][..],
        &["--isolated", "a.txt"][..],
        &["outline", "a.txt"][..],
        &["numbers", "a.txt"][..],
        &["tables", "a.txt"][..],
    ] {
        let out = reportlint(dir.path()).args(args).output().expect("runs");
        assert_clean(&format!("{args:?}"), &out);
    }
    let out = reportlint(dir.path())
        .args(["--isolated", "--no-color", "a.txt"])
        .output()
        .expect("runs");
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(shown.contains("\\x1b[2J"), "{shown}");
    assert!(shown.contains("\\u{202e}"), "{shown}");
}

#[test]
fn escapes_and_line_breaks_in_file_names_are_shown_not_obeyed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let name = format!("r{HOSTILE}\nreportlint: all clean.txt");
    fs::write(
        dir.path().join(&name),
        "全市认真布署防控工作。\n一、甲\n一、乙\n",
    )
    .expect("write");
    fs::write(dir.path().join("bin\u{1b}[2J.txt"), b"\0\0binary").expect("write");
    for args in [
        &["--isolated", "--no-color", "."][..],
        &["--isolated", "--show-files", "."][..],
        &["--isolated", "--statistics", "."][..],
        &["outline", name.as_str()][..],
    ] {
        let out = reportlint(dir.path()).args(args).output().expect("runs");
        assert_clean(&format!("{args:?}"), &out);
    }
    let out = reportlint(dir.path())
        .args(["--isolated", "--fix", name.as_str()])
        .output()
        .expect("runs");
    assert_clean("--fix", &out);
}

#[test]
fn diff_headers_quote_a_name_with_a_line_break_as_git_does() {
    let dir = tempfile::tempdir().expect("tempdir");
    let name = "x\n+++ victim.txt\ny.txt";
    fs::write(dir.path().join(name), "全市认真布署防控工作。\n").expect("write");
    let out = reportlint(dir.path())
        .args(["--isolated", "--diff", name])
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let diff = String::from_utf8_lossy(&out.stdout);
    let headers: Vec<&str> = diff
        .lines()
        .filter(|l| l.starts_with("--- ") || l.starts_with("+++ "))
        .collect();
    assert_eq!(
        headers,
        [
            "--- \"a/x\\n+++ victim.txt\\ny.txt\"",
            "+++ \"b/x\\n+++ victim.txt\\ny.txt\""
        ],
        "{diff}"
    );
}

#[test]
fn machine_formats_keep_names_exact() {
    let dir = tempfile::tempdir().expect("tempdir");
    let name = "a\\b\u{1b}.txt";
    fs::write(dir.path().join(name), "全市认真布署防控工作。\n").expect("write");
    let out = reportlint(dir.path())
        .args(["--isolated", "--format", "json", name])
        .output()
        .expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["findings"][0]["path"], name);
    let out = reportlint(dir.path())
        .args(["--isolated", "--format", "sarif", name])
        .output()
        .expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("sarif");
    let uri =
        &v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
    assert_eq!(uri, "a%5Cb%1B.txt");
}

#[test]
fn two_names_that_are_not_utf8_stay_two_names() {
    let dir = tempfile::tempdir().expect("tempdir");
    for raw in [&b"\xb1\xa8\xb8\xe6.txt"[..], &b"\xb2\xa8\xb8\xe6.txt"[..]] {
        fs::write(
            dir.path().join(OsStr::from_bytes(raw)),
            "全市认真布署防控工作。\n",
        )
        .expect("write");
    }
    let out = reportlint(dir.path())
        .args(["--isolated", "--format", "json", "."])
        .output()
        .expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let mut paths: Vec<String> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["path"].as_str().unwrap_or_default().to_owned())
        .collect();
    paths.dedup();
    assert_eq!(
        paths,
        ["\\xb1\\xa8\\xb8\\xe6.txt", "\\xb2\\xa8\\xb8\\xe6.txt"]
    );
}
