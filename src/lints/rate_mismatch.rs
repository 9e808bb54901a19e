use super::arith::{allows, is_exact_count, num, percent, rates, shares_stem};
use super::{Configurable, Lint, LintMeta};
use crate::diagnostic::{Finding, Severity};
use crate::document::{Document, Kind, Quantity};
use serde::Deserialize;

crate::declare_lint! {
    /// ## What it does
    /// Recomputes a stated rate or share (`筛查率95.83%`, `占4.21%`) from the counts
    /// beside it and reports it when no reading of those counts gives it.
    ///
    /// A printed rate is an interval, not a point: `95.83%` allows anything that
    /// rounds or truncates to it, [95.825, 95.84). The lint first looks for ANY
    /// pair of counts in the sentence (and the one before) with the same unit whose
    /// ratio the rate allows; if there is one, it stays silent. Only when none fits
    /// and the rate is tied to a numerator and a denominator by their words (the
    /// numerator names the rate's activity, 整改率 ← 完成整改233条; the denominator is
    /// a whole from the table in `lints/rates.toml`, 发现隐患240条) does it report.
    ///
    /// Severity is `error` when the numerator's words contain the rate's whole
    /// stem, `warning` when the rate carries a qualifier the counts do not
    /// (期内及时整改率): a plausible reading disagrees.
    ///
    /// ## Why
    /// A rate that does not match its own counts is the most common arithmetic
    /// error in work reports, and reviewers recompute them by hand.
    ///
    /// ## Options
    /// `extra = [{ stem = "随访", denominators = ["在管"] }]` adds rate words.
    ///
    /// ## Example
    /// ```bad
    /// 发现隐患240条，完成整改233条，整改率100%。
    /// ```
    /// ```good
    /// 发现隐患240条，完成整改233条，整改率97.08%。
    /// ```
    pub struct RateMismatch { extra: Vec<super::arith::RateWord> }
    code = "RL201", name = "rate-mismatch", family = Arithmetic, severity = Error,
    summary = "a stated rate that its own counts do not give",
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Options {
    extra: Vec<super::arith::RateWord>,
}

impl Configurable for RateMismatch {
    type Options = Options;
    fn new(o: Options) -> Result<Self, String> {
        Ok(RateMismatch { extra: o.extra })
    }
}

/// The counts a rate may be computed from: exact counts earlier in its sentence
/// or in the sentence before, in the same paragraph.
pub fn window<'d>(doc: &'d Document, r: &Quantity) -> Vec<&'d Quantity> {
    doc.quantities
        .iter()
        .filter(|c| {
            c.paragraph == r.paragraph
                && c.local.end <= r.local.start
                && c.sentence + 1 >= r.sentence
                && is_exact_count(c)
                && c.value > 0.0
        })
        .collect()
}

/// Whether some pair of counts in the window gives the stated percentage.
pub fn some_pair_gives(r: &Quantity, counts: &[&Quantity]) -> bool {
    counts.iter().any(|n| {
        counts.iter().any(|d| {
            !std::ptr::eq(*n, *d) && n.same_unit(d) && allows(r, n.value / d.value * 100.0)
        })
    })
}

impl RateMismatch {
    fn denominator_words(&self, stem: &str) -> Vec<&str> {
        rates()
            .rate
            .iter()
            .chain(&self.extra)
            .filter(|w| stem.ends_with(w.stem.as_str()))
            .flat_map(|w| w.denominators.iter().map(String::as_str))
            .collect()
    }
}

impl RateMismatch {
    /// 整改率: the numerator names the activity (nearest wins), the denominator is a
    /// whole from the rate table.
    fn tie_rate<'d>(
        &self,
        stem: &str,
        counts: &[&'d Quantity],
    ) -> Option<(&'d Quantity, &'d Quantity, Severity)> {
        let n = *counts
            .iter()
            .rev()
            .find(|c| shares_stem(&c.label, stem).is_some())?;
        let words = self.denominator_words(stem);
        let d = *counts.iter().rev().find(|c| {
            !std::ptr::eq(**c, n)
                && c.same_unit(n)
                && c.value >= n.value
                && words.iter().any(|w| c.label.contains(w))
        })?;
        let severity = if n.label.contains(stem) {
            Severity::Error
        } else {
            Severity::Warning
        };
        Some((n, d, severity))
    }

