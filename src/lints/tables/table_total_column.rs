use super::table_math::{column_numbers, rule_of, show, sum_expression, sum_fits, Reading};
use crate::diagnostic::{Finding, Severity};
use crate::document::tables::{CellNumber, ColumnKind, Table};
use crate::document::Document;
use crate::lints::{Configurable, Lint, LintMeta, NoOptions};

crate::declare_lint! {
    /// ## What it does
    /// Checks a table's total column (合计, 总计, 小计, 总数 …) against the columns it
    /// adds up, row by row. Which columns it covers is not written down, so the
    /// readings are tried: the counts or amounts right before it, right after it,
    /// or under the same merged header ("资金" over 中央 / 省级 / 合计). A reading is
    /// taken when it holds on most rows (and at least two) and no
    /// other reading holds as often; the rows that break it are the findings.
    ///
    /// ## Why
    /// A row whose total column disagrees with its own cells has a typo in one of
    /// them; the rows that agree show how the column was meant to be computed.
    ///
    /// ## Example
    /// ```bad
    /// | 地区 | 男 | 女 | 合计 |
    /// |---|---|---|---|
    /// | 甲县 | 120 | 130 | 250 |
    /// | 乙县 | 80 | 75 | 155 |
    /// | 丙县 | 60 | 66 | 136 |
    /// ```
    /// ```good
    /// | 地区 | 男 | 女 | 合计 |
    /// |---|---|---|---|
    /// | 甲县 | 120 | 130 | 250 |
    /// | 乙县 | 80 | 75 | 155 |
    /// | 丙县 | 60 | 66 | 126 |
    /// ```
    pub struct TableTotalColumn {}
    code = "RL211", name = "table-total-column", family = Tables, severity = Error,
    summary = "a table's 合计 column is not the sum of the columns it covers",
}

impl Configurable for TableTotalColumn {
    type Options = NoOptions;
    fn new(_: NoOptions) -> Result<Self, String> {
        Ok(TableTotalColumn {})
    }
}

impl Lint for TableTotalColumn {
    fn meta(&self) -> &'static LintMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        for t in &doc.tables {
            for c in 0..t.columns.len() {
                if is_total_column(t, c) {
                    check_column(doc, t, c, out);
                }
            }
        }
    }
}

fn is_total_column(t: &Table, c: usize) -> bool {
    let words = &crate::document::tables::words::words().total_headers;
    t.columns[c].kind == ColumnKind::Additive && {
        let h = t.columns[c].header.to_lowercase();
        words.iter().any(|w| h.ends_with(w.as_str()))
    }
}

/// Most columns beside it a total column is tried as covering.
const MAX_COVERED: usize = 16;

/// Candidate sets of columns the total column at `c` may add up.
fn candidates(t: &Table, c: usize) -> Vec<Vec<usize>> {
    let addable = |k: usize| t.columns[k].kind == ColumnKind::Additive && !is_total_column(t, k);
    let left: Vec<usize> = (0..c).rev().take_while(|&k| addable(k)).collect();
    let right: Vec<usize> = (c + 1..t.columns.len())
        .take_while(|&k| addable(k))
        .collect();
    let mut out = Vec::new();
    for n in 2..=left.len().min(MAX_COVERED) {
        let mut set: Vec<usize> = left[..n].to_vec();
        set.reverse();
        out.push(set);
    }
    for n in 2..=right.len().min(MAX_COVERED) {
        out.push(right[..n].to_vec());
    }
    // Columns under the same merged header: "资金中央", "资金省级", "资金合计".
    let header = &t.columns[c].header;
    let words = &crate::document::tables::words::words().total_headers;
    if let Some(group) = words.iter().find_map(|w| header.strip_suffix(w.as_str())) {
        if !group.is_empty() {
            let set: Vec<usize> = (0..t.columns.len())
                .filter(|&k| k != c && addable(k) && t.columns[k].header.starts_with(group))
                .collect();
            if set.len() >= 2 && !out.contains(&set) {
                out.push(set);
            }
        }
    }
    out
}

/// A reading's verdict on each row it can be checked on: (row, fits).
fn verdicts(t: &Table, c: usize, set: &[usize]) -> Vec<(usize, bool)> {
    let rounded = set.iter().chain([&c]).any(|&k| t.columns[k].rounded);
    t.body()
        .filter_map(|r| {
            let total = t.number(r, c).filter(|n| !n.approx)?;
            let parts = row_parts(t, r, set)?;
            Some((r, sum_fits(&parts, &total, rounded)))
        })
        .collect()
}

