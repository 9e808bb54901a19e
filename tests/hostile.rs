//! Hostile files beside good ones: a Word zip bomb, a file that cannot be read,
//! mixed encodings in one directory, a configuration too large to compile. Each
//! bad file is named on one line with exit code 2, and the good ones are still
//! linted.

mod common;

use assert_cmd::Command;
use std::fs;
use std::io::{Cursor, Write};
use std::path::Path;

/// A report with a duplicate number on line 3 and a misspelling on line 2.
const REPORT: &str = "一、工作情况\n全市认真布署防控工作。\n二、存在问题\n二、下步计划\n";

fn reportlint(dir: &Path) -> Command {
    let mut c = common::reportlint();
    c.current_dir(dir).env("COLUMNS", "100");
    c
}

struct Run {
    code: Option<i32>,
    stderr: String,
    json: serde_json::Value,
}

fn run_json(dir: &Path, args: &[&str]) -> Run {
    let out = reportlint(dir)
        .args(["--isolated", "--format", "json"])
        .args(args)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let json = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("json on stdout ({e}); stderr: {stderr}"));
    Run {
        code: out.status.code(),
        stderr,
        json,
    }
}

fn findings(v: &serde_json::Value) -> &[serde_json::Value] {
    v["findings"].as_array().map_or(&[], Vec::as_slice)
}

/// Whether `path` has `code` on `line`, quoting `snippet`.
fn has(v: &serde_json::Value, path: &str, code: &str, line: u64, snippet: &str) -> bool {
    findings(v).iter().any(|f| {
        f["path"] == path && f["code"] == code && f["line"] == line && f["snippet"] == snippet
    })
}

/// The stderr lines that mention `name`.
fn lines_naming<'a>(stderr: &'a str, name: &str) -> Vec<&'a str> {
    stderr.lines().filter(|l| l.contains(name)).collect()
}

/// A Word file whose document part inflates to 80 MiB, past the 64 MiB limit,
/// from well under a megabyte on disk.
fn zip_bomb() -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("word/document.xml", deflated)
        .expect("entry");
    zip.write_all(
        br#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>"#,
    )
    .expect("write");
    let zeros = vec![b'0'; 1 << 20];
    for _ in 0..80 {
        zip.write_all(&zeros).expect("write");
    }
    zip.write_all(b"</w:t></w:r></w:p></w:body></w:document>")
        .expect("write");
    zip.finish().expect("finish").into_inner()
}

#[test]
fn a_docx_zip_bomb_is_one_line_naming_it_and_the_others_are_linted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bomb = zip_bomb();
    assert!(bomb.len() < 1 << 20, "the bomb is small: {}", bomb.len());
    fs::write(dir.path().join("bomb.docx"), &bomb).expect("write");
    fs::write(dir.path().join("report.txt"), REPORT).expect("write");
    let run = run_json(dir.path(), &["."]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    // The only thing said on stderr is one line naming the file.
    let named = lines_naming(&run.stderr, "bomb.docx");
    assert_eq!(named.len(), 1, "{}", run.stderr);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(named[0].contains("64 MiB limit"), "{}", named[0]);
    assert!(
        has(&run.json, "report.txt", "RL101", 4, "二、"),
        "{}",
        run.json
    );
    assert_eq!(run.json["summary"]["files"], 1, "{}", run.json);
}

/// Whether this process can read a file whose permissions forbid it (root can).
fn permissions_are_enforced(path: &Path) -> bool {
    fs::read(path).is_err()
}

#[test]
#[cfg(unix)]
fn an_unreadable_file_is_named_and_the_others_are_linted() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("report.txt"), REPORT).expect("write");
    let locked = dir.path().join("locked.txt");
    fs::write(&locked, REPORT).expect("write");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).expect("chmod");
    let mut unreadable = Vec::new();
    if permissions_are_enforced(&locked) {
        unreadable.push("locked.txt");
    } else {
        // Root reads past the permissions; fs::remove would still work.
        eprintln!("running as root: the chmod 000 case cannot fail to read, checked below instead");
    }
    // A file no one can read, root included: reading /proc/self/mem from its
    // start fails with an I/O error.
    #[cfg(target_os = "linux")]
    {
        std::os::unix::fs::symlink("/proc/self/mem", dir.path().join("mem.txt")).expect("link");
        unreadable.push("mem.txt");
    }
    if unreadable.is_empty() {
        return;
    }
    let mut args: Vec<&str> = vec!["report.txt"];
    args.extend(&unreadable);
    let run = run_json(dir.path(), &args);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert_eq!(
        run.stderr.lines().count(),
        unreadable.len(),
        "{}",
        run.stderr
    );
    for name in &unreadable {
        let named = lines_naming(&run.stderr, name);
        assert_eq!(named.len(), 1, "{}", run.stderr);
        assert!(named[0].contains("cannot read"), "{}", named[0]);
    }
    assert!(
        has(&run.json, "report.txt", "RL101", 4, "二、"),
        "{}",
        run.json
    );
    assert!(
        has(&run.json, "report.txt", "RL306", 2, "布署"),
        "{}",
        run.json
    );
    assert_eq!(run.json["summary"]["files"], 1, "{}", run.json);
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o600)).expect("chmod back");
}

