//! A closed classification reported class by class, each in its own sentence
//! or paragraph: 共报告法定传染病721605例，死亡1526人。其中，甲类传染病中报告霍乱8例，
//! 无死亡；乙类传染病…共报告发病337223例，死亡1475人……。同期，全国共报告丙类传染
//! 病发病384374例，死亡51人。
//!
//! The principle: when a 其中 that opens its sentence names the first class of a
//! classification that admits no other class (甲类、乙类、丙类; 第一、二、三产业),
//! and the text goes on to name every other class in order, the classes make the
//! total of the sentence before the 其中 — whatever full stops or paragraph
//! breaks lie between them. Each class contributes its count of the same measure
//! as the total (deaths with deaths: the same label first, else the next count in
//! order); a class stated with 无 (无死亡, 无发病、死亡报告) contributes 0.
//! The binding is explicit: the text names every class of a closed set.
//!
//! Fewer classes than the set holds, or classes named without the 其中 (a
//! sentence that opens with the first class right after the total's), are
//! still classes of the total: they exclude each other, so together they stay
//! within it — counts whose names agree with the total's (报告…传染病, 死亡) only.

use super::binder::{affinity, core, Binder};
use super::interval::Interval;
use super::words::sums;
use super::{Claim, ClaimKind, Evidence, Form, Operand, Reading, Role, Tally};
use crate::document::quantities::Kind;

/// How far (in bytes) from the 其中 the last class may be named.
const REACH: usize = 3000;
/// How many paragraphs after the 其中's own the classes may run on.
const PARAGRAPHS: usize = 2;

const FULL_STOPS: [char; 5] = ['。', '！', '？', '!', '?'];

pub(super) fn claims(b: &Binder, out: &mut Vec<Claim>) {
    let sets = &sums().class_by_class;
    for (pi, p) in b.doc.paragraphs.iter().enumerate() {
        let t = p.text.as_str();
        // The totals are numbers of this paragraph: one without any is passed
        // over; most paragraphs name no first class: passed over at once.
        if b.paragraph_range(pi).is_empty()
            || !sets
                .iter()
                .any(|s| s.first().is_some_and(|m| t.contains(m.as_str())))
        {
            continue;
        }
        // A 其中 that opens its sentence, or a sentence that opens with the first
        // class itself (…死亡1 983例。甲类传染病无死亡报告。乙类传染病…).
        let marked = t
            .match_indices("其中")
            .map(|(at, m)| (at, at + m.len(), true));
        let bare = p.sentences.iter().map(|s| (s.start, s.start, false));
        for (at, after, marked) in marked.chain(bare) {
            let before = t[..at].trim_end();
            if !(before.is_empty() || before.ends_with(FULL_STOPS)) {
                continue;
            }
            let rest = t[after..].trim_start_matches(['，', ',', '：', ':', ' ']);
            let first_at = t.len() - rest.len();
            for set in sets {
                if set.first().is_some_and(|m| rest.starts_with(m.as_str())) {
                    class_claims(b, pi, at, first_at, set, marked, out);
                }
            }
        }
    }
}

/// A place in the text: paragraph and paragraph-local offset.
type At = (usize, usize);

