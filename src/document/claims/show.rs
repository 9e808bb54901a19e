//! How a reading is written out for the reader: the recomputation with each
//! operand as printed ("233 ÷ 240 = 97.08%", "2620人 + 1384人 = 4004人").

use super::{Form, Interval, Operand, Reading, Role};
use crate::document::quantities::format_value;

/// A value shown with `decimals` places at most, or a range when the interval
/// is wider than one unit of that place.
pub fn value(i: Interval, decimals: usize) -> String {
    let unit = 10f64.powi(-(decimals as i32));
    if !i.is_bounded() {
        return match (i.lo.is_finite(), i.hi.is_finite()) {
            (true, false) => format!("≥{}", format_value(i.lo, decimals)),
            (false, true) => format!("≤{}", format_value(i.hi, decimals)),
            _ => "?".into(),
        };
    }
    if i.hi - i.lo <= unit {
        format_value(i.mid(), decimals)
    } else {
        format!(
            "{}～{}",
            format_value(i.lo, decimals),
            format_value(i.hi, decimals)
        )
    }
}

/// A recomputed result shown against the figure it refutes: `decimals` places,
/// or more (up to four) while what is shown would itself round to the stated
/// figure — 17.947 against a printed 18.0 is shown 17.947, not 17.95.
pub fn value_against(i: Interval, stated: Interval, decimals: usize) -> String {
    let inside = |d: usize| {
        let shown = value(i, d);
        shown
            .split('～')
            .filter_map(|x| x.parse::<f64>().ok())
            .any(|x| x >= stated.lo && x <= stated.hi)
    };
    let d = (decimals..=4).find(|&d| !inside(d)).unwrap_or(decimals);
    value(i, d)
}

/// An amount in the scale of `like` as written (万, 亿 and the unit after them):
/// 34000万元 shown as 3.4亿元 next to a total written in 亿元.
pub fn amount_like(x: Interval, like: &str) -> String {
    let unit = unit_text(like);
    let scale = if unit.starts_with('亿') {
        1e8
    } else if unit.starts_with('万') {
        1e4
    } else {
        1.0
    };
    // One place past what the figure it is compared with shows.
    let shown = like
        .split(['.', '．'])
        .nth(1)
        .map_or(0, |f| f.chars().take_while(|c| c.is_numeric()).count());
    let decimals = shown + 1;
    format!("{}{unit}", value(x.scale(1.0 / scale), decimals))
}

/// The one figure a reader would write in place of `like`: the reading computed
/// from the printed numbers as they stand, in the scale and precision of `like`
/// (60万元, not the interval 58.5～61.5万元 its rounding allows).
pub fn point_like(x: f64, like: &str) -> String {
    let shown = like
        .split(['.', '．'])
        .nth(1)
        .map_or(0, |f| f.chars().take_while(|c| c.is_numeric()).count());
    let unit = amount_like(Interval::exact(0.0), like);
    let unit = unit.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    let scale = if unit.starts_with('亿') {
        1e8
    } else if unit.starts_with('万') {
        1e4
    } else {
        1.0
    };
    format!("{}{unit}", format_value(x / scale, shown.max(1)))
}

/// What a reading gives from its operands' printed values (each number as
/// written, no rounding interval): the point value of the recomputation.
pub fn point(r: &Reading) -> Option<f64> {
    let ops: Vec<Operand> = r
        .operands
        .iter()
        .map(|o| Operand {
            value: Interval::exact(o.value.mid()),
            ..o.clone()
        })
        .collect();
    super::compute(r.form, &ops).map(|i| i.mid())
}

/// The operand as the recomputation shows it: its number as written.
/// A number as written, in parentheses when it is negative, so that a
/// subtraction reads 12.1 − (-23.9), not 12.1 − -23.9.
fn term(o: &Operand) -> String {
    if o.written.starts_with(MINUS_SIGNS) {
        format!("({})", o.written)
    } else {
        o.written.clone()
    }
}

/// The signs a negative figure is printed with.
const MINUS_SIGNS: [char; 3] = ['-', '−', '－'];

fn percent_against(r: &Reading, stated: &Operand) -> String {
    format!("{}%", value_against(r.computed, stated.value, 2))
}

