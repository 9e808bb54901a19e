//! Part/whole claims: a total and the parts listed after 其中 (or after 分别, or
//! before 合计), shares of one whole that must make 100% (complementary shares,
//! the parts of a breakdown that each carry 占X%, a structure 11.6:25.2:63.2),
//! and a per-hundred ratio (性别比103.6:100) against its two counts.
//!
//! Parts are all of the total only when the text says so (在岗/退休, 城镇/农村,
//! 合计; a list ending in 其他 is still open); otherwise they are kinds of it and need only stay within it —
//! together when they are siblings of one head noun (汽车保有量, 摩托车保有量), each
//! on its own when an attribute may cut across them (党员, 女性, 硕士).

use super::binder::{affinity, bracket_depth, core, Binder};
use super::flows;
use super::interval::Interval;
use super::words::{contains_any, sums, words};
use super::{Claim, ClaimKind, Evidence, Form, Operand, Reading, Role, Source, Tally};
use crate::document::markers::is_han;
use crate::document::quantities::Kind;
use crate::span::Span;
use regex::Regex;
use std::sync::OnceLock;

pub(super) fn claims(b: &Binder, out: &mut Vec<Claim>) {
    for (pi, p) in b.doc.paragraphs.iter().enumerate() {
        let range = b.paragraph_range(pi);
        let t = p.text.as_str();
        if range.len() >= 2 {
            let mut listed: Vec<usize> = Vec::new();
            // Where each breakdown's marker stands, and the total it breaks down.
            let mut breakdowns: Vec<Breakdown> = Vec::new();
            for (at, opens_all) in markers(b, pi) {
                qizhong(b, pi, at, opens_all, &mut listed, &mut breakdowns, out);
            }
            for (at, m) in t.match_indices("分别") {
                if let Some(c) = respectively(b, pi, at, m.len(), &listed) {
                    out.push(c);
                }
            }
            total_after(b, range.clone(), out);
            complementary_shares(b, range.clone(), out);
        }
        // One memchr-backed search per colon, not a decode of every character.
        if [':', '：', '∶', '︰'].iter().any(|&c| t.contains(c)) {
            ratio_forms(b, pi, out);
        }
    }
}

/// How far (in bytes) from its marker a breakdown's parts and its total may lie:
/// far beyond any real sentence group, it keeps a paragraph without full stops
/// (a flood, a page of OCR) linear instead of walking all of it per marker.
const REACH: usize = 3000;

/// Where a breakdown of the total before it opens in paragraph `pi`, and whether
/// the marker says the parts are all of it: 其中 (kinds of the whole), 预算79.69
/// 亿元中， (the same), 按经营地统计， / 从收入结构看， / 分产业看， (a classification:
/// all of it).
fn markers(b: &Binder, pi: usize) -> Vec<(usize, bool)> {
    let t = b.doc.paragraphs[pi].text.as_str();
    let mut out: Vec<(usize, bool)> = t.match_indices("其中").map(|(at, _)| (at, false)).collect();
    for j in b.paragraph_range(pi) {
        let end = b.qs[j].local.end;
        if t.get(end..)
            .is_some_and(|r| r.starts_with("中，") || r.starts_with("中,"))
        {
            out.push((end, false));
        }
    }
    for m in classification_re().find_iter(t) {
        out.push((m.start(), true));
    }
    out.sort_unstable();
    out.dedup_by_key(|m| m.0);
    out
}

/// Whether `s` opens with the name of a classification (分产业看，按经营地统计，).
pub(super) fn opens_classification(s: &str) -> bool {
    classification_re().find(s).is_some_and(|m| m.start() == 0)
}

fn classification_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let w = words();
        let opener = w.breakdown_openers.join("|");
        let closer = w.breakdown_closers.join("|");
        Regex::new(&format!(
            r"(?:{opener})[^，,。；;：:、]{{1,10}}?(?:{closer})[：:，,]"
        ))
        .expect("classification pattern")
    })
}

/// The amounts listed after a marker at paragraph offset `at`: every compatible
/// amount up to the end of the sentence group (sentences joined by ；), skipping
/// notes in brackets and changes. `top` leaves out the amounts that a nested
/// 含/包括/其中 opens up to the next ；, `clause_top` only up to the next ，.
pub(super) struct List {
    flat: Vec<usize>,
    pub(super) top: Vec<usize>,
    clause_top: Vec<usize>,
    /// The amount of the parts' kind that a ； stopped the list before: it may
    /// still be a part, so the list is not known to be all of its total.
    stopped_before: Option<usize>,
}

