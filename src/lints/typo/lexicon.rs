//! The word list behind the spelling lints (homophone, idiom-slip): 342k words
//! of one to four characters with their frequencies, the readings of characters
//! and of the words a lint may suggest. Built by `scripts/typo-lexicon.py` into
//! `lints/typo-lexicon.bin` (sources and licences in NOTICE) and parsed on first
//! use, so a run without these lints never touches it.

use crate::document::markers::is_han;
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

const DATA: &[u8] = include_bytes!("../../../lints/typo-lexicon.bin");
/// Current words the dictionary lacks (`lints/typo-words.toml`).
const SUPPLEMENT: &str = include_str!("../../../lints/typo-words.toml");
/// How common a supplement word counts as: round(8 ln 150).
const SUPPLEMENT_LOG_FREQ: u8 = 40;

/// Characters of the lexicon are numbered by frequency; 0 is "not in the lexicon".
pub type CharId = u16;

/// Code points covered by the id table: CJK Extension A and the Unified block.
const FIRST: u32 = 0x3400;
const LAST: u32 = 0x9FFF;

/// The most frequent characters, whose pairs have a bit in `internal`.
const DENSE: usize = 4096;

/// A multiplicative hash for the integer keys of the tables (FxHash's constant):
/// the keys are already well spread, and SipHash would dominate the scan.
#[derive(Default, Clone, Copy)]
pub struct IntHasher(u64);