/// The classes of `set` named in order from `first_at` of paragraph `pi`, each
/// with the text it speaks of (up to the next class; the last up to the end of
/// its sentence), and the totals of the sentence before the marker at `at`.
fn class_claims(
    b: &Binder,
    pi: usize,
    at: usize,
    first_at: usize,
    set: &[String],
    marked: bool,
    out: &mut Vec<Claim>,
) {
    let Some(segments) = segments(b, pi, first_at, set) else {
        return;
    };
    // All the classes after a 其中 make the total; fewer, or without the 其中,
    // each class still lies within it.
    let complete = marked && segments.len() == set.len();
    // Named within one sentence (clauses joined by ；), the 其中 list itself
    // reads the classes.
    let last = segments.last().map_or((pi, first_at), |s| s.0);
    let t = b.doc.paragraphs[pi].text.as_str();
    let one_sentence = last.0 == pi && !t[first_at..last.1].contains(FULL_STOPS);
    if one_sentence {
        return;
    }
    let totals = totals(b, pi, at);
    if totals.is_empty() {
        return;
    }
    let mut taken: Vec<usize> = Vec::new();
    // Per total, per class: the count (None for a class stated with 无).
    let mut bound: Vec<Vec<Option<usize>>> = vec![Vec::new(); totals.len()];
    for &(from, to) in &segments {
        let amounts = amounts_in(b, from, to);
        let text = segment_text(b, from, to);
        for (k, &t) in totals.iter().enumerate() {
            let label = core(&b.qs[t].label);
            // Without a 其中, a count is the class's share of the total only when
            // their names agree (报告…传染病, 死亡).
            let total_label = &b.qs[t].label;
            let cands: Vec<usize> = amounts
                .iter()
                .copied()
                .filter(|&j| b.compatible(j, t) && !taken.contains(&j))
                .filter(|&j| marked || affinity(&b.qs[j].label, total_label) >= 2)
                .collect();
            let same = cands
                .iter()
                .copied()
                .find(|&j| !label.is_empty() && core(&b.qs[j].label) == label);
            let other_labels: Vec<&str> = totals
                .iter()
                .filter(|&&o| o != t)
                .map(|&o| core(&b.qs[o].label))
                .collect();
            let next = || {
                cands
                    .iter()
                    .copied()
                    .find(|&j| !other_labels.contains(&core(&b.qs[j].label)))
            };
            match same.or_else(next) {
                Some(j) => {
                    taken.push(j);
                    bound[k].push(Some(j));
                }
                None if states_none(&text, label, amounts.is_empty()) => bound[k].push(None),
                None => bound[k].push(Some(usize::MAX)),
            }
        }
    }
    let basis = format!("{}逐类列出，合起来即全部", set.join("、"));
    let partial = format!("{}各类互不包含，所列各类合计不应超过总数", set.join("、"));
    for (k, &t) in totals.iter().enumerate() {
        let row = &bound[k];
        if row.contains(&Some(usize::MAX)) {
            continue; // a class whose count of this measure is not stated
        }
        let parts: Vec<usize> = row.iter().flatten().copied().collect();
        if parts.len() < 2 && complete || parts.is_empty() {
            continue;
        }
        let ops: Vec<Operand> = row
            .iter()
            .zip(set)
            .filter_map(|(c, class)| {
                let mut o = b.operand((*c)?, Role::Part);
                if !o.label.contains(class.as_str()) {
                    o.label = format!("{class}（{}）", o.label);
                }
                Some(o)
            })
            .collect();
        let stated = b.operand(t, Role::Total);
        let mut tally = Tally::new(stated.value);
        let reading = if complete {
            Reading::new(Form::Sum, ops, Evidence::Explicit, basis.clone())
        } else {
            let within = Interval::new(f64::NEG_INFINITY, b.value(t).hi);
            Reading::new(Form::Sum, ops, Evidence::Explicit, partial.clone())
                .map(|r| r.against(within))
        };
        if let Some(mut r) = reading {
            r.exclusive = true;
            r.across = true;
            tally.offer(r);
        }
        out.extend(tally.finish(ClaimKind::Parts, stated));
    }
}

