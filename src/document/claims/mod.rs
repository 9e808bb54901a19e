//! Claims: every checkable statement of a report, with the readings of its
//! operands. A rate or share, a completion, a part/whole breakdown (其中, 分别,
//! 合计), shares that make a whole, a growth, a 全部/均 claim, a list that states
//! its length, a section total, a table total: each becomes a [`Claim`] whose
//! printed result is an [`Interval`] and whose operands are bound by one shared
//! binder ([`binder`]): the head noun of the labels, units and their scale, scope
//! (clause, sentence, paragraph, section, table row or column) and structure
//! (其中-lists, siblings that carry their own share, table hierarchy).
//!
//! A claim is tried under every plausible reading. It holds when any reading's
//! operands can produce the printed result; it fails only when none can, and then
//! the most plausible reading is the one a finding names. A reading is
//! `Explicit` when its operands are named (same head noun, one binding), `Inferred`
//! when the binding is guessed from position, `Possible` when it only shows that
//! the numbers can agree (it clears a claim, it is never reported).
//!
//! The arithmetic and table lints are small checks on `doc.claims()`; `reportlint
//! claims FILE` prints them with their readings.

pub mod binder;
mod classes;
mod defined;
mod flows;
mod gate;
mod growth;
pub mod interval;
mod lists;
mod named_whole;
mod parts;
mod ratio;
mod respective;
mod section;
pub mod show;
mod signed;
mod states;
mod table;
mod table_cols;
pub mod table_math;
mod table_quote;
mod table_rows;
mod whole;
pub mod words;

use super::Document;
use crate::span::Span;
pub use interval::Interval;

/// What a claim states.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ClaimKind {
    /// X率 P%: a rate of two counts (筛查率, 接种率).
    Rate,
    /// 占P%, 占比: a part's share of a whole.
    Share,
    /// 完成率, 完成…的P%: the amount done over a target (may exceed 100%).
    Completion,
    /// A rate or share that cannot exceed 100%.
    Bounded,
    /// A total and the parts listed after 其中 / 分别 / before 合计.
    Parts,
    /// Shares of one whole that must make 100% (complementary shares, A:B:C 结构).
    Shares,
    /// The changes of all the parts of a total against the total's change.
    SignedParts,
    /// A change between two values (由A到B, 比上年增加Y，增长Z%).
    Growth,
    /// 全部/均 claimed of a count while a smaller count was done.
    Whole,
    /// A list that states its length (N个，分别为…).
    ListCount,
    /// A section's amount against the same amount itemised below it.
    SectionTotal,
    /// A table's total row against the rows it covers.
    TableTotalRow,
    /// A table's total column against the columns it covers.
    TableTotalColumn,
    /// A table's rate column against the columns it is computed from.
    TableRate,
    /// A table's share column that must make 100%.
    TableShares,
    /// A number of the text that quotes a table cell.
    TableQuote,
}

impl ClaimKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Rate => "rate",
            ClaimKind::Share => "share",
            ClaimKind::Completion => "completion",
            ClaimKind::Bounded => "bounded",
            ClaimKind::Parts => "parts",
            ClaimKind::Shares => "shares",
            ClaimKind::SignedParts => "signed-parts",
            ClaimKind::Growth => "growth",
            ClaimKind::Whole => "whole",
            ClaimKind::ListCount => "list-count",
            ClaimKind::SectionTotal => "section-total",
            ClaimKind::TableTotalRow => "table-total-row",
            ClaimKind::TableTotalColumn => "table-total-column",
            ClaimKind::TableRate => "table-rate",
            ClaimKind::TableShares => "table-shares",
            ClaimKind::TableQuote => "table-quote",
        }
    }
}

/// How well a reading's operands are named.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Evidence {
    /// Only shows that the numbers can agree: clears a claim, never reported.
    Possible,
    /// Bound by position or structure (the one larger count before it).
    Inferred,
    /// Named: the same head noun, a 其中 parent, a base named after 占…的.
    Explicit,
}

/// What an operand is in its reading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// The printed result of the claim.
    Stated,
    Numerator,
    Denominator,
    Done,
    Target,
    Total,
    Part,
    From,
    To,
    Change,
    Item,
    Bound,
    /// A table cell that a number of the text quotes.
    Quoted,
    /// A term of a definition (出生率 − 死亡率), named by its own label.
    Term,
}

