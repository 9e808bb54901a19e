//! Writes that never destroy: `--output` never lands on an input nor replaces a
//! device or FIFO with a file; `--fix` keeps links, owners and modes, refuses what
//! the user may not write and files with several names, fixes each file once,
//! reaches its fixed point, and leaves no temporary file when interrupted.
#![cfg(unix)]

mod common;

use assert_cmd::Command;
use common::running_as_root;
use std::fs;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::Path;

/// A misspelling (布署) that `--fix` corrects.
const BAD: &str = "全市认真布署防控工作。\n";
const GOOD: &str = "全市认真部署防控工作。\n";

/// `reportlint [SUBCOMMAND] --isolated ARGS`.
fn reportlint(dir: &Path, args: &[&str]) -> Command {
    let mut c = common::reportlint();
    c.current_dir(dir);
    match args.split_first() {
        Some((&"baseline", rest)) => c.args(["baseline", "--isolated"]).args(rest),
        _ => c.arg("--isolated").args(args),
    };
    c
}

struct Out {
    code: Option<i32>,
    stderr: String,
}

fn run(dir: &Path, args: &[&str]) -> Out {
    let out = reportlint(dir, args).output().expect("runs");
    Out {
        code: out.status.code(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn read(p: &Path) -> String {
    fs::read_to_string(p).expect("read")
}

#[test]
fn the_report_is_never_written_over_an_input() {
    let dir = tempfile::tempdir().expect("tempdir");
    let report = dir.path().join("report.txt");
    for args in [
        &["--format", "json", "--output", "report.txt", "report.txt"][..],
        &["--output", "./report.txt", "."][..],
        &["baseline", "--output", "report.txt", "report.txt"][..],
        &["--fix", "--output", "report.txt", "report.txt"][..],
    ] {
        fs::write(&report, BAD).expect("write");
        let out = run(dir.path(), args);
        assert_eq!(out.code, Some(2), "{args:?}: {}", out.stderr);
        assert!(
            out.stderr.contains("is an input"),
            "{args:?}: {}",
            out.stderr
        );
        assert_eq!(read(&report), BAD, "{args:?}");
    }
    // Through a link to it, too.
    std::os::unix::fs::symlink("report.txt", dir.path().join("out.json")).expect("link");
    let out = run(dir.path(), &["--output", "out.json", "report.txt"]);
    assert_eq!(out.code, Some(2), "{}", out.stderr);
    assert_eq!(read(&report), BAD);
}

#[test]
fn a_fifo_given_as_output_is_written_to_not_replaced() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("a.txt"), BAD).expect("write");
    let fifo = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read_to_string(fifo).unwrap_or_default())
    };
    let out = run(
        dir.path(),
        &["--format", "json", "--output", "pipe", "a.txt"],
    );
    let kind = fs::symlink_metadata(&fifo).expect("meta").file_type();
    assert!(kind.is_fifo(), "the FIFO was replaced by a {kind:?}");
    let got = reader.join().expect("reader");
    assert!(got.contains("RL306"), "{got}");
    assert_eq!(out.code, Some(0), "{}", out.stderr);
}

#[test]
fn a_device_given_as_output_is_written_to_not_replaced() {
    if !running_as_root() {
        return; // only root can make a device node
    }
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("a.txt"), BAD).expect("write");
    let made = std::process::Command::new("mknod")
        .args([
            dir.path().join("null").as_os_str(),
            "c".as_ref(),
            "1".as_ref(),
            "3".as_ref(),
        ])
        .status()
        .expect("mknod runs");
    if !made.success() {
        return; // no CAP_MKNOD in this container
    }
    let out = run(dir.path(), &["--output", "null", "a.txt"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let kind = fs::symlink_metadata(dir.path().join("null"))
        .expect("meta")
        .file_type();
    assert!(
        kind.is_char_device(),
        "the device was replaced by a {kind:?}"
    );
}

#[test]
fn a_new_report_file_gets_the_permissions_the_umask_allows() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("a.txt"), BAD).expect("write");
    let bin = assert_cmd::cargo::cargo_bin("reportlint");
    for (args, file) in [
        (
            "--isolated --format json --output out.json a.txt",
            "out.json",
        ),
        ("baseline --isolated a.txt", ".reportlint-baseline.json"),
    ] {
        let status = std::process::Command::new("sh")
            .current_dir(dir.path())
            .arg("-c")
            .arg(format!("umask 022; exec '{}' {args}", bin.display()))
            .status()
            .expect("runs");
        assert!(status.code().is_some_and(|c| c <= 1), "{args}: {status}");
        let mode = fs::metadata(dir.path().join(file)).expect("written").mode() & 0o777;
        assert_eq!(mode, 0o644, "{file}: {mode:o}");
    }
}

