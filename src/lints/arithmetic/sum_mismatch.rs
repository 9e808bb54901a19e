use super::report;
use crate::diagnostic::Finding;
use crate::document::claims::{show, ClaimKind};
use crate::document::Document;
use crate::lints::{Configurable, Lint, LintMeta, NoOptions};

crate::declare_lint! {
    /// ## What it does
    /// Adds up the parts of a stated total and compares them with it: the parts
    /// after 其中 ("共4104人申报，其中在岗2620人，退休1484人" — with or without 共 before
    /// the total, the total in the sentence before), the amounts after 分别 for the
    /// names before it ("城镇、农村分别为26家、200家"), and the amounts before 合计/共计.
    /// Every printed number is an interval (6.2万 is 6.15–6.3万), so rounded parts
    /// may miss their total by their rounding and no more.
    ///
    /// Parts are all of the total only when their names say so: a complementary set
    /// from `lints/sums.toml` (在岗/退休, 城镇/农村, 男/女, 第一/第二/第三产业 …), a last
    /// part named 其余/其他, or a total written after them (合计). Otherwise they are
    /// kinds of the whole: together they must stay within it when they are siblings
    /// of one head noun (汽车保有量, 摩托车保有量); a list holding an attribute that may
    /// cut across the others (党员, 女性, 硕士) is only held part by part. Notes in
    /// brackets and breakdowns of one part (含…, a nested 其中) are not parts.
    ///
    /// It also checks shares of one whole that must make 100%: complementary shares
    /// (男性占55%，女性占45%) and a structure written as a ratio (三次产业结构
    /// 11.6:25.2:63.2).
    ///
    /// Binding: named when the parts are named as the whole (a complementary set,
    /// 合计) or a part exceeds its total; inferred when the parts are only taken to be
    /// disjoint. The help says which; only a named binding suggests another number.
    ///
    /// ## Why
    /// A total that its own breakdown contradicts shows a typo in one of the numbers;
    /// the reader cannot tell which.
    ///
    /// ## Example
    /// ```bad
    /// 全系统共4104人申报，其中在岗2620人，退休1384人。
    /// ```
    /// ```good
    /// 全系统共4104人申报，其中在岗2620人，退休1484人。
    /// ```
    pub struct SumMismatch {}
    code = "RL203", name = "sum-mismatch", family = Arithmetic, severity = Error,
    summary = "a stated total and its parts (其中, 分别, 合计, shares of 100%) do not add up",
}

impl Configurable for SumMismatch {
    type Options = NoOptions;
    fn new(_: NoOptions) -> Result<Self, String> {
        Ok(SumMismatch {})
    }
}

impl Lint for SumMismatch {
    fn meta(&self) -> &'static LintMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        for c in &doc.claims().list {
            if !matches!(c.kind, ClaimKind::Parts | ClaimKind::Shares) || !c.fails() {
                continue;
            }
            let Some(r) = c.assumed() else { continue };
            let expr = show::expression(r, &c.stated);
            let bound = r.against.is_some_and(|a| a.lo.is_infinite());
            let message = match (c.kind, bound) {
                (ClaimKind::Shares, _) => format!(
                    "「{}」各部分合起来是整体，之和却不是 100%：{expr}",
                    c.stated.label
                ),
                (_, true) if r.operands.len() == 1 => format!(
                    "分项「{}{}」大于总数「{}」",
                    r.operands[0].label, r.operands[0].written, c.stated.written
                ),
                (_, true) => format!("各分项之和超过总数「{}」：{expr}", c.stated.written),
                _ => format!(
                    "各分项合起来是全部（{}），之和却不等于总数「{}」：{expr}",
                    r.basis, c.stated.written
                ),
            };
            out.extend(report::finding(&META, c, message, "核对总数和各分项"));
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
            &SumMismatch {},
            &[
                "全系统共4104人申报,其中在岗2620人,退休1484人。",
                "已储备到位6515间,其中3910间、2605间分别能在24小时内、72小时内投入使用。",
                "工作人员共15人,其中管理人员3人,医务人员4人,保安8人。",
                "累计招聘109名优秀医学类人才，其中硕士研究生80名、成熟型人才70名。",
                "XX市共有救护车29辆，其中负压救护车7辆；储备社会转运车辆60辆。",
                "共投入资金1.2亿元，其中省级补助8000万元，市级配套4000万元。",
                "全县共有村卫生室226家，城镇、农村分别为26家、200家。",
                "年末全区各种机动车保有量116298辆，其中，汽车保有量61259辆；摩托车保有量54886辆；挂车保有量153辆。",
                "全区共有学校119所，其中幼儿园68所（公办园27所）、普通小学27所、初级中学5所、完全中学8所、九年一贯制学校6所、十二年一贯制学校2所、职业中专1所、特教校1所、高职院校1所。",
                "总人口453304人，比上年末增加463人。其中，男性230619人，女性222685人，男女性别比为103.6:100。",
                "三次产业结构由上年11.7:24.8:63.5调整为本期的11.6:25.2:63.2。",
                "全年一般公共预算收入40亿元，其中税收收入30亿元（含增值税20亿元、所得税15亿元），非税收入10亿元。",
                "每千人口执业医师3.2人，每千人口注册护士3.9人，每千人口床位6.1张。",
                // Several 其中 parts need not cover the total and may nest (医院 and
                // its 公立医院): their sum is not held to it, each part alone is.
                "共投入资金1.2亿元，其中省级补助9000万元，市级配套4000万元。",
                "卫生机构1128个，其中医院25个，基层医疗卫生机构1080个，专业公共卫生机构30个。",
                "工作人员共15人,其中管理人员3人,医务人员4人,保安9人。",
            ],
            &[
                "全系统共4104人申报,其中在岗2620人,退休1384人。",
                "XX市共有救护车29辆，其中负压救护车37辆。",
                "全县共有村卫生室226家，城镇、农村分别为26家、180家。",
                "总人口453304人。其中，男性230619人，女性212685人。",
                "A项目投资3.2亿元，B项目投资2.1亿元，合计6.3亿元。",
                "三次产业结构调整为11.6:26.2:63.2。",
                "其中男性占55%，女性占50%。",
                "城镇人口占比62.3%，农村人口占比38.2%。",
            ],
        );
    }

    #[test]
    fn help_shows_the_sum() {
        let found = run(
            &SumMismatch {},
            "全系统共4104人申报,其中在岗2620人,退休1384人。\n",
        );
        assert_eq!(found.len(), 1);
        let help = found[0].help.as_deref().unwrap_or("");
        assert!(help.contains("2620人 + 1384人 = 4004人"), "{help}");
        assert_eq!(found[0].labels.len(), 2);
    }
}
