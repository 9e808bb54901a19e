use super::report;
use crate::diagnostic::Finding;
use crate::document::claims::{show, ClaimKind};
use crate::document::Document;
use crate::lints::{Configurable, Lint, LintMeta, NoOptions};

crate::declare_lint! {
    /// ## What it does
    /// Recomputes a stated change from the values it connects, in two forms:
    ///
    /// - two end values: `由A提高到B，提高N个百分点`, `从A增至B，增加N`,
    ///   `由A增长到B，增长X%` (涨幅, 增幅, 增速 as well), `由A增加到B，增长X倍`;
    /// - an end value and the change: `达58230个，比上年增加1260个，增长2.21%` — the
    ///   rate is the change over the earlier value (58230 − 1260; for a decrease,
    ///   `受伤4人，比上年减少2人，下降33.3%`, 4 + 2).
    ///
    /// Every value is an interval (rounded at its last digit; a rate may also be cut
    /// off), so only a change that no reading of the values gives is reported. An
    /// approximate value (约, 余, 以上) is never checked; 年均增长 (a yearly average)
    /// is not a total change. 增长X倍 is read both as B ÷ A and as (B − A) ÷ A;
    /// 提高X% between two percentages both as points and as a relative change.
    ///
    /// Severity: always an error: the values are named in the sentence itself.
    ///
    /// ## Why
    /// A change written next to its values is the easiest figure for a reader to
    /// check, and a wrong one discredits the paragraph.
    ///
    /// ## Example
    /// ```bad
    /// 全省城镇化率由46.9%提高到48.2%，提高1.8个百分点。
    /// ```
    /// ```good
    /// 全省城镇化率由46.9%提高到48.2%，提高1.3个百分点。
    /// ```
    pub struct GrowthMismatch {}
    code = "RL208", name = "growth-mismatch", family = Arithmetic, severity = Error,
    summary = "a stated increase or decrease that the values it connects do not give",
}

impl Configurable for GrowthMismatch {
    type Options = NoOptions;
    fn new(_: NoOptions) -> Result<Self, String> {
        Ok(GrowthMismatch {})
    }
}

impl Lint for GrowthMismatch {
    fn meta(&self) -> &'static LintMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        for c in doc.claims().of(ClaimKind::Growth).filter(|c| c.fails()) {
            let Some(r) = c.assumed() else { continue };
            let message = format!(
                "「{}{}」与所连的数值不符：{}",
                c.stated.label,
                c.stated.written,
                show::expression(r, &c.stated)
            );
            out.extend(report::finding(&META, c, message, "核对各数值与变化量"));
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
            &GrowthMismatch {},
            &[
                "XX市检测能力由原6480管提升至3.44万管;三是提升集中隔离能力。",
                "城镇化率由45.9%提高到52.6%，提高6.7个百分点。",
                "补助标准由35元提高到40元，增加5元。",
                "收入由2.57万元增加到3.52万元、年均增长6.5%。",
                "企业数从80户增加到810户，增长9.1倍。",
                "企业数从80户增加到810户，增长10.1倍。",
                "贫困人口由120万人减少到30万人，减少90万人。",
                "研发投入强度由2.1%提高到2.3%，提高9.5%。",
                "全年粮食播种面积55304亩，比上年增加170亩，增长0.3%。",
                "2022年全区发生各类生产经营性事故7起，比上年减少7起，同比下降50%；死亡3人，比上年减少7人,下降70%。",
                "2022年全体居民人均可支配收入32450元,较上年增加1509元,名义增长4.9%。",
                "花生产量6637吨，比上年下降154吨，下降2.3%。",
            ],
            &[
                "城镇化率由45.9%提高到52.6%，提高7.7个百分点。",
                "补助标准由35元提高到40元，增加15元。",
                "贫困人口由120万人减少到30万人，减少80万人。",
                "企业数从80户增加到810户，增长5倍。",
                "产值由50亿元增长到60亿元，增长25%。",
                "受伤4人,比上年减少2人，下降66.7%。",
                "全年粮食播种面积55304亩，比上年增加170亩，增长3.1%。",
                "机构总数达58230个，比上年增加1260个，增长2.41%。",
            ],
        );
    }
}
