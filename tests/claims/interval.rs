//! The dev set's hand checks, evaluated under interval arithmetic, so the test
//! itself refuses a claim marked `holds` that does not hold or a mutation that
//! does not clearly break it. Same language as `scripts/claims-check.py`:
//! `1401 / 1462 * #100 = 95.83; 3 + 4 <= 9`. A printed number is the interval
//! its last digit allows (scaled by `widen`), `#n` is exact, `over`/`under`/
//! `approx` bound 余/近/约, a trailing `'` marks the number a mutation changes.

#[derive(Clone, Copy, Debug)]
pub struct Iv {
    pub lo: f64,
    pub hi: f64,
}

impl Iv {
    fn point(v: f64) -> Iv {
        Iv { lo: v, hi: v }
    }
    fn new(a: f64, b: f64) -> Iv {
        Iv {
            lo: a.min(b),
            hi: a.max(b),
        }
    }
    fn add(self, o: Iv) -> Iv {
        Iv::new(self.lo + o.lo, self.hi + o.hi)
    }
    fn sub(self, o: Iv) -> Iv {
        Iv::new(self.lo - o.hi, self.hi - o.lo)
    }
    fn mul(self, o: Iv) -> Iv {
        let p = [
            self.lo * o.lo,
            self.lo * o.hi,
            self.hi * o.lo,
            self.hi * o.hi,
        ];
        Iv::new(
            p.iter().copied().fold(f64::INFINITY, f64::min),
            p.iter().copied().fold(f64::NEG_INFINITY, f64::max),
        )
    }
    fn div(self, o: Iv) -> Result<Iv, String> {
        if o.lo <= 0.0 && 0.0 <= o.hi {
            return Err("division by an interval that holds 0".into());
        }
        Ok(self.mul(Iv::new(1.0 / o.hi, 1.0 / o.lo)))
    }
}

/// How printed numbers are read.
#[derive(Clone, Copy)]
pub struct Reading {
    /// 1.0 normally; 1.5 to ask whether a mutation fails clearly.
    pub widen: f64,
    /// Whole numbers count things and are exact (`exact = true`).
    pub exact_integers: bool,
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
    r: Reading,
}

impl Parser<'_> {
    fn skip(&mut self) {
        while self.s.get(self.i) == Some(&b' ') {
            self.i += 1;
        }
    }
    fn eat(&mut self, c: u8) -> bool {
        self.skip();
        if self.s.get(self.i) == Some(&c) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    fn expr(&mut self) -> Result<Iv, String> {
        let mut v = self.term()?;
        loop {
            if self.eat(b'+') {
                v = v.add(self.term()?);
            } else if self.eat(b'-') {
                v = v.sub(self.term()?);
            } else {
                return Ok(v);
            }
        }
    }
    fn term(&mut self) -> Result<Iv, String> {
        let mut v = self.factor()?;
        loop {
            if self.eat(b'*') {
                v = v.mul(self.factor()?);
            } else if self.eat(b'/') {
                v = v.div(self.factor()?)?;
            } else {
                return Ok(v);
            }
        }
    }
    fn factor(&mut self) -> Result<Iv, String> {
        if self.eat(b'-') {
            return Ok(Iv::point(0.0).sub(self.factor()?));
        }
        if self.eat(b'(') {
            let v = self.expr()?;
            return if self.eat(b')') {
                Ok(v)
            } else {
                Err("missing )".into())
            };
        }
        self.skip();
        for (name, f) in [
            ("over", over as fn(Iv) -> Iv),
            ("under", under),
            ("approx", approx),
        ] {
            if self.s[self.i..].starts_with(name.as_bytes()) {
                self.i += name.len();
                if !self.eat(b'(') {
                    return Err(format!("{name} needs ("));
                }
                let v = self.expr()?;
                return if self.eat(b')') {
                    Ok(f(v))
                } else {
                    Err("missing )".into())
                };
            }
        }
        let exact = self.eat(b'#');
        let start = self.i;
        while self
            .s
            .get(self.i)
            .is_some_and(|c| c.is_ascii_digit() || *c == b'.')
        {
            self.i += 1;
        }
        let text = std::str::from_utf8(&self.s[start..self.i]).map_err(|e| e.to_string())?;
        let v: f64 = text
            .parse()
            .map_err(|_| format!("not a number at byte {start}"))?;
        self.eat(b'\'');
        let decimals = text.split_once('.').map_or(0, |(_, d)| d.len());
        if exact || (self.r.exact_integers && decimals == 0) {
            return Ok(Iv::point(v));
        }
        let half = 0.5 * 10f64.powi(-i32::try_from(decimals).unwrap_or(0)) * self.r.widen;
        Ok(Iv::new(v - half, v + half))
    }
}

