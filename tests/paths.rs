//! One canonical path per file (relative to the project root) whatever the
//! working directory and the spelling of the argument; config looked up per file.

mod common;

use assert_cmd::Command;
use std::fs;
use std::path::Path;

fn reportlint() -> Command {
    let mut c = common::reportlint();
    c.env_remove("NO_COLOR").env("COLUMNS", "100");
    c
}

const DUPLICATE: &str = "一、甲\n正文。\n二、乙\n正文。\n二、丙\n正文。\n";
const MIXED: &str = "一、甲\n1.子\n2.子\n二、乙\n1、子\n2、子\n";

/// proj/{reportlint.toml, x/{a.txt, b.txt, drafts/d.txt, archive/old.txt}}:
/// an exclude, an override and an ignore entry, each written relative to proj/.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("proj");
    fs::create_dir_all(p.join("x/drafts")).expect("mkdir");
    fs::create_dir_all(p.join("x/archive")).expect("mkdir");
    fs::write(
        p.join("reportlint.toml"),
        "exclude = [\"x/drafts/**\"]\n\
         [lints.numbering-mixed-style]\nseverity = \"error\"\n\
         [[overrides]]\nfiles = [\"x/archive/**\"]\n[overrides.lints.numbering-duplicate]\nenabled = false\n\
         [[ignore]]\nfiles = [\"x/b.txt\"]\ncodes = [\"RL104\"]\n",
    )
    .expect("config");
    fs::write(p.join("x/a.txt"), format!("{DUPLICATE}{MIXED}")).expect("write");
    fs::write(p.join("x/b.txt"), format!("{MIXED}{DUPLICATE}")).expect("write");
    fs::write(p.join("x/drafts/d.txt"), DUPLICATE).expect("write");
    fs::write(p.join("x/archive/old.txt"), format!("{DUPLICATE}{MIXED}")).expect("write");
    dir
}

fn json(cwd: &Path, arg: &str) -> (Vec<u8>, i32) {
    let out = reportlint()
        .current_dir(cwd)
        .args(["--format", "json", arg])
        .output()
        .expect("runs");
    (out.stdout, out.status.code().unwrap_or(-1))
}

