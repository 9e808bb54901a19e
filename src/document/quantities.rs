//! Quantities: every number claim in the text with its unit, kind, written
//! precision, approximation marker, position and label (the words before it
//! that say what is counted). Computed once per document; arithmetic lints read
//! `doc.quantities` and never re-scan the text.
//!
//! Read: Arabic numbers (`1,234`, `95.83`, full-width `１９９０`), Chinese numerals
//! (`一百二十四`, `两`, `三千五百`), multipliers (`3.44万管` = 34 400 管, `1.67亿元` =
//! 167 000 000 元), percentages (`95.83%`, `９０％`, `百分之九十`), per-mille `‰`,
//! per ten thousand (`5.2/万`), percentage points (`2.3个百分点`), multiples (`3倍`).
//!
//! Skipped on purpose, because they are not amounts: ranges (`3-11岁`,
//! `2018—2020年`), dates and years (`7月11日`, `2022年`), ordinals (`第三`),
//! codes and slogans in quotes or book titles (`“0923”`, `“十四五”`), numbers with
//! a leading zero, phone numbers and long digit strings, ratios (`1:1`), versions
//! (`1.2.3`), `5·12`, numbering markers, and digits split by a space (OCR text
//! where the split cannot be told from two numbers). Digits cut by a line break
//! of a hard-wrapped text (`3.4⏎4万管`) are joined: the break is certain.
//!
//! Use: `for q in &doc.quantities` — `q.value` (multipliers applied, percent for
//! rates), `q.kind`, `q.unit`, `q.label` (what is counted), `q.approx`,
//! `q.admits(x)` (could exact `x` have been written so?), `q.span` for findings,
//! `q.paragraph` / `q.sentence` / `q.local` to find neighbours in one sentence.

use super::cn_numeral;
use super::markers::is_han;
use super::paragraphs::{is_blank, Paragraph};
use crate::span::Span;
use std::sync::LazyLock;

/// What a number measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A count of things with a measure word: 人, 人次, 名, 个, 家, 张, 例, 条, 管 …
    Count,
    /// Money, normalised to 元 (`unit` is "元", `written` keeps 万元/亿元).
    Money,
    /// A percentage; `value` is in percent (95.83 for 95.83%).
    Percent,
    /// Per mille; `value` in ‰.
    PerMille,
    /// Per ten thousand (`5.2/万`, or a label starting with 每万); `value` as written.
    PerTenThousand,
    /// Percentage points: a difference of two rates (`提高2.3个百分点`).
    Points,
    /// A multiple (`3倍`, `翻一番` is not read).
    Multiple,
    /// A duration (年, 个月, 天, 小时 after a number that is not a year).
    Duration,
    /// Any other number with a unit we do not classify (公里, 岁, 吨 …) or none.
    Other,
}

/// An approximation marker written with the number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Approx {
    Exact,
    /// 约, 近, 左右, 大约, 将近, 接近, 上下: the true value is near.
    About,
    /// 余, 多: a little more, up to the next unit of the last non-zero digit
    /// (180余 is 180–190, 3000多 is 3000–4000).
    More,
    /// 以上, 超过, 逾: the true value is at least this.
    AtLeast,
    /// 不到, 不足, 以下, 以内: the true value is at most this.
    AtMost,
}

/// One number claim.
#[derive(Clone, Debug)]
pub struct Quantity {
    /// Value with multipliers applied (34400 for 3.44万), in percent for rates.
    pub value: f64,
    /// The number and unit as written, e.g. "3.44万管", "95.83%".
    pub written: String,
    /// Normalised unit: "元" for money, "%", "‰", "个百分点", "倍", a measure word, or "".
    pub unit: String,
    pub kind: Kind,
    /// Decimals as written (95.83 → 2).
    pub precision: u32,
    /// Value of one unit in the last written place (0.01 for 95.83, 100 for 3.44万).
    pub step: f64,
    pub approx: Approx,
    /// Document span of the number and its unit.
    pub span: Span,
    /// The same, relative to the paragraph text.
    pub local: Span,
    pub paragraph: usize,
    /// Index into the paragraph's `sentences`.
    pub sentence: usize,
    /// What is counted: the Han words before the number back to a clause boundary,
    /// without fillers such as 其中, 累计, 共, 达, 为 (产前筛查1401人 → 产前筛查).
    pub label: String,
    /// Document span of the label (empty at the number when there is none).
    pub label_span: Span,
    /// Document span of the clause holding the number.
    pub clause: Span,
}

impl Quantity {
    /// Whether an exact value `x` could have been written as this quantity: by
    /// rounding (`[v − step/2, v + step/2)`) or truncation (`[v, v + step)`),
    /// widened for 约/近 and open-ended for 余/以上 and 不到/以下.
    pub fn admits(&self, x: f64) -> bool {
        let v = self.value;
        let s = self.step;
        let eps = 1e-9 * v.abs().max(1.0);
        match self.approx {
            Approx::Exact => x >= v - s / 2.0 - eps && x < v + s + eps,
            Approx::About => (x - v).abs() <= s.max(v.abs() * 0.03) + eps,
            Approx::AtLeast | Approx::More => x >= v - s / 2.0 - eps,
            Approx::AtMost => x < v + s + eps,
        }
    }

    /// Whether the quantity counts things (a measure word, not a rate or money).
    pub fn is_count(&self) -> bool {
        self.kind == Kind::Count
    }
}

/// Format a value the way reports write it: no trailing zeros, at most `decimals`.
pub fn format_value(x: f64, decimals: usize) -> String {
    let s = format!("{x:.decimals$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        s
    }
}

