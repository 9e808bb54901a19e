use super::lexicon::{crosses, pack, CharId, Han, IntMap, IntSet, Lexicon};
use super::names;
use super::pair_gate::{PairGate, GATE_CHARS};
use crate::diagnostic::Finding;
use crate::document::markers::is_han;
use crate::document::{Document, Paragraph};
use crate::lints::{Configurable, Lint, LintMeta};
use crate::span::Span;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

crate::declare_lint! {
    /// ## What it does
    /// Reads the text as it was typed with a pinyin input method and finds a
    /// word picked with the wrong character: `坚督` for 监督, `部暑` for 部署,
    /// `统愁` for 统筹, `北洋军伐` for 北洋军阀. A window of two to four characters
    /// is reported when it is not a word, one character of it has exactly the
    /// reading (tone included) of the character a common word has in its place,
    /// and putting that word in makes the sentence read clearly better: the
    /// most probable segmentation into dictionary words (`lints/typo-lexicon.bin`,
    /// 342k words with frequencies) gains at least e⁹ in probability, and no word
    /// of the text as written runs across the window's edge.
    ///
    /// It stays quiet on what writers coin on purpose: a window written more than
    /// once in the document (a term the writer uses consistently), text in short
    /// quotation marks or title marks (slogans, brand names: “水韵江苏”),
    /// parallel wording where a character of the window recurs next to it
    /// (涉法涉诉, 蓄肥造肥), abbreviations that start with a province's short name
    /// (陕电, 台企) or end in 方, 委, 办, place and organisation names (a window
    /// before 省市县区镇乡村 or 河江湖, 公司, 集团, 大学 …), person names (a surname
    /// next to a title such as 同志, 书记, 局长, or items of a list of names),
    /// company names, roads and lines of transport (a window a few characters
    /// before 公司, 集团, 大道, 铁路, 城际 …), an item of a list of named projects
    /// or firms (…、某某新材等项目), a village name of lone characters up to its
    /// suffix (transliterations), a run of one-character abbreviations
    /// (农文医体商融合), the first character of a place the document names again
    /// and again (留溧率 in a report of 溧阳市),
    /// parallel four-character items that start alike (以学铸魂、以学增智), a
    /// window that starts or ends with the particle 的 or 得 (集散的), a measure
    /// word after a number (118对友城) and a brand before a model code (M9).
    /// A slip the confusable list knows is left to that lint, and a window that
    /// three or more issuers of published official text write
    /// (`lints/typo-seen.toml`: 终期, 禁入) is a term the lexicon lacks.
    ///
    /// ## Why
    /// Most spelling errors in Chinese reports are homophones picked from the
    /// input method's candidate list; they pass every word-list check because
    /// each character is a real one.
    ///
    /// ## Options
    /// `allow = ["智造"]` lists words that are right as written; `names = ["王薇"]`
    /// lists person names.
    ///
    /// ## Example
    /// ```bad
    /// 要加强坚督检查，认真部暑下一阶段工作。
    /// ```
    /// ```good
    /// 要加强监督检查，认真部署下一阶段工作，推进“水韵江苏”建设。
    /// ```
    pub struct Homophone { allow: IntSet<u64>, names: Vec<String> }
    code = "RL308", name = "homophone", family = Typo, severity = Warning,
    summary = "a word typed with a same-reading wrong character (坚督 → 监督)",
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Options {
    allow: Vec<String>,
    names: Vec<String>,
}

impl Configurable for Homophone {
    type Options = Options;
    fn new(o: Options) -> Result<Self, String> {
        if let Some(bad) = o.allow.iter().find(|w| w.chars().count() < 2) {
            return Err(format!("allow: 「{bad}」 is too short; give a word"));
        }
        let lex_key = |w: &String| {
            let ids: Vec<CharId> = w.chars().map(|c| Lexicon::get().id(c)).collect();
            (ids.len() <= 4 && !ids.contains(&0)).then(|| pack(&ids))
        };
        Ok(Homophone {
            allow: o.allow.iter().filter_map(lex_key).collect(),
            names: o.names,
        })
    }
}

/// The windows independent issuers of official text all write
/// ([`super::seen`]), as packed ids.
fn seen_windows(lex: &Lexicon) -> &'static IntSet<u64> {
    static PACKED: OnceLock<IntSet<u64>> = OnceLock::new();
    PACKED.get_or_init(|| {
        let seen = &super::seen::seen().windows;
        seen.iter()
            .map(|w| w.chars().map(|c| lex.id(c)).collect::<Vec<CharId>>())
            .filter(|ids| ids.len() <= 4 && !ids.contains(&0))
            .map(|ids| pack(&ids))
            .collect()
    })
}

