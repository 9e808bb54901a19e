use super::rate_table::{
    builtin, contains_any, count, counts_before, percent, same_unit, RateEntry,
};
use crate::diagnostic::{Finding, Severity};
use crate::document::{Approx, Document, Kind, Quantity};
use crate::lints::{Configurable, Lint, LintMeta};
use serde::Deserialize;

crate::declare_lint! {
    /// ## What it does
    /// Recomputes a stated rate or share from the counts it is computed from and
    /// reports it when the ratio does not round (or truncate) to the written figure.
    /// A printed rate is an interval: 95.83% stands for [95.825, 95.835) and 90%
    /// for [89.5, 91), both rounding and truncation are accepted, and 约/近 widen it.
    ///
    /// Two forms are read. `X率 P%` is tied through `lints/rates.toml`: the
    /// numerator is the nearest count before it in the sentence whose label holds a
    /// numerator word (筛查 for 筛查率), the denominator a count of the same unit
    /// in the paragraph whose label holds a denominator word (产妇, 活产 …).
    /// A rate the table does not know is read only when its sentence holds one
    /// count labelled with the rate's stem (治愈 for 治愈率) and exactly one larger
    /// count of the same unit before it (a warning).
    /// `N人，占P%` takes the count just before 占 as numerator; its base must be the
    /// only larger count of the same unit earlier in the sentence. A rate is never
    /// reported while any count of the paragraph reproduces it (different rates of
    /// one paragraph often have different bases), nor when nothing can be tied.
    ///
    /// Severity: error when the rate's label is exactly a table word and all three
    /// numbers stand in one sentence; a warning when the label qualifies the rate
    /// (期内及时整改率 may count only part of the 整改) or for an 占 share.
    ///
    /// ## Why
    /// A rate that contradicts its own counts is the most common arithmetic slip in
    /// work reports and the first thing a reviewer recomputes.
    ///
    /// ## Options
    /// `rates = [{ rate = ["治愈率"], numerator = ["治愈"], denominator = ["患者"] }]`
    /// adds rate kinds to the built-in table.
    ///
    /// ## Example
    /// ```bad
    /// 发现隐患240条，完成整改233条，整改率100%。
    /// ```
    /// ```good
    /// 发现隐患240条，完成整改233条，整改率97.08%。
    /// ```
    pub struct RateMismatch { extra: Vec<RateEntry> }
    code = "RL201", name = "rate-mismatch", family = Arithmetic, severity = Error,
    summary = "a stated rate or share that its own counts do not give",
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Options {
    rates: Vec<RateEntry>,
}

impl Configurable for RateMismatch {
    type Options = Options;
    fn new(o: Options) -> Result<Self, String> {
        Ok(RateMismatch { extra: o.rates })
    }
}

/// A tied reading: numerator and denominator indices into `doc.quantities`.
struct Reading {
    numerator: usize,
    denominator: usize,
    severity: Severity,
}

impl Lint for RateMismatch {
    fn meta(&self) -> &'static LintMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let qs = &doc.quantities;
        for (k, rate) in qs.iter().enumerate() {
            if rate.kind != Kind::Percent || matches!(rate.approx, Approx::AtLeast | Approx::AtMost)
            {
                continue;
            }
            let reading = if rate.label == "占"
                || rate.label.ends_with("占") && rate.label.chars().count() <= 2
            {
                share_reading(qs, k)
            } else if rate.label.contains("完成率") {
                None // completion-vs-target reads these
            } else {
                match builtin().entry_for(&self.extra, &rate.label) {
                    Some(e) => rate_reading(qs, k, e),
                    None => generic_reading(qs, k),
                }
            };
            if let Some(r) = reading {
                out.push(finding(
                    doc,
                    rate,
                    &qs[r.numerator],
                    &qs[r.denominator],
                    r.severity,
                ));
            }
        }
    }
}

/// Whether some count of the paragraph, as denominator, reproduces the rate.
fn any_reading_fits(qs: &[Quantity], k: usize, numerator: usize) -> bool {
    let num = &qs[numerator];
    counts_before(qs, k)
        .filter(|&j| j != numerator && same_unit(&qs[j], num) && qs[j].value > 0.0)
        .any(|j| qs[k].admits(num.value / qs[j].value * 100.0))
}

fn rate_reading(qs: &[Quantity], k: usize, entry: &RateEntry) -> Option<Reading> {
    let rate = &qs[k];
    let numerator = counts_before(qs, k).find(|&j| {
        qs[j].sentence == rate.sentence
            && contains_any(&qs[j].label, &entry.numerator)
            && !contains_any(&qs[j].label, &entry.denominator)
    })?;
    if any_reading_fits(qs, k, numerator) {
        return None;
    }
    let tied: Vec<usize> = counts_before(qs, k)
        .filter(|&j| j != numerator && same_unit(&qs[j], &qs[numerator]))
        .filter(|&j| contains_any(&qs[j].label, &entry.denominator))
        .collect();
    let [denominator] = tied[..] else { return None };
    if qs[denominator].value <= 0.0 {
        return None;
    }
    let exact_label = entry.rate.contains(&rate.label);
    let one_sentence = qs[denominator].sentence == rate.sentence;
    let severity = if exact_label && one_sentence {
        Severity::Error
    } else {
        Severity::Warning
    };
    Some(Reading {
        numerator,
        denominator,
        severity,
    })
}

