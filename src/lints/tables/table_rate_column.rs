use crate::diagnostic::Finding;
use crate::document::claims::{show, ClaimKind};
use crate::document::Document;
use crate::lints::arithmetic::report;
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
    /// above 100% may be written as 100%. A row counted in % (its 单位 is %, or
    /// 客房出租率（%）) changes in points: a growth column is not checked on it.
    /// A column named as the ratio of two quantities (学生与专任教师比) is tried
    /// as a quotient without %, and a share column is taken of the table's total
    /// row or of the row whose share is 100. A row named as a rate in % (治愈率 %)
    /// in a table of periods is the row its name stems from (治愈) over the base
    /// row that fits most columns.
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
        for c in doc.claims().of(ClaimKind::TableRate).filter(|c| c.fails()) {
            let Some(r) = c.assumed() else { continue };
            let expr = show::expression(r, &c.stated);
            let formula = expr.split(" = ").next().unwrap_or(&expr);
            let message = format!(
                "表格「{}」为 {}，按 {formula} 应为 {}",
                c.stated.label,
                c.stated.written,
                report::computed(c, r)
            );
            out.extend(report::finding(&META, c, message, "核对本行的数字"));
        }
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
