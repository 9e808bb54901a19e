//! Growth claims: a change stated with the values it connects.
//!
//! - Two end values: 由A提高到B，提高N个百分点 / 增加N / 增长X% / 增长N倍 (涨幅, 增幅,
//!   增速 as well).
//! - An end value and the change: 达58230个，比上年增加1260个，增长2.21% — the rate
//!   is the change over the earlier value, B − change (or B + change for a decrease).
//! - 自然增长率 = 出生率 − 死亡率, all three stated in one sentence.
//! - An end value, the earlier value named after 比/较, and the change: 支出431万元，
//!   比上年的433万元减少2万元，下降0.46% — the change is B − A, the rate (B − A) ÷ A.
//!
//! Every value is an interval; 增长N倍 is read both as B ÷ A and (B − A) ÷ A, 提高X%
//! between two rates both as points and as a relative change.

use super::binder::Binder;
use super::words::words;
use super::{Claim, ClaimKind, Evidence, Form, Reading, Role, Tally};
use crate::document::quantities::{Approx, Kind};
use regex::Regex;
use std::sync::OnceLock;

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
            r"(由|从)(原|上年的?|去年的?|年初的?|每人每[年月]|[0-9０-９〇○零一二三四五六七八九]{4}年末?的?)?$",
        )
        .expect("from pattern"),
        to: Regex::new(r"^(提高|提升|增加|增长|上升|扩大|增|下降|降低|减少|缩小|降|减)(到|至)$")
            .expect("to pattern"),
        change: Regex::new(
            r"^[，,、]?(净)?(提高|提升|增加|增长|上升|扩大|增|下降|降低|减少|缩小|降|减|多|少|增幅为?|涨幅为?|增速为?|降幅为?)了?$",
        )
        .expect("change pattern"),
    })
}

fn is_decrease(verb: &str) -> bool {
    [
        "下降", "降低", "减少", "缩小", "降", "减", "少", "回落", "下跌",
    ]
    .iter()
    .any(|w| verb.contains(w))
}

pub(super) fn claims(b: &Binder, out: &mut Vec<Claim>) {
    end_points(b, out);
    end_and_change(b, out);
    end_base_change(b, out);
    natural_increase(b, out);
    period_balance(b, out);
}

/// Names of the balance of one period (not a stock carried from earlier years:
/// 累计结存 holds what every earlier year left).
const PERIOD_BALANCES: &[&str] = &[
    "当期结存",
    "当年结存",
    "本期结存",
    "本年结存",
    "当期结余",
    "当年结余",
    "本期结余",
    "本年结余",
];

/// 基金收入10128.90亿元，支出9353.44亿元。…当期结存775.46亿元: the balance of a
/// period is its income less its expenditure, by definition — the income and the
/// expenditure stated as a pair (收入, then 支出 at once after it) in the
/// balance's sentence or the one just before, with no other pair between.
fn period_balance(b: &Binder, out: &mut Vec<Claim>) {
    for k in 0..b.qs.len() {
        let q = &b.qs[k];
        if q.kind != Kind::Money || !PERIOD_BALANCES.iter().any(|w| q.label.ends_with(w)) {
            continue;
        }
        let p = b.paragraph_range(q.paragraph);
        let money = |j: usize| b.qs[j].kind == Kind::Money && b.qs[j].approx == Approx::Exact;
        // The nearest 收入 before it whose next number is the 支出.
        let Some(income) = (p.start.max(k.saturating_sub(32))..k).rev().find(|&i| {
            money(i) && b.qs[i].label.ends_with("收入") && i + 1 < k && {
                let e = i + 1;
                money(e) && b.qs[e].label.ends_with("支出") && b.qs[e].sentence == b.qs[i].sentence
            }
        }) else {
            continue;
        };
        let spending = income + 1;
        // At most one full stop between the pair and the balance, and no other
        // income or expenditure named between them.
        let between = b.between(spending, k);
        let stops = between.matches(['。', '！', '？', '!', '?']).count();
        let other = (spending + 1..k).any(|j| {
            money(j) && (b.qs[j].label.ends_with("收入") || b.qs[j].label.ends_with("支出"))
        });
        if stops > 1 || other {
            continue;
        }
        let stated = b.operand(k, Role::Stated);
        let mut tally = Tally::new(stated.value);
        let ops = vec![
            b.operand(spending, Role::Term),
            b.operand(income, Role::Term),
        ];
        if let Some(mut r) = Reading::new(Form::Difference, ops, Evidence::Explicit, "收入 − 支出")
        {
            // The balance names the pair it is the difference of, across its sentence.
            r.across = stops == 1;
            tally.offer(r);
        }
        out.extend(tally.finish(ClaimKind::Growth, stated));
    }
}

