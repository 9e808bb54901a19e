use super::arith::rates;
use super::{Configurable, Lint, LintMeta, NoOptions};
use crate::diagnostic::Finding;
use crate::document::{Document, Kind};

crate::declare_lint! {
    /// ## What it does
    /// Reports a rate that is a share of a whole (接种率, 覆盖率, 筛查率, 检出率,
    /// 占比 …, the `bounded` list in `lints/rates.toml`) stated above 100%.
    /// 完成率, 增长率 and other rates that may exceed 100% are left alone.
    ///
    /// ## Why
    /// More than everyone cannot be vaccinated: a share above 100% is a typo, a
    /// swapped numerator and denominator, or a rate of the wrong kind.
    ///
    /// ## Example
    /// ```bad
    /// 全县60岁以上人群首针接种16.1万人，接种率109%。
    /// ```
    /// ```good
    /// 全县60岁以上人群首针接种16.1万人，接种率90%；任务完成率128.9%。
    /// ```
    pub struct BoundedRate {}
    code = "RL207", name = "bounded-rate", family = Arithmetic, severity = Error,
    summary = "a share of a whole (接种率, 覆盖率, 占比) stated above 100%",
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
        let table = rates();
        for q in &doc.quantities {
            if q.kind != Kind::Percent || q.interval().0 <= 100.0 {
                continue;
            }
            let Some(word) = table.bounded.iter().find(|w| q.label.ends_with(w.as_str())) else {
                continue;
            };
            if table.unbounded.iter().any(|w| q.label.contains(w.as_str())) {
                continue;
            }
            let stated = doc.slice(q.span);
            out.push(
                Finding::new(
                    &META,
                    q.span,
                    format!(
                        "「{}{stated}」超过 100%：{word}是部分占整体的比例，不会超过 100%",
                        q.label
                    ),
                )
                .primary(format!("{word}不能超过 100%"))
                .help(
                    "核对这一比率：可能是笔误，或分子分母颠倒，或应为完成率等可以超过 100% 的指标",
                ),
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
                "完成率128.9%，筛查率99.80%，同比增长120%，覆盖率达100%。",
                "接种率100%以上的说法不出现。",
            ],
            &[
                "筛查率109.8%。",
                "老年医学科占比为120%。",
                "重点人群签约率达到101%。",
            ],
        );
    }
}
