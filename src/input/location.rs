//! Where a finding is in the file as its reader sees it. Extracted text has
//! lines a PDF viewer or Word does not show; an input format that knows better
//! records, for each stretch of its extracted text, the page and line on the
//! page (PDF) or the section, paragraph and table cell (Word). Renderers ask
//! [`SourceMap::place`] and print the answer beside the extracted line.

use serde::Serialize;

/// What the reader of the original file sees at a place.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Place {
    /// 1-based page (PDF).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// 1-based line on the page, counting body lines from the top (PDF).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page_line: Option<u32>,
    /// The heading of the section the paragraph is in (Word).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// 1-based paragraph within that section, the heading being 0 (Word).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<u32>,
    /// The paragraph's own number as shown ("2.", "（三）") (Word).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// 1-based table, row and column of a table cell (Word).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u32>,
    /// The place in words, in the interface language: 第3页第12行, 表2
    /// 第4行第3列, 「（三）加强…」一节第2段 (page 3, line 12, …).
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Origin {
    PageLine {
        page: u32,
        line: u32,
    },
    Paragraph {
        /// Index into `headings`.
        section: Option<u32>,
        ordinal: u32,
        number: Option<Box<str>>,
    },
    /// A table row written as one line of tab-separated cells.
    TableRow {
        table: u32,
        row: u32,
    },
}

/// Places of the extracted text: each entry holds from its byte offset to the next.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceMap {
    entries: Vec<(usize, Origin)>,
    headings: Vec<String>,
    /// Word: paragraphs since the last heading, and data tables so far.
    ordinal: u32,
    tables: u32,
}

/// Characters of a heading quoted in a place.
const HEADING_CHARS: usize = 12;

impl SourceMap {
    /// The text from `offset` on is line `line` of page `page`.
    pub fn page_line(&mut self, offset: usize, page: u32, line: u32) {
        self.entries.push((offset, Origin::PageLine { page, line }));
    }

    /// A Word paragraph starts at `offset`; a short numbered one is a heading
    /// that the following paragraphs are under.
    pub fn paragraph(&mut self, offset: usize, text: &str) {
        use crate::document::markers::{parse_block, Family};
        let text = text.trim_matches(crate::document::paragraphs::is_blank);
        let block = parse_block(text);
        let number = block
            .as_ref()
            .map(|(.., len)| text[..*len].trim_end().to_owned());
        // Section levels (第一章, 一、, （一）, 1.); ①, （1） and the like number items in a section.
        let level = block.as_ref().is_some_and(|(f, ..)| {
            matches!(
                f,
                Family::Chapter(_) | Family::CnComma | Family::CnParen | Family::Arabic
            )
        });
        let heading = level
            && text.chars().count() <= 40
            && !text.ends_with(crate::document::paragraphs::is_sentence_end);
        if heading {
            self.headings.push(quote(text));
            self.ordinal = 0;
        } else if !text.is_empty() {
            self.ordinal += 1;
        }
        let section = self.headings.len().checked_sub(1).map(|i| i as u32);
        self.entries.push((
            offset,
            Origin::Paragraph {
                section,
                ordinal: self.ordinal,
                number: number.filter(|_| !heading).map(String::into_boxed_str),
            },
        ));
    }

    /// A new data table starts; its rows are then recorded with [`Self::table_row`].
    pub fn next_table(&mut self) -> u32 {
        self.tables += 1;
        self.tables
    }

    pub fn table_row(&mut self, offset: usize, table: u32, row: u32) {
        self.entries.push((offset, Origin::TableRow { table, row }));
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The place of byte `offset` of `text` (the extracted text the map was made for).
    pub fn place(&self, text: &str, offset: usize) -> Option<Place> {
        let k = self.entries.partition_point(|(o, _)| *o <= offset);
        let (start, origin) = self.entries.get(k.checked_sub(1)?)?;
        Some(match origin {
            Origin::PageLine { page, line } => Place {
                page: Some(*page),
                page_line: Some(*line),
                text: crate::tr!("location.page-line", page = page, line = line),
                ..Place::default()
            },
            Origin::TableRow { table, row } => {
                // Cells are tab-separated: the column is one more than the tabs before.
                let before = text.get(*start..offset.min(text.len())).unwrap_or("");
                let column = before.matches('\t').count() as u32 + 1;
                Place {
                    table: Some(*table),
                    row: Some(*row),
                    column: Some(column),
                    text: crate::tr!(
                        "location.table-cell",
                        table = table,
                        row = row,
                        column = column
                    ),
                    ..Place::default()
                }
            }
            Origin::Paragraph {
                section,
                ordinal,
                number,
            } => {
                let heading = section.and_then(|i| self.headings.get(i as usize));
                let mut words = match heading {
                    Some(h) if *ordinal == 0 => crate::tr!("location.heading", heading = h),
                    Some(h) => crate::tr!("location.in-section", heading = h, ordinal = ordinal),
                    None => crate::tr!("location.in-body", ordinal = ordinal),
                };
                if let Some(n) = number {
                    words.push_str(&crate::tr!("location.numbered", number = n));
                }
                Place {
                    section: heading.cloned(),
                    paragraph: Some(*ordinal),
                    number: number.as_deref().map(str::to_owned),
                    text: words,
                    ..Place::default()
                }
            }
        })
    }
}

/// A heading shortened for quoting.
fn quote(text: &str) -> String {
    match text.char_indices().nth(HEADING_CHARS) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{with, Lang};

    #[test]
    fn pdf_lines_are_found_by_offset() {
        let mut m = SourceMap::default();
        m.page_line(0, 1, 1);
        m.page_line(10, 1, 2);
        m.page_line(25, 2, 1);
        let text = "x".repeat(40);
        let words = |lang| with(lang, || m.place(&text, 12).map(|p| p.text));
        assert_eq!(words(Lang::Zh).as_deref(), Some("第1页第2行"));
        assert_eq!(words(Lang::En).as_deref(), Some("page 1, line 2"));
        assert_eq!(m.place(&text, 25).and_then(|p| p.page), Some(2));
    }

    #[test]
    fn word_paragraphs_are_named_by_their_section() {
        let text = "前言。\n（三）加强医疗卫生服务体系建设\n第一段。\n2.第二段内容。\n";
        let mut m = SourceMap::default();
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            m.paragraph(at, line);
            at += line.len();
        }
        let place = |s: &str| {
            with(Lang::Zh, || {
                m.place(text, text.find(s).unwrap_or(0)).map(|p| p.text)
            })
        };
        assert_eq!(place("前言").as_deref(), Some("正文第1段"));
        assert_eq!(
            place("（三）").as_deref(),
            Some("标题「（三）加强医疗卫生服务体…」")
        );
        assert_eq!(
            place("第二段").as_deref(),
            Some("「（三）加强医疗卫生服务体…」一节第2段（编号「2.」）")
        );
        let english = with(Lang::En, || m.place(text, text.find("第二段").unwrap_or(0)));
        assert_eq!(
            english.map(|p| p.text).as_deref(),
            Some("paragraph 2 under 「（三）加强医疗卫生服务体…」 (numbered 「2.」)")
        );
    }

    #[test]
    fn table_cells_count_tabs() {
        let text = "甲\t乙\t丙\n";
        let mut m = SourceMap::default();
        let t = m.next_table();
        m.table_row(0, t, 4);
        let p = with(Lang::Zh, || m.place(text, text.find('丙').unwrap_or(0)));
        assert_eq!(p.map(|p| p.text).as_deref(), Some("表1 第4行第3列"));
    }
}
