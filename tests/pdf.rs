//! PDF input through the library and the binary. The files in tests/data/pdf/
//! are made by scripts/make-pdf-fixtures.py: `report.pdf` (LibreOffice, a
//! TrueType Chinese font, running header, page numbers "— N —", a superscript
//! footnote mark, a table, paragraphs over page breaks), `columns.pdf`
//! (LibreOffice, a CFF font, two columns under a full-width title),
//! `cid-identity.pdf` and `cid-ucs2.pdf` (written directly: a non-embedded
//! Type0 font with Identity-H and a ToUnicode map, or UniGB-UCS2-H without
//! one), `tables.pdf` (LibreOffice: letter-spaced row labels, a stub cell
//! spanning two header rows) and `scanned.pdf` (a page that is only a picture). Each
//! `<name>.expected.txt` holds the paragraphs and table rows the source had.

mod common;

use assert_cmd::Command;
use reportlint::input::pdf::{extract, no_text_layer};
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

/// Letter-spaced row labels (「#粮　　食」) are one cell and make no column, so
/// the long labels stay rows of the table; a stub cell spanning two header
/// rows, on a baseline of its own between them, does not cut the header line
/// above it from the table.
#[test]
fn letter_spaced_labels_and_row_spanning_stubs_keep_tables_whole() {
    assert_eq!(lines_of("tables"), expected("tables"));
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
        Some(no_text_layer().as_str())
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
    assert_eq!(
        reportlint::i18n::with(reportlint::i18n::Lang::Zh, || place("某市卫生健康委员会")
            .text),
        "第1页第1行"
    );
    // A paragraph that starts on page 1 and ends on page 2 is one line, each
    // part located on its own page.
    let table = e.text.find("表1").expect("table caption");
    let before = &e.text[..table - 1];
    let paragraph = before.rfind('\n').map_or(0, |i| i + 1);
    let start = e.places.place(&e.text, paragraph).expect("placed");
    let end = e.places.place(&e.text, before.len() - 1).expect("placed");
    assert_eq!(
        (start.page, end.page),
        (Some(1), Some(2)),
        "{}",
        &e.text[paragraph..]
    );
    assert_eq!(place("基层医疗卫生机构\t857.9").page, Some(2));
    assert_eq!(e.pages, 3);
}

fn reportlint(dir: &Path) -> Command {
    let mut c = common::reportlint();
    c.current_dir(dir).env("COLUMNS", "100");
    c
}

#[test]
fn a_scanned_pdf_is_an_error_with_exit_code_2() {
    for (lang, says) in [
        ("zh", "scanned.pdf: 没有文本层，请先进行文字识别"),
        ("en", "scanned.pdf: no text layer: run OCR first"),
    ] {
        let out = reportlint(&data(""))
            .args(["--lang", lang, "--isolated", "scanned.pdf", "cid-ucs2.pdf"])
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(says), "{stderr}");
    }
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
    for (lang, says) in [
        ("zh", "原文位置：第2页第"),
        ("en", "in the original: page 2, line "),
    ] {
        let human = reportlint(&dir)
            .args(["--lang", lang, "--isolated", "--no-color", "bad.pdf"])
            .output()
            .expect("runs");
        let text = String::from_utf8_lossy(&human.stdout);
        assert!(text.contains(says), "{text}");
    }
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

/// A PDF made of these object bodies (object n is `bodies[n - 1]`), object 1 the catalog.
fn pdf(bodies: &[Vec<u8>], trailer_extra: &str) -> Vec<u8> {
    let mut out = b"%PDF-1.5\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in bodies.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", bodies.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R {trailer_extra} >>\nstartxref\n{xref}\n%%EOF\n",
            bodies.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
    [
        format!("<< {dict} /Length {} >>\nstream\n", data.len()).as_bytes(),
        data,
        b"\nendstream",
    ]
    .concat()
}

const CATALOG: &str = "<< /Type /Catalog /Pages 2 0 R >>";
const PAGES: &str = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
const FONT: &str = "<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /UniGB-UCS2-H /DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /SimSun >>] >>";

fn page(content_ref: &str, resources: &str) -> Vec<u8> {
    format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources {resources} /Contents {content_ref} >>").into_bytes()
}

