//! The main document part in one streaming pass: paragraphs and tables in reading
//! order, with tracked deletions, field instructions and hidden runs left out, and
//! automatic numbering written in front of each numbered paragraph.

use super::numbering::{Counters, NumPr};
use super::xml::{walk, Item, Ns, Tag};
use crate::input::location::SourceMap;
use std::io::Read;

/// Deepest nesting of tables, cells and text boxes kept (real documents use two
/// or three); deeper nesting is refused rather than risking the stack.
const MAX_NESTING: usize = 64;

/// A block of the body in reading order.
#[derive(Debug)]
pub(super) enum Block {
    Paragraph(String),
    Table(Table),
}

/// A cell holds blocks of its own (paragraphs, nested tables) and may span
/// several grid columns.
#[derive(Debug)]
pub(super) struct Cell {
    pub(super) blocks: Vec<Block>,
    /// Grid columns the cell covers (`w:gridSpan`), at least 1.
    pub(super) span: usize,
}

impl Default for Cell {
    fn default() -> Self {
        Cell {
            blocks: Vec::new(),
            span: 1,
        }
    }
}

#[derive(Debug, Default)]
pub(super) struct Row {
    pub(super) cells: Vec<Cell>,
    /// Grid columns skipped before the first cell (`w:gridBefore`).
    pub(super) before: usize,
}

#[derive(Debug, Default)]
pub(super) struct Table {
    pub(super) rows: Vec<Row>,
}

/// Write blocks one paragraph per line; tables as [`super::table`] writes them.
/// Each line's place (section and paragraph, or table row) goes into `places`.
pub(super) fn render(blocks: &[Block], out: &mut String, places: &mut SourceMap) {
    for b in blocks {
        match b {
            Block::Paragraph(p) => {
                places.paragraph(out.len(), p);
                out.push_str(p);
                out.push('\n');
            }
            Block::Table(t) => super::table::render(t, out, places),
        }
    }
}

#[derive(Default)]
struct Para {
    text: String,
    num: NumPr,
    style: Option<String>,
    /// The paragraph mark is a tracked deletion: the text joins the next paragraph.
    mark_deleted: bool,
    /// Blocks met inside the paragraph (text boxes), placed after it.
    inner: Vec<Block>,
}

enum Frame {
    Para(Para),
    Table(Table),
    Row(Row),
    Cell(Cell),
}

/// Where an element sits, as far as the extractor needs to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum El {
    P,
    PPr,
    RPr,
    R,
    NumPr,
    Other,
}

/// Subtrees whose text the reader does not see, or that hold earlier revisions.
fn skipped(ns: Ns, name: &[u8]) -> bool {
    match ns {
        Ns::Word => {
            matches!(
                name,
                b"del" | b"moveFrom" | b"delText" | b"instrText" | b"delInstrText" | b"sectPr"
                // Ruby text: the pronunciation guide printed over the base text.
                | b"rt"
            ) || name.ends_with(b"Change")
        }
        Ns::Compat => name == b"Fallback",
        _ => false,
    }
}

fn too_long(limit: usize) -> String {
    crate::tr!("docx.text-too-large", mib = limit >> 20)
}

struct Walker<'a> {
    counters: Counters<'a>,
    limit: usize,
    root: Vec<Block>,
    frames: Vec<Frame>,
    path: Vec<El>,
    /// Path length of the element whose subtree is being skipped.
    skip: Option<usize>,
    /// Open fields: whether each has reached its displayed result (`separate`).
    fields: Vec<bool>,
    /// How many open fields are still in their instruction part.
    in_instruction: usize,
    in_text: bool,
    run_hidden: bool,
    /// Text of paragraphs whose mark was deleted, waiting for the next paragraph.
    carry: String,
    /// Bytes of output so far.
    written: usize,
}