pub(super) fn list_after(
    b: &Binder,
    pi: usize,
    at: usize,
    stop_at_semicolon: bool,
    seed: Option<usize>,
) -> List {
    // The amount the list would break down, to tell its parts from its siblings.
    // Quantities are in text order: the search starts at `at`, not at the end
    // of the paragraph (a long paragraph stays linear).
    let r = b.paragraph_range(pi);
    let upto = r.start + b.qs[r.clone()].partition_point(|q| q.local.end <= at);
    // Within the reach of a breakdown: a paragraph of shares with no amount
    // (分别为10%、20%…, no full stop) made this walk back to its start per list.
    let before_label = (r.start..upto)
        .rev()
        .take_while(|&j| b.qs[j].local.end + REACH >= at)
        .find(|&j| b.is_amount(j))
        .map_or("", |j| b.qs[j].label.as_str());
    let t = b.doc.paragraphs[pi].text.as_str();
    let s = sums();
    let mut list = List {
        flat: Vec::new(),
        top: Vec::new(),
        clause_top: Vec::new(),
        stopped_before: None,
    };
    let mut from = at;
    let (mut nested, mut nested_clause) = (false, false);
    let mut nested_parent: Option<usize> = None;
    let mut depth = 0i32;
    for j in b.after_offset(pi, at) {
        let q = &b.qs[j];
        let lead = t.get(from..q.local.start).unwrap_or("");
        if lead.contains(['。', '！', '？'])
            || stop_at_semicolon && lead.contains(['；', ';'])
            || q.local.start > at + REACH
        {
            break;
        }
        if s.total_after_markers.found_in(lead) {
            break;
        }
        for c in lead.chars() {
            match c {
                '（' | '(' | '【' => depth += 1,
                '）' | ')' | '】' => depth -= 1,
                _ => {}
            }
        }
        if depth < 0 {
            break; // the bracket the marker stood in is closed
        }
        // A ； ends a nested breakdown, unless the next part is still one of
        // the part it breaks down (…购置及运行费…，其中：购置费…；运行费…).
        let still_nested = nested_parent
            .is_some_and(|p: usize| b.is_amount(j) && conjunct_of(&b.qs[p].label, &b.qs[j].label));
        if lead.contains(['；', ';']) && !still_nested {
            nested = false;
        }
        if lead.contains(['，', ',', '；', ';']) {
            nested_clause = false;
        }
        // A 含… inside brackets is a note on one part, not a breakdown of the list.
        let outside = super::words::without_brackets(lead);
        if s.nested_markers.found_in(&outside) && !list.flat.is_empty() {
            nested_parent = list.top.last().copied();
            nested = true;
            nested_clause = true;
        }
        from = q.local.end;
        if depth > 0 || !b.is_amount(j) {
            continue;
        }
        if let Some(first) = list.flat.first().copied().or(seed) {
            if !b.compatible(first, j) {
                continue;
            }
        }
        if let Some(&first) = list.flat.first() {
            // Past a ； only siblings of the first part go on (汽车保有量…；摩托车保有量…);
            // another head, or a sibling of the total (第二产业投资…，其中工业投资…；
            // 第三产业投资), ends the list.
            let own = affinity(&b.qs[first].label, &b.qs[j].label);
            let sibling = common_suffix(&b.qs[first].label, &b.qs[j].label) >= 2;
            // Kinds that exclude each other (农业…；渔业…) are siblings by name, even
            // when the total's own name ends like one of them (农林牧渔业总产值).
            let kinds = disjoint(b, &[b.qs[first].label.clone(), b.qs[j].label.clone()]).is_some();
            // A part named by one conjunct of the total's name (公务用车运行费 of
            // 公务用车购置及运行费) is its part, however close the names.
            if lead.contains(['；', ';'])
                && !kinds
                && !conjunct_of(before_label, &b.qs[j].label)
                && (!sibling || affinity(before_label, &b.qs[j].label) > own)
            {
                list.stopped_before = Some(j);
                break;
            }
        }
        list.flat.push(j);
        if !nested {
            list.top.push(j);
        }
        if !nested_clause {
            list.clause_top.push(j);
        }
    }
    list
}

/// The totals a list starting after offset `at` may break down: compatible
/// amounts in the clause right before it, nearest first — or further back when
/// every clause between only states a change of them (…367.71亿元，比上年增长3.6%。
/// 其中，…) — in its sentence or, when `across` and the marker opens its
/// sentence, the sentence before.
fn totals_before(b: &Binder, pi: usize, at: usize, first_part: usize, across: bool) -> Vec<usize> {
    totals_before_skipping(b, pi, at, first_part, across, None)
}

/// As [`totals_before`], for a classification (按用途分): the parts of an earlier
/// breakdown are no total of it unless the words before the marker name them
/// (汽车类型按用途分 breaks down 汽车保有量, a part of the vehicles listed before).
/// `classification` holds the amounts listed so far and the words before the marker.
fn totals_before_skipping(
    b: &Binder,
    pi: usize,
    at: usize,
    first_part: usize,
    across: bool,
    classification: Option<(&[usize], &str)>,
) -> Vec<usize> {
    let (listed, subject) = classification.unwrap_or((&[], ""));
    let semicolons_join = classification.is_none();
    let p = &b.doc.paragraphs[pi];
    let sentence = p.sentences.partition_point(|s| s.end <= at);
    let t = p.text.as_str();
    let mut out = Vec::new();
    // The clause boundary the next candidate may not cross unless its clause
    // holds a figure attached to a total (a change, a rate).
    let mut edge = at;
    let (mut stops, mut scanned_from) = (0, at);
    // Changes of a stock stated after it (年末实有…，全年新增…，注销…，其中): 其中
    // breaks down the stock, and the clauses of changes between speak of it.
    let mut skipped_flow = false;
    let parts_are_stocks = !flows::is_flow(b, first_part);
    for j in b.before_offset(pi, at).rev() {
        let q = &b.qs[j];
        // For 其中 the sentence before is the one before the last full stop:
        // clauses joined by ； (总人数…；旅游总收入…。其中，) are one sentence. A
        // classification (从性别构成看，) reaches back one clause group only.
        let too_far = if semicolons_join {
            // Counted once over the text walked back (a paragraph stays linear).
            if q.local.end < scanned_from {
                stops += t
                    .get(q.local.end..scanned_from)
                    .map_or(0, |g| g.matches(['。', '！', '？', '!', '?']).count());
                scanned_from = q.local.end;
            }
            stops > 1
        } else {
            q.sentence + 1 < sentence
        };
        if out.len() >= 3 || too_far || !across && q.sentence < sentence || q.local.end + REACH < at
        {
            break;
        }
        if q.sentence < sentence && out.iter().any(|&o: &usize| b.qs[o].sentence == sentence) {
            break;
        }
        let closed = bracket_depth(t.get(q.local.end..at).unwrap_or("")) < 0;
        if !b.is_amount(j) || !b.compatible(j, first_part) || b.in_brackets(j) || closed {
            continue;
        }
        // A part listed in an earlier sentence is no total of a classification
        // that opens its own sentence; one listed just before it in its sentence
        // is what it breaks down (其中，限额以上…20.74亿元，按地域看，城镇…).
        if listed.contains(&j) && affinity(&q.label, subject) < 2 && q.sentence < sentence {
            continue;
        }
        if out.is_empty()
            && parts_are_stocks
            && flows::is_flow(b, j)
            && stock_before(b, j, first_part)
        {
            skipped_flow = true;
            edge = q.local.start;
            continue;
        }
        let gap = t.get(q.local.end..edge).unwrap_or("");
        let crosses = gap.contains(['，', ',', '；', ';', '。', '：']);
        if crosses && out.is_empty() && !skipped_flow && !attached(b, j, at) {
            // A clause between without a figure of this amount: it speaks of
            // something else (新增…12家，…实验室入轨运行，…其中).
            break;
        }
        out.push(j);
        edge = q.local.start;
    }
    out
}

/// Whether an amount held at the period's end of the same kind as `part` is
/// stated in the sentence before quantity `j`.
fn stock_before(b: &Binder, j: usize, part: usize) -> bool {
    let (p, s) = (b.qs[j].paragraph, b.qs[j].sentence);
    (0..j)
        .rev()
        .take_while(|&k| b.qs[k].paragraph == p && b.qs[k].sentence == s)
        .any(|k| b.is_amount(k) && b.compatible(k, part) && flows::is_stock(b, k))
}