/// Measure words and units after a number, longest first within a shared start.
const COUNT_UNITS: &[&str] = &[
    "人次", "人", "名", "剂次", "剂", "个", "家", "张", "间", "例", "项", "条", "管", "所", "台",
    "辆", "场次", "场", "次", "份", "户", "床", "件", "起", "批", "支", "篇", "部", "座", "处",
    "类", "种", "套", "组", "队", "轮", "位", "只", "头", "株", "册", "本", "孔", "盒", "箱", "袋",
    "瓶", "片", "所", "村", "镇", "个村", "对", "单位",
];
const OTHER_UNITS: &[&str] = &[
    "人公里",
    "吨公里",
    "平方公里",
    "平方米",
    "立方米",
    "公里",
    "千米",
    "千瓦时",
    "千瓦",
    "千克",
    "公斤",
    "公顷",
    "万亩",
    "亩",
    "吨",
    "米",
    "岁",
    "克",
    "度",
    "分",
];
const DURATION_UNITS: &[&str] = &[
    "个工作日",
    "个小时",
    "个月",
    "周年",
    "小时",
    "分钟",
    "天",
    "周",
    "年",
];
const PREFIX_APPROX: &[(&str, Approx)] = &[
    ("大约", Approx::About),
    ("将近", Approx::About),
    ("接近", Approx::About),
    ("约", Approx::About),
    ("近", Approx::About),
    ("超过", Approx::AtLeast),
    ("逾", Approx::AtLeast),
    ("不到", Approx::AtMost),
    ("不足", Approx::AtMost),
];
const SUFFIX_APPROX: &[(&str, Approx)] = &[
    ("以上", Approx::AtLeast),
    ("以下", Approx::AtMost),
    ("以内", Approx::AtMost),
    ("左右", Approx::About),
    ("上下", Approx::About),
];
/// Words stripped from the front of a label: they say how, not what.
const LEAD_FILLERS: &[&str] = &[
    "其中",
    "共有",
    "现有",
    "拥有",
    "累计",
    "共计",
    "合计",
    "总计",
    "共",
    "已经",
    "现已",
    "已",
    "并",
    "且",
    "另",
    "全年",
    "实际",
    "分别",
    "总",
    "开展",
    "实现",
    "达到",
    "达",
    "上半年",
    "下半年",
    "今年",
    "去年",
    "年内",
    "当年",
    "本年",
    "全市",
    "我市",
    "辖区",
];
/// Words stripped from the end of a label: verbs and particles before the number.
const TAIL_FILLERS: &[&str] = &[
    "上升到",
    "上升至",
    "提高到",
    "提高至",
    "提升到",
    "提升至",
    "增长到",
    "增加到",
    "增至",
    "稳定在",
    "保持在",
    "降至",
    "下降到",
    "达到",
    "达",
    "为",
    "是",
    "共计",
    "共",
    "累计",
    "计",
    "有",
    "了",
    "至",
    "到",
    "已",
];
/// Words that end with 约 or 近 without marking an approximation.
const WORDS_ENDING_IN_MARKER: &[&str] = &[
    "签约", "节约", "预约", "履约", "制约", "集约", "合约", "条约", "公约", "违约", "特约", "简约",
    "践约", "最近", "附近", "邻近", "就近", "靠近", "临近", "亲近", "贴近", "相近",
];

/// A number read from the text before classification.
struct Number {
    value: f64,
    precision: u32,
    /// Byte offset just after the number (before any multiplier).
    end: usize,
    arabic: bool,
}

fn ascii_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

fn is_digit(c: char) -> bool {
    ascii_digit(c).is_some()
}

/// Read an Arabic number at `start` (a digit). Returns `None` for codes,
/// versions, long digit strings and numbers with a leading zero.
fn read_arabic(t: &str, start: usize, joins: &dyn Fn(usize) -> bool) -> Option<Number> {
    let at = |i: usize| t.get(i..).and_then(|r| r.chars().next());
    // A space that only stands for a line break of a hard-wrapped text, between digits.
    let joined_digit = |i: usize| at(i) == Some(' ') && joins(i) && at(i + 1).is_some_and(is_digit);
    let mut int = String::new();
    let mut grouped = false;
    let mut i = start;
    while let Some(c) = at(i) {
        if let Some(d) = ascii_digit(c) {
            int.push(char::from_digit(d, 10)?);
            i += c.len_utf8();
        } else if separates_thousands(t, i, c, grouped, int.len()) && !joined_digit(i) {
            // 1,234 / １，７５３ / 31 245: a separator before a group of three.
            grouped = true;
            i += c.len_utf8();
        } else if joined_digit(i) {
            i += 1;
        } else {
            break;
        }
    }
    let mut frac = String::new();
    if let Some(c @ ('.' | '．')) = at(i) {
        let after = i + c.len_utf8();
        if at(after).is_some_and(is_digit) {
            let mut j = after;
            while let Some(c) = at(j) {
                if let Some(d) = ascii_digit(c) {
                    frac.push(char::from_digit(d, 10)?);
                    j += c.len_utf8();
                } else if joined_digit(j) {
                    j += 1;
                } else {
                    break;
                }
            }
            i = j;
            // 1.2.3: a version or a section number, not an amount.
            if let Some(c @ ('.' | '．')) = at(i) {
                if at(i + c.len_utf8()).is_some_and(is_digit) {
                    return None;
                }
            }
        }
    }
    if int.len() > 1 && int.starts_with('0') || !grouped && int.len() >= 10 {
        return None;
    }
    let value: f64 = if frac.is_empty() {
        int.parse().ok()?
    } else {
        format!("{int}.{frac}").parse().ok()?
    };
    Some(Number {
        value,
        precision: frac.len() as u32,
        end: i,
        arabic: true,
    })
}

/// Whether `c` at `i` separates thousands: a comma (full-width between full-width
/// digits) or a single space, after one to three digits (or an earlier group) and
/// before exactly three digits of the same width, then a non-digit.
fn separates_thousands(t: &str, i: usize, c: char, grouped: bool, int_len: usize) -> bool {
    if !grouped && !(1..=3).contains(&int_len) {
        return false;
    }
    let wide = |d: char| ('０'..='９').contains(&d);
    let prev = t[..i].chars().next_back();
    let width_ok = |d: char| prev.is_some_and(|p| wide(p) == wide(d)) && is_digit(d);
    let after = &t[i + c.len_utf8()..];
    let mut it = after.chars();
    let group = (0..3).all(|_| it.next().is_some_and(width_ok));
    let ends = !it.next().is_some_and(is_digit);
    let mark = match c {
        ',' => true,
        '，' => prev.is_some_and(wide),
        ' ' => !after.starts_with(' '),
        _ => false,
    };
    mark && group && ends
}