    /// 占4.21%: the count just before is the part; the whole is an earlier, larger
    /// count of the same unit whose words say it is a total.
    fn tie_share<'d>(
        &self,
        r: &Quantity,
        counts: &[&'d Quantity],
    ) -> Option<(&'d Quantity, &'d Quantity, Severity)> {
        let n = *counts.iter().rev().find(|c| c.sentence == r.sentence)?;
        let totals = &rates().totals;
        let mut wholes = counts.iter().filter(|c| {
            c.local.end <= n.local.start
                && c.same_unit(n)
                && c.value > n.value
                && totals.iter().any(|w| c.label.contains(w.as_str()))
        });
        let d = *wholes.next()?;
        // Two candidate wholes: the share may be of either; say nothing.
        if wholes.next().is_some() {
            return None;
        }
        Some((n, d, Severity::Warning))
    }
}

impl Lint for RateMismatch {
    fn meta(&self) -> &'static LintMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        for r in &doc.quantities {
            if r.kind != Kind::Percent || !r.is_exact() {
                continue;
            }
            let share = r.label == "占"
                || ["占比", "比例", "比重"]
                    .iter()
                    .any(|w| r.label.ends_with(w));
            let stem = if share {
                ""
            } else {
                r.label.strip_suffix('率').unwrap_or("")
            };
            // Completion and growth have lints of their own.
            let other = stem.ends_with("完成")
                || rates().unbounded.iter().any(|w| stem.contains(w.as_str()));
            if !share && (stem.len() < "筛查".len() || other) {
                continue;
            }
            let counts = window(doc, r);
            if counts.len() < 2 || some_pair_gives(r, &counts) {
                continue;
            }
            let tie = if share {
                self.tie_share(r, &counts)
            } else {
                self.tie_rate(stem, &counts)
            };
            let Some((n, d, severity)) = tie else {
                continue;
            };
            let computed = n.value / d.value * 100.0;
            let stated = doc.slice(r.span);
            let mut message = format!(
                "「{}{stated}」与所列数字不符：{} ÷ {} = {}",
                r.label,
                num(n.value),
                num(d.value),
                percent(n.value, d.value)
            );
            if r.value >= 100.0 && computed < 99.5 {
                message.push_str("，并非全部");
            }
            out.push(
                Finding::new(&META, r.span, message)
                    .severity(severity)
                    .primary(format!("文中为 {stated}"))
                    .label(n.span, format!("分子：{}", n.label))
                    .label(d.span, format!("分母：{}", d.label))
                    .help(format!(
                        "按{}{} ÷ {}{}计算应为 {}；核对比率或这两个数字",
                        n.label,
                        doc.slice(n.span),
                        d.label,
                        doc.slice(d.span),
                        percent(n.value, d.value)
                    )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lints::testing::{pass_fail, run};

    #[test]
    fn cases() {
        pass_fail(
            &RateMismatch { extra: vec![] },
            &[
                "上半年,我市辖区产妇数1462人,产前筛查1401人,筛查率95.83%,筛出高风险孕妇59人,占4.21%,临界风险127人,占9.06%,产前诊断人数156人,产前诊断率10.67%。",
                "累计开展接种483201人,按第七次全国人口普查海安874334人计算,首针接种率55.26%,第二针接种349593人,二针接种率39.98%。",
                "上半年辖区活产数1483人,共筛查1480人,筛查率99.80%。",
                "全县60岁以上人群首针接种16.1万人，接种率90%。",
                "发现隐患240条，完成整改233条，整改率97.1%。",
            ],
            &[
                "上半年,我市辖区产妇数1462人,产前筛查1401人,筛查率93.83%。",
                "发现隐患240条，完成整改233条，整改率100%。",
                "全市医务人员总数5000人，其中护士2100人，占45%。",
            ],
        );
    }

    #[test]
    fn a_qualified_rate_is_a_warning_and_names_every_number() {
        let found = run(
            &RateMismatch { extra: vec![] },
            "发现隐患240条,完成整改233条,期内及时整改率100%。",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Warning);
        assert_eq!(found[0].labels.len(), 2);
        assert!(
            found[0].message.contains("233 ÷ 240 = 97.08%"),
            "{}",
            found[0].message
        );
    }
}