/// Whether every clause between amount `j` and offset `at` holds a figure (比上年
/// 增长3.6%, 同比增加463人, 实现旅游总收入876.71亿元) or says how it was computed
/// (按可比价格计算): another clause of words only is about something else, and the
/// marker after it does not reach back.
fn attached(b: &Binder, j: usize, at: usize) -> bool {
    let p = b.qs[j].paragraph;
    let t = b.doc.paragraphs[p].text.as_str();
    let mut from = b.qs[j].local.end;
    let mut k = j + 1;
    loop {
        let next_cut = t
            .get(from..at)
            .and_then(|g| g.find(['，', ',', '；', ';', '。', '：']))
            .map(|i| from + i);
        let Some(cut) = next_cut else { return true };
        // The clause after `cut` up to the next cut must hold a change or a rate.
        let after = cut + t[cut..].chars().next().map_or(1, char::len_utf8);
        let end = t
            .get(after..at)
            .and_then(|g| g.find(['，', ',', '；', ';', '。', '：']))
            .map_or(at, |i| after + i);
        if end >= at {
            return true; // the last clause is the marker's own
        }
        while k < b.qs.len() && b.qs[k].paragraph == p && b.qs[k].local.start < after {
            k += 1;
        }
        let holds = (k..b.qs.len())
            .take_while(|&i| b.qs[i].paragraph == p && b.qs[i].local.start < end)
            .any(|_| true);
        // 按可比价格计算: a clause that says how the figure was computed speaks of it.
        let method = t
            .get(after..end)
            .is_some_and(|c| contains_any(c, &sums().method_clauses));
        // 其中： alone, or the name of a classification (按经营地统计，), only
        // opens a list of the figure before it.
        let marker = t.get(after..end).is_some_and(|c| {
            sums().part_markers.iter().any(|m| c.trim() == m.as_str()) || {
                // The clause with the mark that ends it: the pattern is
                // searched there only (a paragraph stays linear).
                let cut = t.get(end..).and_then(|r| r.chars().next());
                let upto = end + cut.map_or(0, char::len_utf8);
                t.get(after..upto).is_some_and(|c| {
                    classification_re()
                        .find(c)
                        .is_some_and(|m| m.start() == 0 && m.end() == c.len())
                })
            }
        });
        if !holds && !method && !marker {
            return false;
        }
        from = end;
    }
}

/// Why a set of parts is all of its total, if their names say so (城镇/农村,
/// 男/女). A list ending in 其他 is no evidence: an open list may leave parts out.
pub(super) fn exhaustive(names: &[String]) -> Option<String> {
    let s = sums();
    s.complementary.iter().find_map(|set| {
        if set.len() != names.len() {
            return None;
        }
        let mut used = vec![false; names.len()];
        for word in set {
            // 非公立 holds 公立: a member must not be read inside a longer opposite.
            let k = (0..names.len()).find(|&k| {
                !used[k]
                    && names[k].contains(word.as_str())
                    && !set.iter().any(|o| {
                        o != word && o.contains(word.as_str()) && names[k].contains(o.as_str())
                    })
            })?;
            used[k] = true;
        }
        Some(format!("{}合起来即全部", set.join("、")))
    })
}

/// Whether `part` is `total`'s name with one conjunct left out: 公务用车运行费决算
/// and 公务用车购置费决算 of 公务用车购置及运行费决算 (a run of the name that has 及,
/// 和 or 与 at one end removed).
pub(super) fn conjunct_of(total: &str, part: &str) -> bool {
    if !total.contains(['及', '和', '与']) {
        return false;
    }
    let t: Vec<char> = total.chars().collect();
    let p: Vec<char> = part.chars().collect();
    if t.len() > 24 || p.len() + 2 > t.len() || p.len() < 2 {
        return false;
    }
    let cut = t.len() - p.len();
    let is_and = |c: char| matches!(c, '及' | '和' | '与');
    (0..=p.len()).any(|i| {
        let removed = &t[i..i + cut];
        (is_and(removed[0]) || is_and(removed[cut - 1]))
            && t[..i] == p[..i]
            && t[i + cut..] == p[i..]
    })
}

/// Why two parts are all of their total: each is the total's name with one of
/// its two conjuncts (购置费、运行费 of 购置及运行费).
fn conjuncts(total: &str, names: &[String]) -> Option<String> {
    let [a, c] = names else { return None };
    (a != c && conjunct_of(total, a) && conjunct_of(total, c))
        .then(|| format!("{a}、{c}合起来即「{total}」"))
}

/// Why `n` parts are all of total `t` when its name counts its members: 两家区级
/// 公立医院医疗收入 broken down into 区医院 and 区中医院 — a count right before the
/// total's name, with nothing between but the name.
fn counted_members(b: &Binder, t: usize, names: &[String]) -> Option<String> {
    let n = names.len();
    let c = t.checked_sub(1)?;
    let (qc, qt) = (&b.qs[c], &b.qs[t]);
    if qc.kind != Kind::Count || qc.paragraph != qt.paragraph || qt.label.chars().count() < 2 {
        return None;
    }
    let v = b.value(c);
    let count = (v.lo == v.hi && v.lo.fract() == 0.0).then_some(v.lo as usize)?;
    let between = b.between(c, t);
    let only_name = !between.contains(['，', ',', '。', '；', ';', '、', '：', ':'])
        && between.trim_end().ends_with(qt.label.as_str());
    // The parts name members (区医院 of 两家…医院医疗收入), not kinds of the
    // measure (药品收入 of …医疗收入).
    let label: Vec<char> = qt.label.chars().collect();
    let measure: String = label[label.len() - 2..].iter().collect();
    let head: String = label[..label.len() - 2].iter().collect();
    let members = names
        .iter()
        .all(|p| affinity(&head, p) >= 2 && !core(p).ends_with(measure.as_str()));
    (count == n && n >= 2 && only_name && members)
        .then(|| format!("总数名称所计的{n}{}即所列{n}项", qc.unit))
}

/// Why a list is all of its total when its last part is the rest of it: 其他
/// followed by the total's own name (其他卫生机构 of 卫生机构) counts whatever the
/// parts before it leave out, so the parts make the whole.
pub(super) fn closed_by_rest(total_label: &str, names: &[String]) -> Option<String> {
    let [.., last] = names else { return None };
    if names.len() < 2 {
        return None;
    }
    let s = sums();
    let rest = s
        .rest_prefixes
        .iter()
        .find_map(|p| core(last).strip_prefix(p.as_str()))?;
    let total = core(total_label);
    let shared = common_suffix(total, rest);
    (shared >= 2 && shared == rest.chars().count())
        .then(|| format!("末项「{}」为其余部分，各项合起来即全部", core(last)))
}

