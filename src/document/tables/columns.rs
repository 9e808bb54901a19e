//! What the header says about each column (name, unit, rate or count), which
//! column names the rows, and what each row is (total, subtotal, part, item).

use super::number::{CellNumber, Content};
use super::words::{contains_any, is_one_of, words};
use super::{Column, ColumnKind, RowRole, Table};
use crate::document::paragraphs::is_blank;

/// A cell's words with blanks and Markdown emphasis (`**合计**`) removed.
fn squeeze(s: &str) -> String {
    s.trim_matches(['*', '_', '~', '`'])
        .chars()
        .filter(|&c| !is_blank(c))
        .collect()
}

/// The multiplier a unit names: 万元 → 10⁴, 亿元 → 10⁸.
fn multiplier(unit: &str) -> f64 {
    if unit.contains('亿') {
        1e8
    } else if unit.contains('万') {
        1e4
    } else if unit.contains('千') && !unit.contains("千米") && !unit.contains("千克") {
        1e3
    } else {
        1.0
    }
}

/// Whether a unit measures an amount (吨, 公顷, 千瓦时, 平方米) rather than
/// counting things: its integers are rounded, a count's are exact. A bracket
/// that is part of a name (执业（助理）医师) is no unit.
fn is_measure_unit(unit: &str) -> bool {
    let unit = unit.trim_start_matches(['万', '亿', '千', '百']);
    MEASURE_UNITS.contains(&unit)
}

const MEASURE_UNITS: [&str; 22] = [
    "吨",
    "公斤",
    "千克",
    "克",
    "公顷",
    "亩",
    "平方米",
    "平方公里",
    "立方米",
    "米",
    "公里",
    "千米",
    "千瓦",
    "瓦",
    "千瓦时",
    "度",
    "小时",
    "升",
    "标准煤",
    "吨标准煤",
    "m²",
    "km",
];

/// The unit a title line ends with in brackets, when it is a unit of amounts
/// (万元, 亿元, 吨): "部门收支决算表（万元）" → "万元"; "（2023年）" is none.
pub(super) fn closing_unit(line: &str) -> Option<&str> {
    let line = line.trim_end_matches(['。', ' ']);
    if !line.ends_with(['）', ')']) {
        return None;
    }
    let unit = bracketed_unit(line)?;
    let amount = multiplier(unit) != 1.0 || unit.ends_with('元') || is_measure_unit(unit);
    (amount && unit.chars().count() <= 4).then_some(unit)
}

/// The unit of amounts written in the header of the names' column: "项目（万元）",
/// "项目（单位：万元）", "单位：万元".
fn corner_unit(header: &str) -> Option<&str> {
    let unit = match header.find("单位") {
        Some(at) => header[at + "单位".len()..]
            .trim_start_matches(['：', ':'])
            .trim_end_matches(['）', ')']),
        None => bracketed_unit(header)?,
    };
    let amount = multiplier(unit) != 1.0 || unit.ends_with('元') || is_measure_unit(unit);
    (amount && !unit.is_empty() && unit.chars().count() <= 4).then_some(unit)
}

/// The unit in a header's brackets: "金额（万元）" → "万元".
/// Units that count things one by one (no multiplier of their own).
const COUNT_UNITS: &[&str] = &[
    "人", "名", "个", "家", "户", "所", "辆", "件", "次", "人次", "张", "床", "元",
];

fn bracketed_unit(header: &str) -> Option<&str> {
    let open = header.rfind(['（', '('])?;
    let inner = &header[open..];
    let inner = inner.get(inner.chars().next()?.len_utf8()..)?;
    let close = inner.find(['）', ')'])?;
    Some(&inner[..close])
}

