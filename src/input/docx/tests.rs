//! Packages built at test time with the zip crate: a minimal valid .docx is
//! [Content_Types].xml, _rels/.rels, word/document.xml and, when used,
//! word/_rels/document.xml.rels with word/styles.xml and word/numbering.xml.

use super::extract;
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

fn options() -> SimpleFileOptions {
    SimpleFileOptions::default().compression_method(CompressionMethod::Deflated)
}

/// A package; `body` is the content of `w:body`, `numbering` the content of
/// `w:numbering`, `styles` the content of `w:styles`.
pub(super) fn package(body: &str, numbering: Option<&str>, styles: Option<&str>) -> Vec<u8> {
    package_with(options(), body, numbering, styles)
}

fn package_with(
    options: SimpleFileOptions,
    body: &str,
    numbering: Option<&str>,
    styles: Option<&str>,
) -> Vec<u8> {
    let mut parts: Vec<(String, String)> = Vec::new();
    let mut overrides = String::from(
        r#"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#,
    );
    let mut rels = String::new();
    if let Some(s) = styles {
        overrides.push_str(r#"<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>"#);
        rels.push_str(&format!(
            r#"<Relationship Id="rId1" Type="{REL}/styles" Target="styles.xml"/>"#
        ));
        parts.push((
            "word/styles.xml".into(),
            format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{W}">{s}</w:styles>"#),
        ));
    }
    if let Some(n) = numbering {
        overrides.push_str(r#"<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>"#);
        rels.push_str(&format!(
            r#"<Relationship Id="rId2" Type="{REL}/numbering" Target="numbering.xml"/>"#
        ));
        parts.push((
            "word/numbering.xml".into(),
            format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{W}">{n}</w:numbering>"#),
        ));
    }
    let mut head = vec![
        (
            "[Content_Types].xml".to_owned(),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>{overrides}</Types>"#
            ),
        ),
        (
            "_rels/.rels".to_owned(),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/></Relationships>"#
            ),
        ),
        (
            "word/document.xml".to_owned(),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"><w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>"#
            ),
        ),
        (
            "word/_rels/document.xml.rels".to_owned(),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>"#
            ),
        ),
    ];
    head.extend(parts);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, text) in head {
        zip.start_file(name, options).expect("zip entry");
        zip.write_all(text.as_bytes()).expect("zip write");
    }
    zip.finish().expect("zip finish").into_inner()
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;")
}

/// A plain paragraph.
pub(super) fn p(text: &str) -> String {
    format!(
        r#"<w:p><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
        esc(text)
    )
}

/// A paragraph numbered with list `num` at level `ilvl`.
pub(super) fn np(num: u32, ilvl: u32, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr><w:r><w:t>{}</w:t></w:r></w:p>"#,
        esc(text)
    )
}

/// A paragraph in style `style`.
pub(super) fn sp(style: &str, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{}</w:t></w:r></w:p>"#,
        esc(text)
    )
}

