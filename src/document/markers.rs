//! Numbering markers: 一、 （一） 1. 1、 （1） ① 第一章 一是 第一， 亮点一 …

use super::cn_numeral;
use crate::span::Span;

/// The family of a marker decides its place in the outline; the variant inside a
/// family (1. or 1、, (一) or （一）) is a style choice that should stay uniform.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Family {
    /// 第一章 第二节 第三部分: the suffix is part of the family.
    Chapter(String),
    /// 一、
    CnComma,
    /// （一） (一)
    CnParen,
    /// 1. 1、 1．
    Arabic,
    /// （1） (1)
    ArabicParen,
    /// ① ②
    Circled,
    /// 亮点一 亮点二: a headline series, keyed by its word.
    Series(String),
    /// 一是 二是 (in running text or at a paragraph start)
    CnShi,
    /// 第一，第二，
    Ordinal,
    /// 首先…其次…
    FirstThen,
}

/// The exact form of a marker within its family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Variant {
    Plain,
    /// ASCII dot `1.`
    Dot,
    /// 顿号 `1、`
    Comma,
    /// full-width dot `1．`
    FullDot,
    /// ASCII brackets `(1)`
    AsciiParen,
    /// full-width brackets `（1）`
    FullParen,
}

impl Variant {
    pub fn describe(self) -> &'static str {
        match self {
            Variant::Plain => "",
            Variant::Dot => "半角点「.」",
            Variant::Comma => "顿号「、」",
            Variant::FullDot => "全角点「．」",
            Variant::AsciiParen => "半角括号「()」",
            Variant::FullParen => "全角括号「（）」",
        }
    }
}

/// A numbering marker found in the document.
#[derive(Debug, Clone)]
pub struct Marker {
    pub family: Family,
    pub variant: Variant,
    pub value: u32,
    /// The marker text itself, such as `（三）`.
    pub span: Span,
    /// Index of the paragraph it belongs to.
    pub paragraph: usize,
    /// At the start of its paragraph (a heading or list item) rather than inside running text.
    pub block: bool,
    /// The words after the marker up to the first punctuation: the heading's title.
    pub title: String,
    /// The title's document span.
    pub title_span: Span,
    /// The paragraph is only a heading: short, with no sentence in it.
    pub heading_only: bool,
}

impl Marker {
    /// How the marker reads, e.g. `（三）` or `亮点三`.
    pub fn render(&self, value: u32) -> String {
        let cn = to_cn(value);
        match (&self.family, self.variant) {
            (Family::Chapter(s), _) => format!("第{cn}{s}"),
            (Family::CnComma, _) => format!("{cn}、"),
            (Family::CnParen, Variant::AsciiParen) => format!("({cn})"),
            (Family::CnParen, _) => format!("（{cn}）"),
            (Family::Arabic, Variant::Comma) => format!("{value}、"),
            (Family::Arabic, Variant::FullDot) => format!("{value}．"),
            (Family::Arabic, _) => format!("{value}."),
            (Family::ArabicParen, Variant::AsciiParen) => format!("({value})"),
            (Family::ArabicParen, _) => format!("（{value}）"),
            (Family::Circled, _) => {
                char::from_u32(0x245F + value).map_or(format!("({value})"), String::from)
            }
            (Family::Series(w), _) => format!("{w}{cn}"),
            (Family::CnShi, _) => format!("{cn}是"),
            (Family::Ordinal, _) => format!("第{cn}"),
            (Family::FirstThen, _) => {
                if value == 1 {
                    "首先".to_owned()
                } else {
                    "其次".to_owned()
                }
            }
        }
    }
}

/// A Chinese numeral for 1..=999 (for messages).
pub fn to_cn(v: u32) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match v {
        0..=9 => D[v as usize].to_owned(),
        10..=19 => format!("十{}", if v > 10 { D[(v % 10) as usize] } else { "" }),
        20..=99 => format!(
            "{}十{}",
            D[(v / 10) as usize],
            if v % 10 > 0 { D[(v % 10) as usize] } else { "" }
        ),
        _ => {
            let rest = v % 100;
            let tail = match rest {
                0 => String::new(),
                1..=9 => format!("零{}", D[rest as usize]),
                10..=19 => format!("一{}", to_cn(rest)),
                _ => to_cn(rest),
            };
            format!("{}百{}", D[((v / 100) % 10) as usize], tail)
        }
    }
}

