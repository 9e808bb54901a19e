use super::lexicon::{pack, CharId, Han, Lexicon};
use crate::diagnostic::Finding;
use crate::document::{Document, Paragraph};
use crate::lints::{Configurable, Lint, LintMeta};
use crate::span::Span;
use serde::Deserialize;
use std::sync::OnceLock;

crate::declare_lint! {
    /// ## What it does
    /// Finds a four-character idiom (成语) written with one character wrong:
    /// `既往不究` for 既往不咎, `再接再励` for 再接再厉, or with two neighbouring
    /// characters swapped. A window of four characters is reported when it is
    /// not a word, matches a known idiom (22,000 from the dictionary in
    /// `lints/typo-lexicon.bin`) but for one common character that sounds like
    /// the idiom's (the same syllable, any tone) or for two neighbours in swapped
    /// places, and reading the idiom there makes the sentence's segmentation
    /// clearly more probable.
    ///
    /// Left alone: a written character that makes a common word in the window
    /// (绝不罢休, 藏身之地: meant), a rare character (勠力同心: chosen, not slipped),
    /// parallel wording (人尽其才、地尽其利; 眼中有民…，心中有规…), text in short quotation marks
    /// (slogans play on idioms), a window the document writes more than once,
    /// and swaps of the two halves' characters (违纪违法, 风高浪急 are both said;
    /// the known swap 慎始如终 is in the confusable list). A slip the confusable
    /// list knows (再接再励) is left to that lint, which carries the fix.
    ///
    /// ## Why
    /// Idioms are typed from memory, and the input method offers any character of
    /// the right sound: the slip reads as a real idiom at a glance.
    ///
    /// ## Options
    /// `allow = ["…"]` lists four-character phrases that are right as written.
    ///
    /// ## Example
    /// ```bad
    /// 会场上口号声震耳欲笼，大家心急如粉。
    /// ```
    /// ```good
    /// 对历史问题既往不咎，我们要再接再厉，坚决查处违纪违法案件，决不让腐败分子有藏身之地。
    /// ```
    pub struct IdiomSlip { allow: Vec<String> }
    code = "RL309", name = "idiom-slip", family = Typo, severity = Warning,
    summary = "an idiom with a same-sounding wrong character or two characters swapped",
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Options {
    allow: Vec<String>,
}

impl Configurable for IdiomSlip {
    type Options = Options;
    fn new(o: Options) -> Result<Self, String> {
        if let Some(bad) = o.allow.iter().find(|w| w.chars().count() != 4) {
            return Err(format!("allow: 「{bad}」 is not four characters"));
        }
        Ok(IdiomSlip { allow: o.allow })
    }
}

/// Reading the idiom must raise the segmentation's log-probability by this much.
const MIN_GAIN: f32 = 6.0;
const CONTEXT: usize = 4;
/// Bits of the filter that rejects most windows before a table look-up.
const FILTER_BITS: usize = 1 << 23;

struct Index {
    /// (ids with one position masked (set to 0), idiom), sorted.
    masked: Vec<(u64, u64)>,
    /// (ids in sorted order (a swap keeps the multiset), idiom), sorted.
    sorted: Vec<(u64, u64)>,
    /// Bloom-style filter over both kinds of keys.
    filter: Vec<u64>,
    /// Filters over the idioms' character pairs, one per pair of positions
    /// (see [`POSITION_PAIRS`]): a slip keeps every pair of the three characters
    /// it leaves alone, so most windows stop at a cheap test. Bit `f` of the
    /// byte of a hashed pair is filter `f`'s bit: one access answers all six.
    pairs: Vec<u8>,
}

const PAIR_BITS: usize = 1 << 18;

/// The pairs of positions in an idiom, in the order of `Index::pairs`.
const POSITION_PAIRS: [(usize, usize); 6] = [(0, 1), (2, 3), (0, 3), (1, 2), (0, 2), (1, 3)];
const P01: usize = 0;
const P23: usize = 1;
const P03: usize = 2;
const P12: usize = 3;
const P02: usize = 4;
const P13: usize = 5;

fn pair_bit(a: CharId, b: CharId) -> usize {
    (pack(&[a, b]).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 46) as usize % PAIR_BITS
}

fn mix(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize % FILTER_BITS
}

fn masked_key(ids: &[CharId; 4], q: usize) -> u64 {
    let mut m = *ids;
    m[q] = 0;
    pack(&m) ^ (q as u64 + 1).wrapping_mul(0xA24B_AED4_963E_E407)
}

fn sorted_key(ids: &[CharId; 4]) -> u64 {
    let mut s = *ids;
    s.sort_unstable();
    pack(&s)
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let lex = Lexicon::get();
        let mut ix = Index {
            masked: Vec::new(),
            sorted: Vec::new(),
            filter: vec![0; FILTER_BITS / 64],
            pairs: vec![0; PAIR_BITS],
        };
        for (ids, len, w) in lex.flagged() {
            if len != 4 || !w.is_idiom() {
                continue;
            }
            let key = pack(&ids);
            let mut keys = vec![sorted_key(&ids)];
            ix.sorted.push((keys[0], key));
            for q in 0..4 {
                let k = masked_key(&ids, q);
                ix.masked.push((k, key));
                keys.push(k);
            }
            for k in keys {
                let bit = mix(k);
                ix.filter[bit / 64] |= 1 << (bit % 64);
            }
            for (f, &(a, b)) in POSITION_PAIRS.iter().enumerate() {
                ix.pairs[pair_bit(ids[a], ids[b])] |= 1 << f;
            }
        }
        // Idioms in a fixed order, whatever the order of the lexicon.
        ix.masked.sort_unstable();
        ix.sorted.sort_unstable();
        ix
    })
}

