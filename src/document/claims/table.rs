//! Table claims: a total row against the rows it covers, a row that heads a
//! breakdown (indented rows, # or 其中 marks, subject codes 类/款/项) against its
//! parts, a total column against the columns it adds, a rate column against the
//! column pair it is computed from, a share column that must make 100%, and a
//! number of the text that quotes a cell. Every cell is the interval its printed
//! digits allow (a count is exact, 万元 and decimals are rounded, a rate may be
//! cut off).

use super::binder::Binder;
use super::interval::{self, Interval};
use super::table_math::{
    additive_columns, column_numbers, is_flat, readings, same_units, scope, show,
};
use super::{Claim, ClaimKind, Evidence, Form, Operand, Reading, Role, Source, Tally, Verdict};
use crate::document::tables::{RowRole, Table};

pub(super) fn claims(b: &Binder, out: &mut Vec<Claim>) {
    for (ti, t) in b.doc.tables.iter().enumerate() {
        total_rows(b, ti, t, out);
        breakdowns(b, ti, t, out);
        super::table_cols::total_columns(b, ti, t, out);
        super::table_cols::rate_columns(b, ti, t, out);
        super::table_cols::share_columns(b, ti, t, out);
        super::table_rows::claims(b, ti, t, out);
    }
    super::table_quote::claims(b, out);
}

/// Cell (r, c) of table `ti` as an operand, labelled with its row's name.
pub(super) fn cell(b: &Binder, ti: usize, r: usize, c: usize, role: Role) -> Option<Operand> {
    let t = &b.doc.tables[ti];
    let n = t.number(r, c).filter(|n| !n.approx)?;
    let span = t.cell_span(r, c)?;
    Some(Operand {
        role,
        source: Source::Cell {
            table: ti,
            row: r,
            col: c,
        },
        value: interval::of_cell(&n, t.columns[c].rounded),
        written: show(n.value, n.decimals),
        label: t.row_name(r),
        span,
        label_span: span,
    })
}

/// The stated cell of a claim, labelled "row」行的「column" for messages.
pub(super) fn stated_cell(b: &Binder, ti: usize, r: usize, c: usize) -> Option<Operand> {
    let t = &b.doc.tables[ti];
    let mut o = cell(b, ti, r, c, Role::Stated)?;
    o.label = format!("{}」行的「{}", t.row_name(r), t.column_name(c));
    Some(o)
}

fn sum_of(b: &Binder, ti: usize, rows: &[usize], c: usize) -> Option<Vec<Operand>> {
    let t = &b.doc.tables[ti];
    // Text or an approximate number in a cell: no sum can be held to it.
    column_numbers(t, rows, c)?;
    Some(
        rows.iter()
            .filter_map(|&r| cell(b, ti, r, c, Role::Part))
            .collect(),
    )
}