/// Read a Chinese numeral at `start`, with 万/亿 inside (三千五百万 = 35 000 000)
/// and 点 decimals (九十五点八). Returns `None` if the run is not a well-formed number.
fn read_chinese(t: &str, start: usize) -> Option<Number> {
    let run_len: usize = t[start..]
        .chars()
        .take_while(|&c| cn_numeral::is_numeral_char(c) || c == '万' || c == '亿')
        .map(char::len_utf8)
        .sum();
    let full = &t[start..start + run_len];
    let mut run = full;
    // A trailing 万/亿 is a multiplier, read by the caller (三点五万)…
    while let Some(r) = run.strip_suffix('万').or_else(|| run.strip_suffix('亿')) {
        run = r;
    }
    if run.is_empty() {
        return None;
    }
    // …unless the number has its own 亿 or 万 inside: in 十八亿三千万 the 万
    // multiplies 三千 only.
    if run.contains(['万', '亿']) {
        run = full;
    }
    let value = parse_big_chinese(run)? as f64;
    let mut end = start + run.len();
    let mut precision = 0;
    let mut value = value;
    if let Some(rest) = t[end..].strip_prefix('点') {
        let digits: Vec<u64> = rest.chars().map_while(cn_numeral::digit).collect();
        if !digits.is_empty() && !rest.starts_with('两') {
            let mut frac = 0.0;
            let mut scale = 1.0;
            for d in &digits {
                scale /= 10.0;
                frac += *d as f64 * scale;
            }
            value += frac;
            precision = digits.len() as u32;
            end += '点'.len_utf8() + digits.len() * '一'.len_utf8();
        }
    }
    Some(Number {
        value,
        precision,
        end,
        arabic: false,
    })
}

/// 三千五百万, 一亿二千万, 一万二千 → integer.
fn parse_big_chinese(s: &str) -> Option<u64> {
    let (hi, rest) = match s.split_once('亿') {
        Some((a, b)) => (cn_numeral::parse(a)?.checked_mul(100_000_000)?, b),
        None => (0, s),
    };
    let (mid, low) = match rest.split_once('万') {
        Some((a, b)) => (cn_numeral::parse(a)?.checked_mul(10_000)?, b),
        None => (0, rest),
    };
    let low = if low.is_empty() {
        0
    } else {
        cn_numeral::parse(low.trim_start_matches(['零', '〇']))?
    };
    Some(hi + mid + low)
}

/// Whether `s` is a unit of measure as a whole (万元, 万美元, 人次, %, 个百分点,
/// 平方米): a name's bracketed note (站, 所、站, 含乡镇) is not.
pub fn is_unit(s: &str) -> bool {
    if matches!(s, "%" | "％" | "‰" | "百分点" | "个百分点") {
        return true;
    }
    let s = s.trim_start_matches(['十', '百', '千', '万', '亿']);
    let s = s
        .strip_prefix(['美', '港', '欧', '日'])
        .filter(|r| r.starts_with('元'))
        .unwrap_or(s);
    [COUNT_UNITS, OTHER_UNITS, DURATION_UNITS, &["元"]]
        .iter()
        .any(|list| list.contains(&s))
}

/// A fixed list of Han words (units, fillers) with each word's first and last
/// character packed into an integer: the words that can start or end a text are
/// found by integer compares, and only those are compared whole. This runs for
/// every number of the text.
struct HanWords {
    words: &'static [&'static str],
    heads: Vec<u32>,
    tails: Vec<u32>,
}

/// The first and the last three bytes of `s` (one Han character each) as integers.
fn pack(b: Option<&[u8; 3]>) -> Option<u32> {
    b.map(|&[x, y, z]| u32::from_be_bytes([0, x, y, z]))
}

impl HanWords {
    fn new(words: &'static [&'static str]) -> HanWords {
        // A word shorter than one Han character would never be found.
        debug_assert!(words.iter().all(|w| w.len() >= 3), "{words:?}");
        let packed = |f: fn(&[u8]) -> Option<&[u8; 3]>| -> Vec<u32> {
            words
                .iter()
                .map(|w| pack(f(w.as_bytes())).unwrap_or(u32::MAX))
                .collect()
        };
        HanWords {
            words,
            heads: packed(<[u8]>::first_chunk::<3>),
            tails: packed(<[u8]>::last_chunk::<3>),
        }
    }

    /// The words that `s` starts with.
    fn starting<'s>(&'s self, s: &'s str) -> impl Iterator<Item = &'static str> + 's {
        let head = pack(s.as_bytes().first_chunk::<3>());
        self.words
            .iter()
            .zip(&self.heads)
            .filter(move |&(w, &h)| Some(h) == head && s.starts_with(*w))
            .map(|(w, _)| *w)
    }

    /// The words that `s` ends with.
    fn ending<'s>(&'s self, s: &'s str) -> impl Iterator<Item = &'static str> + 's {
        let tail = pack(s.as_bytes().last_chunk::<3>());
        self.words
            .iter()
            .zip(&self.tails)
            .filter(move |&(w, &t)| Some(t) == tail && s.ends_with(*w))
            .map(|(w, _)| *w)
    }

    /// The longest word that `s` starts with.
    fn longest_start(&self, s: &str) -> Option<&'static str> {
        self.starting(s).max_by_key(|w| w.len())
    }
}

static COUNT: LazyLock<HanWords> = LazyLock::new(|| HanWords::new(COUNT_UNITS));
static OTHER: LazyLock<HanWords> = LazyLock::new(|| HanWords::new(OTHER_UNITS));
static DURATION: LazyLock<HanWords> = LazyLock::new(|| HanWords::new(DURATION_UNITS));
static POINTS: LazyLock<HanWords> = LazyLock::new(|| HanWords::new(&["个百分点", "百分点"]));
static CURRENCY: LazyLock<HanWords> =
    LazyLock::new(|| HanWords::new(&["元", "美元", "欧元", "港元"]));