/// The idioms filed under `key` in a sorted table of (key, idiom).
fn filed(table: &[(u64, u64)], key: u64) -> impl Iterator<Item = u64> + '_ {
    let from = table.partition_point(|&(k, _)| k < key);
    table[from..]
        .iter()
        .take_while(move |&&(k, _)| k == key)
        .map(|&(_, idiom)| idiom)
}

impl Index {
    fn maybe_pair(&self, which: usize, a: CharId, b: CharId) -> bool {
        has(self.pair_flags(a, b), which)
    }

    /// The six filters' bits of the pair `a` `b`.
    fn pair_flags(&self, a: CharId, b: CharId) -> u8 {
        self.pairs.get(pair_bit(a, b)).copied().unwrap_or(0)
    }

    fn maybe(&self, key: u64) -> bool {
        let bit = mix(key);
        self.filter[bit / 64] & (1 << (bit % 64)) != 0
    }
}

/// Whether the flags of a pair (from [`Index::pair_flags`]) have filter `which`'s bit.
fn has(flags: u8, which: usize) -> bool {
    flags & (1 << which) != 0
}

fn unpack(key: u64) -> [CharId; 4] {
    let mut ids = [0u16; 4];
    for (i, id) in ids.iter_mut().enumerate() {
        *id = (key >> (16 * i)) as u16;
    }
    ids
}

impl Lint for IdiomSlip {
    fn meta(&self) -> &'static LintMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let lex = Lexicon::get();
        let ix = index();
        let mut run: Vec<Han> = Vec::new();
        let mut flags: Vec<(u8, u8)> = Vec::new();
        for p in &doc.paragraphs {
            let text = p.text.as_str();
            let mut found: Vec<(Span, String)> = Vec::new();
            lex.han_runs(text, &mut run, |run| {
                scan(lex, ix, text, run, &mut flags, &mut found);
            });
            for (span, idiom) in found {
                let written = &text[span.start..span.end];
                let repeated = memchr::memmem::find_iter(doc.text.as_bytes(), written.as_bytes())
                    .nth(1)
                    .is_some();
                if !repeated
                    && !self.allow.iter().any(|a| a == written)
                    && !super::confusable::lists(written)
                {
                    out.push(finding(p, span, written, &idiom));
                }
            }
        }
    }
}