/// 合计, 总计, 小计 and area totals (全市) against the rows they cover.
fn total_rows(b: &Binder, ti: usize, t: &Table, out: &mut Vec<Claim>) {
    for at in t.body() {
        let role = t.rows[at].role;
        if !role.is_total() {
            continue;
        }
        let scope = scope(t, at);
        // 总计 over 其中:综合医院 / 中医医院 / 专科医院: the rows a mark opens
        // under a total are kinds of it, never its peers.
        if let Some(group) = marked_kinds(b, t, at, &scope) {
            out.extend(kinds_within(b, ti, at, &group));
            continue;
        }
        let sets = readings(t, &scope);
        // Peers under a 合计 row have one reading; a 全市 row may cover places the
        // table does not list, so its rows need only stay within it.
        let certain = role != RowRole::AreaTotal && is_flat(t, &scope);
        // An area total whose rows add up exactly in one column lists all its
        // parts: the other columns must add up too.
        let complete = role == RowRole::AreaTotal
            && additive_columns(t).any(|c| {
                let (Some(stated), Some(first)) = (stated_cell(b, ti, at, c), sets.first()) else {
                    return false;
                };
                if !same_units(b, ti, at, first) {
                    return false;
                }
                sum_of(b, ti, first, c).is_some_and(|ops| {
                    ops.len() >= 2
                        && Interval::sum(ops.iter().map(|o| o.value)).meets(&stated.value)
                })
            });
        let mut row_claims = Vec::new();
        for c in additive_columns(t) {
            let Some(stated) = stated_cell(b, ti, at, c) else {
                continue;
            };
            let mut tally = Tally::new(stated.value);
            for (k, items) in sets.iter().enumerate() {
                // Rows in other units (万美元 under 亿元) are not its parts.
                if !same_units(b, ti, at, items) {
                    continue;
                }
                let Some(ops) = sum_of(b, ti, items, c) else {
                    continue;
                };
                if ops.len() < 2 {
                    continue;
                }
                let ev = match k {
                    0 if certain => Evidence::Explicit,
                    0 => Evidence::Inferred,
                    _ => Evidence::Possible,
                };
                let why = if k == 0 {
                    "所列各行"
                } else {
                    "另一种分层读法"
                };
                let Some(r) = Reading::new(Form::Sum, ops, ev, why) else {
                    continue;
                };
                if role == RowRole::AreaTotal && !complete {
                    tally.offer(r.against(Interval::new(f64::NEG_INFINITY, stated.value.hi)));
                } else {
                    tally.offer(r);
                }
            }
            row_claims.extend(tally.finish(ClaimKind::TableTotalRow, stated));
        }
        // When no column of the row adds up under any reading, the rows are
        // probably not what it covers: say nothing unless they are plain peers.
        let holds = row_claims
            .iter()
            .filter(|c| matches!(c.verdict, Verdict::Holds(_)))
            .count();
        let fails = row_claims.iter().filter(|c| c.fails()).count();
        let trusted = certain && holds >= 1
            || holds >= 2
            || certain && fails <= 2
            || holds == 1 && fails == 1;
        if !trusted {
            for c in row_claims.iter_mut().filter(|c| c.fails()) {
                c.verdict = Verdict::Unbound;
            }
        }
        out.extend(row_claims);
    }
}

/// The rows under total row `at` when the first of them opens with a 其中 or #
/// mark: one level of counted rows whose names are siblings of one head noun
/// or kinds that exclude each other (综合医院、中医医院、专科医院).
fn marked_kinds(b: &Binder, t: &Table, at: usize, scope: &[usize]) -> Option<Vec<usize>> {
    let &first = scope.first()?;
    if first != at + 1 || !t.rows[first].marked {
        return None;
    }
    let depth = t.rows[first].depth;
    let group: Vec<usize> = scope
        .iter()
        .copied()
        .take_while(|&k| {
            matches!(t.rows[k].role, RowRole::Item | RowRole::Part)
                && !is_density(&t.rows[k].label)
                && t.rows[k].depth.abs_diff(depth) <= 1
        })
        .collect();
    // Every counted row of the scope belongs to the group: a row of another
    // level after it would leave the layout unclear.
    let counted = scope
        .iter()
        .filter(|&&k| matches!(t.rows[k].role, RowRole::Item | RowRole::Part))
        .count();
    if group.len() < 2 || group.len() != counted {
        return None;
    }
    let names: Vec<String> = group.iter().map(|&k| unmarked(&t.rows[k].label)).collect();
    (super::parts::siblings(&names) || super::parts::disjoint(b, &names).is_some()).then_some(group)
}

/// A row's name without its 其中/# mark.
fn unmarked(label: &str) -> String {
    label
        .trim_start_matches(['#', '＃'])
        .trim_start_matches("其中")
        .trim_start_matches(['：', ':'])
        .replace(' ', "")
}

/// Kinds of a total together stay within it, in every additive column.
fn kinds_within(b: &Binder, ti: usize, at: usize, group: &[usize]) -> Vec<Claim> {
    let t = &b.doc.tables[ti];
    let mut out = Vec::new();
    for c in additive_columns(t) {
        let Some(stated) = stated_cell(b, ti, at, c) else {
            continue;
        };
        let Some(ops) = sum_of(b, ti, group, c) else {
            continue;
        };
        if ops.len() < 2 {
            continue;
        }
        let mut tally = Tally::new(stated.value);
        let within = Interval::new(f64::NEG_INFINITY, stated.value.hi);
        if let Some(r) = Reading::new(
            Form::Sum,
            ops,
            Evidence::Explicit,
            "其中所列同类各行（合计不应超过总数）",
        ) {
            tally.offer(r.against(within));
        }
        out.extend(tally.finish(ClaimKind::TableTotalRow, stated));
    }
    out
}

