//! The one binder every claim uses to find its operands: what a number counts
//! (the head noun of its label), whether two numbers count the same things
//! (units and their scale), where a number may be looked for (clause, sentence,
//! paragraph, section) and what the structure says of it (a change against last
//! year, a density, a part that carries its own share, a note in brackets).

use super::interval::{self, Interval};
use super::words::words;
use super::{Operand, Role, Source};
use crate::document::markers::is_han;
use crate::document::quantities::{Kind, Quantity};
use crate::document::Document;
use crate::span::Span;
use std::ops::Range;

/// How many numbers on either side of a claim's figure its sentence offers as
/// operands.
const NEAR: usize = 48;

pub struct Binder<'a> {
    pub doc: &'a Document,
    pub qs: &'a [Quantity],
    /// First paragraph of each section (a block marker opens one), ascending.
    section_starts: Vec<usize>,
    /// Per quantity, what its words make it (computed once: every claim asks).
    flags: Vec<u8>,
    /// Per quantity, the kind of things it counts (see [`Binder::unit_class`]).
    classes: Vec<&'a str>,
    /// Sets of kinds that exclude each other, from the user's configuration, on
    /// top of `lints/sums.toml`'s `partitions`.
    pub partitions: &'a [Vec<String>],
}

const MEASURE: u8 = 1;
const DENSITY: u8 = 2;
const CHANGE: u8 = 4;
const CHANGE_RATE: u8 = 8;

impl<'a> Binder<'a> {
    pub fn new(doc: &'a Document) -> Binder<'a> {
        let mut section_starts: Vec<usize> = std::iter::once(0)
            .chain(doc.markers.iter().filter(|m| m.block).map(|m| m.paragraph))
            .collect();
        section_starts.dedup();
        let mut b = Binder {
            doc,
            qs: &doc.quantities,
            section_starts,
            flags: Vec::new(),
            classes: Vec::new(),
            partitions: &[],
        };
        b.classes = (0..b.qs.len()).map(|i| b.class_of(i)).collect();
        b.flags = (0..b.qs.len())
            .map(|i| {
                // Only what a claim asks of each kind: an amount's density or
                // change, a percentage's change.
                let percent = matches!(b.qs[i].kind, Kind::Percent | Kind::PerMille | Kind::Points);
                let amount = b.measure_of(i) || b.qs[i].kind == Kind::PerTenThousand;
                (u8::from(b.measure_of(i)) * MEASURE)
                    | (u8::from(amount && b.density_of(i)) * DENSITY)
                    | (u8::from(amount && b.change_of(i)) * CHANGE)
                    | (u8::from(percent && b.change_rate_of(i)) * CHANGE_RATE)
            })
            .collect();
        b
    }

    fn flag(&self, i: usize, f: u8) -> bool {
        self.flags.get(i).is_some_and(|x| x & f != 0)
    }

    pub fn is_measure(&self, i: usize) -> bool {
        self.flag(i, MEASURE)
    }

    pub fn is_density(&self, i: usize) -> bool {
        self.flag(i, DENSITY)
    }

    pub fn is_change(&self, i: usize) -> bool {
        self.flag(i, CHANGE)
    }

    pub fn is_change_rate(&self, i: usize) -> bool {
        self.flag(i, CHANGE_RATE)
    }

    /// The paragraph text a quantity lies in.
    pub fn text(&self, i: usize) -> &'a str {
        self.doc
            .paragraphs
            .get(self.qs[i].paragraph)
            .map_or("", |p| p.text.as_str())
    }

    /// The sentence span (paragraph-local) of quantity `i`.
    pub fn sentence(&self, i: usize) -> Span {
        let q = &self.qs[i];
        self.doc
            .paragraphs
            .get(q.paragraph)
            .and_then(|p| p.sentences.get(q.sentence).copied())
            .unwrap_or(q.local)
    }