fn over(x: Iv) -> Iv {
    Iv::new(x.lo, x.hi * 1.1)
}
fn under(x: Iv) -> Iv {
    Iv::new(x.lo * 0.9, x.hi)
}
fn approx(x: Iv) -> Iv {
    let w = x.hi - x.lo;
    Iv::new(x.lo - w, x.hi + w)
}

fn eval(side: &str, r: Reading) -> Result<Iv, String> {
    let mut p = Parser {
        s: side.as_bytes(),
        i: 0,
        r,
    };
    let v = p.expr()?;
    p.skip();
    if p.i == p.s.len() {
        Ok(v)
    } else {
        Err(format!("unread text in {side:?}"))
    }
}

/// Whether every relation of a check holds under the reading.
pub fn holds(check: &str, r: Reading) -> Result<bool, String> {
    let mut all = true;
    for rel in check.split(';').map(str::trim).filter(|s| !s.is_empty()) {
        let (op, at) = ["<=", ">=", "="]
            .iter()
            .find_map(|op| rel.find(op).map(|at| (*op, at)))
            .ok_or_else(|| format!("no relation in {rel:?}"))?;
        let a = eval(&rel[..at], r)?;
        let b = eval(&rel[at + op.len()..], r)?;
        let eps = 1e-9 * (1.0 + a.hi.abs().max(b.hi.abs()));
        all &= match op {
            "<=" => a.lo <= b.hi + eps,
            ">=" => a.hi + eps >= b.lo,
            _ => {
                // Printed intervals are half-open: two that only touch do not meet.
                let touch = (a.lo - b.hi).abs() < eps || (b.lo - a.hi).abs() < eps;
                let both_wide = a.hi - a.lo > eps && b.hi - b.lo > eps;
                a.lo <= b.hi + eps && b.lo <= a.hi + eps && !(touch && both_wide)
            }
        };
    }
    Ok(all)
}

/// Every number of a check: its byte range, whether it is a `#` constant,
/// whether it carries the mutation mark `'`.
fn numbers(check: &str) -> Vec<(usize, usize, bool, bool)> {
    let bytes = check.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let constant = i > 0 && bytes[i - 1] == b'#';
            let start = i;
            while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
                i += 1;
            }
            out.push((start, i, constant, bytes.get(i) == Some(&b'\'')));
        } else {
            i += 1;
        }
    }
    out
}

/// Digits as ASCII, without thousands separators (`１,２３４` → `1234`).
pub fn plain_digits(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, ' ' | ','))
        .map(|c| match c {
            '０'..='９' => char::from_digit(c as u32 - '０' as u32, 10).unwrap_or(c),
            '．' => '.',
            c => c,
        })
        .collect()
}

/// The check with the printed number `from` replaced by `to` (only the ones
/// marked `'` when any is marked).
pub fn mutate(check: &str, from: &str, to: &str) -> String {
    let (from, to) = (plain_digits(from), plain_digits(to));
    let spans: Vec<_> = numbers(check)
        .into_iter()
        .filter(|&(a, b, constant, _)| !constant && check[a..b] == from)
        .collect();
    let marked = spans.iter().any(|s| s.3);
    let mut out = check.to_owned();
    for &(a, b, _, m) in spans.iter().rev() {
        if m || !marked {
            out.replace_range(a..b, &to);
        }
    }
    out
}

/// The printed numbers of a check (not the `#` constants).
pub fn printed_numbers(check: &str) -> Vec<&str> {
    numbers(check)
        .into_iter()
        .filter(|n| !n.2)
        .map(|(a, b, _, _)| &check[a..b])
        .collect()
}
