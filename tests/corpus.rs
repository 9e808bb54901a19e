//! Every finding on the real reports in `../shared/corpus/`, pinned. Each line of
//! `tests/corpus_expected.txt` is `path:line:CODE` and was checked by hand: the
//! seeds carry real errors, the published reports are carefully edited, so a new
//! finding there is most likely a false alarm and fails this test.

mod common;

use reportlint::config::Config;
use reportlint::pipeline::{self, Selection};

#[test]
fn corpus_findings_are_exactly_the_pinned_ones() {
    let Some(corpus) = common::corpus() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have ../shared/corpus beside the repository"
        );
        eprintln!("skipped: ../shared/corpus not found");
        return;
    };
    let config = Config::default_config();
    let found = reportlint::discover::discover(&[corpus.display().to_string()], &config);
    assert!(
        found.files.len() >= 70,
        "corpus looks incomplete: {} files",
        found.files.len()
    );
    let mut got = Vec::new();
    for path in &found.files {
        let outcome = pipeline::check_file(path, &config, &Selection::default(), None);
        let rel = path
            .strip_prefix(&corpus)
            .unwrap_or(path)
            .display()
            .to_string();
        for r in outcome.reported {
            got.push(format!("{rel}:{}:{}", r.at.line, r.code));
        }
    }
    got.sort();
    let expected_text = std::fs::read_to_string(common::repo().join("tests/corpus_expected.txt"))
        .expect("pinned list");
    let mut expected: Vec<String> = expected_text
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect();
    expected.sort();
    let missing: Vec<_> = expected.iter().filter(|e| !got.contains(e)).collect();
    let new: Vec<_> = got.iter().filter(|g| !expected.contains(g)).collect();
    assert!(
        missing.is_empty() && new.is_empty(),
        "corpus findings changed.\nno longer found: {missing:#?}\nnew (false alarm, or a real error to pin with a comment): {new:#?}"
    );
}