pub(super) fn finish(t: &mut Table, text: &str, unit_above: Option<&str>) {
    let width = t.rows.first().map_or(0, |r| r.cells.len());
    let cell_text = |r: usize, c: usize, t: &Table| -> String {
        let s = t.rows[r].cells[c].span;
        squeeze(&text[s.start..s.end])
    };
    let mut table_unit = unit_above.map(str::to_owned);
    let mut headers = vec![String::new(); width];
    let mut header_spans = vec![None; width];
    for r in 0..t.header_rows {
        let filled: Vec<usize> = (0..width)
            .filter(|&c| !t.rows[r].cells[c].span.is_empty())
            .collect();
        if let [only] = filled[..] {
            let s = cell_text(r, only, t);
            if let Some(u) = s
                .strip_prefix("单位")
                .map(|u| u.trim_start_matches(['：', ':']))
            {
                table_unit = Some(u.to_owned());
                continue;
            }
            // A title over the whole table, not a column's header.
            if width >= 3 && (only == 0 || s.starts_with('表') || s.starts_with("附表")) {
                continue;
            }
        }
        let last_header = r + 1 == t.header_rows;
        let mut carried = String::new();
        for c in 0..width {
            let s = cell_text(r, c, t);
            if s.is_empty() {
                // A merged cell spreads over the empty ones to its right.
                if !last_header && c > 0 {
                    headers[c].push_str(&carried);
                }
                continue;
            }
            headers[c].push_str(&s);
            header_spans[c] = Some(t.rows[r].cells[c].span);
            carried = s;
        }
    }
    // A unit in the corner (项目（万元）, 单位：万元 over the names) is the table's.
    if table_unit.is_none() {
        table_unit = headers
            .first()
            .and_then(|h| corner_unit(h))
            .map(str::to_owned);
    }
    let table_multiplier = table_unit.as_deref().map_or(1.0, multiplier);
    let mut columns = Vec::with_capacity(width);
    for (c, header) in headers.into_iter().enumerate() {
        let unit = bracketed_unit(&header).map(str::to_owned);
        let percent = header.contains(['%', '％', '‰']);
        // A column that names its own unit keeps it: 外籍（人） under 单位：万人
        // counts people, not ten thousands.
        let m = match unit.as_deref() {
            Some(u) if multiplier(u) != 1.0 => multiplier(u),
            Some(u) if is_measure_unit(u) || COUNT_UNITS.contains(&u) => 1.0,
            _ => table_multiplier,
        };
        // Counts of things are exact; a measure (吨, 公顷, 千瓦时) is rounded to
        // its last place even when printed as integers.
        let measure = unit
            .as_deref()
            .or(table_unit.as_deref())
            .is_some_and(is_measure_unit);
        let mut rounded = m != 1.0 || header.contains('元') || measure;
        for row in t.rows.iter_mut().skip(t.header_rows) {
            if let Content::Number(n) = &mut row.cells[c].content {
                rounded |= n.decimals > 0 || n.own_multiplier;
                normalise(n, m, percent);
            }
        }
        columns.push(Column {
            header,
            header_span: header_spans[c],
            kind: ColumnKind::Text,
            percent,
            multiplier: m,
            rounded,
        });
    }
    t.columns = columns;
    classify_columns(t);
    classify_rows(t, text);
}

/// A cell that names its own multiplier in a column of another unit: "1.2亿" in
/// a 万元 column is 12000.
fn normalise(n: &mut CellNumber, column_multiplier: f64, column_percent: bool) {
    if n.own_multiplier && column_multiplier != 1.0 {
        n.value /= column_multiplier;
        n.step /= column_multiplier;
    }
    if column_percent {
        n.percent = true;
    }
}

fn classify_columns(t: &mut Table) {
    let w = words();
    let body = t.body();
    for c in 0..t.columns.len() {
        let (mut numbers, mut texts, mut percents) = (0, 0, 0);
        let mut values = Vec::new();
        for r in body.clone() {
            match t.rows[r].cells[c].content {
                Content::Number(n) => {
                    numbers += 1;
                    percents += usize::from(n.percent);
                    values.push(n.value);
                }
                Content::Text | Content::Date => texts += 1,
                Content::Blank => {}
            }
        }
        let col = &t.columns[c];
        let h = col.header.to_ascii_lowercase();
        let kind = if numbers == 0 || texts > numbers {
            ColumnKind::Text
        } else if col.percent || percents * 2 > numbers || contains_any(&h, &w.rate_headers) {
            ColumnKind::Rate {
                share: contains_any(&h, &w.share_headers),
                growth: contains_any(&h, &w.growth_headers),
            }
        } else if contains_any(&h, &w.not_additive)
            || is_sequence(&values)
            || is_subject_codes(&values)
        {
            ColumnKind::NotAdditive
        } else {
            ColumnKind::Additive
        };
        t.columns[c].kind = kind;
    }
    t.label_column = t.columns.iter().position(|c| c.kind == ColumnKind::Text);
    if let Some(l) = t.label_column {
        t.columns[l].kind = ColumnKind::Label;
    }
}

/// 1, 2, 3, …: a column of row numbers.
fn is_sequence(values: &[f64]) -> bool {
    values.len() >= 2
        && values
            .iter()
            .enumerate()
            .all(|(i, &v)| (v - (i as f64 + 1.0)).abs() < 1e-9)
}

/// 205, 20502, 2050205: budget subject codes (类/款/项 of 3/5/7 digits), most
/// codes of a 款 or 项 nesting under a code of the column by their prefix;
/// identifiers, never amounts.
fn is_subject_codes(values: &[f64]) -> bool {
    let mut codes = Vec::with_capacity(values.len());
    for &v in values {
        if v < 1.0 || v.fract() != 0.0 || v >= 1e7 {
            return false;
        }
        let digits = (v as u64).to_string();
        if !matches!(digits.len(), 3 | 5 | 7) || !digits.starts_with(['1', '2']) {
            return false;
        }
        codes.push(v as u64);
    }
    let nested: Vec<bool> = codes
        .iter()
        .filter(|&&n| n >= 10_000)
        .map(|&n| codes.contains(&(n / 100)))
        .collect();
    let under = nested.iter().filter(|&&b| b).count();
    under >= 1 && under * 2 >= nested.len()
}

