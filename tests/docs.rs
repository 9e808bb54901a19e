//! `docs/lints.md` is generated from the lints' doc comments; this test fails when
//! it is stale. Regenerate with `UPDATE_DOCS=1 cargo test --test docs`.

mod common;

use reportlint::lints;
use std::collections::HashSet;

#[test]
fn lint_reference_is_current() {
    let path = common::repo().join("docs/lints.md");
    let want = lints::reference_markdown();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::create_dir_all(common::repo().join("docs")).expect("docs dir");
        std::fs::write(&path, &want).expect("write docs");
        return;
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "docs/lints.md is stale: run `UPDATE_DOCS=1 cargo test --test docs`"
    );
}

#[test]
fn codes_and_names_are_unique_and_documented() {
    let mut codes = HashSet::new();
    let mut names = HashSet::new();
    for r in lints::registry() {
        let m = r.meta;
        assert!(codes.insert(m.code), "duplicate code {}", m.code);
        assert!(names.insert(m.name), "duplicate name {}", m.name);
        assert!(
            m.code.len() == 5 && m.code.starts_with("RL"),
            "bad code {}",
            m.code
        );
        assert!(
            m.name.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
            "bad name {}",
            m.name
        );
        let docs = m.documentation();
        assert!(
            docs.contains("## What it does") && docs.contains("## Why"),
            "{} docs lack sections",
            m.code
        );
        assert_eq!(lints::lookup(m.code).map(|x| x.name), Some(m.name));
        assert_eq!(lints::lookup(m.name).map(|x| x.code), Some(m.code));
    }
}

#[test]
fn lint_data_files_parse() {
    for entry in std::fs::read_dir(common::repo().join("lints"))
        .into_iter()
        .flatten()
        .flatten()
    {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "toml") {
            let text = std::fs::read_to_string(&path).expect("readable");
            toml::from_str::<toml::Table>(&text)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        }
    }
}
