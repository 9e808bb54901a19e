//! Counts of one object by the state of one act: 共计50项具体问题，…已整改40项，…
//! 正在整改10项; 问题资金251023.54万元，整改到位资金215587.84万元，…未整改资金
//! 35435.70万元.
//!
//! The principle: amounts named by different states of the same act — done (已X,
//! X到位), under way (正在X, 部分X), not done (未X, 尚未X) — exclude each other,
//! so together they stay within the amount of the same kind stated before them
//! in their sentence; when they are exactly the done and the not done, they are
//! all of it. The binding is explicit: the words name the states of one act.

use super::binder::Binder;
use super::interval::Interval;
use super::{Claim, ClaimKind, Evidence, Form, Operand, Reading, Role, Tally};
use crate::document::markers::is_han;

/// The state of an act an amount is named by.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum State {
    Done,
    UnderWay,
    NotDone,
}

/// Markers before the act, longest first (尚未 before 未).
const BEFORE: &[(&str, State)] = &[
    ("尚未", State::NotDone),
    ("未", State::NotDone),
    ("正在", State::UnderWay),
    ("部分", State::UnderWay),
    ("已", State::Done),
];

/// Markers after the act.
const AFTER: &[(&str, State)] = &[("到位", State::Done)];

/// How many characters of the act are compared (整改, 开工, 销号).
const ACT: usize = 2;

/// How many amounts of a sentence are read, and how far apart (in amounts) a
/// total and its states may stand.
const SENTENCE_LIMIT: usize = 256;
const NEAR: usize = 16;

pub(super) fn claims(b: &Binder, out: &mut Vec<Claim>) {
    // The numbers of each sentence, in one pass over the document's numbers.
    let mut start = 0;
    while start < b.qs.len() {
        let key = (b.qs[start].paragraph, b.qs[start].sentence);
        let mut end = start + 1;
        while end < b.qs.len() && (b.qs[end].paragraph, b.qs[end].sentence) == key {
            end += 1;
        }
        if end - start >= 3 {
            sentence(b, start..end, out);
        }
        start = end;
    }
}

/// The state and the act an amount's clause names: 报告日已整改 → (Done, 整改),
/// 整改到位资金 → (Done, 整改), 未整改资金 → (NotDone, 整改).
fn state_of(clause: &str) -> Option<(State, String)> {
    // The Han words right before the number (a slice: most amounts name no state).
    let clause = clause.trim_end();
    let start = clause
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_han(c))
        .last()
        .map_or(clause.len(), |(i, _)| i);
    let words = &clause[start..];
    if !words.contains(['未', '正', '部', '已', '到']) {
        return None;
    }
    for &(m, state) in BEFORE {
        if let Some(i) = words.rfind(m) {
            let act: String = words[i + m.len()..].chars().take(ACT).collect();
            if act.chars().count() == ACT {
                return Some((state, act));
            }
        }
    }
    for &(m, state) in AFTER {
        if let Some(i) = words.find(m) {
            let before: Vec<char> = words[..i].chars().collect();
            if before.len() >= ACT {
                let act: String = before[before.len() - ACT..].iter().collect();
                return Some((state, act));
            }
        }
    }
    None
}

fn sentence(b: &Binder, range: std::ops::Range<usize>, out: &mut Vec<Claim>) {
    // Bounded like every sentence search: a flood of numbers without a full
    // stop stays linear.
    let range = range.start..range.end.min(range.start + SENTENCE_LIMIT);
    // Whether an amount stands in brackets is asked of the few that matter (it
    // reads the sentence up to the amount).
    let named: Vec<(usize, Option<(State, String)>)> = range
        .filter(|&j| b.is_amount(j))
        .map(|j| (j, state_of(b.clause_before(j))))
        .collect();
    if named.iter().filter(|n| n.1.is_some()).nth(1).is_none() {
        return; // fewer than two amounts named by a state
    }
    let named: Vec<(usize, Option<(State, String)>)> = named
        .into_iter()
        .filter(|(j, _)| !b.in_brackets(*j))
        .collect();
    let mut done_groups: Vec<usize> = Vec::new();
    for (x, (first, st)) in named.iter().enumerate() {
        let Some((_, act)) = st else { continue };
        if done_groups.contains(first) {
            continue;
        }
        // The amounts of the same act and kind, in order.
        let group: Vec<(usize, State)> = named[x..]
            .iter()
            .take(NEAR)
            .filter_map(|(j, s)| match s {
                Some((state, a)) if a == act && b.compatible(*j, *first) => Some((*j, *state)),
                _ => None,
            })
            .collect();
        done_groups.extend(group.iter().map(|g| g.0));
        let states: Vec<State> = group.iter().map(|g| g.1).collect();
        let distinct = (0..states.len()).all(|i| !states[..i].contains(&states[i]));
        if group.len() < 2 || !distinct {
            continue; // one state twice: two counts of one state, not a breakdown
        }
        // The total: the nearest amount of the kind before the first, named by no state.
        let Some(total) = named[..x]
            .iter()
            .rev()
            .take(NEAR)
            .find(|(j, s)| s.is_none() && b.compatible(*j, *first))
            .map(|(j, _)| *j)
        else {
            continue;
        };
        let all =
            states.len() == 2 && states.contains(&State::Done) && states.contains(&State::NotDone);
        let stated = b.operand(total, Role::Total);
        let t = b.value(total);
        let ops: Vec<Operand> = group.iter().map(|g| b.operand(g.0, Role::Part)).collect();
        let (basis, against) = if all {
            (format!("已{act}与未{act}合起来即全部"), t)
        } else {
            (
                format!("“{act}”的各状态互不包含，合计不应超过总数"),
                Interval::new(f64::NEG_INFINITY, t.hi),
            )
        };
        let mut tally = Tally::new(stated.value);
        if let Some(r) = Reading::new(Form::Sum, ops, Evidence::Explicit, basis) {
            tally.offer(r.exclusive().against(against));
        }
        out.extend(tally.finish(ClaimKind::Parts, stated));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_and_acts() {
        assert_eq!(
            state_of("，报告日已整改"),
            Some((State::Done, "整改".into()))
        );
        assert_eq!(
            state_of("，未整改资金"),
            Some((State::NotDone, "整改".into()))
        );
        assert_eq!(
            state_of("，整改到位资金"),
            Some((State::Done, "整改".into()))
        );
        assert_eq!(
            state_of("，正在整改"),
            Some((State::UnderWay, "整改".into()))
        );
        assert_eq!(state_of("，问题资金"), None);
    }
}
