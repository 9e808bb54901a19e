use super::lexicon::{CharId, IntMap, IntSet, Lexicon};
use super::names;
use crate::diagnostic::Finding;
use crate::document::chars::CharTable;
use crate::document::markers::is_han;
use crate::document::{Document, Paragraph};
use crate::lints::{Configurable, Lint, LintMeta};
use crate::span::Span;
use serde::Deserialize;
use std::collections::HashSet;
use std::sync::OnceLock;

crate::declare_lint! {
    /// ## What it does
    /// Finds a Han character typed twice by accident: `市农农村局`, `我们们`,
    /// `。在在`, and in OCR'd text a doubled number before its unit (`7070周周年`).
    ///
    /// ## Why
    /// Chinese doubles characters on purpose all the time: reduplicated words
    /// (常常, 人人, 看看, 谢谢), AABB words (家家户户, 的的确确), a measure word after
    /// 一 (一道道, 一批批), and two words that meet on the same character (工作作风 =
    /// 工作 + 作风, 发展展览 = 发展 + 展览). A doubled character is reported only when
    /// none of these readings works: the lists in `lints/reduplication.toml`, a
    /// dictionary of common two-character words (`lints/words.toml`) and the
    /// spelling lexicon decide. The lexicon also knows a word that ends on the
    /// first copy before a verb or preposition (工作|作相应的调整, 实事求是|是
    /// 统一的) and a verb doubled before its object (洗洗澡、治治病), and a word
    /// of two or more characters on each side (产业链|链长制). What three or
    /// more issuers of published official text write with the same neighbours
    /// (`lints/typo-seen.toml`: 人均均量, 节节攀升) is a term, and a double in a
    /// short quotation or title (“亲亲常德”) is a slogan or name, unless the marks
    /// are doubled too (OCR) or the quotation holds the double alone. In a table
    /// cell a double is reported only if one copy, the other deleted, makes a
    /// word with a neighbour (a cell 道道全 is a brand). Names are left alone:
    /// an item of a list of named projects, firms or places (…、某某食品、…等项目,
    /// …和某某三个村, 某某、某某高速), a name that a company's, body's or road's
    /// ending closes a few characters on (某某物流有限公司, 某某工会, 某某音乐节), and a place
    /// name's last character meeting a word that starts with it (某某一桥|桥头)
    /// or standing alone after it (某港|港, the port of 某港);
    /// so are parallel doublings that say "every one" (届届有传承、期期有亮点).
    /// A double is left alone too when deleting one copy still leaves a lone
    /// character that is no word beside it (某水|水库 → 某|水库): the text holds
    /// a name or term the lexicon lacks, and the deletion would mend nothing.
    /// Not when the lone copy and its lone neighbour are a piece of a lexicon
    /// word (医者初初心 → 初|心 as in 不忘初心): that deletion mends.
    /// A doubled number (1111, 2020) is only reported in a line that is doubled
    /// elsewhere too, right before a unit.
    ///
    /// ## Options
    /// `allow = ["…"]` adds words or phrases in which a doubled character is right.
    ///
    /// ## Example
    /// ```bad
    /// 市农农村局牵头推进人居环境整治。
    /// ```
    /// ```good
    /// 市农村局牵头，家家户户常常讨论工作作风，一道道难题被破解。
    /// ```
    pub struct DoubledChar { allow: Vec<Vec<char>> }
    code = "RL301", name = "doubled-char", family = Typo, severity = Error,
    summary = "a character typed twice by accident (农农村), not a reduplicated word",
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Options {
    allow: Vec<String>,
}

impl Configurable for DoubledChar {
    type Options = Options;
    fn new(o: Options) -> Result<Self, String> {
        let allow: Vec<Vec<char>> = o.allow.iter().map(|s| s.chars().collect()).collect();
        if let Some(bad) = o.allow.iter().find(|s| s.chars().count() < 2) {
            return Err(format!(
                "allow: 「{bad}」 is too short; give a word with the doubled character"
            ));
        }
        Ok(DoubledChar { allow })
    }
}

#[derive(Deserialize)]
struct RawReduplication {
    aa: String,
    aabb: String,
    measure: String,
    free: String,
    phrases: String,
}

#[derive(Deserialize)]
struct RawWords {
    words2: String,
    words3: String,
    supplement: String,
}

/// The dictionaries, parsed once.
struct Data {
    /// Two-character words, as (first, second).
    words: IntSet<(char, char)>,
    words3: IntSet<(char, char, char)>,
    /// Three- and four-character words with a doubled character (欣欣向荣).
    phrases: HashSet<String>,
    /// How many three-character words start / end with a character: a
    /// productive morpheme (国, 化, 税) forms new words freely on that side.
    starts3: IntMap<char, u32>,
    ends3: IntMap<char, u32>,
    /// Characters whose doubling is a word (常常 → 常).
    aa: HashSet<char>,
    aabb: HashSet<[char; 4]>,
    measure: HashSet<char>,
    free: HashSet<char>,
}

fn data() -> &'static Data {
    static DATA: OnceLock<Data> = OnceLock::new();
    DATA.get_or_init(|| {
        let r: RawReduplication = toml::from_str(include_str!("../../../lints/reduplication.toml"))
            .unwrap_or_else(|e| panic!("reduplication.toml: {e}"));
        let w: RawWords = toml::from_str(include_str!("../../../lints/words.toml"))
            .unwrap_or_else(|e| panic!("words.toml: {e}"));
        let pairs = |s: &str| -> Vec<Vec<char>> {
            s.split_whitespace().map(|w| w.chars().collect()).collect()
        };
        // The word lists hold 90,000 words: read straight into the sets, with
        // no vector per word and no SipHash.
        let mut words: IntSet<(char, char)> = IntSet::default();
        let mut words3: IntSet<(char, char, char)> = IntSet::default();
        let mut starts3: IntMap<char, u32> = IntMap::default();
        let mut ends3: IntMap<char, u32> = IntMap::default();
        let mut add2 = |w: &str| {
            if let Some([a, b]) = chars_of::<2>(w) {
                words.insert((a, b));
            }
        };
        // A three-character list's entry of another length still counts for the
        // characters it starts and ends with.
        let mut add3 = |w: &str| {
            if let (Some(a), Some(z)) = (w.chars().next(), w.chars().next_back()) {
                *starts3.entry(a).or_default() += 1;
                *ends3.entry(z).or_default() += 1;
            }
            if let Some([a, b, c]) = chars_of::<3>(w) {
                words3.insert((a, b, c));
            }
        };
        w.words2.split_whitespace().for_each(&mut add2);
        w.words3.split_whitespace().for_each(&mut add3);
        for extra in w.supplement.split_whitespace() {
            match extra.chars().count() {
                2 => add2(extra),
                3 => add3(extra),
                _ => {}
            }
        }
        Data {
            starts3,
            ends3,
            words,
            words3,
            phrases: r.phrases.split_whitespace().map(str::to_owned).collect(),
            aa: pairs(&r.aa)
                .into_iter()
                .filter_map(|w| (w.len() == 2 && w[0] == w[1]).then_some(w[0]))
                .collect(),
            aabb: pairs(&r.aabb)
                .into_iter()
                .filter_map(|w| <[char; 4]>::try_from(w).ok())
                .collect(),
            measure: r.measure.chars().filter(|c| !c.is_whitespace()).collect(),
            free: r.free.chars().filter(|c| !c.is_whitespace()).collect(),
        }
    })
}

