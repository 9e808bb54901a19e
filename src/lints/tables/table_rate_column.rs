use super::table_math::{rule_of, show, Reading};
use crate::diagnostic::{Finding, Severity};
use crate::document::tables::{ColumnKind, RowRole, Table};
use crate::document::Document;
use crate::lints::{Configurable, Lint, LintMeta, NoOptions};

crate::declare_lint! {
    /// ## What it does
    /// Recomputes a table's rate or share column (完成率, 占比, 增长率, a column in
    /// %) from the other columns. The formula is not written down, so it is found:
    /// every pair of count columns is tried as numerator ÷ denominator (and, for a
    /// growth column, as (this − last) ÷ last), and every count column as a share
    /// of its total row. A formula is taken only when it reproduces the printed rate
    /// on most rows (and at least two), and no other formula does as
    /// well while blaming other rows. The rows that break it are the findings.
    /// A printed rate may be rounded or cut off at its last digit, and a rate
    /// above 100% may be written as 100%.
    ///
    /// ## Why
    /// A rate column is typed by hand far more often than it is computed; the rows
    /// that agree show how it was meant to be computed, the one that does not is
    /// a slip.
    ///
    /// ## Example
    /// ```bad
    /// | 地区 | 任务数 | 完成数 | 完成率 |
    /// |---|---|---|---|
    /// | 甲县 | 200 | 190 | 95.0% |
    /// | 乙县 | 150 | 120 | 80.0% |
    /// | 丙县 | 80 | 76 | 96.0% |
    /// ```
    /// ```good
    /// | 地区 | 任务数 | 完成数 | 完成率 |
    /// |---|---|---|---|
    /// | 甲县 | 200 | 190 | 95.0% |
    /// | 乙县 | 150 | 120 | 80.0% |
    /// | 丙县 | 80 | 76 | 95.0% |
    /// ```
    pub struct TableRateColumn {}
    code = "RL212", name = "table-rate-column", family = Tables, severity = Error,
    summary = "a rate or share column does not equal the ratio of the columns it is computed from",
}

impl Configurable for TableRateColumn {
    type Options = NoOptions;
    fn new(_: NoOptions) -> Result<Self, String> {
        Ok(TableRateColumn {})
    }
}

impl Lint for TableRateColumn {
    fn meta(&self) -> &'static LintMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        for t in &doc.tables {
            for c in 0..t.columns.len() {
                if let ColumnKind::Rate { growth, .. } = t.columns[c].kind {
                    check_column(doc, t, c, growth, out);
                }
            }
        }
    }
}

/// Most count columns tried as numerator or denominator, nearest the rate first.
const MAX_OPERANDS: usize = 12;
/// Rows the formula is searched on; the one found is then checked on all.
const SAMPLE_ROWS: usize = 64;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Formula {
    /// a ÷ b
    Ratio(usize, usize),
    /// (a − b) ÷ b
    Growth(usize, usize),
    /// a ÷ a's total row
    Share(usize),
}

/// The value `f` gives on row `r`, with the cells it used: (row, column).
fn compute(
    t: &Table,
    f: Formula,
    r: usize,
    total_row: Option<usize>,
) -> Option<(f64, Vec<(usize, usize)>)> {
    let num = |row: usize, col: usize| t.number(row, col).filter(|n| !n.approx).map(|n| n.value);
    let (x, cells) = match f {
        Formula::Ratio(a, b) => {
            let d = num(r, b).filter(|d| *d > 0.0)?;
            (num(r, a)? / d, vec![(r, a), (r, b)])
        }
        Formula::Growth(a, b) => {
            let d = num(r, b).filter(|d| *d > 0.0)?;
            ((num(r, a)? - d) / d, vec![(r, a), (r, b)])
        }
        Formula::Share(a) => {
            let tr = total_row?;
            let d = num(tr, a).filter(|d| *d > 0.0)?;
            (num(r, a)? / d, vec![(r, a), (tr, a)])
        }
    };
    Some((x * 100.0, cells))
}

