//! Tables in a report: Markdown pipe tables, tab-separated rows (the .docx reader
//! writes each Word table row as one line of tab-separated cells, merged cells
//! kept in their grid columns), columns lined up with spaces, and `.csv`/`.tsv`
//! files. Each table knows its header, the unit of each column ("金额（万元）",
//! "占比（%）", a "单位：万元" line above), which column labels the rows, which
//! rows are totals, subtotals or parts (其中), and each cell's number and span.
//!
//! Table rows are found before paragraphs are split, so a row is never joined to
//! the line after it; each cell is a sentence of its row's paragraph.

pub mod cells;
mod columns;
mod detect;
mod inline;
mod levels;
mod merged;
pub mod number;
mod spaced;
pub mod words;

use crate::span::Span;
pub use cells::Layout;
pub use number::{CellNumber, Content};

/// A table file given directly: every line is a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delimited {
    Comma,
    Tab,
}

#[derive(Debug, Clone)]
pub struct Table {
    pub layout: Layout,
    /// From the start of the first row to the end of the last.
    pub span: Span,
    /// Header rows first, then the body.
    pub rows: Vec<Row>,
    pub header_rows: usize,
    pub columns: Vec<Column>,
    /// The column naming each row (地区, 项目), if any.
    pub label_column: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct Row {
    /// 0-based line of the row.
    pub line: usize,
    pub span: Span,
    /// One per grid column (short rows are padded with empty cells).
    pub cells: Vec<Cell>,
    pub role: RowRole,
    /// The row's name with blanks removed ("合  计" → "合计"), or "".
    pub label: String,
    /// How deep the row's name is indented (blanks before it in its cell, a
    /// full-width blank counting two), plus one when it is marked as a part.
    pub depth: usize,
    /// The name opens with # or 其中: the first of a breakdown of the row above.
    pub marked: bool,
}

#[derive(Debug, Clone, Copy)]
pub struct Cell {
    /// The cell's trimmed text (empty where the cell is empty).
    pub span: Span,
    /// Numbers are in the column's unit: "1.2亿" in a 万元 column is 12000.
    pub content: Content,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowRole {
    Header,
    Item,
    /// 合计, 总计: the sum of the rows it covers.
    Total,
    /// 全市, 全县: the whole area, of which the table may list only some parts.
    AreaTotal,
    Subtotal,
    /// 其中… : a part of the row above it.
    Part,
    /// A row without numbers: a group heading such as "一、医疗机构".
    Group,
}

impl RowRole {
    pub fn is_total(self) -> bool {
        matches!(
            self,
            RowRole::Total | RowRole::AreaTotal | RowRole::Subtotal
        )
    }

    /// A total of the whole table (合计, 全市), not of a group.
    pub fn is_whole(self) -> bool {
        matches!(self, RowRole::Total | RowRole::AreaTotal)
    }
}

#[derive(Debug, Clone)]
pub struct Column {
    /// Header cells top to bottom, joined, blanks removed ("完成情况完成数").
    pub header: String,
    /// The lowest non-empty header cell, for labels.
    pub header_span: Option<Span>,
    pub kind: ColumnKind,
    /// The header states a percentage ("占比（%）", "完成率%").
    pub percent: bool,
    /// What one unit of the column is worth: 10⁴ for "金额（万元）", else 1.
    pub multiplier: f64,
    /// Values are rounded to their last place (amounts in 万元, decimals) rather
    /// than exact counts, so their sums may be off by the rounding.
    pub rounded: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    /// Names the rows.
    Label,
    /// Counts or amounts: a total adds them up.
    Additive,
    /// A rate or a share in percent.
    Rate {
        share: bool,
        growth: bool,
    },
    /// Numbers not meant to be added: ranks, years, averages, prices.
    NotAdditive,
    Text,
}

impl Table {
    pub fn body(&self) -> std::ops::Range<usize> {
        self.header_rows..self.rows.len()
    }

    /// The number in row `r`, column `c`.
    pub fn number(&self, r: usize, c: usize) -> Option<CellNumber> {
        match self.rows.get(r)?.cells.get(c)?.content {
            Content::Number(n) => Some(n),
            _ => None,
        }
    }

    pub fn cell_span(&self, r: usize, c: usize) -> Option<Span> {
        Some(self.rows.get(r)?.cells.get(c)?.span)
    }

    /// The table's one whole-table total row, which shares are taken of and
    /// which a sentence about the whole quotes; `None` when there are several.
    pub fn grand_total(&self) -> Option<usize> {
        let mut totals = self.body().filter(|&r| self.rows[r].role.is_whole());
        let first = totals.next()?;
        totals.next().is_none().then_some(first)
    }

    /// The unit of row `r` where the rows carry their own (tables of indicators):
    /// the cell of a 单位 / 计量单位 column, or a unit in brackets after the row's
    /// name (旅游外汇收入（万美元）; not a note such as 社区卫生服务中心(站)).
    /// `text` is the document's text.
    pub fn row_unit(&self, r: usize, text: &str) -> Option<String> {
        let row = self.rows.get(r)?;
        let unit_column = self.columns.iter().position(|c| {
            matches!(c.kind, ColumnKind::Text | ColumnKind::NotAdditive)
                && matches!(c.header.as_str(), "单位" | "计量单位")
        });
        if let Some(c) = unit_column {
            let span = row.cells.get(c)?.span;
            // 单位 may also head a column of organisations: only a unit counts.
            let cell = text.get(span.start..span.end)?.trim();
            if crate::document::quantities::is_unit(cell) {
                return Some(cell.to_owned());
            }
        }
        let name = row.label.strip_suffix(['）', ')'])?;
        let open = name.rfind(['（', '('])?;
        let inner = &name[open..];
        let inner = inner.trim_start_matches(['（', '(']);
        crate::document::quantities::is_unit(inner).then(|| inner.to_owned())
    }

    /// The header of column `c` for messages: "完成数", or "第3列" without one.
    pub fn column_name(&self, c: usize) -> String {
        match self.columns.get(c) {
            Some(col) if !col.header.is_empty() => col.header.clone(),
            _ => format!("第{}列", c + 1),
        }
    }

    /// The name of row `r` for messages: its label, or "第N行" (of the table).
    pub fn row_name(&self, r: usize) -> String {
        match self.rows.get(r) {
            // Which 小计: the group heading above it says.
            Some(row) if row.role == RowRole::Subtotal => {
                // Back to the group heading, not past the previous subtotal.
                let group = self.rows[self.header_rows.min(r)..r]
                    .iter()
                    .rev()
                    .take_while(|g| !g.role.is_total())
                    .find(|g| g.role == RowRole::Group && !g.label.is_empty());
                match group {
                    Some(g) => format!("{} {}", g.label, row.label),
                    None => row.label.clone(),
                }
            }
            Some(row) if !row.label.is_empty() => row.label.clone(),
            _ => format!("表中第{}行", r + 1),
        }
    }
}

/// A line of tab-separated cells that is in no table: a table with a header
/// and no numbers (an empty form), a one-line grid. Its cells are still cells:
/// text does not run from one into the next.
#[derive(Debug, Clone)]
pub struct TextRow {
    pub span: Span,
    /// The cells' trimmed text, empty ones included.
    pub cells: Vec<Span>,
}

pub use detect::{detect, text_rows};
pub use levels::level;

#[cfg(test)]
mod tests;
