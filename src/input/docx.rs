//! Word `.docx` reports as plain text for the Document model: one paragraph per
//! line in reading order (so a finding's line is the paragraph's number), a data
//! table one row per line with tab-separated cells in their grid columns (see
//! `table.rs`), and Word's automatic numbering written out as the reader sees it
//! ("一、", "（二）", "1.2"), so numbering lints check what is printed.
//!
//! Left out: headers, footers, footnotes, endnotes and comments; text hidden by
//! a style rather than by the run itself; embedded documents (`w:altChunk`)
//! and charts. Tracked changes read as accepted.
//!
//! The package is untrusted input: the entry count, each XML part's
//! uncompressed size (counted while inflating, never taken from the header) and
//! the output size are limited, and every failure is a one-line reason.

mod body;
mod format;
mod numbering;
mod table;
#[cfg(test)]
mod tests;
mod xml;

use super::location::SourceMap;
use std::io::{Cursor, Read, Seek};
use xml::{walk, Item, Ns};
use zip::ZipArchive;

/// Most entries a package may list; Word writes a few dozen.
const MAX_ENTRIES: usize = 10_000;
/// Largest uncompressed XML part read.
const MAX_PART_BYTES: u64 = 64 << 20;
/// Largest text produced.
const MAX_TEXT_BYTES: usize = 64 << 20;

const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
const REL_DOCUMENT: &str = "/officeDocument";
const REL_NUMBERING: &str = "/numbering";
const REL_STYLES: &str = "/styles";

/// The text of a `.docx` file, one paragraph per line.
pub fn extract(bytes: &[u8]) -> Result<String, String> {
    extract_with_places(bytes).map(|(text, _)| text)
}

/// The text of a `.docx` file, and the section, paragraph or table cell of each line.
pub fn extract_with_places(bytes: &[u8]) -> Result<(String, SourceMap), String> {
    // The zip reader is not ours to vouch for: a panic deep in it on some
    // crafted archive still becomes an error for this one file.
    std::panic::catch_unwind(|| extract_unchecked(bytes))
        .unwrap_or_else(|_| Err(crate::tr!("docx.damaged-structure")))
        .map_err(|e| one_line(&e))
}

/// Longest error message, in characters: the XML parser quotes the file's own
/// text (a mismatched end tag can be the rest of the part).
const MAX_ERROR_CHARS: usize = 200;

/// `message` on one short line: the parser's and zip reader's messages quote
/// the file, which may hold line breaks and control characters.
fn one_line(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(4 * MAX_ERROR_CHARS));
    let mut chars = 0;
    let mut space = false;
    for c in message.chars() {
        if c.is_whitespace() || c.is_control() {
            space = true;
            continue;
        }
        if chars >= MAX_ERROR_CHARS {
            out.push('…');
            break;
        }
        if space && !out.is_empty() {
            out.push(' ');
            chars += 1;
        }
        space = false;
        out.push(c);
        chars += 1;
    }
    out
}

fn extract_unchecked(bytes: &[u8]) -> Result<(String, SourceMap), String> {
    if bytes.starts_with(&OLE_MAGIC) {
        return Err(crate::tr!("docx.ole"));
    }
    if !bytes.starts_with(b"PK") {
        return Err(crate::tr!("docx.not-zip"));
    }
    let mut zip =
        ZipArchive::new(Cursor::new(bytes)).map_err(|e| crate::tr!("docx.damaged", error = e))?;
    if zip.len() > MAX_ENTRIES {
        return Err(crate::tr!(
            "docx.too-many-entries",
            n = zip.len(),
            limit = MAX_ENTRIES
        ));
    }
    let main = relationship(&mut zip, "_rels/.rels", "", REL_DOCUMENT)?
        .unwrap_or_else(|| "word/document.xml".to_owned());
    let Some(main) = entry_name(&zip, &main) else {
        return Err(crate::tr!("docx.no-main", part = main));
    };
    let dir = main.rsplit_once('/').map_or("", |(d, _)| d);
    let rels = match main.rsplit_once('/') {
        Some((d, f)) => format!("{d}/_rels/{f}.rels"),
        None => format!("_rels/{main}.rels"),
    };
    let styles_part = relationship(&mut zip, &rels, dir, REL_STYLES)?
        .or_else(|| Some(join(dir, "styles.xml")))
        .and_then(|n| entry_name(&zip, &n));
    let numbering_part = relationship(&mut zip, &rels, dir, REL_NUMBERING)?
        .or_else(|| Some(join(dir, "numbering.xml")))
        .and_then(|n| entry_name(&zip, &n));

    let styles = match &styles_part {
        Some(p) => read_part(&mut zip, p, |r| {
            numbering::parse_styles(p, r, MAX_PART_BYTES)
        })?,
        None => numbering::Styles::default(),
    };
    let defs = match &numbering_part {
        Some(p) => read_part(&mut zip, p, |r| {
            numbering::parse_numbering(p, r, MAX_PART_BYTES)
        })?,
        None => numbering::Definitions::default(),
    };
    let counters = numbering::Counters::new(&defs, &styles);
    let blocks = read_part(&mut zip, &main, |r| {
        body::read(&main, r, MAX_PART_BYTES, MAX_TEXT_BYTES, counters)
    })?;
    let mut out = String::new();
    let mut places = SourceMap::default();
    body::render(&blocks, &mut out, &mut places);
    Ok((out, places))
}

/// Open entry `name` and hand its inflating reader to `f`.
fn read_part<R: Read + Seek, T>(
    zip: &mut ZipArchive<R>,
    name: &str,
    f: impl FnOnce(&mut dyn Read) -> Result<T, String>,
) -> Result<T, String> {
    let mut file = zip
        .by_name(name)
        .map_err(|e| crate::tr!("docx.damaged", error = format!("{name}: {e}")))?;
    f(&mut file)
}

/// The entry's name as stored: part names compare case-insensitively.
fn entry_name<R: Read + Seek>(zip: &ZipArchive<R>, name: &str) -> Option<String> {
    let name = name.trim_start_matches('/');
    zip.file_names()
        .find(|n| n.eq_ignore_ascii_case(name))
        .map(str::to_owned)
}

fn join(dir: &str, target: &str) -> String {
    if let Some(abs) = target.strip_prefix('/') {
        return abs.to_owned();
    }
    let mut parts: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    for seg in target.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// The target of the first relationship in part `rels` whose type ends with
/// `kind`, resolved against `dir`. A missing rels part is no error.
fn relationship<R: Read + Seek>(
    zip: &mut ZipArchive<R>,
    rels: &str,
    dir: &str,
    kind: &str,
) -> Result<Option<String>, String> {
    let Some(name) = entry_name(zip, rels) else {
        return Ok(None);
    };
    read_part(zip, &name, |r| {
        let mut found = None;
        walk(&name, r, MAX_PART_BYTES, |item| {
            if let Item::Open(tag) = item {
                let external = tag.attr(b"TargetMode").is_some_and(|m| m == "External");
                if found.is_none()
                    && tag.ns == Ns::Rels
                    && tag.name == b"Relationship"
                    && !external
                    && tag.attr(b"Type").is_some_and(|t| t.ends_with(kind))
                {
                    found = tag.attr(b"Target").map(|t| join(dir, &t));
                }
            }
            Ok(())
        })?;
        Ok(found)
    })
}
