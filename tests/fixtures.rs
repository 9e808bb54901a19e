//! Every lint has `fixtures/<lint-name>/bad.txt` (findings, pinned as snapshots of
//! the rendered output) and `good.txt` (no finding from that lint).

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

#[test]
fn good_fixtures_are_clean() {
    for reg in lints::registry() {
        let path = common::repo()
            .join("fixtures")
            .join(reg.meta.name)
            .join("good.txt");
        if !path.is_file() {
            continue;
        }
        let (doc, findings) = common::lint_file(&path, &[reg.meta.code]);
        assert!(
            findings.is_empty(),
            "{} should be clean:\n{}",
            path.display(),
            common::render_plain(&doc, &findings)
        );
    }
}

#[test]
fn bad_fixtures_snapshots() {
    insta::glob!("../fixtures", "*/bad.txt", |path| {
        let lint = path
            .parent()
            .and_then(|p| p.file_name())
            .and_then(|n| n.to_str())
            .expect("lint folder");
        let meta = lints::lookup(lint).unwrap_or_else(|| panic!("fixtures/{lint} names no lint"));
        let (doc, findings) = common::lint_file(path, &[meta.code]);
        assert!(
            !findings.is_empty(),
            "fixtures/{lint}/bad.txt gives no {} finding",
            meta.code
        );
        insta::assert_snapshot!(
            format!("{lint}-human"),
            common::render_plain(&doc, &findings)
        );
        insta::assert_snapshot!(format!("{lint}-json"), common::render_json(&doc, &findings));
    });
}