/// Why the parts cannot overlap, if their names say so: each names its own
/// members of one set of kinds that exclude each other (夏粮、秋粮; 国家级、省级;
/// 特级和一级、二级、三级), so none can nest in another.
pub(crate) fn disjoint(b: &Binder, names: &[String]) -> Option<String> {
    if names.len() < 2 {
        return None;
    }
    if let Some(why) = distinct_peoples(names) {
        return Some(why);
    }
    let s = sums();
    s.partitions
        .iter()
        .chain(b.partitions)
        .chain(&s.complementary)
        .find_map(|set| {
            let members = |n: &String| -> Vec<usize> {
                (0..set.len())
                    .filter(|&m| {
                        n.contains(set[m].as_str())
                            && !set.iter().any(|o| {
                                o != &set[m]
                                    && o.contains(set[m].as_str())
                                    && n.contains(o.as_str())
                            })
                    })
                    .collect()
            };
            let mut used = vec![false; set.len()];
            for n in names {
                let ms = members(n);
                if ms.is_empty() || ms.iter().any(|&m| used[m]) {
                    return None;
                }
                for m in ms {
                    used[m] = true;
                }
            }
            let named: Vec<&str> = names.iter().map(|n| core(n)).collect();
            Some(format!("{}互不包含", named.join("、")))
        })
}

/// Why the parts cannot overlap when each names one people (苗族人口, 侗族人口):
/// a person is of one 族. A name of several peoples (少数民族, 各民族) is none.
fn distinct_peoples(names: &[String]) -> Option<String> {
    let people = |n: &str| -> Option<String> {
        let at = n.find('族')?;
        let before: Vec<char> = n[..at].chars().rev().take_while(|&c| is_han(c)).collect();
        let name: String = before.into_iter().rev().collect();
        let one = !name.is_empty() && !name.ends_with('民') && !name.contains("各");
        one.then(|| format!("{name}族"))
    };
    let peoples: Vec<String> = names.iter().map(|n| people(n)).collect::<Option<_>>()?;
    let distinct = (0..peoples.len()).all(|i| !peoples[..i].contains(&peoples[i]));
    distinct.then(|| format!("{}各为一个民族，互不包含", peoples.join("、")))
}

/// Whether the parts' names share a head noun (汽车保有量, 摩托车保有量): siblings
/// of one kind, which do not overlap.
pub(super) fn siblings(names: &[String]) -> bool {
    if names.len() < 2 {
        return false;
    }
    let common = names.iter().skip(1).fold(names[0].chars().count(), |n, x| {
        n.min(common_suffix(&names[0], x))
    });
    common >= 2 && names.iter().all(|n| n.chars().count() > common)
}

/// How many Han characters two names share at their end (…贷款余额).
pub(super) fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y && is_han(*x))
        .count()
}

/// The names of the parts: their labels, or the names listed before 分别.
fn part_names(b: &Binder, parts: &[usize]) -> Vec<String> {
    if let Some(&first) = parts.first() {
        let before = b.sentence_before(first);
        if let Some(at) = before.rfind("分别") {
            let names = names_before(&before[..at]);
            if names.len() == parts.len() {
                return names;
            }
        }
    }
    parts
        .iter()
        .map(|&j| {
            let label = &b.qs[j].label;
            // A name cut short by a bracket (因公出国(境)费 read as 费): the words
            // of its clause, up to 24 characters, name it.
            let clause = b.clause_before(j).trim();
            let short = label.chars().count() < 2 && clause.ends_with(label.as_str());
            if short && clause.chars().count() <= 24 && clause.contains(['(', '（']) {
                clause.to_owned()
            } else {
                label.clone()
            }
        })
        .collect()
}

/// The head noun all the parts' names end with (贷款余额), four characters or
/// more, when each name says more than it.
fn shared_head(b: &Binder, parts: &[usize]) -> Option<String> {
    let first = b.qs[*parts.first()?].label.as_str();
    if parts.len() < 2 {
        return None;
    }
    let n = parts
        .iter()
        .map(|&j| common_suffix(first, &b.qs[j].label))
        .min()?;
    let longer = parts.iter().all(|&j| b.qs[j].label.chars().count() > n);
    (n >= 4 && longer).then(|| {
        let c: Vec<char> = first.chars().collect();
        c[c.len() - n..].iter().collect()
    })
}

/// The names of parts that name only a measure (面积) after the part of an
/// earlier list in their clause (国家级风景名胜区3个，面积12.49万公顷；省级风景名胜
/// 区7个，面积7.94万公顷): each is that part's measure, named by it. `None` unless
/// every part has such a name and the names differ.
fn inherited_names(b: &Binder, parts: &[usize], listed: &[usize]) -> Option<Vec<String>> {
    if parts.len() < 2 {
        return None;
    }
    let first = core(&b.qs[parts[0]].label);
    if parts.iter().any(|&j| core(&b.qs[j].label) != first) {
        return None;
    }
    let mut names = Vec::new();
    for &j in parts {
        let q = &b.qs[j];
        // The nearest amount of an earlier list before it in its clause group.
        let owner = (j.saturating_sub(4)..j).rev().find(|&k| {
            let o = &b.qs[k];
            o.paragraph == q.paragraph
                && listed.contains(&k)
                && !parts.contains(&k)
                && !b.between(k, j).contains(['；', ';', '。', '！', '？'])
        })?;
        names.push(format!("{}{}", b.qs[owner].label, q.label));
    }
    let distinct = (0..names.len()).all(|i| !names[..i].contains(&names[i]));
    distinct.then_some(names)
}

/// 城镇、农村 / 城区和乡镇: the names at the end of `s`, back to a clause break.
fn names_before(s: &str) -> Vec<String> {
    let start = s
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, '，' | ',' | '；' | '：' | '。') || c.is_ascii_digit())
        .map_or(0, |(i, c)| i + c.len_utf8());
    s[start..]
        .split(['、', '和', '及', '与'])
        .map(|n| n.trim_start_matches("其中").trim().to_owned())
        .filter(|n| !n.is_empty())
        .collect()
}

fn has_attribute(names: &[String]) -> bool {
    names
        .iter()
        .any(|n| contains_any(n, &sums().attribute_words))
}