/// 出生率9.1‰，死亡率6.6‰，自然增长率2.5‰: the natural increase rate is the birth
/// rate less the death rate, by definition (rates of one population, one unit).
fn natural_increase(b: &Binder, out: &mut Vec<Claim>) {
    // 婴儿死亡率, 孕产妇死亡率: rates of another population.
    let plain = |j: usize, what: &str| {
        let l = &b.qs[j].label;
        l.ends_with(what)
            && !["婴儿", "孕产妇", "新生儿", "岁", "粗"]
                .iter()
                .any(|w| l.contains(w))
    };
    for k in 0..b.qs.len() {
        if !plain(k, "自然增长率") {
            continue;
        }
        let q = &b.qs[k];
        // In the sentence, sentences joined by ； included (出生率为7.52‰；…死亡率…；
        // 人口自然增长率为0.34‰).
        let before = |what: &str| {
            b.paragraph_range(q.paragraph)
                .filter(|&j| j < k && plain(j, what))
                .filter(|&j| !b.between(j, k).contains(['。', '！', '？', '!', '?']))
                .rfind(|&j| b.qs[j].kind == q.kind && b.qs[j].unit == q.unit)
        };
        let (Some(births), Some(deaths)) = (before("出生率"), before("死亡率")) else {
            continue;
        };
        let stated = b.operand(k, Role::Stated);
        let mut tally = Tally::new(stated.value);
        let ops = vec![b.operand(deaths, Role::Term), b.operand(births, Role::Term)];
        if let Some(r) = Reading::new(Form::Difference, ops, Evidence::Explicit, "出生率 − 死亡率")
        {
            tally.offer(r);
        }
        out.extend(tally.finish(ClaimKind::Growth, stated));
    }
}

/// 支出431万元，比上年累计支出433万元减少2万元，下降0.46%: the value now, the
/// earlier value named after 比/较 (比上年的, 较2024年的), the change between them
/// and the rate of that change.
fn end_base_change(b: &Binder, out: &mut Vec<Claim>) {
    let w = words();
    for a in 1..b.qs.len().saturating_sub(1) {
        let (e, d) = (a - 1, a + 1);
        let (qe, qa, qd) = (&b.qs[e], &b.qs[a], &b.qs[d]);
        let one = |q: &crate::document::quantities::Quantity| {
            (q.paragraph, q.sentence) == (qa.paragraph, qa.sentence)
                && q.unit == qa.unit
                && q.kind == qa.kind
                && q.approx == Approx::Exact
        };
        if !b.is_earlier_value(a) || !b.is_measure(a) || !one(qe) || !one(qd) {
            continue;
        }
        // The value now: an amount of the sentence (a per-capita value too), right
        // before the comparison.
        if !b.is_measure(e) || b.is_change(e) || b.between(e, a).chars().count() > 20 {
            continue;
        }
        // The change: its verb alone between the earlier value and it.
        let verb = b.between(a, d).trim();
        let Some(v) = w.change_verbs.iter().find(|v| verb == v.as_str()) else {
            continue;
        };
        let down = is_decrease(v);
        let (from, to) = (b.operand(a, Role::From), b.operand(e, Role::To));
        let diff_ops = if down {
            vec![to.clone(), from.clone()]
        } else {
            vec![from.clone(), to.clone()]
        };
        let stated = b.operand(d, Role::Stated);
        let mut tally = Tally::new(stated.value);
        if let Some(r) = Reading::new(Form::Difference, diff_ops, Evidence::Explicit, "两值之差")
        {
            tally.offer(r);
        }
        out.extend(tally.finish(ClaimKind::Growth, stated));
        // The rate right after the change, of the same direction.
        let r = d + 1;
        let Some(rq) = b.qs.get(r) else { continue };
        if (rq.paragraph, rq.sentence) != (qa.paragraph, qa.sentence)
            || rq.kind != Kind::Percent
            || !b.is_change_rate(r)
            || b.between(d, r).chars().count() > 6
            || is_decrease(&rq.label) != down
        {
            continue;
        }
        let stated = b.operand(r, Role::Stated);
        let mut tally = Tally::new(stated.value);
        let (form, why) = if down {
            (Form::Decline, "(原值 − 现值) ÷ 原值")
        } else {
            (Form::Growth, "(现值 − 原值) ÷ 原值")
        };
        if let Some(reading) = Reading::new(form, vec![from, to], Evidence::Explicit, why) {
            tally.offer(reading);
        }
        out.extend(tally.finish(ClaimKind::Growth, stated));
    }
}