/// A # mark often hangs out to the left of the rows it opens (#男性 under
/// four blanks, 女性 under seven): a marked row takes the depth of the unmarked
/// row right after it when that one is at most four blanks deeper.
fn align_marked_rows(t: &mut Table, indents: &[usize]) {
    let body = t.body();
    for r in body.clone() {
        if !t.rows[r].marked {
            continue;
        }
        let own = indents[r - body.start];
        let next = (r + 1 < body.end && !t.rows[r + 1].marked).then(|| indents[r + 1 - body.start]);
        if let Some(n) = next.filter(|&n| n > own && n <= own + 4) {
            t.rows[r].depth = n;
        }
    }
}

fn classify_rows(t: &mut Table, text: &str) {
    let w = words();
    let label_column = t.label_column;
    let mut indents: Vec<usize> = Vec::new();
    for r in t.body() {
        let row = &t.rows[r];
        let label_cell = label_column
            .map(|c| row.cells[c])
            .filter(|c| !c.span.is_empty())
            .or_else(|| {
                row.cells
                    .iter()
                    .find(|c| matches!(c.content, Content::Text))
                    .copied()
            });
        let label = label_cell.map_or(String::new(), |c| squeeze(&text[c.span.start..c.span.end]));
        let has_number = row
            .cells
            .iter()
            .any(|c| matches!(c.content, Content::Number(_)));
        let role = if is_one_of(&label, &w.totals) {
            RowRole::Total
        } else if is_one_of(&label, &w.area_totals) {
            RowRole::AreaTotal
        } else if is_one_of(&label, &w.subtotals) {
            RowRole::Subtotal
        } else if w
            .part_prefixes
            .iter()
            .any(|p| label.starts_with(p.as_str()))
        {
            RowRole::Part
        } else if !has_number {
            RowRole::Group
        } else {
            RowRole::Item
        };
        let marked = label.starts_with(['#', '＃']) || label.starts_with("其中");
        let indent = label_cell.map_or(0, |c| indent_before(text, c.span.start));
        // Budget subjects: 类/款/项 codes of 3/5/7 digits nest like indentation.
        let code = row
            .cells
            .iter()
            .find(|c| !c.span.is_empty())
            .map_or(0, |c| subject_code(&text[c.span.start..c.span.end]));
        let depth = if code > 0 {
            (code - 3) * 8
        } else {
            indent + usize::from(marked)
        };
        let row = &mut t.rows[r];
        row.role = role;
        row.label = label;
        row.depth = depth;
        row.marked = marked;
        indents.push(if code > 0 { depth } else { indent });
    }
    align_marked_rows(t, &indents);
    unnamed_total(t);
    super::levels::numbered_levels(t);
    super::levels::numbered_runs(t);
    super::levels::averages_unnamed(t);
    super::levels::nest_by_sums(t);
}

/// The first row of numbers without a name, in a table whose other rows are
/// named, is its total when each of its counts is at least every count below it
/// (| 4835 | 77155 | over 一.医院 | 503 | 69850 |).
fn unnamed_total(t: &mut Table) {
    let Some(first) = t.body().find(|&r| t.rows[r].role != RowRole::Group) else {
        return;
    };
    if !t.rows[first].label.is_empty() || t.label_column.is_none() {
        return;
    }
    let below = first + 1..t.rows.len();
    if below.len() < 2 || t.rows[below.clone()].iter().any(|r| r.label.is_empty()) {
        return;
    }
    let additive: Vec<usize> = (0..t.columns.len())
        .filter(|&c| t.columns[c].kind == ColumnKind::Additive)
        .collect();
    let largest = additive
        .iter()
        .all(|&c| match t.rows[first].cells[c].content {
            Content::Number(top) => below.clone().all(|r| match t.rows[r].cells[c].content {
                Content::Number(n) => n.value <= top.value,
                _ => true,
            }),
            _ => false,
        });
    if !additive.is_empty() && largest {
        t.rows[first].role = RowRole::Total;
    }
}

/// Blanks before offset `at` back to a cell boundary (`|`, a tab, the line
/// start): a full-width blank counts two.
fn indent_before(text: &str, at: usize) -> usize {
    text.get(..at)
        .unwrap_or("")
        .chars()
        .rev()
        .take_while(|&c| c == ' ' || c == '\u{3000}')
        .map(|c| if c == '\u{3000}' { 2 } else { 1 })
        .sum()
}

/// The length of a budget subject code opening a cell (208, 20805, 2080501 —
/// 类/款/项), or 0.
fn subject_code(cell: &str) -> usize {
    let digits = cell.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &cell[digits..];
    let ends = rest.is_empty()
        || rest.starts_with([' ', '\u{3000}'])
        || rest
            .chars()
            .next()
            .is_some_and(crate::document::markers::is_han);
    if matches!(digits, 3 | 5 | 7) && ends && cell.starts_with(['1', '2']) {
        digits
    } else {
        0
    }
}