fn scan(
    lex: &Lexicon,
    ix: &Index,
    text: &str,
    run: &[Han],
    flags: &mut Vec<(u8, u8)>,
    found: &mut Vec<(Span, String)>,
) {
    if run.len() < 4 {
        return;
    }
    // The filters' bits of each pair of neighbours, as written and reversed:
    // hashed once per position, not once per window holding the pair.
    flags.clear();
    flags.extend(run.windows(2).map(|p| {
        (
            ix.pair_flags(p[0].id, p[1].id),
            ix.pair_flags(p[1].id, p[0].id),
        )
    }));
    'windows: for i in 0..run.len() - 3 {
        let [(f01, r01), (f12, r12), (f23, r23)] = [flags[i], flags[i + 1], flags[i + 2]];
        // A change at 2 or 3 keeps the first pair, at 0 or 1 the last pair; a
        // swap keeps one of them or, swapping the middle two, the outer pair.
        let first = has(f01, P01);
        let last = has(f23, P23);
        if !first && !last && !has(r12, P12) {
            continue;
        }
        let ids = [run[i].id, run[i + 1].id, run[i + 2].id, run[i + 3].id];
        // Not `contains`, which is not inlined: this runs on many windows.
        if ids[0] == 0 || ids[1] == 0 || ids[2] == 0 || ids[3] == 0 {
            continue;
        }
        // Every pair of the characters a slot keeps is a pair of the idiom,
        // and a changed character is a common one (see `near_miss`). The
        // slots the neighbours' bits leave open, before any pair is hashed:
        let common = |q: usize| usize::from(ids[q]) <= COMMON_CHARS;
        let mid = has(f12, P12);
        let open = [
            common(0) && last && mid,
            common(1) && last,
            common(2) && first,
            common(3) && first && mid,
            last && has(r01, P01) || has(r12, P12) || first && has(r23, P23),
        ];
        if !open.contains(&true) {
            continue;
        }
        let outer = ix.maybe_pair(P03, ids[0], ids[3]);
        if !(first || last || outer) {
            continue;
        }
        // The pairs of neighbours come from `flags`, the others are hashed.
        let pair = |which: usize, a: usize, b: usize| match (which, a, b) {
            (P01, 1, 0) => has(r01, P01),
            (P12, 1, 2) => mid,
            (P12, 2, 1) => has(r12, P12),
            (P23, 3, 2) => has(r23, P23),
            _ => ix.maybe_pair(which, ids[a], ids[b]),
        };
        let mut best: Option<(u64, f32)> = None;
        for (slot, &open) in open.iter().enumerate() {
            let wanted = open
                && match slot {
                    0 => common(0) && last && pair(P12, 1, 2) && pair(P13, 1, 3),
                    1 => common(1) && last && outer && pair(P02, 0, 2),
                    2 => common(2) && first && outer && pair(P13, 1, 3),
                    3 => common(3) && first && pair(P02, 0, 2) && pair(P12, 1, 2),
                    // Two neighbours swapped: the idiom has them the other way round.
                    _ => {
                        last && pair(P01, 1, 0)
                            || outer && pair(P12, 2, 1)
                            || first && pair(P23, 3, 2)
                    }
                };
            if !wanted {
                continue;
            }
            let key = if slot < 4 {
                masked_key(&ids, slot)
            } else {
                sorted_key(&ids)
            };
            if !ix.maybe(key) {
                continue;
            }
            let table = if slot < 4 { &ix.masked } else { &ix.sorted };
            for idiom in filed(table, key) {
                let want = unpack(idiom);
                if want == ids || !near_miss(lex, &ids, &want) {
                    continue;
                }
                if lex.word(&ids).is_some() {
                    continue 'windows;
                }
                let gain = gain(lex, run, i, &want);
                if gain >= MIN_GAIN && best.is_none_or(|(_, g)| gain > g) {
                    best = Some((idiom, gain));
                }
            }
        }
        let Some((idiom, _)) = best else { continue };
        let start = run[i].byte;
        let last = run[i + 3].byte;
        let end = last + text[last..].chars().next().map_or(0, char::len_utf8);
        if in_short_quote(text, start, end) || parallel(text, start, end) {
            continue;
        }
        let name: String = unpack(idiom).iter().map(|&id| lex.char_of(id)).collect();
        found.push((Span::new(start, end), name));
    }
}

/// One character that sounds like the idiom's, or two neighbours swapped; in
/// either case the written characters must not make a common word in the
/// window (绝不罢休, 藏身之地 are what the writer meant).
fn near_miss(lex: &Lexicon, ids: &[CharId; 4], want: &[CharId; 4]) -> bool {
    let mut diff = [0usize; 4];
    let mut n = 0;
    for q in 0..4 {
        if ids[q] != want[q] {
            diff[n] = q;
            n += 1;
        }
    }
    let diff = &diff[..n];
    let in_word = |q: usize| {
        (q > 0 && common_word(lex, &ids[q - 1..=q])) || (q < 3 && common_word(lex, &ids[q..=q + 1]))
    };
    match *diff {
        [q] => {
            // A rare character is chosen, not slipped into from a candidate list.
            if usize::from(ids[q]) > COMMON_CHARS || in_word(q) {
                return false;
            }
            let Some(w) = lex.word(want) else {
                return false;
            };
            let Some(&target) = lex.word_reading(w, 4).get(q) else {
                return false;
            };
            lex.readings(ids[q])
                .iter()
                .any(|&r| lex.toneless_eq(r, target))
        }
        [p, q] => {
            q == p + 1 && ids[p] == want[q] && ids[q] == want[p] && !in_word(p) && !in_word(q)
        }
        _ => false,
    }
}

fn common_word(lex: &Lexicon, ids: &[CharId]) -> bool {
    lex.word(ids)
        .is_some_and(|w| w.log_freq >= COMMON_WORD_LOG_FREQ)
}