    /// Paragraph-local text from the start of the sentence to the number.
    pub fn sentence_before(&self, i: usize) -> &'a str {
        let s = self.sentence(i);
        self.text(i)
            .get(s.start..self.qs[i].local.start)
            .unwrap_or("")
    }

    /// Paragraph-local text from the end of the number (and unit) to the sentence end.
    pub fn sentence_after(&self, i: usize) -> &'a str {
        let s = self.sentence(i);
        self.text(i).get(self.qs[i].local.end..s.end).unwrap_or("")
    }

    /// Text between the end of quantity `a` and the start of `b` (same paragraph).
    pub fn between(&self, a: usize, b: usize) -> &'a str {
        if self.qs[a].paragraph != self.qs[b].paragraph {
            return "";
        }
        self.text(a)
            .get(self.qs[a].local.end..self.qs[b].local.start)
            .unwrap_or("")
    }

    /// Text of the clause before the number: 共签约 for 共签约186人.
    pub fn clause_before(&self, i: usize) -> &'a str {
        let q = &self.qs[i];
        self.doc
            .text
            .get(q.clause.start..q.span.start)
            .unwrap_or("")
    }

    /// The Han words right after the number and its unit (120个项目中 → 项目中,
    /// 115份合格 → 合格), up to six characters.
    pub fn tail(&self, i: usize) -> &'a str {
        let t = self.text(i);
        let from = self.qs[i].local.end;
        let rest = t.get(from..).unwrap_or("");
        let n: usize = rest
            .chars()
            .take_while(|&c| is_han(c))
            .take(6)
            .map(char::len_utf8)
            .sum();
        &rest[..n]
    }

    /// Quantity indices of the sentence of `i`, at most `NEAR` numbers on either
    /// side of it: a claim's operands are written near it, and a sentence of
    /// thousands of numbers (a page without full stops) stays linear.
    pub fn sentence_range(&self, i: usize) -> Range<usize> {
        let r = self.range_of(self.qs[i].paragraph, self.qs[i].sentence);
        r.start.max(i.saturating_sub(NEAR))..r.end.min(i + NEAR + 1)
    }

    /// Quantity indices of sentence `s` of paragraph `p`.
    pub fn range_of(&self, p: usize, s: usize) -> Range<usize> {
        let key = (p, s);
        let a = self.qs.partition_point(|q| (q.paragraph, q.sentence) < key);
        let b = self
            .qs
            .partition_point(|q| (q.paragraph, q.sentence) <= key);
        a..b
    }

    /// Whether the sentence of quantity `i` ends with ；.
    pub fn ends_with_semicolon(&self, i: usize) -> bool {
        let s = self.sentence(i);
        self.text(i)
            .get(s.start..s.end)
            .is_some_and(|t| t.trim_end().ends_with(['；', ';']))
    }

    /// Whether a sentence ends between offset `at` and quantity `j` of paragraph `p`.
    pub fn between_has_sentence_end(&self, p: usize, at: usize, j: usize) -> bool {
        self.doc
            .paragraphs
            .get(p)
            .and_then(|par| par.text.get(at..self.qs[j].local.start))
            .is_some_and(|g| g.contains(['。', '！', '？']))
    }

    /// The sentence of paragraph `p` holding local offset `at`.
    pub fn sentence_at(&self, p: usize, at: usize) -> usize {
        self.doc
            .paragraphs
            .get(p)
            .map_or(0, |par| par.sentences.partition_point(|s| s.end <= at))
    }

    /// Quantity indices of paragraph `p` that start after local offset `at`.
    pub fn after_offset(&self, p: usize, at: usize) -> Range<usize> {
        let r = self.paragraph_range(p);
        let a = r.start + self.qs[r.clone()].partition_point(|q| q.local.start <= at);
        a..r.end
    }

    /// Quantity indices of paragraph `p` that end at or before local offset `at`.
    pub fn before_offset(&self, p: usize, at: usize) -> Range<usize> {
        let r = self.paragraph_range(p);
        let b = r.start + self.qs[r.clone()].partition_point(|q| q.local.end <= at);
        r.start..b
    }

    /// Quantity indices of paragraph `p`.
    pub fn paragraph_range(&self, p: usize) -> Range<usize> {
        let a = self.qs.partition_point(|q| q.paragraph < p);
        let b = self.qs.partition_point(|q| q.paragraph <= p);
        a..b
    }

    /// Paragraphs of the section holding paragraph `p`.
    pub fn section(&self, p: usize) -> Range<usize> {
        let k = self.section_starts.partition_point(|&s| s <= p);
        let start = self.section_starts[k.saturating_sub(1)];
        let end = self
            .section_starts
            .get(k)
            .copied()
            .unwrap_or(self.doc.paragraphs.len());
        start..end.max(start + 1)
    }

    /// Quantity indices of the section of `i` up to (not including) `i`, nearest
    /// first, at most `limit`.
    pub fn earlier_in_section(&self, i: usize, limit: usize) -> impl Iterator<Item = usize> + '_ {
        let section = self.section(self.qs[i].paragraph);
        (0..i)
            .rev()
            .take_while(move |&j| self.qs[j].paragraph >= section.start)
            .take(limit)
    }

    /// What a printed quantity stands for.
    pub fn value(&self, i: usize) -> Interval {
        interval::of_quantity(&self.qs[i])
    }

    /// Quantity `i` as an operand of a reading.
    pub fn operand(&self, i: usize, role: Role) -> Operand {
        let q = &self.qs[i];
        Operand {
            role,
            source: Source::Quantity(i),
            value: self.value(i),
            written: self.doc.slice(q.span).replace(['\n', '\r'], ""),
            label: q.label.clone(),
            span: q.span,
            label_span: q.label_span.cover(q.span),
        }
    }

    /// Whether the quantity counts things or money that may be added or divided.
    pub fn is_amount(&self, i: usize) -> bool {
        self.is_measure(i) && !self.is_density(i) && !self.is_change(i)
    }

    /// Whether the quantity measures something that adds up: a count, money, or a
    /// physical amount (吨, 亩, 公里) — not an age, a score or a degree.
    fn measure_of(&self, i: usize) -> bool {
        let q = &self.qs[i];
        match q.kind {
            Kind::Count | Kind::Money => true,
            Kind::Other => !q.unit.is_empty() && !matches!(q.unit.as_str(), "岁" | "度" | "分"),
            _ => false,
        }
    }

    /// A per-head or per-thousand figure (每千人口…5.9人, 人均, 平均): a ratio,
    /// never a part or a base.
    fn density_of(&self, i: usize) -> bool {
        let q = &self.qs[i];
        q.kind == Kind::PerTenThousand || words().density_words.found_in(&q.label)
    }

    /// A change against an earlier value (比上年增加1884户, 减少2人): not an amount of
    /// things that exist.
    fn change_of(&self, i: usize) -> bool {
        let q = &self.qs[i];
        let label = q.label.as_str();
        // 增加到四十万人: the value reached, not the change (the label drops 到).
        let reached = self
            .text(i)
            .get(..q.local.start)
            .is_some_and(|b| b.trim_end().ends_with(['到', '至']));
        // 比一九五二年的八百二十七亿元: the value compared with, of another period.
        // 由二千一百八十七亿元增加到…: the value a change starts from.
        !reached && (label.starts_with(['比', '较']) || is_change_label(label))
            || label.ends_with(['由', '从'])
            || self.is_earlier_value(i)
    }

    /// A value of an earlier period given for comparison: 较2024年的2190万元, 比上年
    /// 累计支出433万元: its clause, up to the number, opens with 比/较/与 and names
    /// no change (比上年增加463人 is the change).
    pub fn is_earlier_value(&self, i: usize) -> bool {
        // A comparison stands within a few words of its value; a clause with no
        // break for pages (a flood of numbers) must not be searched per number.
        let clause = last_chars(self.clause_before(i).trim(), COMPARISON_REACH);
        let Some(before) = comparison_in(clause) else {
            return false;
        };
        // 比上年累计支出433万元: after the period compared with, the name of the
        // value (not a verb of change such as 增加, 多, 减).
        let named = words()
            .comparisons
            .iter()
            .filter_map(|c| before.strip_prefix(c.as_str()))
            .min_by_key(|rest| rest.len())
            .is_some_and(|rest| {
                rest.chars().filter(|&c| is_han(c)).count() >= 2
                    && !rest.ends_with(['多', '少', '增', '减', '高', '低', '升', '降', '长'])
                    && !is_change_label(rest)
            });
        before.ends_with('的') || named || !is_change_label(before)
    }

    /// Whether a percentage is a change (增长5%, 同比下降, 提高2.3个百分点),
    /// not a rate or a share.
    fn change_rate_of(&self, i: usize) -> bool {
        let q = &self.qs[i];
        let w = words();
        q.kind == Kind::Points
            || w.change_verbs
                .iter()
                .chain(&w.growth_words)
                .any(|v| q.label.ends_with(v.as_str()))
            || w.comparisons.found_in(&q.label)
    }

    /// The kind of things a quantity counts: 人, 名, 位 and 例 count people;
    /// money is money at any scale.
    pub fn unit_class(&self, i: usize) -> &'a str {
        self.classes.get(i).copied().unwrap_or("")
    }

    fn class_of(&self, i: usize) -> &'a str {
        let q = &self.qs[i];
        if q.kind == Kind::Money {
            return "元";
        }
        words()
            .unit_classes
            .iter()
            .find(|g| g.contains(&q.unit))
            .and_then(|g| g.first())
            .map_or(q.unit.as_str(), |s| s.as_str())
    }

    /// Whether two quantities count the same kind of things (and may be added,
    /// compared or divided into a share).
    pub fn compatible(&self, a: usize, b: usize) -> bool {
        let (qa, qb) = (&self.qs[a], &self.qs[b]);
        qa.kind == qb.kind
            && (qa.kind == Kind::Money && qa.unit == qb.unit
                || self.unit_class(a) == self.unit_class(b))
    }

    /// Whether quantity `i` sits inside brackets of its sentence: a note
    /// (保安8人（12小时一班，每班4人）), not one of the listed amounts.
    pub fn in_brackets(&self, i: usize) -> bool {
        bracket_depth(self.sentence_before(i)) > 0
    }

    /// The percentage that states quantity `i`'s own share (城镇职工参保452.1万人
    /// （占61.2%）, 临界风险127人，占9.06%): the next quantity of the sentence, a
    /// percentage labelled 占 / 占比 whose clause follows directly.
    pub fn own_share(&self, i: usize) -> Option<usize> {
        let j = i + 1;
        let r = self.qs.get(j)?;
        let q = &self.qs[i];
        if r.paragraph != q.paragraph || r.sentence != q.sentence || r.kind != Kind::Percent {
            return None;
        }
        let gap = self.between(i, j);
        let short = gap.chars().filter(|c| is_han(*c)).count() <= 4;
        (is_share_label(&r.label) && short).then_some(j)
    }

    /// Whether quantity `i` is followed at once by a rate of its own
    /// (首针接种16.1万人，接种率90%): it is the numerator of that rate, so a
    /// guess by position must not make it the base of the next one.
    pub fn carries_ratio(&self, i: usize) -> bool {
        let j = i + 1;
        let Some(r) = self.qs.get(j) else {
            return false;
        };
        let q = &self.qs[i];
        r.paragraph == q.paragraph
            && r.sentence == q.sentence
            && matches!(r.kind, Kind::Percent | Kind::PerMille)
            && !self.is_change_rate(j)
            && self.between(i, j).chars().filter(|c| is_han(*c)).count() <= 8
    }
}