#[test]
fn fixing_through_a_symbolic_link_fixes_its_target_and_keeps_the_link() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("real.txt"), BAD).expect("write");
    std::os::unix::fs::symlink("real.txt", dir.path().join("link.txt")).expect("link");
    let out = run(dir.path(), &["--fix", "link.txt"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let link = fs::symlink_metadata(dir.path().join("link.txt")).expect("meta");
    assert!(link.file_type().is_symlink(), "the link became a copy");
    assert_eq!(read(&dir.path().join("real.txt")), GOOD);
}

#[test]
fn one_file_named_several_ways_is_fixed_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("a.txt"), BAD).expect("write");
    std::os::unix::fs::symlink("a.txt", dir.path().join("b.txt")).expect("link");
    let abs = dir.path().join("a.txt").display().to_string();
    let out = run(
        dir.path(),
        &["--fix", "a.txt", "./a.txt", &abs, "b.txt", "sub/../a.txt"],
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(
        out.stderr.matches("fixed 1 issue").count(),
        1,
        "{}",
        out.stderr
    );
    assert_eq!(read(&dir.path().join("a.txt")), GOOD);
}

#[test]
fn a_fixed_file_keeps_its_mode_and_loses_setuid() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("a.txt");
    for (before, after) in [
        (0o640, 0o640),
        (0o604, 0o604),
        (0o4755, 0o755),
        (0o2775, 0o775),
    ] {
        fs::write(&p, BAD).expect("write");
        fs::set_permissions(&p, fs::Permissions::from_mode(before)).expect("chmod");
        let out = run(dir.path(), &["--fix", "a.txt"]);
        assert_eq!(out.code, Some(0), "{before:o}: {}", out.stderr);
        assert_eq!(read(&p), GOOD);
        let mode = fs::metadata(&p).expect("meta").mode() & 0o7777;
        assert_eq!(mode, after, "{before:o} became {mode:o}");
    }
}

#[test]
fn root_fixing_another_users_file_keeps_its_owner() {
    if !running_as_root() {
        return; // only root can give a file to another user
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("a.txt");
    fs::write(&p, BAD).expect("write");
    std::os::unix::fs::chown(&p, Some(65534), Some(65534)).expect("chown");
    let out = run(dir.path(), &["--fix", "a.txt"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(read(&p), GOOD);
    let m = fs::metadata(&p).expect("meta");
    assert_eq!((m.uid(), m.gid()), (65534, 65534));
}

#[test]
fn a_file_with_hard_links_is_not_split() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = dir.path().join("a.txt");
    fs::write(&a, BAD).expect("write");
    fs::hard_link(&a, dir.path().join("b.txt")).expect("link");
    let out = run(dir.path(), &["--fix", "a.txt"]);
    assert_eq!(out.code, Some(2), "{}", out.stderr);
    assert!(out.stderr.contains("hard links"), "{}", out.stderr);
    assert_eq!(
        fs::metadata(&a).expect("meta").nlink(),
        2,
        "the links were split"
    );
    assert_eq!(read(&dir.path().join("b.txt")), BAD);
}

/// `setpriv` runs the binary as `nobody` (only root can; skipped elsewhere).
fn as_nobody(dir: &Path, args: &[&str]) -> Option<Out> {
    if !running_as_root() {
        return None;
    }
    let bin = assert_cmd::cargo::cargo_bin("reportlint");
    let out = std::process::Command::new("setpriv")
        .env("LC_ALL", "C.UTF-8")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(bin)
        .arg("--isolated")
        .args(args)
        .current_dir(dir)
        .output()
        .ok()?;
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    if stderr.contains("setpriv:") {
        return None;
    }
    Some(Out {
        code: out.status.code(),
        stderr,
    })
}

#[test]
fn a_file_the_user_may_not_write_is_not_replaced_even_in_a_writable_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o777)).expect("chmod");
    let p = dir.path().join("a.txt");
    fs::write(&p, BAD).expect("write");
    fs::set_permissions(&p, fs::Permissions::from_mode(0o644)).expect("chmod");
    let Some(out) = as_nobody(dir.path(), &["--fix", "a.txt"]) else {
        return;
    };
    assert_eq!(out.code, Some(2), "{}", out.stderr);
    assert!(out.stderr.contains("may not write"), "{}", out.stderr);
    assert_eq!(read(&p), BAD);
    assert_eq!(
        fs::metadata(&p).expect("meta").uid(),
        0,
        "the owner changed"
    );
}

