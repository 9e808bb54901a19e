//! List counts: a list that states its own length — "项目7个，分别为A、B、C",
//! "A、B、C等5个", "A、B和C 3个单位". Items are separated by 、, the last one may be
//! joined by 和/及/以及/与 (which may join two items or name one); brackets inside
//! an item do not split it. With 等 (or 包括) the list may be partial: the stated
//! number need only reach the listed items. A count of kinds (等N类, N个方面) with
//! 等 is not held to its list at all: the names may be members of the kinds.

use super::binder::Binder;
use super::interval::Interval;
use super::{Claim, ClaimKind, Evidence, Form, Operand, Reading, Role, Source, Tally};
use crate::document::{cn_numeral, Document, Paragraph};
use crate::span::Span;
use regex::Regex;
use std::sync::OnceLock;

const COUNT: &str = r"(?P<n>\d{1,3}|[一二两三四五六七八九十]{1,3})(?P<cls>个|家|项|所|类|支|种|座|条|批|位|部|件|方面)";

/// "N个…，分别为 A、B、C": the count, then the list.
fn forward_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"{COUNT}(?P<noun>[^，,。；;：:、（）()“”\d]{{0,12}}?)[，,]?\s*(?P<intro>分别为|分别是|分别有|包括|包含|即|：|:)"
        ))
        .expect("forward pattern")
    })
}

/// "A、B、C等N个", "A、B和C N个单位": the list, then the count.
fn count_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(COUNT).expect("count pattern"))
}

/// One list: its items (paragraph-local), whether it ends in 等, and how many
/// more items a 和/及/与 inside an item could add.
struct List {
    items: Vec<Span>,
    etc: bool,
    joined: usize,
}

impl List {
    fn fewest(&self) -> usize {
        self.items.len()
    }
    fn most(&self) -> usize {
        self.items.len() + self.joined
    }
}

const JOINERS: [&str; 4] = ["以及", "和", "及", "与"];