/// The characters of `w` when it has exactly `N`.
fn chars_of<const N: usize>(w: &str) -> Option<[char; N]> {
    let mut out = ['\0'; N];
    let mut it = w.chars();
    for slot in out.iter_mut() {
        *slot = it.next()?;
    }
    it.next().is_none().then_some(out)
}

/// Whether `c` is a measure word (个, 道, 批) of the reduplication lists.
pub fn is_measure(c: char) -> bool {
    data().measure.contains(&c)
}

/// Whether `a` `b` is a common two-character word.
pub fn is_word(a: char, b: char) -> bool {
    data().words.contains(&(a, b))
}

impl Lint for DoubledChar {
    fn meta(&self) -> &'static LintMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let d = data();
        for (pi, p) in doc.paragraphs.iter().enumerate() {
            let chars = doc.char_table(pi);
            if chars.is_empty() {
                continue;
            }
            let before = out.len();
            let at = |k: usize| chars.at(k);
            for k in 0..chars.len().saturating_sub(1) {
                // Most characters are not doubled: compare units before decoding.
                if !chars.same(k, k + 1) {
                    continue;
                }
                let x = at(k);
                if !is_han(x) || is_cn_digit(x) || at(k + 2) == x || (k > 0 && at(k - 1) == x) {
                    continue;
                }
                let prev = if k > 0 { at(k - 1) } else { '\0' };
                // In a table cell a double that joins no word is a name.
                let name_in_table =
                    doc.in_table(p.doc_offset(chars.byte(k))) && !joins_a_word(prev, x, at(k + 2));
                if !name_in_table
                    && !coined_in_quote(&p.text, chars, k)
                    && !self.is_legit(d, &p.text, chars, k, prev, x, at(k + 2))
                {
                    out.push(han_finding(p, chars, k));
                }
            }
            // Doubled numbers only where the paragraph is doubled elsewhere too.
            let doubled_here = out.len() > before;
            let numbers = doubled_numbers(p, chars);
            if !numbers.is_empty()
                && (doubled_here || !super::repeated_phrase::tandem_repeats(chars, 4).is_empty())
            {
                out.extend(numbers);
            }
        }
    }
}