fn utf16(text: &str, little: bool) -> Vec<u8> {
    let mut out = if little {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for unit in text.encode_utf16() {
        out.extend(if little {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        });
    }
    out
}

#[test]
fn mixed_encodings_in_one_directory_are_each_decoded() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path();
    // 𠀀 is outside GBK: only GB18030 (four bytes) can carry it.
    let rare = REPORT.replace("全市", "全市𠀀");
    let (gbk, _, gbk_lossy) = encoding_rs::GBK.encode(REPORT);
    let (gb18030, _, gb18030_lossy) = encoding_rs::GB18030.encode(&rare);
    assert!(!gbk_lossy && !gb18030_lossy);
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("utf8.txt", REPORT.as_bytes().to_vec()),
        (
            "utf8-bom.txt",
            [&[0xEF, 0xBB, 0xBF], REPORT.as_bytes()].concat(),
        ),
        ("gbk.txt", gbk.into_owned()),
        ("gb18030.txt", gb18030.into_owned()),
        ("utf16le.txt", utf16(REPORT, true)),
        ("utf16be.txt", utf16(&REPORT.replace('\n', "\r\n"), false)),
    ];
    for (name, bytes) in &files {
        fs::write(p.join(name), bytes).expect("write");
    }
    let run = run_json(p, &["."]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert_eq!(run.json["summary"]["files"], files.len(), "{}", run.json);
    for (name, _) in &files {
        let path = name.to_string();
        // The misspelling is quoted as written: the text was decoded, not mangled.
        assert!(
            has(&run.json, &path, "RL306", 2, "布署"),
            "{name}: {}",
            run.json
        );
        assert!(
            has(&run.json, &path, "RL101", 4, "二、"),
            "{name}: {}",
            run.json
        );
        // No file is reported as having undecodable bytes.
        assert!(
            !findings(&run.json)
                .iter()
                .any(|f| f["path"] == path.as_str() && f["code"] == "RL001"),
            "{name}: {}",
            run.json
        );
    }
    let column = |name: &str| {
        findings(&run.json)
            .iter()
            .find(|f| f["path"] == *name && f["code"] == "RL306")
            .map(|f| f["column"].clone())
    };
    // 𠀀 is one character: the misspelling is one column further right.
    assert_eq!(
        column("gb18030.txt").and_then(|c| c.as_u64()),
        column("utf8.txt").and_then(|c| c.as_u64()).map(|c| c + 1)
    );
}

/// reportlint.toml takes no regular expression (the typo dictionary's guards
/// are built in); what it compiles from the user's text are globs. A glob of a
/// million `?` parses but is too large to compile: a short error naming the
/// file and line, exit 2, and no megabyte of TOML echoed back.
#[test]
fn a_glob_too_large_to_compile_is_a_short_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("report.txt"), REPORT).expect("write");
    let toml = format!(
        "include = [\"**/*.txt\"]\nexclude = [\"{}\"]\n",
        "?".repeat(1_000_000)
    );
    fs::write(dir.path().join("reportlint.toml"), toml).expect("write");
    let out = reportlint(dir.path()).arg(".").output().expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.len() < 1000, "{} bytes of error", stderr.len());
    // The message is wrapped to the terminal width: read it as one line.
    let words: Vec<&str> = stderr.split_whitespace().filter(|w| *w != "│").collect();
    let message = words.join(" ");
    assert!(
        message.contains("reportlint.toml:2:12: these globs"),
        "{stderr}"
    );
    assert!(
        message.contains("too long or complex to compile"),
        "{stderr}"
    );
}
