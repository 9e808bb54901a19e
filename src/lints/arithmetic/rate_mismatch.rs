use super::report;
use crate::diagnostic::Finding;
use crate::document::claims::{words::RateEntry, Claim, ClaimKind};
use crate::document::Document;
use crate::lints::{Configurable, Lint, LintMeta};
use serde::Deserialize;

crate::declare_lint! {
    /// ## What it does
    /// Recomputes a stated rate or share from the counts it is computed from and
    /// reports it when no reading of the counts gives the written figure. Every
    /// printed number is an interval: 95.83% stands for [95.825, 95.84) (rounded or
    /// cut off), 6.2万人 for [6.15万, 6.3万), 约/余/以上 widen or bound it; a rate
    /// holds when the intervals of its counts can produce it.
    ///
    /// The counts are bound by the claim model: the numerator is a count whose
    /// words name the rate's act (整改 for 整改率, 接种 for 首针接种率, 合格 in
    /// "115份合格", 实种 for 接种率); the denominator a count named as its base
    /// (`lints/rates.toml`, 应种/应检, "120个项目中", the base after 占…的, the total
    /// before 其中) or, by position, the one larger count of its kind earlier in
    /// the sentence. A count that carries its own share (452.1万人（占61.2%）) is
    /// never the base of its siblings. A fraction written after the rate (62.5%
    /// （305/488）) is checked too. Every count of the section is tried as a base:
    /// the rate is reported only when none gives it.
    ///
    /// Binding: named when the counts are named (the rate table's base in the same
    /// sentence, a 其中 parent, the base named after 占); inferred when the base is
    /// taken from position or the rate's label qualifies it (期内及时整改率). The help
    /// says which binding it assumes; only a named one suggests writing another number.
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

impl Lint for RateMismatch {
    fn meta(&self) -> &'static LintMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let own;
        let claims: &[Claim] = if self.extra.is_empty() {
            &doc.claims().list
        } else {
            own = crate::document::claims::ratio_claims_with(doc, &self.extra);
            &own
        };
        for c in claims {
            if matches!(c.kind, ClaimKind::Rate | ClaimKind::Share) && c.fails() {
                let what = format!("{}{}", c.stated.label, c.stated.written);
                let message = match c.assumed() {
                    Some(r) => format!(
                        "「{what}」与其计数不符：{}",
                        crate::document::claims::show::expression(r, &c.stated)
                    ),
                    None => continue,
                };
                out.extend(report::finding(&META, c, message, "核对分子、分母两个计数"));
            }
        }
    }
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
                "全县60岁以上人群首针接种16.1万人，接种率90%，80岁以上人群首针接种1.9万人，接种率76%。",
                "全市卫技人员6.2万人，其中执业医师2.3万人，占37.3%。",
                "城镇职工参保452.1万人（占61.2%），城乡居民参保286.6万人（占38.8%）。",
                "120个项目中，已开工87个，开工率72.5%。",
                "抽检样品488份，305份合格，合格率62.5%（305/488）。",
            ],
            &[
                "发现隐患240条，完成整改233条，期内及时整改率100%。",
                "全市共有医生3000人，其中女性1200人，占45%。",
                "常住人口874334人，累计接种483201人，接种率65.26%。",
                "全市卫技人员6.2万人，其中执业医师2.3万人，占39.3%。",
                "120个项目中，已开工87个，开工率75.2%。",
                "抽检样品488份，合格率65.5%（305/488）。",
                "应种人数2000人，实种1900人，接种率96%。",
            ],
        );
    }

    #[test]
    fn an_inferred_base_stays_silent() {
        let lint = RateMismatch { extra: Vec::new() };
        // A base guessed from position (the one larger count) is no finding.
        assert!(run(&lint, "接诊患者500人，治愈480人，治愈率90%。").is_empty());
    }

    #[test]
    fn the_help_proposes_a_number_only_when_the_reading_determines_it() {
        let lint = RateMismatch { extra: Vec::new() };
        let found = run(&lint, "发现隐患240条，完成整改233条，期内及时整改率100%。");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].labels.len(), 2);
        let help = found[0].help.as_deref().unwrap_or("");
        assert!(help.starts_with("233条 ÷ 240条 = 97.08%"), "{help}");
        assert!(
            !help.contains("改为") && help.contains("至多"),
            "a qualified rate is only bounded by the plain counts: {help}"
        );
        let found = run(&lint, "全市共有医生3000人，其中女性1200人，占45%。");
        let help = found[0].help.as_deref().unwrap_or("");
        assert!(
            help.contains("改为 40%") && !help.contains("推断"),
            "{help}"
        );
    }

    #[test]
    fn users_extend_the_table() {
        let text = "收治患者500人，随访800人，治愈480人，治愈率90%。";
        let o: Options = toml::from_str(
            r#"rates = [{ rate = ["治愈率"], numerator = ["治愈"], denominator = ["患者"] }]"#,
        )
        .expect("options");
        let found = run(&RateMismatch::new(o).expect("lint"), text);
        assert!(
            found
                .iter()
                .any(|f| f.message.contains("480人 ÷ 500人 = 96%")),
            "{found:#?}"
        );
    }
}
