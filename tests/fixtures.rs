//! Every lint has `fixtures/<lint-name>/bad.txt` (findings, pinned as snapshots of
//! the rendered output) and `good.txt` (no finding from that lint). A lint may add
//! the same in other input formats: `bad.md`, `good.csv`, `bad.docx` …

mod common;

use reportlint::lints;

#[test]
fn every_lint_has_fixtures() {
    for reg in lints::registry() {
        let dir = common::repo().join("fixtures").join(reg.meta.name);
        assert!(
            dir.join("bad.txt").is_file(),
            "missing fixtures/{}/bad.txt",
            reg.meta.name
        );
        assert!(
            dir.join("good.txt").is_file(),
            "missing fixtures/{}/good.txt",
            reg.meta.name
        );
    }
}

/// The fixture files of a lint whose name (without extension) is `stem`.
fn fixture_files(lint: &str, stem: &str) -> Vec<std::path::PathBuf> {
    let dir = common::repo().join("fixtures").join(lint);
    let mut out: Vec<_> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.file_stem().and_then(|s| s.to_str()) == Some(stem))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

#[test]
fn good_fixtures_are_clean() {
    for reg in lints::registry() {
        for path in fixture_files(reg.meta.name, "good") {
            good_is_clean(reg.meta.code, &path);
        }
    }
}

fn good_is_clean(code: &str, path: &std::path::Path) {
    let (doc, findings) = common::lint_file(path, &[code]);
    assert!(
        findings.is_empty(),
        "{} should be clean:\n{}",
        path.display(),
        common::render_plain(&doc, &findings)
    );
}

#[test]
fn bad_fixtures_snapshots() {
    // Rendered as a Chinese user sees them (the words naming a place in a PDF
    // or Word file follow the interface language).
    reportlint::i18n::with(reportlint::i18n::Lang::Zh, snapshot_bad_fixtures);
}

fn snapshot_bad_fixtures() {
    insta::glob!("../fixtures", "*/bad.*", |path| {
        let lint = path
            .parent()
            .and_then(|p| p.file_name())
            .and_then(|n| n.to_str())
            .expect("lint folder");
        let meta = lints::lookup(lint).unwrap_or_else(|| panic!("fixtures/{lint} names no lint"));
        let (doc, findings) = common::lint_file(path, &[meta.code]);
        assert!(
            !findings.is_empty(),
            "{} gives no {} finding",
            path.display(),
            meta.code
        );
        insta::assert_snapshot!(
            format!("{lint}-human"),
            common::render_plain(&doc, &findings)
        );
        insta::assert_snapshot!(format!("{lint}-json"), common::render_json(&doc, &findings));
    });
}
