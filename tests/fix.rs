//! `--fix` and `--diff`: files are fixed in their own encoding, BOM and line
//! endings, a second run changes nothing, read-only and changed files are left alone.

mod common;

use assert_cmd::Command;
use std::path::Path;

const BAD: &str = "一、工作情况\n全市卫生健康系统将再接再励，认真落实决策布署。\n";
const GOOD: &str = "一、工作情况\n全市卫生健康系统将再接再厉，认真落实决策部署。\n";

fn reportlint(dir: &Path) -> Command {
    let mut cmd = common::reportlint();
    cmd.current_dir(dir).arg("--isolated");
    cmd
}

#[test]
fn fixes_a_utf8_file_and_says_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("a.txt");
    std::fs::write(&path, BAD).expect("write");
    let out = reportlint(dir.path())
        .args(["--fix", "a.txt"])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("fixed 2 issues in a.txt"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), GOOD);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
}

#[test]
fn a_gbk_file_stays_gbk() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("gbk.txt");
    let (bytes, _, _) = encoding_rs::GBK.encode(BAD);
    std::fs::write(&path, &bytes).expect("write");
    reportlint(dir.path())
        .args(["--fix", "gbk.txt"])
        .assert()
        .success();
    let (want, _, _) = encoding_rs::GBK.encode(GOOD);
    assert_eq!(std::fs::read(&path).expect("read"), want.into_owned());
}

#[test]
fn bom_and_crlf_are_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bom.txt");
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(BAD.replace('\n', "\r\n").as_bytes());
    std::fs::write(&path, &bytes).expect("write");
    reportlint(dir.path())
        .args(["--fix", "bom.txt"])
        .assert()
        .success();
    let mut want = vec![0xEF, 0xBB, 0xBF];
    want.extend_from_slice(GOOD.replace('\n', "\r\n").as_bytes());
    assert_eq!(std::fs::read(&path).expect("read"), want);
}

#[test]
fn a_second_fix_changes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("a.txt");
    // Fixes from several lints on one line, and findings left unfixed.
    let text = "市卫健委认真布署工作,再接再励推进迅速 发展，截止7月11日完成接种。\n";
    std::fs::write(&path, text).expect("write");
    reportlint(dir.path())
        .args(["--fix", "a.txt"])
        .output()
        .expect("runs");
    let once = std::fs::read(&path).expect("read");
    assert_ne!(once, text.as_bytes());
    let out = reportlint(dir.path())
        .args(["--fix", "a.txt"])
        .output()
        .expect("runs");
    assert!(!String::from_utf8_lossy(&out.stderr).contains("fixed"));
    assert_eq!(std::fs::read(&path).expect("read"), once);
    reportlint(dir.path())
        .args(["--diff", "a.txt"])
        .assert()
        .code(0)
        .stdout("");
}

#[test]
fn diff_prints_without_writing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("a.txt");
    std::fs::write(&path, BAD).expect("write");
    let out = reportlint(dir.path())
        .args(["--diff", "a.txt"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let diff = String::from_utf8(out.stdout).expect("utf-8");
    assert!(diff.contains("--- a/a.txt"), "{diff}");
    assert!(diff.contains("+++ b/a.txt"), "{diff}");
    assert!(
        diff.contains("-全市卫生健康系统将再接再励，认真落实决策布署。"),
        "{diff}"
    );
    assert!(
        diff.contains("+全市卫生健康系统将再接再厉，认真落实决策部署。"),
        "{diff}"
    );
    assert_eq!(std::fs::read_to_string(&path).expect("read"), BAD);
}

#[test]
fn a_read_only_file_is_left_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("ro.txt");
    std::fs::write(&path, BAD).expect("write");
    let mut perms = std::fs::metadata(&path).expect("meta").permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).expect("chmod");
    let out = reportlint(dir.path())
        .args(["--fix", "ro.txt"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("read-only"));
    assert_eq!(std::fs::read_to_string(&path).expect("read"), BAD);
}

#[test]
fn a_file_changed_since_it_was_read_is_not_overwritten() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("a.txt");
    std::fs::write(&path, "someone else's edit").expect("write");
    let stale = BAD.as_bytes();
    let err = reportlint::fsutil::write_atomic_if_unchanged(&path, GOOD.as_bytes(), stale)
        .expect_err("stale bytes");
    assert!(err.to_string().contains("changed"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        "someone else's edit"
    );
}

#[test]
fn markdown_is_fixed_in_prose_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("a.md");
    let text = "# 工作总结\n\n认真落实决策布署。\n\n```\n布署\n```\n";
    std::fs::write(&path, text).expect("write");
    reportlint(dir.path())
        .args(["--fix", "a.md"])
        .assert()
        .success();
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        "# 工作总结\n\n认真落实决策部署。\n\n```\n布署\n```\n"
    );
}

#[test]
fn a_fix_the_encoding_cannot_hold_is_not_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("sjis.txt");
    // 励 exists in Shift_JIS, the correction 厉 does not.
    let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode("再接再励。\n");
    assert!(!unmappable);
    std::fs::write(&path, &bytes).expect("write");
    let out = reportlint(dir.path())
        .args(["--fix", "--encoding", "shift_jis", "sjis.txt"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("cannot be written in Shift_JIS"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(std::fs::read(&path).expect("read"), bytes.into_owned());
}

#[test]
fn findings_without_a_fix_still_print() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("a.txt");
    let text = "一、甲\n认真落实决策布署。\n二、乙\n正文。\n二、丙\n正文。\n";
    std::fs::write(&path, text).expect("write");
    let out = reportlint(dir.path())
        .args(["--fix", "--no-color", "a.txt"])
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("RL101"), "{stdout}");
    assert!(!stdout.contains("RL306"), "{stdout}");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        text.replace("布署", "部署")
    );
}

/// A minimal Word package whose only paragraph has a fixable doubled comma.
fn docx_with_a_doubled_comma() -> Vec<u8> {
    use std::io::Write;
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut buf);
    let opts = zip::write::SimpleFileOptions::default();
    let parts = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#,
        ),
        (
            "word/document.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>全年完成任务，，成效明显。</w:t></w:r></w:p></w:body></w:document>"#,
        ),
    ];
    for (name, body) in parts {
        zip.start_file(name, opts).expect("zip entry");
        zip.write_all(body.as_bytes()).expect("zip write");
    }
    zip.finish().expect("zip finish");
    buf.into_inner()
}

#[test]
fn a_word_file_is_never_rewritten() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("report.docx");
    std::fs::write(&path, docx_with_a_doubled_comma()).expect("write");
    let before = std::fs::read(&path).expect("read");
    // The finding is there and carries a fix …
    let out = common::reportlint()
        .args(["--isolated", "--format", "json"])
        .arg(&path)
        .output()
        .expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(
        v["findings"]
            .as_array()
            .expect("array")
            .iter()
            .any(|f| !f["fix"].is_null()),
        "the test needs a fixable finding: {v:#}"
    );
    // … but --fix leaves the Word file as it was, says so, and is not an error.
    let fixed = common::reportlint()
        .args(["--isolated", "--fix"])
        .arg(&path)
        .output()
        .expect("runs");
    assert_eq!(
        fixed.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&fixed.stderr)
    );
    assert!(String::from_utf8_lossy(&fixed.stderr).contains("not rewritten"));
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "the .docx must be untouched"
    );
}