impl Hasher for IntHasher {
    fn finish(&self) -> u64 {
        // The product's low bits depend only on the key's low bits (the first
        // character of a packed word): without this rotation every word
        // starting with the same character probes the same buckets.
        self.0.rotate_left(26)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
}

pub type IntSet<K> = HashSet<K, BuildHasherDefault<IntHasher>>;
pub type IntMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<IntHasher>>;

/// Packs up to four character ids (or syllable ids + 1) into one key.
pub fn pack(ids: &[u16]) -> u64 {
    ids.iter()
        .enumerate()
        .fold(0u64, |k, (i, &id)| k | (u64::from(id) << (16 * i)))
}

/// One word: how common it is and, for words a lint may suggest, its reading.
#[derive(Debug, Clone, Copy)]
pub struct Word {
    /// round(8 ln frequency)
    pub log_freq: u8,
    pub flags: u8,
    /// Offset of its syllables in `Lexicon::word_readings` (flagged words only).
    reading: u32,
}

pub const TARGET: u8 = 1;
pub const IDIOM: u8 = 2;
/// A person's name in the source dictionary: a noisy tag, so names neither
/// join characters into words for the segmentation nor mark pairs as internal.
pub const NAME: u8 = 4;
/// A misspelling the dictionary lists (既往不究 beside 既往不咎): not a word.
pub const VARIANT: u8 = 8;
/// A one-character verb, preposition or conjunction: it stands alone.
pub const FREE: u8 = 16;

impl Word {
    pub fn is_target(&self) -> bool {
        self.flags & TARGET != 0
    }
    pub fn is_idiom(&self) -> bool {
        self.flags & IDIOM != 0
    }
    pub fn is_free(&self) -> bool {
        self.flags & FREE != 0
    }
    pub fn is_name(&self) -> bool {
        self.flags & NAME != 0
    }
}

pub struct Lexicon {
    syllables: Vec<String>,
    /// Id of each code point from FIRST to LAST.
    ids: Vec<CharId>,
    /// Code point of each id (index 0 unused).
    chars: Vec<char>,
    /// Readings of each id: range into `char_reading_pool`.
    char_readings: Vec<(u32, u8)>,
    char_reading_pool: Vec<u16>,
    /// Words by packed ids.
    words: WordTable,
    word_readings: Vec<u16>,
    /// ln of the total frequency: a word's log-probability is log_freq/8 - this.
    log_total: f32,
    /// Bit (a, b) for two frequent characters adjacent inside some word.
    internal: Vec<u64>,
}

/// Reads the data, failing on a truncated or foreign file.
#[derive(Clone)]
struct Reader<'a> {
    data: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let s = self.data.get(self.at..self.at + n)?;
        self.at += n;
        Some(s)
    }
    fn u8(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0])
    }
    fn u16(&mut self) -> Option<u16> {
        self.take(2).map(|b| u16::from_le_bytes([b[0], b[1]]))
    }
    fn u32(&mut self) -> Option<u32> {
        self.take(4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

impl Lexicon {
    /// The built-in lexicon, parsed on first use.
    pub fn get() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| {
            let mut lex = Lexicon::parse(DATA).unwrap_or_else(Lexicon::empty);
            lex.supplement(SUPPLEMENT);
            lex
        })
    }

    /// Adds the words of the supplement that the dictionary lacks.
    fn supplement(&mut self, toml_text: &str) {
        #[derive(serde::Deserialize)]
        struct Supplement {
            words: String,
        }
        let Ok(s) = toml::from_str::<Supplement>(toml_text) else {
            return;
        };
        for w in s.words.split_whitespace() {
            let ids: Vec<CharId> = w.chars().map(|c| self.id(c)).collect();
            if (2..=4).contains(&ids.len()) && !ids.contains(&0) {
                let key = pack(&ids);
                if self.words.get(key).is_some() {
                    continue;
                }
                self.words.insert(
                    key,
                    Word {
                        log_freq: SUPPLEMENT_LOG_FREQ,
                        flags: 0,
                        reading: 0,
                    },
                );
                for p in ids.windows(2) {
                    self.set_internal(p[0], p[1]);
                }
            }
        }
    }

    fn empty() -> Lexicon {
        Lexicon {
            syllables: Vec::new(),
            ids: vec![0; (LAST - FIRST + 1) as usize],
            chars: vec!['\0'],
            char_readings: vec![(0, 0)],
            char_reading_pool: Vec::new(),
            words: WordTable::with_capacity(0),
            word_readings: Vec::new(),
            log_total: 0.0,
            internal: vec![0; DENSE * DENSE / 64],
        }
    }

    fn parse(data: &[u8]) -> Option<Lexicon> {
        let mut r = Reader { data, at: 0 };
        if r.take(8)? != b"RLLEX1\n\0" {
            return None;
        }
        let mut lex = Lexicon::empty();
        for _ in 0..r.u16()? {
            let n = r.u8()? as usize;
            lex.syllables
                .push(String::from_utf8_lossy(r.take(n)?).into_owned());
        }
        let n_chars = r.u32()? as usize;
        for id in 1..=n_chars {
            let c = char::from_u32(u32::from(r.u16()?))?;
            let n = r.u8()?;
            lex.char_readings
                .push((lex.char_reading_pool.len() as u32, n));
            for _ in 0..n {
                lex.char_reading_pool.push(r.u16()?);
            }
            lex.chars.push(c);
            if (FIRST..=LAST).contains(&(c as u32)) {
                lex.ids[(c as u32 - FIRST) as usize] = CharId::try_from(id).ok()?;
            }
        }
        let mut flagged: Vec<u64> = Vec::new();
        let mut total = 0f64;
        // A word's weight e^(log_freq/8) by log_freq: one `exp` per value, not per word.
        let weight: [f64; 256] = std::array::from_fn(|f| (f as f64 / 8.0).exp());
        let mut buf = [0u16; 4];
        lex.words.reserve(count_words(r.clone())?);
        for len in 1..=4usize {
            let n = r.u32()? as usize;
            for _ in 0..n {
                for slot in buf.iter_mut().take(len) {
                    *slot = r.u16()?;
                }
                let (log_freq, flags) = (r.u8()?, r.u8()?);
                let key = pack(&buf[..len]);
                total += weight[usize::from(log_freq)];
                if flags & (TARGET | IDIOM) != 0 {
                    flagged.push(key);
                }
                if flags & VARIANT != 0 {
                    continue;
                }
                if flags & NAME == 0 {
                    for w in buf[..len].windows(2) {
                        lex.set_internal(w[0], w[1]);
                    }
                }
                lex.words.insert(
                    key,
                    Word {
                        log_freq,
                        flags,
                        reading: 0,
                    },
                );
            }
        }
        let n = r.u32()? as usize;
        if n != flagged.len() {
            return None;
        }
        for key in flagged {
            let len = key_len(key);
            let at = lex.word_readings.len() as u32;
            for _ in 0..len {
                lex.word_readings.push(r.u16()?);
            }
            if let Some(w) = lex.words.get_mut(key) {
                w.reading = at;
            }
        }
        lex.log_total = total.ln() as f32;
        Some(lex)
    }

    fn set_internal(&mut self, a: CharId, b: CharId) {
        let (a, b) = (a as usize, b as usize);
        if a < DENSE && b < DENSE {
            let bit = a * DENSE + b;
            self.internal[bit / 64] |= 1 << (bit % 64);
        }
    }

    /// Whether `a` `b` stand next to each other inside some word. Unknown for
    /// rare characters (false).
    pub fn internal(&self, a: CharId, b: CharId) -> bool {
        let (a, b) = (a as usize, b as usize);
        if a == 0 || b == 0 || a >= DENSE || b >= DENSE {
            return false;
        }
        let bit = a * DENSE + b;
        self.internal[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// Whether `a` `b` may stand next to each other inside a word: false when
    /// `internal` knows they do not (both frequent), or one is unknown.
    fn may_join(&self, a: CharId, b: CharId) -> bool {
        if a == 0 || b == 0 {
            return false;
        }
        let (a, b) = (a as usize, b as usize);
        if a >= DENSE || b >= DENSE {
            return true;
        }
        let bit = a * DENSE + b;
        self.internal[bit / 64] & (1 << (bit % 64)) != 0
    }

    pub fn id(&self, c: char) -> CharId {
        let u = c as u32;
        if (FIRST..=LAST).contains(&u) {
            self.ids[(u - FIRST) as usize]
        } else {
            0
        }
    }

    /// Calls `each` with every maximal run of Han characters of `text` (their
    /// ids, characters and byte offsets), in order; `run` is the buffer.
    pub fn han_runs(&self, text: &str, run: &mut Vec<Han>, mut each: impl FnMut(&[Han])) {
        // `char_indices` is cheaper here than a hand-rolled three-byte decoder
        // (callgrind: idiom-slip's run building 35 M against 46 M instructions).
        run.clear();
        for (byte, c) in text.char_indices() {
            if is_han(c) {
                run.push(Han {
                    id: self.id(c),
                    c,
                    byte,
                });
            } else if !run.is_empty() {
                each(run);
                run.clear();
            }
        }
        if !run.is_empty() {
            each(run);
            run.clear();
        }
    }

    pub fn char_of(&self, id: CharId) -> char {
        self.chars.get(id as usize).copied().unwrap_or('\0')
    }

    /// The readings (syllable ids) a character takes in words.
    pub fn readings(&self, id: CharId) -> &[u16] {
        let (at, n) = self
            .char_readings
            .get(id as usize)
            .copied()
            .unwrap_or((0, 0));
        self.char_reading_pool
            .get(at as usize..at as usize + n as usize)
            .unwrap_or(&[])
    }

    pub fn syllable(&self, s: u16) -> &str {
        self.syllables.get(s as usize).map_or("", String::as_str)
    }

    /// Same syllable ignoring the tone (the digit at the end).
    pub fn toneless_eq(&self, a: u16, b: u16) -> bool {
        let strip = |s: &str| s.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        let (x, y) = (self.syllable(a), self.syllable(b));
        x.get(..strip(x)) == y.get(..strip(y))
    }

    pub fn word(&self, ids: &[CharId]) -> Option<&Word> {
        // Not `contains`: it is not inlined, and this is the innermost test
        // of the segmentation.
        if ids.is_empty() || ids.len() > 4 || !ids.iter().all(|&id| id > 0) {
            return None;
        }
        self.words.get(pack(ids))
    }

    /// The syllables of a flagged word.
    pub fn word_reading(&self, w: &Word, len: usize) -> &[u16] {
        let at = w.reading as usize;
        self.word_readings.get(at..at + len).unwrap_or(&[])
    }

    /// Every flagged word with its ids and reading.
    pub fn flagged(&self) -> impl Iterator<Item = ([CharId; 4], usize, &Word)> + '_ {
        self.words
            .iter()
            .filter(|(_, w)| w.flags & (TARGET | IDIOM) != 0)
            .map(|(k, w)| {
                let len = key_len(k);
                let mut ids = [0u16; 4];
                for (i, id) in ids.iter_mut().enumerate().take(len) {
                    *id = (k >> (16 * i)) as u16;
                }
                (ids, len, w)
            })
    }

    /// Log-probability of a word (None: not a word, or a name); an unknown single
    /// character gets a floor below every known one.
    fn log_prob(&self, ids: &[CharId]) -> Option<f32> {
        match self.word(ids).filter(|w| !w.is_name()) {
            Some(w) => Some(f32::from(w.log_freq) / 8.0 - self.log_total),
            None if ids.len() == 1 => Some(-self.log_total - 4.0),
            None => None,
        }
    }

    /// The most probable segmentation of `ids` into words (unigram model, as
    /// jieba): its log-probability, and the length of the word ending at each
    /// position (`ends[j]` = length of the word ending before j).
    pub fn segment(&self, ids: &[CharId], ends: &mut Vec<u8>) -> f32 {
        let n = ids.len();
        let mut stack = [f32::NEG_INFINITY; 24];
        let mut heap = Vec::new();
        let best: &mut [f32] = if n < stack.len() {
            &mut stack[..=n]
        } else {
            heap.resize(n + 1, f32::NEG_INFINITY);
            &mut heap
        };
        best[0] = 0.0;
        ends.clear();
        ends.resize(n + 1, 0);
        self.fill(ids, 1, best, Some(ends))
    }

    /// [`Lexicon::segment`], keeping in `best` the score of the best
    /// segmentation of each prefix, for [`Lexicon::resegment`].
    pub fn segment_keeping(&self, ids: &[CharId], best: &mut Vec<f32>, ends: &mut Vec<u8>) -> f32 {
        best.clear();
        best.resize(ids.len() + 1, f32::NEG_INFINITY);
        best[0] = 0.0;
        ends.clear();
        ends.resize(ids.len() + 1, 0);
        self.fill(ids, 1, best, Some(ends))
    }

    /// The score of the best segmentation of `ids`, which differ only at
    /// position `changed` from the ids whose prefix scores `base` holds (from
    /// [`Lexicon::segment_keeping`]): the prefixes before the change are
    /// scored alike, so only the words ending after it are looked up. The
    /// same sums in the same order as [`Lexicon::segment`], so the same score.
    pub fn resegment(
        &self,
        ids: &[CharId],
        changed: usize,
        base: &[f32],
        best: &mut Vec<f32>,
    ) -> f32 {
        best.clear();
        best.extend_from_slice(&base[..=changed]);
        best.resize(ids.len() + 1, f32::NEG_INFINITY);
        self.fill(ids, changed + 1, best, None)
    }

    /// The dynamic programme of the segmentation over the prefixes ending at
    /// `from` and later (`best` holds the scores before `from`, -inf after).
    fn fill(
        &self,
        ids: &[CharId],
        from: usize,
        best: &mut [f32],
        mut ends: Option<&mut Vec<u8>>,
    ) -> f32 {
        let n = ids.len();
        for j in from..=n {
            for len in 1..=j.min(4) {
                // Every pair of neighbours in a word (not a name) is marked
                // internal: a pair known not to be rules out this length and
                // the longer ones, without a look-up.
                if len >= 2 && !self.may_join(ids[j - len], ids[j - len + 1]) {
                    break;
                }
                let Some(p) = self.log_prob(&ids[j - len..j]) else {
                    continue;
                };
                let v = best[j - len] + p;
                if v > best[j] {
                    best[j] = v;
                    if let Some(ends) = ends.as_deref_mut() {
                        ends[j] = len as u8;
                    }
                }
            }
        }
        best[n]
    }
}

/// One Han character of a run ([`Lexicon::han_runs`]): its lexicon id (0 if
/// the lexicon lacks it), the character and its byte offset in the text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Han {
    pub id: CharId,
    pub c: char,
    pub byte: usize,
}

