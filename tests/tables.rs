//! Tables under hostile and arbitrary input: the reader never panics, every cell
//! span lies on character boundaries inside its row, and every table check runs.

mod common;

use proptest::prelude::*;
use reportlint::document::{Delimited, Document};

fn check_spans(doc: &Document) {
    for t in &doc.tables {
        assert!(t.span.start <= t.span.end && t.span.end <= doc.text.len());
        for r in &t.rows {
            assert!(
                doc.text.is_char_boundary(r.span.start) && doc.text.is_char_boundary(r.span.end)
            );
            for c in &r.cells {
                assert!(c.span.start <= c.span.end, "{c:?}");
                assert!(doc.text.is_char_boundary(c.span.start), "{c:?}");
                assert!(doc.text.is_char_boundary(c.span.end), "{c:?}");
                assert!(
                    c.span.start >= r.span.start && c.span.end <= r.span.end.max(c.span.start),
                    "cell {c:?} outside row {:?}",
                    r.span
                );
            }
            assert_eq!(r.cells.len(), t.columns.len());
        }
    }
}

fn lint_all(doc: &Document) {
    let config = reportlint::config::Config::default_config();
    let sel = reportlint::pipeline::Selection {
        select: vec![],
        ignore: vec![],
        extend_select: vec![],
    };
    let found =
        reportlint::pipeline::lint_document(doc, std::path::Path::new("t.txt"), &config, &sel);
    for f in &found {
        assert!(doc.text.is_char_boundary(f.span.start) && doc.text.is_char_boundary(f.span.end));
        for l in &f.labels {
            assert!(l.span.end <= doc.text.len());
        }
    }
}

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("|".to_owned()),
        Just("\t".to_owned()),
        Just("\n".to_owned()),
        Just("  ".to_owned()),
        Just("\u{3000}".to_owned()),
        Just("|---|---|\n".to_owned()),
        Just("│".to_owned()),
        Just("├──┼──┤\n".to_owned()),
        Just("合计".to_owned()),
        Just("小计".to_owned()),
        Just("其中：".to_owned()),
        Just("全市".to_owned()),
        Just("占比（%）".to_owned()),
        Just("完成率".to_owned()),
        Just("单位：万元\n".to_owned()),
        Just("一、".to_owned()),
        Just("附表1".to_owned()),
        Just("详见下表。".to_owned()),
        Just("—".to_owned()),
        Just("\"".to_owned()),
        Just(",".to_owned()),
        Just("**".to_owned()),
        (0u32..100_000).prop_map(|n| n.to_string()),
        (0u32..10_000).prop_map(|n| format!("{}.{}%", n / 100, n % 100)),
        (0u32..1000).prop_map(|n| format!("{n}万元")),
        "[甲乙丙丁县区镇]{1,3}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn table_like_text_never_breaks_the_reader(pieces in proptest::collection::vec(piece(), 0..200)) {
        let text: String = pieces.concat();
        let doc = Document::parse("t.txt", text.clone());
        check_spans(&doc);
        lint_all(&doc);
        let csv = Document::parse_as("t.csv", text, Some(Delimited::Comma));
        check_spans(&csv);
        lint_all(&csv);
    }
}

#[test]
fn very_wide_rows_and_tall_tables_are_read_or_refused_quietly() {
    // 10 000 cells in a row: not a report table (refused), and no panic.
    let wide = format!("{}\n{}\n", "列\t".repeat(10_000), "1\t".repeat(10_000));
    let doc = Document::parse("w.txt", wide);
    assert!(doc.tables.is_empty());
    // 20 000 rows with a subtotal every third row, and a wrong one at the end.
    let mut tall = String::from("地区\t任务数\t完成数\t完成率\n");
    for i in 0..20_000u32 {
        tall.push_str(&format!("单位{i}\t{}\t{}\t50.00%\n", 2 * (i + 1), i + 1));
        if i % 3 == 2 {
            tall.push_str("小计\t1\t1\t100%\n");
        }
    }
    let doc = Document::parse("t.txt", tall);
    assert_eq!(doc.tables.len(), 1);
    check_spans(&doc);
    lint_all(&doc);
}

#[test]
fn a_csv_file_given_on_the_command_line_is_checked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("附表.csv");
    std::fs::write(
        &path,
        "地区,男,女,合计\n甲县,\"1,200\",1300,\"2,500\"\n乙县,800,750,1550\n丙县,600,660,1360\n",
    )
    .expect("write");
    let out = common::reportlint()
        .args(["--isolated", "--format", "json"])
        .arg(&path)
        .output()
        .expect("runs");
    // Every finding of a lint has the lint's one severity (RL211: error).
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let codes: Vec<&str> = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["code"].as_str())
        .collect();
    assert_eq!(codes, ["RL211"], "{json:#}");
}