#[test]
fn five_working_directories_and_spellings_give_byte_identical_json() {
    let dir = project();
    let proj = dir.path().join("proj");
    let abs_x = proj.join("x").display().to_string();
    let runs = [
        (proj.clone(), "x".to_owned()),
        (proj.clone(), "./x".to_owned()),
        (proj.clone(), abs_x.clone()),
        (proj.join("x"), ".".to_owned()),
        (proj.join("x/archive"), "..".to_owned()),
        (dir.path().to_owned(), abs_x),
        (dir.path().to_owned(), "proj/x/".to_owned()),
    ];
    let (first, code) = json(&runs[0].0, &runs[0].1);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_slice(&first).expect("json");
    let paths: std::collections::BTreeSet<&str> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["path"].as_str())
        .collect();
    // Relative to the project root; the draft excluded; the archive linted.
    assert_eq!(
        paths.into_iter().collect::<Vec<_>>(),
        ["x/a.txt", "x/archive/old.txt", "x/b.txt"],
        "{v:#}"
    );
    let by = |path: &str, code: &str| {
        v["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .filter(|f| f["path"] == path && f["code"] == code)
            .map(|f| f["severity"].as_str().unwrap_or("").to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        by("x/archive/old.txt", "RL101"),
        Vec::<String>::new(),
        "override"
    );
    assert_eq!(by("x/a.txt", "RL101"), ["error"]);
    assert_eq!(by("x/a.txt", "RL104"), ["error"], "configured severity");
    assert_eq!(by("x/b.txt", "RL104"), Vec::<String>::new(), "[[ignore]]");
    for (cwd, arg) in &runs[1..] {
        let (other, code) = json(cwd, arg);
        assert_eq!(code, 1, "{arg} from {}", cwd.display());
        assert!(
            other == first,
            "{arg} from {}:\n{}\n---\n{}",
            cwd.display(),
            String::from_utf8_lossy(&other),
            String::from_utf8_lossy(&first)
        );
    }
}

#[test]
fn a_baseline_made_on_the_folder_matches_the_files_pre_commit_passes() {
    let dir = project();
    let proj = dir.path().join("proj");
    reportlint()
        .current_dir(&proj)
        .args(["baseline", "."])
        .assert()
        .code(0);
    let recorded = fs::read_to_string(proj.join(".reportlint-baseline.json")).expect("written");
    assert!(recorded.contains("\"path\": \"x/a.txt\""), "{recorded}");
    for (cwd, arg) in [
        (proj.clone(), "x/a.txt".to_owned()),
        (proj.clone(), "./x/a.txt".to_owned()),
        (proj.join("x"), "a.txt".to_owned()),
    ] {
        let baseline = proj.join(".reportlint-baseline.json");
        reportlint()
            .current_dir(&cwd)
            .arg("--baseline")
            .arg(&baseline)
            .arg(&arg)
            .assert()
            .code(0);
    }
}

#[test]
fn excluded_and_overridden_folders_stay_so_however_they_are_named() {
    let dir = project();
    let proj = dir.path().join("proj");
    // Walked from inside the excluded folder: still excluded.
    let out = reportlint()
        .current_dir(proj.join("x/drafts"))
        .args(["--format", "json", "."])
        .output()
        .expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["summary"]["files"], 0, "{v:#}");
    // A file named on the command line is linted even when excluded …
    reportlint()
        .current_dir(&proj)
        .arg("./x/drafts/d.txt")
        .assert()
        .code(1);
    // … unless --force-exclude (what pre-commit passes) says otherwise.
    reportlint()
        .current_dir(&proj)
        .args(["--force-exclude", "./x/drafts/d.txt"])
        .assert()
        .code(0);
    // The override holds for ./x/archive, $PWD/x/archive and from inside it.
    for (cwd, arg) in [
        (proj.clone(), "./x/archive".to_owned()),
        (proj.clone(), proj.join("x/archive").display().to_string()),
        (proj.join("x/archive"), "old.txt".to_owned()),
    ] {
        let out = reportlint()
            .current_dir(&cwd)
            .args(["--format", "json", &arg])
            .output()
            .expect("runs");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        let codes: Vec<&str> = v["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .filter_map(|f| f["code"].as_str())
            .collect();
        assert!(!codes.contains(&"RL101"), "{arg}: {v:#}");
        assert!(codes.contains(&"RL104"), "{arg}: {v:#}");
    }
}

#[test]
fn each_file_gets_the_config_nearest_to_it() {
    let dir = project();
    let proj = dir.path().join("proj");
    let sub = proj.join("x/sub");
    fs::create_dir_all(&sub).expect("mkdir");
    fs::write(
        sub.join("reportlint.toml"),
        "[lints.numbering-duplicate]\nenabled = false\n",
    )
    .expect("config");
    fs::write(sub.join("s.txt"), DUPLICATE).expect("write");
    let out = reportlint()
        .current_dir(&proj)
        .args(["--format", "json", "x/a.txt", "x/sub/s.txt"])
        .output()
        .expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let dups: Vec<&str> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["code"] == "RL101")
        .filter_map(|f| f["path"].as_str())
        .collect();
    // x/sub/s.txt is named relative to its own project root, where RL101 is off.
    assert_eq!(dups, ["x/a.txt"], "{v:#}");
    let settings = reportlint()
        .current_dir(dir.path())
        .args(["--show-settings", "proj/x/sub/s.txt"])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&settings.stdout);
    assert!(text.contains("file: s.txt"), "{text}");
    assert!(
        text.contains(&format!(
            "config file: {}",
            sub.join("reportlint.toml").display()
        )),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.contains("RL101") && l.ends_with("off")),
        "{text}"
    );
    let files = reportlint()
        .current_dir(&proj)
        .args(["--show-files", "."])
        .output()
        .expect("runs");
    assert_eq!(
        String::from_utf8_lossy(&files.stdout),
        "s.txt\nx/a.txt\nx/archive/old.txt\nx/b.txt\n"
    );
}
