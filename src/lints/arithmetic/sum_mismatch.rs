use crate::diagnostic::{Finding, Severity};
use crate::document::quantities::{format_value, Approx, Kind, Quantity};
use crate::document::Document;
use crate::lints::{Configurable, Lint, LintMeta, NoOptions};
use serde::Deserialize;
use std::sync::OnceLock;

crate::declare_lint! {
    /// ## What it does
    /// Adds up the parts given after a stated total ("共4104人申报，其中在岗2620人，
    /// 退休1484人") and compares them with it. Parts that exceed the total are always
    /// an error. Parts that fall short are an error only when they make up the whole:
    /// their labels form a complementary set from `lints/sums.toml` (在岗/退休,
    /// 城镇/农村, 男/女 …). Parts that are only kinds of the whole ("累计招聘109名，其中
    /// 硕士研究生8名") are not a sum.
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
    summary = "a stated total and the parts listed after 其中 do not add up",
}

impl Configurable for SumMismatch {
    type Options = NoOptions;
    fn new(_: NoOptions) -> Result<Self, String> {
        Ok(SumMismatch {})
    }
}

#[derive(Deserialize)]
struct Data {
    total_markers: Vec<String>,
    part_markers: Vec<String>,
    exhaustive_part_markers: Vec<String>,
    complementary: Vec<Vec<String>>,
}

fn data() -> &'static Data {
    static D: OnceLock<Data> = OnceLock::new();
    D.get_or_init(|| {
        toml::from_str(include_str!("../../../lints/sums.toml")).expect("lints/sums.toml")
    })
}

impl Lint for SumMismatch {
    fn meta(&self) -> &'static LintMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let qs = &doc.quantities;
        for (i, total) in qs.iter().enumerate() {
            if !summable(total) || !is_total(doc, total) {
                continue;
            }
            let Some((parts, all)) = parts_of(doc, qs, i) else {
                continue;
            };
            if let Some(f) = compare(total, &parts, all) {
                out.push(f);
            }
        }
    }
}

fn summable(q: &Quantity) -> bool {
    matches!(q.kind, Kind::Count | Kind::Money) && matches!(q.approx, Approx::Exact | Approx::About)
}

/// A total marker in the clause before the number: 共4104人, 合计, 累计.
fn is_total(doc: &Document, q: &Quantity) -> bool {
    let before = doc.text.get(q.clause.start..q.span.start).unwrap_or("");
    data()
        .total_markers
        .iter()
        .any(|m| before.contains(m.as_str()))
}

/// The parts after 其中 in the same sentence, with the total's unit. `None` when
/// there is no 其中, or another number of that unit stands between them.
fn parts_of<'a>(doc: &Document, qs: &'a [Quantity], i: usize) -> Option<(Vec<&'a Quantity>, bool)> {
    let total = qs.get(i)?;
    let p = doc.paragraphs.get(total.paragraph)?;
    let sentence = p.sentences.get(total.sentence)?;
    let rest = p.text.get(total.local.end..sentence.end)?;
    let d = data();
    let found = |ms: &[String]| ms.iter().filter_map(|m| rest.find(m.as_str())).min();
    let (at, all) = match (found(&d.part_markers), found(&d.exhaustive_part_markers)) {
        (Some(a), Some(b)) if b < a => (b, true),
        (Some(a), _) => (a, false),
        (None, Some(b)) => (b, true),
        (None, None) => return None,
    };
    let at = at + total.local.end;
    let same = |q: &&Quantity| {
        q.paragraph == total.paragraph && q.sentence == total.sentence && q.unit == total.unit
    };
    let later: Vec<&Quantity> = qs.get(i + 1..)?.iter().filter(same).collect();
    if later.iter().any(|q| q.local.start < at) {
        return None; // 其中 belongs to a nearer number
    }
    let mut parts = Vec::new();
    for q in later {
        if !summable(q) || is_total(doc, q) {
            break;
        }
        // "保安8人(12小时一班,每班4人)": a note in brackets or a rate is not a part.
        let between = p.text.get(at..q.local.start).unwrap_or("");
        let open = between.matches(['（', '(']).count() > between.matches(['）', ')']).count();
        if open || q.label.starts_with('每') {
            continue;
        }
        parts.push(q);
    }
    (!parts.is_empty()).then_some((parts, all))
}

