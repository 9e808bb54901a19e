use crate::diagnostic::Finding;
use crate::document::claims::ClaimKind;
use crate::document::Document;
use crate::lints::arithmetic::report;
use crate::lints::{Configurable, Lint, LintMeta, NoOptions};

crate::declare_lint! {
    /// ## What it does
    /// Compares a number in the prose with the table the sentence points to
    /// ("全市共完成产前筛查3092人（详见附表1）"). The table is the one the sentence
    /// names (附表1, 表2) or, for 见下表 / 如下表, the next table. The number's label
    /// must name a column ("产前筛查" for "产前筛查（人）"), and the row must be clear:
    /// a row the clause names (城关区), or the total row when the clause speaks of a
    /// total (共, 合计, 全市, 累计 …). Amounts are compared in one unit (万元 in the
    /// table, 元 or 亿元 in the prose), each at the precision it is printed with.
    ///
    /// ## Why
    /// The summary sentence is often written before the table's last correction,
    /// and then the two disagree.
    ///
    /// ## Example
    /// ```bad
    /// 全年共完成产前筛查3092人（详见附表1）。
    ///
    /// 附表1　产前筛查完成情况
    ///
    /// | 地区 | 产前筛查（人） |
    /// |---|---|
    /// | 城关区 | 1401 |
    /// | 东山县 | 1681 |
    /// | 合计 | 3082 |
    /// ```
    /// ```good
    /// 全年共完成产前筛查3082人（详见附表1）。
    ///
    /// 附表1　产前筛查完成情况
    ///
    /// | 地区 | 产前筛查（人） |
    /// |---|---|
    /// | 城关区 | 1401 |
    /// | 东山县 | 1681 |
    /// | 合计 | 3082 |
    /// ```
    pub struct TableProseMismatch {}
    code = "RL214", name = "table-prose-mismatch", family = Tables, severity = Warning,
    summary = "a number in the text disagrees with the table cell it quotes",
}

impl Configurable for TableProseMismatch {
    type Options = NoOptions;
    fn new(_: NoOptions) -> Result<Self, String> {
        Ok(TableProseMismatch {})
    }
}

impl Lint for TableProseMismatch {
    fn meta(&self) -> &'static LintMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        for c in doc.claims().of(ClaimKind::TableQuote).filter(|c| c.fails()) {
            let Some(r) = c.assumed() else { continue };
            let Some(cell) = r.operands.first() else {
                continue;
            };
            let message = format!(
                "「{}{}」与表格不符：表中「{}」为 {}",
                c.stated.label, c.stated.written, cell.label, cell.written
            );
            out.extend(report::finding(
                &META,
                c,
                message,
                "核对是哪一处先改了，使两处一致",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lints::testing::pass_fail;

    const TABLE: &str = "附表1　资金到位情况（单位：万元）\n\n| 地区 | 到位资金 | 到位率（%） |\n|---|---|---|\n| 城关区 | 1200.5 | 96.0 |\n| 东山县 | 800 | 80.0 |\n| 合计 | 2000.5 | 88.9 |\n";

    #[test]
    fn cases() {
        pass_fail(
            &TableProseMismatch {},
            &[
                &format!("全市共到位资金2000.5万元（见附表1）。\n\n{TABLE}"),
                &format!("全市共到位资金约2000万元，详见附表1。\n\n{TABLE}"),
                &format!("全市共到位资金0.2亿元，详见附表1。\n\n{TABLE}"),
                &format!("城关区到位资金1200.5万元，到位率96%，见附表1。\n\n{TABLE}"),
                &format!("城关区到位资金1200.5万元，全市到位率88.9%，见附表1。\n\n{TABLE}"),
                // No reference: the prose may speak of something else.
                &format!("全市共到位资金2100万元。\n\n{TABLE}"),
                // A number in another row of the column.
                &format!("其中到位资金800万元，见附表1。\n\n{TABLE}"),
                // 代表1 is not a reference to 表1.
                &format!("全市共到位资金2100万元，人大代表1名视察。\n\n{TABLE}"),
            ],
            &[
                &format!("全市共到位资金2100万元（见附表1）。\n\n{TABLE}"),
                &format!("全市合计到位资金2000.5万元，到位率89.9%，详见附表1。\n\n{TABLE}"),
                &format!("城关区到位资金1210.5万元，详见下表。\n\n{TABLE}"),
                &format!("城关区到位资金1200.5万元，到位率94%，详见下表。\n\n{TABLE}"),
            ],
        );
    }
}