impl DoubledChar {
    /// `x` doubled at char index `k`, between `prev` and `next`.
    #[allow(clippy::too_many_arguments)]
    fn is_legit(
        &self,
        d: &Data,
        text: &str,
        chars: &CharTable,
        k: usize,
        prev: char,
        x: char,
        next: char,
    ) -> bool {
        // 县县有 (every county) is distributive; 县县长 is a slip for 县长.
        let title = next == '长' && matches!(x, '县' | '市' | '省' | '乡' | '镇' | '村' | '区');
        if d.aa.contains(&x) && !title {
            return true;
        }
        let at = |i: usize| chars.at(i);
        // AABB: 的的确确, 高高兴兴 (高兴 is a word).
        let next2 = at(k + 3);
        if next == next2 && (d.aabb.contains(&[x, x, next, next]) || is_word(x, next)) {
            return true;
        }
        if k >= 2 && prev == at(k - 2) && (d.aabb.contains(&[prev, prev, x, x]) || is_word(prev, x))
        {
            return true;
        }
        // A measure word after a numeral: 一个个, 一道道.
        if matches!(prev, '一' | '两' | '几') && d.measure.contains(&x) {
            return true;
        }
        // Inside a longer word or idiom: 欣欣向荣, 沉甸甸, 超超临界.
        if in_phrase(d, text, chars, k) {
            return true;
        }
        // Two words meeting on the doubled character: 工作 + 作风, 共和国 + 国务院.
        let prev2 = if k >= 2 { at(k - 2) } else { '\0' };
        let left = is_word(prev, x) || d.words3.contains(&(prev2, prev, x));
        let right = is_word(x, next) || d.words3.contains(&(x, next, next2));
        let free = d.free.contains(&x);
        // Any two of: a word ends with it, a word starts with it, it stands alone.
        if [left, right, free].iter().filter(|&&b| b).count() >= 2 {
            return true;
        }
        // One side is a word and the character forms words freely on the other:
        // 焦化 + 化产, 居住国 + 国籍, 娱乐税 + 税率.
        let productive = |m: &IntMap<char, u32>, min: u32| m.get(&x).is_some_and(|&n| n >= min);
        if (left && productive(&d.starts3, PREFIX_MIN))
            || (right && productive(&d.ends3, SUFFIX_MIN))
        {
            return true;
        }
        self.allow.iter().any(|w| allowed_here(w, chars, k))
            || super::seen::seen().doubled.contains(&[prev, x, x, next])
            || reads_doubled(chars, k)
            || two_lexicon_words_meet(chars, k)
            || deletion_leaves_a_stray(d, chars, k)
            || named_or_parallel(text, chars, k, prev, x)
    }
}

