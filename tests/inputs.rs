//! Input formats: Markdown prose only, binary Word refused clearly.

mod common;

use assert_cmd::Command;
use predicates::prelude::*;

fn reportlint() -> Command {
    common::reportlint()
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

fn json_of(out: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

const DUPLICATE: &str = "一、甲\n正文。\n二、乙\n正文。\n二、丙\n正文。\n";

#[test]
fn a_binary_file_named_on_the_command_line_is_reported_not_skipped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let f = dir.path().join("报告.txt");
    std::fs::write(&f, b"\x00\x01\x02binary\xff\xfe\x00").expect("write");
    let out = reportlint()
        .args(["--isolated", "--format", "json"])
        .arg(&f)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let v = json_of(&out);
    assert_eq!(v["summary"]["unchecked"], 1, "{v:#}");
    assert!(v["problems"][0]["message"]
        .as_str()
        .is_some_and(|m| m.contains("binary")));
    // The human summary line says so too.
    reportlint()
        .arg("--isolated")
        .arg(&f)
        .assert()
        .code(2)
        .stdout(predicate::str::contains(
            "0 files, 0 errors, 0 warnings, 0 infos; 1 input not checked",
        ));
}

#[test]
fn unsupported_documents_in_a_folder_are_reported_unless_excluded() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path();
    std::fs::write(p.join("a.pdf"), b"%PDF-1.7\n").expect("write");
    std::fs::write(p.join("b.doc"), [0xD0, 0xCF, 0x11, 0xE0]).expect("write");
    std::fs::write(p.join("c.wps"), [0xD0, 0xCF, 0x11, 0xE0]).expect("write");
    std::fs::write(p.join("notes.png"), b"\x89PNG").expect("write");
    let out = reportlint()
        .current_dir(p)
        .args(["--format", "json", "."])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let v = json_of(&out);
    let paths: Vec<&str> = v["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .filter_map(|p| p["path"].as_str())
        .collect();
    assert_eq!(paths, ["a.pdf", "b.doc", "c.wps"], "{v:#}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("a.pdf: not a readable PDF file"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 3, "one line per input: {stderr}");
    reportlint()
        .current_dir(p)
        .arg(".")
        .assert()
        .code(2)
        .stdout(predicate::str::ends_with(
            "0 files, 0 errors, 0 warnings, 0 infos; 3 inputs not checked\n",
        ));
    // An explicit .pdf that is not a readable PDF is reported as well.
    reportlint()
        .current_dir(p)
        .args(["--isolated", "a.pdf"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("a.pdf: not a readable PDF file"));
    // Excluded by the user's own config: not reported.
    std::fs::write(
        p.join("reportlint.toml"),
        "exclude = [\"*.pdf\", \"*.doc\", \"*.wps\"]\n",
    )
    .expect("config");
    reportlint().current_dir(p).arg(".").assert().code(0);
}

#[test]
fn ignore_files_count_only_inside_a_git_work_tree_and_hidden_files_are_linted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sub = dir.path().join("submissions");
    std::fs::create_dir_all(&sub).expect("mkdir");
    std::fs::write(sub.join(".gitignore"), "*.txt\n").expect("write");
    std::fs::write(sub.join(".ignore"), "*.md\n").expect("write");
    std::fs::write(sub.join("a.txt"), DUPLICATE).expect("write");
    std::fs::write(sub.join("b.md"), DUPLICATE).expect("write");
    std::fs::write(sub.join(".c.txt"), DUPLICATE).expect("write");
    let files = |extra: &[&str]| -> String {
        let out = reportlint()
            .current_dir(&sub)
            .args(["--isolated", "--show-files"])
            .args(extra)
            .arg(".")
            .output()
            .expect("runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert_eq!(files(&[]), ".c.txt\na.txt\nb.md\n", "not a git work tree");
    std::fs::create_dir(sub.join(".git")).expect("git dir");
    std::fs::write(sub.join(".git/HEAD"), "ref: refs/heads/main\n").expect("write");
    assert_eq!(
        files(&[]),
        "b.md\n",
        ".gitignore counts in git; .ignore never"
    );
    assert_eq!(files(&["--no-ignore"]), ".c.txt\na.txt\nb.md\n");
    // A file named on the command line is linted whatever .gitignore says.
    reportlint()
        .current_dir(&sub)
        .args(["--isolated", "a.txt"])
        .assert()
        .code(1);
}

#[test]
fn big5_and_utf16_without_bom_are_read_not_mangled() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = "一、工作情況\n本年度完成項目共計十二項。\n二、存在問題\n二、下步計劃\n";
    let (big5, _, bad) = encoding_rs::BIG5.encode(text);
    assert!(!bad);
    std::fs::write(dir.path().join("big5.txt"), &big5).expect("write");
    let utf16: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    std::fs::write(dir.path().join("utf16.txt"), utf16).expect("write");
    let out = reportlint()
        .current_dir(dir.path())
        .args(["--isolated", "--format", "json", "big5.txt", "utf16.txt"])
        .output()
        .expect("runs");
    let v = json_of(&out);
    assert_eq!(v["summary"]["unchecked"], 0, "{v:#}");
    for path in ["big5.txt", "utf16.txt"] {
        let dup = v["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .find(|f| f["path"] == path && f["code"] == "RL101")
            .unwrap_or_else(|| panic!("{path}: {v:#}"));
        assert_eq!(dup["line"], 4);
        assert_eq!(dup["snippet"], "二、");
        assert!(
            !v["findings"]
                .as_array()
                .expect("findings")
                .iter()
                .any(|f| f["path"] == path && f["code"] == "RL001"),
            "{path} decoded cleanly: {v:#}"
        );
    }
}

#[test]
fn problems_reach_sarif_html_and_github_formats() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("a.txt"), DUPLICATE).expect("write");
    std::fs::write(dir.path().join("b.pdf"), b"%PDF-1.4\n").expect("write");
    let run = |format: &str| {
        let out = reportlint()
            .current_dir(dir.path())
            .args(["--isolated", "--format", format, "."])
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(2), "{format}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let sarif: serde_json::Value = serde_json::from_str(&run("sarif")).expect("sarif");
    let inv = &sarif["runs"][0]["invocations"][0];
    assert_eq!(inv["executionSuccessful"], false);
    let note = &inv["toolExecutionNotifications"][0];
    assert_eq!(note["level"], "error");
    assert_eq!(
        note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "b.pdf"
    );
    let html = run("html");
    assert!(
        html.contains("<tr class=\"unchecked\" data-path=\"b.pdf\">"),
        "{html}"
    );
    let github = run("github");
    assert!(
        github.contains("::error file=b.pdf,title=reportlint: not checked::"),
        "{github}"
    );
}

#[test]
fn csv_cells_are_read_by_the_csv_rules_quoted_newlines_included() {
    let dir = tempfile::tempdir().expect("tempdir");
    // The second row's name is a quoted cell over two lines; the total is wrong.
    let csv = "项目,金额（万元）\n甲,10\n\"乙（含\n追加）\",20\n\"丙, 丁\",30\n合计,70\n";
    std::fs::write(dir.path().join("t.csv"), csv).expect("write");
    let out = reportlint()
        .current_dir(dir.path())
        .args([
            "--isolated",
            "--format",
            "json",
            "--select",
            "tables",
            "t.csv",
        ])
        .output()
        .expect("runs");
    let v = json_of(&out);
    let total = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["code"] == "RL210")
        .unwrap_or_else(|| panic!("the wrong total is found: {v:#}"));
    assert_eq!(total["line"], 6, "{v:#}");
    // Each printed amount is an interval (10 万元 is 9.5–10.5): the sum is one too.
    assert!(
        total["message"]
            .as_str()
            .is_some_and(|m| m.contains("58.5～61.5"))
            && total["help"]
                .as_str()
                .is_some_and(|h| h.starts_with("10 + 20 + 30 = ")),
        "{v:#}"
    );
}

#[test]
fn sarif_fix_regions_count_characters_whatever_the_encoding() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = "一、工作情况\n全面布署到位。\n";
    let (gbk, _, _) = encoding_rs::GBK.encode(text);
    std::fs::write(dir.path().join("gbk.txt"), &gbk).expect("write");
    std::fs::write(
        dir.path().join("bom.txt"),
        [b"\xEF\xBB\xBF", text.as_bytes()].concat(),
    )
    .expect("write");
    let out = reportlint()
        .current_dir(dir.path())
        .args([
            "--isolated",
            "--format",
            "sarif",
            "--select",
            "confusable",
            "gbk.txt",
            "bom.txt",
        ])
        .output()
        .expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("sarif");
    let results = v["runs"][0]["results"].as_array().expect("results");
    assert_eq!(results.len(), 2, "{v:#}");
    let chars: Vec<char> = text.chars().collect();
    for r in results {
        let region = &r["fixes"][0]["artifactChanges"][0]["replacements"][0]["deletedRegion"];
        assert!(region.get("byteOffset").is_none(), "{region}");
        let at = region["charOffset"].as_u64().expect("charOffset") as usize;
        let len = region["charLength"].as_u64().expect("charLength") as usize;
        let deleted: String = chars[at..at + len].iter().collect();
        assert_eq!(deleted, "布署", "{r:#}");
    }
}
