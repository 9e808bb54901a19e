use super::report;
use crate::diagnostic::Finding;
use crate::document::claims::{show, Claim, ClaimKind, Operand, Reading, Source};
use crate::document::Document;
use crate::lints::{Configurable, Lint, LintMeta};
use serde::Deserialize;

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
    /// part named 其他 with the total's own name (其他卫生机构 of 卫生机构), or a total written after them (合计). Otherwise they are
    /// kinds of the whole: together they must stay within it when they are siblings
    /// of one head noun (汽车保有量, 摩托车保有量) or kinds that exclude each other
    /// (夏粮/秋粮, 国家级/省级, 工业/建筑业); a list holding an attribute that may
    /// cut across the others (党员, 女性, 硕士) is only held part by part. Notes in
    /// brackets and breakdowns of one part (含…, a nested 其中) are not parts.
    ///
    /// When the parts are all of the total, the changes written right after each
    /// (增加1个 … 减少5个) must make the change written after the total.
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
    /// ## Options
    /// `partitions = [["甲类", "乙类", "丙类"]]` adds sets of kinds that exclude
    /// each other to the built-in ones (`lints/sums.toml`): parts named by distinct
    /// members of one set must together stay within their total.
    ///
    /// ## Example
    /// ```bad
    /// 全系统共4104人申报，其中在岗2620人，退休1384人。
    /// ```
    /// ```good
    /// 全系统共4104人申报，其中在岗2620人，退休1484人。
    /// ```
    pub struct SumMismatch { partitions: Vec<Vec<String>> }
    code = "RL203", name = "sum-mismatch", family = Arithmetic, severity = Error,
    summary = "a stated total and its parts (其中, 分别, 合计, shares of 100%) do not add up",
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Options {
    /// Sets of kinds that exclude each other (甲类, 乙类, 丙类).
    partitions: Vec<Vec<String>>,
}

impl Configurable for SumMismatch {
    type Options = Options;
    fn new(o: Options) -> Result<Self, String> {
        if let Some(set) = o.partitions.iter().find(|set| set.len() < 2) {
            return Err(format!(
                "partitions: a set needs two kinds or more, got {set:?}"
            ));
        }
        if o.partitions.iter().flatten().any(|w| w.trim().is_empty()) {
            return Err("partitions: a kind is an empty word".to_owned());
        }
        Ok(SumMismatch {
            partitions: o.partitions,
        })
    }
}

impl Lint for SumMismatch {
    fn meta(&self) -> &'static LintMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let own;
        let claims: &[Claim] = if self.partitions.is_empty() {
            &doc.claims().list
        } else {
            own = crate::document::claims::part_claims_with(doc, &self.partitions);
            &own
        };
        for c in claims {
            if !matches!(
                c.kind,
                ClaimKind::Parts | ClaimKind::Shares | ClaimKind::SignedParts
            ) || !c.fails()
            {
                continue;
            }
            let Some(r) = c.assumed() else { continue };
            let expr = show::expression(r, &c.stated);
            let bound = r.against.is_some_and(|a| a.lo.is_infinite());
            let message = match (c.kind, bound) {
                (ClaimKind::SignedParts, _) => format!(
                    "各分项合起来是全部，它们的增减之和却不等于总数的增减「{}{}」：{}",
                    c.stated.label,
                    c.stated.written,
                    show::labelled_sum(r, &c.stated)
                ),
                (ClaimKind::Shares, _) => format!(
                    "「{}」各部分合起来是整体，之和却不是 100%：{expr}",
                    shares_named(r, &c.stated)
                ),
                (_, true) if r.operands.len() == 1 => format!(
                    "分项「{}{}」大于总数「{}」",
                    r.operands[0].label, r.operands[0].written, c.stated.written
                ),
                (_, true) => format!(
                    "各分项之和超过总数「{}」：{}",
                    c.stated.written,
                    show::labelled_sum(r, &c.stated)
                ),
                _ => format!(
                    "各分项合起来是全部（{}），之和却不等于总数「{}」：{}",
                    r.basis,
                    c.stated.written,
                    show::labelled_sum(r, &c.stated)
                ),
            };
            out.extend(report::finding(&META, c, message, "核对总数和各分项"));
        }
    }
}