/// A rate the table does not know (阳性率, 治愈率): its numerator is the nearest
/// count of the sentence labelled with the rate's stem (阳性 for 筛查阳性率), and
/// it is read only when the sentence holds exactly one larger count of the same
/// unit before that numerator, so that the pair has one reading.
fn generic_reading(qs: &[Quantity], k: usize) -> Option<Reading> {
    let rate = &qs[k];
    let stem: String = rate
        .label
        .strip_suffix('率')?
        .chars()
        .rev()
        .take(2)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if stem.chars().count() < 2 {
        return None;
    }
    let numerator = counts_before(qs, k)
        .find(|&j| qs[j].sentence == rate.sentence && qs[j].label.contains(stem.as_str()))?;
    if any_reading_fits(qs, k, numerator) {
        return None;
    }
    one_larger_base(qs, numerator, rate.sentence)
}

/// `筛出高风险孕妇59人，占4.21%`: the count right before 占 over the one larger
/// count of the same unit earlier in the sentence.
fn share_reading(qs: &[Quantity], k: usize) -> Option<Reading> {
    let rate = &qs[k];
    let numerator = k.checked_sub(1)?;
    let num = &qs[numerator];
    if num.paragraph != rate.paragraph
        || num.sentence != rate.sentence
        || !num.is_count()
        || num.approx != Approx::Exact
    {
        return None;
    }
    if any_reading_fits(qs, k, numerator) {
        return None;
    }
    one_larger_base(qs, numerator, rate.sentence)
}

fn finding(
    doc: &Document,
    rate: &Quantity,
    num: &Quantity,
    den: &Quantity,
    severity: Severity,
) -> Finding {
    let got = num.value / den.value * 100.0;
    let claim = format!("{}{}", rate.label, rate.written);
    let recompute = format!(
        "{} ÷ {} = {}",
        count(num.value),
        count(den.value),
        percent(got)
    );
    Finding::new(
        &META,
        rate.span,
        format!("「{claim}」与其计数不符：{recompute}"),
    )
    .severity(severity)
    .primary(format!("所写比率，按计数应为 {}", percent(got)))
    .label(
        num.label_span.cover(num.span),
        format!("分子 {}", count(num.value)),
    )
    .label(
        den.label_span.cover(den.span),
        format!("分母 {}", count(den.value)),
    )
    .help(format!(
        "{recompute}，与所写 {} 不符；核对「{}」「{}」两个计数，或把比率改为 {}",
        doc.slice(rate.span),
        doc.slice(num.label_span.cover(num.span)),
        doc.slice(den.label_span.cover(den.span)),
        percent(got)
    ))
}

/// The reading of a numerator over the one larger count of its unit earlier in
/// the rate's sentence; none when there are several (the pair is ambiguous).
fn one_larger_base(qs: &[Quantity], numerator: usize, sentence: usize) -> Option<Reading> {
    let num = &qs[numerator];
    let bases: Vec<usize> = counts_before(qs, numerator)
        .filter(|&j| {
            qs[j].sentence == sentence && same_unit(&qs[j], num) && qs[j].value > num.value
        })
        .collect();
    let [denominator] = bases[..] else {
        return None;
    };
    Some(Reading {
        numerator,
        denominator,
        severity: Severity::Warning,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lints::testing::{pass_fail, run};

    #[test]
    fn cases() {
        let lint = RateMismatch { extra: Vec::new() };
        pass_fail(
            &lint,
            &[
                "上半年,我市辖区产妇数1462人,产前筛查1401人,筛查率95.83%,筛出高风险孕妇59人,占4.21%,临界风险127人,占9.06%,产前诊断人数156人,产前诊断率10.67%。",
                "累计开展接种483201人,按第七次全国人口普查海安874334人计算,首针接种率55.26%,第二针接种349593人,二针接种率39.98%。",
                "上半年辖区活产数1483人,先天性甲状腺功能低下和苯丙酮尿症共筛查1480人,筛查率99.80%。",
                "筛查数1452人,筛查率99.79%,筛查阳性例数63人,筛查阳性率4.34%,超声心动图检查例数63人,检查率100%,确诊先心病1人,确诊率1.59%。",
                "全市共有医生3000人，其中女性1200人，占40%。",
                "全市共有医生3000人，其中女性约1200人，占41%。",
                "发现隐患240条，完成整改233条，整改率约97%。",
                "完成整改233条，整改率100%。",
                "接诊患者500人，治愈480人，治愈率96%。",
                "登记500人，复诊600人，治愈480人，治愈率90%。",
            ],
            &[
                "发现隐患240条，完成整改233条，期内及时整改率100%。",
                "全市共有医生3000人，其中女性1200人，占45%。",
                "常住人口874334人，累计接种483201人，接种率65.26%。",
                "接诊患者500人，治愈480人，治愈率90%。",
            ],
        );
    }

    #[test]
    fn qualified_rate_is_a_warning_with_labels() {
        let found = run(
            &RateMismatch { extra: Vec::new() },
            "发现隐患240条，完成整改233条，期内及时整改率100%。",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Warning);
        assert_eq!(found[0].labels.len(), 2);
        assert!(found[0]
            .help
            .as_deref()
            .unwrap_or("")
            .starts_with("233 ÷ 240 = 97.08%，与所写 100% 不符"));
        let found = run(
            &RateMismatch { extra: Vec::new() },
            "发现隐患240条，完成整改233条，整改率100%。",
        );
        assert_eq!(found[0].severity, Severity::Error);
    }

    #[test]
    fn users_extend_the_table() {
        let text = "收治患者500人，随访800人，治愈480人，治愈率90%。";
        assert!(
            run(&RateMismatch { extra: Vec::new() }, text).is_empty(),
            "two bases: no reading without the table"
        );
        let o: Options = toml::from_str(
            r#"rates = [{ rate = ["治愈率"], numerator = ["治愈"], denominator = ["患者"] }]"#,
        )
        .expect("options");
        let found = run(&RateMismatch::new(o).expect("lint"), text);
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.contains("480 ÷ 500 = 96%"),
            "{}",
            found[0].message
        );
    }
}