fn sum_reading(b: &Binder, parts: &[usize], ev: Evidence, basis: &str) -> Option<Reading> {
    let ops: Vec<Operand> = parts.iter().map(|&j| b.operand(j, Role::Part)).collect();
    Reading::new(Form::Sum, ops, ev, basis)
}

/// One 其中 list: the claim that its parts make (or stay within) the total before it.
/// A breakdown read in a paragraph: where its marker stands, its total, its
/// parts.
type Breakdown = (usize, usize, Vec<usize>);

fn qizhong(
    b: &Binder,
    pi: usize,
    at: usize,
    opens_all: bool,
    listed: &mut Vec<usize>,
    breakdowns: &mut Vec<Breakdown>,
    out: &mut Vec<Claim>,
) {
    // One list per kind of amount: 其中：国家级风景名胜区3个，面积12.49万公顷；… lists
    // the parts of a count and of an area.
    let mut seen: Vec<usize> = Vec::new();
    let mut seed = None;
    loop {
        let list = list_after(b, pi, at, false, seed);
        let Some(&first) = list.top.first() else {
            break;
        };
        if seen.iter().any(|&s| b.compatible(s, first)) {
            break;
        }
        seen.push(first);
        out.extend(qizhong_list(b, pi, at, opens_all, list, listed, breakdowns));
        // The next amount after the marker of a kind not listed yet.
        // Within the marker's sentence, looked for once from the marker on (a
        // test from the marker per candidate walked a long paragraph again each time).
        let text = b.doc.paragraphs[pi].text.as_str();
        let mut from = at;
        seed = b
            .after_offset(pi, at)
            .take_while(|&j| {
                let q = &b.qs[j];
                let gap = text.get(from..q.local.start.max(from)).unwrap_or("");
                from = from.max(q.local.start);
                !gap.contains(['。', '！', '？']) && q.local.start <= at + REACH
            })
            .filter(|&j| b.is_amount(j))
            .find(|&j| !seen.iter().any(|&s| b.compatible(s, j)));
        if seed.is_none() || seen.len() >= 3 {
            break;
        }
    }
}