/// How many characters before a number its comparison (比上年的, 较2024年) may
/// open.
const COMPARISON_REACH: usize = 48;

/// The last `n` characters of `s`.
fn last_chars(s: &str, n: usize) -> &str {
    let start = s
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(at, _)| at);
    &s[start..]
}

/// The comparison a clause makes before its number: the whole clause when it
/// opens with 比/较/与, or, after a subject (机关运行经费比2023年的, 基本支出与上年的),
/// the part from the last 比/较/与 that names an earlier period. A value named
/// after the period it is compared with is that period's value, wherever the
/// comparison stands in its clause.
fn comparison_in(clause: &str) -> Option<&str> {
    if clause.starts_with(['比', '较', '与']) {
        return Some(clause);
    }
    let (at, _) = clause.char_indices().rev().find(|&(at, c)| {
        ['比', '较', '与'].contains(&c) && names_earlier_period(&clause[at + c.len_utf8()..])
    })?;
    Some(&clause[at..])
}

/// Whether `s` opens with an earlier period: 上年, 去年, 上年同期, 年初, 2023年,
/// 二〇二三年.
fn names_earlier_period(s: &str) -> bool {
    const PERIODS: [&str; 10] = [
        "上年",
        "去年",
        "前一年",
        "上一年",
        "上期",
        "上月",
        "上季度",
        "年初",
        "上半年",
        "同期",
    ];
    if PERIODS.iter().any(|p| s.starts_with(p)) {
        return true;
    }
    let digits = s
        .chars()
        .take_while(|c| {
            c.is_ascii_digit() || "０１２３４５６７８９〇○零一二三四五六七八九".contains(*c)
        })
        .count();
    digits == 4 && s.chars().nth(4) == Some('年')
}