/// The part labels cover a complementary set (在岗/退休): the parts are the whole.
fn exhaustive(parts: &[&Quantity]) -> Option<Vec<String>> {
    data().complementary.iter().find_map(|set| {
        if set.len() != parts.len() {
            return None;
        }
        let mut used = vec![false; parts.len()];
        for word in set {
            let k =
                (0..parts.len()).find(|&k| !used[k] && parts[k].label.contains(word.as_str()))?;
            used[k] = true;
        }
        Some(set.clone())
    })
}

/// A value in the written unit of `q`: 3.4 for 34 000 万元 → "亿元".
fn in_units_of(q: &Quantity, x: f64) -> String {
    let scale = if q.written.contains('亿') {
        1e8
    } else if q.written.contains('万') {
        1e4
    } else {
        1.0
    };
    let multiplier = match scale {
        s if s >= 1e8 => "亿",
        s if s >= 1e4 => "万",
        _ => "",
    };
    format!("{}{multiplier}{}", format_value(x / scale, 4), q.unit)
}

/// How far a written number may be from the exact value: half its last place, or
/// for 约/近 its last place or 3 %, as `Quantity::admits` allows.
fn tolerance(q: &Quantity) -> f64 {
    match q.approx {
        // A whole count (3人) is exact; a rounded figure (3.44万, 1.2亿元) is not.
        Approx::Exact if q.precision == 0 && q.step <= 1.0 => 0.0,
        Approx::Exact => q.step / 2.0,
        _ => q.step.max(q.value.abs() * 0.03),
    }
}

fn compare(total: &Quantity, parts: &[&Quantity], all: bool) -> Option<Finding> {
    let sum: f64 = parts.iter().map(|q| q.value).sum();
    let slack: f64 = std::iter::once(total)
        .chain(parts.iter().copied())
        .map(tolerance)
        .sum();
    if (sum - total.value).abs() <= slack + 1e-9 * total.value.abs().max(1.0) {
        return None;
    }
    let all_exact =
        total.approx == Approx::Exact && parts.iter().all(|q| q.approx == Approx::Exact);
    let over = sum > total.value;
    // Parts after 分别为 are all of the total, like a complementary set.
    let whole = exhaustive(parts)
        .or_else(|| (all && parts.len() >= 2).then(|| vec!["“分别”所列各项".to_owned()]));
    if !over && whole.is_none() {
        return None; // the parts are kinds of the whole, not a partition
    }
    let shown: Vec<&str> = parts.iter().map(|q| q.written.as_str()).collect();
    let recompute = match shown.as_slice() {
        [one] => format!("其中 {one}"),
        _ => format!("{} = {}", shown.join(" + "), in_units_of(total, sum)),
    };
    let message = if over {
        format!(
            "「其中」各项之和 {} 超过总数「{}」",
            in_units_of(total, sum),
            total.written
        )
    } else {
        format!(
            "「其中」各项合起来是全部，之和 {} 却不等于总数「{}」",
            in_units_of(total, sum),
            total.written
        )
    };
    let mut f = Finding::new(&META, total.span, message)
        .severity(if all_exact {
            Severity::Error
        } else {
            Severity::Warning
        })
        .primary(format!("总数 {}", total.written));
    for q in parts {
        let what = if q.label.is_empty() {
            "分项".to_owned()
        } else {
            format!("分项：{}", q.label)
        };
        f = f.label(q.span, what);
    }
    let why = match &whole {
        Some(set) if !over => format!("（{}合起来即全部）", set.join("、")),
        _ => String::new(),
    };
    let relation = if over { ">" } else { "≠" };
    Some(f.help(format!(
        "{recompute} {relation} {}{why}：核对总数或其中一项",
        total.written
    )))
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
                "累计招聘109名优秀医学类人才，其中硕士研究生8名、成熟型人才7名。",
                "XX市共有救护车29辆，其中负压救护车7辆；储备社会转运车辆60辆。",
                "共投入资金1.2亿元，其中省级补助8000万元，市级配套4000万元。",
                "全县共有村卫生室226家，城镇、农村分别为26家、200家。",
            ],
            &[
                "全系统共4104人申报,其中在岗2620人,退休1384人。",
                "工作人员共15人,其中管理人员3人,医务人员4人,保安9人。",
                "XX市共有救护车29辆，其中负压救护车37辆。",
                "共投入资金1.2亿元，其中省级补助9000万元，市级配套4000万元。",
                "全县共有村卫生室226家，城镇、农村分别为26家、180家。",
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
        assert!(
            found[0]
                .help
                .as_deref()
                .unwrap_or("")
                .contains("2620人 + 1384人 = 4004人 ≠ 4104人"),
            "{:?}",
            found[0].help
        );
        assert_eq!(found[0].labels.len(), 2);
    }
}
