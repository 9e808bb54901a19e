fn count(x: f64) -> String {
    crate::document::quantities::format_value(x, 2)
}
use crate::diagnostic::Finding;
use crate::document::{Approx, Document, Kind, Quantity};
use crate::lints::{Configurable, Lint, LintMeta, NoOptions};
use regex::Regex;
use std::sync::OnceLock;

crate::declare_lint! {
    /// ## What it does
    /// Recomputes a stated change from the two values it connects:
    /// `由A提高到B，提高N个百分点`, `从A增至B，增加N`, `由A增长到B，增长X%`,
    /// `由A增加到B，增长X倍`. The change must follow B directly, in the same
    /// sentence; A must follow 由 or 从. Every value is an interval (rounding or
    /// truncation of what is written), so only a change that no reading of A and B
    /// gives is reported. An approximate value (约, 余, 以上) is never checked;
    /// 年均增长 (a yearly average) is not a total change and is not read.
    ///
    /// 增长X倍 is read both as B ÷ A = X and as (B − A) ÷ A = X, since reports use
    /// both; 提高X% between two percentages is read both as points and as a
    /// relative change.
    ///
    /// ## Why
    /// A change written next to its two end points is the easiest figure for a
    /// reader to check, and a wrong one discredits the paragraph.
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
    summary = "a stated increase or decrease that its two end values do not give",
}

impl Configurable for GrowthMismatch {
    type Options = NoOptions;
    fn new(_: NoOptions) -> Result<Self, String> {
        Ok(GrowthMismatch {})
    }
}

struct Patterns {
    from: Regex,
    to: Regex,
    change: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| Patterns {
        // 由 / 从, optionally 原, 上年的, 2020年的, 年初的, 每人每年 before A.
        from: Regex::new(
            r"(由|从)(原|上年的?|去年的?|年初的?|每人每[年月]|[0-9０-９]{4}年末?的?)?$",
        )
        .unwrap_or_else(|_| unreachable!()),
        to: Regex::new(r"^(提高|提升|增加|增长|上升|扩大|增|下降|降低|减少|缩小|降|减)(到|至)$")
            .unwrap_or_else(|_| unreachable!()),
        change: Regex::new(
            r"^[，,、]?(净)?(提高|提升|增加|增长|上升|扩大|增|下降|降低|减少|缩小|降|减|多|少)了?$",
        )
        .unwrap_or_else(|_| unreachable!()),
    })
}

fn is_decrease(verb: &str) -> bool {
    ["下降", "降低", "减少", "缩小", "降", "减", "少"]
        .iter()
        .any(|w| verb.contains(w))
}

/// What was written may stand for any value in `[v − step/2, v + step)`; a whole
/// count or sum of money written to the unit is exact.
fn bounds(q: &Quantity) -> (f64, f64) {
    if q.kind != Kind::Percent && q.kind != Kind::Points && q.step <= 1.0 && q.precision == 0 {
        return (q.value, q.value);
    }
    (q.value - q.step / 2.0, q.value + q.step)
}

impl Lint for GrowthMismatch {
    fn meta(&self) -> &'static LintMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let pat = patterns();
        let qs = &doc.quantities;
        for k in 2..qs.len() {
            let (a, b, c) = (&qs[k - 2], &qs[k - 1], &qs[k]);
            if a.paragraph != c.paragraph || a.sentence != c.sentence || b.sentence != c.sentence {
                continue;
            }
            if [a, b, c].iter().any(|q| q.approx != Approx::Exact)
                || a.kind != b.kind
                || a.unit != b.unit
            {
                continue;
            }
            let t = doc
                .paragraphs
                .get(a.paragraph)
                .map_or("", |p| p.text.as_str());
            let (Some(before_a), Some(a_to_b), Some(b_to_c)) = (
                t.get(..a.local.start),
                t.get(a.local.end..b.local.start),
                t.get(b.local.end..c.local.start),
            ) else {
                continue;
            };
            if !pat.from.is_match(before_a) || !pat.to.is_match(a_to_b) {
                continue;
            }
            let Some(verb) = pat
                .change
                .captures(b_to_c)
                .and_then(|m| m.get(2))
                .map(|m| m.as_str())
            else {
                continue;
            };
            let down = is_decrease(verb);
            if down != is_decrease(a_to_b) {
                continue; // 由A下降到B，增加N: the sentence says something else
            }
            if let Some(expected) = mismatch(a, b, c, down) {
                out.push(finding(doc, a, b, c, verb, &expected));
            }
        }
    }
}