/// A replacement must raise the segmentation's log-probability by this much.
const MIN_GAIN: f32 = 9.0;
/// Characters of context on each side of a window when segmenting.
const CONTEXT: usize = 4;
/// Windows whose readings multiply to more combinations are not looked up.
const MAX_COMBINATIONS: usize = 16;
/// A quotation or title this short is a name or slogan.
const SHORT_QUOTE: usize = 12;

/// The words the lint may suggest, by reading, and which character pairs may
/// be a one-character slip of one of them.
struct Index {
    /// (packed reading, packed word), sorted: the words of one reading are a
    /// run, in the order of their keys.
    by_reading: Vec<(u64, u64)>,
    /// The run of each reading in `by_reading`: one probe, not a binary search
    /// through megabytes.
    reading_runs: IntMap<u64, (u32, u32)>,
    /// Bit (kept character, side, syllable of its neighbour in the word): a
    /// pair (a, b) may be a slip when `a` is kept and `b` reads like the
    /// character after `a` in some suggested word, or the other way round.
    trigger: Vec<u64>,
    /// Bit (length, changed position, the other characters) of each suggested
    /// word: a window differs from its suggestion in exactly one character, so
    /// a window none of whose masks is set has none, without a table look-up.
    masked: Vec<u64>,
    /// [`Index::opens`] answered ahead for the pairs of frequent characters.
    opens: PairGate,
}

/// 2^20 bits (128 kB, held in the core's cache): each mask sets two bits of
/// one 64-bit word, so a test is one memory access, and about one window in
/// fifty without a suggestion gets past it.
const MASKED_WORDS: usize = 1 << 14;

/// The word of `masked` for the `len` ids (two to four characters) packed in
/// `packed`, with position `q` left out, and the two bits that mark it there.
fn masked_bits(packed: u64, len: usize, q: usize) -> (usize, u64) {
    let m = packed & !(0xFFFF << (16 * q));
    let key = m ^ ((len * 4 + q) as u64 + 1).wrapping_mul(0xA24B_AED4_963E_E407);
    let h = key.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let word = (h >> 50) as usize % MASKED_WORDS;
    (word, (1 << ((h >> 32) & 63)) | (1 << ((h >> 38) & 63)))
}

const RIGHT: u32 = 1 << 11;

/// Characters beyond this frequency rank never start a trigger (their pairs are
/// looked at through the other character).
const TRIGGER_CHARS: u32 = 8192;

fn trigger_key(kept: CharId, neighbour_side_right: bool, syllable: u16) -> Option<usize> {
    let kept = u32::from(kept);
    (kept < TRIGGER_CHARS && syllable < 2048).then(|| {
        ((kept << 12) | if neighbour_side_right { RIGHT } else { 0 } | u32::from(syllable)) as usize
    })
}

