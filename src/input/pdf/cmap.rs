//! ToUnicode CMaps: how a font's character codes map to Unicode text, and how
//! many bytes each code takes (`codespacerange`). Chinese PDFs from Word and WPS
//! use two-byte codes (Identity-H) mapped to Unicode this way.
//!
//! Ranges are kept as ranges, never expanded: a crafted `<0000> <FFFFFFFF>`
//! range costs one entry.

/// Most entries kept from one CMap; a real one has a few thousand.
const MAX_ENTRIES: usize = 100_000;

#[derive(Debug, Clone)]
enum Target {
    /// `lo` maps to this text; each following code adds one to its last character.
    Offset(Vec<char>),
    /// One text per code from `lo` on.
    List(Vec<String>),
}

#[derive(Debug, Clone)]
struct Range {
    len: u8,
    lo: u32,
    hi: u32,
    target: Target,
}

#[derive(Debug, Clone, Default)]
pub(super) struct CMap {
    /// (bytes, low, high) code space ranges.
    codespace: Vec<(u8, u32, u32)>,
    /// Sorted by (len, lo); later definitions win on overlap (searched from the end).
    ranges: Vec<Range>,
}

impl CMap {
    pub(super) fn parse(data: &[u8]) -> CMap {
        let mut cmap = CMap::default();
        let tokens = tokenize(data);
        let mut i = 0;
        while i < tokens.len() {
            match &tokens[i] {
                Token::Word(w) if w == "begincodespacerange" => {
                    i += 1;
                    while let (Some(Token::Hex(a)), Some(Token::Hex(b))) =
                        (tokens.get(i), tokens.get(i + 1))
                    {
                        if let (Some(lo), Some(hi)) = (code(a), code(b)) {
                            cmap.codespace.push((a.len() as u8, lo, hi));
                        }
                        i += 2;
                    }
                }
                Token::Word(w) if w == "beginbfchar" => {
                    i += 1;
                    while let (Some(Token::Hex(src)), Some(dst)) =
                        (tokens.get(i), tokens.get(i + 1))
                    {
                        if let (Some(c), Some(text)) = (code(src), dst.text()) {
                            cmap.push(src.len() as u8, c, c, Target::Offset(text));
                        }
                        i += 2;
                    }
                }
                Token::Word(w) if w == "beginbfrange" => {
                    i += 1;
                    while let (Some(Token::Hex(a)), Some(Token::Hex(b)), Some(dst)) =
                        (tokens.get(i), tokens.get(i + 1), tokens.get(i + 2))
                    {
                        if let (Some(lo), Some(hi)) = (code(a), code(b)) {
                            let target = match dst {
                                Token::List(items) => Some(Target::List(
                                    items
                                        .iter()
                                        .map(|t| t.text().unwrap_or_default().into_iter().collect())
                                        .collect(),
                                )),
                                other => other.text().map(Target::Offset),
                            };
                            if let Some(t) = target.filter(|_| lo <= hi) {
                                cmap.push(a.len() as u8, lo, hi, t);
                            }
                        }
                        i += 3;
                    }
                }
                _ => i += 1,
            }
        }
        cmap.ranges.sort_by_key(|r| (r.len, r.lo));
        cmap
    }

