//! A finding only when the numbers leave no other reading (issue 12, item 3).
//!
//! A claim whose readings all fail is reported only when the reading it would
//! name is bound explicitly. Otherwise its verdict becomes
//! [`Verdict::Unchecked`] with the reason, which `reportlint claims` shows and no
//! lint reports. Each rule removes a doubtful reading; none adds an exception:
//!
//! 1. Scope: every operand is written in the sentence of the stated figure (a
//!    sentence ends at 。！？；), or is a table cell, or is an item of the
//!    section a section total heads. A number of another sentence or paragraph
//!    may belong to another subject.
//! 2. Evidence: the reading is `Explicit` (named by the same head noun, a 其中
//!    parent, a base named after 占…的, a list the text closes); a binding
//!    guessed from position stays silent. Table claims are bound by the
//!    table's structure and keep their own weighing.
//! 3. Kind of total: a difference (少支, 差额, 减少), a balance or carry-over
//!    (余额, 结余, 结转, 年末) is no sum of the parts listed with it, and parts
//!    that name different money columns (收入 and 支出) are no parts of one total.
//! 4. Level: parts are of one level — none is named as a kind of another
//!    (医院 and 公立医院), no 其中/含/包括 opens a breakdown between them, and
//!    several 其中 parts that need not cover the whole are never added up
//!    against it (they may nest or overlap; each still stays within it) unless
//!    their names are kinds that exclude each other (夏粮、秋粮; 国家级、省级).

use super::binder::{core, Binder};
use super::words::{contains_any, sums};
use super::{Claim, ClaimKind, Evidence, Form, Source, Verdict};

/// Turn a failing claim whose binding is not explicit into an unchecked one.
pub(super) fn apply(b: &Binder, claim: &mut Claim) {
    if !matches!(claim.verdict, Verdict::Fails | Verdict::Mislabeled(_)) {
        return;
    }
    if let Some(why) = doubt(b, claim) {
        claim.verdict = Verdict::Unchecked(why);
    }
}

/// Why the reading a failing claim would name is not bound explicitly.
fn doubt(b: &Binder, claim: &Claim) -> Option<&'static str> {
    let r = claim.readings.first()?;
    // A table's rows and columns are bound by its structure (a 合计 row, a rate
    // column beside its counts), which the table claims already weigh.
    if r.evidence < Evidence::Explicit && !is_table(claim.kind) {
        return Some("对应关系是按位置推断的");
    }
    if !in_scope(b, claim) {
        return Some("所用的数不在同一句中");
    }
    if r.form == Form::Sum && matches!(claim.kind, ClaimKind::Parts | ClaimKind::SectionTotal) {
        let parts: Vec<usize> = quantities(r.operands.iter().map(|o| o.source));
        let total = quantity(claim.stated.source);
        if let Some(why) = wrong_total(b, total, &parts) {
            return Some(why);
        }
        // A closed classification named class by class is one level by its names.
        let named_classes = r.across;
        if let Some(why) =
            mixed_levels(b, total, &parts, r.against, r.exclusive).filter(|_| !named_classes)
        {
            return Some(why);
        }
    }
    None
}

fn quantity(s: Source) -> Option<usize> {
    match s {
        Source::Quantity(i) => Some(i),
        _ => None,
    }
}

fn quantities(s: impl Iterator<Item = Source>) -> Vec<usize> {
    s.filter_map(quantity).collect()
}

/// Rule 1: the operands lie in the stated figure's sentence (tables, section
/// totals and list counts are bound by structure, not by a sentence).
fn in_scope(b: &Binder, claim: &Claim) -> bool {
    let Some(k) = quantity(claim.stated.source) else {
        return true;
    };
    if matches!(claim.kind, ClaimKind::SectionTotal | ClaimKind::ListCount) || is_table(claim.kind)
    {
        return true;
    }
    if claim.readings.first().is_some_and(|r| r.across) {
        return true;
    }
    let q = &b.qs[k];
    let base = q.span.start - q.local.start;
    let spans: Vec<(usize, usize)> = claim.readings[0]
        .operands
        .iter()
        .filter_map(|o| match o.source {
            Source::Quantity(j) if b.qs[j].paragraph != q.paragraph => Some((usize::MAX, 0)),
            Source::Quantity(j) => Some((b.qs[j].local.start, b.qs[j].local.end)),
            Source::Text(span) if span.start >= base => Some((span.start - base, span.end - base)),
            Source::Text(_) => Some((usize::MAX, 0)),
            Source::Cell { .. } | Source::Implied => None,
        })
        .collect();
    if spans.iter().any(|s| s.0 == usize::MAX) {
        return false;
    }
    let t = b.doc.paragraphs[q.paragraph].text.as_str();
    let from = spans
        .iter()
        .map(|s| s.0)
        .chain([q.local.start])
        .min()
        .unwrap_or(0);
    let to = spans
        .iter()
        .map(|s| s.1)
        .chain([q.local.end])
        .max()
        .unwrap_or(0);
    let Some(between) = t.get(from..to) else {
        return false;
    };
    match between.match_indices(FULL_STOPS).count() {
        0 => true,
        // 总人口453304人。其中，男性…: a sentence opened by 其中, or by the name
        // of a classification (分产业看，从收入结构看，), breaks down the total of
        // the sentence just before it — its parts, and their shares of it.
        // Several such sentences in a row are breakdowns of the one total
        // (其中，限额以上…。按经营地统计，城镇…，乡村…).
        1..=3
            if matches!(
                claim.kind,
                ClaimKind::Parts | ClaimKind::Share | ClaimKind::SignedParts
            ) =>
        {
            between.split(FULL_STOPS).skip(1).all(|rest| {
                let rest = rest.trim_start_matches(['，', ',', '：', ':', ' ']);
                rest.starts_with("其中")
                    || claim.kind == ClaimKind::Parts && super::parts::opens_classification(rest)
            })
        }
        _ => false,
    }
}

