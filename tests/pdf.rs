//! PDF input through the library and the binary. The files in tests/data/pdf/
//! are made by scripts/make-pdf-fixtures.py: `report.pdf` (LibreOffice, a
//! TrueType Chinese font, running header, page numbers "— N —", a superscript
//! footnote mark, a table, paragraphs over page breaks), `columns.pdf`
//! (LibreOffice, a CFF font, two columns under a full-width title),
//! `cid-identity.pdf` and `cid-ucs2.pdf` (written directly: a non-embedded
//! Type0 font with Identity-H and a ToUnicode map, or UniGB-UCS2-H without
//! one) and `scanned.pdf` (a page that is only a picture). Each
//! `<name>.expected.txt` holds the paragraphs and table rows the source had.

use assert_cmd::Command;
use reportlint::input::pdf::{extract, NO_TEXT_LAYER};
use std::path::{Path, PathBuf};

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/pdf")
        .join(name)
}

fn read(name: &str) -> Vec<u8> {
    let path = data(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn expected(name: &str) -> Vec<String> {
    String::from_utf8(read(&format!("{name}.expected.txt")))
        .expect("utf-8")
        .lines()
        .map(str::to_owned)
        .collect()
}

/// The extracted text with the spaces a PDF puts around Latin runs removed:
/// the sources have none ("2024年" is written "2024 年" by LibreOffice).
fn unspaced(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let wide = |k: Option<&char>| k.is_some_and(|c| (*c as u32) >= 0x2E80);
        let between = wide(chars.get(i.wrapping_sub(1))) || wide(chars.get(i + 1));
        if c == ' ' && between {
            continue;
        }
        out.push(c);
    }
    out
}

fn lines_of(name: &str) -> Vec<String> {
    let e = extract(&read(&format!("{name}.pdf"))).unwrap_or_else(|e| panic!("{name}: {e}"));
    e.text.lines().map(unspaced).collect()
}

#[test]
fn a_report_reads_as_its_paragraphs_without_header_footer_or_page_numbers() {
    assert_eq!(lines_of("report"), expected("report"));
}

#[test]
fn two_columns_are_read_column_by_column() {
    assert_eq!(lines_of("columns"), expected("columns"));
}

#[test]
fn identity_h_with_a_tounicode_map_reads_chinese() {
    assert_eq!(lines_of("cid-identity"), expected("cid-identity"));
}

#[test]
fn the_predefined_ucs2_cmap_reads_chinese_without_a_map() {
    assert_eq!(lines_of("cid-ucs2"), expected("cid-ucs2"));
}

#[test]
fn a_scanned_page_has_no_text_layer() {
    assert_eq!(
        extract(&read("scanned.pdf")).err().as_deref(),
        Some(NO_TEXT_LAYER)
    );
}

#[test]
fn lines_are_located_by_page_and_line_on_the_page() {
    let e = extract(&read("report.pdf")).expect("extracts");
    let place = |needle: &str| {
        let at = e
            .text
            .find(needle)
            .unwrap_or_else(|| panic!("{needle} not found"));
        e.places.place(&e.text, at).expect("placed")
    };
    let title = place("某市卫生健康委员会");
    assert_eq!((title.page, title.page_line), (Some(1), Some(1)));
    assert_eq!(title.text, "第1页第1行");
    // A paragraph that starts on page 1 and ends on page 2 is one line, each
    // part located on its own page.
    let table = e.text.find("表1").expect("table caption");
    let before = &e.text[..table - 1];
    let paragraph = before.rfind('\n').map_or(0, |i| i + 1);
    let start = e.places.place(&e.text, paragraph).expect("placed");
    let end = e.places.place(&e.text, before.len() - 1).expect("placed");
    assert_eq!((start.page, end.page), (Some(1), Some(2)), "{}", &e.text[paragraph..]);
    assert_eq!(place("基层医疗卫生机构\t857.9").page, Some(2));
    assert_eq!(e.pages, 3);
}

fn reportlint(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("reportlint").expect("binary");
    c.current_dir(dir).env("COLUMNS", "100");
    c
}

#[test]
fn a_scanned_pdf_is_an_error_with_exit_code_2() {
    let out = reportlint(&data(""))
        .args(["--isolated", "scanned.pdf", "cid-ucs2.pdf"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("scanned.pdf: 没有文本层，请先进行文字识别"),
        "{stderr}"
    );
}

#[test]
fn findings_in_a_pdf_name_page_and_line_in_every_format() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/numbering-duplicate");
    let out = reportlint(&dir)
        .args(["--isolated", "--format", "json", "bad.pdf"])
        .output()
        .expect("runs");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let f = json["findings"]
        .as_array()
        .and_then(|a| a.iter().find(|f| f["code"] == "RL101"))
        .expect("the duplicate is found");
    assert_eq!(f["location"]["page"], 2);
    assert!(f["location"]["page_line"].as_u64().is_some());
    assert_eq!(f["labels"][0]["location"]["page"], 1);
    let human = reportlint(&dir)
        .args(["--isolated", "--no-color", "bad.pdf"])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&human.stdout);
    assert!(text.contains("原文位置：第2页第"), "{text}");
    let sarif = reportlint(&dir)
        .args(["--isolated", "--format", "sarif", "bad.pdf"])
        .output()
        .expect("runs");
    let sarif: serde_json::Value = serde_json::from_slice(&sarif.stdout).expect("sarif");
    let loc = &sarif["runs"][0]["results"][0]["locations"][0];
    assert_eq!(loc["properties"]["reportlint/location"]["page"], 2);
}

#[test]
fn outline_numbers_and_tables_read_a_pdf() {
    let dir = data("");
    let run = |cmd: &str| {
        let out = reportlint(&dir)
            .args([cmd, "report.pdf"])
            .output()
            .expect("runs");
        assert!(out.status.success(), "{cmd}: {:?}", out);
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert!(run("outline").contains("（二） 公共卫生服务体系不断完善"));
    assert!(run("numbers").contains("1761.48"));
    let tables = run("tables");
    assert!(tables.contains("合计"), "{tables}");
}