/// The words by packed key: open addressing with linear probing over a table
/// at most two-thirds full, keys apart from the words so that a miss (most
/// look-ups of the segmentation) reads one cache line of keys. Key 0 (no
/// characters) marks a free slot.
struct WordTable {
    keys: Vec<u64>,
    words: Vec<Word>,
    len: usize,
    /// The slot index is the top `bits` bits of the hashed key.
    shift: u32,
}

const NO_WORD: Word = Word {
    log_freq: 0,
    flags: 0,
    reading: 0,
};

impl WordTable {
    fn with_capacity(n: usize) -> WordTable {
        let slots = (n + n / 2).max(16).next_power_of_two();
        WordTable {
            keys: vec![0; slots],
            words: vec![NO_WORD; slots],
            len: 0,
            shift: 64 - slots.trailing_zeros(),
        }
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.len
    }

    fn reserve(&mut self, more: usize) {
        if (self.len + more) * 3 > self.keys.len() * 2 {
            let mut bigger = WordTable::with_capacity(self.len + more);
            for (k, w) in self.iter() {
                bigger.insert(k, *w);
            }
            *self = bigger;
        }
    }

    fn home(&self, key: u64) -> usize {
        ((key ^ (key >> 29)).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// The slot holding `key`, or the free slot where it would go.
    fn find(&self, key: u64) -> usize {
        let mask = self.keys.len() - 1;
        let mut i = self.home(key);
        loop {
            let k = self.keys[i];
            if k == key || k == 0 {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    fn get(&self, key: u64) -> Option<&Word> {
        let i = self.find(key);
        (self.keys[i] != 0).then(|| &self.words[i])
    }

    fn get_mut(&mut self, key: u64) -> Option<&mut Word> {
        let i = self.find(key);
        (self.keys[i] != 0).then(|| &mut self.words[i])
    }

    /// Inserts or replaces the word of `key` (non-zero).
    fn insert(&mut self, key: u64, word: Word) {
        self.reserve(1);
        let i = self.find(key);
        if self.keys[i] == 0 {
            self.keys[i] = key;
            self.len += 1;
        }
        self.words[i] = word;
    }

    fn iter(&self) -> impl Iterator<Item = (u64, &Word)> + '_ {
        self.keys
            .iter()
            .zip(&self.words)
            .filter(|(&k, _)| k != 0)
            .map(|(&k, w)| (k, w))
    }
}

/// How many words the four word lists ahead hold (entries of a list of
/// `len`-character words take 2 `len` + 2 bytes), to size the table once.
fn count_words(mut r: Reader) -> Option<usize> {
    let mut total = 0;
    for len in 1..=4usize {
        let n = r.u32()? as usize;
        total += n;
        r.take(n * (2 * len + 2))?;
    }
    Some(total)
}

/// Number of ids packed in a key (ids are non-zero).
fn key_len(key: u64) -> usize {
    (0..4)
        .take_while(|i| (key >> (16 * i)) & 0xFFFF != 0)
        .count()
}

/// The words of the best segmentation (`ends`, from [`Lexicon::segment`]) as
/// (start, end) positions, in order.
pub fn words_of(ends: &[u8]) -> Vec<(usize, usize)> {
    let mut words = Vec::new();
    let mut j = ends.len().saturating_sub(1);
    while j > 0 {
        let start = j - usize::from(ends[j]).max(1);
        words.push((start, j));
        j = start;
    }
    words.reverse();
    words
}

/// Whether a word of the best segmentation (`ends`, from [`Lexicon::segment`])
/// runs across position `at` (a word boundary there is broken).
pub fn crosses(ends: &[u8], at: usize) -> bool {
    let mut j = ends.len() - 1;
    while j > 0 {
        let start = j - (ends[j] as usize).max(1);
        if start < at && at < j {
            return true;
        }
        j = start;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(s: &str) -> Vec<CharId> {
        let lex = Lexicon::get();
        s.chars().map(|c| lex.id(c)).collect()
    }

    #[test]
    fn the_data_parses_and_knows_common_words() {
        let lex = Lexicon::get();
        assert!(lex.words.len() > 300_000, "{}", lex.words.len());
        let w = lex.word(&ids("监督")).expect("监督");
        assert!(w.is_target());
        let r: Vec<&str> = lex
            .word_reading(w, 2)
            .iter()
            .map(|&s| lex.syllable(s))
            .collect();
        assert_eq!(r, ["jian1", "du1"]);
        assert!(lex.word(&ids("坚督")).is_none());
        assert!(lex.word(&ids("既往不咎")).is_some_and(Word::is_idiom));
        assert!(lex.word(&ids("微博")).is_some(), "from the supplement");
        assert!(lex.word(&ids("既往不究")).is_none(), "a listed misspelling");
    }

    #[test]
    fn han_runs_are_the_runs_of_han_characters() {
        let lex = Lexicon::get();
        let text = "a监督，㐀䷀检查𠀀丽x\u{4DBF}一";
        let mut want: Vec<Vec<Han>> = vec![Vec::new()];
        for (byte, c) in text.char_indices() {
            if is_han(c) {
                let id = lex.id(c);
                want.last_mut().expect("a run").push(Han { id, c, byte });
            } else if !want.last().expect("a run").is_empty() {
                want.push(Vec::new());
            }
        }
        want.retain(|r| !r.is_empty());
        let mut got: Vec<Vec<Han>> = Vec::new();
        lex.han_runs(text, &mut Vec::new(), |r| got.push(r.to_vec()));
        assert_eq!(got, want);
        assert_eq!(got.len(), 4, "{got:?}");
    }

    #[test]
    fn segmentation_prefers_words() {
        let lex = Lexicon::get();
        let mut ends = Vec::new();
        let good = lex.segment(&ids("认真部署工作"), &mut ends);
        assert!(!crosses(&ends, 2) && crosses(&ends, 3));
        let bad = lex.segment(&ids("认真部暑工作"), &mut ends);
        assert!(good - bad > 9.0, "{good} {bad}");
    }
}