static CALENDAR: LazyLock<HanWords> = LazyLock::new(|| HanWords::new(&["月", "日", "号", "时"]));
static LEAD: LazyLock<HanWords> = LazyLock::new(|| HanWords::new(LEAD_FILLERS));
static TAIL: LazyLock<HanWords> = LazyLock::new(|| HanWords::new(TAIL_FILLERS));

fn prev_char(t: &str, at: usize) -> Option<char> {
    t[..at].chars().next_back()
}

/// Whether `at` lies inside 《…》 or a short “…” (a title, a slogan, a code).
fn inside_title_or_quote(t: &str, at: usize) -> bool {
    // Titles and quoted slogans are short: look a bounded window either side, so a
    // 100 MB paragraph stays linear.
    const WINDOW: usize = 240;
    let mut from = at.saturating_sub(WINDOW);
    while !t.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (at + WINDOW).min(t.len());
    while !t.is_char_boundary(to) {
        to -= 1;
    }
    let before = &t[from..at];
    let after = &t[at..to];
    let open_book = before
        .rfind('《')
        .is_some_and(|o| before.rfind('》').is_none_or(|c| c < o));
    if open_book && after.contains('》') {
        return true;
    }
    // A quoted code is at most 12 characters either side of the number: only
    // those characters are searched for its quotes.
    let tail = before.char_indices().rev().nth(11).map_or(0, |(k, _)| k);
    let head = after.char_indices().nth(13).map_or(after.len(), |(k, _)| k);
    if let Some((o, q)) = before[tail..]
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, '“' | '"' | '”'))
    {
        let o = tail + o;
        // The last quote before the number opens a quotation that is still open.
        let opened = q == '“' || q == '"' && before[..o].matches('"').count() % 2 == 0;
        if opened {
            if let Some(c) = after[..head].find(['”', '"']) {
                return after[..c].chars().count() <= 12;
            }
        }
    }
    false
}

/// Extract the quantities of one paragraph of `doc_text`. `blocked` are paragraph-local spans
/// (numbering markers) whose numbers are not quantities.
pub fn extract(doc_text: &str, p: &Paragraph, paragraph: usize, blocked: &[Span]) -> Vec<Quantity> {
    let t = p.text.as_str();
    // A space the paragraph inserted for a line break covers a newline in the document.
    let joins = |i: usize| {
        i + 1 < t.len()
            && doc_text
                .get(p.doc_offset(i)..p.doc_offset(i + 1))
                .is_some_and(|s| s.contains('\n'))
    };
    let mut out: Vec<Quantity> = Vec::new();
    let mut last_end = 0usize;
    // The clause of the previous quantity: the next one in it reuses it, so a
    // clause with many numbers and no comma is scanned once, not per number.
    let mut clause: Option<Span> = None;
    let mut i = 0usize;
    let bytes = t.as_bytes();
    while i < t.len() {
        // ASCII other than digits starts nothing: skip it without decoding.
        if bytes
            .get(i)
            .is_some_and(|b| b.is_ascii() && !b.is_ascii_digit())
        {
            i += 1;
            continue;
        }
        let Some(c) = t.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        let found = if is_digit(c) {
            Some(scan_arabic(t, i, &joins))
        } else if c == '百' && t[i..].starts_with("百分之") {
            Some(scan_percent_words(t, i, &joins))
        } else if cn_numeral::is_numeral_char(c) {
            Some(scan_chinese(t, i))
        } else {
            None
        };
        match found {
            Some((q, next)) => {
                if let Some(mut q) = q {
                    // `blocked` is in document order: find the first that ends after the start.
                    let k = blocked.partition_point(|b| b.end <= q.local.start);
                    let blocked_here = blocked.get(k).is_some_and(|b| b.start < q.local.end);
                    if !blocked_here && !inside_title_or_quote(t, q.local.start) {
                        finish(p, paragraph, &mut q, last_end, &mut clause);
                        last_end = q.local.end;
                        out.push(q);
                    }
                }
                i = next.max(i + c.len_utf8());
            }
            None => i += c.len_utf8(),
        }
    }
    out
}

/// Skip past a run of digits and digit punctuation that is not a quantity.
fn skip_number_run(t: &str, i: usize) -> usize {
    i + t[i..]
        .chars()
        .take_while(|&c| {
            is_digit(c) || matches!(c, '.' | '．' | ',' | ':' | '：' | '·' | '-' | '/')
        })
        .map(char::len_utf8)
        .sum::<usize>()
}

/// A connector between two numbers of a range: 3-11, 2018—2020, 5～10, 3至5.
fn range_connector_len(t: &str, at: usize) -> Option<usize> {
    let rest = &t[at..];
    let conn: usize = rest
        .chars()
        .take_while(|&c| matches!(c, '-' | '—' | '–' | '－' | '~' | '～' | '至' | '到' | '〜'))
        .map(char::len_utf8)
        .sum();
    if conn == 0 || conn > 6 {
        return None;
    }
    let after = rest[conn..].trim_start_matches(is_blank);
    after.chars().next().filter(|&c| is_digit(c)).map(|_| conn)
}

type Scan = (Option<Quantity>, usize);