/// Split `text[span]` at 、 outside brackets.
fn split_items(text: &str, span: Span) -> Option<List> {
    let s = text.get(span.start..span.end)?;
    let mut items = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        match c {
            '（' | '(' | '《' | '“' | '【' => depth += 1,
            '）' | ')' | '》' | '”' | '】' => depth -= 1,
            '、' if depth == 0 => {
                items.push(Span::new(span.start + start, span.start + i));
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    items.push(Span::new(span.start + start, span.end));
    let mut etc = false;
    if let Some(last) = items.last_mut() {
        let t = &text[last.start..last.end];
        let trimmed = t.trim_end_matches("在内的").trim_end_matches("在内");
        if let Some(stripped) = trimmed.strip_suffix('等') {
            etc = true;
            last.end = last.start + stripped.len();
        } else {
            last.end = last.start + trimmed.len();
        }
    }
    if items.len() < 2 || items.iter().any(|i| i.is_empty()) {
        return None;
    }
    // The first item may carry the verb of the clause: "组建了流行病学调查、…".
    let names_ok = items.iter().enumerate().all(|(k, i)| {
        let t = &text[i.start..i.end];
        is_name(if k == 0 { after_clause_words(t) } else { t })
    });
    if !names_ok {
        return None;
    }
    let joined = items
        .iter()
        .filter(|i| JOINERS.iter().any(|j| text[i.start..i.end].contains(j)))
        .count();
    Some(List { items, etc, joined })
}

/// Whether the items before a count are fragments that share the last item's
/// tail, so the run is one coordinated word or verb, not a list of names: a
/// single character before a longer item (新、改、扩建 = 新建、改建、扩建; 省、市级),
/// or short words before an item that goes on with their common object
/// (取消、调整、合并审批事项 = 取消审批事项 …).
fn shares_the_last_items_tail(text: &str, items: &[Span]) -> bool {
    let Some((last, earlier)) = items.split_last() else {
        return false;
    };
    // The first item may carry the clause's verb ("启动新"): only its name counts.
    let len = |k: usize, i: &Span| {
        let t = &text[i.start..i.end];
        (if k == 0 { after_clause_words(t) } else { t })
            .chars()
            .count()
    };
    let last_len = len(earlier.len(), last);
    let lens: Vec<usize> = earlier.iter().enumerate().map(|(k, i)| len(k, i)).collect();
    let single_before_longer = lens.contains(&1) && last_len > 1;
    let longest_earlier = lens.iter().copied().max().unwrap_or(0);
    let short_before_object = longest_earlier <= 2 && last_len >= longest_earlier + 3;
    single_before_longer || short_before_object
}

/// Words that show an item is a clause, not a name: "国家级、部级平台分别达到22家"
/// counts the platforms, not the two levels.
const CLAUSE_WORDS: [&str; 17] = [
    "分别", "达到", "增至", "增加", "新增", "实现", "均", "各", "共有", "拥有", "了", "的", "等",
    "为", "是", "其中", "累计",
];

/// Whether an item reads as a name that the count counts: no numbers (3910间、2605间
/// are quantities), no bare numeral (一、二、 are outline markers), no verbs of a clause.
fn is_name(item: &str) -> bool {
    !item.is_empty()
        && !item.contains(|c: char| c.is_ascii_digit())
        && !item.chars().all(cn_numeral::is_numeral_char)
        && !count_re().is_match(item)
        && !CLAUSE_WORDS.iter().any(|w| item.contains(w))
}

/// The part of an item after the last clause word: "组建了流行病学调查" → "流行病学调查".
fn after_clause_words(t: &str) -> &str {
    let cut = CLAUSE_WORDS
        .iter()
        .filter_map(|w| t.rfind(w).map(|at| at + w.len()))
        .max()
        .unwrap_or(0);
    t.get(cut..).unwrap_or(t)
}

fn count_value(s: &str) -> Option<usize> {
    let n = if s.chars().all(|c| c.is_ascii_digit()) {
        s.parse().ok()?
    } else {
        cn_numeral::parse(s)?
    };
    usize::try_from(n).ok().filter(|&n| n >= 2)
}

/// Approximate or ordinal counts are not list lengths: 第3个, 近10个, 10余个, 10多家.
fn is_exact_count(text: &str, n: Span, cls_end: usize) -> bool {
    let before = text[..n.start].chars().next_back();
    let after = text[cls_end..].chars().next();
    !matches!(
        before,
        Some(
            '第' | '近'
                | '约'
                | '超'
                | '逾'
                | '余'
                | '多'
                | '每'
                | '前'
                | '后'
                | '这'
                | '那'
                | '.'
        )
    ) && !matches!(after, Some('余' | '多' | '以'))
        && !text[..n.start]
            .ends_with(|c: char| c.is_ascii_digit() || cn_numeral::is_numeral_char(c))
}

/// The classifiers of a list's count (项目7个, 5家, 3类).
const CLASSIFIERS: &[&str] = &[
    "个", "家", "项", "所", "类", "支", "种", "座", "条", "批", "位", "部", "件",
];

/// The list patterns anchored at a count: the document's quantities say where
/// counts are, so the text is not scanned again.
fn anchored() -> &'static (Regex, Regex) {
    static RE: OnceLock<(Regex, Regex)> = OnceLock::new();
    RE.get_or_init(|| {
        (
            Regex::new(&format!("^(?:{})", forward_re().as_str())).expect("forward pattern"),
            Regex::new(&format!("^(?:{COUNT})")).expect("count pattern"),
        )
    })
}

pub(super) fn claims(b: &Binder, out: &mut Vec<Claim>) {
    let doc = b.doc;
    let (forward, count_at) = anchored();
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        for j in b.paragraph_range(pi) {
            let q = &b.qs[j];
            if q.kind != crate::document::quantities::Kind::Count
                || q.precision != 0
                || !CLASSIFIERS.contains(&q.unit.as_str())
            {
                continue;
            }
            let at = q.local.start;
            let Some(rest) = p.text.get(at..) else {
                continue;
            };
            if let Some(c) = forward.captures(rest) {
                if let Some(claim) = forward_list(doc, p, at, &c) {
                    out.push(claim);
                    continue;
                }
            }
            if let Some(c) = count_at.captures(rest) {
                out.extend(backward_list(doc, p, at, &c));
            }
        }
    }
}

/// "项目7个，分别为A、B、C": the count, then the list.
fn forward_list(doc: &Document, p: &Paragraph, at: usize, c: &regex::Captures) -> Option<Claim> {
    let (n, cls, intro) = (c.name("n")?, c.name("cls")?, c.name("intro")?);
    let count = Span::new(at + n.start(), at + cls.end());
    if !is_exact_count(
        &p.text,
        Span::new(at + n.start(), at + n.end()),
        at + cls.end(),
    ) {
        return None;
    }
    let value = count_value(n.as_str())?;
    // "三个生态城区和七个功能区，即…": the list after 即 is the nearer count's.
    if c.name("noun")
        .is_some_and(|m| count_re().is_match(m.as_str()))
    {
        return None;
    }
    let end = list_end(&p.text, at + intro.end());
    if continues_past_comma(&p.text, end) || opens_with_ordinal(&p.text[at + intro.end()..]) {
        return None;
    }
    let mut list = split_items(&p.text, Span::new(at + intro.end(), end))?;
    // 包括 may name only some: like 等, the count is then a lower bound.
    list.etc |= intro.as_str().starts_with('包');
    list_claim(doc, p, count, value, &list, cls.as_str())
}

