use super::table_math::{column_numbers, readings, scope, show, sum_expression};
use crate::diagnostic::{Finding, Severity};
use crate::document::tables::{CellNumber, ColumnKind, Table};
use crate::document::Document;
use crate::lints::{Configurable, Lint, LintMeta, NoOptions};

crate::declare_lint! {
    /// ## What it does
    /// Adds up a share column (占比, 比重, 构成, in %) over the rows of a breakdown
    /// and checks that the shares make 100%. A breakdown is taken as complete when
    /// its total row says 100% (or leaves the cell empty), or, without a total row,
    /// when the shares come within two points of 100% — close enough that the gap
    /// is a slip, not a part left out. Each share may be rounded at its last digit,
    /// so the sum may miss 100% by half a unit per row.
    ///
    /// ## Why
    /// Shares that add up to 101.3% or 97% mean one of them was mistyped or a
    /// row was dropped after the shares were computed.
    ///
    /// ## Example
    /// ```bad
    /// | 类别 | 人数 | 占比 |
    /// |---|---|---|
    /// | 城镇 | 620 | 62.0% |
    /// | 农村 | 380 | 39.0% |
    /// | 合计 | 1000 | 100% |
    /// ```
    /// ```good
    /// | 类别 | 人数 | 占比 |
    /// |---|---|---|
    /// | 城镇 | 620 | 62.0% |
    /// | 农村 | 380 | 38.0% |
    /// | 合计 | 1000 | 100% |
    /// ```
    pub struct TableShareSum {}
    code = "RL213", name = "table-share-sum", family = Tables, severity = Error,
    summary = "the shares of a complete breakdown do not add up to 100%",
}

impl Configurable for TableShareSum {
    type Options = NoOptions;
    fn new(_: NoOptions) -> Result<Self, String> {
        Ok(TableShareSum {})
    }
}

/// Without a total row, a sum this close to 100% is taken as a full breakdown.
const NEAR_WHOLE: f64 = 2.0;

impl Lint for TableShareSum {
    fn meta(&self) -> &'static LintMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        for t in &doc.tables {
            for c in 0..t.columns.len() {
                if matches!(t.columns[c].kind, ColumnKind::Rate { share: true, .. }) {
                    check_column(t, c, out);
                }
            }
        }
    }
}

/// Sum of shares and the slack their rounding allows: half a unit per share
/// either way, a whole one below for shares cut off rather than rounded.
fn fits_whole(shares: &[CellNumber], whole: f64) -> bool {
    let sum: f64 = shares.iter().map(|n| n.value).sum();
    let half: f64 = shares.iter().map(|n| n.step / 2.0).sum::<f64>() + 1e-9 * whole;
    let cut: f64 = shares.iter().map(|n| n.step).sum::<f64>() + 1e-9 * whole;
    sum <= whole + half && sum >= whole - cut
}

fn check_column(t: &Table, c: usize, out: &mut Vec<Finding>) {
    let totals: Vec<usize> = t.body().filter(|&r| t.rows[r].role.is_whole()).collect();
    if totals.is_empty() {
        let rows: Vec<usize> = t.body().collect();
        let items: Vec<usize> = readings(t, &rows).into_iter().next().unwrap_or_default();
        check_rows(t, c, None, &items, out);
        return;
    }
    for at in totals {
        // The total row must say the whole is 100% (or say nothing).
        let stated = t.number(at, c);
        if stated.is_some_and(|n| (n.value - 100.0).abs() > n.step) {
            continue;
        }
        let scope = scope(t, at);
        // Several readings of the rows under the total: any that fits clears it.
        let all = readings(t, &scope);
        let fits = all.iter().any(|items| {
            column_numbers(t, items, c).is_some_and(|v| {
                let shares: Vec<CellNumber> = v.into_iter().map(|(_, n)| n).collect();
                shares.len() >= 2 && fits_whole(&shares, 100.0)
            })
        });
        if !fits {
            if let Some(items) = all.first() {
                check_rows(t, c, Some(at), items, out);
            }
        }
    }
}