impl Role {
    /// The role as a finding labels it.
    pub fn name(self) -> &'static str {
        match self {
            Role::Stated => "所写",
            Role::Numerator => "分子",
            Role::Denominator => "分母",
            Role::Done => "完成数",
            Role::Target => "任务数",
            Role::Total => "总数",
            Role::Part => "分项",
            Role::From => "原值",
            Role::To => "现值",
            Role::Change => "变化量",
            Role::Item => "列举项",
            Role::Bound => "上限",
            Role::Quoted => "表中为",
            Role::Term => "",
        }
    }
}

/// Where an operand's number is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// `doc.quantities[i]`.
    Quantity(usize),
    /// A table cell: `doc.tables[table].rows[row].cells[col]`.
    Cell {
        table: usize,
        row: usize,
        col: usize,
    },
    /// Other text of the document (a list item, a ratio term, a fraction).
    Text(Span),
    /// A value the claim implies (100% of a whole).
    Implied,
}

/// One number of a reading.
#[derive(Clone, Debug, PartialEq)]
pub struct Operand {
    pub role: Role,
    pub source: Source,
    /// What the printed number stands for (a part counted negative when it is
    /// a decrease among signed parts).
    pub value: Interval,
    /// The number as written ("1.67亿元", "95.83%", "城镇").
    pub written: String,
    /// What it counts, for messages ("产前筛查", "合计行").
    pub label: String,
    /// The number's span, and the span of its label and number together.
    pub span: Span,
    pub label_span: Span,
}

/// How the operands of a reading give the stated result.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Form {
    /// numerator ÷ denominator × scale (100 for %, 1000 for ‰).
    Ratio { scale: f64 },
    /// The sum of the operands.
    Sum,
    /// to − from (a change in the unit of the values, or in percentage points).
    Difference,
    /// (to − from) ÷ from × 100.
    Growth,
    /// (from − to) ÷ from × 100: a decrease stated as a positive rate.
    Decline,
    /// to ÷ from, or (to − from) ÷ from when `minus_one` (增长N倍 is read both ways).
    Multiple { minus_one: bool },
    /// change ÷ (end − change) × 100, or ÷ (end + change) for a decrease.
    ChangeRate { down: bool },
    /// The stated value must lie within the operand's interval.
    Within,
}

/// One way of reading a claim's operands.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    pub form: Form,
    pub operands: Vec<Operand>,
    pub evidence: Evidence,
    /// How the operands were bound, for messages and `claims`
    /// ("分子按「整改」，分母按「隐患」").
    pub basis: String,
    /// What the operands give.
    pub computed: Interval,
    /// What `computed` must meet when it is not the stated figure itself: the
    /// reading's own total (parts of one of several candidate totals), or the
    /// bound a partial list must stay within ([−∞, total]).
    pub against: Option<Interval>,
    pub fits: bool,
    /// The parts are classes of one criterion (按技术等级划分，…): they exclude
    /// each other whatever their names.
    pub exclusive: bool,
    /// The text binds the operands across sentences itself (a closed
    /// classification named class by class): the gate's one-sentence scope
    /// does not apply.
    pub across: bool,
}

/// The verdict on a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Reading `n` of `readings` gives the printed result.
    Holds(usize),
    /// No reading gives it; `readings[0]` is the most plausible one.
    Fails,
    /// The reading the claim's own words name fails, reading `n` (another base of
    /// the same kind) fits: the label names the wrong base.
    Mislabeled(usize),
    /// No reading could be formed: nothing was checked.
    Unbound,
    /// No reading fits, but the one a finding would name is not bound
    /// explicitly (see [`gate`]): nothing is reported, the reason is shown.
    Unchecked(&'static str),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    pub kind: ClaimKind,
    pub stated: Operand,
    /// Readings kept: the most plausible failing ones first, then the one that
    /// fits (if any).
    pub readings: Vec<Reading>,
    /// How many readings were tried in all.
    pub tried: usize,
    pub verdict: Verdict,
}

