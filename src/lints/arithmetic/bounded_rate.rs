use super::rate_table::builtin;
use crate::diagnostic::Finding;
use crate::document::{Approx, Document, Kind, Quantity};
use crate::lints::{Configurable, Lint, LintMeta, NoOptions};

crate::declare_lint! {
    /// ## What it does
    /// Reports a rate that cannot exceed 100% written above 100%: a coverage,
    /// screening, vaccination, detection or pass rate, or a share (占比, 占X%).
    /// Which rates are bounded comes from `lints/rates.toml`; 完成率, 增长率,
    /// 同比, 使用率 and other rates that may exceed 100% are never reported.
    ///
    /// It also adds up the two halves of a whole split in one sentence — 男性/女性,
    /// 城镇/农村, 公立/民营, 省内/省外 … — and reports when even their smallest
    /// rounding readings exceed 100%. Other lists of shares are not summed: a report
    /// rarely says that its list is exhaustive.
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
        complementary_shares(doc, out);
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
            let what: String = match n {
                0 => "比率".to_owned(),
                1..=12 => q.label.clone(),
                _ => format!("…{}", q.label.chars().skip(n - 8).collect::<String>()),
            };
            out.push(
                Finding::new(&META, q.span, format!("「{what}{}」超过 100%：部分占整体的比率不可能大于 100%", q.written))
                    .primary("超过 100%")
                    .label(q.label_span, "部分占整体的比率")
                    .help("核对比率的分子与分母：分子是分母的一部分，比率最多 100%；若确为增长或完成情况，改用「完成率」「增长」等说法"),
            );
        }
    }
}

/// Pairs of words that split one whole in two.
const HALVES: &[(&str, &str)] = &[
    ("男性", "女性"),
    ("男", "女"),
    ("城镇", "农村"),
    ("城市", "农村"),
    ("公立", "民营"),
    ("公立", "非公立"),
    ("省内", "省外"),
    ("市内", "市外"),
    ("境内", "境外"),
    ("本地", "外地"),
    ("线上", "线下"),
];

/// The subject of a share: 男性占 / 男性占比 / 男性比例为 → 男性.
fn share_subject(label: &str) -> &str {
    let mut s = label;
    for suffix in ["占比", "比例", "比重", "占"] {
        s = s.strip_suffix(suffix).unwrap_or(s);
    }
    s
}

/// 城镇人口 / 农村人口 → 城镇 / 农村.
fn without_common_tail<'a>(a: &'a str, b: &'a str) -> (&'a str, &'a str) {
    let common: usize = a
        .chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum();
    (&a[..a.len() - common], &b[..b.len() - common])
}

fn complementary_shares(doc: &Document, out: &mut Vec<Finding>) {
    let shares: Vec<&Quantity> = doc
        .quantities
        .iter()
        .filter(|q| q.kind == Kind::Percent && q.approx == Approx::Exact)
        // Only a share whose subject names half of a pair can be in a pair: dropping
        // the others first keeps a sentence with thousands of rates linear.
        .filter(|q| {
            let subject = share_subject(&q.label);
            !q.label.ends_with('率')
                && HALVES
                    .iter()
                    .any(|(x, y)| subject.contains(x) || subject.contains(y))
        })
        .collect();
    for (i, a) in shares.iter().enumerate() {
        for b in shares
            .iter()
            .skip(i + 1)
            .take_while(|b| b.paragraph == a.paragraph && b.sentence == a.sentence)
        {
            let (sa, sb) = without_common_tail(share_subject(&a.label), share_subject(&b.label));
            if sa.is_empty() || sb.is_empty() || a.label.ends_with('率') || b.label.ends_with('率')
            {
                continue; // 男性吸烟率 and 女性吸烟率 are rates of two groups, not shares of one whole
            }
            // 非公立 ends with 公立: the longer word of a pair must not count as the shorter.
            let is = |s: &str, w: &str| s.ends_with(w) && !(w == "公立" && s.ends_with("非公立"));
            let pair = HALVES
                .iter()
                .any(|(x, y)| is(sa, x) && is(sb, y) || is(sa, y) && is(sb, x));
            let least = a.value - a.step / 2.0 + b.value - b.step / 2.0;
            if pair && least > 100.0 + 1e-9 {
                out.push(
                    Finding::new(
                        &META,
                        b.span,
                        format!(
                            "「{}{}」与「{}{}」合计超过 100%",
                            a.label, a.written, b.label, b.written
                        ),
                    )
                    .primary("两部分合计超过整体")
                    .label(a.span, "另一部分")
                    .help(format!(
                        "{} + {} = {}%，而两部分合起来就是整体（100%）；核对其中一个比例",
                        a.written,
                        b.written,
                        super::rate_table::count(a.value + b.value)
                    )),
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
            &BoundedRate {},
            &[
                "完成率128.9%。",
                "同比增长120%。",
                "接种率提高120%。",
                "医疗服务覆盖率达100%。",
                "床位使用率105%。",
            ],
            &[
                "医疗服务覆盖率达105%。",
                "民营医院200家，占120%。",
                "基层卫技人员占比达156.74%。",
                "其中男性占55%，女性占50%。",
                "城镇人口占比62.3%，农村人口占比38.2%。",
            ],
        );
    }
}