fn qizhong_list(
    b: &Binder,
    pi: usize,
    at: usize,
    opens_all: bool,
    list: List,
    listed: &mut Vec<usize>,
    breakdowns: &mut Vec<Breakdown>,
) -> Option<Claim> {
    let first = *list.top.first()?;
    // 按消费类型统计， / 分行业看， name a criterion; 从…看 may name a topic only.
    let by_criterion = opens_all
        && b.doc.paragraphs[pi]
            .text
            .get(at..)
            .is_some_and(|r| r.starts_with(['按', '分']));
    let totals = if opens_all {
        let text = b.doc.paragraphs[pi].text.as_str();
        let subject: String = text[..at]
            .chars()
            .rev()
            .take_while(|&c| is_han(c))
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        totals_before_skipping(b, pi, at, first, true, Some((listed, &subject)))
    } else {
        totals_before(b, pi, at, first, true)
    };
    // A classification right after another breakdown of a total (其中…。按经营地
    // 统计，…; 按经营地统计，…。按消费类型统计，…) is one more breakdown of that
    // total: the sentence between speaks of it.
    // The parts of that breakdown are readings too (…其中，地方一般公共预算收入
    // 23.56亿元…。从收入结构看，税收…，非税…): only names that make the parts all
    // of a total bind them explicitly.
    let mut reached_back = false;
    let totals = if totals.is_empty() && opens_all {
        let text = b.doc.paragraphs[pi].text.as_str();
        let before = breakdowns.iter().rev().take(2).find(|d| {
            d.0 < at
                && b.compatible(d.1, first)
                && text
                    .get(d.0..at)
                    .is_some_and(|g| g.matches(['。', '！', '？']).count() == 1)
        });
        reached_back = before.is_some();
        before
            .map(|d| {
                std::iter::once(d.1)
                    .chain(d.2.iter().copied().filter(|&j| b.compatible(j, first)))
                    .take(4)
                    .collect()
            })
            .unwrap_or_default()
    } else {
        totals
    };
    // Parts that share a head noun (住户贷款余额, 非金融企业…贷款余额) under a total
    // named by it (各项贷款余额) are no parts of a total of another name (存款余额).
    let head = shared_head(b, &list.top);
    let totals: Vec<usize> = match (&head, totals.first()) {
        (Some(h), Some(&t)) if b.qs[t].label.ends_with(h.as_str()) => totals
            .into_iter()
            .filter(|&o| b.qs[o].label.ends_with(h.as_str()))
            .collect(),
        _ => totals,
    };
    let nearest = *totals.first()?;
    // Flows are never parts of a stock: the changes over the year listed with the
    // kinds of the stock at its end (其中全年迁入…，城镇人口…) are left out.
    let mut list = list;
    if flows::is_stock(b, nearest) {
        for set in [&mut list.top, &mut list.clause_top, &mut list.flat] {
            set.retain(|&j| !flows::is_flow(b, j));
        }
    }
    let first = *list.top.first()?;
    if !breakdowns.iter().any(|d| d.0 == at) {
        breakdowns.push((at, nearest, list.top.clone()));
    }
    listed.extend(&list.flat);
    // Counted by 个 or 家, a total binds its parts only if they name its kind
    // (救护车29辆…负压救护车; 医疗机构…医院 does not say so): another whole,
    // unstated, is a reading too.
    let generic = words().generic_units.iter().any(|u| *u == b.qs[first].unit);
    // A part whose noun is left out (其中295项为全国首创) or names the total's kind
    // (基层医疗卫生机构 of 卫生机构), or names that split the whole (城镇、农村),
    // make the list a breakdown of that total.
    let named = !generic
        || exhaustive(&part_names(b, &list.top)).is_some()
        || closed_by_rest(&b.qs[nearest].label, &part_names(b, &list.top)).is_some()
        || list.top.iter().any(|&j| {
            let part = core(b.qs[j].label.trim_start_matches("其中"));
            part.is_empty() || common_suffix(core(&b.qs[nearest].label), part) >= 1
        });
    // Only the first part and its siblings are surely parts: a later clause may
    // speak of something else.
    let first_label = b.qs[first].label.clone();
    let kin = |j: &usize| *j == first || common_suffix(&first_label, &b.qs[*j].label) >= 2;
    let stated = b.operand(nearest, Role::Total);
    // The parts together (all of the total, or within it), else each part on its
    // own: a part never exceeds its whole. Other totals and nested breakdowns
    // left in or out are other readings of the same claim.
    let mut together = Tally::new(stated.value);
    let mut each = Tally::new(stated.value);
    let mut sets = vec![&list.top];
    for s in [&list.clause_top, &list.flat] {
        if !sets.contains(&s) {
            sets.push(s);
        }
    }
    for (n, &t) in totals.iter().enumerate() {
        let total = b.value(t);
        let within = Interval::new(f64::NEG_INFINITY, total.hi);
        for (k, parts) in sets.iter().enumerate() {
            // The plainest reading (nearest total, nested breakdowns left out) is
            // the one a finding assumes.
            let ev = if n == 0 && k == 0 && named {
                Evidence::Explicit
            } else {
                Evidence::Possible
            };
            let inherited = inherited_names(b, parts, listed);
            let names = inherited.clone().unwrap_or_else(|| part_names(b, parts));
            // A part the list stopped before (其他从业人员2500人 after 第一、二、三产业；)
            // may belong to it: names that look complete do not make it all.
            let open = list
                .stopped_before
                .is_some_and(|j| b.value(j).hi < total.lo);
            let named_whole = exhaustive(&names)
                .or_else(|| closed_by_rest(&b.qs[t].label, &names))
                .or_else(|| conjuncts(&b.qs[t].label, &names))
                .or_else(|| counted_members(b, t, &names))
                .filter(|_| !open);
            let why = named_whole.clone().or_else(|| {
                (opens_all && parts.len() >= 2).then(|| "按类别分列的各项合起来即全部".to_owned())
            });
            // A classification (按技术等级划分，) says the parts are all of the
            // total only in general; siblings of one head noun listed under it are
            // at least kinds of it, which together stay within it.
            let kinds_of_class = why.is_some()
                && named_whole.is_none()
                && by_criterion
                && !reached_back
                && (disjoint(b, &names).is_some()
                    || siblings(&names)
                    || affinity(&b.qs[t].label, &b.qs[parts[0]].label) >= 2);
            if let Some(why) = why {
                // A classification says so only in general: the names say it for sure.
                let ev = if named_whole.is_some() {
                    ev
                } else {
                    ev.min(Evidence::Inferred)
                };
                if let Some(mut r) = sum_reading(b, parts, ev, &why) {
                    // Name the parts as the reading read them (因公出国(境)费, not 费).
                    for (o, n) in r.operands.iter_mut().zip(&names) {
                        if o.label.chars().count() < 2 {
                            o.label.clone_from(n);
                        }
                    }
                    together.offer(r.against(total));
                }
            }
            if (named_whole.is_none() && !opens_all || kinds_of_class)
                && parts.len() >= 2
                && (!has_attribute(&names) || disjoint(b, &names).is_some())
            {
                // An attribute may cut across other breakdowns, but parts named by
                // distinct kinds of one attribute (本科、专科) exclude each other.
                let apart = disjoint(b, &names);
                let ev = if apart.is_some() || siblings(&names) || kinds_of_class {
                    ev
                } else {
                    ev.min(Evidence::Inferred)
                };
                let apart_named = apart.is_some();
                let basis = apart.map_or_else(
                    || {
                        if kinds_of_class {
                            "按同一标准分列的各项互不包含，合计不应超过总数".to_owned()
                        } else {
                            "“其中”各项同属总数，合计不应超过总数".to_owned()
                        }
                    },
                    |why| format!("{why}，合计不应超过总数"),
                );
                if let Some(mut r) = sum_reading(b, parts, ev, &basis) {
                    // Measures of kinds that exclude each other exclude each other.
                    r.exclusive = kinds_of_class || inherited.is_some() && apart_named;
                    if let Some(names) = &inherited {
                        for (o, n) in r.operands.iter_mut().zip(names) {
                            o.label.clone_from(n);
                        }
                    }
                    together.offer(r.against(within));
                }
            }
            if let Some(&m) = parts
                .iter()
                .filter(|j| kin(j))
                .max_by(|&&x, &&y| b.value(x).lo.total_cmp(&b.value(y).lo))
            {
                if let Some(r) = sum_reading(b, &[m], ev, "“其中”的一项不应超过总数")
                {
                    each.offer(r.against(within));
                }
            }
        }
    }
    match together.finish(ClaimKind::Parts, stated.clone()) {
        Some(c) if c.verdict != super::Verdict::Unbound => Some(c),
        _ => each.finish(ClaimKind::Parts, stated),
    }
}

/// 全县共有村卫生室226家，城镇、农村分别为26家、200家: amounts after 分别 for the
/// names before it, of the total before the names (when no 其中 took them).
fn respectively(b: &Binder, pi: usize, at: usize, len: usize, listed: &[usize]) -> Option<Claim> {
    let t = b.doc.paragraphs[pi].text.as_str();
    let list = list_after(b, pi, at + len - 1, true, None);
    let first = *list.top.first()?;
    if listed.contains(&first) {
        return None;
    }
    let names = names_before(t.get(..at)?);
    if names.len() != list.top.len() || names.len() < 2 {
        return None;
    }
    let names_start = at - names.iter().map(|n| n.len()).sum::<usize>();
    let totals = totals_before(b, pi, names_start.min(at), first, false);
    let nearest = *totals.first()?;
    let stated = b.operand(nearest, Role::Total);
    let mut tally = Tally::new(stated.value);
    for (n, &tt) in totals.iter().enumerate() {
        let ev = if n == 0 {
            Evidence::Explicit
        } else {
            Evidence::Possible
        };
        let total = b.value(tt);
        // The amounts after 分别 are named by the names before it (城镇、农村).
        let sum_reading = |b: &Binder, parts: &[usize], ev: Evidence, why: &str| {
            sum_reading(b, parts, ev, why).map(|mut r| {
                for (o, n) in r.operands.iter_mut().zip(&names) {
                    o.label.clone_from(n);
                }
                r
            })
        };
        match exhaustive(&names) {
            Some(why) => {
                if let Some(r) = sum_reading(b, &list.top, ev, &why) {
                    tally.offer(r.against(total));
                }
            }
            None => {
                let ev = if has_attribute(&names) {
                    Evidence::Possible
                } else {
                    ev.min(Evidence::Inferred)
                };
                if let Some(r) =
                    sum_reading(b, &list.top, ev, "“分别”所列各项同属总数，合计不应超过总数")
                {
                    tally.offer(r.against(Interval::new(f64::NEG_INFINITY, total.hi)));
                }
            }
        }
    }
    tally.finish(ClaimKind::Parts, stated)
}