/// The groups of rows that break row `r` down: the rows indented under it (or
/// coded under it: 20805 under 208), split where a # or 其中 mark, or another
/// prefix (医院分级别: …), opens another breakdown of the same total; in a table
/// without indentation, the rows from each 其中 to the next when two or more such
/// marks follow the first row.
fn child_groups(t: &Table, facts: &RowFacts, r: usize) -> Vec<Vec<usize>> {
    let body = t.body();
    let rows = &t.rows;
    let counts = |k: usize| facts.counts[k];
    let depth = rows[r].depth;
    let run: Vec<usize> = (r + 1..body.end)
        .take_while(|&k| rows[k].depth > depth && counts(k))
        .collect();
    let flat = facts.deepest_counted <= depth + 1;
    let direct: Vec<usize> = if !run.is_empty() && !flat {
        // A row's parent is the nearest row above it that is shallower (by more
        // than a blank of jitter): rows of the run under none of the run's own
        // rows are the direct children, however deep each is indented.
        let mut shallowest = usize::MAX;
        let mut out = Vec::new();
        for &k in &run {
            if shallowest.saturating_add(1) >= rows[k].depth {
                out.push(k);
            }
            shallowest = shallowest.min(rows[k].depth);
        }
        out
    } else {
        // Not indented: 其中:城镇 乡村 其中:男性 女性 … after a first row that
        // is itself no part.
        if rows[r].marked || facts.first_marked.is_some_and(|m| m < r) {
            return Vec::new();
        }
        // The list opens with a mark right under the row, or there is none
        // (decided before the rows after it are gathered: a table of
        // thousands of unmarked rows asks this of every row).
        if !(r + 1 < body.end && counts(r + 1) && rows[r + 1].marked) {
            return Vec::new();
        }
        let mut after: Vec<usize> = (r + 1..body.end).take_while(|&k| counts(k)).collect();
        // A # list belongs to the unmarked row right above it: an unmarked row
        // followed by a mark heads its own list (各项存款余额 #住户存款 各项贷款余额
        // #短期贷款), unless it completes the previous mark's split (其中:城镇 乡村).
        let mut opened = 0;
        for i in 0..after.len() {
            if rows[after[i]].marked {
                opened = i;
            } else if after.get(i + 1).is_some_and(|&k| rows[k].marked)
                && !whole_by_names(t, &after[opened..=i])
            {
                after.truncate(i);
                break;
            }
        }
        let marks = after.iter().filter(|&&k| rows[k].marked).count();
        if after.first().is_none_or(|&k| !rows[k].marked) {
            return Vec::new();
        }
        if marks < 2 {
            return vec![vec![after[0]]];
        }
        after
    };
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut key = "";
    for k in direct {
        let this = prefix(&rows[k].label);
        if rows[k].marked || groups.is_empty() || this != key {
            groups.push(Vec::new());
        }
        key = this;
        if let Some(g) = groups.last_mut() {
            g.push(k);
        }
    }
    groups
}

/// What [`child_groups`] asks of the whole table, found once per table rather
/// than once per row (a table of many rows was quadratic).
struct RowFacts {
    /// Whether a row is counted: an item or part, not a per-head figure.
    counts: Vec<bool>,
    /// The deepest indentation of a counted body row.
    deepest_counted: usize,
    /// The first marked (# or 其中) body row.
    first_marked: Option<usize>,
}

impl RowFacts {
    fn of(t: &Table) -> RowFacts {
        let rows = &t.rows;
        let counts: Vec<bool> = rows
            .iter()
            .map(|row| matches!(row.role, RowRole::Item | RowRole::Part) && !is_density(&row.label))
            .collect();
        let body = t.body();
        RowFacts {
            deepest_counted: body
                .clone()
                .filter(|&k| counts[k])
                .map(|k| rows[k].depth)
                .max()
                .unwrap_or(0),
            first_marked: body.clone().find(|&k| rows[k].marked),
            counts,
        }
    }
}

/// The name of the breakdown a row's label opens with (医院分级别: 三级医院).
fn prefix(label: &str) -> &str {
    let label = label
        .trim_start_matches(['#', '＃'])
        .trim_start_matches("其中");
    match label.find(['：', ':']) {
        Some(i) if i > 0 && label[..i].chars().count() <= 8 && i + 3 < label.len() => &label[..i],
        _ => "",
    }
}