impl Index {
    /// The suggested words read as `reading` (packed syllable ids + 1).
    fn read_as(&self, reading: u64) -> impl Iterator<Item = u64> + '_ {
        let (from, to) = self.reading_runs.get(&reading).copied().unwrap_or((0, 0));
        self.by_reading
            .get(from as usize..to as usize)
            .unwrap_or(&[])
            .iter()
            .map(|&(_, w)| w)
    }

    fn triggers(&self, kept: CharId, right: bool, syllable: u16) -> bool {
        trigger_key(kept, right, syllable).is_some_and(|k| {
            self.trigger
                .get(k / 64)
                .is_some_and(|w| w & (1 << (k % 64)) != 0)
        })
    }

    /// Whether the neighbours `a` `b` may be part of a slip, so that the
    /// windows holding them are worth checking: they are not neighbours
    /// inside some word, and one of them is kept in a suggested word whose
    /// next (or previous) character reads like the other.
    fn opens(&self, lex: &Lexicon, a: CharId, b: CharId) -> bool {
        if PairGate::covers(a, b) {
            return self.opens.get(a, b);
        }
        self.opens_directly(lex, a, b)
    }

    fn opens_directly(&self, lex: &Lexicon, a: CharId, b: CharId) -> bool {
        if a == 0 || b == 0 || lex.internal(a, b) {
            return false;
        }
        lex.readings(b).iter().any(|&s| self.triggers(a, true, s))
            || lex.readings(a).iter().any(|&s| self.triggers(b, false, s))
    }

    /// [`Index::opens`] for every pair the gate covers, from the trigger
    /// bits (each set bit names a kept character and a syllable: every
    /// frequent character of that reading makes an opening pair with it).
    fn fill_opens(&mut self, lex: &Lexicon) {
        let mut of_syllable: Vec<Vec<CharId>> = vec![Vec::new(); 1 << 11];
        for other in 1..GATE_CHARS as CharId {
            for &s in lex.readings(other) {
                if let Some(list) = of_syllable.get_mut(usize::from(s)) {
                    list.push(other);
                }
            }
        }
        let mut gate = PairGate::new();
        for kept in 1..GATE_CHARS as CharId {
            for right in [false, true] {
                // The trigger bits of (kept, side) are one row of 2048 syllables.
                let Some(row) = trigger_key(kept, right, 0) else {
                    continue;
                };
                let words = self.trigger.get(row / 64..row / 64 + 32).unwrap_or(&[]);
                for (w, &word) in words.iter().enumerate() {
                    let mut rest = word;
                    while rest != 0 {
                        let s = w * 64 + rest.trailing_zeros() as usize;
                        rest &= rest - 1;
                        for &other in &of_syllable[s] {
                            if right {
                                gate.set(kept, other);
                            } else {
                                gate.set(other, kept);
                            }
                        }
                    }
                }
            }
        }
        gate.retain(|a, b| !lex.internal(a, b));
        self.opens = gate;
    }

    /// Whether some suggested word may differ from `ids` in one character.
    fn may_suggest(&self, ids: &[CharId]) -> bool {
        let packed = pack(ids);
        (0..ids.len()).any(|q| {
            let (word, bits) = masked_bits(packed, ids.len(), q);
            self.masked[word] & bits == bits
        })
    }
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let lex = Lexicon::get();
        let mut by_reading: Vec<(u64, u64)> = Vec::new();
        let mut trigger = vec![0u64; (TRIGGER_CHARS as usize) << 12 >> 6];
        let mut masked = vec![0u64; MASKED_WORDS];
        let mut set = |k: Option<usize>| {
            if let Some(k) = k {
                trigger[k / 64] |= 1 << (k % 64);
            }
        };
        for (ids, len, w) in lex.flagged() {
            if !w.is_target() || w.is_idiom() {
                continue;
            }
            let reading = lex.word_reading(w, len);
            if reading.len() != len {
                continue;
            }
            let key: Vec<u16> = reading.iter().map(|&s| s + 1).collect();
            by_reading.push((pack(&key), pack(&ids[..len])));
            for q in 0..len {
                let (word, bits) = masked_bits(pack(&ids[..len]), len, q);
                masked[word] |= bits;
                if q > 0 {
                    set(trigger_key(ids[q - 1], true, reading[q]));
                }
                if q + 1 < len {
                    set(trigger_key(ids[q + 1], false, reading[q]));
                }
            }
        }
        // Candidates in a fixed order, whatever the order of the lexicon.
        by_reading.sort_unstable();
        by_reading.dedup();
        let mut reading_runs: IntMap<u64, (u32, u32)> = IntMap::default();
        for (at, &(reading, _)) in by_reading.iter().enumerate() {
            let at = at as u32;
            reading_runs.entry(reading).or_insert((at, at)).1 = at + 1;
        }
        let mut index = Index {
            by_reading,
            reading_runs,
            trigger,
            masked,
            opens: PairGate::new(),
        };
        index.fill_opens(lex);
        index
    })
}

