//! Word's number formats (`w:numFmt`): how a counter value is written.

/// A level's number format. Values a format cannot write (zero, negatives, past
/// the end of a closed set such as ①…⑳) fall back to what Word falls back to:
/// plain decimal, or the ASCII spelling of the enclosed forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) enum Format {
    #[default]
    Decimal,
    /// Zero-padded to this many digits (`decimalZero` is 2; custom "001, 002, …" is 3).
    Padded(usize),
    FullWidth,
    UpperRoman,
    LowerRoman,
    UpperLetter,
    LowerLetter,
    Ordinal,
    /// 一 二 … 十 十一 … 一百零一
    Chinese,
    /// 壹 贰 … 拾 拾壹
    ChineseLegal,
    /// 壹 貳 … 拾
    ChineseLegalTraditional,
    /// 一〇一: digit by digit
    IdeographDigital,
    /// 甲 乙 丙 … 癸
    HeavenlyStem,
    /// 子 丑 寅 … 亥
    Zodiac,
    /// ① … ⑳
    Circled,
    /// ⑴ … ⒇
    Paren,
    /// ⒈ … ⒛
    FullStop,
    /// ㊀ … ㊉
    CircledIdeograph,
    Bullet,
    None,
}

impl Format {
    /// The format named by `w:numFmt/@w:val` (and `@w:format` for "custom").
    pub fn from_name(name: &str, custom: Option<&str>) -> Format {
        match name {
            "decimalZero" => Format::Padded(2),
            "decimalFullWidth" | "decimalFullWidth2" => Format::FullWidth,
            "upperRoman" => Format::UpperRoman,
            "lowerRoman" => Format::LowerRoman,
            "upperLetter" => Format::UpperLetter,
            "lowerLetter" => Format::LowerLetter,
            "ordinal" => Format::Ordinal,
            "chineseCounting"
            | "chineseCountingThousand"
            | "japaneseCounting"
            | "taiwaneseCounting"
            | "taiwaneseCountingThousand"
            | "koreanCounting" => Format::Chinese,
            "chineseLegalSimplified" => Format::ChineseLegal,
            "ideographLegalTraditional" | "japaneseLegal" => Format::ChineseLegalTraditional,
            "ideographDigital" | "taiwaneseDigital" | "japaneseDigitalTenThousand" => {
                Format::IdeographDigital
            }
            "ideographTraditional" => Format::HeavenlyStem,
            "ideographZodiac" => Format::Zodiac,
            "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => Format::Circled,
            "decimalEnclosedParen" => Format::Paren,
            "decimalEnclosedFullstop" => Format::FullStop,
            "ideographEnclosedCircle" => Format::CircledIdeograph,
            "bullet" => Format::Bullet,
            "none" => Format::None,
            "custom" => custom.map_or(Format::Decimal, custom_format),
            _ => Format::Decimal,
        }
    }

    /// Whether the marker's text already closes itself (①, ⑴, ⒈), so nothing
    /// needs to separate it from the paragraph text.
    pub fn is_enclosed(self) -> bool {
        matches!(
            self,
            Format::Circled | Format::Paren | Format::FullStop | Format::CircledIdeograph
        )
    }

    pub fn render(self, n: i64) -> String {
        let fallback = || n.to_string();
        let in_range = |lo: i64, hi: i64| (lo..=hi).contains(&n);
        let nth = |set: &str| {
            usize::try_from(n - 1)
                .ok()
                .and_then(|i| set.chars().nth(i))
                .map_or_else(fallback, String::from)
        };
        let offset = |base: u32, count: i64| {
            if in_range(1, count) {
                char::from_u32(base + n as u32 - 1).map(String::from)
            } else {
                None
            }
        };
        match self {
            Format::Decimal => fallback(),
            Format::Padded(w) if n >= 0 => format!("{n:0w$}", w = w.min(16)),
            Format::Padded(_) => fallback(),
            Format::FullWidth => fallback()
                .chars()
                .map(|c| match c.to_digit(10) {
                    Some(d) => char::from_u32(0xFF10 + d).unwrap_or(c),
                    None => c,
                })
                .collect(),
            Format::UpperRoman => roman(n).unwrap_or_else(fallback),
            Format::LowerRoman => roman(n).map_or_else(fallback, |r| r.to_lowercase()),
            Format::UpperLetter => letters(n, b'A').unwrap_or_else(fallback),
            Format::LowerLetter => letters(n, b'a').unwrap_or_else(fallback),
            Format::Ordinal => ordinal(n),
            Format::Chinese => {
                chinese(n, "零一二三四五六七八九", "十百千", '万', true).unwrap_or_else(fallback)
            }
            Format::ChineseLegal => {
                chinese(n, "零壹贰叁肆伍陆柒捌玖", "拾佰仟", '万', false).unwrap_or_else(fallback)
            }
            Format::ChineseLegalTraditional => {
                chinese(n, "零壹貳參肆伍陸柒捌玖", "拾佰仟", '萬', false).unwrap_or_else(fallback)
            }
            Format::IdeographDigital if n >= 0 => fallback()
                .chars()
                .filter_map(|c| c.to_digit(10))
                .filter_map(|d| "〇一二三四五六七八九".chars().nth(d as usize))
                .collect(),
            Format::IdeographDigital => fallback(),
            Format::HeavenlyStem => nth("甲乙丙丁戊己庚辛壬癸"),
            Format::Zodiac => nth("子丑寅卯辰巳午未申酉戌亥"),
            Format::Circled => offset(0x2460, 20).unwrap_or_else(fallback),
            Format::Paren => offset(0x2474, 20).unwrap_or_else(|| format!("({n})")),
            Format::FullStop => offset(0x2488, 20).unwrap_or_else(|| format!("{n}.")),
            Format::CircledIdeograph => offset(0x3280, 10).unwrap_or_else(fallback),
            Format::Bullet | Format::None => String::new(),
        }
    }
}