/// The numbers of row `r` in columns `set`, blanks as nothing; at least one.
fn row_parts(t: &Table, r: usize, set: &[usize]) -> Option<Vec<CellNumber>> {
    let mut parts = Vec::new();
    for &k in set {
        parts.extend(column_numbers(t, &[r], k)?.into_iter().map(|(_, n)| n));
    }
    (!parts.is_empty()).then_some(parts)
}

fn check_column(doc: &Document, t: &Table, c: usize, out: &mut Vec<Finding>) {
    let readings = candidates(t, c)
        .into_iter()
        .map(|set| Reading {
            verdict: verdicts(t, c, &set),
            formula: set,
        })
        .collect();
    let Some((set, broken, holds)) = rule_of(readings) else {
        return;
    };
    let severity = if holds >= 3 {
        Severity::Error
    } else {
        Severity::Warning
    };
    for r in broken {
        if let Some(f) = finding(doc, t, r, c, &set, severity) {
            out.push(f);
        }
    }
}

fn finding(
    doc: &Document,
    t: &Table,
    r: usize,
    c: usize,
    set: &[usize],
    severity: Severity,
) -> Option<Finding> {
    let total = t.number(r, c)?;
    let parts = row_parts(t, r, set)?;
    let d = parts
        .iter()
        .map(|n| n.decimals)
        .chain([total.decimals])
        .max()
        .unwrap_or(0);
    let sum: f64 = parts.iter().map(|n| n.value).sum();
    let span = t.cell_span(r, c)?;
    let names: Vec<String> = set.iter().map(|&k| t.column_name(k)).collect();
    let recompute = format!("{} = {}", sum_expression(&parts), show(sum, d));
    let mut f = Finding::new(
        &META,
        span,
        format!(
            "表格「{}」行的「{}」为 {}，而{}相加为 {}",
            t.row_name(r),
            t.column_name(c),
            doc.slice(span),
            names.join("、"),
            show(sum, d)
        ),
    )
    .severity(severity)
    .primary(format!("所写合计，按本行应为 {}", show(sum, d)));
    for &k in set {
        if let (Some(s), Some(n)) = (t.cell_span(r, k), t.number(r, k)) {
            f = f.label(
                s,
                format!("{} {}", t.column_name(k), show(n.value, n.decimals)),
            );
        }
    }
    Some(f.help(format!(
        "{recompute}（{}），与所写 {} 不符；其他行都按这些列相加，核对本行的数字",
        names.join(" + "),
        show(total.value, total.decimals)
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lints::testing::pass_fail;

    #[test]
    fn cases() {
        pass_fail(
            &TableTotalColumn {},
            &[
                "| 地区 | 男 | 女 | 合计 |\n|---|---|---|---|\n| 甲县 | 120 | 130 | 250 |\n| 乙县 | 80 | 75 | 155 |\n| 丙县 | 60 | 66 | 126 |\n",
                // Total first, parts after it.
                "| 地区 | 合计 | 城镇 | 农村 |\n|---|---|---|---|\n| 甲 | 30 | 10 | 20 |\n| 乙 | 7 | 3 | 4 |\n| 丙 | 9 | — | 9 |\n",
                // Only one row can be read: too little to know the columns.
                "| 地区 | 男 | 女 | 合计 |\n|---|---|---|---|\n| 甲县 | 120 | 130 | 260 |\n",
                // A merged header: the total covers its group only.
                "地区\t资金\t\t合计\t人数\n\t中央\t省级\t\t\n甲\t10\t5\t15\t3\n乙\t8\t2\t10\t4\n丙\t1\t1\t2\t9\n",
                // Rounded amounts in 万元.
                "| 项目 | 中央（万元） | 省级（万元） | 合计（万元） |\n|---|---|---|---|\n| 甲 | 1.24 | 2.35 | 3.6 |\n| 乙 | 1 | 2 | 3 |\n| 丙 | 0.5 | 0.5 | 1 |\n",
            ],
            &[
                "| 地区 | 男 | 女 | 合计 |\n|---|---|---|---|\n| 甲县 | 120 | 130 | 250 |\n| 乙县 | 80 | 75 | 155 |\n| 丙县 | 60 | 66 | 136 |\n",
                "地区\t资金\t\t合计\t人数\n\t中央\t省级\t\t\n甲\t10\t5\t15\t3\n乙\t8\t2\t10\t4\n丙\t1\t1\t3\t9\n",
            ],
        );
    }
}