/// The recomputation when no reading of A and B gives C; `None` when one does
/// or when C's kind is not a change of A's.
fn mismatch(a: &Quantity, b: &Quantity, c: &Quantity, down: bool) -> Option<String> {
    let (a_lo, a_hi) = bounds(a);
    let (b_lo, b_hi) = bounds(b);
    let (c_lo, c_hi) = bounds(c);
    let (d_lo, d_hi) = if down {
        (a_lo - b_hi, a_hi - b_lo)
    } else {
        (b_lo - a_hi, b_hi - a_lo)
    };
    let fits = |lo: f64, hi: f64| lo <= c_hi + 1e-9 && c_lo <= hi + 1e-9;
    let diff = if down {
        a.value - b.value
    } else {
        b.value - a.value
    };
    let sign = "−";
    let (x, y) = if down { (a, b) } else { (b, a) };
    let show = |q: &Quantity| {
        format!(
            "{}{}",
            scaled(q.value),
            if q.kind == Kind::Percent { "%" } else { "" }
        )
    };
    let relative = (a_lo > 0.0).then(|| (d_lo / a_hi * 100.0, d_hi / a_lo * 100.0));
    match c.kind {
        Kind::Points if a.kind == Kind::Percent => (!fits(d_lo, d_hi))
            .then(|| format!("{} {sign} {} = {} 个百分点", show(x), show(y), count(diff))),
        Kind::Percent => {
            let (r_lo, r_hi) = relative?;
            let as_points = a.kind == Kind::Percent && fits(d_lo, d_hi);
            (!fits(r_lo, r_hi) && !as_points).then(|| {
                format!(
                    "({} {sign} {}) ÷ {} = {}%",
                    show(x),
                    show(y),
                    show(a),
                    count(diff / a.value * 100.0)
                )
            })
        }
        Kind::Multiple => {
            let (r_lo, r_hi) = relative?;
            let times = (r_lo / 100.0, r_hi / 100.0);
            let ratio = (times.0 + 1.0, times.1 + 1.0);
            (!down && !fits(times.0, times.1) && !fits(ratio.0, ratio.1)).then(|| {
                format!(
                    "{} ÷ {} = {} 倍",
                    show(b),
                    show(a),
                    count(b.value / a.value)
                )
            })
        }
        _ if c.kind == a.kind && c.unit == a.unit && a.kind != Kind::Percent => (!fits(d_lo, d_hi))
            .then(|| {
                format!(
                    "{} {sign} {} = {}{}",
                    show(x),
                    show(y),
                    scaled(diff),
                    a.unit
                )
            }),
        _ => None,
    }
}

/// Large amounts the way reports write them: 25.3万亿, 77亿, 20万.
fn scaled(x: f64) -> String {
    for (threshold, divisor, name) in [(1e12, 1e12, "万亿"), (1e8, 1e8, "亿"), (1e4, 1e4, "万")]
    {
        if x.abs() >= threshold {
            return format!("{}{name}", count(x / divisor));
        }
    }
    count(x)
}

fn finding(
    doc: &Document,
    a: &Quantity,
    b: &Quantity,
    c: &Quantity,
    verb: &str,
    expected: &str,
) -> Finding {
    Finding::new(
        &META,
        c.span,
        format!("「{verb}{}」与前后两个数值不符：{expected}", c.written),
    )
    .primary("所写变化量")
    .label(a.span, "原值")
    .label(b.span, "现值")
    .help(format!(
        "{expected}，与所写「{}」不符；核对「{}」「{}」与变化量",
        doc.slice(c.span),
        doc.slice(a.span),
        doc.slice(b.span)
    ))
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
            ],
            &[
                "城镇化率由45.9%提高到52.6%，提高7.7个百分点。",
                "补助标准由35元提高到40元，增加15元。",
                "贫困人口由120万人减少到30万人，减少80万人。",
                "企业数从80户增加到810户，增长5倍。",
                "产值由50亿元增长到60亿元，增长25%。",
            ],
        );
    }
}
