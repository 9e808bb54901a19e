use super::report;
use crate::diagnostic::Finding;
use crate::document::claims::{show, ClaimKind};
use crate::document::Document;
use crate::lints::{Configurable, Lint, LintMeta, NoOptions};

crate::declare_lint! {
    /// ## What it does
    /// Finds an amount of money stated for a whole section ("2022年完成投资约3.78亿元")
    /// and the same amount itemised later in that section, project by project
    /// ("2022年完成投资8000万元 … 6000万元 …"), and adds the items up, converting
    /// 万元 and 亿元. Items and total must share their qualifier: the same year (or
    /// 目前/截至) and the same act (完成投资). Every amount is an interval: 约3.78亿元
    /// is 3.77–3.79亿元, half a unit of its last non-zero digit. Items that cover
    /// less than four fifths of the total are read as a partial list.
    ///
    /// Items that exceed the total cannot be a partial list; items that fall short
    /// are reported only when the text closes the list by stating how many items
    /// it has (重点项目3个，分别为…): an open list may leave items out.
    ///
    /// ## Why
    /// A section total that its own items contradict is a stale or mistyped figure.
    ///
    /// ## Example
    /// ```bad
    /// 重点项目3个，分别为南区、北区、中医院，2022年完成投资约2.1亿元。
    /// 南区2022年完成投资8000万元。北区2022年完成投资6000万元。中医院2022年完成投资5000万元。
    /// ```
    /// ```good
    /// 重点项目3个，分别为南区、北区、中医院，2022年完成投资约1.9亿元。
    /// 南区2022年完成投资8000万元。北区2022年完成投资6000万元。中医院2022年完成投资5000万元。
    /// ```
    pub struct TotalVsItems {}
    code = "RL204", name = "total-vs-items", family = Arithmetic, severity = Warning,
    summary = "a section's amount total differs from the sum of the same amount itemised below it",
}

impl Configurable for TotalVsItems {
    type Options = NoOptions;
    fn new(_: NoOptions) -> Result<Self, String> {
        Ok(TotalVsItems {})
    }
}

impl Lint for TotalVsItems {
    fn meta(&self) -> &'static LintMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        for c in doc
            .claims()
            .of(ClaimKind::SectionTotal)
            .filter(|c| c.fails())
        {
            let Some(r) = c.assumed() else { continue };
            let message = format!(
                "「{}」与{}金额之和 {} 不符",
                c.stated.written,
                r.basis,
                show::amount_like(r.computed, &c.stated.written)
            );
            out.extend(report::finding(
                &META,
                c,
                message,
                "核对总数，或补上漏列的项目",
            ));
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
            &TotalVsItems {},
            &[
                "截至目前已完成投资约13.36亿元。\n南区目前已完成投资48000万元。北区目前已完成投资38000万元。中心目前已完成投资12000万元。中医院目前已完成投资12000万元。三院目前已完成投资3800万元。二院目前已完成投资15000万元。卫生院目前已完成投资4800万元。\n",
                "2022年完成投资约10亿元。南区2022年完成投资8000万元。北区2022年完成投资6000万元。中医院2022年完成投资5000万元。\n",
                // Short of the total, and no count closes the list: items may be missing.
                "2022年完成投资约3.78亿元。\n南区2022年完成投资8000万元。北区2022年完成投资6000万元。中心2022年完成投资8000万元。中医院2022年完成投资5000万元。二院2022年完成投资5000万元。卫生院2022年完成投资2000万元。\n",
            ],
            &["重点项目6个，分别为南区、北区、中心、中医院、二院、卫生院，2022年完成投资约3.78亿元。\n南区2022年完成投资8000万元。北区2022年完成投资6000万元。中心2022年完成投资8000万元。中医院2022年完成投资5000万元。二院2022年完成投资5000万元。卫生院2022年完成投资2000万元。\n"],
        );
    }
}