/// A 3亿元，B 2亿元，合计5亿元: a total after the parts it sums.
fn total_after(b: &Binder, range: std::ops::Range<usize>, out: &mut Vec<Claim>) {
    let s = sums();
    // The previous total of the sentence closes the list before it: parts are
    // looked for after it, so a sentence of many totals is read once.
    let mut last_total: Option<usize> = None;
    for t in range.clone() {
        // The marker stands between the previous number and this one (合计5亿元):
        // only those words are searched, not the clause from its start.
        let before = b.clause_before(t);
        let words = match t.checked_sub(1).map(|p| &b.qs[p]) {
            Some(p) if p.paragraph == b.qs[t].paragraph && p.span.end > b.qs[t].clause.start => {
                let skip = (p.span.end - b.qs[t].clause.start).min(before.len());
                before.get(skip..).unwrap_or("")
            }
            _ => before,
        };
        if !b.is_amount(t) || !s.total_after_markers.found_in(words) {
            continue;
        }
        let sentence = b.sentence_range(t);
        let first = last_total
            .filter(|&l| l >= sentence.start)
            .map_or(sentence.start, |l| l + 1);
        last_total = Some(t);
        // After the last 其中 or 分别 since the previous total: 合计 sums that list.
        let text_before = b.sentence_before(t);
        let floor = if first > sentence.start {
            b.qs[first - 1]
                .local
                .end
                .saturating_sub(b.sentence(t).start)
        } else {
            0
        };
        let from = ["其中", "分别"]
            .iter()
            .filter_map(|m| text_before.get(floor..).and_then(|x| x.rfind(m)))
            .max()
            .map(|i| b.sentence(t).start + floor + i);
        let parts: Vec<usize> = (first..t)
            .filter(|&j| from.is_none_or(|f| b.qs[j].local.start > f))
            .filter(|&j| b.is_amount(j) && b.compatible(j, t) && !b.in_brackets(j))
            .collect();
        if parts.len() < 2 {
            continue;
        }
        // Named by an item's own name and smaller than one of the items, the
        // total cannot be theirs: it is that item's own count.
        let below_an_item = parts.iter().any(|&j| b.value(j).lo > b.value(t).hi);
        if below_an_item && totals_its_own_name(b, t, words, parts.iter().copied()) {
            continue;
        }
        let stated = b.operand(t, Role::Total);
        let mut tally = Tally::new(stated.value);
        if let Some(r) = sum_reading(b, &parts, Evidence::Explicit, "“合计/共计”之前所列各项")
        {
            tally.offer(r);
        }
        out.extend(tally.finish(ClaimKind::Parts, stated));
    }
}

/// 新开工1200套，基本建成980套，分配入住共计650套: a total word after a name of
/// its own clause may total what that name counts — the items before it are
/// surely summed only when nothing names the total, or the name counts or
/// gathers them (两项, 以上, 上述, 全部) or is a name the items share.
fn totals_its_own_name(
    b: &Binder,
    t: usize,
    words: &str,
    before: impl Iterator<Item = usize>,
) -> bool {
    let Some(at) = sums()
        .total_after_markers
        .iter()
        .filter_map(|m| words.find(m.as_str()))
        .min()
    else {
        return false;
    };
    let name: String = words[..at]
        .rsplit(['，', ',', '；', ';', '：', ':'])
        .next()
        .unwrap_or("")
        .chars()
        .filter(|&c| is_han(c))
        .collect();
    const GATHER: [&str; 12] = [
        "以上", "上述", "两", "二", "三", "四", "五", "各", "全部", "总", "累计", "年",
    ];
    if name.chars().count() < 2 || GATHER.iter().any(|w| name.contains(w)) {
        return false;
    }
    let name = core(&name);
    !before
        .filter(|&j| b.qs[j].paragraph == b.qs[t].paragraph)
        .any(|j| affinity(&b.qs[j].label, name) >= 2)
}

/// The subject of a share: 男性占 / 男性占比 / 城镇人口比重 → 男性, 城镇人口.
fn share_subject(label: &str) -> &str {
    let mut s = label;
    for suffix in [
        "所占比重",
        "所占比例",
        "占比为",
        "占比",
        "比重",
        "比例",
        "贡献率",
        "占",
    ] {
        s = s.strip_suffix(suffix).unwrap_or(s);
    }
    s
}

/// Shares of one whole in one sentence whose subjects are complementary
/// (男性占55%，女性占45%): they make 100%.
fn complementary_shares(b: &Binder, range: std::ops::Range<usize>, out: &mut Vec<Claim>) {
    let mut k = range.start;
    while k < range.end {
        // Sentences joined by ； are one statement (第一产业…占27.0%；第二产业…).
        let mut sentence = b.sentence_range(k);
        while sentence.end < range.end && b.ends_with_semicolon(sentence.end - 1) {
            sentence.end = b.sentence_range(sentence.end).end;
        }
        let shares: Vec<usize> = sentence
            .clone()
            .filter(|&j| {
                let q = &b.qs[j];
                // 贡献率: the parts' contributions to a growth make all of it.
                q.kind == Kind::Percent
                    && !b.is_change_rate(j)
                    && (!q.label.ends_with('率') || q.label.ends_with("贡献率"))
                    && (share_subject(&q.label) != q.label || share_owner(b, j).is_some())
            })
            .collect();
        // What a share is of: named before 占 (男性占), or the amount it follows
        // (城镇消费品零售额32.25亿元，占零售总额的84.8%).
        let subject = |j: usize| match share_owner(b, j) {
            Some(i) => b.qs[i].label.as_str(),
            None => share_subject(&b.qs[j].label),
        };
        k = sentence.end.max(k + 1);
        if shares.len() < 2 {
            continue;
        }
        for set in &sums().complementary {
            let picked: Vec<usize> = set
                .iter()
                .filter_map(|w| {
                    shares.iter().copied().find(|&j| {
                        let s = subject(j);
                        s.contains(w.as_str())
                            && !set
                                .iter()
                                .any(|o| o != w && o.contains(w.as_str()) && s.contains(o.as_str()))
                    })
                })
                .collect();
            let mut distinct = picked.clone();
            distinct.dedup();
            if picked.len() != set.len() || distinct.len() != set.len() {
                continue;
            }
            // Rates of two groups (男性吸烟率, 女性吸烟率) are not shares of one whole.
            let ops: Vec<Operand> = picked.iter().map(|&j| b.operand(j, Role::Part)).collect();
            let sum = Interval::sum(ops.iter().map(|o| o.value));
            // Above 100% is impossible; below it another group may exist (未知),
            // unless the classification admits no other (三次产业, 城镇/乡村).
            let closed = sums().closed.contains(set);
            let contribution = picked.iter().any(|&j| b.qs[j].label.ends_with("贡献率"));
            if contribution && !closed {
                continue;
            }
            let ev = if sum.lo > 100.0 || closed {
                Evidence::Explicit
            } else {
                Evidence::Inferred
            };
            let last = *picked.iter().max().unwrap_or(&picked[0]);
            let stated = whole_of(b.operand(last, Role::Stated));
            let mut tally = Tally::new(stated.value);
            if let Some(r) = Reading::new(
                Form::Sum,
                ops,
                ev,
                format!("{}合起来即全部", set.join("、")),
            ) {
                tally.offer(r);
            }
            out.extend(tally.finish(ClaimKind::Shares, stated));
            break;
        }
    }
}

