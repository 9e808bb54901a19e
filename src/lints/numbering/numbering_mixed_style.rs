use crate::diagnostic::Finding;
use crate::document::{Document, Family, Variant};
use crate::lints::{Configurable, Lint, LintMeta};
use serde::Deserialize;
use std::collections::BTreeMap;

crate::declare_lint! {
    /// ## What it does
    /// Finds one level of the outline numbered in two styles in one document:
    /// `1.` next to `1、`, `（一）` next to `(一)`. The style used most at that level
    /// is taken as the document's; each run of the other style is reported once.
    ///
    /// ## Why
    /// Typesetting rules for official documents fix one marker per level; a mixed
    /// level shows that parts were pasted in from elsewhere, and readers may take
    /// the odd items for a different level.
    ///
    /// ## Options
    /// `brackets = false` stops comparing half-width `()` with full-width `（）`.
    ///
    /// ## Example
    /// ```bad
    /// 三、以民生实事为抓手
    /// 1.开展百岁老人健康有约活动。
    /// 2.加强普惠托育机构建设。
    /// 四、以强化内涵建设为抓手
    /// 1、推进医疗服务能力建设。
    /// 2、加强重点专科建设。
    /// ```
    /// ```good
    /// 三、以民生实事为抓手
    /// 1.开展百岁老人健康有约活动。
    /// 2.加强普惠托育机构建设。
    /// 四、以强化内涵建设为抓手
    /// 1.推进医疗服务能力建设。
    /// 2.加强重点专科建设。
    /// ```
    pub struct NumberingMixedStyle { brackets: bool }
    code = "RL104", name = "numbering-mixed-style", family = Numbering, severity = Warning,
    summary = "one outline level numbered in two styles (1. and 1、)",
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Options {
    brackets: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { brackets: true }
    }
}

impl Configurable for NumberingMixedStyle {
    type Options = Options;
    fn new(o: Options) -> Result<Self, String> {
        Ok(NumberingMixedStyle {
            brackets: o.brackets,
        })
    }
}

impl Lint for NumberingMixedStyle {
    fn meta(&self) -> &'static LintMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        // (family, depth) -> markers in order
        let mut levels: BTreeMap<(&Family, usize), Vec<usize>> = BTreeMap::new();
        for (k, m) in doc.markers.iter().enumerate() {
            if m.block && m.variant != Variant::Plain {
                if !self.brackets && matches!(m.variant, Variant::AsciiParen | Variant::FullParen) {
                    continue;
                }
                levels
                    .entry((&m.family, doc.outline.depth[k]))
                    .or_default()
                    .push(k);
            }
        }
        for ks in levels.values() {
            let mut counts: BTreeMap<Variant, (usize, usize)> = BTreeMap::new(); // count, first index
            for (order, &k) in ks.iter().enumerate() {
                counts.entry(doc.markers[k].variant).or_insert((0, order)).0 += 1;
            }
            if counts.len() < 2 {
                continue;
            }
            // Dominant: most used, earliest on a tie.
            let (&dominant, _) = counts
                .iter()
                .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))
                .expect("two variants");
            let example = ks
                .iter()
                .copied()
                .find(|&k| doc.markers[k].variant == dominant)
                .expect("present");
            // Runs of consecutive odd markers.
            let mut run: Vec<usize> = Vec::new();
            for (order, &k) in ks.iter().enumerate() {
                if doc.markers[k].variant != dominant {
                    run.push(k);
                }
                let run_ends = ks
                    .get(order + 1)
                    .is_none_or(|&n| doc.markers[n].variant == dominant);
                if run_ends && !run.is_empty() {
                    out.push(finding(doc, &run, example, dominant));
                    run.clear();
                }
            }
        }
    }
}

fn finding(doc: &Document, run: &[usize], example: usize, dominant: Variant) -> Finding {
    let first = &doc.markers[run[0]];
    let shown: Vec<&str> = run
        .iter()
        .map(|&k| doc.slice(doc.markers[k].span))
        .collect();
    let mut f = Finding::new(
        &META,
        first.span,
        format!(
            "同级编号格式不一：「{}」用{}，本文同级多用{}（如「{}」）",
            shown.join(" "),
            first.variant.describe(),
            dominant.describe(),
            doc.slice(doc.markers[example].span)
        ),
    )
    .primary(first.variant.describe())
    .label(
        doc.markers[example].span,
        format!("本文同级用{}", dominant.describe()),
    );
    for &k in &run[1..] {
        f = f.label(doc.markers[k].span, "同上");
    }
    let want: Vec<String> = run
        .iter()
        .map(|&k| {
            let m = &doc.markers[k];
            let mut twin = m.clone();
            twin.variant = dominant;
            twin.render(m.value)
        })
        .collect();
    f.help(format!("统一为{}：{}", dominant.describe(), want.join(" ")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lints::testing::pass_fail;

    #[test]
    fn cases() {
        let lint = NumberingMixedStyle { brackets: true };
        pass_fail(
            &lint,
            &[
                "一、甲\n1.子\n2.子\n二、乙\n1.子\n",
                "一、甲\n（一）子\n1、孙\n（二）子\n1、孙\n",
                "（一）甲\n1.子\n（1）孙\n（2）孙\n",
            ],
            &[
                "一、甲\n1.子\n2.子\n二、乙\n1、子\n2、子\n",
                "(一)甲\n(二)乙\n（三）丙\n",
            ],
        );
    }

    #[test]
    fn a_run_is_one_finding() {
        let found = crate::lints::testing::run(
            &NumberingMixedStyle { brackets: true },
            "一、甲\n1.子\n2.子\n3.子\n二、乙\n1、子\n2、子\n",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].labels.len(), 2);
        assert!(found[0].message.contains("1、 2、"), "{}", found[0].message);
    }
}
