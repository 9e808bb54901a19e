//! Input formats: what text a file gives the Document model.
//!
//! Plain text is decoded as is. Markdown keeps its bytes but blanks what is not
//! prose (code, link targets, HTML, list bullets) so no lint sees it. Word files
//! are unpacked into one paragraph per line, PDF files read from their text
//! layer the same way. Word and PDF files also say where each line is in the
//! original ([`location::SourceMap`]: page and line, section, table cell).

pub mod docx;
pub mod location;
pub mod markdown;
pub mod pdf;

use crate::decode::{self, Decoded, Skip};
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    /// Word: one paragraph per line, a table row per line with its cells
    /// separated by tabs, automatic numbering rendered as text.
    Docx,
    /// PDF: the text layer, one paragraph per line, tables as for Word.
    Pdf,
    /// A table file: every line a row of comma-separated cells.
    Csv,
    /// A table file: every line a row of tab-separated cells.
    Tsv,
}

impl Format {
    /// A binary container (Word, PDF) that its own reader parses: its bytes are
    /// never judged as text.
    pub fn is_container(self) -> bool {
        matches!(self, Format::Docx | Format::Pdf)
    }

    /// How a table file separates its cells; `None` for reports.
    pub fn delimited(self) -> Option<crate::document::Delimited> {
        match self {
            Format::Csv => Some(crate::document::Delimited::Comma),
            Format::Tsv => Some(crate::document::Delimited::Tab),
            _ => None,
        }
    }
}

/// Why a file gives no text to lint. Either way the file is reported and the
/// exit code is 2: a report that was not checked is never passed over in silence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Not text: a binary file.
    Skipped(String),
    /// The file cannot be read as a report.
    Unreadable(String),
}

impl Problem {
    pub fn message(&self) -> &str {
        match self {
            Problem::Skipped(why) | Problem::Unreadable(why) => why,
        }
    }
}

/// Whether reportlint reads a kind of file. The one place that knows which
/// document formats are read and which are known but not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Support {
    Read(Format),
    /// A document format reports come in that is not read (the reason says what to do).
    Unsupported(String),
}

/// What reportlint does with a file, by its name.
pub fn support(path: &Path) -> Support {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let why = match ext.as_deref() {
        Some("doc" | "dot") => crate::tr!("input.doc"),
        Some("wps" | "wpt") => crate::tr!("input.wps"),
        Some("rtf") => crate::tr!("input.rtf"),
        Some("odt") => crate::tr!("input.odt"),
        Some("ofd") => crate::tr!("input.ofd"),
        _ => return Support::Read(format_of(path)),
    };
    Support::Unsupported(why)
}

pub fn format_of(path: &Path) -> Format {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("md" | "markdown") => Format::Markdown,
        Some("docx") => Format::Docx,
        Some("pdf") => Format::Pdf,
        Some("csv") => Format::Csv,
        Some("tsv" | "tab") => Format::Tsv,
        _ => Format::Text,
    }
}

/// The text to lint, and the original when it differs (Markdown masks prose-free parts).
pub struct Prepared {
    pub decoded: Decoded,
    pub format: Format,
    /// The unmasked text, for display and `--fix`, when masking changed anything.
    pub original: Option<String>,
}

/// In plain text a suppression comment is a line of its own: lints should not
/// read it as prose.
/// None when there is no such line: a large file is then not copied.
fn blank_directive_lines(text: &str) -> Option<String> {
    if !text.contains("reportlint-") {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        if line.trim_start().starts_with("reportlint-") {
            let body = line.trim_end_matches(['\n', '\r']);
            out.extend(std::iter::repeat_n(' ', body.len()));
            out.push_str(&line[body.len()..]);
        } else {
            out.push_str(line);
        }
    }
    Some(out)
}

pub fn prepare(path: &Path, bytes: &[u8], encoding: Option<&str>) -> Result<Prepared, Problem> {
    let format = match support(path) {
        Support::Read(f) => f,
        Support::Unsupported(why) => return Err(Problem::Unreadable(why)),
    };
    // An OLE compound file (.doc, .wps, .xls) renamed to .txt or .docx.
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(Problem::Unreadable(crate::tr!("input.ole")));
    }
    if format.is_container() {
        let (text, places) = if format == Format::Pdf {
            pdf::extract(bytes).map(|e| (e.text, e.places))
        } else {
            docx::extract_with_places(bytes)
        }
        .map_err(Problem::Unreadable)?;
        let decoded = Decoded {
            text,
            encoding: encoding_rs::UTF_8,
            bom: false,
            malformed: 0,
            first_malformed: None,
            places: Some(places).filter(|p| !p.is_empty()),
        };
        return Ok(Prepared {
            decoded,
            format,
            original: None,
        });
    }
    let mut decoded = match encoding {
        Some(label) => decode::decode_with(bytes, label).ok_or_else(|| {
            Problem::Unreadable(crate::tr!("input.unknown-encoding", encoding = label))
        })?,
        None => match decode::decode(bytes) {
            Ok(d) => d,
            Err(Skip::Binary) => return Err(Problem::Skipped(crate::tr!("input.binary"))),
        },
    };
    let masked = match format {
        Format::Markdown => Some(markdown::mask(&decoded.text)),
        Format::Text | Format::Docx | Format::Pdf | Format::Csv | Format::Tsv => {
            blank_directive_lines(&decoded.text)
        }
    };
    let mut original = None;
    if let Some(masked) = masked.filter(|m| *m != decoded.text) {
        original = Some(std::mem::replace(&mut decoded.text, masked));
    }
    Ok(Prepared {
        decoded,
        format,
        original,
    })
}
