use crate::diagnostic::Finding;
use crate::document::claims::ClaimKind;
use crate::document::Document;
use crate::lints::arithmetic::report;
use crate::lints::{Configurable, Lint, LintMeta, NoOptions};

crate::declare_lint! {
    /// ## What it does
    /// Checks a table's total column (合计, 总计, 小计, 总数 …) against the columns it
    /// adds up, row by row. Which columns it covers is not written down, so the
    /// readings are tried: the counts or amounts right before it, right after it,
    /// or under the same merged header ("资金" over 中央 / 省级 / 合计). A reading is
    /// taken when it holds on most rows (and at least two) and no
    /// other reading holds as often; the rows that break it are the findings.
    /// When no header names a total (a merged header that cannot be placed), the
    /// last count column is one if it adds up all the count columns before it on
    /// three rows or more and fails on one row at most.
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
        for c in doc
            .claims()
            .of(ClaimKind::TableTotalColumn)
            .filter(|c| c.fails())
        {
            let Some(r) = c.assumed() else { continue };
            let message = format!(
                "表格「{}」为 {}，而{}为 {}",
                c.stated.label,
                c.stated.written,
                r.basis,
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