/// Whether the double at `k` belongs to a name or a parallel construction
/// (see [`names`]): an item of a list of named projects or firms (某某食品、…等
/// 项目), a name that a company's or a road's ending closes (某某工会), a place
/// name's last character meeting a word that starts with it (某某街|街区), or one
/// of parallel doublings that say "every one" (月月有…、季季有…).
fn named_or_parallel(text: &str, chars: &CharTable, k: usize, prev: char, x: char) -> bool {
    let (start, end) = (chars.byte(k), chars.byte(k + 2));
    let after: Vec<char> = (k + 2..k + 5).map(|i| chars.at(i)).collect();
    let tail: Vec<char> = (k.saturating_sub(3)..=k).map(|i| chars.at(i)).collect();
    names::in_named_list(text, start, end)
        || names::place_then_its_feature(&tail)
        || names::name_end_follows(text, end)
        || names::place_end_meets_word(prev, x, &after)
        || names::parallel_doubling(|i| chars.at(i), chars.len(), k)
}

/// Whether one copy, the other deleted, makes a word with a neighbour
/// (市农|村局 → 农村). In a table cell a double that joins nothing is a name
/// (道道全, a brand).
fn joins_a_word(prev: char, x: char, next: char) -> bool {
    let lex = Lexicon::get();
    let word = |a: char, b: char| lex.word(&[lex.id(a), lex.id(b)]).is_some();
    word(prev, x) || word(x, next)
}

/// Whether the spelling lexicon knows a word of two or more characters that
/// ends on the first copy and another that starts on the second (租赁房|房租,
/// 产业链|链长制, 群众|众志成城): both copies belong to words, so keeping both
/// reads as two words meeting. A slip leaves one copy a fragment (市农|农村局:
/// no word ends on the first 农; 我们|们要: none starts on the second 们).
fn two_lexicon_words_meet(chars: &CharTable, k: usize) -> bool {
    let lex = Lexicon::get();
    let id = |i: usize| lex.id(chars.at(i));
    let is_word = |from: usize, len: usize| {
        let ids: Vec<CharId> = (from..from + len).map(id).collect();
        (from..from + len).all(|i| is_han(chars.at(i)))
            && lex.word(&ids).is_some_and(|w| !w.is_name())
    };
    let ends_on_first = (2..=4usize).any(|len| k + 1 >= len && is_word(k + 1 - len, len));
    ends_on_first && (2..=4usize).any(|len| k + 1 + len <= chars.len() && is_word(k + 1, len))
}