/// A marker at the start of `s` (already trimmed): family, variant, value, byte length.
pub fn parse_block(s: &str) -> Option<(Family, Variant, u32, usize)> {
    let first = s.chars().next()?;
    // ① … ⑳
    if ('\u{2460}'..='\u{2473}').contains(&first) {
        let v = first as u32 - 0x245F;
        return Some((Family::Circled, Variant::Plain, v, first.len_utf8()));
    }
    // （一） (一) （1） (1)
    if first == '(' || first == '（' {
        let close = if first == '(' { ')' } else { '）' };
        let inner_start = first.len_utf8();
        let end = s[inner_start..].find([')', '）'])? + inner_start;
        if end - inner_start > 12 {
            return None;
        }
        let inner = &s[inner_start..end];
        let closing = s[end..].chars().next()?;
        let variant = if first == '(' && closing == ')' {
            Variant::AsciiParen
        } else if closing == close {
            Variant::FullParen
        } else {
            Variant::AsciiParen // mixed brackets: count as ASCII, the odd one out
        };
        let len = end + closing.len_utf8();
        if let Some(v) = arabic(inner) {
            return Some((Family::ArabicParen, variant, v, len));
        }
        let v = cn_value(inner)?;
        return Some((Family::CnParen, variant, v, len));
    }
    // 1. 1、 1．  (not 1.5, not 2022、2023年)
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let v = arabic(&s[..digits])?;
        let rest = &s[digits..];
        let (variant, plen) = if rest.starts_with('.') {
            (Variant::Dot, 1)
        } else if rest.starts_with('、') {
            (Variant::Comma, '、'.len_utf8())
        } else if rest.starts_with('．') {
            (Variant::FullDot, '．'.len_utf8())
        } else {
            return None;
        };
        let after = rest[plen..].chars().next();
        if after.is_none_or(|c| c.is_ascii_digit() || c == '%' || c == '％') {
            return None;
        }
        return Some((Family::Arabic, variant, v, digits + plen));
    }
    // 第一章 第二节 第三部分 / 第一，
    if let Some(rest) = s.strip_prefix('第') {
        let n = numeral_prefix(rest);
        if n > 0 {
            let v = cn_value(&rest[..n])?;
            let after = &rest[n..];
            for suffix in ["部分", "章", "节", "篇", "编"] {
                if after.starts_with(suffix) {
                    let len = '第'.len_utf8() + n + suffix.len();
                    return Some((Family::Chapter(suffix.to_owned()), Variant::Plain, v, len));
                }
            }
            if after.starts_with(['，', ',', '、', '：', ':']) {
                return Some((Family::Ordinal, Variant::Plain, v, '第'.len_utf8() + n));
            }
        }
        return None;
    }
    // 一、  一是
    let n = numeral_prefix(s);
    if n > 0 {
        let v = cn_value(&s[..n])?;
        let after = &s[n..];
        if let Some(rest) = after.strip_prefix('、') {
            // 一、二级医院 / 三、四季度: a list of numbers, not a heading.
            let mut chars = rest.chars();
            let second_is_number = chars.next().is_some_and(|c| cn_numeral::digit(c).is_some());
            if second_is_number
                && chars.next().is_some_and(|c| {
                    matches!(c, '、' | '级' | '类' | '等' | '季' | '档' | '星' | '线')
                })
            {
                return None;
            }
            return Some((Family::CnComma, Variant::Plain, v, n + '、'.len_utf8()));
        }
        if after.starts_with('是') && n <= '十'.len_utf8() * 2 {
            return Some((Family::CnShi, Variant::Plain, v, n + '是'.len_utf8()));
        }
        return None;
    }
    series(s)
}

/// `20.2026年…` or `21.5+2…`: an Arabic item whose text starts with a digit. It
/// reads as a decimal too, so it counts only where it continues a list.
pub fn parse_tentative(s: &str) -> Option<(Family, Variant, u32, usize)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) || !s[digits..].starts_with('.') {
        return None;
    }
    let v = arabic(&s[..digits])?;
    s[digits + 1..]
        .starts_with(|c: char| c.is_ascii_digit())
        .then_some((Family::Arabic, Variant::Dot, v, digits + 1))
}