/// A label that states a change: ending in a change verb, or comparing with an
/// earlier period.
fn is_change_label(label: &str) -> bool {
    let w = words();
    w.change_verbs.iter().any(|v| label.ends_with(v.as_str())) || w.comparisons.found_in(label)
}

/// A share's label: 占, 占比, 比重, 所占比例 (nothing named before it).
pub fn is_share_label(label: &str) -> bool {
    matches!(
        label,
        "占" | "占比" | "所占比例" | "比重" | "占比重" | "占比为"
    ) || label.starts_with('占') && label.chars().count() <= 3
}

/// Net depth of open brackets in `s` (（ ( 【 against ） ) 】).
pub fn bracket_depth(s: &str) -> i32 {
    // A note is short: look at a bounded tail so a huge sentence stays linear.
    let mut from = s.len().saturating_sub(240);
    while !s.is_char_boundary(from) {
        from += 1;
    }
    let mut depth = 0i32;
    for c in s[from..].chars() {
        match c {
            '（' | '(' | '【' => depth += 1,
            '）' | ')' | '】' => depth = (depth - 1).max(0),
            _ => {}
        }
    }
    depth
}

/// The label without what names the measure rather than the thing: 产妇数 →
/// 产妇, 产前诊断人数 → 产前诊断, 支出总额 → 支出.
pub fn core(label: &str) -> &str {
    let mut s = label;
    for suffix in &words().measure_suffixes {
        if let Some(r) = s.strip_suffix(suffix.as_str()) {
            if !r.is_empty() {
                s = r;
                break;
            }
        }
    }
    s
}

