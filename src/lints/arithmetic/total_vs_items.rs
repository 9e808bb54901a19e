use crate::diagnostic::{Finding, Severity};
use crate::document::markers::is_han;
use crate::document::quantities::{format_value, Approx, Kind, Quantity};
use crate::document::Document;
use crate::lints::{Configurable, Lint, LintMeta, NoOptions};

crate::declare_lint! {
    /// ## What it does
    /// Finds an amount of money stated for a whole section ("2022年完成投资约3.78亿元")
    /// and the same amount itemised later in that section, project by project
    /// ("2022年完成投资8000万元 … 6000万元 …"), and adds the items up, converting
    /// 万元 and 亿元. Items and total must share their qualifier: the same year (or
    /// 目前/截至) and the same act (完成投资). 约 widens the tolerance only to the
    /// precision written.
    ///
    /// ## Why
    /// A section total that its own items contradict is a stale or mistyped figure.
    ///
    /// ## Example
    /// ```bad
    /// 2022年完成投资约2.1亿元。
    /// 南区2022年完成投资8000万元。北区2022年完成投资6000万元。中医院2022年完成投资5000万元。
    /// ```
    /// ```good
    /// 2022年完成投资约1.9亿元。
    /// 南区2022年完成投资8000万元。北区2022年完成投资6000万元。中医院2022年完成投资5000万元。
    /// ```
    pub struct TotalVsItems {}
    code = "RL204", name = "total-vs-items", family = Arithmetic, severity = Warning,
    summary = "a section's amount total differs from the sum of the same amount itemised below it",
}

impl Configurable for TotalVsItems {
    type Options = NoOptions;
    fn new(_: NoOptions) -> Result<Self, String> {
        Ok(TotalVsItems {})
    }
}

/// Items that add up to less than this share of the total are taken as a partial list.
const PARTIAL_SHARE: f64 = 0.8;
const MIN_ITEMS: usize = 3;

/// What an amount is of: the year or 目前, and the act (完成投资).
fn qualifier(doc: &Document, q: &Quantity) -> Option<(String, String)> {
    let before = doc.text.get(q.clause.start..q.span.start)?;
    let before = ["约", "近", "超过", "逾", "达到", "达", "为", "共", "累计"]
        .iter()
        .fold(before, |b, w| b.strip_suffix(w).unwrap_or(b));
    let year: String = before
        .char_indices()
        .find_map(|(i, _)| {
            let y = before.get(i..i + 4)?;
            (y.chars().all(|c| c.is_ascii_digit()) && before.get(i + 4..)?.starts_with('年'))
                .then(|| y.to_owned())
        })
        .unwrap_or_default();
    let tag = if !year.is_empty() {
        year
    } else if ["目前", "截至", "截止", "至今"]
        .iter()
        .any(|w| before.contains(w))
    {
        "目前".to_owned()
    } else {
        return None;
    };
    let han: Vec<char> = before.chars().filter(|c| is_han(*c)).collect();
    let act: String = han.iter().skip(han.len().saturating_sub(4)).collect();
    (act.chars().count() >= 2).then_some((tag, act))
}

/// Paragraph ranges of sections: a block marker opens one, the next closes it.
fn sections(doc: &Document) -> Vec<std::ops::Range<usize>> {
    let mut starts: Vec<usize> = doc
        .markers
        .iter()
        .filter(|m| m.block)
        .map(|m| m.paragraph)
        .collect();
    starts.insert(0, 0);
    starts.dedup();
    let mut out = Vec::new();
    for (k, &s) in starts.iter().enumerate() {
        let e = starts.get(k + 1).copied().unwrap_or(doc.paragraphs.len());
        if s < e {
            out.push(s..e);
        }
    }
    out
}