fn scan_arabic(t: &str, i: usize, joins: &dyn Fn(usize) -> bool) -> Scan {
    let prev = prev_char(t, i);
    let after_run = skip_number_run(t, i);
    // Part of a code, a version, a ratio, a date like 5·12, or a word like COVID-19.
    if prev.is_some_and(|c| {
        c.is_ascii_alphanumeric()
            || matches!(
                c,
                '.' | '．' | '_' | '/' | ':' | '：' | '·' | '-' | '第' | '#' | '№'
            )
    }) {
        return (None, after_run);
    }
    // OCR text that splits digits with a space: "1 462" may be one number or two.
    if prev.is_some_and(is_blank)
        && t[..i]
            .trim_end_matches(is_blank)
            .chars()
            .next_back()
            .is_some_and(is_digit)
    {
        return (None, after_run);
    }
    let Some(n) = read_arabic(t, i, joins) else {
        return (None, after_run);
    };
    let next = t[n.end..].chars().next();
    if let Some(c) = next {
        if matches!(c, ':' | '：' | '·' | '/' | '.' | '．')
            && t[n.end + c.len_utf8()..]
                .chars()
                .next()
                .is_some_and(is_digit)
        {
            return (None, skip_number_run(t, n.end));
        }
        if is_blank(c)
            && t[n.end..]
                .trim_start_matches(is_blank)
                .chars()
                .next()
                .is_some_and(is_digit)
        {
            return (None, skip_number_run(t, n.end + c.len_utf8()));
        }
        if c.is_ascii_alphabetic() {
            return (None, n.end);
        }
    }
    if let Some(conn) = range_connector_len(t, n.end) {
        let second = t[n.end + conn..].trim_start_matches(is_blank);
        let at = t.len() - second.len();
        let end = read_arabic(t, at, joins).map_or(at, |m| m.end);
        // Swallow the unit of the range too, so it is not read on its own.
        return (None, end);
    }
    classify(t, i, n)
}

fn scan_chinese(t: &str, i: usize) -> Scan {
    let run_end = i + t[i..]
        .chars()
        .take_while(|&c| cn_numeral::is_numeral_char(c) || c == '万' || c == '亿')
        .map(char::len_utf8)
        .sum::<usize>();
    let prev = prev_char(t, i);
    // 第三, 初三, 星期一, 周一, 十四五 in quotes: not amounts.
    if prev.is_some_and(|c| matches!(c, '第' | '初' | '周' | '期' | '号' | '礼' | '之')) {
        return (None, run_end);
    }
    let Some(n) = read_chinese(t, i) else {
        return (None, run_end);
    };
    // 一个, 一批, 一部分 are articles more often than counts.
    if &t[i..n.end] == "一" || t[n.end..].starts_with("部分") {
        return (None, run_end);
    }
    // Only a numeral followed by a unit is an amount: 统一, 一是, 百姓 are words.
    match classify(t, i, n) {
        (Some(q), end) if q.kind != Kind::Other && !q.unit.is_empty() => (Some(q), end),
        _ => (None, run_end),
    }
}

/// 百分之九十, 百分之九十五点八, 百分之10.
fn scan_percent_words(t: &str, i: usize, joins: &dyn Fn(usize) -> bool) -> Scan {
    let at = i + "百分之".len();
    let n = match t[at..].chars().next() {
        Some(c) if is_digit(c) => read_arabic(t, at, joins),
        Some(_) => read_chinese(t, at),
        None => None,
    };
    let Some(n) = n else { return (None, at) };
    let mut end = n.end;
    let mut approx = Approx::Exact;
    if let Some((w, a)) = SUFFIX_APPROX.iter().find(|(w, _)| t[end..].starts_with(*w)) {
        approx = *a;
        end += w.len();
    }
    let mut q = base_quantity(t, i, end, n.value, n.precision);
    q.kind = Kind::Percent;
    q.unit = "%".into();
    q.approx = approx;
    (Some(q), end)
}

fn base_quantity(t: &str, start: usize, end: usize, value: f64, precision: u32) -> Quantity {
    Quantity {
        value,
        written: t[start..end].to_owned(),
        unit: String::new(),
        kind: Kind::Other,
        precision,
        step: 10f64.powi(-(precision as i32)),
        approx: Approx::Exact,
        span: Span::default(),
        local: Span::new(start, end),
        paragraph: 0,
        sentence: 0,
        label: String::new(),
        label_span: Span::default(),
        clause: Span::default(),
    }
}