/// The recomputation of a reading: "233 ÷ 240 = 97.08%".
pub fn expression(r: &Reading, stated: &Operand) -> String {
    let ops: Vec<&Operand> = r.operands.iter().collect();
    let get = |role: Role| r.operand(role).map(term).unwrap_or_default();
    match r.form {
        Form::Ratio { scale } => {
            let unit = if scale == 1000.0 {
                "‰"
            } else if scale == 1.0 {
                ""
            } else {
                "%"
            };
            let result = format!("{}{unit}", value_against(r.computed, stated.value, 2));
            match (ops.first(), ops.get(1)) {
                (Some(n), Some(d)) => match in_one_unit(n, d) {
                    Some((n1, d1, u)) => format!(
                        "{n1} ÷ {d1} = {result}（统一按{u}计：{} 即 {n1}）",
                        n.written
                    ),
                    None => format!("{} ÷ {} = {result}", term(n), term(d)),
                },
                _ => format!("? = {result}"),
            }
        }
        Form::Sum => {
            let mixed = mixed_scales(&r.operands);
            let terms: Vec<String> = ops.iter().map(|o| signed(o, stated, mixed)).collect();
            let joined = shorten(&terms).replace("+ −", "− ");
            format!("{joined} = {}", amount_like(r.computed, &stated.written))
        }
        Form::Difference => {
            // A definition's terms (出生率 − 死亡率) in the order they are subtracted.
            let (from, to) = match (r.operand(Role::From), ops.as_slice()) {
                (None, [a, b]) => (term(a), term(b)),
                _ => (get(Role::From), get(Role::To)),
            };
            format!(
                "{to} − {from} = {}",
                amount_like(r.computed, &stated.written)
            )
        }
        Form::Growth => {
            let (from, to) = (get(Role::From), get(Role::To));
            format!("({to} − {from}) ÷ {from} = {}", percent_against(r, stated))
        }
        Form::Decline => {
            let (from, to) = (get(Role::From), get(Role::To));
            format!("({from} − {to}) ÷ {from} = {}", percent_against(r, stated))
        }
        Form::Multiple { minus_one } => {
            let (from, to) = (get(Role::From), get(Role::To));
            if minus_one {
                format!("({to} − {from}) ÷ {from} = {} 倍", value(r.computed, 2))
            } else {
                format!("{to} ÷ {from} = {} 倍", value(r.computed, 2))
            }
        }
        Form::ChangeRate { down } => {
            let (end, change) = (get(Role::To), get(Role::Change));
            let sign = if down { "+" } else { "−" };
            format!(
                "{change} ÷ ({end} {sign} {change}) = {}",
                percent_against(r, stated)
            )
        }
        Form::Within => match ops.first() {
            Some(o) if o.role == Role::Quoted => format!("表中「{}」为 {}", o.label, o.written),
            _ => format!("应在 {} 之内", value(r.computed, 2)),
        },
    }
}

/// A sum with each part named by its label: "在岗2620人 + 退休1384人 = 4004人".
pub fn labelled_sum(r: &Reading, stated: &Operand) -> String {
    let mixed = mixed_scales(&r.operands);
    let terms: Vec<String> = r
        .operands
        .iter()
        .map(|o| format!("{}{}", o.label, term_like(o, stated, mixed)))
        .zip(&r.operands)
        .map(|(t, o)| {
            if o.value.hi < 0.0 {
                format!("−{t}")
            } else {
                t
            }
        })
        .collect();
    let joined = shorten(&terms).replace("+ −", "− ");
    format!("{joined} = {}", amount_like(r.computed, &stated.written))
}

/// What follows the digits of a number as written, without 约/近/余/多:
/// 3.4亿元 → 亿元. Full-width digits (１１２８) are digits too, and a leading
/// sign (-23.9%) is not a unit.
fn unit_text(written: &str) -> String {
    let written = written
        .trim_start_matches(MINUS_SIGNS)
        .trim_start_matches('+');
    // 一百二十个: a number written in Chinese numerals (below 万) is skipped
    // the same way, so the recomputed value is never glued to it.
    let chinese = written
        .chars()
        .next()
        .is_some_and(crate::document::cn_numeral::is_numeral_char);
    written
        .chars()
        .skip_while(|&c| {
            if chinese {
                crate::document::cn_numeral::is_numeral_char(c)
            } else {
                c.is_numeric() || matches!(c, '.' | '．' | ',' | '，' | ' ')
            }
        })
        .filter(|c| !matches!(c, '约' | '近' | '余' | '多'))
        .collect()
}

/// The unit of a number as written and its scale: 1.2亿元 → ("亿元", 1e8),
/// 3000万元 → ("万元", 1e4), 5000元 → ("元", 1).
fn unit_of(written: &str) -> (String, f64) {
    let unit = unit_text(written);
    let scale = if unit.starts_with("万亿") {
        1e12
    } else if unit.starts_with('亿') {
        1e8
    } else if unit.starts_with('万') {
        1e4
    } else if unit.starts_with('千') {
        1e3
    } else {
        1.0
    };
    (unit, scale)
}