fn check_rows(t: &Table, c: usize, total: Option<usize>, items: &[usize], out: &mut Vec<Finding>) {
    let Some(found) = column_numbers(t, items, c) else {
        return;
    };
    let shares: Vec<CellNumber> = found.iter().map(|&(_, n)| n).collect();
    if shares.len() < 2 || fits_whole(&shares, 100.0) {
        return;
    }
    let sum: f64 = shares.iter().map(|n| n.value).sum();
    if total.is_none() && (sum - 100.0).abs() > NEAR_WHOLE {
        return; // a selection of parts, not a breakdown of the whole
    }
    let d = shares.iter().map(|n| n.decimals).max().unwrap_or(0);
    let span = match total.and_then(|r| t.cell_span(r, c)) {
        Some(s) if !s.is_empty() => s,
        _ => t.columns[c]
            .header_span
            .or_else(|| found.last().and_then(|&(r, _)| t.cell_span(r, c)))
            .unwrap_or(t.span),
    };
    let column = t.column_name(c);
    let severity = if total.is_some() {
        Severity::Error
    } else {
        Severity::Warning
    };
    let mut f = Finding::new(
        &META,
        span,
        format!("表格「{column}」列各行相加为 {}%，不是 100%", show(sum, d)),
    )
    .severity(severity)
    .primary(if total.is_some() {
        "整体为 100%".to_owned()
    } else {
        format!("「{column}」各行合计 {}%", show(sum, d))
    });
    for &(r, n) in &found {
        if let Some(s) = t.cell_span(r, c) {
            f = f.label(
                s,
                format!("{} {}%", t.row_name(r), show(n.value, n.decimals)),
            );
        }
    }
    out.push(f.help(format!(
        "{} = {}%，各部分之和应为 100%（四舍五入最多差 {}）；核对各行的占比",
        sum_expression(&shares),
        show(sum, d),
        show(shares.iter().map(|n| n.step / 2.0).sum::<f64>(), d + 1)
    )));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lints::testing::pass_fail;

    const HEAD: &str = "| 类别 | 人数 | 占比 |\n|---|---|---|\n";

    #[test]
    fn cases() {
        pass_fail(
            &TableShareSum {},
            &[
                &format!("{HEAD}| 城镇 | 620 | 62.0% |\n| 农村 | 380 | 38.0% |\n| 合计 | 1000 | 100% |\n"),
                // Rounding: 33.3 × 3 = 99.9.
                &format!("{HEAD}| 甲 | 1 | 33.3% |\n| 乙 | 1 | 33.3% |\n| 丙 | 1 | 33.3% |\n| 合计 | 3 | 100% |\n"),
                // A few of the parts, no total: not a breakdown.
                &format!("{HEAD}| 甲市 | 10 | 12.5% |\n| 乙市 | 20 | 25.0% |\n"),
                // The total row does not say 100%: the shares are of something else.
                &format!("{HEAD}| 甲 | 10 | 12.5% |\n| 乙 | 20 | 25.0% |\n| 合计 | 30 | 37.5% |\n"),
                // Parts (其中) are inside their row's share.
                &format!("{HEAD}| 城镇 | 620 | 62.0% |\n| 其中：城区 | 500 | 50.0% |\n| 农村 | 380 | 38.0% |\n| 合计 | 1000 | 100% |\n"),
            ],
            &[
                &format!("{HEAD}| 城镇 | 620 | 62.0% |\n| 农村 | 380 | 39.0% |\n| 合计 | 1000 | 100% |\n"),
                &format!("{HEAD}| 城镇 | 620 | 62.0% |\n| 农村 | 380 | 39.0% |\n"),
                "类别\t人数\t构成（%）\n城镇\t620\t62.0\n农村\t380\t36.0\n合计\t1000\t\n",
            ],
        );
    }
}