/// What ends a sentence for binding: a ； separates the items of one list
/// (其中，出口…；进口…), a full stop ends what the numbers speak of.
const FULL_STOPS: [char; 5] = ['。', '！', '？', '!', '?'];

/// Rule 3: a total that is a difference, a balance or a carry-over, or parts
/// that name different money columns.
fn wrong_total(b: &Binder, total: Option<usize>, parts: &[usize]) -> Option<&'static str> {
    let s = sums();
    // 增加值 is an amount (value added), not a change.
    let words = |j: usize| format!("{}{}", b.qs[j].label, b.clause_before(j)).replace("增加值", "");
    if let Some(t) = total {
        let w = words(t);
        if s.difference_words.found_in(&w) {
            return Some("总数是差额或增减，不是各分项之和");
        }
        let flows = parts
            .iter()
            .any(|&j| contains_any(&b.qs[j].label, &s.flow_words));
        if b.unit_class(t) == "元" && contains_any(&w, &s.balance_words) && flows {
            return Some("总数是余额或结转结余，不是本期收支之和");
        }
    }
    let balance = |j: &usize| contains_any(&b.qs[*j].label, &s.balance_words);
    let money = parts.iter().any(|&j| b.unit_class(j) == "元");
    if money && parts.iter().any(balance) && !parts.iter().all(balance) {
        return Some("分项中有余额或结转结余，与其他分项不是同一类数");
    }
    let names = |w: &str, not: &str| {
        parts
            .iter()
            .any(|&j| b.qs[j].label.contains(w) && !b.qs[j].label.contains(not))
    };
    let mixed = s.money_columns.iter().any(|pair| match pair.as_slice() {
        [x, y] => names(x, y) && names(y, x),
        _ => false,
    });
    if mixed {
        return Some("分项分属不同的收支栏目");
    }
    None
}

/// Rule 4: parts of different levels of a breakdown.
fn mixed_levels(
    b: &Binder,
    total: Option<usize>,
    parts: &[usize],
    against: Option<super::Interval>,
    exclusive: bool,
) -> Option<&'static str> {
    let open = against.is_some_and(|a| a.lo.is_infinite());
    // Parts named as kinds that exclude each other (夏粮、秋粮) cannot nest.
    let labels: Vec<String> = parts.iter().map(|&j| b.qs[j].label.clone()).collect();
    if open && parts.len() >= 2 && !exclusive && super::parts::disjoint(b, &labels).is_none() {
        return Some("“其中”各项可能相互包含，不把它们相加");
    }
    let names: Vec<&str> = parts.iter().map(|&j| core(&b.qs[j].label)).collect();
    let nested = names.iter().enumerate().any(|(x, a)| {
        names
            .iter()
            .enumerate()
            .any(|(y, n)| x != y && a.chars().count() >= 2 && n.len() > a.len() && n.ends_with(a))
    });
    // Parts that exclude each other by what they name (classes of one
    // criterion, states of one act) are no subdivision of each other.
    if nested && !exclusive {
        return Some("一个分项是另一个分项的细分");
    }
    let (Some(&first), Some(&last)) = (parts.iter().min(), parts.iter().max()) else {
        return None;
    };
    let (f, l) = (&b.qs[first], &b.qs[last]);
    // Parts named as a complete set (第一、二、三产业): a 其中 between them
    // breaks down one of them, the set is the level.
    let complete = super::parts::exhaustive(&labels).is_some();
    if f.paragraph == l.paragraph && !complete {
        let t = b.doc.paragraphs[f.paragraph].text.as_str();
        // A 含… in brackets is a note on one part (乡镇卫生院（含社区卫生服务中心）),
        // as the list itself reads it, not a breakdown between the parts.
        let between =
            super::words::without_brackets(t.get(f.local.end..l.local.start).unwrap_or(""));
        if sums().nested_markers.found_in(&between) {
            return Some("所列各项之间另有“其中/含”的细分，层级不明");
        }
    }
    let _ = total;
    None
}

fn is_table(kind: ClaimKind) -> bool {
    matches!(
        kind,
        ClaimKind::TableTotalRow
            | ClaimKind::TableTotalColumn
            | ClaimKind::TableRate
            | ClaimKind::TableShares
            | ClaimKind::TableQuote
    )
}
