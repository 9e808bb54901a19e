//! The GitHub Action's steps (scripts/action/run-locally.sh runs them as a
//! runner would) and the pre-commit hook (`pre-commit run --all-files`), both
//! installing "the released binary" from a local release made of this build.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

const DUPLICATE: &str = "一、甲\n正文。\n二、乙\n正文。\n二、丙\n正文。\n";

fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

/// The target triple scripts/install.sh asks for on this machine.
fn triple() -> String {
    let arch = std::env::consts::ARCH;
    match std::env::consts::OS {
        "linux" => format!("{arch}-unknown-linux-musl"),
        "macos" => format!("{arch}-apple-darwin"),
        os => panic!("no release triple for {os}"),
    }
}

fn run(cmd: &mut Command) -> std::process::Output {
    cmd.output()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"))
}

fn ok(cmd: &mut Command) {
    let out = run(cmd);
    assert!(
        out.status.success(),
        "{cmd:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A release laid out as GitHub serves it (`download/vX.Y.Z/NAME`), holding
/// the binary under test; returns the base URL for REPORTLINT_RELEASE_BASE.
fn local_release(dir: &Path) -> String {
    let triple = triple();
    let stage = dir.join(format!("stage/reportlint-{triple}"));
    std::fs::create_dir_all(&stage).expect("mkdir");
    std::fs::copy(env!("CARGO_BIN_EXE_reportlint"), stage.join("reportlint")).expect("copy");
    let rel = dir.join(format!("releases/download/v{}", version()));
    std::fs::create_dir_all(&rel).expect("mkdir");
    let name = format!("reportlint-{triple}.tar.gz");
    ok(Command::new("tar")
        .arg("-C")
        .arg(dir.join("stage"))
        .arg("-czf")
        .arg(rel.join(&name))
        .arg(format!("reportlint-{triple}")));
    let sum = run(Command::new("sha256sum").arg(&name).current_dir(&rel));
    std::fs::write(rel.join(format!("{name}.sha256")), sum.stdout).expect("sum");
    format!("file://{}", dir.join("releases").display())
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = run(Command::new("git")
        .args([
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.org",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir));
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

fn repo_with_history(dir: &Path) -> (PathBuf, String) {
    let repo = dir.join("work");
    std::fs::create_dir_all(repo.join("my reports")).expect("mkdir");
    git(&repo, &["init", "-q", "-b", "main"]);
    std::fs::write(repo.join("my reports/old.txt"), DUPLICATE).expect("write");
    git(&repo, &["add", "."]);
    git(&repo, &["commit", "-q", "-m", "base"]);
    let base = git(&repo, &["rev-parse", "HEAD"]);
    std::fs::write(
        repo.join("my reports/new.txt"),
        format!("前言。\n{DUPLICATE}"),
    )
    .expect("write");
    git(&repo, &["add", "."]);
    git(&repo, &["commit", "-q", "-m", "change"]);
    (repo, base)
}

fn action(repo: &Path, release: &str, inputs: &[&str]) -> (i32, String) {
    let out = run(Command::new("bash")
        .env("LC_ALL", "C.UTF-8")
        .arg(common::repo().join("scripts/action/run-locally.sh"))
        .args(inputs)
        .env("REPORTLINT_RELEASE_BASE", release)
        .env_remove("GITHUB_OUTPUT")
        .current_dir(repo));
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap_or(-1), text)
}

#[test]
fn the_action_installs_the_release_annotates_changed_lines_and_reports_exit_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    let release = local_release(dir.path());
    let (repo, base) = repo_with_history(dir.path());
    let base_input = format!("base={base}");

    // Changed lines only: the new file's duplicate (line 6), not the old one's.
    let (code, log) = action(&repo, &release, &["paths=my reports", &base_input]);
    assert_eq!(code, 1, "{log}");
    assert!(
        log.contains(&format!("installed reportlint {}", version())),
        "{log}"
    );
    let annotations: Vec<&str> = log
        .lines()
        .filter(|l| l.starts_with("::error file="))
        .collect();
    assert_eq!(annotations.len(), 1, "{log}");
    assert!(
        annotations[0].starts_with("::error file=my reports/new.txt,line=6,"),
        "{log}"
    );
    // Every line when asked.
    let (_, log) = action(
        &repo,
        &release,
        &["paths=my reports", &base_input, "annotate=all"],
    );
    assert_eq!(
        log.lines()
            .filter(|l| l.starts_with("::error file="))
            .count(),
        2,
        "{log}"
    );

    // Arguments are a list, passed as they are: no shell expansion, no injection.
    let (code, log) = action(
        &repo,
        &release,
        &[
            "paths=my reports/*.txt",
            "args=--fail-on\nerror\n--select\nRL101 $(touch pwned)",
            "annotate=none",
        ],
    );
    assert_eq!(code, 2, "{log}");
    assert!(
        log.contains("unknown lint selector `RL101 $(touch pwned)`"),
        "{log}"
    );
    assert!(!repo.join("pwned").exists());
    let (code, log) = action(
        &repo,
        &release,
        &[
            "paths=my reports/*.txt",
            "args=--exit-zero",
            "annotate=none",
        ],
    );
    assert_eq!(code, 0, "{log}");
    let (code, log) = action(&repo, &release, &["args=--format\njson"]);
    assert_eq!(code, 2, "{log}");
    assert!(
        log.contains("`--format` cannot be given in `args`"),
        "{log}"
    );

    // An input that cannot be checked fails the step with reportlint's words,
    // and the SARIF is still written for the upload.
    std::fs::write(repo.join("my reports/scan.pdf"), b"%PDF-1.4\n").expect("write");
    let (code, log) = action(
        &repo,
        &release,
        &["paths=my reports", "upload-sarif=true", "annotate=none"],
    );
    assert_eq!(code, 2, "{log}");
    assert!(
        log.contains("::error title=reportlint: not every input was checked::"),
        "{log}"
    );
    assert!(log.contains("scan.pdf: not a readable PDF file"), "{log}");
    assert!(log.contains("sarif: 2 results"), "{log}");
}

#[test]
fn pre_commit_runs_the_released_binary_on_txt_md_docx_and_csv() {
    if Command::new("pre-commit")
        .arg("--version")
        .output()
        .is_err()
    {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have pre-commit (.ci/run installs it)"
        );
        eprintln!("skipped: pre-commit is not installed (pip install pre-commit)");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let release = local_release(dir.path());
    // The hook repository: this repository's hook files at one commit.
    let hooks = dir.path().join("hooks");
    std::fs::create_dir_all(hooks.join("scripts")).expect("mkdir");
    for f in [
        ".pre-commit-hooks.yaml",
        "Cargo.toml",
        "scripts/install.sh",
        "scripts/pre-commit-hook.sh",
    ] {
        std::fs::copy(common::repo().join(f), hooks.join(f)).expect("copy");
    }
    git(&hooks, &["init", "-q", "-b", "main"]);
    git(&hooks, &["add", "."]);
    git(&hooks, &["commit", "-q", "-m", "hooks"]);
    let rev = git(&hooks, &["rev-parse", "HEAD"]);

    let repo = dir.path().join("reports");
    std::fs::create_dir_all(repo.join("drafts")).expect("mkdir");
    git(&repo, &["init", "-q", "-b", "main"]);
    std::fs::write(repo.join("a.txt"), DUPLICATE).expect("write");
    std::fs::write(repo.join("b.md"), DUPLICATE).expect("write");
    std::fs::copy(
        common::repo().join("tests/data/docx/numbering.docx"),
        repo.join("c.docx"),
    )
    .expect("copy");
    std::fs::write(
        repo.join("d.csv"),
        "项目,金额（万元）\n甲,10\n乙,20\n合计,70\n",
    )
    .expect("write");
    std::fs::write(repo.join("drafts/x.txt"), DUPLICATE).expect("write");
    std::fs::write(repo.join("reportlint.toml"), "exclude = [\"drafts/**\"]\n").expect("write");
    std::fs::write(
        repo.join(".pre-commit-config.yaml"),
        format!(
            "repos:\n  - repo: {}\n    rev: {rev}\n    hooks: [{{id: reportlint}}]\n",
            hooks.display()
        ),
    )
    .expect("write");
    git(&repo, &["add", "."]);
    let out = run(Command::new("pre-commit")
        .env("LC_ALL", "C.UTF-8")
        .args(["run", "--all-files", "--color", "never"])
        .env("PRE_COMMIT_HOME", dir.path().join("pc-home"))
        .env("REPORTLINT_CACHE", dir.path().join("cache"))
        .env("REPORTLINT_RELEASE_BASE", &release)
        .env("NO_COLOR", "1")
        .current_dir(&repo));
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(1), "{log}");
    for file in ["a.txt", "b.md", "c.docx", "d.csv"] {
        assert!(
            log.contains(&format!("[{file}:")),
            "{file} not linted: {log}"
        );
    }
    assert!(!log.contains("drafts/x.txt"), "--force-exclude: {log}");
    assert!(
        dir.path()
            .join(format!("cache/{}/reportlint", version()))
            .is_file(),
        "the released binary is cached"
    );
}