fn formulas(t: &Table, c: usize, growth: bool, total_row: Option<usize>) -> Vec<Formula> {
    let mut operands: Vec<usize> = (0..t.columns.len())
        .filter(|&k| k != c && t.columns[k].kind == ColumnKind::Additive)
        .collect();
    // Columns under the rate's own merged header first ("麻腮风疫苗实种人数" for
    // "麻腮风疫苗接种率"), then the nearest, left before right: among formulas that
    // fit equally, the first is named.
    let group = |k: usize| {
        let (a, b) = (&t.columns[k].header, &t.columns[c].header);
        a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
    };
    operands.sort_by_key(|&k| (std::cmp::Reverse(group(k)), k.abs_diff(c), k > c));
    operands.truncate(MAX_OPERANDS);
    let mut out = Vec::new();
    for &a in &operands {
        for &b in &operands {
            if a != b {
                out.push(Formula::Ratio(a, b));
                if growth {
                    out.push(Formula::Growth(a, b));
                }
            }
        }
        if total_row.is_some() {
            out.push(Formula::Share(a));
        }
    }
    out
}

fn check_column(doc: &Document, t: &Table, c: usize, growth: bool, out: &mut Vec<Finding>) {
    let total = t.grand_total();
    let verdict = |f: Formula, rows: &mut dyn Iterator<Item = usize>| -> Vec<(usize, bool)> {
        rows.filter_map(|r| {
            let rate = t.number(r, c).filter(|n| !n.approx)?;
            let (x, _) = compute(t, f, r, total)?;
            // Over-completion is often written as 100% ("超额按100%计").
            let capped = (rate.value - 100.0).abs() < 1e-9 && x > 100.0;
            Some((r, capped || rate.admits(x)))
        })
        .collect()
    };
    // The formula is found on the first rows (hundreds of formulas are tried),
    // then held against every row.
    let readings = formulas(t, c, growth, total)
        .into_iter()
        .map(|f| Reading {
            formula: f,
            verdict: verdict(f, &mut t.body().take(SAMPLE_ROWS)),
        })
        .collect();
    let Some((f, _, _)) = rule_of(readings) else {
        return;
    };
    let Some((f, broken, holds)) = rule_of(vec![Reading {
        formula: f,
        verdict: verdict(f, &mut t.body()),
    }]) else {
        return;
    };
    let severity = if holds >= 3 {
        Severity::Error
    } else {
        Severity::Warning
    };
    for r in broken {
        if let Some(found) = finding(doc, t, r, c, f, total, severity) {
            out.push(found);
        }
    }
}

fn finding(
    doc: &Document,
    t: &Table,
    r: usize,
    c: usize,
    f: Formula,
    total: Option<usize>,
    severity: Severity,
) -> Option<Finding> {
    let (x, cells) = compute(t, f, r, total)?;
    let span = t.cell_span(r, c)?;
    let value = |(row, col): (usize, usize)| {
        t.number(row, col)
            .map_or(String::new(), |n| show(n.value, n.decimals))
    };
    let (a, b) = (cells[0], cells[1]);
    let (formula, recompute) = match f {
        Formula::Ratio(..) | Formula::Share(_) => (
            format!("{} ÷ {}", name(t, a, f), name(t, b, f)),
            format!("{} ÷ {}", value(a), value(b)),
        ),
        Formula::Growth(..) => (
            format!("({0} − {1}) ÷ {1}", name(t, a, f), name(t, b, f)),
            format!("({0} − {1}) ÷ {1}", value(a), value(b)),
        ),
    };
    // Two digits past the printed ones, so the reader sees which way it rounds.
    let printed = t.number(r, c)?.decimals;
    let got = format!("{}%", show(x, (printed + 2).max(2)));
    let finding = Finding::new(
        &META,
        span,
        format!(
            "表格「{}」行的「{}」为 {}，按 {formula} 应为 {got}",
            t.row_name(r),
            t.column_name(c),
            doc.slice(span)
        ),
    )
    .severity(severity)
    .primary(format!("所写比率，按本行应为 {got}"))
    .label(t.cell_span(a.0, a.1)?, format!("分子 {}", value(a)))
    .label(t.cell_span(b.0, b.1)?, format!("分母 {}", value(b)))
    .help(format!(
        "{recompute} = {got}，与所写 {} 不符；该列其他行都是 {formula}，核对本行的数字",
        doc.slice(span)
    ));
    Some(finding)
}