/// The amount a share follows as its own: 城镇消费品零售额32.25亿元，占零售总额的
/// 84.8% — the clause of the share opens with 占 right after the amount.
fn share_owner(b: &Binder, j: usize) -> Option<usize> {
    let i = j.checked_sub(1)?;
    let (q, r) = (&b.qs[i], &b.qs[j]);
    if (q.paragraph, q.sentence) != (r.paragraph, r.sentence) || !b.is_amount(i) {
        return None;
    }
    let gap = b.between(i, j).trim_start_matches(['，', ',', ' ']);
    (gap.starts_with('占') && !gap.contains(['，', ',', '；', ';', '。'])).then_some(i)
}

/// The implied whole of a set of shares: 100%, shown at `at`.
fn whole_of(at: Operand) -> Operand {
    Operand {
        role: Role::Stated,
        source: Source::Implied,
        value: Interval::exact(100.0),
        written: "100%".into(),
        label: "整体".into(),
        ..at
    }
}

fn ratio_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(\d+(?:\.\d+)?)(?:\s*[:：∶︰]\s*(\d+(?:\.\d+)?))+").expect("ratio pattern")
    })
}

/// A printed ratio term: its value and interval.
fn term(s: &str) -> Option<Interval> {
    let v: f64 = s.parse().ok()?;
    let decimals = s.split('.').nth(1).map_or(0, str::len) as i32;
    Some(Interval::printed(v, 10f64.powi(-decimals)))
}

/// 三次产业结构11.6:25.2:63.2 (the terms make 100) and 性别比103.6:100 (男 ÷ 女 × 100).
fn ratio_forms(b: &Binder, pi: usize, out: &mut Vec<Claim>) {
    let p = &b.doc.paragraphs[pi];
    let t = p.text.as_str();
    for m in ratio_re().find_iter(t) {
        let before = &t[..m.start()];
        if before.ends_with(|c: char| c.is_ascii_digit() || c == '.' || c == '/' || c == '-') {
            continue;
        }
        let after = &t[m.end()..];
        if after.starts_with(|c: char| c.is_ascii_alphanumeric()) {
            continue; // a clock time or a code
        }
        let terms: Vec<&str> = m
            .as_str()
            .split([':', '：', '∶', '︰'])
            .map(str::trim)
            .collect();
        // The words of the clause before the ratio (三次产业结构由上年…调整为本期的).
        let label: String = before
            .chars()
            .rev()
            .take_while(|&c| !matches!(c, '，' | ',' | '。' | '；' | ';' | '！' | '？'))
            .take(40)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let span = p.doc_span(Span::new(m.start(), m.end()));
        let stated_text = Operand {
            role: Role::Stated,
            source: Source::Text(span),
            value: Interval::exact(100.0),
            written: m.as_str().to_owned(),
            label: label.clone(),
            span,
            label_span: span,
        };
        // Three terms or more under 比/比例/结构 make one whole (11.6:25.2:63.2);
        // two only under 结构/构成 (性别比103.6:100 is per hundred).
        let structure = contains_any(&label, &sums().structure_words)
            && (terms.len() >= 3 || label.contains("结构") || label.contains("构成"));
        if structure {
            let mut ops = Vec::new();
            let mut at = m.start();
            for s in &terms {
                let Some(v) = term(s) else { continue };
                let start = t[at..].find(s).map_or(at, |i| at + i);
                at = start + s.len();
                let sp = p.doc_span(Span::new(start, start + s.len()));
                ops.push(Operand {
                    role: Role::Part,
                    source: Source::Text(sp),
                    value: v,
                    written: (*s).to_owned(),
                    label: String::new(),
                    span: sp,
                    label_span: sp,
                });
            }
            let stated = whole_of(stated_text);
            let mut tally = Tally::new(stated.value);
            if let Some(r) = Reading::new(Form::Sum, ops, Evidence::Explicit, "结构各项之和为整体")
            {
                tally.offer(r);
            }
            out.extend(tally.finish(ClaimKind::Shares, stated));
        } else if label.ends_with('比') || label.ends_with("比为") {
            per_hundred(b, pi, &terms, stated_text, out);
        }
    }
}

/// 性别比103.6:100: the male count over the female count, per hundred.
fn per_hundred(b: &Binder, pi: usize, terms: &[&str], mut stated: Operand, out: &mut Vec<Claim>) {
    if terms.len() != 2 || terms[1] != "100" {
        return;
    }
    let Some(v) = term(terms[0]) else { return };
    stated.value = v;
    stated.written = terms[0].to_owned();
    let range = b.paragraph_range(pi);
    let find = |w: &str, not: &str| {
        range.clone().find(|&j| {
            let l = &b.qs[j].label;
            b.is_amount(j) && l.contains(w) && !l.contains(not)
        })
    };
    let (Some(m), Some(f)) = (find("男", "女"), find("女", "男")) else {
        return;
    };
    if !b.compatible(m, f) {
        return;
    }
    let mut tally = Tally::new(stated.value);
    let ops = vec![
        b.operand(m, Role::Numerator),
        b.operand(f, Role::Denominator),
    ];
    if let Some(r) = Reading::new(
        Form::Ratio { scale: 100.0 },
        ops,
        Evidence::Explicit,
        "男性人数 ÷ 女性人数 × 100",
    ) {
        tally.offer(r);
    }
    out.extend(tally.finish(ClaimKind::Rate, stated));
}
