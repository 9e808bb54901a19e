//! Trust: a config file anyone could have planted is not obeyed, and `extra`
//! replacements that would damage reports are refused before any fix.
#![cfg(unix)]

mod common;

use assert_cmd::Command;
use common::running_as_root;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

const BAD: &str = "全市认真布署防控工作。\n";

fn reportlint(dir: &Path) -> Command {
    let mut c = common::reportlint();
    c.current_dir(dir).env("COLUMNS", "100");
    c
}

#[test]
fn a_config_planted_by_another_user_in_a_shared_folder_is_ignored() {
    if !running_as_root() {
        return; // making a file that belongs to another user needs root
    }
    let shared = tempfile::tempdir().expect("tempdir");
    fs::set_permissions(shared.path(), fs::Permissions::from_mode(0o1777)).expect("chmod");
    let config = shared.path().join("reportlint.toml");
    fs::write(&config, "[lints.confusable]\nenabled = false\n").expect("write");
    std::os::unix::fs::chown(&config, Some(65534), Some(65534)).expect("chown");
    let project = shared.path().join("project");
    fs::create_dir(&project).expect("mkdir");
    fs::write(project.join("a.txt"), BAD).expect("write");

    let out = reportlint(&project)
        .args(["--format", "json", "a.txt"])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("ignoring") && stderr.contains("reportlint.toml"),
        "{stderr}"
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(
        v["findings"][0]["code"], "RL306",
        "the planted config was obeyed"
    );

    // Named with --config, it is the user's choice and is read.
    let out = reportlint(&project)
        .args(["--format", "json", "--config"])
        .arg(&config)
        .arg("a.txt")
        .output()
        .expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["findings"].as_array().map(Vec::len), Some(0));

    // The same file owned by root (or by the user) is trusted.
    std::os::unix::fs::chown(&config, Some(0), Some(0)).expect("chown");
    let out = reportlint(&project)
        .args(["--format", "json", "a.txt"])
        .output()
        .expect("runs");
    assert!(!String::from_utf8_lossy(&out.stderr).contains("ignoring"));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["findings"].as_array().map(Vec::len), Some(0));
}

#[test]
fn a_replacement_that_would_grow_or_plant_controls_is_a_config_error() {
    for extra in [
        r#""推进" = "推进推进""#,
        r#""布署" = "部\u0000署""#,
        r#""布署" = "部\u001b]52;c;ZXZpbA==\u0007署""#,
    ] {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::write(
            dir.path().join("reportlint.toml"),
            format!("[lints.confusable]\nextra = {{ {extra} }}\n"),
        )
        .expect("write");
        let a = dir.path().join("a.txt");
        fs::write(&a, "推进工作，认真布署。\n").expect("write");
        let out = reportlint(dir.path())
            .args(["--fix", "--no-color", "a.txt"])
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{extra}: {stderr}");
        assert!(stderr.contains("reportlint.toml"), "{extra}: {stderr}");
        assert!(stderr.contains("extra"), "{extra}: {stderr}");
        assert_eq!(
            fs::read_to_string(&a).expect("read"),
            "推进工作，认真布署。\n"
        );
    }
}

#[test]
fn a_replacement_outside_gbk_does_not_turn_a_gbk_file_into_gb18030() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(
        dir.path().join("reportlint.toml"),
        "[lints.confusable]\nextra = { \"防控\" = \"防𠀀\" }\n",
    )
    .expect("write");
    let (gbk, _, _) = encoding_rs::GBK.encode("全市认真部署防控工作，全力推进各项任务。\n");
    let a = dir.path().join("a.txt");
    fs::write(&a, &gbk).expect("write");
    let out = reportlint(dir.path())
        .args(["--fix", "a.txt"])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("a.txt") && stderr.contains("GBK"),
        "{stderr}"
    );
    assert_eq!(fs::read(&a).expect("read"), gbk.as_ref());
}
