//! Input formats: Markdown prose only, binary Word refused clearly.

use assert_cmd::Command;
use predicates::prelude::*;

fn reportlint() -> Command {
    Command::cargo_bin("reportlint").expect("binary")
}

const MD: &str = "# 2023年工作总结\n\n## 一、工作完成情况\n\n正文见[附件一、二、二、](https://example.cn/a,,b)。\n\n```text\n一、重复\n二、重复\n二、重复\n```\n\n<!-- 二、注释里的重复 -->\n\n`二、代码` 不算。\n\n## 二、存在问题\n\n1. 甲\n1. 乙\n1. 丙\n\n## 二、下一步计划\n";

#[test]
fn markdown_code_and_links_are_not_linted_but_headings_are() {
    let out = reportlint()
        .args([
            "--isolated",
            "--format",
            "json",
            "--stdin-filename",
            "总结.md",
            "-",
        ])
        .write_stdin(MD)
        .output()
        .expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let findings = v["findings"].as_array().expect("array");
    assert_eq!(findings.len(), 1, "{v:#}");
    let f = &findings[0];
    assert_eq!(f["code"], "RL101");
    assert_eq!(
        f["line"],
        MD.lines()
            .position(|l| l.contains("下一步计划"))
            .map(|i| i + 1)
            .unwrap_or(0)
    );
    // The snippet and human output show the original text, not the blanked copy.
    assert_eq!(f["snippet"], "二、");
    reportlint()
        .args(["--isolated", "--stdin-filename", "总结.md", "-"])
        .write_stdin(MD)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("## 二、下一步计划"));
}

#[test]
fn the_same_text_as_plain_text_is_linted_whole() {
    let out = reportlint()
        .args([
            "--isolated",
            "--format",
            "json",
            "--stdin-filename",
            "总结.txt",
            "-",
        ])
        .write_stdin(MD)
        .output()
        .expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    // As plain text the fenced block is prose, and its duplicate 二、 is found.
    let code_line = MD
        .lines()
        .position(|l| l == "二、重复")
        .map(|i| i + 2)
        .unwrap_or(0);
    assert!(
        v["findings"]
            .as_array()
            .expect("array")
            .iter()
            .any(|f| f["line"] == code_line),
        "{v:#}"
    );
}

#[test]
fn binary_word_files_get_a_clear_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let doc = dir.path().join("报告.doc");
    std::fs::write(
        &doc,
        [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0],
    )
    .expect("write");
    reportlint()
        .arg("--isolated")
        .arg(&doc)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("save it as .docx"));
}

#[test]
fn a_word_file_with_automatic_numbering_is_linted_on_the_right_paragraph() {
    let docx = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/docx/numbering.docx"
    );
    let out = reportlint()
        .args(["--isolated", "--format", "json", docx])
        .output()
        .expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let dup = v["findings"]
        .as_array()
        .expect("array")
        .iter()
        .find(|f| f["code"] == "RL101")
        .cloned()
        .unwrap_or_else(|| panic!("no duplicate found: {v:#}"));
    assert_eq!(
        dup["line"], 11,
        "the line of the second 二、 (a table row is one line)"
    );
    assert_eq!(dup["snippet"], "二、");
    // Human output shows the paragraph's text with the marker Word prints.
    reportlint()
        .args(["--isolated", docx])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("二、下一步安排"));
}
