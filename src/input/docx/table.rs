//! Word tables as text. A data table is written one row per line, its cells
//! separated by tabs and kept in their grid columns (a cell merged across
//! columns is followed by empty cells, a vertically merged one is empty below
//! its first row), so the Document's table reader sees the grid Word shows.
//! A layout table — text laid out in boxes, one column, or cells holding whole
//! passages — is written paragraph by paragraph, as prose.

use super::body::{self, Block, Cell, Table};
use crate::input::location::SourceMap;

/// Cells longer than this hold prose, not a value.
const PROSE_CELL_CHARS: usize = 200;
/// Cells with more paragraphs than this hold prose.
const PROSE_CELL_PARAGRAPHS: usize = 3;

pub(super) fn render(t: &Table, out: &mut String, places: &mut SourceMap) {
    if is_layout(t) {
        for row in &t.rows {
            for cell in &row.cells {
                body::render(&cell.blocks, out, places);
            }
        }
        return;
    }
    let table = places.next_table();
    for (r, row) in t.rows.iter().enumerate() {
        places.table_row(out.len(), table, r as u32 + 1);
        for _ in 0..row.before {
            out.push('\t');
        }
        for (i, cell) in row.cells.iter().enumerate() {
            if i > 0 {
                out.push('\t');
            }
            cell_text(&cell.blocks, out);
            for _ in 1..cell.span {
                out.push('\t');
            }
        }
        out.push('\n');
    }
}

fn is_layout(t: &Table) -> bool {
    let widest = t
        .rows
        .iter()
        .map(|r| r.before + r.cells.iter().map(|c| c.span).sum::<usize>())
        .max()
        .unwrap_or(0);
    widest < 2 || t.rows.iter().flat_map(|r| &r.cells).any(is_prose)
}

fn is_prose(c: &Cell) -> bool {
    let mut paragraphs = 0;
    let mut chars = 0;
    for b in &c.blocks {
        match b {
            Block::Paragraph(p) => {
                paragraphs += 1;
                chars += p.chars().count();
            }
            Block::Table(_) => return true,
        }
    }
    paragraphs > PROSE_CELL_PARAGRAPHS || chars > PROSE_CELL_CHARS
}

/// A cell's paragraphs on one line, joined by a space; tabs typed inside a cell
/// are not cell boundaries.
fn cell_text(blocks: &[Block], out: &mut String) {
    let mut first = true;
    for b in blocks {
        if let Block::Paragraph(p) = b {
            let p = p.trim();
            if p.is_empty() {
                continue;
            }
            if !first {
                out.push(' ');
            }
            first = false;
            out.extend(p.chars().map(|c| if c == '\t' { ' ' } else { c }));
        }
    }
}
