//! The number a table cell holds: "1,462", "95.83%", "１２３．４", "3.44万",
//! "-2.5", "120人", "68.2*" (footnote marker). A cell that says more than a number
//! and its unit ("95人以上", "见附件") holds none; "—", "-", "/" and "" are blanks.

/// A number read from a cell.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CellNumber {
    /// The value as written, times the cell's own multiplier (万, 亿) if any.
    pub value: f64,
    /// Decimals as written.
    pub decimals: u32,
    /// Value of one unit in the last written place (0.01 for 95.83, 100 for 3.44万).
    pub step: f64,
    pub percent: bool,
    /// 约/近/余/以上…: a rounded statement no sum can be held to.
    pub approx: bool,
    /// The cell named its own multiplier (万/亿/千).
    pub own_multiplier: bool,
    /// Bytes of the cell text taken by the digits (sign included), from its start.
    pub digits: (usize, usize),
}

impl CellNumber {
    /// Whether an exact value `x` could have been printed as this number: by
    /// rounding or by cutting off the digits past the last one shown.
    pub fn admits(&self, x: f64) -> bool {
        let eps = 1e-9 * self.value.abs().max(1.0);
        x >= self.value - self.step / 2.0 - eps && x < self.value + self.step + eps
    }
}

/// What a cell holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Content {
    /// Nothing, or a placeholder: — - / 无 空.
    Blank,
    Number(CellNumber),
    /// A year, month or date ("2025年", "1-10月"): not a quantity to add.
    Date,
    Text,
}

const PLACEHOLDERS: &[&str] = &[
    "", "—", "——", "-", "--", "－", "–", "/", "／", "…", "……", "无", "空", "NA", "N/A", "n/a", "×",
];

/// Prefixes and suffixes that make a number approximate.
const APPROX_PREFIX: &[&str] = &["约", "近", "超", "逾", "≈", "～", "~", ">", "<", "≥", "≤"];
const APPROX_SUFFIX: &[&str] = &["余", "多", "以上", "以下", "左右", "+"];

/// Units a cell may carry after its number: measure words, money, area…
fn is_unit_char(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || c.is_ascii_alphabetic() || c == '²' || c == '³'
}

fn is_footnote(c: char) -> bool {
    matches!(
        c,
        '*' | '＊' | '※' | '†' | '‡' | '#' | '＃' | '¹' | '²' | '³' | '⁴' | '⁵'
    ) || ('①'..='⑳').contains(&c)
}

/// Reads `cell` (already trimmed).
pub fn parse(cell: &str) -> Content {
    // Markdown emphasis around the whole cell: **112**.
    for mark in ["**", "__"] {
        if let Some(inner) = cell.strip_prefix(mark).and_then(|c| c.strip_suffix(mark)) {
            return match parse(inner.trim()) {
                Content::Number(mut n) => {
                    n.digits = (n.digits.0 + mark.len(), n.digits.1 + mark.len());
                    Content::Number(n)
                }
                other => other,
            };
        }
    }
    // Placeholders are short; most cells are not, or start with a digit.
    if cell.len() <= 6 && PLACEHOLDERS.contains(&cell) {
        return Content::Blank;
    }
    let mut rest = cell;
    let mut approx = false;
    let digit_first = cell.as_bytes().first().is_some_and(u8::is_ascii_digit);
    for p in APPROX_PREFIX.iter().filter(|_| !digit_first) {
        if let Some(r) = rest.strip_prefix(p) {
            rest = r.trim_start();
            approx = true;
            break;
        }
    }
    let lead = cell.len() - rest.len();
    let Some((number, used)) = scan_number(rest) else {
        return Content::Text;
    };
    let mut tail = rest[used..].trim_start();
    // Footnote markers close the cell: 68.2*, 1,200①, 95%[1].
    tail = strip_footnote(tail);
    let mut percent = false;
    let mut per_mille = false;
    if let Some(t) = tail.strip_prefix(['%', '％']) {
        percent = true;
        tail = t;
    } else if let Some(t) = tail.strip_prefix('‰') {
        per_mille = true;
        tail = t;
    }
    let mut multiplier = 1.0;
    for (w, m) in [("亿", 1e8), ("万", 1e4), ("千", 1e3)] {
        if !percent && !per_mille {
            if let Some(t) = tail.strip_prefix(w) {
                multiplier = m;
                tail = t;
                break;
            }
        }
    }
    for s in APPROX_SUFFIX {
        if let Some(t) = tail.strip_prefix(s) {
            tail = t;
            approx = true;
            break;
        }
    }
    let unit_len = tail
        .char_indices()
        .take_while(|&(_, c)| is_unit_char(c) || c == '/')
        .map(|(i, c)| i + c.len_utf8())
        .last()
        .unwrap_or(0);
    let unit = &tail[..unit_len];
    let after = strip_footnote(tail[unit_len..].trim_start());
    if !after.is_empty() || unit.chars().count() > 4 {
        return Content::Text;
    }
    if unit.ends_with(['年', '月', '日']) || unit == "季度" {
        return Content::Date;
    }
    if unit.chars().any(|c| c.is_ascii_alphabetic()) && !unit.is_ascii() {
        return Content::Text;
    }
    for s in APPROX_SUFFIX {
        if unit.ends_with(s) {
            approx = true;
        }
    }
    let scale = if per_mille { 0.1 } else { 1.0 };
    Content::Number(CellNumber {
        value: number.value * multiplier * scale,
        decimals: number.decimals,
        step: 10f64.powi(-(number.decimals as i32)) * multiplier * scale,
        percent: percent || per_mille,
        approx,
        own_multiplier: multiplier != 1.0,
        digits: (lead, lead + used),
    })
}

