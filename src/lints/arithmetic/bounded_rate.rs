use crate::diagnostic::Finding;
use crate::document::claims::ClaimKind;
use crate::document::Document;
use crate::lints::{Configurable, Lint, LintMeta, NoOptions};

crate::declare_lint! {
    /// ## What it does
    /// Reports a rate that cannot exceed 100% written above 100%: a coverage,
    /// screening, vaccination, detection or pass rate, or a share (占比, 占X%).
    /// Which rates are bounded comes from `lints/rates.toml`; 完成率, 增长率,
    /// 同比, 使用率 and other rates that may exceed 100% are never reported. The
    /// printed rate is an interval: 100% may stand for 100.4%, never 105%.
    ///
    /// Shares of one whole that do not make 100% (城镇/农村 shares, 三次产业结构
    /// 11.6:25.2:63.2) are checked by `sum-mismatch`.
    ///
    /// Severity: always an error: the rate's own name says it is part of a whole.
    ///
    /// ## Why
    /// A part cannot be larger than its whole: 覆盖率105% is a typo or a rate
    /// computed over the wrong base.
    ///
    /// ## Example
    /// ```bad
    /// 全市适龄儿童免疫规划疫苗接种率达到109%。
    /// ```
    /// ```good
    /// 全市适龄儿童免疫规划疫苗接种率达到99%。
    /// ```
    pub struct BoundedRate {}
    code = "RL207", name = "bounded-rate", family = Arithmetic, severity = Error,
    summary = "a coverage, screening or share rate above 100%",
}

impl Configurable for BoundedRate {
    type Options = NoOptions;
    fn new(_: NoOptions) -> Result<Self, String> {
        Ok(BoundedRate {})
    }
}

impl Lint for BoundedRate {
    fn meta(&self) -> &'static LintMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        for c in doc.claims().of(ClaimKind::Bounded).filter(|c| c.fails()) {
            // The rate's own words, not the whole clause before it.
            let n = c.stated.label.chars().count();
            let what: String = match n {
                0 => "比率".to_owned(),
                1..=12 => c.stated.label.clone(),
                _ => format!(
                    "…{}",
                    c.stated.label.chars().skip(n - 8).collect::<String>()
                ),
            };
            out.push(
                Finding::new(
                    &META,
                    c.stated.span,
                    format!(
                        "「{what}{}」超过 100%：部分占整体的比率不可能大于 100%",
                        c.stated.written
                    ),
                )
                .primary("超过 100%")
                .label(c.stated.label_span, "部分占整体的比率")
                .help("核对比率的分子与分母：分子是分母的一部分，比率最多 100%；若确为增长或完成情况，改用「完成率」「增长」等说法"),
            );
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
            &BoundedRate {},
            &[
                "完成率128.9%。",
                "同比增长120%。",
                "接种率提高120%。",
                "医疗服务覆盖率达100%。",
                "床位使用率105%。",
                "覆盖率由85%提高到100%。",
            ],
            &[
                "医疗服务覆盖率达105%。",
                "民营医院200家，占120%。",
                "基层卫技人员占比达156.74%。",
            ],
        );
    }
}
