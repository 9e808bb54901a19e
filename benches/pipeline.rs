//! Per-stage benchmarks on the real reports in ../shared/corpus:
//! `cargo bench --bench pipeline`. Throughput is reported in bytes of report text.

use divan::counter::BytesCount;
use divan::Bencher;
use reportlint::config::Config;
use reportlint::document::Document;
use reportlint::pipeline::{self, Selection};
use reportlint::render::{self, human};
use std::sync::OnceLock;

fn main() {
    divan::main();
}

/// The corpus files' bytes (empty when the corpus is not beside the repository).
fn corpus() -> &'static Vec<Vec<u8>> {
    static FILES: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    FILES.get_or_init(|| {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus");
        let config = Config::default_config();
        let found = reportlint::discover::discover(&[root.to_owned()], &config);
        found
            .files
            .iter()
            .filter_map(|p| std::fs::read(p).ok())
            .collect()
    })
}

fn total() -> usize {
    corpus().iter().map(Vec::len).sum()
}

fn docs() -> Vec<Document> {
    corpus()
        .iter()
        .filter_map(|b| reportlint::decode::decode(b).ok())
        .map(|d| Document::parse_decoded("bench.txt", d))
        .collect()
}

#[divan::bench]
fn decode(b: Bencher) {
    b.counter(BytesCount::new(total())).bench(|| {
        for bytes in corpus() {
            divan::black_box(reportlint::decode::decode(bytes).ok());
        }
    });
}

#[divan::bench]
fn document_build(b: Bencher) {
    let texts: Vec<String> = corpus()
        .iter()
        .filter_map(|b| reportlint::decode::decode(b).ok())
        .map(|d| d.text)
        .collect();
    b.counter(BytesCount::new(total())).bench(|| {
        for t in &texts {
            divan::black_box(Document::parse("bench.txt", t.clone()));
        }
    });
}

/// All lints of one family (or `all`) over already-built documents.
#[divan::bench(args = ["numbering", "arithmetic", "typo", "all"])]
fn lints(b: Bencher, family: &str) {
    let docs = docs();
    let config = Config::default_config();
    let sel = Selection {
        select: if family == "all" {
            vec![]
        } else {
            vec![family.to_owned()]
        },
        ignore: vec![],
        extend_select: vec![],
    };
    b.counter(BytesCount::new(total())).bench(|| {
        for d in &docs {
            divan::black_box(pipeline::lint_document(
                d,
                "bench.txt".as_ref(),
                &config,
                &sel,
            ));
        }
    });
}

#[divan::bench(args = ["human", "json"])]
fn rendering(b: Bencher, format: &str) {
    let docs = docs();
    let config = Config::default_config();
    let found: Vec<_> = docs
        .iter()
        .map(|d| pipeline::lint_document(d, "bench.txt".as_ref(), &config, &Selection::default()))
        .collect();
    b.counter(BytesCount::new(total())).bench(|| {
        for (d, fs) in docs.iter().zip(&found) {
            for f in fs {
                if format == "human" {
                    divan::black_box(human::render_finding(d, f, human::Style::plain(100)));
                } else {
                    divan::black_box(render::resolve(d, f));
                }
            }
        }
    });
}