/// Read multiplier, approximation suffix and unit after the number.
fn classify(t: &str, start: usize, n: Number) -> Scan {
    let mut at = n.end;
    let mut multiplier = 1.0;
    for (w, m) in [
        ("万亿", 1e12),
        ("千亿", 1e11),
        ("千万", 1e7),
        ("百万", 1e6),
        ("亿", 1e8),
        ("万", 1e4),
    ] {
        if t[at..].starts_with(w) {
            multiplier = m;
            at += w.len();
            break;
        }
    }
    if multiplier == 1.0 && n.arabic && t[at..].starts_with('千') && !t[at..].starts_with("千米")
    {
        let rest = &t[at + '千'.len_utf8()..];
        if COUNT.longest_start(rest).is_some() || rest.starts_with('元') {
            multiplier = 1e3;
            at += '千'.len_utf8();
        }
    }
    let mut approx = Approx::Exact;
    if let Some(c @ ('余' | '多')) = t[at..].chars().next() {
        approx = Approx::More;
        at += c.len_utf8();
        // 1030多亿元, 3000余万元: the multiplier after the 多.
        if multiplier == 1.0 {
            if let Some((w, m)) = [("亿", 1e8), ("万", 1e4)]
                .into_iter()
                .find(|(w, _)| t[at..].starts_with(w))
            {
                multiplier = m;
                at += w.len();
            }
        }
    }
    let rest = &t[at..];
    let mut kind = Kind::Count;
    let unit: String;
    let mut unit_len = 0;
    // 10.8 %: a space the typesetter left before the sign.
    let spaced = rest
        .strip_prefix(' ')
        .filter(|r| r.starts_with(['%', '％']));
    if let Some(c @ ('%' | '％')) = spaced.unwrap_or(rest).chars().next() {
        kind = Kind::Percent;
        unit = "%".into();
        unit_len = c.len_utf8() + usize::from(spaced.is_some());
    } else if rest.starts_with('‰') {
        kind = Kind::PerMille;
        unit = "‰".into();
        unit_len = '‰'.len_utf8();
    } else if let Some(w) = POINTS.longest_start(rest) {
        kind = Kind::Points;
        unit = "个百分点".into();
        unit_len = w.len();
    } else if rest.starts_with("/万") || rest.starts_with("／万") {
        kind = Kind::PerTenThousand;
        unit = "/万".into();
        unit_len = rest.chars().take(2).map(char::len_utf8).sum();
    } else if rest.starts_with('倍') {
        kind = Kind::Multiple;
        unit = "倍".into();
        unit_len = '倍'.len_utf8();
    } else if let Some(w) = CURRENCY.longest_start(rest) {
        kind = Kind::Money;
        unit = w.into();
        unit_len = w.len();
    } else if let Some(w) = CALENDAR
        .longest_start(rest)
        .filter(|_| !n.arabic || n.precision == 0)
    {
        // 7月11日, 3号, 8时: dates and clock times.
        let _ = w;
        return (None, at + w.len());
    } else if rest.starts_with('年')
        && multiplier == 1.0
        && n.precision == 0
        && (1900.0..=2100.0).contains(&n.value)
    {
        return (None, at + '年'.len_utf8()); // a year
    } else if let Some(w) = DURATION.longest_start(rest) {
        kind = Kind::Duration;
        unit = w.into();
        unit_len = w.len();
    } else if let Some(w) = OTHER.longest_start(rest) {
        kind = Kind::Other;
        unit = w.into();
        unit_len = w.len();
    } else if let Some(w) = COUNT.longest_start(rest) {
        unit = w.into();
        unit_len = w.len();
    } else {
        kind = Kind::Other;
        unit = String::new();
    }
    at += unit_len;
    if approx == Approx::Exact {
        if let Some((w, a)) = SUFFIX_APPROX.iter().find(|(w, _)| t[at..].starts_with(*w)) {
            approx = *a;
            at += w.len();
        }
    }
    let mut q = base_quantity(t, start, at, n.value * multiplier, n.precision);
    q.step *= multiplier;
    if !n.arabic && n.precision == 0 && multiplier == 1.0 {
        // 十八亿三千万 is written to the 万, like 183000万: its own 万 or 亿 is
        // its last place. 一百二十家 is an exact count, like 120家.
        let written = &t[start..n.end];
        if written.contains('万') {
            q.step = 1e4;
        } else if written.contains('亿') {
            q.step = 1e8;
        }
    }
    q.kind = kind;
    q.unit = unit;
    q.approx = approx;
    (Some(q), at)
}

/// Fill in position, sentence, clause, prefix approximation and label.
fn finish(
    p: &Paragraph,
    paragraph: usize,
    q: &mut Quantity,
    last_end: usize,
    clause: &mut Option<Span>,
) {
    let t = p.text.as_str();
    q.paragraph = paragraph;
    q.span = p.doc_span(q.local);
    // Sentences are in order: binary search keeps long paragraphs linear.
    q.sentence = p
        .sentences
        .partition_point(|s| s.end <= q.local.start)
        .min(p.sentences.len().saturating_sub(1));
    if let Some(s) = p.sentences.get(q.sentence) {
        let at = q.local.start;
        // Clauses lie inside sentences: the previous clause holds `at` only
        // when `at` is in this sentence too.
        let cached = clause.filter(|c| c.start <= at && at < c.end && s.start <= c.start);
        if let Some(c) = cached.or_else(|| clause_at(t, *s, at)) {
            *clause = Some(c);
            q.clause = p.doc_span(c);
        }
    }
    // The Han run before the number, back to punctuation or the previous quantity;
    // past a note in brackets right before the number (年末全国人口（包括…）141260万人).
    let floor = last_end.min(q.local.start);
    // The note may hold numbers of its own: it is looked for past them.
    let run_end = note_before(t, 0, q.local.start).unwrap_or(q.local.start);
    let floor = if run_end < floor { 0 } else { floor };
    let mut start = run_end;
    for (k, c) in t[floor..run_end].char_indices().rev() {
        // ○ and 〇 write zero in years (一九八○年的): part of the words.
        if is_han(c)
            || matches!(c, '○' | '〇')
            || is_blank(c) && k + floor + c.len_utf8() == run_end
        {
            start = floor + k;
        } else {
            break;
        }
    }
    // 2022年民生工程任务数: the 年 of a skipped year is not part of the label.
    if t[..start].chars().next_back().is_some_and(is_digit) {
        if let Some(c) = t[start..run_end]
            .chars()
            .next()
            .filter(|c| matches!(c, '年' | '月' | '日' | '号' | '岁'))
        {
            start += c.len_utf8();
        }
    }
    let mut label = &t[start..run_end];
    let label_end_trim = label.trim_end_matches(is_blank);
    label = label_end_trim;
    if let Some((w, a)) = PREFIX_APPROX
        .iter()
        .find(|(w, _)| label.ends_with(*w) && is_prefix_marker(label, w))
    {
        if q.approx == Approx::Exact {
            q.approx = *a;
        }
        label = &label[..label.len() - w.len()];
    }
    // Strip fillers, keeping at least one character of label.
    loop {
        let before = label.len();
        if let Some(w) = TAIL
            .ending(label)
            .filter(|w| label.len() > w.len())
            .max_by_key(|w| w.len())
        {
            label = &label[..label.len() - w.len()];
        }
        if let Some(w) = LEAD
            .starting(label)
            .filter(|w| label.len() > w.len() && !label[w.len()..].starts_with('率'))
            .max_by_key(|w| w.len())
        {
            start += w.len();
            label = &label[w.len()..];
        }
        if label.len() == before {
            break;
        }
    }
    if q.kind == Kind::Count && (label.starts_with("每万") || label.contains("每万人")) {
        q.kind = Kind::PerTenThousand;
    }
    q.label = label.to_owned();
    q.label_span = p.doc_span(Span::new(start, start + label.len()));
}