/// The text a shares claim speaks of: the words of the structure (三次产业结构),
/// or, when the whole is only implied, each share with its own
/// words (城镇…占58.1%、农村…占41.9%), never a placeholder for the whole.
fn shares_named(r: &Reading, stated: &Operand) -> String {
    if !matches!(stated.source, Source::Implied) {
        return stated.label.clone();
    }
    // The terms of a printed ratio carry no words of their own: 11.6:26.2:63.2.
    let sep = if r.operands.iter().all(|o| o.label.is_empty()) {
        ":"
    } else {
        "、"
    };
    r.operands
        .iter()
        .map(|o| format!("{}{}", o.label, o.written))
        .collect::<Vec<_>>()
        .join(sep)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lints::testing::{pass_fail, run};

    #[test]
    fn cases() {
        pass_fail(
            &SumMismatch { partitions: Vec::new() },
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
                // Several 其中 parts need not cover the total and may nest (财政资金
                // and its 省级补助): their sum is not held to it, each part alone is.
                "共投入资金1.2亿元，其中财政资金9000万元，省级补助4000万元。",
                "卫生机构1128个，其中医院25个，基层医疗卫生机构1080个，专业公共卫生机构30个。",
                "参加基本医疗保险人数445.97万人，比上年减少6.42万人。其中，参加职工基本医疗保险人数33.03万人，比上年增加0.9万人；参加城乡居民基本医疗保险人数412.95万人，比上年减少7.31万人。",
                // Parts that need not be all of the total: their changes are not held.
                "企业200个，比上年增加15个。其中，国有企业8个，增加1个；外资企业78个，增加9个。",
                "工作人员共15人,其中管理人员3人,医务人员4人,保安9人。",
            ],
            &[
                "全系统共4104人申报,其中在岗2620人,退休1384人。",
                "XX市共有救护车29辆，其中负压救护车37辆。",
                "全县共有村卫生室226家，城镇、农村分别为26家、180家。",
                "总人口453304人。其中，男性230619人，女性212685人。",
                "A项目投资3.2亿元，B项目投资2.1亿元，合计6.3亿元。",
                // The parts are all of the total: their changes make its change.
                "参加基本医疗保险人数445.97万人，比上年减少6.42万人。其中，参加职工基本医疗保险人数33.03万人，比上年增加0.9万人；参加城乡居民基本医疗保险人数412.95万人，比上年减少3.71万人。",
                // 省级 and 市级 funds exclude each other: together within the total.
                "共投入资金1.2亿元，其中省级补助9000万元，市级配套4000万元。",
                "三次产业结构调整为11.6:26.2:63.2。",
                "其中男性占55%，女性占50%。",
                "城镇人口占比62.3%，农村人口占比38.2%。",
            ],
        );
    }

    #[test]
    fn shares_of_an_implied_whole_are_named_by_their_own_words() {
        let found = run(
            &SumMismatch {
                partitions: Vec::new(),
            },
            "城镇人口占比62.3%，农村人口占比38.2%。\n",
        );
        assert_eq!(found.len(), 1);
        let m = &found[0].message;
        assert!(!m.contains("「整体」"), "{m}");
        assert!(m.contains("62.3%") && m.contains("38.2%"), "{m}");
    }

    #[test]
    fn help_shows_the_sum() {
        let found = run(
            &SumMismatch {
                partitions: Vec::new(),
            },
            "全系统共4104人申报,其中在岗2620人,退休1384人。\n",
        );
        assert_eq!(found.len(), 1);
        let help = found[0].help.as_deref().unwrap_or("");
        assert!(help.contains("2620人 + 1384人 = 4004人"), "{help}");
        assert_eq!(found[0].labels.len(), 2);
        // The message names each part by its label.
        let m = &found[0].message;
        assert!(m.contains("在岗2620人 + 退休1384人 = 4004人"), "{m}");
    }

    #[test]
    fn users_extend_the_kinds_that_exclude_each_other() {
        // 甲类、乙类 are no built-in set: the parts may nest, so only each one
        // alone is held to the total until the user says they exclude each other.
        let text = "共报告传染病500例，其中甲类传染病230例，乙类传染病300例。";
        assert!(run(
            &SumMismatch {
                partitions: Vec::new()
            },
            text
        )
        .is_empty());
        let o: Options =
            toml::from_str(r#"partitions = [["甲类", "乙类", "丙类"]]"#).expect("options");
        let found = run(&SumMismatch::new(o).expect("lint"), text);
        assert!(
            found
                .iter()
                .any(|f| f.message.contains("超过总数「500例」")),
            "{found:#?}"
        );
        let bad: Options = toml::from_str(r#"partitions = [["甲类"]]"#).expect("options");
        assert!(SumMismatch::new(bad).is_err());
    }
}
