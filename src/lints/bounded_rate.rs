use super::rate_table::builtin;
use super::{Configurable, Lint, LintMeta, NoOptions};
use crate::diagnostic::Finding;
use crate::document::{Approx, Document, Kind};

crate::declare_lint! {
    /// ## What it does
    /// Reports a rate that cannot exceed 100% written above 100%: a coverage,
    /// screening, vaccination, detection or pass rate, or a share (占比, 占X%).
    /// Which rates are bounded comes from `lints/rates.toml`; 完成率, 增长率,
    /// 同比, 使用率 and other rates that may exceed 100% are never reported.
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
        for q in &doc.quantities {
            if q.kind != Kind::Percent || q.value <= 100.0 || q.approx == Approx::AtMost {
                continue;
            }
            let share = q.label == "占" || q.label.ends_with("占比");
            if !share && !builtin().is_bounded(&q.label) {
                continue;
            }
            // The rate's own words, not the whole clause before it.
            let n = q.label.chars().count();
            let what: String =
                if n == 0 { "比率".to_owned() } else { q.label.chars().skip(n.saturating_sub(8)).collect() };
            out.push(
                Finding::new(&META, q.span, format!("「{what}{}」超过 100%：部分占整体的比率不可能大于 100%", q.written))
                    .primary("超过 100%")
                    .label(q.label_span, "部分占整体的比率")
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
            &["完成率128.9%。", "同比增长120%。", "接种率提高120%。", "医疗服务覆盖率达100%。", "床位使用率105%。"],
            &["医疗服务覆盖率达105%。", "民营医院200家，占120%。", "基层卫技人员占比达156.74%。"],
        );
    }
}