/// One Han character of a run: its lexicon id, the character and its byte offset.
type Cell = Han;

/// Buffers reused from window to window.
#[derive(Default)]
struct Scratch {
    ends: Vec<u8>,
    candidates: Vec<([CharId; 4], usize)>,
    /// Prefix scores of the window's context as written, and with a candidate.
    base: Vec<f32>,
    best: Vec<f32>,
}

/// A suspected slip, before the document-level filters.
struct Suspect {
    start: usize,
    end: usize,
    written: String,
    meant: String,
    gain: f32,
}

impl Lint for Homophone {
    fn meta(&self) -> &'static LintMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let lex = Lexicon::get();
        let index = index();
        let mut run: Vec<Cell> = Vec::new();
        let mut scratch = Scratch::default();
        for p in &doc.paragraphs {
            let text = p.text.as_str();
            let mut found: BTreeMap<usize, Suspect> = BTreeMap::new();
            lex.han_runs(text, &mut run, |run| {
                self.scan_run(lex, index, text, run, &mut scratch, &mut found);
            });
            for s in found.into_values() {
                // A window written more than once is a term the writer means.
                if count_at_most_2(&doc.text, &s.written) < 2
                    && !super::confusable::lists(&s.written)
                    && !names::short_for_place(&doc.text, &s.written, &s.meant)
                {
                    out.push(finding(p, &s));
                }
            }
        }
    }
}

fn count_at_most_2(hay: &str, needle: &str) -> usize {
    memchr::memmem::find_iter(hay.as_bytes(), needle.as_bytes())
        .take(2)
        .count()
}