/// 亮点一： 专题二 案例三 — a short word, a numeral, then a colon, a space or the end.
fn series(s: &str) -> Option<(Family, Variant, u32, usize)> {
    let word_len: usize = s
        .char_indices()
        .take_while(|&(_, c)| is_han(c) && !cn_numeral::is_numeral_char(c) && c != '第')
        .map(|(_, c)| c.len_utf8())
        .sum();
    let chars = s[..word_len].chars().count();
    if !(2..=4).contains(&chars) {
        return None;
    }
    let rest = &s[word_len..];
    let n = numeral_prefix(rest);
    if n == 0 {
        return None;
    }
    let v = cn_value(&rest[..n])?;
    let after = rest[n..].chars().next();
    if !after.is_none_or(|c| matches!(c, '：' | ':' | ' ' | '\u{3000}')) {
        return None;
    }
    Some((
        Family::Series(s[..word_len].to_owned()),
        Variant::Plain,
        v,
        word_len + n,
    ))
}

/// Whether a line starts a new block: a numbered marker or a bullet.
pub fn starts_block(line: &str) -> bool {
    line.starts_with([
        '★', '☆', '●', '○', '◆', '◇', '■', '□', '▲', '△', '•', '※', '#',
    ]) || parse_block(line).is_some()
}

fn arabic(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 3 || !s.bytes().all(|b| b.is_ascii_digit()) || s.starts_with('0') {
        return None;
    }
    s.parse().ok()
}

fn cn_value(s: &str) -> Option<u32> {
    let v = cn_numeral::parse(s)?;
    (1..=999).contains(&v).then_some(v as u32)
}

/// Byte length of a run of Chinese numeral characters (at most 5 of them).
fn numeral_prefix(s: &str) -> usize {
    s.char_indices()
        .take_while(|&(i, c)| i < 15 && cn_numeral::is_numeral_char(c) && c != '零' && c != '〇')
        .map(|(_, c)| c.len_utf8())
        .sum()
}

pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FA1F}')
}

/// Inline enumerations in running text: 一是 二是 after a clause boundary, and
/// 第一，第二， after a sentence boundary. Yields (family, value, start, len).
pub fn inline(text: &str) -> Vec<(Family, u32, usize, usize)> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        let boundary = match prev {
            None => false, // the paragraph start is a block marker, handled elsewhere
            Some(p) => {
                matches!(p, '。' | '；' | ';' | '，' | ',' | '：' | ':' | '！' | '？')
                    || p.is_whitespace() && i > p.len_utf8()
            }
        };
        prev = Some(c);
        let circled = ('\u{2460}'..='\u{2473}').contains(&c) && i > 0;
        if !boundary && !circled {
            continue;
        }
        let rest = &text[i..];
        // 首先…其次…: a count of its own (a third item is often 第三 or 再次).
        for (word, v) in [("首先", 1), ("其次", 2)] {
            if rest.starts_with(word)
                && matches!(prev_boundary(text, i), Some('。' | '；' | ';' | '：' | ':'))
            {
                out.push((Family::FirstThen, v, i, word.len()));
            }
        }
        // ①…；②…, and （1）…；（2）… after a colon or a semicolon.
        if ('\u{2460}'..='\u{2473}').contains(&c)
            || matches!(c, '（' | '(')
                && matches!(prev_boundary(text, i), Some('：' | ':' | '；' | ';' | '。'))
        {
            if let Some((
                family @ (Family::Circled | Family::ArabicParen | Family::CnParen),
                _,
                v,
                len,
            )) = parse_block(rest)
            {
                out.push((family, v, i, len));
            }
            continue;
        }
        if c == '第' {
            if let Some((Family::Ordinal, _, v, len)) = parse_block(rest) {
                if matches!(prev_boundary(text, i), Some('。' | '；' | ';' | '：' | ':')) {
                    out.push((Family::Ordinal, v, i, len));
                }
            }
        } else if cn_numeral::is_numeral_char(c) {
            if let Some((Family::CnShi, _, v, len)) = parse_block(rest) {
                out.push((Family::CnShi, v, i, len));
            }
        }
    }
    out
}

