use crate::diagnostic::Finding;
use crate::document::claims::{show, ClaimKind};
use crate::document::Document;
use crate::lints::arithmetic::report;
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

impl Lint for TableShareSum {
    fn meta(&self) -> &'static LintMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        for c in doc
            .claims()
            .of(ClaimKind::TableShares)
            .filter(|c| c.fails())
        {
            let Some(r) = c.assumed() else { continue };
            let message = format!(
                "表格「{}」列各行相加为 {}，不是 100%",
                c.stated.label,
                show::value_against(r.computed, c.stated.value, 2)
            );
            out.extend(report::finding(&META, c, message, "核对各行的占比"));
        }
    }
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
