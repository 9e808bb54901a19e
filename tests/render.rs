//! How findings look: windows on long lines, labels under double-width text,
//! character columns in the header.

mod common;

use reportlint::config::Config;
use reportlint::document::Document;
use reportlint::pipeline::{self, Selection};

fn render(text: &str) -> String {
    let doc = Document::parse("report.txt", text.to_owned());
    let findings = pipeline::lint_document(
        &doc,
        "report.txt".as_ref(),
        &Config::default_config(),
        &Selection {
            select: vec!["numbering".into()],
            ignore: vec![],
            extend_select: vec![],
        },
    );
    assert!(!findings.is_empty(), "expected a finding");
    common::render_plain(&doc, &findings)
}

#[test]
fn a_long_line_is_shown_as_a_window_around_the_span() {
    let filler = "坚持以人民健康为中心，全面推进健康城市建设，".repeat(12);
    let text =
        format!("{filler}一是加强监测；{filler}二是强化转运；{filler}二是完善隔离。{filler}\n");
    let out = render(&text);
    for line in out.lines() {
        assert!(line.chars().count() < 140, "line too long: {line}\n{out}");
    }
    // The header counts the column in characters, not bytes.
    let col = text[..text.rfind("二是").unwrap_or(0)].chars().count() + 1;
    assert!(out.contains(&format!("report.txt:1:{col}]")), "{out}");
    insta::assert_snapshot!(out);
}

#[test]
fn labels_line_up_under_wide_and_ambiguous_characters() {
    let text = "（一）甲。\n（二）“两癌”检查……①项——完成。\n（二）产前筛查。\n";
    insta::assert_snapshot!(render(text));
}