/// Where a bracketed note that ends right before offset `at` opens, when the
/// note is short and nothing but its brackets stands between it and the words
/// before it: the words before the note are the number's label.
fn note_before(t: &str, floor: usize, at: usize) -> Option<usize> {
    let mut floor = floor.max(at.saturating_sub(240));
    while !t.is_char_boundary(floor) {
        floor += 1;
    }
    let before = t.get(floor..at)?.trim_end_matches(is_blank);
    // A note reference of national bulletins (民间固定资产投资[18]321576亿元):
    // the words before it name the number.
    if let Some(inner) = before.strip_suffix([']', '］']) {
        let open = inner.rfind(['[', '［'])?;
        let digits = &inner[open..].trim_start_matches(['[', '［']);
        let note =
            !digits.is_empty() && digits.len() <= 3 && digits.chars().all(|c| c.is_ascii_digit());
        let han_before = inner[..open].chars().next_back().is_some_and(is_han);
        return (note && han_before).then_some(floor + open);
    }
    if !before.ends_with(['）', ')']) {
        return None;
    }
    let mut depth = 0i32;
    for (k, c) in before.char_indices().rev() {
        match c {
            '）' | ')' => depth += 1,
            '（' | '(' => {
                depth -= 1;
                if depth == 0 {
                    let open = floor + k;
                    let han_before = t[..open].chars().next_back().is_some_and(is_han);
                    return (han_before && before.len() - k <= 240).then_some(open);
                }
            }
            _ => {}
        }
        if before.len() - k > 240 {
            return None;
        }
    }
    None
}