#[test]
fn one_fix_run_reaches_the_fixed_point() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("a.txt");
    fs::write(&p, format!("{}。\n", "推进工作".repeat(33))).expect("write");
    let out = run(dir.path(), &["--fix", "a.txt"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(read(&p), "推进工作。\n");
    let again = run(dir.path(), &["--fix", "a.txt"]);
    assert!(!again.stderr.contains("fixed"), "{}", again.stderr);
}

#[test]
fn walks_and_globs_stay_inside_the_tree_and_never_loop() {
    let dir = tempfile::tempdir().expect("tempdir");
    let outside = tempfile::tempdir().expect("tempdir");
    fs::write(outside.path().join("o.txt"), BAD).expect("write");
    fs::create_dir(dir.path().join("d")).expect("mkdir");
    fs::write(dir.path().join("d/a.txt"), BAD).expect("write");
    std::os::unix::fs::symlink("..", dir.path().join("d/up")).expect("link");
    std::os::unix::fs::symlink(outside.path(), dir.path().join("d/out")).expect("link");
    for args in [
        &["--fix", "d/**/*.txt"][..],
        &["--fix", "d/*/*.txt", "d"][..],
        &["--fix", "."][..],
    ] {
        fs::write(dir.path().join("d/a.txt"), BAD).expect("write");
        let out = run(dir.path(), args);
        assert!(
            out.stderr.matches("fixed").count() <= 1,
            "{args:?}: {}",
            out.stderr
        );
        assert_eq!(
            read(&outside.path().join("o.txt")),
            BAD,
            "{args:?} left the tree"
        );
    }
}

#[test]
fn an_interrupted_fix_leaves_no_temporary_file() {
    use std::time::{Duration, Instant};
    let dir = tempfile::tempdir().expect("tempdir");
    let report = dir.path().join("big.txt");
    let bin = assert_cmd::cargo::cargo_bin("reportlint");
    let mut interrupted = 0;
    for _ in 0..20 {
        // 200 KB: a write that takes a while even in a release build, and a
        // debug build on a loaded machine still gets there in seconds.
        fs::write(&report, "全市认真布署防控工作，再接再励。\n".repeat(4_000)).expect("write");
        let mut child = std::process::Command::new(&bin)
            .current_dir(dir.path())
            .args(["--isolated", "--fix", "big.txt"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawns");
        let started = Instant::now();
        let mut seen = false;
        while child.try_wait().expect("wait").is_none()
            && started.elapsed() < Duration::from_secs(120)
        {
            if fs::read_dir(dir.path()).expect("dir").count() > 1 {
                seen = true;
                let _ = std::process::Command::new("kill")
                    .args(["-TERM", &child.id().to_string()])
                    .status();
                break;
            }
            std::thread::sleep(Duration::from_micros(50));
        }
        let status = child.wait().expect("wait");
        if seen && status.code().is_none_or(|c| c > 2) {
            interrupted += 1;
        }
        let left: Vec<String> = fs::read_dir(dir.path())
            .expect("dir")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n != "big.txt")
            .collect();
        assert!(left.is_empty(), "left behind after SIGTERM: {left:?}");
        if interrupted >= 3 {
            break;
        }
    }
    assert!(interrupted > 0, "no run was interrupted while writing");
}