/// Numerator and denominator written in one unit when they are printed in
/// units of different scale (18000000元 and 2.5亿元): the numerator converted to
/// the denominator's unit, so the reader sees the division the result comes from.
fn in_one_unit(n: &Operand, d: &Operand) -> Option<(String, String, String)> {
    let ((nu, ns), (du, ds)) = (unit_of(&n.written), unit_of(&d.written));
    let base = |u: &str| u.trim_start_matches(['万', '亿', '千']).to_owned();
    if ns == ds || nu.is_empty() || du.is_empty() || base(&nu) != base(&du) {
        return None;
    }
    // Printed values (the interval's middle) at the denominator's scale, exact:
    // as many places as the conversion needs, trailing zeros dropped.
    let shown = plain(n.value.mid() / ds);
    Some((format!("{shown}{du}"), d.written.clone(), du))
}

/// A value with as many places as it has (to ten), trailing zeros dropped:
/// 2500 converted to 万 is 0.25.
pub fn plain(x: f64) -> String {
    let mut shown = format!("{x:.10}");
    if shown.contains('.') {
        shown = shown.trim_end_matches('0').trim_end_matches('.').to_owned();
    }
    shown
}

/// Whether the parts of a sum are printed in units of different scales (80.3万人
/// and 412000人): the reader cannot add them as printed.
fn mixed_scales(ops: &[Operand]) -> bool {
    let scales: Vec<f64> = ops
        .iter()
        .map(|o| unit_of(&o.written))
        .filter(|(u, _)| !u.is_empty())
        .map(|(_, s)| s)
        .collect();
    scales.windows(2).any(|w| w[0] != w[1])
}

/// A part of a sum as the sum adds it: in the total's unit when the parts are
/// printed in different scales and this one is not in the total's (41.2万人
/// （412000人） beside 80.3万人 and a total in 万人). Parts all in one unit are
/// shown as printed.
fn term_like(o: &Operand, stated: &Operand, mixed: bool) -> String {
    if !mixed {
        return o.written.clone();
    }
    let ((ou, os), (su, ss)) = (unit_of(&o.written), unit_of(&stated.written));
    let base = |u: &str| u.trim_start_matches(['万', '亿', '千']).to_owned();
    if os == ss || ou.is_empty() || su.is_empty() || base(&ou) != base(&su) {
        return o.written.clone();
    }
    format!("{}{su}（{}）", plain(o.value.mid().abs() / ss), o.written)
}

fn signed(o: &Operand, stated: &Operand, mixed: bool) -> String {
    let t = term_like(o, stated, mixed);
    if o.value.hi < 0.0 {
        format!("−{t}")
    } else {
        t
    }
}

/// `a + b + c`, shortened in the middle past a dozen terms.
pub fn shorten(terms: &[String]) -> String {
    if terms.len() <= 12 {
        terms.join(" + ")
    } else {
        format!(
            "{} + … + {}（{}项）",
            terms[..5].join(" + "),
            terms[terms.len() - 3..].join(" + "),
            terms.len()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_negative_figure_is_no_unit_and_is_subtracted_in_parentheses() {
        use super::super::Source;
        use crate::span::Span;
        assert_eq!(unit_text("-23.9%"), "%");
        assert_eq!(unit_text("−1.5亿元"), "亿元");
        assert_eq!(unit_text("12.1"), "");
        let neg = Operand {
            role: Role::From,
            source: Source::Implied,
            value: Interval::new(-23.95, -23.85),
            written: "-23.9".into(),
            label: "增速".into(),
            span: Span::new(0, 0),
            label_span: Span::new(0, 0),
        };
        assert_eq!(term(&neg), "(-23.9)");
        let pos = Operand {
            written: "12.1".into(),
            ..neg
        };
        assert_eq!(term(&pos), "12.1");
    }

    #[test]
    fn amounts_take_the_unit_not_the_numerals_of_the_stated_figure() {
        let x = Interval::exact(110.0);
        assert_eq!(amount_like(x, "一百二十个"), "110个");
        assert_eq!(amount_like(x, "120个"), "110个");
        assert_eq!(amount_like(Interval::exact(3.4e7), "两千万元"), "3400万元");
        assert_eq!(amount_like(Interval::exact(3.4e8), "3.78亿元"), "3.4亿元");
        assert_eq!(point_like(110.0, "一百二十个"), "110个");
    }

    #[test]
    fn a_result_just_past_a_rounding_boundary_shows_the_place_that_decides() {
        // 10374 ÷ 57802 = 17.947%: shown 17.95 it would read as rounding to 18.0.
        let printed = Interval::new(17.95, 18.05);
        assert_eq!(value_against(Interval::exact(17.947), printed, 2), "17.947");
        assert_eq!(value(Interval::exact(17.947), 2), "17.95");
        // Far from the figure, two places say it.
        assert_eq!(value_against(Interval::exact(25.74), printed, 2), "25.74");
        // A range is shown to the place where neither end reads as the figure.
        let range = Interval::new(17.9462, 17.9478);
        assert_eq!(value_against(range, printed, 2), "17.946～17.948");
    }
}
