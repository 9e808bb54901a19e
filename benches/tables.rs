//! Table reading and the table checks: `cargo bench --bench tables`.
//! Input: a generated report of ~1 MB holding tables in every layout the
//! Document reads (tab rows as Word writes them, Markdown pipes, space-aligned
//! columns), plus the real reports of ../shared/corpus, which hold no tables,
//! to show what looking for them costs ordinary prose.

use divan::counter::BytesCount;
use divan::Bencher;
use reportlint::config::Config;
use reportlint::document::lines::LineIndex;
use reportlint::document::Document;
use reportlint::pipeline::{self, Selection};
use std::fmt::Write;
use std::sync::OnceLock;

fn main() {
    divan::main();
}

/// A deterministic report: prose, then one table of each layout, repeated.
fn generated() -> &'static String {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        let mut s = String::new();
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = |n: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % n
        };
        let mut part = 0;
        while s.len() < 1 << 20 {
            part += 1;
            let _ = writeln!(
                s,
                "全市共完成筛查任务，详见附表{part}。\n\n附表{part}　完成情况\n"
            );
            let rows: Vec<(u64, u64)> = (0..12)
                .map(|_| {
                    let a = 100 + next(900);
                    (a, a - next(a / 5))
                })
                .collect();
            let (ta, tb) = rows.iter().fold((0, 0), |(p, q), &(a, b)| (p + a, q + b));
            let rate = |a: u64, b: u64| format!("{:.2}", b as f64 / a as f64 * 100.0);
            match part % 3 {
                0 => {
                    s.push_str("地区\t任务数\t完成数\t完成率（%）\n");
                    for (i, &(a, b)) in rows.iter().enumerate() {
                        let _ = writeln!(s, "单位{i}\t{a}\t{b}\t{}", rate(a, b));
                    }
                    let _ = writeln!(s, "合计\t{ta}\t{tb}\t{}\n", rate(ta, tb));
                }
                1 => {
                    s.push_str("| 地区 | 任务数 | 完成数 | 完成率 |\n|---|---|---|---|\n");
                    for (i, &(a, b)) in rows.iter().enumerate() {
                        let _ = writeln!(s, "| 单位{i} | {a} | {b} | {}% |", rate(a, b));
                    }
                    let _ = writeln!(s, "| 合计 | {ta} | {tb} | {}% |\n", rate(ta, tb));
                }
                _ => {
                    s.push_str("地区        任务数    完成数    完成率\n");
                    for (i, &(a, b)) in rows.iter().enumerate() {
                        let _ = writeln!(s, "单位{i:<6}    {a:<8}  {b:<8}  {}%", rate(a, b));
                    }
                    let _ = writeln!(s, "合计        {ta:<8}  {tb:<8}  {}%\n", rate(ta, tb));
                }
            }
        }
        s
    })
}

fn corpus() -> &'static Vec<String> {
    static FILES: OnceLock<Vec<String>> = OnceLock::new();
    FILES.get_or_init(|| {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus");
        let config = Config::default_config();
        reportlint::discover::discover(&[root.to_owned()], &config)
            .files
            .iter()
            .filter_map(|p| std::fs::read(p).ok())
            .filter_map(|b| reportlint::decode::decode(&b).ok())
            .map(|d| d.text)
            .collect()
    })
}

#[divan::bench]
fn detect_tables_in_generated(b: Bencher) {
    let text = generated();
    let lines = LineIndex::new(text);
    b.counter(BytesCount::new(text.len()))
        .bench(|| divan::black_box(reportlint::document::tables::detect(text, &lines, None).len()));
}

#[divan::bench]
fn detect_tables_in_corpus_prose(b: Bencher) {
    let texts = corpus();
    let indexed: Vec<LineIndex> = texts.iter().map(|t| LineIndex::new(t)).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    b.counter(BytesCount::new(bytes)).bench(|| {
        for (t, l) in texts.iter().zip(&indexed) {
            divan::black_box(reportlint::document::tables::detect(t, l, None).len());
        }
    });
}

#[divan::bench]
fn table_lints_on_generated(b: Bencher) {
    let text = generated();
    let doc = Document::parse("bench.txt", text.clone());
    let config = Config::default_config();
    let sel = Selection {
        select: ["RL210", "RL211", "RL212", "RL213", "RL214"]
            .iter()
            .map(|s| s.to_string())
            .collect(),
        ignore: vec![],
        extend_select: vec![],
    };
    let path = std::path::Path::new("bench.txt");
    b.counter(BytesCount::new(text.len()))
        .bench(|| divan::black_box(pipeline::lint_document(&doc, path, &config, &sel).len()));
}
