use super::arith::{amount, is_exact_count};
use super::{Configurable, Lint, LintMeta};
use crate::diagnostic::{Finding, Severity};
use crate::document::{Document, Quantity};
use serde::Deserialize;
use std::sync::OnceLock;

crate::declare_lint! {
    /// ## What it does
    /// Adds up the parts listed after `其中` and compares them with the total
    /// before it: `全系统共4104人申报，其中在岗2620人，退休1484人`.
    ///
    /// Parts are the counts after 其中 in the same sentence with the total's unit
    /// (counts in brackets or per something, 每班4人, are not parts). The parts must
    /// add up to the total when they are exhaustive: their words are complementary
    /// (在岗/退休, 男/女, 城镇/农村 … from `lints/sums.toml`) or they are followed by
    /// 分别 ("其中3910间、2605间分别…"). Parts that are only kinds of the whole
    /// ("其中硕士研究生8名、成熟型人才7名") need not add up, but they may not exceed it.
    ///
    /// ## Why
    /// A total that its own breakdown does not give is a copy error in one of them.
    ///
    /// ## Options
    /// `extra = [["正式", "聘用"]]` adds complementary word pairs.
    ///
    /// ## Example
    /// ```bad
    /// 全系统共4104人申报，其中在岗2620人，退休1448人。
    /// ```
    /// ```good
    /// 全系统共4104人申报，其中在岗2620人，退休1484人。
    /// ```
    pub struct SumMismatch { extra: Vec<[String; 2]> }
    code = "RL203", name = "sum-mismatch", family = Arithmetic, severity = Error,
    summary = "parts after 其中 that do not add up to the stated total",
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Options {
    extra: Vec<[String; 2]>,
}

#[derive(Deserialize)]
struct Pairs {
    pairs: Vec<[String; 2]>,
}

fn pairs() -> &'static [[String; 2]] {
    static P: OnceLock<Pairs> = OnceLock::new();
    &P.get_or_init(|| {
        toml::from_str(include_str!("../../lints/sums.toml"))
            .unwrap_or_else(|e| panic!("lints/sums.toml: {e}"))
    })
    .pairs
}

impl Configurable for SumMismatch {
    type Options = Options;
    fn new(o: Options) -> Result<Self, String> {
        Ok(SumMismatch { extra: o.extra })
    }
}

/// Whether `at` (paragraph-local) is inside brackets opened earlier in `text`.
fn in_brackets(text: &str, from: usize, at: usize) -> bool {
    let s = &text[from..at];
    s.matches(['(', '（']).count() > s.matches([')', '）']).count()
}

impl SumMismatch {
    /// Parts whose words are complementary (在岗/退休) partition the total, as
    /// long as what they count is the total's thing: 公立医院/民营医院 do not split
    /// 医疗卫生机构, 城镇人口/农村人口 do split 常住人口.
    fn complementary(&self, total: &Quantity, parts: &[&Quantity]) -> bool {
        // What a part counts once its distinguishing word is taken away.
        let rest =
            |p: &Quantity, word: &str| p.label.trim_start_matches("其中").replacen(word, "", 1);
        pairs().iter().chain(&self.extra).any(|[a, b]| {
            let with = |w: &str, other: &str| -> Vec<&&Quantity> {
                parts
                    .iter()
                    .filter(|p| p.label.contains(w) && !p.label.contains(other))
                    .collect()
            };
            let (xs, ys) = (with(a, b), with(b, a));
            let things: Vec<String> = xs
                .iter()
                .map(|p| rest(p, a))
                .chain(ys.iter().map(|p| rest(p, b)))
                .collect();
            let of_total = things.iter().all(|t| t.chars().count() < 2)
                || things
                    .iter()
                    .any(|t| t.chars().count() >= 2 && total.label.contains(t.as_str()));
            !xs.is_empty() && !ys.is_empty() && of_total
        })
    }
}