/// A column's name in a formula; a share's denominator is the total row's cell.
fn name(t: &Table, (row, col): (usize, usize), f: Formula) -> String {
    match f {
        Formula::Share(_) if t.rows[row].role != RowRole::Item => {
            format!("{}{}", t.row_name(row), t.column_name(col))
        }
        _ => t.column_name(col),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lints::testing::pass_fail;

    const HEAD: &str = "| 地区 | 任务数 | 完成数 | 完成率 |\n|---|---|---|---|\n";

    #[test]
    fn cases() {
        pass_fail(
            &TableRateColumn {},
            &[
                &format!("{HEAD}| 甲县 | 200 | 190 | 95.0% |\n| 乙县 | 150 | 120 | 80.0% |\n| 丙县 | 80 | 76 | 95.0% |\n"),
                // Cut off instead of rounded: 2/3 = 66.66…
                &format!("{HEAD}| 甲县 | 3 | 2 | 66.6% |\n| 乙县 | 150 | 120 | 80.0% |\n| 丙县 | 80 | 76 | 95% |\n"),
                // Over-completion capped at 100%.
                &format!("{HEAD}| 甲县 | 200 | 230 | 100% |\n| 乙县 | 150 | 120 | 80.0% |\n| 丙县 | 80 | 76 | 95.0% |\n"),
                // Blank and placeholder rates, zero denominators.
                &format!("{HEAD}| 甲县 | 0 | 0 | — |\n| 乙县 | 150 | 120 | 80.0% |\n| 丙县 | 80 | 76 | 95% |\n"),
                // Shares of the total row.
                "| 地区 | 人数 | 占比 |\n|---|---|---|\n| 甲 | 50 | 25% |\n| 乙 | 150 | 75% |\n| 合计 | 200 | 100% |\n",
                // Growth.
                "| 项目 | 今年 | 去年 | 同比增长 |\n|---|---|---|---|\n| 甲 | 110 | 100 | 10% |\n| 乙 | 90 | 100 | -10% |\n| 丙 | 120 | 80 | 50% |\n",
                // No formula fits most rows: nothing is claimed.
                &format!("{HEAD}| 甲县 | 200 | 190 | 91.0% |\n| 乙县 | 150 | 120 | 70.0% |\n| 丙县 | 80 | 76 | 90.0% |\n"),
            ],
            &[
                &format!("{HEAD}| 甲县 | 200 | 190 | 95.0% |\n| 乙县 | 150 | 120 | 80.0% |\n| 丙县 | 80 | 76 | 96.0% |\n"),
                "| 地区 | 人数 | 占比 |\n|---|---|---|\n| 甲 | 50 | 25% |\n| 乙 | 150 | 70% |\n| 丙 | 0 | 0% |\n| 合计 | 200 | 100% |\n",
                "| 项目 | 今年 | 去年 | 同比增长 |\n|---|---|---|---|\n| 甲 | 110 | 100 | 10% |\n| 乙 | 90 | 100 | -10% |\n| 丙 | 120 | 80 | 40% |\n",
                "地区\t任务数（人）\t完成数（人）\t完成率（%）\n甲县\t200\t190\t95.0\n乙县\t150\t120\t80.0\n丙县\t80\t76\t96.0\n",
            ],
        );
    }
}