/// Whether deleting one copy still leaves a lone character that is not a
/// word of its own beside the remaining copy (白酒|酒庄集群 → 白酒|庄|集群,
/// 以及南水|水库 → 南|水库): the deletion mends nothing, so the text holds a
/// word the lexicon lacks (a name, a term) and the double is two words
/// meeting. A slip's deletion leaves words (市农农村局 → 市|农村|局, 我们们要 →
/// 我们|要). Both readings are segmented with the spelling lexicon.
fn deletion_leaves_a_stray(d: &Data, chars: &CharTable, k: usize) -> bool {
    let lex = Lexicon::get();
    let han = |i: usize| is_han(chars.at(i));
    let mut lo = k;
    while lo > 0 && k - lo < STRAY_REACH && han(lo - 1) {
        lo -= 1;
    }
    let mut hi = k + 2;
    while hi < chars.len() && hi - (k + 2) < STRAY_REACH && han(hi) {
        hi += 1;
    }
    // Index in the deleted reading → char index (the second copy is skipped).
    let char_at = |i: usize| if lo + i <= k { lo + i } else { lo + i + 1 };
    let ids: Vec<CharId> = (lo..=k)
        .chain(k + 2..hi)
        .map(|i| lex.id(chars.at(i)))
        .collect();
    // A lone copy with nothing beside it (“疫疫”) is a slip, not a meeting.
    if ids.len() < 3 {
        return false;
    }
    let mut ends = Vec::new();
    lex.segment(&ids, &mut ends);
    // Words as (start, length).
    let words: Vec<(usize, usize)> = super::lexicon::words_of(&ends)
        .into_iter()
        .map(|(s, e)| (s, e - s))
        .collect();
    let copy = k - lo;
    let Some(w) = words.iter().position(|&(s, l)| s <= copy && copy < s + l) else {
        return false;
    };
    // A window cut short may cut a word to one character at its edge.
    let cut_left = lo > 0 && han(lo - 1);
    let cut_right = hi < chars.len() && han(hi);
    let stray = |(s, l): (usize, usize)| {
        let c = chars.at(char_at(s));
        let at_a_cut = (s == 0 && cut_left) || (s + 1 == ids.len() && cut_right);
        let free = d.free.contains(&c) || lex.word(&[lex.id(c)]).is_some_and(|w| w.is_free());
        l == 1 && !at_a_cut && !free
    };
    // A lone neighbour counts only right beside the copy and where words of
    // the lexicon join the two (南|水 as in 南水北调): the copy then belongs
    // to the unknown name. A suffix left over from another unknown word
    // (医者|初心 → 者) does not join the copy.
    let (cs, cl) = words[w];
    let before =
        w > 0 && cs == copy && stray(words[w - 1]) && lex.internal(ids[copy - 1], ids[copy]);
    let after = w + 1 < words.len()
        && cs + cl == copy + 1
        && stray(words[w + 1])
        && lex.internal(ids[copy], ids[copy + 1]);
    // A lone copy beside a lone neighbour it joins inside a lexicon word
    // (医者|初|心, as in 不忘初心) is mended by the deletion: the two are a
    // piece of a word, not a stranded name.
    let joins_lone = |v: usize, a: usize, b: usize| words[v].1 == 1 && lex.internal(ids[a], ids[b]);
    let copy_mended = cl == 1
        && ((w > 0 && joins_lone(w - 1, copy - 1, copy))
            || (w + 1 < words.len() && joins_lone(w + 1, copy, copy + 1)));
    !copy_mended && (stray(words[w]) || before || after)
}

/// How many characters on each side of a double are segmented.
const STRAY_REACH: usize = 8;

/// Whether the double lies in a short quotation or title (“亲亲常德”,
/// 《步步高》): a slogan or a name, coined on purpose. Not when the marks are
/// doubled too (““疫疫””: a line doubled by OCR), nor when the quotation is
/// the double alone.
fn coined_in_quote(text: &str, chars: &CharTable, k: usize) -> bool {
    let (start, end) = (chars.byte(k), chars.byte(k + 2));
    let mark = |c: char| matches!(c, '“' | '”' | '《' | '》' | '「' | '」' | '‘' | '’');
    let doubled_marks = text[..start]
        .chars()
        .rev()
        .take(SHORT_QUOTE_REACH)
        .zip(text[..start].chars().rev().skip(1))
        .any(|(a, b)| a == b && mark(a));
    // A quotation of the doubled character alone (“疫疫”线) is that character
    // typed twice.
    let whole_quote = k > 0 && mark(chars.at(k - 1)) && mark(chars.at(k + 2));
    !doubled_marks && !whole_quote && super::homophone::in_short_quote(text, start, end)
}

/// How far back doubled quotation marks are looked for.
const SHORT_QUOTE_REACH: usize = 12;

/// Whether the lexicon reads the doubled character as two words' worth:
/// a word ends with the first copy and the second is a common verb,
/// preposition or conjunction that starts the next phrase (工作|作相应的调整,
/// 实事求是|是统一的; not 建设设，), or a verb is doubled before its object in
/// a run of such doublings (洗洗澡、治治病: 治病 is a word, 洗洗 is near).
fn reads_doubled(chars: &CharTable, k: usize) -> bool {
    let lex = Lexicon::get();
    let id = |i: usize| lex.id(chars.at(i));
    let x = id(k);
    let Some(single) = lex.word(&[x]) else {
        return false;
    };
    if !single.is_free() {
        return false;
    }
    let phrase_goes_on = is_han(chars.at(k + 2)) && single.log_freq >= FREE_WORD_LOG_FREQ;
    let ends_word = (2..=4usize).any(|len| {
        k + 1 >= len && {
            let ids: Vec<CharId> = (k + 1 - len..=k).map(id).collect();
            lex.word(&ids).is_some_and(|w| !w.is_name())
        }
    });
    let verb_object = lex.word(&[x, id(k + 2)]).is_some_and(|w| !w.is_name());
    let doubling_near = (k.saturating_sub(6)..k + 8)
        .filter(|&i| i + 1 < k || i > k + 1)
        .any(|i| is_han(chars.at(i)) && chars.at(i) == chars.at(i + 1));
    (ends_word && phrase_goes_on) || (verb_object && doubling_near)
}