fn deflate(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    z.write_all(data).expect("in memory");
    z.finish().expect("in memory")
}

/// Glyphs placed one by one with a negative character spacing that each
/// position takes back (`-13.8 Tc` and `-1380` in `TJ`, as some statistical
/// bulletins are written) sit side by side: no gap opens between them.
#[test]
fn a_negative_character_spacing_taken_back_opens_no_gap() {
    let content = b"BT /F1 10 Tf 1 0 0 1 100 700 Tm -13.8 Tc [<0032> -1380 <0030> -1380 <0032> -1380 <0034>] TJ ET".to_vec();
    let file = pdf(
        &[
            CATALOG.into(),
            PAGES.into(),
            page("5 0 R", "<< /Font << /F1 4 0 R >> >>"),
            FONT.into(),
            stream("", &content),
        ],
        "",
    );
    assert_eq!(extract(&file).expect("reads").text, "2024\n");
}

#[test]
fn hostile_pdfs_are_errors_or_text_never_a_panic() {
    let ucs2 = b"BT /F1 12 Tf 72 700 Td <5E7467086E05> Tj ET".to_vec();
    let resources = "<< /Font << /F1 4 0 R >> >>";
    let good = pdf(
        &[
            CATALOG.into(),
            PAGES.into(),
            page("5 0 R", resources),
            FONT.into(),
            stream("", &ucs2),
        ],
        "",
    );
    assert!(extract(&good).expect("reads").text.starts_with("年月"));

    // A content stream that inflates past the stream limit: the page has no text.
    let bomb = deflate(&vec![b' '; 80 << 20]);
    let inflated = pdf(
        &[
            CATALOG.into(),
            PAGES.into(),
            page("5 0 R", resources),
            FONT.into(),
            stream("/Filter /FlateDecode", &bomb),
        ],
        "",
    );
    assert_eq!(
        extract(&inflated).err().as_deref(),
        Some(no_text_layer().as_str())
    );

    // An object stream that would inflate past the limit is not unpacked.
    let objstm = pdf(
        &[
            CATALOG.into(),
            PAGES.into(),
            page("5 0 R", resources),
            FONT.into(),
            stream("", &ucs2),
            stream("/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", &bomb),
        ],
        "",
    );
    assert!(extract(&objstm).is_ok());

    // A form that draws itself, and a page tree whose kid is its own parent.
    let form = stream(
        "/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /X 5 0 R >> /Font << /F1 4 0 R >> >>",
        b"/X Do BT /F1 12 Tf 72 700 Td <5E74> Tj ET",
    );
    let recursive = pdf(
        &[
            CATALOG.into(),
            PAGES.into(),
            page("6 0 R", "<< /XObject << /X 5 0 R >> >>"),
            FONT.into(),
            form,
            stream("", b"/X Do"),
        ],
        "",
    );
    let r = extract(&recursive).expect("text");
    assert!(r.text.contains('年'));
    let cycle = pdf(
        &[
            CATALOG.into(),
            b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>".to_vec(),
            page("5 0 R", resources),
            FONT.into(),
            stream("", &ucs2),
        ],
        "",
    );
    let _ = extract(&cycle);

    // Encrypted with a password that is not empty.
    let encrypted = pdf(
        &[
            CATALOG.into(),
            PAGES.into(),
            page("5 0 R", resources),
            FONT.into(),
            stream("", &ucs2),
            b"<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF> /U <00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF> >>".to_vec(),
        ],
        "/Encrypt 6 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]",
    );
    let e = extract(&encrypted).err().unwrap_or_default();
    assert!(e.contains("password") || e.contains("PDF"), "{e}");

    // Every prefix of a real file, and garbage.
    let real = read("report.pdf");
    for cut in (0..real.len()).step_by(real.len() / 40 + 1) {
        if let Err(e) = extract(&real[..cut]) {
            assert!(!e.contains('\n'), "{e}");
        }
    }
    for junk in [
        &b"%PDF-"[..],
        b"",
        b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 1 0 R >> endobj",
    ] {
        assert!(extract(junk).is_err());
    }
}