impl Walker<'_> {
    fn parent(&self, k: usize) -> El {
        self.path
            .len()
            .checked_sub(k + 1)
            .and_then(|i| self.path.get(i))
            .copied()
            .unwrap_or(El::Other)
    }

    fn para(&mut self) -> Option<&mut Para> {
        self.frames.iter_mut().rev().find_map(|f| match f {
            Frame::Para(p) => Some(p),
            _ => None,
        })
    }

    fn push_text(&mut self, s: &str) -> Result<(), String> {
        if !self.in_text || self.run_hidden || self.in_instruction > 0 {
            return Ok(());
        }
        let (written, limit) = (self.written, self.limit);
        let Some(p) = self.para() else { return Ok(()) };
        if written + p.text.len() + s.len() > limit {
            return Err(too_long(limit));
        }
        // A paragraph is one line, whatever characters the run holds.
        p.text.extend(s.chars().map(|c| match c {
            '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}' => ' ',
            c => c,
        }));
        Ok(())
    }

    fn push_char(&mut self, c: char) -> Result<(), String> {
        let was = std::mem::replace(&mut self.in_text, true);
        let r = self.push_text(c.encode_utf8(&mut [0u8; 4]));
        self.in_text = was;
        r
    }

    /// Put a finished block into the innermost open cell or paragraph, or the body.
    fn emit(&mut self, block: Block) {
        for f in self.frames.iter_mut().rev() {
            match f {
                Frame::Cell(c) => return c.blocks.push(block),
                Frame::Para(p) => return p.inner.push(block),
                _ => {}
            }
        }
        self.root.push(block);
    }

    fn open_frame(&mut self, frame: Frame) -> Result<(), String> {
        if self.frames.len() >= MAX_NESTING {
            return Err(crate::tr!("docx.nested", depth = MAX_NESTING));
        }
        self.frames.push(frame);
        Ok(())
    }

    fn open(&mut self, tag: &Tag) -> Result<(), String> {
        let el = match (tag.ns, tag.name) {
            (Ns::Word, b"p") => El::P,
            (Ns::Word, b"pPr") => El::PPr,
            (Ns::Word, b"rPr") => El::RPr,
            (Ns::Word | Ns::Math, b"r") => El::R,
            (Ns::Word, b"numPr") => El::NumPr,
            _ => El::Other,
        };
        self.path.push(el);
        if self.skip.is_some() {
            return Ok(());
        }
        let parent = self.parent(1);
        // A deleted paragraph mark is `w:pPr/w:rPr/w:del`, not a deletion of text.
        if tag.ns == Ns::Word
            && tag.name == b"del"
            && parent == El::RPr
            && self.parent(2) == El::PPr
        {
            if let Some(p) = self.para() {
                p.mark_deleted = true;
            }
        }
        if skipped(tag.ns, tag.name) {
            self.skip = Some(self.path.len());
            return Ok(());
        }
        if tag.ns == Ns::Math && tag.name == b"t" {
            self.in_text = true;
        }
        if tag.ns != Ns::Word {
            return Ok(());
        }
        match tag.name {
            b"p" => self.open_frame(Frame::Para(Para::default()))?,
            b"tbl" => self.open_frame(Frame::Table(Table::default()))?,
            b"tr" => self.open_frame(Frame::Row(Row::default()))?,
            b"tc" => self.open_frame(Frame::Cell(Cell::default()))?,
            b"gridSpan" if parent == El::Other => {
                let n = grid_count(tag);
                if let Some(Frame::Cell(c)) = self.frames.last_mut() {
                    c.span = n.max(1);
                }
            }
            b"gridBefore" if parent == El::Other => {
                let n = grid_count(tag);
                if let Some(Frame::Row(r)) = self.frames.last_mut() {
                    r.before = n;
                }
            }
            b"r" => self.run_hidden = false,
            b"pStyle" if parent == El::PPr => {
                let v = tag.val();
                if let Some(p) = self.para() {
                    p.style = v;
                }
            }
            b"numId" | b"ilvl" if parent == El::NumPr && self.parent(2) == El::PPr => {
                let v = tag.val();
                if let Some(p) = self.para() {
                    if tag.name == b"numId" {
                        p.num.num_id = v;
                    } else {
                        p.num.ilvl = v.and_then(|v| v.trim().parse().ok());
                    }
                }
            }
            b"vanish" if parent == El::RPr && self.parent(2) == El::R => {
                self.run_hidden = tag.flag();
            }
            b"t" if parent == El::R => self.in_text = true,
            b"tab" | b"ptab" if parent == El::R => self.push_char('\t')?,
            b"br" | b"cr" if parent == El::R => self.push_char(' ')?,
            b"noBreakHyphen" if parent == El::R => self.push_char('-')?,
            b"sym" if parent == El::R => {
                // Symbol-font characters (F000–F0FF) have no Unicode meaning; skip them.
                let c = tag
                    .attr(b"char")
                    .and_then(|h| u32::from_str_radix(h.trim(), 16).ok())
                    .filter(|c| !(0xF000..=0xF0FF).contains(c))
                    .and_then(char::from_u32);
                if let Some(c) = c {
                    self.push_char(c)?;
                }
            }
            b"fldChar" => match tag.attr(b"fldCharType").as_deref() {
                Some("begin") => {
                    self.fields.push(false);
                    self.in_instruction += 1;
                }
                Some("separate") => {
                    if let Some(f) = self.fields.last_mut().filter(|f| !**f) {
                        *f = true;
                        self.in_instruction -= 1;
                    }
                }
                // The guard pops the field; only one still in its instruction changes the count.
                Some("end") if self.fields.pop() == Some(false) => self.in_instruction -= 1,
                _ => {}
            },
            _ => {}
        }
        Ok(())
    }

    fn close(&mut self, ns: Ns, name: &[u8]) -> Result<(), String> {
        let depth = self.path.len();
        self.path.pop();
        if let Some(s) = self.skip {
            if s == depth {
                self.skip = None;
            }
            return Ok(());
        }
        match (ns, name) {
            (Ns::Word | Ns::Math, b"t") => self.in_text = false,
            (Ns::Word, b"p") => {
                if let Some(Frame::Para(p)) = self.frames.pop() {
                    self.finish_paragraph(p)?;
                }
            }
            (Ns::Word, b"tbl") => {
                if let Some(Frame::Table(t)) = self.frames.pop() {
                    self.emit(Block::Table(t));
                }
            }
            (Ns::Word, b"tr") => {
                if let Some(Frame::Row(r)) = self.frames.pop() {
                    match self.frames.last_mut() {
                        Some(Frame::Table(t)) => t.rows.push(r),
                        _ => r
                            .cells
                            .into_iter()
                            .flat_map(|c| c.blocks)
                            .for_each(|b| self.emit(b)),
                    }
                }
            }
            (Ns::Word, b"tc") => {
                if let Some(Frame::Cell(c)) = self.frames.pop() {
                    match self.frames.last_mut() {
                        Some(Frame::Row(r)) => r.cells.push(c),
                        _ => c.blocks.into_iter().for_each(|b| self.emit(b)),
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn finish_paragraph(&mut self, p: Para) -> Result<(), String> {
        if p.mark_deleted {
            // Accepting the deletion merges this text into the next paragraph,
            // which keeps its own numbering.
            self.carry.push_str(&p.text);
        } else {
            let mut line = self.counters.marker(&p.num, p.style.as_deref());
            line.push_str(&std::mem::take(&mut self.carry));
            line.push_str(&p.text);
            self.written += line.len() + 1;
            if self.written > self.limit {
                return Err(too_long(self.limit));
            }
            self.emit(Block::Paragraph(line));
        }
        p.inner.into_iter().for_each(|b| self.emit(b));
        Ok(())
    }
}

/// A grid count from `w:val`, bounded so a crafted file cannot ask for a
/// million empty columns.
fn grid_count(tag: &Tag) -> usize {
    tag.val()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .unwrap_or(1)
        .min(64)
}

/// Read the main document part into blocks.
pub(super) fn read(
    part: &str,
    input: impl Read,
    part_limit: u64,
    text_limit: usize,
    counters: Counters,
) -> Result<Vec<Block>, String> {
    let mut w = Walker {
        counters,
        limit: text_limit,
        root: Vec::new(),
        frames: Vec::new(),
        path: Vec::new(),
        skip: None,
        fields: Vec::new(),
        in_instruction: 0,
        in_text: false,
        run_hidden: false,
        carry: String::new(),
        written: 0,
    };
    walk(part, input, part_limit, |item| match item {
        Item::Open(tag) => w.open(&tag),
        Item::Close(ns, name) => w.close(ns, name),
        Item::Text(s) => w.push_text(s),
    })?;
    // Text left over from a deleted final paragraph mark still shows.
    if !w.carry.is_empty() {
        let carry = std::mem::take(&mut w.carry);
        w.emit(Block::Paragraph(carry));
    }
    Ok(w.root)
}
