//! PDF reports as text for the Document model, read from the text layer: one
//! paragraph per line in reading order, a table one row per line with its cells
//! separated by tabs (as Word tables are written), running headers, footers and
//! page numbers left out. Every line of the text is mapped back to its page
//! and line on the page.
//!
//! What is read: the characters the content streams show (ToUnicode maps,
//! Identity-H and the predefined Chinese CMaps, simple fonts with their
//! encodings), placed on the page; then, page by page, baselines make lines
//! (`lines.rs`), lines repeated at the top or bottom of many pages and page
//! numbers are dropped (`furniture.rs`), runs of lines split by wide gaps into
//! aligned columns become tables, and a line that reaches the right edge of
//! the text continues on the next line when that one is not indented — across
//! a page break too (`assemble.rs`).
//!
//! Not read: text in images (a scanned page has no text layer: run OCR first),
//! vertical writing, annotations and form fields, and table cells wrapped over
//! two lines (each line is a row of its own).
//!
//! The file is untrusted: its size, every decoded stream, the operators run
//! and characters kept per page are limited, and a panic in the parser becomes
//! an error for this one file.

mod assemble;
mod cmap;
mod content;
mod font;
mod furniture;
mod lines;
mod load;
#[cfg(test)]
mod tests;

use super::location::SourceMap;

/// Largest PDF read.
const MAX_FILE_BYTES: usize = 256 << 20;
/// Largest text produced.
const MAX_TEXT_BYTES: usize = 64 << 20;

/// The message for a PDF without a text layer, in the interface language.
pub fn no_text_layer() -> String {
    crate::tr!("pdf.no-text-layer")
}

/// The text of a PDF and where each line of it is on the pages.
#[derive(Debug)]
pub struct Extracted {
    pub text: String,
    pub places: SourceMap,
    pub pages: usize,
}

/// Read a PDF's text layer.
pub fn extract(bytes: &[u8]) -> Result<Extracted, String> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(crate::tr!("pdf.too-large", mib = MAX_FILE_BYTES >> 20));
    }
    // The parser is not ours to vouch for: a panic in it on a crafted file is
    // an error for this file only.
    std::panic::catch_unwind(|| extract_unchecked(bytes))
        .unwrap_or_else(|_| Err(crate::tr!("pdf.damaged")))
}

fn extract_unchecked(bytes: &[u8]) -> Result<Extracted, String> {
    let doc = load::open(bytes)?;
    let pages = load::pages(&doc);
    if pages.is_empty() {
        return Err(crate::tr!("pdf.no-pages"));
    }
    let mut fonts = content::FontCache::new();
    let mut page_lines = Vec::with_capacity(pages.len());
    let mut kept = 0usize;
    for page in &pages {
        let data = load::page_content(&doc, page.id);
        let glyphs = content::page_glyphs(&doc, &mut fonts, &data, page.resources, page.bbox);
        kept += glyphs.len();
        if kept * 4 > MAX_TEXT_BYTES {
            return Err(crate::tr!("pdf.text-too-large", mib = MAX_TEXT_BYTES >> 20));
        }
        let [x0, y0, x1, y1] = page.bbox;
        page_lines.push(furniture::Page {
            lines: lines::page_lines(glyphs, x1 - x0, y1 - y0),
            height: y1 - y0,
        });
    }
    furniture::drop_running(&mut page_lines);
    let (text, places) = assemble::text(&page_lines);
    if text.trim().is_empty() {
        return Err(no_text_layer());
    }
    Ok(Extracted {
        text,
        places,
        pages: pages.len(),
    })
}