/// "A、B、C等N个", "A、B和C N个单位": the list, then the count.
fn backward_list(doc: &Document, p: &Paragraph, at: usize, c: &regex::Captures) -> Option<Claim> {
    let (n, cls) = (c.name("n")?, c.name("cls")?);
    let (n_start, n_end, cls_end) = (at + n.start(), at + n.end(), at + cls.end());
    let count = Span::new(n_start, cls_end);
    if !is_exact_count(&p.text, Span::new(n_start, n_end), cls_end) {
        return None;
    }
    let value = count_value(n.as_str())?;
    let before = p.text[..n_start].trim_end_matches(' ');
    // The list ends right before the number, after 等 or a name.
    if before.is_empty()
        || before.ends_with(|c: char| c.is_ascii_punctuation() || "，。；：、".contains(c))
    {
        return None;
    }
    let etc = before.ends_with('等');
    let list_text = before.strip_suffix('等').unwrap_or(before);
    if JOINERS.iter().any(|j| list_text.ends_with(j)) {
        return None; // "设计公园和85个口袋公园": the count starts a new item
    }
    let start = list_start(list_text);
    let mut list = split_items(&p.text, Span::new(start, list_text.len()))?;
    list.etc |= etc;
    if !etc && !counts_a_noun(&p.text, cls_end, &list, value)
        || opens_with_verbs(&p.text, &list)
        || shares_the_last_items_tail(&p.text, &list.items)
        || after_last_joiner(&p.text, &list.items) == Some(value)
        || inside_an_item(&p.text, cls_end)
    {
        return None;
    }
    list_claim(doc, p, count, value, &list, cls.as_str())
}

/// Whether the count with its short noun is itself an item of a list that goes on
/// ("部门预算、政府采购、收支两条线和国库集中支付"): the list is then the count's
/// siblings, not what it counts.
fn inside_an_item(text: &str, cls_end: usize) -> bool {
    text[cls_end..]
        .chars()
        .skip(1)
        .take(2)
        .any(|c| "、等和及与".contains(c))
}

/// "阳曲、娄烦和迎泽、杏花岭、尖草坪、万柏林四个城区": a 和/及/与 inside the list may
/// join two groups, and the count right after the list may count the second group
/// only. How many names follow the last joiner, when one is there.
fn after_last_joiner(text: &str, items: &[Span]) -> Option<usize> {
    let k = items
        .iter()
        .rposition(|i| JOINERS.iter().any(|j| text[i.start..i.end].contains(j)))?;
    Some(items.len() - k)
}

/// Whether a list after its introducer is enumerated by ordinals (一是…、（一）…、
/// 1．…): its items are then the ordinals' paragraphs, not the 、-separated names.
fn opens_with_ordinal(rest: &str) -> bool {
    let rest = rest.trim_start_matches([' ', '*', '\n']);
    let mut chars = rest.chars();
    let (first, second) = (chars.next(), chars.next());
    match (first, second) {
        (Some('（' | '('), Some(c)) => cn_numeral::is_numeral_char(c) || c.is_ascii_digit(),
        (Some('第'), Some(c)) => cn_numeral::is_numeral_char(c),
        (Some(c), Some('是' | '、' | '．' | '.')) => {
            cn_numeral::is_numeral_char(c) || c.is_ascii_digit()
        }
        _ => false,
    }
}

/// A clause needs a verb: a run of words of one or two characters that opens its
/// clause right before a count ("撤销、整改、脱钩188家协会") is the clause's verbs, and
/// the number counts their object, not the run.
fn opens_with_verbs(text: &str, list: &List) -> bool {
    list.items
        .iter()
        .all(|i| text[i.start..i.end].chars().count() <= 2)
}

/// A list governed by one of these is the object of a different verb than the count's:
/// "围绕增速、结构、效率提出5项指标".
const PREPOSITIONS: [&str; 12] = [
    "围绕", "聚焦", "针对", "覆盖", "按照", "根据", "通过", "就", "从", "对", "同", "向",
];