impl Claim {
    /// The reading a failing claim's finding names, with its evidence.
    pub fn assumed(&self) -> Option<&Reading> {
        match self.verdict {
            Verdict::Fails | Verdict::Mislabeled(_) | Verdict::Unchecked(_) => {
                self.readings.first()
            }
            _ => None,
        }
    }

    /// The reading that fits, if any.
    pub fn fitting(&self) -> Option<&Reading> {
        match self.verdict {
            Verdict::Holds(n) | Verdict::Mislabeled(n) => self.readings.get(n),
            _ => None,
        }
    }

    pub fn fails(&self) -> bool {
        self.verdict == Verdict::Fails
    }
}

/// Every claim of a document, in the order they were found.
#[derive(Debug, Default)]
pub struct Claims {
    pub list: Vec<Claim>,
}

impl Claims {
    pub fn of(&self, kind: ClaimKind) -> impl Iterator<Item = &Claim> {
        self.list.iter().filter(move |c| c.kind == kind)
    }
}

/// Build the claims of a document.
pub fn build(doc: &Document) -> Claims {
    let b = binder::Binder::new(doc);
    let mut list = Vec::new();
    ratio::claims(&b, &mut list);
    defined::claims(&b, &mut list);
    part_family(&b, &mut list);
    growth::claims(&b, &mut list);
    whole::claims(&b, &mut list);
    lists::claims(&b, &mut list);
    section::claims(&b, &mut list);
    table::claims(&b, &mut list);
    for c in &mut list {
        gate::apply(&b, c);
    }
    list.shrink_to_fit();
    Claims { list }
}

/// The rate, share and completion claims with rate kinds `extra` added to the
/// built-in table of `lints/rates.toml` (a lint's own options).
pub fn ratio_claims_with(doc: &Document, extra: &[words::RateEntry]) -> Vec<Claim> {
    let b = binder::Binder::new(doc);
    let mut list = Vec::new();
    ratio::claims_with(&b, extra, &mut list);
    for c in &mut list {
        gate::apply(&b, c);
    }
    list
}

/// The part/whole claims (其中, 分别, 合计, shares of 100%, signed parts) with
/// the sets of kinds that exclude each other `partitions` added to those of
/// `lints/sums.toml` (a lint's own options).
pub fn part_claims_with(doc: &Document, partitions: &[Vec<String>]) -> Vec<Claim> {
    let mut b = binder::Binder::new(doc);
    b.partitions = partitions;
    let mut list = Vec::new();
    part_family(&b, &mut list);
    for c in &mut list {
        gate::apply(&b, c);
    }
    list
}

/// Every reader of part/whole claims, in one place: [`build`] and
/// [`part_claims_with`] must ask the same ones.
fn part_family(b: &binder::Binder, list: &mut Vec<Claim>) {
    parts::claims(b, list);
    classes::claims(b, list);
    states::claims(b, list);
    respective::claims(b, list);
    named_whole::claims(b, list);
    signed::claims(b, list);
}

/// Collects a claim's readings and decides its verdict: the first fitting
/// reading clears it; otherwise the most plausible failing one is kept.
pub(crate) struct Tally {
    stated: Interval,
    kept: Vec<Reading>,
    fit: Option<Reading>,
    tried: usize,
    /// Keep this many failing readings (the most plausible first).
    keep: usize,
}

impl Tally {
    pub fn new(stated: Interval) -> Tally {
        Tally {
            stated,
            kept: Vec::new(),
            fit: None,
            tried: 0,
            keep: 3,
        }
    }

    /// Count a reading that was tried and failed without being written out.
    pub fn skip(&mut self) {
        self.tried += 1;
    }

    /// Offer a reading whose `computed` interval is set.
    pub fn offer(&mut self, mut r: Reading) {
        self.tried += 1;
        r.fits = r.computed.meets(&r.against.unwrap_or(self.stated));
        if r.fits {
            let better = self.fit.as_ref().is_none_or(|f| r.evidence > f.evidence);
            if better {
                self.fit = Some(r);
            }
            return;
        }
        if r.evidence == Evidence::Possible {
            return;
        }
        let same = |k: &Reading| {
            k.operands.len() == r.operands.len()
                && k.operands
                    .iter()
                    .zip(&r.operands)
                    .all(|(a, b)| a.source == b.source && a.value == b.value)
        };
        if let Some(k) = self.kept.iter_mut().find(|k| same(k)) {
            // The same numbers bound two ways: keep the stronger evidence.
            if r.evidence > k.evidence {
                *k = r;
                self.kept.sort_by_key(|k| std::cmp::Reverse(k.evidence));
            }
            return;
        }
        let at = self.kept.partition_point(|k| k.evidence >= r.evidence);
        if at < self.keep {
            self.kept.insert(at, r);
            self.kept.truncate(self.keep);
        }
    }

