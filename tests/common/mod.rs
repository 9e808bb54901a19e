//! Helpers shared by the integration tests.
#![allow(dead_code)]

use reportlint::config::Config;
use reportlint::diagnostic::Finding;
use reportlint::document::Document;
use reportlint::pipeline::{self, Selection};
use reportlint::render::{self, human};
use std::path::{Path, PathBuf};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The shared corpus of real reports, beside the repository.
pub fn corpus() -> Option<PathBuf> {
    let p = repo().join("../shared/corpus");
    p.is_dir().then_some(p)
}

/// Lint a file with only the lints `select` names, returning the document too.
pub fn lint_file(path: &Path, select: &[&str]) -> (Document, Vec<Finding>) {
    let bytes = std::fs::read(path).expect("readable fixture");
    let prepared = reportlint::input::prepare(path, &bytes, None)
        .unwrap_or_else(|_| panic!("{} is not a readable report", path.display()));
    let name = path
        .strip_prefix(repo())
        .unwrap_or(path)
        .display()
        .to_string();
    let delimited = prepared.format.delimited();
    let doc = Document::build(name, prepared.decoded, prepared.original, delimited);
    let config = Config::default_config();
    let sel = Selection {
        select: select.iter().map(|s| s.to_string()).collect(),
        ignore: vec![],
        extend_select: vec![],
    };
    let findings = pipeline::lint_document(&doc, path, &config, &sel);
    (doc, findings)
}

/// Human output without colour at a fixed width, as the snapshots hold it.
pub fn render_plain(doc: &Document, findings: &[Finding]) -> String {
    findings
        .iter()
        .map(|f| human::render_finding(doc, f, human::Style::plain(100)))
        .collect()
}

pub fn render_json(doc: &Document, findings: &[Finding]) -> String {
    let reported: Vec<_> = findings.iter().map(|f| render::resolve(doc, f)).collect();
    serde_json::to_string_pretty(&reported).expect("serializable")
}

/// Whether a corpus document (path relative to the corpus root) is in the
/// held-out half: measured on, never tuned on. FNV-1a 64 of the path's bytes,
/// lowest bit; the seeds are always tuned on. Same function as
/// `scripts/corpus-split.py`.
pub fn held_out(rel: &str) -> bool {
    if rel.starts_with("seeds/") {
        return false;
    }
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in rel.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h & 1 == 1
}

/// Whether the tests run as root (who may write anything, so permission
/// refusals cannot be seen): a new file's owner says.
#[cfg(unix)]
pub fn running_as_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("x");
    std::fs::write(&p, "").expect("write");
    std::fs::metadata(&p).expect("meta").uid() == 0
}

/// The binary under test in a fixed locale. The interface speaks the language of
/// LC_ALL/LC_MESSAGES/LANG, and a test that reads English output must pass in a Chinese shell.
pub fn reportlint() -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("reportlint").expect("binary");
    c.env("LC_ALL", "C.UTF-8");
    c
}