/// round(8 ln 10000): a one-character word this common stands alone.
const FREE_WORD_LOG_FREQ: u8 = 74;

/// Three-character words a character must start (end) to count as productive.
/// 农 ends only a few (菜农 is two characters), so 市农农村局 stays an error.
const PREFIX_MIN: u32 = 50;
const SUFFIX_MIN: u32 = 60;

/// Whether a listed 3–4 character word covers the doubled pair at `k`.
fn in_phrase(d: &Data, text: &str, chars: &CharTable, k: usize) -> bool {
    let byte = |i: usize| chars.byte(i);
    for len in 3..=4usize {
        for start in (k + 2).saturating_sub(len)..=k {
            if start + len > chars.len() {
                continue;
            }
            if let Some(w) = text.get(byte(start)..byte(start + len)) {
                if d.phrases.contains(w) {
                    return true;
                }
            }
        }
    }
    false
}

/// Whether the configured phrase `w` covers the doubled pair at `k`.
fn allowed_here(w: &[char], chars: &CharTable, k: usize) -> bool {
    (0..w.len().saturating_sub(1)).any(|off| {
        w[off] == w[off + 1]
            && k >= off
            && w.iter()
                .enumerate()
                .all(|(i, &c)| k - off + i < chars.len() && chars.at(k - off + i) == c)
    })
}