    fn push(&mut self, len: u8, lo: u32, hi: u32, target: Target) {
        if self.ranges.len() < MAX_ENTRIES && (1..=4).contains(&len) {
            self.ranges.push(Range {
                len,
                lo,
                hi,
                target,
            });
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    /// How many bytes the code starting at `bytes` takes: by the code space
    /// ranges, else by the lengths of the mapped codes, else `default`.
    pub(super) fn code_len(&self, bytes: &[u8], default: usize) -> usize {
        if !self.codespace.is_empty() {
            for n in 1..=4usize.min(bytes.len()) {
                let c = be(&bytes[..n]);
                if self
                    .codespace
                    .iter()
                    .any(|&(len, lo, hi)| len as usize == n && lo <= c && c <= hi)
                {
                    return n;
                }
            }
            return default.min(bytes.len()).max(1);
        }
        default.min(bytes.len()).max(1)
    }

    /// The text of code `c` written in `len` bytes.
    pub(super) fn lookup(&self, len: usize, c: u32) -> Option<String> {
        let len = len as u8;
        // Ranges of this length whose low end is at most `c`; the last defined wins.
        let end = self.ranges.partition_point(|r| (r.len, r.lo) <= (len, c));
        let r = self.ranges[..end]
            .iter()
            .rev()
            .take_while(|r| r.len == len)
            .find(|r| c <= r.hi)?;
        let k = c - r.lo;
        match &r.target {
            Target::Offset(chars) => {
                let (last, head) = chars.split_last()?;
                let last = char::from_u32(u32::from(*last).checked_add(k)?)?;
                let mut s: String = head.iter().collect();
                s.push(last);
                Some(s)
            }
            Target::List(items) => items.get(k as usize).cloned(),
        }
    }
}

fn be(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0u32, |a, &b| (a << 8) | u32::from(b))
}

fn code(hex: &[u8]) -> Option<u32> {
    (1..=4).contains(&hex.len()).then(|| be(hex))
}

/// UTF-16BE text, lone surrogates replaced.
pub(super) fn utf16(bytes: &[u8]) -> Vec<char> {
    let units = bytes
        .chunks(2)
        .map(|c| (u16::from(c[0]) << 8) | u16::from(*c.get(1).unwrap_or(&0)));
    char::decode_utf16(units)
        .map(|r| r.unwrap_or('\u{FFFD}'))
        .collect()
}

#[derive(Debug)]
enum Token {
    Hex(Vec<u8>),
    Word(String),
    Name(String),
    List(Vec<Token>),
}

impl Token {
    fn text(&self) -> Option<Vec<char>> {
        match self {
            Token::Hex(b) if !b.is_empty() => Some(utf16(b)),
            Token::Name(n) => glyph_name(n).map(|c| vec![c]),
            _ => None,
        }
    }
}

/// The character a glyph name stands for, for the names CMaps use (`uniXXXX`, `uXXXX`).
fn glyph_name(name: &str) -> Option<char> {
    let hex = name
        .strip_prefix("uni")
        .or_else(|| name.strip_prefix('u'))?;
    char::from_u32(u32::from_str_radix(hex.get(..hex.len().min(6))?, 16).ok()?)
}

fn tokenize(data: &[u8]) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let mut list: Option<Vec<Token>> = None;
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        let token = match b {
            b'%' => {
                while i < data.len() && data[i] != b'\n' && data[i] != b'\r' {
                    i += 1;
                }
                continue;
            }
            b'<' if data.get(i + 1) == Some(&b'<') => {
                i += 2;
                continue;
            }
            b'>' => {
                i += 1;
                continue;
            }
            b'<' => {
                let start = i + 1;
                let end = data[start..]
                    .iter()
                    .position(|&c| c == b'>')
                    .map_or(data.len(), |p| start + p);
                i = end + 1;
                Token::Hex(hex_bytes(&data[start..end]))
            }
            b'[' => {
                list = Some(Vec::new());
                i += 1;
                continue;
            }
            b']' => {
                i += 1;
                match list.take() {
                    Some(items) => Token::List(items),
                    None => continue,
                }
            }
            b'/' => {
                let start = i + 1;
                i = start;
                while i < data.len() && is_regular(data[i]) {
                    i += 1;
                }
                Token::Name(String::from_utf8_lossy(&data[start..i]).into_owned())
            }
            b'(' => {
                // Literal strings hold names of the CMap, not mappings: skip them.
                let mut depth = 0;
                while i < data.len() {
                    match data[i] {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                i += 1;
                continue;
            }
            c if is_regular(c) => {
                let start = i;
                while i < data.len() && is_regular(data[i]) {
                    i += 1;
                }
                Token::Word(String::from_utf8_lossy(&data[start..i]).into_owned())
            }
            _ => {
                i += 1;
                continue;
            }
        };
        match &mut list {
            Some(items) => items.push(token),
            None => out.push(token),
        }
    }
    out
}

fn is_regular(c: u8) -> bool {
    !c.is_ascii_whitespace()
        && c != 0
        && !matches!(
            c,
            b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
        )
}

pub(super) fn hex_bytes(hex: &[u8]) -> Vec<u8> {
    let digits: Vec<u8> = hex
        .iter()
        .filter_map(|&c| (c as char).to_digit(16).map(|d| d as u8))
        .collect();
    digits
        .chunks(2)
        .map(|p| (p[0] << 4) | p.get(1).copied().unwrap_or(0))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const CMAP: &[u8] = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap
        1 begincodespacerange <0000> <FFFF> endcodespacerange
        2 beginbfchar <0003> <0020> <0010> <5E74> endbfchar
        2 beginbfrange <0020> <0022> <4E00> <0030> <0031> [<6708> <65E5>] endbfrange
        endcmap";

    #[test]
    fn chars_and_ranges_map_two_byte_codes() {
        let m = CMap::parse(CMAP);
        assert_eq!(m.lookup(2, 0x10).as_deref(), Some("年"));
        assert_eq!(m.lookup(2, 0x21).as_deref(), Some("丁"));
        assert_eq!(m.lookup(2, 0x31).as_deref(), Some("日"));
        assert_eq!(m.lookup(2, 0x23), None);
        assert_eq!(m.lookup(1, 0x10), None);
        assert_eq!(m.code_len(&[0, 0x10, 0, 0x21], 1), 2);
    }

    #[test]
    fn a_huge_range_is_one_entry() {
        let m = CMap::parse(b"1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange");
        assert_eq!(m.ranges.len(), 1);
        assert_eq!(m.lookup(4, 1).as_deref(), Some("B"));
        assert_eq!(m.lookup(4, 0xFFFF_FFFF), None, "past the last character");
    }

    #[test]
    fn garbage_gives_an_empty_map() {
        assert!(CMap::parse(b"<<<< [[[ ((( beginbfrange <00> endbfrange").is_empty());
    }
}
