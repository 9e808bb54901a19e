//! Rates defined by their name: 城镇化率 is the urban population over the whole
//! population, by definition — 年末常住人口94.9万人，其中城镇人口41.4万人，乡村人口
//! 53.5万人。常住人口城镇化率43.6%.
//!
//! The principle: a rate named by the urban part of a population (城镇化率,
//! 城市化率) divides the amount named as that part (城镇人口) by the population
//! it is a part of (the amount named …人口 before it, not itself a part), both
//! stated in the rate's sentence or the one just before. Likewise a profit rate
//! named by its base (营业收入利润率) is the profit (利润总额) over that base.

use super::binder::Binder;
use super::{Claim, ClaimKind, Evidence, Form, Reading, Role, Tally};
use crate::document::quantities::Kind;

/// The rate's name, and the word that names its part.
const RATES: &[(&str, &str)] = &[("城镇化率", "城镇"), ("城市化率", "城市")];

/// Words that make a population a part of another (城镇, 乡村), never the whole.
const PARTS: &[&str] = &[
    "城镇", "城市", "乡村", "农村", "城区", "男", "女", "户籍", "流动",
];

/// How many numbers before the rate its counts may stand.
const BACK: usize = 16;

pub(super) fn claims(b: &Binder, out: &mut Vec<Claim>) {
    urbanisation(b, out);
    profit_rates(b, out);
}

/// Every rate of the document with its name: the label without the verb
/// that states it (城镇化率达到 → 城镇化率).
fn rates<'b>(b: &'b Binder) -> impl Iterator<Item = (usize, &'b str)> + 'b {
    (0..b.qs.len())
        .filter(|&k| b.qs[k].kind == Kind::Percent)
        .map(|k| {
            let label = ["达到", "为", "达", "是"]
                .iter()
                .fold(b.qs[k].label.as_str(), |l, w| {
                    l.strip_suffix(w).unwrap_or(l)
                });
            (k, label)
        })
}

/// 营业收入利润率 is the profit over the amount its name opens with (营业收入;
/// 成本费用利润率: over 成本费用), by definition: the profit (利润总额) and that
/// amount stated before it in its paragraph, at most two full stops away.
fn profit_rates(b: &Binder, out: &mut Vec<Claim>) {
    for (k, label) in rates(b) {
        let q = &b.qs[k];
        let Some(base) = label.strip_suffix("利润率") else {
            continue;
        };
        // The base's name: the last words before 利润率 (营业收入, 成本费用).
        let base: String = {
            let c: Vec<char> = base.chars().collect();
            c[c.len().saturating_sub(4)..].iter().collect()
        };
        if base.chars().count() < 4 {
            continue;
        }
        let p = b.paragraph_range(q.paragraph);
        let from = p.start.max(k.saturating_sub(BACK));
        let t = b.doc.paragraphs[q.paragraph].text.as_str();
        let near = |j: usize| {
            t.get(b.qs[j].local.end..q.local.start)
                .is_some_and(|g| g.matches(['。', '！', '？']).count() <= 2)
        };
        let money = |j: usize| b.qs[j].kind == Kind::Money && b.is_amount(j) && near(j);
        let Some(profit) = (from..k)
            .rev()
            .find(|&j| money(j) && b.qs[j].label.ends_with("利润总额"))
        else {
            continue;
        };
        let Some(whole) = (from..k)
            .rev()
            .find(|&j| money(j) && j != profit && b.qs[j].label.ends_with(base.as_str()))
        else {
            continue;
        };
        out.extend(defined_rate(
            b,
            k,
            (profit, whole),
            format!("{base}利润率 = 利润总额 ÷ {base}"),
        ));
    }
}

/// The claim that the rate at `k` is `numerator ÷ denominator` as its name
/// defines it: explicit, and across the sentences before it (the name binds).
fn defined_rate(
    b: &Binder,
    k: usize,
    (numerator, denominator): (usize, usize),
    formula: String,
) -> Option<Claim> {
    let stated = b.operand(k, Role::Stated);
    let mut tally = Tally::new(stated.value);
    let ops = vec![
        b.operand(numerator, Role::Numerator),
        b.operand(denominator, Role::Denominator),
    ];
    if let Some(mut r) = Reading::new(
        Form::Ratio { scale: 100.0 },
        ops,
        Evidence::Explicit,
        formula,
    ) {
        r.across = true;
        tally.offer(r);
    }
    tally.finish(ClaimKind::Rate, stated)
}

/// 城镇化率 = 城镇人口 ÷ 常住人口.
fn urbanisation(b: &Binder, out: &mut Vec<Claim>) {
    for (k, label) in rates(b) {
        let q = &b.qs[k];
        let Some(&(rate, member)) = RATES.iter().find(|(r, _)| label.ends_with(r)) else {
            continue;
        };
        let p = b.paragraph_range(q.paragraph);
        let from = p.start.max(k.saturating_sub(BACK));
        // At most one full stop between a count and the rate.
        let near = |j: usize| {
            b.qs[j].paragraph == q.paragraph
                && b.doc.paragraphs[q.paragraph]
                    .text
                    .as_str()
                    .get(b.qs[j].local.end..q.local.start)
                    .is_some_and(|g| g.matches(['。', '！', '？']).count() <= 1)
        };
        let part_name = format!("{member}人口");
        let Some(part) = (from..k)
            .rev()
            .find(|&j| b.is_amount(j) && b.qs[j].label.ends_with(&part_name) && near(j))
        else {
            continue;
        };
        let Some(whole) = (from..part).rev().find(|&j| {
            let l = &b.qs[j].label;
            b.is_amount(j)
                && b.compatible(j, part)
                && l.ends_with("人口")
                && !PARTS.iter().any(|w| l.contains(w))
                && near(j)
        }) else {
            continue;
        };
        out.extend(defined_rate(
            b,
            k,
            (part, whole),
            format!("{rate} = {part_name} ÷ 人口总数"),
        ));
    }
}