/// `w:format="001, 002, 003, ..."`: zero padding to the width of the first item;
/// anything else reads as decimal.
fn custom_format(spec: &str) -> Format {
    let first = spec.split(',').next().unwrap_or("").trim();
    if first.len() > 1 && first.starts_with('0') && first.bytes().all(|b| b.is_ascii_digit()) {
        Format::Padded(first.len())
    } else {
        Format::Decimal
    }
}

fn roman(n: i64) -> Option<String> {
    if !(1..=3999).contains(&n) {
        return None;
    }
    const TABLE: [(i64, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut left = n;
    let mut out = String::new();
    for (v, s) in TABLE {
        while left >= v {
            out.push_str(s);
            left -= v;
        }
    }
    Some(out)
}

/// Word's letters: A … Z, then AA, BB … ZZ, then AAA (the letter repeated).
fn letters(n: i64, a: u8) -> Option<String> {
    if !(1..=26 * 30).contains(&n) {
        return None;
    }
    let letter = char::from(a + ((n - 1) % 26) as u8);
    Some(std::iter::repeat_n(letter, ((n - 1) / 26 + 1) as usize).collect())
}

fn ordinal(n: i64) -> String {
    let suffix = match (n % 100, n % 10) {
        (11..=13, _) => "th",
        (_, 1) => "st",
        (_, 2) => "nd",
        (_, 3) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// A Chinese numeral below one hundred million, with 零 for skipped places.
/// `short_ten` writes 10–19 as 十… rather than 一十….
fn chinese(n: i64, digits: &str, units: &str, wan: char, short_ten: bool) -> Option<String> {
    if !(1..100_000_000).contains(&n) {
        return None;
    }
    let d: Vec<char> = digits.chars().collect();
    let u: Vec<char> = units.chars().collect();
    let (zero, high, low) = (*d.first()?, n / 10_000, n % 10_000);
    let mut out = String::new();
    if high > 0 {
        below_10k(high, &d, &u, &mut out);
        out.push(wan);
        if low > 0 && low < 1000 {
            out.push(zero);
        }
    }
    if low > 0 {
        below_10k(low, &d, &u, &mut out);
    }
    if short_ten && (10..20).contains(&n) {
        out.remove(0);
    }
    Some(out)
}

fn below_10k(n: i64, d: &[char], u: &[char], out: &mut String) {
    let mut pending_zero = false;
    let mut started = false;
    for (place, unit) in [
        (1000, u.get(2)),
        (100, u.get(1)),
        (10, u.first()),
        (1, None),
    ] {
        let digit = ((n / place) % 10) as usize;
        if digit == 0 {
            pending_zero = started;
            continue;
        }
        if pending_zero {
            out.extend(d.first());
            pending_zero = false;
        }
        out.extend(d.get(digit));
        out.extend(unit);
        started = true;
    }
}

#[cfg(test)]
mod tests {
    use super::Format;

    #[test]
    fn renders_each_format() {
        let cases: &[(Format, i64, &str)] = &[
            (Format::Decimal, 12, "12"),
            (Format::Padded(2), 3, "03"),
            (Format::Padded(2), 12, "12"),
            (Format::FullWidth, 12, "１２"),
            (Format::UpperRoman, 14, "XIV"),
            (Format::LowerRoman, 9, "ix"),
            (Format::UpperLetter, 28, "BB"),
            (Format::LowerLetter, 3, "c"),
            (Format::Ordinal, 12, "12th"),
            (Format::Ordinal, 22, "22nd"),
            (Format::Chinese, 1, "一"),
            (Format::Chinese, 10, "十"),
            (Format::Chinese, 11, "十一"),
            (Format::Chinese, 20, "二十"),
            (Format::Chinese, 101, "一百零一"),
            (Format::Chinese, 110, "一百一十"),
            (Format::Chinese, 1005, "一千零五"),
            (Format::Chinese, 10010, "一万零一十"),
            (Format::Chinese, 0, "0"),
            (Format::ChineseLegal, 12, "壹拾贰"),
            (Format::IdeographDigital, 105, "一〇五"),
            (Format::HeavenlyStem, 3, "丙"),
            (Format::HeavenlyStem, 11, "11"),
            (Format::Zodiac, 12, "亥"),
            (Format::Circled, 1, "①"),
            (Format::Circled, 20, "⑳"),
            (Format::Circled, 21, "21"),
            (Format::Paren, 1, "⑴"),
            (Format::Paren, 21, "(21)"),
            (Format::FullStop, 2, "⒉"),
            (Format::CircledIdeograph, 1, "㊀"),
            (Format::Bullet, 1, ""),
            (Format::None, 1, ""),
        ];
        for &(f, n, want) in cases {
            assert_eq!(f.render(n), want, "{f:?} {n}");
        }
        for f in [Format::Chinese, Format::UpperLetter, Format::Circled] {
            for n in [i64::MIN, -1, 0, i64::MAX] {
                let _ = f.render(n);
            }
        }
    }

    #[test]
    fn reads_format_names() {
        assert_eq!(Format::from_name("chineseCounting", None), Format::Chinese);
        assert_eq!(
            Format::from_name("custom", Some("001, 002, 003, ...")),
            Format::Padded(3)
        );
        assert_eq!(Format::from_name("whatever", None), Format::Decimal);
    }
}