/// An abstract list; each level is (numFmt, lvlText, extra level XML).
pub(super) fn abstract_num(id: u32, levels: &[(&str, &str, &str)]) -> String {
    let mut s =
        format!(r#"<w:abstractNum w:abstractNumId="{id}"><w:multiLevelType w:val="multilevel"/>"#);
    for (i, (fmt, text, extra)) in levels.iter().enumerate() {
        s.push_str(&format!(
            r#"<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{extra}<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl>"#
        ));
    }
    s + "</w:abstractNum>"
}

/// A list instance of abstract `abs`, with (level, start) overrides.
pub(super) fn num(id: u32, abs: u32, starts: &[(u32, i64)]) -> String {
    let mut s = format!(r#"<w:num w:numId="{id}"><w:abstractNumId w:val="{abs}"/>"#);
    for (l, v) in starts {
        s.push_str(&format!(
            r#"<w:lvlOverride w:ilvl="{l}"><w:startOverride w:val="{v}"/></w:lvlOverride>"#
        ));
    }
    s + "</w:num>"
}

/// The two-level Chinese list used by most reports: 一、 with （一） under it.
pub(super) fn report_list() -> String {
    abstract_num(
        0,
        &[
            ("chineseCounting", "%1、", r#"<w:suff w:val="nothing"/>"#),
            ("chineseCounting", "（%2）", r#"<w:suff w:val="nothing"/>"#),
            ("decimal", "%3.", ""),
        ],
    )
}

/// A report whose automatic numbering restarts a list, so that 二、 prints twice.
pub(super) fn restarted_list() -> Vec<u8> {
    let body = [
        p("关于2024年度工作情况的报告"),
        np(1, 0, "总体情况"),
        np(1, 1, "重点任务推进有力。"),
        np(1, 1, "基础工作持续加强。"),
        np(1, 0, "存在的问题"),
        np(1, 1, "部分指标进度滞后。"),
        np(2, 0, "下一步工作安排"),
        np(2, 1, "抓好项目落地。"),
    ]
    .concat();
    let numbering = report_list() + &num(1, 0, &[]) + &num(2, 0, &[(0, 2)]);
    package(&body, Some(&numbering), None)
}

fn lines(bytes: &[u8]) -> Vec<String> {
    extract(bytes)
        .expect("extracts")
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn plain_paragraphs_one_per_line() {
    let body = [
        p("第一段。"),
        "<w:p/>".to_owned(),
        r#"<w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t><w:cr/><w:t>丁 &amp; 戊&#x4E00;</w:t></w:r></w:p>"#.to_owned(),
        p("最后一段"),
    ]
    .concat();
    assert_eq!(
        lines(&package(&body, None, None)),
        ["第一段。", "", "甲\t乙 丙 丁 & 戊一", "最后一段"]
    );
}

#[test]
fn two_level_numbering_with_a_restart_prints_the_duplicate() {
    assert_eq!(
        lines(&restarted_list()),
        [
            "关于2024年度工作情况的报告",
            "一、总体情况",
            "（一）重点任务推进有力。",
            "（二）基础工作持续加强。",
            "二、存在的问题",
            "（一）部分指标进度滞后。",
            "二、下一步工作安排",
            "（一）抓好项目落地。",
        ]
    );
}

#[test]
fn lists_sharing_an_abstract_continue_and_deeper_levels_restart() {
    let numbering = report_list() + &num(1, 0, &[]) + &num(3, 0, &[]);
    let body = [
        np(1, 0, "甲"),
        np(1, 2, "a"),
        np(1, 2, "b"),
        np(3, 0, "乙"),
        np(3, 2, "c"),
        np(1, 1, "丙"),
    ]
    .concat();
    assert_eq!(
        lines(&package(&body, Some(&numbering), None)),
        ["一、甲", "1. a", "2. b", "二、乙", "1. c", "（一）丙"]
    );
}

#[test]
fn numbering_inherited_from_styles() {
    let numbering = abstract_num(
        4,
        &[
            ("chineseCounting", "第%1章", ""),
            (
                "decimal",
                "%1.%2",
                r#"<w:pStyle w:val="Heading2"/><w:isLgl/>"#,
            ),
            (
                "decimal",
                "%1.%2.%3",
                r#"<w:pStyle w:val="Heading3"/><w:isLgl/>"#,
            ),
        ],
    ) + &num(5, 4, &[]);
    let styles = r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="5"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="ChapterTitle"><w:name w:val="Chapter Title"/><w:basedOn w:val="Heading1"/><w:pPr><w:jc w:val="center"/><w:pPrChange w:id="1"><w:pPr><w:numPr><w:numId w:val="9"/></w:numPr></w:pPr></w:pPrChange></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:ilvl w:val="0"/></w:numPr></w:pPr></w:style>"#;
    let body = [
        sp("ChapterTitle", "总则"),
        sp("Heading2", "目的"),
        sp("Heading2", "范围"),
        r#"<w:p><w:pPr><w:pStyle w:val="Heading2"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>不编号</w:t></w:r></w:p>"#.to_owned(),
        sp("Heading1", "职责"),
        sp("Heading2", "分工"),
        sp("Heading3", "细则"),
        r#"<w:p><w:pPr><w:pStyle w:val="Heading2"/><w:numPr><w:ilvl w:val="0"/></w:numPr></w:pPr><w:r><w:t>附则</w:t></w:r></w:p>"#.to_owned(),
        p("正文"),
    ]
    .concat();
    assert_eq!(
        lines(&package(&body, Some(&numbering), Some(styles))),
        [
            "第一章 总则",
            "1.1 目的",
            "1.2 范围",
            "不编号",
            "第二章 职责",
            "2.1 分工",
            "2.1.1 细则",
            "第三章 附则",
            "正文"
        ]
    );
}

#[test]
fn a_table_holding_a_table_is_layout_written_paragraph_by_paragraph() {
    let cell = |ps: &[String]| format!("<w:tc><w:tcPr/>{}</w:tc>", ps.concat());
    let row = |cells: &[String]| format!("<w:tr>{}</w:tr>", cells.concat());
    let inner = format!(
        "<w:tbl>{}</w:tbl>",
        row(&[cell(&[p("内1")]), cell(&[p("内2")])])
    );
    let table = format!(
        "<w:tbl><w:tblPr/>{}{}</w:tbl>",
        row(&[cell(&[p("项目")]), cell(&[p("金额"), p("（万元）")])]),
        row(&[cell(&[p("合计"), inner]), cell(&[p("100")])]),
    );
    let body = [p("前"), table, p("后")].concat();
    assert_eq!(
        lines(&package(&body, None, None)),
        [
            "前",
            "项目",
            "金额",
            "（万元）",
            "合计",
            "内1\t内2",
            "100",
            "后"
        ]
    );
}

#[test]
fn a_data_table_is_one_line_per_row_in_grid_columns() {
    let cell = |props: &str, ps: &[String]| {
        format!("<w:tc><w:tcPr>{props}</w:tcPr>{}</w:tc>", ps.concat())
    };
    let row = |props: &str, cells: &[String]| {
        format!("<w:tr><w:trPr>{props}</w:trPr>{}</w:tr>", cells.concat())
    };
    let table = format!(
        "<w:tbl>{}{}{}</w:tbl>",
        row(
            "",
            &[
                cell(r#"<w:vMerge w:val="restart"/>"#, &[p("地区")]),
                cell(r#"<w:gridSpan w:val="2"/>"#, &[p("资金"), p("（万元）")]),
            ]
        ),
        row(
            "",
            &[
                cell("<w:vMerge/>", &[p("")]),
                cell("", &[p("中央")]),
                cell("", &[p("省\t级")])
            ]
        ),
        row(
            r#"<w:gridBefore w:val="1"/>"#,
            &[cell("", &[p("100")]), cell("", &[p("50")])]
        ),
    );
    let body = [p("前"), table, p("后")].concat();
    assert_eq!(
        lines(&package(&body, None, None)),
        [
            "前",
            "地区\t资金 （万元）\t",
            "\t中央\t省 级",
            "\t100\t50",
            "后"
        ]
    );
}

#[test]
fn tracked_changes_show_the_accepted_text() {
    let body = [
        r#"<w:p><w:r><w:t>完成</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>了</w:delText></w:r></w:del><w:ins w:id="2" w:author="a"><w:r><w:t>全部</w:t></w:r></w:ins><w:moveFrom w:id="3"><w:r><w:t>旧位置</w:t></w:r></w:moveFrom><w:r><w:t>任务</w:t></w:r></w:p>"#.to_owned(),
        np(1, 0, "保留"),
        // A numbered paragraph deleted whole, its mark included: no number is used.
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:rPr><w:del w:id="4" w:author="a"/></w:rPr></w:pPr><w:del w:id="5" w:author="a"><w:r><w:delText>删去</w:delText></w:r></w:del></w:p>"#.to_owned(),
        np(1, 0, "接着"),
        // A deleted mark alone joins two paragraphs.
        r#"<w:p><w:pPr><w:rPr><w:del w:id="6" w:author="a"/></w:rPr></w:pPr><w:r><w:t>前半</w:t></w:r></w:p>"#.to_owned(),
        p("后半"),
    ]
    .concat();
    let numbering = report_list() + &num(1, 0, &[]);
    assert_eq!(
        lines(&package(&body, Some(&numbering), None)),
        ["完成全部任务", "一、保留", "二、接着", "前半后半"]
    );
}

#[test]
fn fields_show_their_result_and_hidden_text_is_left_out() {
    let body = [
        r#"<w:p><w:r><w:t>第</w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>3</w:t></w:r></w:fldSimple><w:r><w:t>页</w:t></w:r></w:p>"#,
        r#"<w:p><w:r><w:t>今天是</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE \@ "yyyy年" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2024年</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#,
        r#"<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>可见</w:t></w:r><w:r><w:sym w:font="Wingdings" w:char="F0FC"/><w:sym w:font="SimSun" w:char="2460"/></w:r></w:p>"#,
        r#"<w:p><w:r><w:t>正文</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"#,
        r#"<w:p><m:oMath><m:r><m:t>x=1</m:t></m:r></m:oMath></w:p>"#,
        r#"<w:p><w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>zhōng</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>中</w:t></w:r></w:rubyBase></w:ruby></w:r></w:p>"#,
    ]
    .concat();
    assert_eq!(
        lines(&package(&body, None, None)),
        [
            "第3页",
            "今天是2024年",
            "可见①",
            "正文",
            "文本框",
            "x=1",
            "中"
        ]
    );
}

#[test]
fn numbering_formats_suffixes_and_overrides() {
    let numbering = abstract_num(
        7,
        &[
            ("decimalEnclosedCircle", "%1", ""),
            ("ideographTraditional", "%2、", ""),
            ("upperRoman", "%3.", r#"<w:suff w:val="space"/>"#),
            ("bullet", "\u{F0B7}", ""),
            ("decimalZero", "%5", r#"<w:suff w:val="nothing"/>"#),
            ("none", "", ""),
        ],
    ) + &num(8, 7, &[(2, 4)])
        + r#"<w:num w:numId="9"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimalEnclosedParen"/><w:lvlText w:val="%1"/></w:lvl></w:lvlOverride></w:num>"#;
    let body = [
        np(8, 0, "圈"),
        np(8, 1, "甲"),
        np(8, 1, "乙"),
        np(8, 2, "IV"),
        np(8, 3, "点"),
        np(8, 4, "零"),
        np(8, 5, "无"),
        np(9, 0, "括"),
        np(42, 0, "无定义"),
    ]
    .concat();
    assert_eq!(
        lines(&package(&body, Some(&numbering), None)),
        [
            "①圈",
            "甲、甲",
            "乙、乙",
            "IV. IV",
            "• 点",
            "01零",
            "无",
            "⑶括",
            "无定义"
        ]
    );
}

#[test]
fn not_a_docx_gives_a_one_line_reason() {
    let err = |b: &[u8]| extract(b).expect_err("must fail");
    assert!(err(b"plain text").contains("not a zip archive"));
    assert!(err(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]).contains(".doc"));
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    zip.start_file("xl/workbook.xml", options()).expect("entry");
    zip.write_all(b"<workbook/>").expect("write");
    let xlsx = zip.finish().expect("finish").into_inner();
    assert!(
        err(&xlsx).contains("no word/document.xml"),
        "{}",
        err(&xlsx)
    );
    let broken = package("<w:p><w:r><w:t>未闭合</w:r></w:p>", None, None);
    assert!(
        err(&broken).contains("not well-formed XML"),
        "{}",
        err(&broken)
    );
    for e in [err(b"plain text"), err(&xlsx), err(&broken)] {
        assert!(!e.contains('\n'), "{e}");
    }
}

/// Found by the docx fuzzer: quick-xml quotes a mismatched end tag whole, so
/// the file's own line breaks (and any length of its text) reached the message.
#[test]
fn an_error_quoting_the_file_stays_one_short_line() {
    let tail = format!("</w:tc\n{}\r\n\t{}", "x".repeat(5000), "\u{7}");
    let broken = package(
        &format!("<w:p><w:r><w:t>甲</w:t></w:r></w:p><w:tc>{tail}"),
        None,
        None,
    );
    let e = extract(&broken).expect_err("must fail");
    assert!(e.contains("not well-formed XML"), "{e}");
    assert!(!e.contains(['\n', '\r', '\t', '\u{7}']), "{e:?}");
    assert!(
        e.chars().count() <= super::MAX_ERROR_CHARS + 1,
        "{}",
        e.len()
    );
    assert!(e.ends_with('…'), "{e}");
}

#[test]
fn truncated_and_garbled_archives_fail_cleanly() {
    let good = restarted_list();
    for cut in (0..good.len()).step_by(7) {
        let r = extract(&good[..cut]);
        assert!(r.is_err(), "cut at {cut} of {}", good.len());
    }
    // Deterministic byte flips: any result is fine, a panic is not. Stored
    // (uncompressed) entries let the flips reach the XML readers too.
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    let styles = r#"<w:style w:type="paragraph" w:styleId="H"><w:basedOn w:val="H"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>"#;
    let body = [np(1, 0, "甲"), sp("H", "乙"), np(2, 1, "丙"), p("丁")].concat()
        + r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:fldChar w:fldCharType="begin"/><w:instrText>X</w:instrText><w:fldChar w:fldCharType="separate"/><w:t>戊</w:t><w:fldChar w:fldCharType="end"/></w:r></w:p></w:tc></w:tr></w:tbl>"#;
    let numbering = report_list() + &num(1, 0, &[]) + &num(2, 0, &[(1, 5)]);
    let plain = package_with(stored, &body, Some(&numbering), Some(styles));
    assert_eq!(lines(&plain), ["一、甲", "二、乙", "（五）丙", "丁", "戊"]);
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    for round in 0..4000 {
        let mut bad = if round % 2 == 0 {
            good.clone()
        } else {
            plain.clone()
        };
        for _ in 0..3 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let i = (seed % bad.len() as u64) as usize;
            bad[i] = (seed >> 32) as u8;
        }
        let _ = extract(&bad);
    }
}

#[test]
fn zip_bomb_stops_at_the_part_limit() {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    zip.start_file("word/document.xml", options())
        .expect("entry");
    zip.write_all(format!(r#"<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>"#).as_bytes())
        .expect("write");
    let chunk = vec![b'a'; 1 << 20];
    for _ in 0..80 {
        zip.write_all(&chunk).expect("write");
    }
    zip.write_all(b"</w:t></w:r></w:p></w:body></w:document>")
        .expect("write");
    let bomb = zip.finish().expect("finish").into_inner();
    assert!(bomb.len() < 1 << 20, "the bomb is small: {}", bomb.len());
    let e = extract(&bomb).expect_err("must fail");
    assert_eq!(e, "word/document.xml is larger than the 64 MiB limit");
}

#[test]
fn too_many_entries() {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    for i in 0..=super::MAX_ENTRIES {
        zip.start_file(format!("f{i}"), stored).expect("entry");
    }
    let many = zip.finish().expect("finish").into_inner();
    assert!(extract(&many).expect_err("fails").contains("entries"));
}

#[test]
fn output_limit() {
    let doc = format!(
        r#"<w:document xmlns:w="{W}"><w:body>{}</w:body></w:document>"#,
        p("一二三四五六七八九十").repeat(100)
    );
    let defs = super::numbering::Definitions::default();
    let styles = super::numbering::Styles::default();
    let read = |limit| {
        let counters = super::numbering::Counters::new(&defs, &styles);
        super::body::read(
            "word/document.xml",
            doc.as_bytes(),
            1 << 20,
            limit,
            counters,
        )
    };
    assert!(read(1 << 20).is_ok());
    assert!(read(1000).expect_err("too long").contains("text is larger"));
    let deep = format!(
        r#"<w:document xmlns:w="{W}"><w:body>{}{}</w:body></w:document>"#,
        "<w:tbl><w:tr><w:tc>".repeat(100),
        "</w:tc></w:tr></w:tbl>".repeat(100)
    );
    let counters = super::numbering::Counters::new(&defs, &styles);
    let r = super::body::read(
        "word/document.xml",
        deep.as_bytes(),
        1 << 20,
        1 << 20,
        counters,
    );
    assert!(r.expect_err("too deep").contains("nested"));
}

#[test]
fn a_level_text_of_megabytes_is_not_expanded_for_every_paragraph() {
    let numbering = abstract_num(0, &[("decimal", &"%1".repeat(200_000), "")]) + &num(1, 0, &[]);
    let body: String = (0..40).map(|i| np(1, 0, &format!("第{i}段"))).collect();
    let text = extract(&package(&body, Some(&numbering), None)).expect("extracts");
    assert!(text.len() < 10_000, "{} bytes of markers", text.len());
    assert!(text.contains("第39段"));
}