/// A per-head figure (每千常住人口床位数): never a total or a part.
fn is_density(label: &str) -> bool {
    super::words::words()
        .density_words
        .iter()
        .any(|w| label.contains(w.as_str()))
}

/// Whether the rows `group` are components of the per-head figure `head`: each
/// names a kind of the quantity the head measures (…收入 under 人均可支配收入),
/// so they add up to it; averages of groups (城镇, 农村) never do.
fn components_of(head: &str, t: &Table, group: &[usize]) -> bool {
    let mut names: Vec<String> = group.iter().map(|&k| unmarked(&t.rows[k].label)).collect();
    names.push(head.replace(' ', ""));
    group.len() >= 2 && super::parts::siblings(&names)
}

/// Why a group of rows is all of its parent, if its names say so.
fn whole_by_names(t: &Table, group: &[usize]) -> bool {
    let names: Vec<String> = group
        .iter()
        .map(|&k| {
            let l = t.rows[k]
                .label
                .trim_start_matches(['#', '＃'])
                .trim_start_matches("其中");
            l.trim_start_matches(['：', ':']).to_owned()
        })
        .collect();
    super::parts::exhaustive(&names).is_some()
}

/// Whether a group's rows add up to their row in some additive column: the
/// group is then all of the row (a subset would fall short).
fn adds_up_somewhere(b: &Binder, ti: usize, r: usize, group: &[usize]) -> bool {
    let t = &b.doc.tables[ti];
    additive_columns(t).any(|c| {
        let (Some(stated), Some(ops)) = (stated_cell(b, ti, r, c), sum_of(b, ti, group, c)) else {
            return false;
        };
        ops.len() == group.len()
            && ops.iter().all(|o| o.value.hi > 0.0)
            && Interval::sum(ops.iter().map(|o| o.value)).meets(&stated.value)
    })
}

/// Whether a share column says the group is all of its row: the row's share is
/// 100 and the group's shares make 100 (比重: 全州总户籍人口 100.0, #0-17岁 23.2,
/// 18-59岁 61.6, 60周岁及以上 15.2).
fn whole_by_shares(b: &Binder, ti: usize, r: usize, group: &[usize]) -> bool {
    let t = &b.doc.tables[ti];
    (0..t.columns.len()).any(|c| {
        if !matches!(
            t.columns[c].kind,
            crate::document::tables::ColumnKind::Rate { share: true, .. }
        ) {
            return false;
        }
        let Some(head) = cell(b, ti, r, c, Role::Total) else {
            return false;
        };
        if !head.value.contains(100.0) {
            return false;
        }
        let shares: Option<Vec<Interval>> = group
            .iter()
            .map(|&k| cell(b, ti, k, c, Role::Part).map(|o| o.value))
            .collect();
        shares.is_some_and(|v| Interval::sum(v).contains(100.0))
    })
}