/// 由A提高到B，提高C.
fn end_points(b: &Binder, out: &mut Vec<Claim>) {
    let pat = patterns();
    let qs = b.qs;
    for k in 2..qs.len() {
        let (ai, bi) = (k - 2, k - 1);
        let (a, bq, c) = (&qs[ai], &qs[bi], &qs[k]);
        if a.paragraph != c.paragraph || a.sentence != c.sentence || bq.sentence != c.sentence {
            continue;
        }
        if [a, bq, c].iter().any(|q| q.approx != Approx::Exact)
            || a.kind != bq.kind
            || a.unit != bq.unit
        {
            continue;
        }
        let t = b.text(ai);
        let (Some(before_a), Some(a_to_b), Some(b_to_c)) = (
            t.get(..a.local.start),
            t.get(a.local.end..bq.local.start),
            t.get(bq.local.end..c.local.start),
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
        let down = is_decrease(a_to_b);
        if is_decrease(verb) != down && !verb.starts_with(['增', '涨']) {
            continue; // 由A下降到B，增加N: the sentence says something else
        }
        let (from, to) = (b.operand(ai, Role::From), b.operand(bi, Role::To));
        let stated = b.operand(k, Role::Stated);
        let mut tally = Tally::new(stated.value);
        // A decrease is stated as a positive amount: subtract the later value.
        let ops = vec![from.clone(), to.clone()];
        let diff_ops = if down { vec![to, from] } else { ops.clone() };
        let (growth, growth_why) = if down {
            (Form::Decline, "(原值 − 现值) ÷ 原值")
        } else {
            (Form::Growth, "(现值 − 原值) ÷ 原值")
        };
        let mut offer = |form: Form, ops: &Vec<super::Operand>, why: &str| {
            if let Some(r) = Reading::new(form, ops.clone(), Evidence::Explicit, why) {
                tally.offer(r);
            }
        };
        match c.kind {
            Kind::Points if a.kind == Kind::Percent => {
                offer(Form::Difference, &diff_ops, "两值之差（百分点）")
            }
            Kind::Percent => {
                offer(growth, &ops, growth_why);
                if a.kind == Kind::Percent {
                    offer(Form::Difference, &diff_ops, "两值之差（百分点）");
                }
            }
            Kind::Multiple if !down => {
                for (minus_one, why) in [(true, "(现值 − 原值) ÷ 原值"), (false, "现值 ÷ 原值")]
                {
                    offer(Form::Multiple { minus_one }, &ops, why);
                }
            }
            _ if c.kind == a.kind && c.unit == a.unit && a.kind != Kind::Percent => {
                offer(Form::Difference, &diff_ops, "两值之差")
            }
            _ => continue,
        }
        out.extend(tally.finish(ClaimKind::Growth, stated));
    }
}

/// 达58230个，比上年增加1260个，增长2.21%: the rate of a change over the value
/// it changed from.
fn end_and_change(b: &Binder, out: &mut Vec<Claim>) {
    let w = words();
    for c in 1..b.qs.len() {
        let q = &b.qs[c];
        // 平均每年增加四十二亿元: a yearly average, not the change of one year.
        if !b.is_measure(c) || !b.is_change(c) || b.is_density(c) || q.approx != Approx::Exact {
            continue;
        }
        let Some(verb) = w
            .change_verbs
            .iter()
            .find(|v| q.label.ends_with(v.as_str()))
        else {
            continue;
        };
        let down = is_decrease(verb);
        // The end value: the amount right before, of the same unit, with only a
        // comparison between (，比上年末, ，较上年). A per-capita value (人均支出
        // 23469元) changes like any other; only the change itself must not be a
        // yearly average.
        let end = c - 1;
        let e = &b.qs[end];
        if (e.paragraph, e.sentence) != (q.paragraph, q.sentence)
            || !b.is_measure(end)
            || b.is_change(end)
            || e.unit != q.unit
            || e.kind != q.kind
            || e.approx != Approx::Exact
        {
            continue;
        }
        // A note in brackets after the end value ((人民币，下同)) does not part
        // it from its change.
        let gap = super::words::without_brackets(b.between(end, c));
        if gap
            .chars()
            .filter(|c| !c.is_ascii_punctuation() && !"，、；".contains(*c))
            .count()
            > 10
        {
            continue;
        }
        // The rate: the next percentage of the sentence, right after, of the same direction.
        let r = c + 1;
        let Some(rq) = b.qs.get(r) else { continue };
        if (rq.paragraph, rq.sentence) != (q.paragraph, q.sentence)
            || rq.kind != Kind::Percent
            || !b.is_change_rate(r)
            || b.between(c, r).chars().count() > 6
            || rq.label.contains("年均")
        {
            continue;
        }
        let rate_down = is_decrease(&rq.label);
        if rate_down != down {
            continue;
        }
        let stated = b.operand(r, Role::Stated);
        let mut tally = Tally::new(stated.value);
        let ops = vec![b.operand(end, Role::To), b.operand(c, Role::Change)];
        let why = if down {
            "变化量 ÷ (现值 + 变化量)"
        } else {
            "变化量 ÷ (现值 − 变化量)"
        };
        if let Some(reading) = Reading::new(Form::ChangeRate { down }, ops, Evidence::Explicit, why)
        {
            tally.offer(reading);
        }
        out.extend(tally.finish(ClaimKind::Growth, stated));
    }
}