/// A rate's stem: its label without 率 and what follows (期内及时整改率 → 期内及时整改).
pub fn rate_stem(label: &str) -> Option<&str> {
    let at = label.rfind('率')?;
    let stem = &label[..at];
    (stem.chars().count() >= 2).then_some(stem)
}

/// Longest run of Han characters common to `a` and `b`, in characters (labels
/// are short: both are cut to their last 16 characters).
pub fn affinity(a: &str, b: &str) -> usize {
    let a: Vec<char> = tail_chars(a, 16);
    let b: Vec<char> = tail_chars(b, 16);
    let mut best = 0;
    let mut prev = vec![0usize; b.len() + 1];
    for x in &a {
        let mut cur = vec![0usize; b.len() + 1];
        for (j, y) in b.iter().enumerate() {
            if x == y && is_han(*x) {
                cur[j + 1] = prev[j] + 1;
                best = best.max(cur[j + 1]);
            }
        }
        prev = cur;
    }
    best
}

/// Whether the act of a rate (its stem's last two characters: 接种, 整改, 阳性)
/// is named by a count's words: the count's label or the words after it.
pub fn names_act(stem: &str, words_of_count: &str) -> bool {
    let act = act_of(stem);
    if act.chars().count() < 2 {
        return false;
    }
    if words_of_count.contains(act.as_str()) {
        return true;
    }
    // 实种 / 已种 for 接种: the actual amount, named by the act's last character.
    let last = act.chars().next_back().unwrap_or(' ');
    let mut cs = words_of_count.chars();
    matches!(cs.next(), Some('实' | '已')) && cs.next() == Some(last)
}