/// The clause of `split_clauses(t, sentence)` that holds offset `at`, found by
/// looking only at that clause's own characters (a long sentence stays linear).
fn clause_at(t: &str, sentence: Span, at: usize) -> Option<Span> {
    let s = t.get(sentence.start..sentence.end)?;
    if at < sentence.start || at >= sentence.end || !t.is_char_boundary(at) {
        return None;
    }
    let local = at - sentence.start;
    let start = s[..local]
        .char_indices()
        .rev()
        .find(|&(_, c)| is_clause_end(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = s[local..]
        .char_indices()
        .find(|&(_, c)| is_clause_end(c))
        .map_or(s.len(), |(i, c)| local + i + c.len_utf8());
    Some(Span::new(sentence.start + start, sentence.start + end))
}

/// The characters after which `split_clauses` cuts.
fn is_clause_end(c: char) -> bool {
    matches!(c, '，' | '、' | '：' | ',' | ':') || super::paragraphs::is_sentence_end(c)
}

/// Whether `word` at the end of `label` is a marker, not the end of a word such
/// as 签约, 节约, 最近.
fn is_prefix_marker(label: &str, word: &str) -> bool {
    word.chars().count() > 1 || !WORDS_ENDING_IN_MARKER.iter().any(|w| label.ends_with(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    fn qs(text: &str) -> Vec<Quantity> {
        Document::parse("t.txt", text.to_owned()).quantities
    }

    fn one(text: &str) -> Quantity {
        let all = qs(text);
        assert_eq!(all.len(), 1, "{text}: {all:#?}");
        all.into_iter().next().expect("one")
    }

    #[test]
    fn arabic_numbers_with_units() {
        let q = one("上半年产前筛查1401人。");
        assert_eq!(
            (q.value, q.unit.as_str(), q.kind, q.label.as_str()),
            (1401.0, "人", Kind::Count, "产前筛查")
        );
        let q = one("筛查率95.83%。");
        assert_eq!(
            (q.value, q.precision, q.kind, q.label.as_str()),
            (95.83, 2, Kind::Percent, "筛查率")
        );
        assert!(q.admits(95.825) && q.admits(95.8349) && !q.admits(95.82) && q.admits(95.8399));
        let q = one("共有1,234家机构");
        assert_eq!((q.value, q.unit.as_str()), (1234.0, "家"));
        assert_eq!(one("报告31 245例").value, 31245.0);
        assert_eq!(one("零售总额１，７５３亿元").value, 1753e8);
        assert!(qs("1 9 9 8 年").is_empty());
        let q = one("完成１９９０例");
        assert_eq!(q.value, 1990.0);
        let q = one("达到９０％");
        assert_eq!((q.value, q.kind), (90.0, Kind::Percent));
        assert!(q.admits(89.5) && q.admits(90.99) && !q.admits(89.4));
    }

    #[test]
    fn multipliers_and_money() {
        let q = one("检测能力提升至3.44万管。");
        assert_eq!((q.value, q.unit.as_str(), q.step), (34400.0, "管", 100.0));
        let q = one("发放资金1.67亿元");
        assert_eq!(
            (q.value, q.kind, q.unit.as_str(), q.written.as_str()),
            (167_000_000.0, Kind::Money, "元", "1.67亿元")
        );
        let q = one("服务4.83万人");
        assert_eq!((q.value, q.unit.as_str()), (48300.0, "人"));
        assert!((one("投入3500万元").value - 35_000_000.0).abs() < 1e-6);
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(one("新建一百二十四个站点").value, 124.0);
        assert_eq!(one("新建护理院两所").value, 2.0);
        assert_eq!(one("选派十一名专家").value, 11.0);
        assert_eq!(one("培训三千五百人次").unit, "人次");
        assert_eq!(one("覆盖三千五百万人").value, 35_000_000.0);
        let q = one("财政收入十八亿三千万元");
        assert_eq!((q.value, q.step), (1_830_000_000.0, 10_000.0));
        assert_eq!(one("新建一百二十四个站点").step, 1.0);
        let q = one("覆盖率达到百分之九十。");
        assert_eq!(
            (q.value, q.kind, q.label.as_str()),
            (90.0, Kind::Percent, "覆盖率")
        );
        assert!((one("百分之九十五点八").value - 95.8).abs() < 1e-9);
    }

    #[test]
    fn rates_per_mille_points() {
        assert_eq!(one("死亡率3.5‰").kind, Kind::PerMille);
        assert_eq!(one("发病率12.3/万").kind, Kind::PerTenThousand);
        let q = one("每万人口全科医生3.5名");
        assert_eq!(q.kind, Kind::PerTenThousand);
        let q = one("接种率提高2.3个百分点");
        assert_eq!((q.kind, q.value), (Kind::Points, 2.3));
        assert_eq!(one("增长3倍").kind, Kind::Multiple);
    }

    #[test]
    fn approximations() {
        assert_eq!(one("约95%").approx, Approx::About);
        assert_eq!(one("为全市180余名百岁老人").approx, Approx::More);
        // The multiplier after 多/余 scales the number (1030多亿元).
        let q = one("每年安排支出1030多亿元");
        assert_eq!(
            (q.kind, q.value, q.approx),
            (Kind::Money, 1030e8, Approx::More)
        );
        let q = one("3000多人");
        assert_eq!(q.approx, Approx::More);
        assert!(q.admits(3500.0) && !q.admits(2000.0));
        assert_eq!(one("60岁以上").approx, Approx::AtLeast);
        assert_eq!(one("占百分之七十以上").approx, Approx::AtLeast);
        assert_eq!(one("1000人左右").approx, Approx::About);
        assert_eq!(one("超过500家").approx, Approx::AtLeast);
        assert_eq!(one("不足100人").approx, Approx::AtMost);
        assert_eq!(one("达95%").approx, Approx::Exact);
        assert_eq!(one("达约95%").approx, Approx::About);
        let q = one("家庭医生签约4800人");
        assert_eq!(
            (q.approx, q.label.as_str()),
            (Approx::Exact, "家庭医生签约")
        );
        assert_eq!(one("最近3年").approx, Approx::Exact);
        assert_eq!(one("共有医生3000人").label, "医生");
        // A note reference between the name and its number.
        let noted = qs("民间固定资产投资[18]321576亿元");
        assert_eq!(
            noted.last().map(|q| q.label.as_str()),
            Some("民间固定资产投资")
        );
        assert_eq!(one("全国森林覆盖率上升到21.6%").label, "全国森林覆盖率");
        assert_eq!(one("2022年民生工程任务数450张托位").label, "民生工程任务数");
        assert!(qs("这是一个问题，一部分人").is_empty());
        assert_eq!(one("使用外资160.6亿美元").unit, "美元");
        assert_eq!(
            one("年末全国人口(包括现役军人)141260万人").label,
            "年末全国人口"
        );
    }

    #[test]
    fn labels_strip_fillers() {
        assert_eq!(one("其中负压救护车7辆").label, "负压救护车");
        assert_eq!(one("累计开展接种483201人").label, "接种");
        assert_eq!(one("基层卫技人员占比达56.74%").label, "基层卫技人员占比");
        assert_eq!(one("完成率100.8%").label, "完成率");
        let all = qs("产妇数1462人,产前筛查1401人,筛查率95.83%");
        let labels: Vec<&str> = all.iter().map(|q| q.label.as_str()).collect();
        assert_eq!(labels, ["产妇数", "产前筛查", "筛查率"]);
        let all = qs("筛出高风险孕妇59人,占4.21%");
        assert_eq!(all[1].label, "占");
    }

    #[test]
    fn not_quantities() {
        for text in [
            "3-11岁儿童",
            "2018—2020年",
            "7月11日召开",
            "2022年工作",
            "一九五七年",
            "“十四五”规划",
            "编号“0923”",
            "电话0513-88888888",
            "13912345678",
            "第三名",
            "按1:1配备",
            "版本1.2.3",
            "“5·12”护士节",
            "统一规划，一是加强",
            "《2021年版诊疗方案》",
            "COVID-19",
        ] {
            assert!(qs(text).is_empty(), "{text}: {:#?}", qs(text));
        }
    }

    #[test]
    fn markers_are_not_quantities() {
        let all = qs("一、总体情况\n1.筛查1401人。\n2.复查47人。\n");
        let values: Vec<f64> = all.iter().map(|q| q.value).collect();
        assert_eq!(values, [1401.0, 47.0]);
    }

    #[test]
    fn spans_map_across_wrapped_lines() {
        let text = "新冠肺炎疫情发生以来，市卫健委\n坚决贯彻落实总书记关于疫情防\n控工作系列重要讲话指示精神，快速\n响应、精准施策、科学应对，疫情防\n控形势持续向好，全市共检测3.4\n4万管，阶段性胜利已经取得，各项\n工作有序推进。我市39名医务工\n作者在湖北医疗力量告急的关键时\n刻主动请缨、勇敢逆行，与湖北人民\n共战疫魔、共克时艰，圆满完成任务。\n";
        let doc = Document::parse("t.txt", text.to_owned());
        let q = doc
            .quantities
            .iter()
            .find(|q| q.unit == "管")
            .unwrap_or_else(|| panic!("{:#?}", doc.paragraphs));
        assert_eq!(q.value, 34400.0);
        assert_eq!(doc.slice(q.span), "3.4\n4万管");
    }

    #[test]
    fn odd_text_never_panics() {
        // Digits, numerals, units, markers and punctuation in random order, through
        // the extractor and every lint.
        let alphabet: Vec<char> =
            "0123456789０９.．,，、。；：:%％‰/万亿千百十一两二〇零点约近余多以上左右第由从到至提高增加个百分点人元张率占“”《》-—～ \n\u{3000}"
                .chars()
                .collect();
        let lints: Vec<Box<dyn crate::lints::Lint>> = crate::lints::registry()
            .into_iter()
            .filter_map(|r| (r.build)(None).ok())
            .collect();
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..3000 {
            let len = (seed % 40) as usize + 1;
            let text: String = (0..len)
                .map(|_| {
                    seed = seed
                        .wrapping_mul(6_364_136_223_846_793_005)
                        .wrapping_add(1_442_695_040_888_963_407);
                    alphabet[(seed >> 33) as usize % alphabet.len()]
                })
                .collect();
            let doc = Document::parse("t.txt", text);
            let mut out = Vec::new();
            for lint in &lints {
                lint.check(&doc, &mut out);
            }
            for q in &doc.quantities {
                assert!(
                    doc.text.get(q.span.start..q.span.end).is_some(),
                    "{:?}",
                    doc.text
                );
            }
        }
    }
}