impl Homophone {
    fn scan_run(
        &self,
        lex: &Lexicon,
        index: &Index,
        text: &str,
        run: &[Cell],
        scratch: &mut Scratch,
        found: &mut BTreeMap<usize, Suspect>,
    ) {
        let n = run.len();
        // The last pair that let its windows be checked: a window holding it
        // was checked then (pairs come in order, so that is the only test).
        let mut last_pair: Option<usize> = None;
        for k in 0..n.saturating_sub(1) {
            if !index.opens(lex, run[k].id, run[k + 1].id) {
                continue;
            }
            for len in 2..=4usize {
                for i in (k + 2).saturating_sub(len)..=k {
                    if i + len > n || last_pair.is_some_and(|p| p >= i) {
                        continue;
                    }
                    self.check_window(lex, index, text, run, i, len, scratch, found);
                }
            }
            last_pair = Some(k);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn check_window(
        &self,
        lex: &Lexicon,
        index: &Index,
        text: &str,
        run: &[Cell],
        i: usize,
        len: usize,
        scratch: &mut Scratch,
        found: &mut BTreeMap<usize, Suspect>,
    ) {
        let mut window = [0u16; 4];
        for (slot, cell) in window.iter_mut().zip(&run[i..i + len]) {
            *slot = cell.id;
        }
        let ids = &window[..len];
        if !ids.iter().all(|&id| id > 0)
            || !index.may_suggest(ids)
            || lex.word(ids).is_some()
            || self.allow.contains(&pack(ids))
            || seen_windows(lex).contains(&pack(ids))
        {
            return;
        }
        let Scratch {
            ends,
            candidates,
            base: base_prefixes,
            best,
        } = scratch;
        same_reading_one_off(lex, index, ids, candidates);
        if candidates.is_empty() {
            return;
        }
        let start = run[i].byte;
        let end = run[i + len - 1].byte + run[i + len - 1].c.len_utf8();
        let from = i.saturating_sub(CONTEXT);
        let to = (i + len + CONTEXT).min(run.len());
        let mut buf = [0u16; 4 + 2 * CONTEXT];
        let context = &mut buf[..to - from];
        for (slot, c) in context.iter_mut().zip(&run[from..to]) {
            *slot = c.id;
        }
        let base = lex.segment_keeping(context, base_prefixes, ends);
        if crosses(ends, i - from) || crosses(ends, i + len - from) {
            return;
        }
        // Whether the window is coined on purpose: the costliest filter, and
        // one that vetoes every candidate alike, so asked only of a window
        // with a candidate that would be reported.
        let mut coined = None;
        for &(word, q) in candidates.iter() {
            let changed = i - from + q;
            let saved = context[changed];
            context[changed] = word[q];
            let gain = lex.resegment(context, changed, base_prefixes, best) - base;
            context[changed] = saved;
            if gain < MIN_GAIN {
                continue;
            }
            let at = i + q;
            if found.get(&at).is_some_and(|s| s.gain >= gain) {
                continue;
            }
            if *coined.get_or_insert_with(|| self.coined(text, run, i, len, start, end)) {
                return;
            }
            let meant: String = word[..len].iter().map(|&id| lex.char_of(id)).collect();
            found.insert(
                at,
                Suspect {
                    start,
                    end,
                    written: text[start..end].to_owned(),
                    meant,
                    gain,
                },
            );
        }
    }

    /// Names, abbreviations, slogans and parallel wording: coined on purpose.
    fn coined(
        &self,
        text: &str,
        run: &[Cell],
        i: usize,
        len: usize,
        start: usize,
        end: usize,
    ) -> bool {
        let first = run[i].c;
        let last = run[i + len - 1].c;
        if PROVINCE_SHORT.contains(first)
            || ABBREVIATION_END.contains(last)
            || ENUMERATION_END.contains(last)
        {
            return true;
        }
        // A place name: its suffix follows, at most one character on; an
        // organisation or a line of transport: its suffix ends the name a few
        // characters on (某某新能源汽车有限公司, 某某城际铁路).
        if place_or_org_suffix_follows(text, end)
            || names::name_end_follows(text, end)
            || names::place_after_lone_chars(text, end, PLACE_SUFFIX)
        {
            return true;
        }
        // A character of the window recurs close by (以文铸魂、以文惠民), or within it.
        let window = &text[start..end];
        let before = text[..start].chars().rev().take(PARALLEL_REACH);
        let after = text[end..].chars().take(PARALLEL_REACH);
        if before.chain(after).any(|c| window.contains(c))
            || window
                .char_indices()
                .any(|(b, c)| window[b + c.len_utf8()..].contains(c))
        {
            return true;
        }
        let ids: Vec<CharId> = run.iter().map(|c| c.id).collect();
        beside_particle_or_code(text, start, end)
            || names::in_named_list(text, start, end)
            || names::in_abbreviation_run(Lexicon::get(), &ids, i, len)
            || in_short_quote(text, start, end)
            || parallel_items(text, start, end)
            || self.is_name(text, start, end, first)
            || in_name_list(text, start, end)
    }

    fn is_name(&self, text: &str, start: usize, end: usize, first: char) -> bool {
        let around = &text[floor(text, start.saturating_sub(9))..ceil(text, end + 9)];
        if self.names.iter().any(|n| around.contains(n.as_str())) {
            return true;
        }
        if !SURNAMES.contains(first) {
            return false;
        }
        let before = &text[..start];
        // The given name may run one character past the window.
        let after = &text[end..];
        let after_next = after.char_indices().nth(1).map_or("", |(b, _)| &after[b..]);
        TITLES_AFTER
            .iter()
            .any(|t| after.starts_with(t) || after_next.starts_with(t))
            || TITLES_BEFORE.iter().any(|t| {
                // A signature line puts a space between title and name (市长 龚文密).
                before.trim_end_matches([' ', '\u{3000}']).ends_with(t)
            })
    }
}

fn floor(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Suggested words of the same length with the same reading that differ from
/// the window in exactly one character, into `out`: (word ids, position of the
/// change).
fn same_reading_one_off(
    lex: &Lexicon,
    index: &Index,
    ids: &[CharId],
    out: &mut Vec<([CharId; 4], usize)>,
) {
    out.clear();
    let mut all: [&[u16]; 4] = [&[]; 4];
    for (r, &id) in all.iter_mut().zip(ids) {
        *r = lex.readings(id);
    }
    let readings = &all[..ids.len()];
    let combinations: usize = readings.iter().map(|r| r.len()).product();
    if combinations == 0 || combinations > MAX_COMBINATIONS {
        return;
    }
    let mut all_choices = [0usize; 4];
    let choice = &mut all_choices[..ids.len()];
    loop {
        let mut key = [0u16; 4];
        for ((k, &c), r) in key.iter_mut().zip(choice.iter()).zip(readings) {
            *k = r[c] + 1;
        }
        for w in index.read_as(pack(&key[..ids.len()])) {
            let mut word = [0u16; 4];
            for (q, slot) in word.iter_mut().enumerate().take(ids.len()) {
                *slot = (w >> (16 * q)) as u16;
            }
            let mut diff = (0..ids.len()).filter(|&q| word[q] != ids[q]);
            if let (Some(q), None) = (diff.next(), diff.next()) {
                if !out.iter().any(|(o, _)| *o == word) {
                    out.push((word, q));
                }
            }
        }
        // Next combination of readings.
        let mut d = 0;
        loop {
            if d == choice.len() {
                return;
            }
            choice[d] += 1;
            if choice[d] < readings[d].len() {
                break;
            }
            choice[d] = 0;
            d += 1;
        }
    }
}

/// Whether the window lies inside a short quotation or title.
pub(super) fn in_short_quote(text: &str, start: usize, end: usize) -> bool {
    let before = &text[..start];
    let Some((open_at, open)) = before
        .char_indices()
        .rev()
        .take(SHORT_QUOTE)
        .find(|&(_, c)| matches!(c, '“' | '《' | '「' | '‘' | '”' | '》' | '」' | '’'))
    else {
        return false;
    };
    let close = match open {
        '“' => '”',
        '《' => '》',
        '「' => '」',
        '‘' => '’',
        _ => return false,
    };
    let inner_before = text[open_at..start].chars().count();
    text[end..]
        .chars()
        .take(SHORT_QUOTE)
        .position(|c| c == close)
        .is_some_and(|k| inner_before + k + (end - start) / 3 <= SHORT_QUOTE + 1)
}

/// A window that starts or ends with a particle (集散的), starts with a measure
/// word after a number (118对友城) or names a brand before a model code (M9).
fn beside_particle_or_code(text: &str, start: usize, end: usize) -> bool {
    let window = &text[start..end];
    window.starts_with(|c| PARTICLES.contains(c))
        || window.ends_with(|c| PARTICLES.contains(c))
        || text[..start].chars().next_back().is_some_and(is_digit)
        || text[end..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic())
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// The item (text between punctuation) around a byte range, and its neighbours.
fn items(text: &str, start: usize, end: usize) -> (&str, &str, &str) {
    let is_sep = |c: char| !is_han(c);
    let from = text[..start].rfind(is_sep).map_or(0, |b| {
        b + text[b..].chars().next().map_or(0, char::len_utf8)
    });
    let to = text[end..].find(is_sep).map_or(text.len(), |b| end + b);
    let before = text[..from].trim_end_matches(|c: char| !is_han(c));
    let prev_from = before.rfind(is_sep).map_or(0, |b| {
        b + before[b..].chars().next().map_or(0, char::len_utf8)
    });
    let after = text[to..].trim_start_matches(|c: char| !is_han(c));
    let next_to = after.find(is_sep).unwrap_or(after.len());
    (&before[prev_from..], &text[from..to], &after[..next_to])
}

/// Whether a place's suffix (某河, 某县) or an organisation's (某某科技) starts
/// at byte `end` or one Han character on: the window is part of a name.
fn place_or_org_suffix_follows(text: &str, end: usize) -> bool {
    let suffix_at = |rest: &str| {
        rest.starts_with(|c| PLACE_SUFFIX.contains(c))
            || ORG_SUFFIX.iter().any(|s| rest.starts_with(s))
    };
    let after = &text[end..];
    let one_on = after
        .chars()
        .next()
        .filter(|&c| is_han(c))
        .map(|c| &after[c.len_utf8()..]);
    suffix_at(after) || one_on.is_some_and(suffix_at)
}

/// Parallel items of a list (以学铸魂、以学增智；其势渐成、其兴可待；做优一产、
/// 做强二产): the window lies in a four-character item that starts like a
/// neighbouring four-character item.
fn parallel_items(text: &str, start: usize, end: usize) -> bool {
    let (prev, item, next) = items(text, start, end);
    let n = item.chars().count();
    n == 4
        && [prev, next]
            .iter()
            .any(|other| other.chars().count() == n && other.chars().next() == item.chars().next())
}

/// A list of person names (孙绍骋、王莉霞；吴金印、田沛发): the window lies in an
/// item of two or three characters that starts with a surname, beside another
/// such item.
fn in_name_list(text: &str, start: usize, end: usize) -> bool {
    let name_like = |s: &str| {
        (2..=3).contains(&s.chars().count())
            && s.chars().next().is_some_and(|c| SURNAMES.contains(c))
    };
    let (prev, item, next) = items(text, start, end);
    name_like(item) && (name_like(prev) || name_like(next))
}

/// Structural particles stand alone: a window that starts or ends with one
/// runs across a word boundary (集散的, 的华).
const PARTICLES: &str = "的得";
/// Short names of provinces and regions that begin abbreviations (陕电入皖, 台企).
const PROVINCE_SHORT: &str =
    "京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川蜀贵黔云滇陕秦甘陇青宁新港澳台藏桂蒙";
/// Abbreviations of parties and bodies end in these (甲方, 省委, 市府办).
const ABBREVIATION_END: &str = "方委办局厅署处";
/// A conjunction or 等 closes an enumeration of single characters (纱、布等).
const ENUMERATION_END: &str = "等和与及或";
/// How far a parallel construction's repeated character is looked for.
const PARALLEL_REACH: usize = 5;
/// A place name ends before these (rivers and lakes too: 某河, 某湖).
const PLACE_SUFFIX: &str = "省市县区镇乡村州旗盟岛湾街路河江湖";
const ORG_SUFFIX: [&str; 10] = [
    "科技", "国际", "大学", "学院", "医院", "中心", "协会", "基金", "律师", "港区",
];
/// Common surnames: a window starting with one beside a title is a name.
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
const TITLES_AFTER: [&str; 16] = [
    "同志", "书记", "主任", "局长", "市长", "县长", "省长", "部长", "主席", "总理", "委员", "代表",
    "院士", "教授", "先生", "女士",
];
const TITLES_BEFORE: [&str; 12] = [
    "书记",
    "主任",
    "局长",
    "市长",
    "县长",
    "省长",
    "部长",
    "主席",
    "总理",
    "记者",
    "通讯员",
    "同志",
];

fn finding(p: &Paragraph, s: &Suspect) -> Finding {
    let lex = Lexicon::get();
    let reading: Vec<&str> = s
        .meant
        .chars()
        .filter_map(|c| lex.readings(lex.id(c)).first().map(|&r| lex.syllable(r)))
        .collect();
    Finding::new(
        &META,
        p.doc_span(Span::new(s.start, s.end)),
        format!(
            "「{}」疑为「{}」：读音相同，可能是输入法选错了字",
            s.written, s.meant
        ),
    )
    .primary(format!("应为「{}」？", s.meant))
    .help(format!(
        "拼音 {} 常用词是「{}」；若「{}」是专名或新词，可在 [lints.homophone] allow 中列出",
        reading.join(" "),
        s.meant,
        s.written
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lints::testing::{pass_fail, run};

    fn lint() -> Homophone {
        Homophone::new(Options::default()).expect("lint")
    }

    #[test]
    fn cases() {
        pass_fail(
            &lint(),
            &[
                "加强监督检查，认真部署工作，统筹推进依法治理。",
                "推进“水韵江苏”建设，打造“戏聚天津”品牌。",
                "推动涉法涉诉信访工作改革，积极地蓄肥造肥。",
                "智造走廊建设加快，智造水平提升。",
                "王薇同志深夜看望坚守一线的医务工作者。",
                "项目由坚督建设工程集团承建。",
                "开展规划实施终期评估，各年度提出调整建议。",
                "签发人：市长 龚文密",
                "建设中鑫模具产业园和灵康杏福康旅小镇。",
                // Names of firms and roads, and runs of one-character
                // abbreviations (made-up names).
                "新签约云帆光电、中欣新材等项目42个。",
                "骐马大道建成通车。",
                "推进农文医体商融合发展。",
                "全力建设中鑫巴格村旅游示范点。",
            ],
            &[
                "要加强坚督检查。",
                "认真部暑工作。",
                "统愁推进各项改革。",
                "都是北洋军伐统治时代所建立的。",
                "反对铺张奢糜之风。",
            ],
        );
    }

    /// Whether `check` holds for the window `w` of `text`.
    fn at(check: fn(&str, usize, usize) -> bool, text: &str, w: &str) -> bool {
        let start = text.find(w).expect("window in text");
        check(text, start, start + w.len())
    }

    #[test]
    fn the_pair_gate_answers_as_the_direct_test() {
        let lex = Lexicon::get();
        let index = index();
        let mut opening = 0;
        for a in 0..GATE_CHARS as CharId {
            for b in 0..GATE_CHARS as CharId {
                let direct = index.opens_directly(lex, a, b);
                assert_eq!(index.opens(lex, a, b), direct, "{a} {b}");
                opening += usize::from(direct);
            }
        }
        assert!(opening > 1000, "{opening}");
    }

    #[test]
    fn coined_shapes() {
        assert!(at(parallel_items, "以学铸魂、以学增智、以学正风", "增智"));
        assert!(!at(parallel_items, "以学铸魂、全面增智", "增智"));
        assert!(!at(parallel_items, "一类是批发商，一类是零受商", "零受"));
        assert!(at(
            in_name_list,
            "受表彰的有：王建国、田沛发、谭彦等",
            "沛发"
        ));
        assert!(!at(in_name_list, "保重点、保竣供", "竣供"));
        assert!(at(beside_particle_or_code, "物流集散的枢纽", "集散的"));
        assert!(at(beside_particle_or_code, "新缔结118对友城", "对友"));
        assert!(at(beside_particle_or_code, "推出新款云驰M9车型", "云驰"));
        assert!(!at(beside_particle_or_code, "中西部地驱建设", "地驱"));
        // A river's or a lake's name: 浍河 is a place, 与浍 no slip for 与会.
        let end_of = |text: &str, w: &str| text.find(w).expect("window") + w.len();
        let s = "老城与浍河新城联动";
        assert!(place_or_org_suffix_follows(s, end_of(s, "与浍")));
        let s = "与会代表";
        assert!(!place_or_org_suffix_follows(s, end_of(s, "与会")));
    }

    #[test]
    fn message_names_both_words() {
        let found = run(&lint(), "要加强坚督检查。");
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(
            found[0].message,
            "「坚督」疑为「监督」：读音相同，可能是输入法选错了字"
        );
        assert!(found[0].fix.is_none());
        assert!(found[0]
            .help
            .as_deref()
            .is_some_and(|h| h.contains("jian1 du1")));
    }

    #[test]
    fn allow_and_names_come_from_the_config() {
        let o: Options =
            toml::from_str("allow = [\"坚督\"]\nnames = [\"林部暑\"]").expect("options");
        let l = Homophone::new(o).expect("lint");
        assert!(run(&l, "要加强坚督检查。").is_empty());
        assert!(run(&l, "由林部暑负责。").is_empty());
        assert_eq!(run(&lint(), "要加强坚督检查。").len(), 1);
        assert!(Homophone::new(Options {
            allow: vec!["坚".into()],
            names: vec![]
        })
        .is_err());
    }
}
