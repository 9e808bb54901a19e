//! A real .docx through the library: automatic numbering becomes marker text
//! the outline reads, so a list restarted by Word shows up as a duplicate on the
//! paragraph's line.

use reportlint::document::{Document, Event};
use reportlint::input::docx::extract;
use std::path::PathBuf;

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/docx")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn restarted_word_list_is_a_duplicate_on_the_right_line() {
    let text = extract(&fixture("numbering.docx")).expect("the fixture extracts");
    let doc = Document::parse("x.docx", text);
    let duplicates: Vec<(usize, usize)> = doc
        .outline
        .events
        .iter()
        .filter_map(|e| match e {
            Event::Duplicate { marker, previous } => Some((*marker, *previous)),
            _ => None,
        })
        .collect();
    assert_eq!(duplicates.len(), 1, "{:?}", doc.outline.events);
    let (marker, previous) = duplicates[0];
    let line = |m: usize| doc.line_col(doc.markers[m].span.start).line;
    assert_eq!(doc.slice(doc.markers[marker].span), "二、");
    assert_eq!(line(marker), 7, "the seventh paragraph prints 二、 again");
    assert_eq!(line(previous), 5);
    assert_eq!(doc.markers[marker].title, "下一步工作安排");
}