/// A row that heads a breakdown against its parts: all of it when two or more
/// parts are listed, at least the one part otherwise.
fn breakdowns(b: &Binder, ti: usize, t: &Table, out: &mut Vec<Claim>) {
    let structured = t.body().any(|k| t.rows[k].marked)
        || t.body()
            .map(|k| t.rows[k].depth)
            .collect::<std::collections::BTreeSet<_>>()
            .len()
            > 1;
    if !structured {
        return;
    }
    let mut found: Vec<(usize, Claim)> = Vec::new();
    let heads: Vec<usize> = t
        .body()
        .filter(|&r| matches!(t.rows[r].role, RowRole::Item | RowRole::Part))
        .collect();
    // A per-head figure heads only its components (工资性收入、经营净收入 under
    // 人均可支配收入), never rows of groups of people or places.
    let facts = RowFacts::of(t);
    let child_groups = |r: usize| -> Vec<Vec<usize>> {
        let groups = child_groups(t, &facts, r);
        if !is_density(&t.rows[r].label) {
            return groups;
        }
        groups
            .into_iter()
            .filter(|g| components_of(&t.rows[r].label, t, g))
            .collect()
    };
    // # groups the table shows to be all of their row: they add up to it in some
    // column, or another row's group of the same names does.
    let names_of = |g: &[usize]| -> Vec<String> {
        g.iter()
            .map(|&k| {
                t.row_name(k)
                    .trim_start_matches(['#', '＃'])
                    .replace(' ', "")
            })
            .collect()
    };
    let complete: Vec<Vec<String>> = heads
        .iter()
        .flat_map(|&r| child_groups(r).into_iter().map(move |g| (r, g)))
        .filter(|(r, g)| g.len() >= 2 && adds_up_somewhere(b, ti, *r, g))
        .map(|(_, g)| names_of(&g))
        .collect();
    for &r in &heads {
        for group in child_groups(r) {
            if !same_units(b, ti, r, &group) {
                continue;
            }
            // A # or 其中 group is a part of the row, all of it only when its
            // names split the whole (城镇/乡村); indented rows are a breakdown.
            // Rows numbered from one under a row are a list of its parts that
            // may leave some out, like a # list, unless the table shows them whole.
            let numbered = group.len() >= 2
                && crate::document::markers::parse_block(&t.rows[group[0]].label)
                    .is_some_and(|m| m.2 == 1);
            let marked = t.rows[group[0]].marked || numbered;
            // A # group right after another # row may break that row down (a
            // nested 其中 flattened by the page: #一般公共预算收入 #税收收入 非税收入):
            // it is held only to not exceeding the row.
            let nested = marked && group[0] > r + 1 && t.rows[group[0] - 1].marked;
            let by_shares = marked
                && group.len() >= 2
                && (whole_by_shares(b, ti, r, &group) || complete.contains(&names_of(&group)));
            let whole =
                group.len() >= 2 && !nested && (!marked || whole_by_names(t, &group) || by_shares);
            // A # group that is not all of its row holds siblings of one kind
            // (汽车 / 摩托车 …保有量); a row of another kind under it (一般公共预算
            // 支出 after #一般公共预算收入) is the layout's slip: only the first part
            // is surely a part.
            let names: Vec<String> = group.iter().map(|&k| t.rows[k].label.clone()).collect();
            let names: Vec<String> = names.iter().map(|n| unmarked(n)).collect();
            let group: Vec<usize> = if whole
                || !marked
                || super::parts::siblings(&names)
                || super::parts::disjoint(b, &names).is_some()
            {
                group
            } else {
                vec![group[0]]
            };
            for c in additive_columns(t) {
                let Some(stated) = stated_cell(b, ti, r, c) else {
                    continue;
                };
                let Some(ops) = sum_of(b, ti, &group, c) else {
                    continue;
                };
                if ops.is_empty() {
                    continue;
                }
                let mut tally = Tally::new(stated.value);
                let within = Interval::new(f64::NEG_INFINITY, stated.value.hi);
                let reading = if whole {
                    let why = if by_shares {
                        "表中（比重或另一列、另一组同名各行）显示这些行即其全部"
                    } else {
                        "其下分层所列各行"
                    };
                    Reading::new(Form::Sum, ops, Evidence::Inferred, why)
                } else if group.len() >= 2 {
                    Reading::new(
                        Form::Sum,
                        ops,
                        Evidence::Inferred,
                        "其中所列各行（不应超过总数）",
                    )
                    .map(|r| r.against(within))
                } else {
                    Reading::new(
                        Form::Sum,
                        ops,
                        Evidence::Explicit,
                        "其中一项（不应超过总数）",
                    )
                    .map(|r| r.against(within))
                };
                if let Some(r) = reading {
                    tally.offer(r);
                }
                found.extend(
                    tally
                        .finish(ClaimKind::TableTotalRow, stated)
                        .map(|x| (c, x)),
                );
            }
        }
    }
    // The rows that agree show how the table is built: in a column where the
    // breakdowns read from the layout fail as often as they hold, the layout is
    // not that hierarchy (or the column is no amount): nothing is claimed there.
    for c in additive_columns(t) {
        let verdicts: Vec<bool> = found
            .iter()
            .filter(|(k, x)| *k == c && x.verdict != Verdict::Unbound)
            .map(|(_, x)| matches!(x.verdict, Verdict::Holds(_)))
            .collect();
        let holds = verdicts.iter().filter(|v| **v).count();
        // One or two breakdowns give no evidence either way.
        if verdicts.len() >= 3 && !super::table_math::holds_on_most(holds, verdicts.len() - holds) {
            for (_, x) in found.iter_mut().filter(|(k, x)| *k == c && x.fails()) {
                x.verdict = Verdict::Unbound;
            }
        }
    }
    out.extend(found.into_iter().map(|(_, x)| x));
}