impl Lint for TotalVsItems {
    fn meta(&self) -> &'static LintMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        for section in sections(doc) {
            let money: Vec<(&Quantity, (String, String))> = doc
                .quantities_in_paragraphs(section.clone())
                .iter()
                .filter(|q| q.kind == Kind::Money)
                .filter(|q| matches!(q.approx, Approx::Exact | Approx::About))
                .filter_map(|q| Some((q, qualifier(doc, q)?)))
                .collect();
            // Amounts grouped by qualifier, in order of first appearance: the first
            // of a group is its total, the later ones its items.
            let mut order: Vec<&(String, String)> = Vec::new();
            let mut groups: std::collections::HashMap<&(String, String), Vec<&Quantity>> =
                std::collections::HashMap::new();
            for (q, key) in &money {
                let group = groups.entry(key).or_default();
                if group.is_empty() {
                    order.push(key);
                }
                group.push(q);
            }
            for key in order {
                let Some((total, rest)) = groups.get(key).and_then(|g| g.split_first()) else {
                    continue;
                };
                let items: Vec<&Quantity> = rest
                    .iter()
                    .copied()
                    .filter(|q| (q.paragraph, q.sentence) != (total.paragraph, total.sentence))
                    .collect();
                if items.len() < MIN_ITEMS || items.iter().any(|q| q.value >= total.value) {
                    continue;
                }
                if let Some(f) = compare(total, &items, &key.0) {
                    out.push(f);
                }
            }
        }
    }
}

/// Half the last written place, or the whole place for 约: "约3.78亿元" admits 3.77–3.79.
fn tolerance(q: &Quantity) -> f64 {
    match q.approx {
        Approx::Exact => q.step / 2.0,
        _ => q.step,
    }
}

fn in_units_of(q: &Quantity, x: f64) -> String {
    let (scale, unit) = if q.written.contains('亿') {
        (1e8, "亿元")
    } else if q.written.contains('万') {
        (1e4, "万元")
    } else {
        (1.0, "元")
    };
    format!("{}{unit}", format_value(x / scale, 4))
}

fn compare(total: &Quantity, items: &[&Quantity], tag: &str) -> Option<Finding> {
    let sum: f64 = items.iter().map(|q| q.value).sum();
    let slack = tolerance(total) + items.iter().map(|q| tolerance(q)).sum::<f64>();
    let diff = sum - total.value;
    if diff.abs() <= slack + 1e-6 || sum < total.value * PARTIAL_SHARE {
        return None;
    }
    let shown: Vec<&str> = items.iter().map(|q| q.written.as_str()).collect();
    let when = if tag == "目前" {
        "目前".to_owned()
    } else {
        format!("{tag}年")
    };
    let mut f = Finding::new(
        &META,
        total.span,
        format!(
            "「{}」与下文逐项所列的{when}金额之和 {} 不符",
            total.written,
            in_units_of(total, sum)
        ),
    )
    .severity(if diff > 0.0 {
        Severity::Error
    } else {
        Severity::Warning
    })
    .primary(format!("总数 {}", total.written));
    for q in items {
        f = f.label(q.span, format!("分项 {}", q.written));
    }
    Some(f.help(format!(
        "{} = {} = {} ≠ {}：核对总数，或补上漏列的项目",
        shown.join(" + "),
        in_units_of(items[0], sum),
        in_units_of(total, sum),
        total.written
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lints::testing::pass_fail;

    #[test]
    fn cases() {
        pass_fail(
            &TotalVsItems {},
            &[
                "截至目前已完成投资约13.36亿元。\n南区目前已完成投资48000万元。北区目前已完成投资38000万元。中心目前已完成投资12000万元。中医院目前已完成投资12000万元。三院目前已完成投资3800万元。二院目前已完成投资15000万元。卫生院目前已完成投资4800万元。\n",
                "2022年完成投资约10亿元。南区2022年完成投资8000万元。北区2022年完成投资6000万元。中医院2022年完成投资5000万元。\n",
            ],
            &["2022年完成投资约3.78亿元。\n南区2022年完成投资8000万元。北区2022年完成投资6000万元。中心2022年完成投资8000万元。中医院2022年完成投资5000万元。二院2022年完成投资5000万元。卫生院2022年完成投资2000万元。\n"],
        );
    }
}
