//! A real .docx through the library. tests/data/docx/numbering.docx was written
//! by LibreOffice from numbering.fodt beside it (`soffice --headless
//! --convert-to docx numbering.fodt`): automatic numbering (一、 with （一） and
//! 1. under it), a table, and a list continued at 二 so that 二、 prints twice.

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
fn numbering_is_written_as_the_reader_sees_it() {
    let text = extract(&fixture("numbering.docx")).expect("the fixture extracts");
    let want = [
        "关于2024年工作的报告",
        "一、总体情况",
        "（一）重点任务",
        "（二）基础工作",
        "1.细项一",
        "2.细项二",
        "二、存在问题",
        "中间段落。",
        "项目\t金额",
        "合计\t100",
        "二、下一步安排",
        "三、保障措施",
        "①圆圈一",
        "②圆圈二",
    ];
    assert_eq!(text.lines().collect::<Vec<_>>(), want);
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
    assert_eq!(
        line(marker),
        11,
        "the eleventh line (a table row is one line) prints 二、 again"
    );
    assert_eq!(line(previous), 7);
    assert_eq!(doc.markers[marker].title, "下一步安排");
}

#[test]
fn lines_are_named_as_word_shows_them() {
    let (text, places) = reportlint::input::docx::extract_with_places(&fixture("numbering.docx"))
        .expect("the fixture extracts");
    let place = |needle: &str| {
        let at = text
            .find(needle)
            .unwrap_or_else(|| panic!("{needle} not found"));
        // Named in the interface language: Chinese here, English below.
        reportlint::i18n::with(reportlint::i18n::Lang::Zh, || {
            places.place(&text, at).expect("placed").text
        })
    };
    assert_eq!(place("二、存在问题"), "标题「二、存在问题」");
    assert_eq!(place("中间段落"), "「二、存在问题」一节第1段");
    assert_eq!(place("100"), "表1 第2行第2列");
    assert_eq!(place("②圆圈二"), "「三、保障措施」一节第2段（编号「②」）");
    let cell = reportlint::i18n::with(reportlint::i18n::Lang::En, || {
        places.place(&text, text.find("100").unwrap_or(0))
    });
    assert_eq!(
        cell.map(|p| p.text).as_deref(),
        Some("table 1, row 2, column 2")
    );
}