/// Characters ranked below this by frequency are the ones input methods offer.
const COMMON_CHARS: usize = 3500;
/// round(8 ln 50): a word at least this common is one the writer may mean.
const COMMON_WORD_LOG_FREQ: u8 = 31;

fn gain(lex: &Lexicon, run: &[Han], i: usize, want: &[CharId; 4]) -> f32 {
    let from = i.saturating_sub(CONTEXT);
    let to = (i + 4 + CONTEXT).min(run.len());
    let mut buf = [0u16; 4 + 2 * CONTEXT];
    let context = &mut buf[..to - from];
    for (slot, c) in context.iter_mut().zip(&run[from..to]) {
        *slot = c.id;
    }
    let mut ends = Vec::new();
    let base = lex.segment(context, &mut ends);
    context[i - from..i - from + 4].copy_from_slice(want);
    lex.segment(context, &mut ends) - base
}

/// A character of the window recurs close by (人尽其才、地尽其利), or two of
/// its characters recur together within a clause (手中有权…，心中有规…):
/// parallel wording.
fn parallel(text: &str, start: usize, end: usize) -> bool {
    let window = &text[start..end];
    let before = text[..start].chars().rev().take(PARALLEL_REACH);
    let after = text[end..].chars().take(PARALLEL_REACH);
    if before.chain(after).any(|c| window.contains(c)) {
        return true;
    }
    let from = text[..start]
        .char_indices()
        .rev()
        .take(CLAUSE_REACH)
        .last()
        .map_or(start, |(b, _)| b);
    let to = text[end..]
        .char_indices()
        .nth(CLAUSE_REACH)
        .map_or(text.len(), |(b, _)| end + b);
    let w: Vec<char> = window.chars().collect();
    w.windows(2).any(|pair| {
        let bigram: String = pair.iter().collect();
        text[from..start].contains(&bigram) || text[end..to].contains(&bigram)
    })
}

const PARALLEL_REACH: usize = 5;
/// How far a pair of the window's characters is looked for: about a clause.
const CLAUSE_REACH: usize = 10;

/// Whether the window lies inside quotation marks that close within a few characters.
fn in_short_quote(text: &str, start: usize, end: usize) -> bool {
    let open = text[..start]
        .chars()
        .rev()
        .take(6)
        .find(|c| matches!(c, '“' | '”' | '「' | '」'));
    open.is_some_and(|o| matches!(o, '“' | '「'))
        && text[end..].chars().take(6).any(|c| matches!(c, '”' | '」'))
}

fn finding(p: &Paragraph, span: Span, written: &str, idiom: &str) -> Finding {
    let swapped = written.chars().filter(|&c| idiom.contains(c)).count() == 4;
    let why = if swapped {
        "两个字的位置颠倒了".to_owned()
    } else {
        let (w, i) = written
            .chars()
            .zip(idiom.chars())
            .find(|(a, b)| a != b)
            .unwrap_or((' ', ' '));
        format!("「{w}」与「{i}」读音相近")
    };
    Finding::new(
        &META,
        p.doc_span(span),
        format!("「{written}」疑为成语「{idiom}」"),
    )
    .primary(format!("应为「{idiom}」？"))
    .help(format!(
        "{why}；若是有意化用，可在 [lints.idiom-slip] allow 中列出"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lints::testing::{pass_fail, run};

    fn lint() -> IdiomSlip {
        IdiomSlip::new(Options::default()).expect("lint")
    }

    #[test]
    fn cases() {
        pass_fail(
            &lint(),
            &[
                "对历史问题既往不咎，再接再厉，慎终如始。",
                "打造“食全食美”品牌，建设美食街。",
                "做到眼中有民不忘本，心中有规不越线。",
            ],
            &[
                "口号声震耳欲笼。",
                "大家心急如粉。",
                "专案组按图索记，很快查清了问题。",
            ],
        );
    }

    #[test]
    fn message_and_help() {
        let found = run(&lint(), "口号声震耳欲笼。");
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].message, "「震耳欲笼」疑为成语「震耳欲聋」");
        assert!(found[0]
            .help
            .as_deref()
            .is_some_and(|h| h.contains("「笼」与「聋」")));
        assert!(
            run(&lint(), "对历史问题既往不究。").is_empty(),
            "left to confusable"
        );
        assert!(
            run(&lint(), "慎始如终，抓好防控。").is_empty(),
            "a swap of the halves"
        );
    }

    #[test]
    fn allow_comes_from_the_config() {
        let o: Options = toml::from_str("allow = [\"震耳欲笼\"]").expect("options");
        assert!(run(&IdiomSlip::new(o).expect("lint"), "震耳欲笼。").is_empty());
        assert!(IdiomSlip::new(Options {
            allow: vec!["既往".into()]
        })
        .is_err());
    }
}
