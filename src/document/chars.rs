//! Paragraph text decoded once for the lints that read it character by character
//! (the typo family): a table of characters by index, built on first use by
//! [`super::Document::char_table`], and a walk over the characters of a text that
//! begin with chosen bytes, for lints that look at a few marks among many words.

/// The characters of a paragraph by index, for the lints that compare characters
/// at a distance (doubled-char, repeated-phrase). The tables of a document are
/// its largest shared buffer, so they are compact: two bytes per character in the Basic
/// Multilingual Plane (all of Chinese text, 0.7× its UTF-8), and byte offsets
/// recomputed from a checkpoint every [`STRIDE`] characters.
#[derive(Debug, Default)]
pub struct CharTable {
    /// The character itself when it fits in 16 bits; else [`ASTRAL`], with the
    /// character in `astral`. No character is a surrogate, so the mark is free.
    units: Vec<u16>,
    /// (char index, character) of the characters beyond U+FFFF, by index.
    astral: Vec<(u32, char)>,
    /// Byte offset of every STRIDE-th character.
    marks: Vec<u32>,
    /// Byte length of the text.
    end: usize,
}

const STRIDE: usize = 32;
const ASTRAL: u16 = 0xD800;

impl CharTable {
    pub const EMPTY: CharTable = CharTable {
        units: Vec::new(),
        astral: Vec::new(),
        marks: Vec::new(),
        end: 0,
    };

    /// The characters of `text`, sized exactly. Empty for a paragraph of 4 GiB or
    /// more, whose offsets do not fit: the lints skip it.
    pub fn new(text: &str) -> CharTable {
        let mut t = CharTable::default();
        if u32::try_from(text.len()).is_err() {
            return t;
        }
        let n = text.chars().count();
        t.units.reserve_exact(n);
        t.marks.reserve_exact(n.div_ceil(STRIDE));
        for (k, (i, c)) in text.char_indices().enumerate() {
            if k % STRIDE == 0 {
                t.marks.push(i as u32);
            }
            match u16::try_from(u32::from(c)) {
                Ok(u) => t.units.push(u),
                Err(_) => {
                    t.astral.push((k as u32, c));
                    t.units.push(ASTRAL);
                }
            }
        }
        t.end = text.len();
        t
    }

    pub fn len(&self) -> usize {
        self.units.len()
    }

    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    /// The character at index `k`, `'\0'` past the end.
    pub fn at(&self, k: usize) -> char {
        match self.units.get(k) {
            None => '\0',
            Some(&ASTRAL) => self.astral_at(k),
            Some(&u) => char::from_u32(u32::from(u)).unwrap_or('\0'),
        }
    }

    fn astral_at(&self, k: usize) -> char {
        let i = self.astral.partition_point(|&(j, _)| (j as usize) < k);
        self.astral.get(i).map_or('\0', |&(_, c)| c)
    }

    /// Whether the characters at `i` and `j` (both in range) are the same.
    pub fn same(&self, i: usize, j: usize) -> bool {
        let (a, b) = (self.units[i], self.units[j]);
        a == b && (a != ASTRAL || self.astral_at(i) == self.astral_at(j))
    }

    /// Byte offset of the character at index `k`; the text's length past the end.
    pub fn byte(&self, k: usize) -> usize {
        if k >= self.units.len() {
            return self.end;
        }
        let m = k / STRIDE;
        let from = self.marks.get(m).map_or(0, |&b| b as usize);
        from + (m * STRIDE..k)
            .map(|i| self.at(i).len_utf8())
            .sum::<usize>()
    }

    /// Every character in order with its byte offset, without decoding UTF-8.
    pub fn iter(&self) -> impl Iterator<Item = (usize, char)> + '_ {
        let mut byte = 0;
        let mut astral = self.astral.iter();
        self.units.iter().map(move |&u| {
            let c = if u == ASTRAL {
                astral.next().map_or('\0', |&(_, c)| c)
            } else {
                char::from_u32(u32::from(u)).unwrap_or('\0')
            };
            let at = byte;
            byte += c.len_utf8();
            (at, c)
        })
    }
}

/// A set of characters named by their first UTF-8 byte, for a walk that steps
/// over whole characters (one table look-up each) and stops only at those.
pub struct LeadBytes {
    /// Per byte value: the length of a character starting with it (low bits),
    /// and [`WANTED`] when the walk stops at it.
    table: [u8; 256],
}

const WANTED: u8 = 0x80;

impl LeadBytes {
    pub const fn new(stops: &[u8]) -> LeadBytes {
        let mut table = [1u8; 256];
        let mut b = 0xC0;
        while b < 256 {
            table[b] = if b >= 0xF0 {
                4
            } else if b >= 0xE0 {
                3
            } else {
                2
            };
            b += 1;
        }
        let mut i = 0;
        while i < stops.len() {
            table[stops[i] as usize] |= WANTED;
            i += 1;
        }
        LeadBytes { table }
    }

    /// Byte offsets of the characters of `text` whose first byte is in the set.
    pub fn find_in<'a>(&'a self, text: &'a str) -> impl Iterator<Item = usize> + 'a {
        let bytes = text.as_bytes();
        let mut i = 0;
        std::iter::from_fn(move || {
            while let Some(&b) = bytes.get(i) {
                let e = self.table[b as usize];
                let at = i;
                i += usize::from(e & 7);
                if e & WANTED != 0 {
                    return Some(at);
                }
            }
            None
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_reads_back_the_text() {
        let text = "a两𠀀，b";
        let t = CharTable::new(text);
        assert_eq!(t.len(), 5);
        let chars: Vec<(usize, char)> = t.iter().collect();
        assert_eq!(chars, text.char_indices().collect::<Vec<_>>());
        assert_eq!(t.at(2), '𠀀');
        assert_eq!(t.byte(3), 8);
        assert_eq!(t.byte(9), text.len());
        // Offsets past several checkpoints.
        let long = "两a𠀀，".repeat(30);
        let t = CharTable::new(&long);
        for (k, (i, _)) in long.char_indices().enumerate() {
            assert_eq!(t.byte(k), i);
        }
    }

    #[test]
    fn lead_bytes_stop_at_whole_characters_only() {
        // 「，」 is EF BC 8C; 「好」 E5 A5 BD holds no EF; 「＋」 EF BC 8B.
        const SET: LeadBytes = LeadBytes::new(&[0xEF, b'(']);
        let text = "好，(a＋";
        let found: Vec<usize> = SET.find_in(text).collect();
        let want: Vec<usize> = text
            .char_indices()
            .filter(|&(_, c)| matches!(c, '，' | '(' | '＋'))
            .map(|(i, _)| i)
            .collect();
        assert_eq!(found, want);
        assert_eq!(SET.find_in("").count(), 0);
    }
}
