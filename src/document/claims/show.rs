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

/// A percentage result: two decimals (97.08%).
pub fn percent(i: Interval) -> String {
    format!("{}%", value(i, 2))
}

/// An amount in the scale of `like` as written (万, 亿 and the unit after them):
/// 34000万元 shown as 3.4亿元 next to a total written in 亿元.
pub fn amount_like(x: Interval, like: &str) -> String {
    let unit: String = like
        .chars()
        // Full-width digits (１１２８) are digits too: the unit starts after them.
        .skip_while(|c| c.is_numeric() || matches!(c, '.' | '．' | ',' | '，' | ' '))
        .filter(|c| !matches!(c, '约' | '近' | '余' | '多'))
        .collect();
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
fn term(o: &Operand) -> String {
    o.written.clone()
}

/// The recomputation of a reading: "233 ÷ 240 = 97.08%".
pub fn expression(r: &Reading, stated: &Operand) -> String {
    let ops: Vec<&Operand> = r.operands.iter().collect();
    let get = |role: Role| r.operand(role).map(term).unwrap_or_default();
    match r.form {
        Form::Ratio { scale } => {
            let (n, d) = (
                ops.first().map(|o| term(o)).unwrap_or_default(),
                ops.get(1).map(|o| term(o)).unwrap_or_default(),
            );
            let unit = if scale == 1000.0 { "‰" } else { "%" };
            format!("{n} ÷ {d} = {}{unit}", value(r.computed, 2))
        }
        Form::Sum => {
            let terms: Vec<String> = ops.iter().map(|o| signed(o)).collect();
            let joined = shorten(&terms).replace("+ −", "− ");
            format!("{joined} = {}", amount_like(r.computed, &stated.written))
        }
        Form::Difference => {
            let (from, to) = (get(Role::From), get(Role::To));
            format!(
                "{to} − {from} = {}",
                amount_like(r.computed, &stated.written)
            )
        }
        Form::Growth => {
            let (from, to) = (get(Role::From), get(Role::To));
            format!("({to} − {from}) ÷ {from} = {}", percent(r.computed))
        }
        Form::Decline => {
            let (from, to) = (get(Role::From), get(Role::To));
            format!("({from} − {to}) ÷ {from} = {}", percent(r.computed))
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
                percent(r.computed)
            )
        }
        Form::Within => match ops.first() {
            Some(o) if o.role == Role::Quoted => format!("表中「{}」为 {}", o.label, o.written),
            _ => format!("应在 {} 之内", value(r.computed, 2)),
        },
    }
}

fn signed(o: &Operand) -> String {
    if o.value.hi < 0.0 {
        format!("−{}", o.written)
    } else {
        o.written.clone()
    }
}

/// `a + b + c`, shortened in the middle past a dozen terms.
fn shorten(terms: &[String]) -> String {
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