    /// The claim, or `None` when no reading was formed at all.
    pub fn finish(self, kind: ClaimKind, stated: Operand) -> Option<Claim> {
        self.finish_with(kind, stated, |_, _| false)
    }

    /// As [`finish`](Self::finish); `mislabel(assumed, fitting)` says when a
    /// fitting reading only shows that the claim's own label names the wrong base.
    pub fn finish_with(
        self,
        kind: ClaimKind,
        stated: Operand,
        mislabel: impl Fn(&Reading, &Reading) -> bool,
    ) -> Option<Claim> {
        if self.tried == 0 {
            return None;
        }
        let mut readings = self.kept;
        let verdict = match self.fit {
            Some(f) => {
                let wrong_label = readings
                    .first()
                    .is_some_and(|a| a.evidence == Evidence::Explicit && mislabel(a, &f));
                if wrong_label {
                    readings.truncate(1);
                    readings.push(f);
                    Verdict::Mislabeled(1)
                } else {
                    readings.insert(0, f);
                    readings.truncate(1);
                    Verdict::Holds(0)
                }
            }
            None if readings.is_empty() => Verdict::Unbound,
            None => Verdict::Fails,
        };
        // Kept for the whole run, one claim per table cell in a large table:
        // no growth slack (a vector of four readings held one).
        readings.shrink_to_fit();
        Some(Claim {
            kind,
            stated,
            readings,
            tried: self.tried,
            verdict,
        })
    }
}

/// The value a form gives from its operands (in operand order: numerator then
/// denominator, from then to, end then change; parts in any order).
pub fn compute(form: Form, operands: &[Operand]) -> Option<Interval> {
    let v = |i: usize| operands.get(i).map(|o| o.value);
    Some(match form {
        Form::Ratio { scale } => v(0)?.over(v(1)?)?.scale(scale),
        Form::Sum => Interval::sum(operands.iter().map(|o| o.value)),
        Form::Difference => v(1)?.minus(v(0)?),
        Form::Growth => v(1)?.minus(v(0)?).over(v(0)?)?.scale(100.0),
        Form::Decline => v(0)?.minus(v(1)?).over(v(0)?)?.scale(100.0),
        Form::Multiple { minus_one } => {
            let r = v(1)?.over(v(0)?)?;
            if minus_one {
                r.minus(Interval::exact(1.0))
            } else {
                r
            }
        }
        Form::ChangeRate { down } => {
            let (end, change) = (v(0)?, v(1)?);
            let base = if down {
                end.plus(change)
            } else {
                end.minus(change)
            };
            change.over(base)?.scale(100.0)
        }
        Form::Within => v(0)?,
    })
}

impl Reading {
    /// A reading of `operands` under `form`; `None` when the form cannot be
    /// computed (a zero denominator).
    pub fn new(
        form: Form,
        mut operands: Vec<Operand>,
        evidence: Evidence,
        basis: impl Into<String>,
    ) -> Option<Reading> {
        let computed = compute(form, &operands)?;
        // A kept reading lives as long as the document: no growth slack.
        operands.shrink_to_fit();
        Some(Reading {
            form,
            operands,
            evidence,
            basis: basis.into(),
            computed,
            against: None,
            fits: false,
            exclusive: false,
            across: false,
        })
    }

    /// The same reading held to `against` instead of the stated figure.
    pub fn against(mut self, against: Interval) -> Reading {
        self.against = Some(against);
        self
    }

    /// The same reading with parts that exclude each other.
    pub fn exclusive(mut self) -> Reading {
        self.exclusive = true;
        self
    }

    pub fn operand(&self, role: Role) -> Option<&Operand> {
        self.operands.iter().find(|o| o.role == role)
    }
}

#[cfg(test)]
mod table_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_no_other_reading;