/// Up to `n` characters of context on each side, with one copy of the double removed.
fn corrected_context(p: &Paragraph, chars: &CharTable, k: usize, len: usize) -> String {
    let from = k.saturating_sub(2);
    let to = (k + 2 * len + 2).min(chars.len());
    let byte = |i: usize| chars.byte(i);
    let mut s = String::new();
    s.push_str(&p.text[byte(from)..byte(k + len)]);
    s.push_str(&p.text[byte(k + 2 * len)..byte(to)]);
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn han_finding(p: &Paragraph, chars: &CharTable, k: usize) -> Finding {
    let (b, x) = (chars.byte(k), chars.at(k));
    let w = x.len_utf8();
    let both = p.doc_span(Span::new(b, b + 2 * w));
    Finding::new(&META, both, format!("疑似重复字「{x}{x}」"))
        .primary("重复")
        .help(format!(
            "删去一个「{x}」：{}",
            corrected_context(p, chars, k, 1)
        ))
        .fix(p.doc_span(Span::new(b + w, b + 2 * w)), "")
}

/// 十五五, 三三制: doubled numerals are numbers, not typos.
fn is_cn_digit(c: char) -> bool {
    "零一二三四五六七八九十百千万亿两〇".contains(c)
}

/// Units after which OCR doubles a number: "7070周年" for "70周年".
fn is_unit(c: char) -> bool {
    matches!(
        c,
        '周' | '年'
            | '万'
            | '亿'
            | '个'
            | '名'
            | '家'
            | '人'
            | '%'
            | '％'
            | '岁'
            | '天'
            | '元'
            | '项'
            | '次'
            | '届'
            | '所'
            | '倍'
            | '户'
    )
}

/// Doubled numbers before a unit; reported only in a doubled paragraph.
fn doubled_numbers(p: &Paragraph, chars: &CharTable) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        if !chars.at(k).is_ascii_digit() {
            k += 1;
            continue;
        }
        let start = k;
        while k < chars.len() && chars.at(k).is_ascii_digit() {
            k += 1;
        }
        let n = k - start;
        let half = n / 2;
        let unit = chars.at(k);
        let before = if start > 0 { chars.at(start - 1) } else { '\0' };
        if n % 2 != 0 || half < 2 || !is_unit(unit) || before == '.' || before.is_ascii_digit() {
            continue;
        }
        let year = unit == '年' && n == 4 && matches!(chars.at(start), '1' | '2');
        if year || (0..half).any(|i| chars.at(start + i) != chars.at(start + half + i)) {
            continue;
        }
        let digits: String = (start..start + half).map(|i| chars.at(i)).collect();
        let b = chars.byte(start);
        let mid = chars.byte(start + half);
        let end = chars.byte(k);
        out.push(
            Finding::new(
                &META,
                p.doc_span(Span::new(b, end)),
                format!("疑似重复的数字「{digits}{digits}」"),
            )
            .primary("数字重复")
            .help(format!(
                "本段另有重复的文字，应为「{digits}」：{}",
                corrected_context(p, chars, start, half)
            ))
            .fix(p.doc_span(Span::new(mid, end)), ""),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lints::testing::{pass_fail, run};

    fn lint() -> DoubledChar {
        DoubledChar {
            allow: vec!["县县长".chars().collect()],
        }
    }

    #[test]
    fn cases() {
        pass_fail(
            &lint(),
            &[
                "常常、天天、层层、一一、人人、个个、看看、年年、步步。",
                "家家户户、高高兴兴、点点滴滴、方方面面、实实在在、轰轰烈烈、的的确确。",
                "一道道、一份份、一步步、一个个、一批批。",
                "谢谢，往往、渐渐、仅仅、刚刚、纷纷、匆匆、默默、稍稍、久久、悄悄、微微。",
                "改进工作作风，举办发展展览，达到目的的手段。",
                "各县县长参加会议。",
                "可以对他们的工作作相应的调整，实事求是是马克思主义的精髓。",
                "坚持照镜子、正衣冠、洗洗澡、治治病的要求。",
                "2020年全市生产总值1111亿元。",
                "全面推行产业链链长制，强化群防群治治理。",
                "经济总量、人均均量、运行质量稳步提升。",
                "打响“亲亲常德”旅游品牌。",
                // Names and parallel doublings (made-up names).
                "新签约云帆光电、丰丰食品、蓝海新材等项目42个。",
                "成立茂茂物流有限公司，组建全省纺纺工会。",
                "沿江一桥桥头绿化提升。",
                "确保届届有传承、期期有亮点，做到旬旬有调度、季季有总结。",
                // A name the lexicon lacks before a word: deleting a copy
                // strands 南, which lexicon words join to 水 (南水北调).
                "推进南水水库除险加固。",
                "湛江港港吞吐量增长。",
            ],
            &[
                "市农农村局",
                "我们们要",
                "研究究",
                "。在在全市推进",
                "给他以生活的机会和和效力的机会",
                "成立7070周周年歌咏大会年歌咏大会",
                "坚守““疫疫””线的",
                "坚守“疫疫”线的医务工作者",
                "广大医务人员不忘医者初初心。",
            ],
        );
    }

    #[test]
    fn message_help_and_fix() {
        let text = "市农农村局牵头";
        let found = run(&lint(), text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].message, "疑似重复字「农农」");
        assert_eq!(found[0].help.as_deref(), Some("删去一个「农」：市农村局"));
        let fix = found[0].fix.clone().expect("fix");
        assert_eq!(&text[fix.span.start..fix.span.end], "农");
    }

    #[test]
    fn allow_comes_from_the_config_table() {
        let options: Options = toml::from_str("allow = [\"研究究\"]").expect("options");
        let configured = DoubledChar::new(options).expect("lint");
        assert!(run(&configured, "开展课题研究究。").is_empty());
        assert_eq!(run(&lint(), "开展课题研究究。").len(), 1);
        assert!(DoubledChar::new(Options {
            allow: vec!["龙".into()]
        })
        .is_err());
    }

    #[test]
    fn doubled_number_needs_an_ocr_context() {
        assert!(run(&lint(), "成立7070周年").is_empty());
        let found = run(&lint(), "庆祝新中国成立庆祝新中国成立7070周年");
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0]
            .help
            .as_deref()
            .is_some_and(|h| h.contains("「70」")));
    }
}