fn strip_footnote(s: &str) -> &str {
    let s = s.trim_start_matches(is_footnote);
    // [1] or （注1）
    if let Some(inner) = s.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
        if inner.chars().all(|c| c.is_ascii_digit()) {
            return "";
        }
    }
    s
}

/// Up to 40 ASCII bytes; longer numbers are not table values.
struct Ascii {
    buf: [u8; 40],
    len: usize,
    overflow: bool,
}

impl Default for Ascii {
    fn default() -> Self {
        Ascii {
            buf: [0; 40],
            len: 0,
            overflow: false,
        }
    }
}

impl Ascii {
    fn push(&mut self, c: char) {
        match self.buf.get_mut(self.len) {
            Some(b) if c.is_ascii() => {
                *b = c as u8;
                self.len += 1;
            }
            _ => self.overflow = true,
        }
    }

    fn as_str(&self) -> Option<&str> {
        if self.overflow {
            return None;
        }
        std::str::from_utf8(&self.buf[..self.len]).ok()
    }
}

struct Scanned {
    value: f64,
    decimals: u32,
}

/// A number at the start of `s`: optional sign, digits (ASCII or full-width) with
/// optional thousands separators, optional decimals. Returns it and the bytes used.
fn scan_number(s: &str) -> Option<(Scanned, usize)> {
    // The number as ASCII, on the stack: cells are many, numbers short.
    let mut ascii = Ascii::default();
    let mut used = 0;
    let mut chars = s.char_indices().peekable();
    if let Some(&(_, c)) = chars.peek() {
        if matches!(c, '-' | '−' | '－' | '+' | '＋') {
            if c != '+' && c != '＋' {
                ascii.push('-');
            }
            chars.next();
            used = c.len_utf8();
        }
    }
    let mut int_digits = 0;
    let mut group = 0; // digits since the last thousands separator
    let mut separated = false;
    let mut decimals: Option<u32> = None;
    while let Some(&(i, c)) = chars.peek() {
        let digit = match c {
            '0'..='9' => Some(c),
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
            _ => None,
        };
        if let Some(d) = digit {
            ascii.push(d);
            match decimals.as_mut() {
                Some(n) => *n += 1,
                None => {
                    int_digits += 1;
                    group += 1;
                }
            }
            used = i + c.len_utf8();
            chars.next();
            continue;
        }
        let next_is_digit = |k: usize| {
            s[i + c.len_utf8()..]
                .chars()
                .take(k)
                .all(|n| n.is_ascii_digit() || ('０'..='９').contains(&n))
                && s[i + c.len_utf8()..].chars().count() >= k
        };
        match c {
            ',' | '，' if decimals.is_none() && int_digits > 0 && next_is_digit(3) => {
                if separated && group != 3 || !separated && group > 3 {
                    return None;
                }
                separated = true;
                group = 0;
                chars.next();
            }
            '.' | '．' if decimals.is_none() && int_digits > 0 && next_is_digit(1) => {
                ascii.push('.');
                decimals = Some(0);
                chars.next();
            }
            _ => break,
        }
    }
    if int_digits == 0 || separated && group != 3 {
        return None;
    }
    let value: f64 = ascii.as_str()?.parse().ok()?;
    Some((
        Scanned {
            value,
            decimals: decimals.unwrap_or(0),
        },
        used,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str) -> CellNumber {
        match parse(s) {
            Content::Number(n) => n,
            other => panic!("{s}: {other:?}"),
        }
    }

    #[test]
    fn plain_numbers_with_separators_units_and_markers() {
        assert_eq!(num("1,462").value, 1462.0);
        assert_eq!(num("２７，２０３").value, 27203.0);
        let r = num("95.83%");
        assert!(r.percent && r.decimals == 2 && (r.value - 95.83).abs() < 1e-9);
        assert_eq!(num("120人").value, 120.0);
        assert_eq!(num("3.44万").value, 34400.0);
        assert!((num("3.44万").step - 100.0).abs() < 1e-9);
        assert_eq!(num("68.2*").value, 68.2);
        assert_eq!(num("1200①").value, 1200.0);
        assert_eq!(num("-2.5").value, -2.5);
        assert_eq!(num("１２３．４").decimals, 1);
        assert!(num("约100").approx);
        assert!(num("300余人").approx);
        assert_eq!(num("5‰").value, 0.5);
        assert_eq!(num("**112**").value, 112.0);
    }

    #[test]
    fn blanks_dates_and_text() {
        for s in ["", "—", "-", "/", "无"] {
            assert_eq!(parse(s), Content::Blank, "{s}");
        }
        assert_eq!(parse("2025年"), Content::Date);
        assert_eq!(parse("见附件"), Content::Text);
        assert_eq!(parse("95人以上，其余待查"), Content::Text);
        assert_eq!(parse("1,46"), Content::Text);
        assert_eq!(parse("甲县"), Content::Text);
    }
}