/// The act a rate counts: the stem's last two characters (接种, 整改, 阳性), with
/// the negation before them when there is one (不合格 of 不合格率, 未达标).
pub fn act_of(stem: &str) -> String {
    let all: Vec<char> = stem.chars().collect();
    let n = if all.len() >= 3 && matches!(all[all.len() - 3], '不' | '未' | '非' | '没') {
        3
    } else {
        2
    };
    all[all.len().saturating_sub(n)..].iter().collect()
}

/// Whether a label names the amount actually done after anything else it says
/// (年度计划新开项目实际开工): 实际, 实, 已 right before the act at its end.
pub fn names_done(stem: &str, label: &str) -> bool {
    let act = act_of(stem);
    label
        .strip_suffix(act.as_str())
        .is_some_and(|before| before.ends_with("实际") || before.ends_with(['实', '已']))
}

/// Whether a count is what a rate's act was due for: 应接种, 应种, 应检, 需复查.
pub fn names_due(stem: &str, label: &str) -> bool {
    let w = words();
    let act: Vec<char> = tail_chars(stem, 2);
    w.due_prefixes.iter().any(|p| {
        label
            .find(p.as_str())
            .map(|at| &label[at + p.len()..])
            .is_some_and(|rest| rest.chars().take(3).any(|c| act.contains(&c)))
    })
}

fn tail_chars(s: &str, n: usize) -> Vec<char> {
    let all: Vec<char> = s.chars().collect();
    all[all.len().saturating_sub(n)..].to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_chars_counts_characters_not_bytes() {
        assert_eq!(last_chars("比上年的2190", 3), "190");
        assert_eq!(last_chars("比上年的", 2), "年的");
        assert_eq!(last_chars("上年", 48), "上年");
        assert_eq!(last_chars("", 48), "");
    }

    #[test]
    fn cores_and_affinity() {
        assert_eq!(core("产妇数"), "产妇");
        assert_eq!(core("产前诊断人数"), "产前诊断");
        assert_eq!(rate_stem("期内及时整改率"), Some("期内及时整改"));
        assert_eq!(affinity("二针接种", "第二针接种"), 4);
        assert!(names_act("首针接种", "接种"));
        assert!(names_act("筛查阳性", "筛查阳性例"));
        assert!(!names_act("筛查阳性", "筛查数"));
        assert!(names_act("接种", "实种"));
        assert!(names_due("接种", "应接种人数"));
        assert!(names_due("接种", "应种"));
        assert!(!names_due("接种", "常住人口"));
        assert_eq!(act_of("监督抽检不合格"), "不合格");
        assert!(names_act("监督抽检不合格", "发现不合格样品"));
        assert!(names_done("项目开工", "年度计划新开项目实际开工"));
        assert!(!names_done("项目开工", "计划开工"));
    }
}