/// "A、B、C 3个单位": without 等, the number counts the names before it only when a
/// noun follows it ("…工程52个。" counts projects of those kinds), the list has at least
/// three short names, and a pair joined by 与/和 is not what is counted ("A与B两项").
fn counts_a_noun(text: &str, cls_end: usize, list: &List, value: usize) -> bool {
    let next = text[cls_end..].chars().next();
    let noun_follows =
        next.is_some_and(|c| crate::document::markers::is_han(c) && !"和及与以余多".contains(c));
    let last_joined = list
        .items
        .last()
        .is_some_and(|i| JOINERS.iter().any(|j| text[i.start..i.end].contains(j)));
    let first = list.items.first().map_or("", |i| &text[i.start..i.end]);
    let governed = PREPOSITIONS.iter().any(|p| first.starts_with(p));
    // Names are short; a long middle item is a clause ("葡萄牙政府在贯彻执行中英").
    let short = list.items.iter().skip(1).all(|i| {
        text[i.start..i.end]
            .split(['和', '及', '与'])
            .all(|part| part.chars().count() <= 10)
    });
    noun_follows
        && after_clause_words(first).chars().count() <= 20
        && !governed
        && short
        && list.items.len() >= 3
        && !(last_joined && value == 2)
}

/// The end of a list after its introducer: the first clause or sentence break
/// outside brackets.
fn list_end(text: &str, from: usize) -> usize {
    let mut depth = 0i32;
    for (i, c) in text[from..].char_indices() {
        match c {
            '（' | '(' | '《' | '“' | '【' => depth += 1,
            '）' | ')' | '》' | '”' | '】' => depth -= 1,
            '，' | ',' | '。' | '；' | ';' | '：' | ':' | '！' | '？' if depth <= 0 => {
                return from + i
            }
            _ => {}
        }
    }
    text.len()
}

/// Whether a list that stops at a comma goes on after it: the next clause holds
/// 、 too ("5个重点：A、B，C、D，E"), so the items may be grouped by the commas
/// and no one reading of the list's length is certain.
fn continues_past_comma(text: &str, end: usize) -> bool {
    let Some(rest) = text.get(end..) else {
        return false;
    };
    if !rest.starts_with(['，', ',']) {
        return false;
    }
    let next = &rest[rest.chars().next().map_or(0, char::len_utf8)..];
    let clause = &next[..list_end(next, 0)];
    clause.contains('、')
}

/// The start of a list that ends at `before.len()`: the last clause break before it.
fn list_start(before: &str) -> usize {
    let mut depth = 0i32;
    for (i, c) in before.char_indices().rev() {
        match c {
            '）' | ')' | '》' | '”' | '】' => depth += 1,
            '（' | '(' | '《' | '“' | '【' => {
                if depth == 0 {
                    return i + c.len_utf8();
                }
                depth -= 1;
            }
            '，' | ',' | '。' | '；' | ';' | '：' | ':' | '！' | '？' if depth <= 0 => {
                return i + c.len_utf8()
            }
            _ => {}
        }
    }
    0
}

/// Classifiers that count kinds, whose listed names may be members of the kinds.
const KINDS: &[&str] = &["类", "种", "方面"];

fn list_claim(
    doc: &Document,
    p: &Paragraph,
    count: Span,
    value: usize,
    list: &List,
    classifier: &str,
) -> Option<Claim> {
    if list.etc && KINDS.contains(&classifier) {
        return None;
    }
    let span = p.doc_span(count);
    let stated = Operand {
        role: Role::Stated,
        source: Source::Text(span),
        value: Interval::exact(value as f64),
        written: p.text[count.start..count.end].to_owned(),
        label: String::new(),
        span,
        label_span: span,
    };
    let mut ops: Vec<Operand> = list
        .items
        .iter()
        .map(|i| {
            let text = &p.text[i.start..i.end];
            let joined = JOINERS.iter().any(|j| text.contains(j));
            let s = p.doc_span(*i);
            Operand {
                role: Role::Item,
                source: Source::Text(s),
                value: Interval::new(1.0, if joined { 2.0 } else { 1.0 }),
                written: text.to_owned(),
                label: String::new(),
                span: s,
                label_span: s,
            }
        })
        .collect();
    if list.etc {
        // 等: others not listed.
        ops.push(Operand {
            role: Role::Item,
            source: Source::Implied,
            value: Interval::new(0.0, f64::INFINITY),
            written: "等".into(),
            label: "未列出的".into(),
            span,
            label_span: span,
        });
    }
    // However the items are split, the count is wrong when every reading of the
    // list is longer, or (with no 等) shorter, than the count.
    let certain =
        list.fewest() == list.most() || list.fewest() > value || !list.etc && list.most() < value;
    let ev = if certain {
        Evidence::Explicit
    } else {
        Evidence::Inferred
    };
    let _ = doc;
    let mut tally = Tally::new(stated.value);
    tally.offer(Reading::new(Form::Sum, ops, ev, "所列各项")?);
    tally.finish(ClaimKind::ListCount, stated)
}
