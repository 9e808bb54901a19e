//! `docs/lints.md` is generated from the lints' doc comments; this test fails when
//! it is stale. Regenerate with `UPDATE_DOCS=1 cargo test --test docs`.

mod common;

use reportlint::i18n::Lang;
use reportlint::lints;
use std::collections::HashSet;

#[test]
fn lint_reference_is_current() {
    for (file, lang) in [("docs/lints.md", Lang::En), ("docs/lints.zh.md", Lang::Zh)] {
        let path = common::repo().join(file);
        let want = lints::reference_markdown_in(lang);
        if std::env::var_os("UPDATE_DOCS").is_some() {
            std::fs::create_dir_all(common::repo().join("docs")).expect("docs dir");
            std::fs::write(&path, &want).expect("write docs");
            continue;
        }
        let have = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            have == want,
            "{file} is stale: run `UPDATE_DOCS=1 cargo test --test docs`"
        );
    }
}

/// Every lint has Chinese docs beside it (`src/lints/<family>/<lint>.zh.md`):
/// the failure names the lints that lack them.
#[test]
fn every_lint_has_chinese_docs() {
    let missing: Vec<String> = lints::registry()
        .iter()
        .filter(|r| r.meta.zh().is_none())
        .map(|r| format!("{} {}", r.meta.code, r.meta.name))
        .collect();
    assert!(
        missing.is_empty(),
        "lints without Chinese docs (write src/lints/<family>/<lint>.zh.md): {missing:?}"
    );
}

#[test]
fn chinese_docs_belong_to_lints_and_match_the_english_outline() {
    let registry = lints::registry();
    for name in reportlint::meta::zh_doc_names() {
        assert!(
            registry.iter().any(|r| r.meta.name == name),
            "{name}.zh.md names no lint"
        );
    }
    for r in &registry {
        let m = r.meta;
        let Some((summary, body)) = m.zh() else {
            continue;
        };
        assert!(
            !summary.is_empty() && !summary.starts_with('#'),
            "{}: first line is the summary",
            m.code
        );
        assert!(
            body.contains("## 作用") && body.contains("## 原因"),
            "{}: sections",
            m.code
        );
        let en = m.documentation();
        assert_eq!(
            en.contains("## Options"),
            body.contains("## 选项"),
            "{}: options documented in one language only",
            m.code
        );
        let kinds =
            |ex: Vec<(&'static str, String)>| ex.into_iter().map(|(k, _)| k).collect::<Vec<_>>();
        assert_eq!(
            kinds(m.examples_in(Lang::En)),
            kinds(m.examples_in(Lang::Zh)),
            "{}: the same bad/good examples in both languages",
            m.code
        );
    }
}

/// Every ```bad example gives a finding of its lint and every ```good one none,
/// in both languages' docs, with the lint built from its default options (as
/// each lint's unit tests run them).
#[test]
fn doc_examples_hold_in_both_languages() {
    for r in lints::registry() {
        let m = r.meta;
        let lint = (r.build)(None).expect("default options build");
        for lang in Lang::ALL {
            for (kind, text) in m.examples_in(lang) {
                let mut doc = reportlint::document::Document::parse("example.txt", text.clone());
                doc.directives = reportlint::document::directives::parse(&doc.text, &doc);
                let mut found = Vec::new();
                lint.check(&doc, &mut found);
                match kind {
                    "bad" => assert!(
                        !found.is_empty(),
                        "{} ({}) bad example passes:\n{text}",
                        m.code,
                        lang.code()
                    ),
                    _ => assert!(
                        found.is_empty(),
                        "{} ({}) good example fails:\n{text}",
                        m.code,
                        lang.code()
                    ),
                }
            }
        }
    }
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