impl Lint for SumMismatch {
    fn meta(&self) -> &'static LintMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        for (pi, p) in doc.paragraphs.iter().enumerate() {
            for (si, s) in p.sentences.iter().enumerate() {
                let sentence = &p.text[s.start..s.end];
                let Some(k) = sentence.find("其中") else {
                    continue;
                };
                let at = s.start + k;
                let here: Vec<&Quantity> = doc
                    .quantities
                    .iter()
                    .filter(|q| q.paragraph == pi && q.sentence == si)
                    .collect();
                // The total: the nearest count before 其中 that is not a change ("比上年增加4000亿元").
                let is_change = |q: &Quantity| {
                    ["增加", "减少", "增长", "下降", "提高", "比"]
                        .iter()
                        .any(|w| q.label.contains(w))
                };
                let Some(total) = here
                    .iter()
                    .rev()
                    .find(|q| q.local.end <= at && is_exact_count(q) && !is_change(q))
                else {
                    continue;
                };
                let parts: Vec<&Quantity> = here
                    .iter()
                    .copied()
                    .filter(|q| {
                        q.local.start > at
                            && is_exact_count(q)
                            && q.same_unit(total)
                            && !q.label.starts_with('每')
                            && !is_change(q)
                            && !in_brackets(&p.text, at, q.local.start)
                    })
                    .collect();
                if parts.len() < 2 {
                    continue;
                }
                let sum: f64 = parts.iter().map(|q| q.value).sum();
                if (sum - total.value).abs() < 1e-6 {
                    continue;
                }
                let last_end = parts.last().map_or(at, |q| q.local.end);
                let respectively =
                    p.text[last_end..s.end].starts_with("分别") || sentence.contains("分别为");
                let exhaustive = respectively || self.complementary(total, &parts);
                if !exhaustive {
                    // Kinds of the whole may not exceed it; read only the parts listed
                    // together right after 其中, each with its own words.
                    let clause_end = p.text[at..s.end]
                        .find(['，', ','])
                        .map_or(s.end, |i| at + i);
                    let listed: Vec<&&Quantity> =
                        parts.iter().filter(|q| q.local.end <= clause_end).collect();
                    let named = listed
                        .iter()
                        .all(|q| q.label.trim_start_matches("其中").chars().count() >= 2);
                    let listed_sum: f64 = listed.iter().map(|q| q.value).sum();
                    if listed.len() < 2 || !named || listed_sum <= total.value {
                        continue;
                    }
                }
                let terms: Vec<String> = parts.iter().map(|q| amount(q.value, &q.unit)).collect();
                let mut f = Finding::new(
                    &META,
                    total.span,
                    format!(
                        "分项之和与总数不符：{} = {}，而总数为 {}",
                        terms.join(" + "),
                        amount(sum, &total.unit),
                        amount(total.value, &total.unit)
                    ),
                )
                .primary(format!("总数 {}", doc.slice(total.span)));
                for q in &parts {
                    f = f.label(
                        q.span,
                        if q.label.is_empty() {
                            "分项".to_owned()
                        } else {
                            format!("分项：{}", q.label)
                        },
                    );
                }
                let help = if exhaustive {
                    format!(
                        "各分项应合计为 {}；核对总数或分项",
                        amount(total.value, &total.unit)
                    )
                } else {
                    "分项合计超过了总数；若分项互有重叠请注明，否则核对数字".to_owned()
                };
                out.push(
                    f.severity(if exhaustive {
                        Severity::Error
                    } else {
                        Severity::Warning
                    })
                    .help(help),
                );
            }
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
            &SumMismatch { extra: vec![] },
            &[
                "全系统共4104人申报,其中在岗2620人,退休1484人。",
                "已储备到位6515间,其中3910间、2605间分别能在24小时内、72小时内投入使用。",
                "工作人员共15人,其中管理人员3人,医务人员4人,保安8人(12小时一班,每班4人)。",
                "累计招聘109名优秀医学类人才，其中硕士研究生8名、成熟型人才7名。",
                "拟安排财政赤字1.2万亿元，比去年预算增加4000亿元，其中中央财政赤字8500亿元，代地方发债3500亿元。",
                "今年拟安排财政赤字9000亿元，其中中央财政赤字7000亿元，继续代地方发债2000亿元，赤字规模比上年预算减少1500亿元。",
                "新增营造林148万亩、其中南北山绿化工程43万亩，修复治理退化草原517万亩，治理水土流失23万亩。",
                "发动6家民营医院组建党支部4个(其中4个单位分别建成2个联合党支部)。",
            ],
            &[
                "全系统共4104人申报,其中在岗2620人,退休1448人。",
                "已储备到位6515间,其中3910间、2650间分别能在24小时内、72小时内投入使用。",
                "累计招聘109名人才，其中硕士研究生80名、成熟型人才70名。",
            ],
        );
    }
}
