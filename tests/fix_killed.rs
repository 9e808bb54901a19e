//! `--fix` killed while it writes: the file holds the old content or the new,
//! never a mixture. The write goes to a temporary file beside it that is
//! renamed over it, so a kill at any moment leaves one of the two.

use assert_cmd::cargo::CommandCargoExt;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

/// About 200 KB of prose with misspellings, doubled words and stray spaces on
/// every line, so the fixed file differs all through (large enough that the
/// write takes a while, small enough for a debug build on a loaded machine).
fn big_report() -> String {
    "全市认真布署防控工作，再接再励，推进迅速 发展。\n".repeat(3_000)
}

/// The bytes `--fix` writes for `old`, computed in-process.
fn fixed(old: &str) -> Vec<u8> {
    let config = reportlint::config::Config::default_config();
    let sel = reportlint::pipeline::Selection::default();
    let opts = reportlint::pipeline::RunOptions {
        selection: Some(&sel),
        human: None,
        baseline: None,
        keep_text: false,
    };
    let out = reportlint::fix::fix_bytes(
        "big.txt",
        Path::new("big.txt"),
        old.as_bytes(),
        &config,
        &opts,
        false,
    );
    out.new_bytes.expect("the report has fixes")
}

/// Whether the directory shows a write under way: a file beside the report, or
/// the report itself changed in size or time.
fn writing(dir: &Path, report: &Path, size: u64, modified: SystemTime) -> bool {
    let entries = fs::read_dir(dir).map(|d| d.count()).unwrap_or(0);
    let meta = fs::metadata(report).ok();
    entries > 1
        || meta.as_ref().is_some_and(|m| m.len() != size)
        || meta
            .and_then(|m| m.modified().ok())
            .is_some_and(|t| t != modified)
}

/// Start `reportlint --fix`, wait until the write begins (or `delay` passes),
/// then kill it. Returns whether it was killed while writing.
fn fix_and_kill(dir: &Path, report: &Path, delay: Option<Duration>) -> bool {
    let meta = fs::metadata(report).expect("meta");
    let (size, modified) = (meta.len(), meta.modified().expect("mtime"));
    let mut child = Command::cargo_bin("reportlint")
        .expect("binary")
        .current_dir(dir)
        .args(["--isolated", "--fix", "big.txt"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawns");
    let started = Instant::now();
    let mut mid_write = false;
    loop {
        if child.try_wait().expect("wait").is_some() {
            return false;
        }
        if writing(dir, report, size, modified) {
            mid_write = true;
            break;
        }
        if delay.is_some_and(|d| started.elapsed() >= d) {
            break;
        }
        // Only a run that never writes ends here: the loop waits for the write.
        if started.elapsed() > Duration::from_secs(600) {
            break;
        }
        std::thread::sleep(Duration::from_micros(100));
    }
    let _ = child.kill();
    let _ = child.wait();
    mid_write
}

#[test]
fn a_fix_killed_at_any_moment_leaves_the_old_or_the_new_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let report = dir.path().join("big.txt");
    let old = big_report();
    let new = fixed(&old);
    assert_ne!(new, old.as_bytes());
    // Killed as soon as a write shows, then at points spread over a run.
    let delays = [
        None,
        None,
        None,
        Some(Duration::from_millis(0)),
        Some(Duration::from_millis(300)),
    ];
    let mut killed_mid_write = 0;
    for delay in delays {
        fs::write(&report, &old).expect("write");
        if fix_and_kill(dir.path(), &report, delay) {
            killed_mid_write += 1;
        }
        let now = fs::read(&report).expect("the report is still there");
        assert!(
            now == old.as_bytes() || now == new,
            "killed with {delay:?}: a partial file of {} bytes (old {}, new {})",
            now.len(),
            old.len(),
            new.len()
        );
        // `kill -9` may leave the temporary file behind, named after the report
        // (the next write beside it removes it), never anything else.
        for entry in fs::read_dir(dir.path()).expect("dir").flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name != "big.txt" {
                assert!(
                    name.starts_with(".big.txt.reportlint-"),
                    "left behind: {name}"
                );
                fs::remove_file(entry.path()).expect("remove");
            }
        }
    }
    assert!(killed_mid_write > 0, "no run was killed while writing");
    // Left alone, the run finishes and writes the new content.
    fs::write(&report, &old).expect("write");
    let status = Command::cargo_bin("reportlint")
        .expect("binary")
        .current_dir(dir.path())
        .args(["--isolated", "--fix", "big.txt"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("runs");
    assert!(status.code().is_some_and(|c| c <= 1), "{status}");
    assert_eq!(fs::read(&report).expect("read"), new);
}
