//! Chinese numerals: 一 … 九十九, 一百二十四, 两千, 三千五百, 〇/零.

/// Value of a single Chinese digit character.
pub fn digit(c: char) -> Option<u64> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

fn unit(c: char) -> Option<u64> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        _ => return None,
    })
}

/// Whether `c` can be part of a Chinese numeral below 万.
pub fn is_numeral_char(c: char) -> bool {
    digit(c).is_some() || unit(c).is_some()
}

/// Parse a whole string as a Chinese numeral below 10 000.
///
/// Accepts positional forms (十一, 一百零五, 三千五百) and digit strings
/// (二〇二一 → 2021). Returns `None` for anything malformed, such as 十十 or 百一.
pub fn parse(s: &str) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    if s.chars().all(|c| digit(c).is_some()) && s.chars().count() > 2 {
        // 二〇二一: a digit string, not a positional numeral; 两 is not used that way.
        if s.contains('两') {
            return None;
        }
        return s
            .chars()
            .try_fold(0u64, |acc, c| Some(acc * 10 + digit(c)?));
    }
    let mut total = 0u64;
    let mut pending: Option<u64> = None;
    let mut last_unit = u64::MAX;
    let mut zero_seen = false;
    for c in s.chars() {
        if let Some(d) = digit(c) {
            if pending.is_some() {
                return None; // two digits in a row, like 一二
            }
            if d == 0 {
                zero_seen = true;
                continue;
            }
            pending = Some(d);
        } else if let Some(u) = unit(c) {
            if u >= last_unit {
                return None; // units must descend: 百 then 十
            }
            let d = match pending.take() {
                Some(d) => d,
                None if u == 10 && total == 0 && !zero_seen => 1, // 十二 = 12
                None if u == 10 && zero_seen => 1,                // 一百零十 is odd but readable
                None => return None,
            };
            total += d * u;
            last_unit = u;
            zero_seen = false;
        } else {
            return None;
        }
    }
    if let Some(d) = pending {
        // 三千五 = 3500 (an abbreviated trailing unit) is not accepted: ambiguous.
        total += d;
    }
    Some(total)
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn positional_numerals() {
        let cases = [
            ("一", 1),
            ("十", 10),
            ("十一", 11),
            ("二十", 20),
            ("九十九", 99),
            ("一百二十四", 124),
            ("一百零五", 105),
            ("两千", 2000),
            ("三千五百", 3500),
            ("二〇二一", 2021),
        ];
        for (s, v) in cases {
            assert_eq!(parse(s), Some(v), "{s}");
        }
    }

    #[test]
    fn malformed_numerals_are_rejected() {
        for s in ["", "十十", "一二", "百一十", "三是", "两两"] {
            assert_eq!(parse(s), None, "{s}");
        }
    }
}