/// Where each class of `set` is named, in order, from `first_at` of paragraph
/// `pi` on, and where the text about it ends: `None` unless every class is named
/// within reach.
fn segments(b: &Binder, pi: usize, first_at: usize, set: &[String]) -> Option<Vec<(At, At)>> {
    let last_p = (pi + PARAGRAPHS).min(b.doc.paragraphs.len().saturating_sub(1));
    let mut starts: Vec<At> = Vec::new();
    let mut cursor: At = (pi, first_at);
    let mut walked = 0usize;
    for class in set {
        let mut found = None;
        let (mut p, mut from) = cursor;
        while p <= last_p {
            let t = b.doc.paragraphs[p].text.as_str();
            // Searched only as far as the reach left (a long paragraph stays linear).
            let mut upto = (from + REACH.saturating_sub(walked)).min(t.len());
            while !t.is_char_boundary(upto) {
                upto -= 1;
            }
            if let Some(i) = t.get(from..upto).and_then(|r| r.find(class.as_str())) {
                walked += i;
                found = Some((p, from + i));
                break;
            }
            walked += upto.saturating_sub(from);
            if walked >= REACH {
                break;
            }
            p += 1;
            from = 0;
        }
        let Some(at) = found.filter(|_| walked <= REACH) else {
            break; // the classes named so far
        };
        starts.push(at);
        cursor = (at.0, at.1 + class.len());
    }
    if starts.is_empty() {
        return None;
    }
    let mut out = Vec::new();
    for (k, &s) in starts.iter().enumerate() {
        let end = match starts.get(k + 1) {
            Some(&next) => next,
            None => {
                let t = b.doc.paragraphs[s.0].text.as_str();
                let stop = t[s.1..].find(FULL_STOPS).map_or(t.len(), |i| s.1 + i);
                (s.0, stop)
            }
        };
        out.push((s, end));
    }
    Some(out)
}

/// The amounts of the sentence before the marker at `at` of paragraph `pi` (the
/// last sentence of the paragraph before when the marker opens its paragraph).
fn totals(b: &Binder, pi: usize, at: usize) -> Vec<usize> {
    let (p, end) = if b.doc.paragraphs[pi].text.as_str()[..at].trim().is_empty() {
        let Some(prev) = (0..pi)
            .rev()
            .find(|&q| !b.doc.paragraphs[q].text.as_str().trim().is_empty())
        else {
            return Vec::new();
        };
        (prev, b.doc.paragraphs[prev].text.as_str().len())
    } else {
        (pi, at)
    };
    let Some(last) = b.before_offset(p, end).last() else {
        return Vec::new();
    };
    let sentence = b.qs[last].sentence;
    b.range_of(p, sentence)
        .filter(|&j| b.is_amount(j) && !b.in_brackets(j) && b.qs[j].kind != Kind::Percent)
        .collect()
}

/// The amounts written between `from` and `to`, in order, outside brackets.
fn amounts_in(b: &Binder, from: At, to: At) -> Vec<usize> {
    let mut out = Vec::new();
    for p in from.0..=to.0 {
        let lo = if p == from.0 { from.1 } else { 0 };
        let hi = if p == to.0 { to.1 } else { usize::MAX };
        // From the first number at or after `lo` on (found by search), up to `hi`.
        for j in b.after_offset(p, lo.saturating_sub(1)) {
            let q = &b.qs[j];
            if q.local.end > hi || out.len() >= 64 {
                break;
            }
            if q.local.start >= lo && b.is_amount(j) && !b.in_brackets(j) {
                out.push(j);
            }
        }
    }
    out
}

fn segment_text(b: &Binder, from: At, to: At) -> String {
    let mut s = String::new();
    for p in from.0..=to.0 {
        let t = b.doc.paragraphs[p].text.as_str();
        let lo = if p == from.0 { from.1 } else { 0 };
        let hi = if p == to.0 { to.1 } else { t.len() };
        s.push_str(t.get(lo..hi).unwrap_or(""));
    }
    s
}

/// Whether a class's text states that it has none of a measure: 无死亡 (the
/// measure's own name within a few characters after 无), or 无发病、死亡报告 with
/// no count of anything.
fn states_none(text: &str, label: &str, no_counts: bool) -> bool {
    text.match_indices('无').any(|(i, m)| {
        let after: String = text[i + m.len()..].chars().take(8).collect();
        no_counts || !label.is_empty() && after.contains(label)
    })
}
