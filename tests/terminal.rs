//! The human output lines up in every terminal: no character that CJK
//! terminals draw two columns wide (but miette counts as one) stands before a
//! caret in a quoted line, and no line runs past the terminal's width.

mod common;

use reportlint::render::human;
use std::path::Path;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

const AMBIGUOUS: &str = "tests/data/terminal/ambiguous.txt";

fn render(path: &Path, width: usize) -> String {
    let (doc, findings) = common::lint_file(path, &[]);
    findings
        .iter()
        .map(|f| human::render_finding(&doc, f, human::Style::plain(width)))
        .collect()
}

/// Every quoted line with the underline row below it: (text, underline), both
/// after their gutters.
fn quoted(out: &str) -> Vec<(String, String)> {
    let lines: Vec<&str> = out.lines().collect();
    let mut pairs = Vec::new();
    for w in lines.windows(2) {
        let (Some((num, text)), Some((_, under))) =
            (w[0].split_once(" │ "), w[1].split_once(" · "))
        else {
            continue;
        };
        if num.trim().parse::<usize>().is_ok() {
            pairs.push((text.to_owned(), under.to_owned()));
        }
    }
    pairs
}

/// The caret columns of an underline row (where its marks start).
fn carets(under: &str) -> Vec<usize> {
    let mut cols = Vec::new();
    let mut col = 0;
    let mut previous_blank = true;
    for c in under.chars() {
        let blank = c == ' ';
        if !blank && previous_blank {
            cols.push(col);
        }
        previous_blank = blank;
        col += c.width().unwrap_or(0);
    }
    cols
}

/// The text before `col` columns, as miette counts them.
fn before_column(text: &str, col: usize) -> &str {
    let mut used = 0;
    for (i, c) in text.char_indices() {
        if used >= col {
            return &text[..i];
        }
        used += c.width().unwrap_or(0);
    }
    text
}

fn assert_lines_up(out: &str) {
    let pairs = quoted(out);
    assert!(!pairs.is_empty(), "no quoted line in:\n{out}");
    for (text, under) in pairs {
        for col in carets(&under) {
            let before = before_column(&text, col);
            // Narrow and CJK terminals agree on where the caret's character is.
            assert_eq!(
                before.width(),
                before.width_cjk(),
                "a caret at column {col} drifts in a CJK terminal: 「{before}」\n{out}"
            );
        }
    }
}

fn assert_fits(out: &str, width: usize) {
    for line in out.lines() {
        if line.contains("╭─[") {
            continue; // the file's name: not ours to shorten
        }
        assert!(
            line.width() <= width,
            "{} columns > {width}: {line}",
            line.width()
        );
        // A label's own text fits even where ambiguous characters are wide.
        if let Some((head, label)) = line.split_once("╰── ") {
            let cols = head.width() + 3 + label.width_cjk();
            assert!(cols <= width, "label of {cols} columns > {width}: {line}");
        }
    }
}

/// Every quoted row is numbered with the line its text comes from: a line too
/// wide for the terminal, shown as several rows, never lends a row the next
/// line's number.
fn assert_numbered_by_own_line(out: &str, doc: &reportlint::document::Document) {
    let text = doc.display_text();
    // Tabs are drawn as spaces to the next stop: whitespace is not compared.
    let untwin = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| match c {
                '〝' => '“',
                '〞' => '”',
                '｀' => '‘',
                '＇' => '’',
                '・' => '·',
                '－' => '—',
                '⋯' => '…',
                c => c,
            })
            .collect()
    };
    for row in out.lines() {
        let Some((num, quoted)) = row.split_once(" │ ") else {
            continue;
        };
        let Ok(n) = num.trim().parse::<usize>() else {
            continue;
        };
        let line = untwin(&text[doc.lines.line_range(text, n - 1)]);
        for (i, piece) in quoted.split("...").enumerate() {
            // The first piece may follow the gutter of a multi-line label.
            let piece = if i == 0 && !line.contains(&untwin(piece)) {
                piece.trim_start_matches(|c| "│╭├╰─▶ ".contains(c))
            } else {
                piece
            };
            assert!(
                line.contains(&untwin(piece)),
                "row numbered {n} shows 「{piece}」, which is not on line {n} 「{line}」:\n{out}"
            );
        }
    }
}

#[test]
fn curly_quotes_ellipses_and_dots_before_a_caret_do_not_shift_it() {
    let out = render(Path::new(AMBIGUOUS), 100);
    assert_lines_up(&out);
    // They are drawn as their full-width twins; other ambiguous marks are cut off.
    assert!(out.contains("〝五个坚持〞⋯⋯要求・落实－－"), "{out}");
    assert!(!out.contains('①') && !out.contains('②'), "{out}");
    assert!(!out.contains('…'), "the cut mark is ASCII");
    insta::assert_snapshot!("ambiguous-100", out);
}

#[test]
fn every_fixture_lines_up_fits_and_numbers_rows_by_their_line() {
    let mut files: Vec<_> = glob::glob("fixtures/*/bad.*")
        .expect("glob")
        .flatten()
        .collect();
    files.push(AMBIGUOUS.into());
    files.sort();
    assert!(files.len() > 20);
    for width in [60, 80, 100, 140] {
        for path in &files {
            let (doc, findings) = common::lint_file(path, &[]);
            let out: String = findings
                .iter()
                .map(|f| human::render_finding(&doc, f, human::Style::plain(width)))
                .collect();
            if out.is_empty() {
                continue;
            }
            assert_lines_up(&out);
            assert_fits(&out, width);
            assert_numbered_by_own_line(&out, &doc);
        }
    }
}

#[test]
fn a_long_label_wraps_within_a_narrow_terminal() {
    let path = Path::new("fixtures/completion-vs-target/bad.txt");
    let out = render(path, 60);
    assert_fits(&out, 60);
    let wide = render(path, 140);
    assert!(
        out.lines().count() > wide.lines().count(),
        "labels and lines are wrapped or cut at 60 columns"
    );
    insta::assert_snapshot!("completion-vs-target-60", out);
}

#[test]
fn wrapped_labels_keep_every_character() {
    let label = "应为「七、」，其后各项依次顺延，并核对目录中的对应条目";
    for c in ['“', '…', '·'] {
        assert!(c.width_cjk() != c.width(), "{c} is ambiguous");
    }
    let wrapped = reportlint::render::excerpt::wrap_label(label, 10);
    assert_eq!(wrapped.replace('\n', ""), label);
    assert!(wrapped.lines().all(|l| l.width_cjk() <= 10));
}