/// The mark that ends the text before `i`. A space between two words of Chinese
/// running text stands for a line break that was lost (a page flattened to one
/// line), so it ends a sentence as `。` does.
fn prev_boundary(text: &str, i: usize) -> Option<char> {
    let before = &text[..i];
    let trimmed = before.trim_end();
    if trimmed.len() < before.len() && !trimmed.is_empty() {
        return Some('。');
    }
    trimmed.chars().next_back()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fam(s: &str) -> Option<(Family, Variant, u32)> {
        parse_block(s).map(|(f, v, n, _)| (f, v, n))
    }

    #[test]
    fn block_markers() {
        assert_eq!(
            fam("一、工作完成情况"),
            Some((Family::CnComma, Variant::Plain, 1))
        );
        assert_eq!(
            fam("（十一）妇幼"),
            Some((Family::CnParen, Variant::FullParen, 11))
        );
        assert_eq!(
            fam("(十)长三角"),
            Some((Family::CnParen, Variant::AsciiParen, 10))
        );
        assert_eq!(fam("1.开展"), Some((Family::Arabic, Variant::Dot, 1)));
        assert_eq!(fam("12、推进"), Some((Family::Arabic, Variant::Comma, 12)));
        assert_eq!(
            fam("（3）检查"),
            Some((Family::ArabicParen, Variant::FullParen, 3))
        );
        assert_eq!(fam("②加强"), Some((Family::Circled, Variant::Plain, 2)));
        assert_eq!(
            fam("第三部分 展望"),
            Some((Family::Chapter("部分".into()), Variant::Plain, 3))
        );
        assert_eq!(
            fam("三是注重效果"),
            Some((Family::CnShi, Variant::Plain, 3))
        );
        assert_eq!(fam("第二，要"), Some((Family::Ordinal, Variant::Plain, 2)));
        assert_eq!(
            fam("亮点六：用情"),
            Some((Family::Series("亮点".into()), Variant::Plain, 6))
        );
    }

    #[test]
    fn not_markers() {
        for s in [
            "1.5亿元",
            "2022、2023年",
            "2022年",
            "十四五规划",
            "(其中4个单位)",
            "第一时间",
            "统一是",
            "百分之九十",
        ] {
            assert_eq!(fam(s), None, "{s}");
        }
    }

    #[test]
    fn inline_enumerations_need_a_boundary() {
        let text = "常态化开展监测。一是全面排查。二是开展消毒，三是加强。统一是关键。";
        let found: Vec<u32> = inline(text).iter().map(|m| m.1).collect();
        assert_eq!(found, vec![1, 2, 3]);
    }

    #[test]
    fn a_space_in_running_text_stands_for_a_lost_line_break() {
        let text = "工作情况 一是全面排查。二是开展消毒 三是加强。成效显著。 （二）规范管理";
        let found: Vec<(Family, u32)> = inline(text).into_iter().map(|m| (m.0, m.1)).collect();
        assert_eq!(
            found,
            vec![
                (Family::CnShi, 1),
                (Family::CnShi, 2),
                (Family::CnShi, 3),
                (Family::CnParen, 2)
            ]
        );
    }

    #[test]
    fn inline_circled_and_bracketed_items() {
        let text = "主要包括：①加强监测；②强化转运；③完善隔离。要求：（1）排查；（2）检测。";
        let found: Vec<(Family, u32)> = inline(text).into_iter().map(|m| (m.0, m.1)).collect();
        assert_eq!(
            found,
            vec![
                (Family::Circled, 1),
                (Family::Circled, 2),
                (Family::Circled, 3),
                (Family::ArabicParen, 1),
                (Family::ArabicParen, 2)
            ]
        );
        assert!(inline("详见附件（1）说明").is_empty());
    }

    #[test]
    fn chinese_numerals_render() {
        assert_eq!(to_cn(6), "六");
        assert_eq!(to_cn(11), "十一");
        assert_eq!(to_cn(40), "四十");
        assert_eq!(to_cn(124), "一百二十四");
    }
}
