//! Ratio claims: a rate (X率 P%), a share (N人，占P%; 占…总数的P%), a completion
//! (完成率 P%; 完成全年目标的P%) and a rate that states its own fraction
//! (62.5%（305/488）). Each is tried over every numerator its words name and
//! every denominator the binder allows; see [`super`] for the verdict.

use super::binder::{
    act_of, affinity, core, is_share_label, names_act, names_done, names_due, rate_stem, Binder,
};
use super::interval::Interval;
use super::words::{contains_any, names_target, rates, words, RateEntry};
use super::{Claim, ClaimKind, Evidence, Form, Operand, Reading, Role, Source, Tally};
use crate::document::markers::is_han;
use crate::document::quantities::Kind;
use crate::span::Span;
use memchr::memmem::Finder;
use std::sync::LazyLock;

/// How many numbers before a figure may be its operands.
const LOOK_BACK: usize = 64;

pub(super) fn claims(b: &Binder, out: &mut Vec<Claim>) {
    claims_with(b, &[], out);
    done_claims(b, out);
}

/// Words that claim the target was reached (超额完成, 提前完成): the amount done
/// is at least the target.
const REACHED: &[&str] = &["超额完成", "提前完成", "全面完成"];

/// 超额完成 written in a sentence that names one target and one amount done.
fn done_claims(b: &Binder, out: &mut Vec<Claim>) {
    let w = words();
    // Built once: a finder built per paragraph cost as much as the search.
    static DONE: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("完成"));
    for (pi, p) in b.doc.paragraphs.iter().enumerate() {
        // A target and an amount done: two numbers at least. Every claim holds
        // 完成: one scan spares most paragraphs a search per sentence.
        if b.paragraph_range(pi).len() < 2 || DONE.find(p.text.as_bytes()).is_none() {
            continue;
        }
        for (si, s) in p.sentences.iter().enumerate() {
            let Some(text) = p.text.get(s.start..s.end) else {
                continue;
            };
            if DONE.find(text.as_bytes()).is_none() {
                continue;
            }
            let Some((word, at)) = REACHED
                .iter()
                .find_map(|c| text.find(c).map(|i| (*c, s.start + i)))
            else {
                continue;
            };
            let r = b.range_of(pi, si);
            let amounts: Vec<usize> = r.filter(|&j| b.is_amount(j)).collect();
            let is_target = |j: usize| names_target(&b.qs[j].label);
            let targets: Vec<usize> = amounts
                .iter()
                .copied()
                .filter(|&j| is_target(j) && b.qs[j].approx == crate::document::Approx::Exact)
                .collect();
            let dones: Vec<usize> = amounts
                .iter()
                .copied()
                .filter(|&j| !is_target(j) && contains_any(&b.qs[j].label, &w.done_words))
                .collect();
            let ([t], [d]) = (&targets[..], &dones[..]) else {
                continue;
            };
            if !b.compatible(*t, *d) {
                continue;
            }
            let span = p.doc_span(Span::new(at, at + word.len()));
            let stated = Operand {
                role: Role::Stated,
                source: Source::Text(span),
                value: Interval::new(100.0, f64::INFINITY),
                written: word.to_owned(),
                label: String::new(),
                span,
                label_span: span,
            };
            let mut tally = Tally::new(stated.value);
            let ops = vec![b.operand(*d, Role::Done), b.operand(*t, Role::Target)];
            if let Some(reading) = Reading::new(
                Form::Ratio { scale: 100.0 },
                ops,
                Evidence::Explicit,
                "完成数与任务数同在一句",
            ) {
                tally.offer(reading);
            }
            out.extend(tally.finish(ClaimKind::Completion, stated));
        }
    }
}

/// The ratio claims with rate kinds `extra` added to the built-in table.
pub fn claims_with(b: &Binder, extra: &[RateEntry], out: &mut Vec<Claim>) {
    // The bases that rates of the current paragraph were explicitly bound to.
    let mut bases: Vec<usize> = Vec::new();
    let mut paragraph = usize::MAX;
    for k in 0..b.qs.len() {
        let q = &b.qs[k];
        if q.paragraph != paragraph {
            paragraph = q.paragraph;
            bases.clear();
        }
        let scale = match q.kind {
            Kind::Percent => 100.0,
            Kind::PerMille => 1000.0,
            _ => continue,
        };
        if b.is_change_rate(k) {
            continue;
        }
        let shape = classify(b, k);
        // The end points of a change are rates too (覆盖率由85%提高到100%): never
        // checked against counts, but still bounded.
        let label = trimmed_label(q.label.trim_end_matches(['由', '从']));
        let bounded = match &shape {
            Some(Shape::Share { .. }) => true,
            Some(Shape::Completion { .. }) => false,
            _ => rates().is_bounded(label) || is_share_label(label) || label.ends_with("占比"),
        };
        if let Some(form) = &shape {
            let kind = match form {
                Shape::Rate { .. } => ClaimKind::Rate,
                Shape::Share { .. } => ClaimKind::Share,
                Shape::Completion { .. } => ClaimKind::Completion,
            };
            if let Some(c) = ratio_claim(
                b,
                k,
                scale,
                form,
                Known {
                    extra,
                    sibling_bases: &bases,
                },
                kind,
                bounded,
            ) {
                if kind == ClaimKind::Rate {
                    bases.extend(explicit_base(&c));
                    // The rates just before: a paragraph of many rates stays linear.
                    if bases.len() > 8 {
                        bases.remove(0);
                    }
                }
                out.push(c);
            }
        }
        let share = matches!(shape, Some(Shape::Share { .. }));
        if bounded
            && scale == 100.0
            && (share || !rates().counts_a_wider_pool(label) && !after_a_target(b, k))
        {
            out.extend(bound_claim(b, k));
        }
    }
}

/// The base a rate claim was bound to by name: the denominator of its fitting
/// reading (or of the reading it fails on), when that reading is explicit.
fn explicit_base(c: &Claim) -> Option<usize> {
    let r = c.fitting().or_else(|| c.readings.first())?;
    if r.evidence != Evidence::Explicit {
        return None;
    }
    match r.operand(Role::Denominator)?.source {
        Source::Quantity(j) => Some(j),
        _ => None,
    }
}

/// What a percentage's words say it is.
enum Shape<'t> {
    /// X率: the stem names the act (整改 of 整改率).
    Rate { stem: &'t str },
    /// 占P% or 占…的P%: a share of a base, named or not; `subject` is what is
    /// shared when named before 占 (女性占).
    Share {
        base: Option<Base<'t>>,
        subject: &'t str,
    },
    /// 完成率, or 完成…目标的P%.
    Completion { base: Option<Base<'t>> },
}

/// The base a figure names (占报告总数的, 完成全年600万人目标的): its words, and
/// the paragraph-local span of those words.
#[derive(Clone, Copy)]
struct Base<'t> {
    words: &'t str,
    span: Span,
}

/// Words a label may end with that only lead to the number.
const LEADS: &[&str] = &[
    "保持在",
    "稳定在",
    "提升到",
    "提升至",
    "达到了",
    "达到",
    "达",
    "为",
    "是",
    "超过",
    "超",
    "约",
    "近",
    "仅",
    "只有",
    "已",
];

fn trimmed_label(label: &str) -> &str {
    let mut s = label;
    loop {
        let before = s.len();
        for w in LEADS {
            if let Some(r) = s.strip_suffix(w) {
                if !r.is_empty() {
                    s = r;
                }
            }
        }
        if s.len() == before {
            return s;
        }
    }
}

/// The clause of quantity `k` before the number (paragraph-local start, text).
fn clause_before<'t>(b: &Binder<'t>, k: usize) -> (usize, &'t str) {
    let before = b.sentence_before(k);
    let cut = before
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, '，' | ',' | '；' | '：' | ':' | '（' | '('))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let start = b.sentence(k).start + cut;
    (start, &before[cut..])
}

fn classify<'t>(b: &Binder<'t>, k: usize) -> Option<Shape<'t>> {
    let (clause_start, clause) = clause_before(b, k);
    let mut lead = clause;
    for w in LEADS {
        lead = lead.strip_suffix(w).unwrap_or(lead);
    }
    // 由A%提高到B%: the end points of a growth, not a ratio of counts.
    let to = lead.strip_suffix(['到', '至']).unwrap_or("");
    let w = words();
    if lead.ends_with(['从', '由'])
        || w.change_verbs.iter().any(|v| to.ends_with(v.as_str()))
        || to.ends_with("增")
        || to.ends_with("降")
    {
        return None;
    }
    if let Some((verb, base)) = named_base(clause_start, clause) {
        let target = contains_any(base.words, &words().target_words);
        // 占年度计划的, 占预算数的: the base is a plan, and the share may exceed 100%;
        // in 占国家预算收入的 the plan word only qualifies an amount.
        let noun = core(base.words);
        let plan = words()
            .target_words
            .iter()
            .any(|w| noun.ends_with(w.as_str()))
            || names_due_amount(base.words);
        // 完成全市总产值的 / 占完成面积的: a base that names no target is a
        // whole, and the figure a share of it (never above 100%).
        return match verb {
            "完成" if plan || target => Some(Shape::Completion { base: Some(base) }),
            "占" if plan => Some(Shape::Completion { base: Some(base) }),
            "完成" | "占" => {
                let verb_at = (base.span.start - clause_start).saturating_sub(verb.len());
                let subject = clause.get(..verb_at).unwrap_or("");
                Some(Shape::Share {
                    base: Some(base),
                    subject,
                })
            }
            _ if target => Some(Shape::Completion { base: Some(base) }),
            _ => None,
        };
    }
    let label = trimmed_label(&b.qs[k].label);
    if let Some(stem) = rate_stem(label) {
        if label.ends_with('率') || label.ends_with("率为") {
            return Some(if stem.contains("完成") {
                Shape::Completion { base: None }
            } else {
                Shape::Rate { stem }
            });
        }
    }
    for end in ["占比", "所占比重", "所占比例", "比重", "占"] {
        if let Some(subject) = label.strip_suffix(end) {
            if end == "比重" && !subject.ends_with('占') && !subject.is_empty() {
                return None; // 比重 of what: not said
            }
            return Some(Shape::Share {
                base: None,
                subject: subject.trim_end_matches('占'),
            });
        }
    }
    None
}

/// 占全部投资比重 / 占报告总数的 / 完成全年目标的 / 为年初预算的, right before the
/// number: the verb and the base it names.
fn named_base<'t>(clause_start: usize, clause: &'t str) -> Option<(&'static str, Base<'t>)> {
    let mut s = clause;
    for w in LEADS {
        s = s.strip_suffix(w).unwrap_or(s);
    }
    let body = s
        .strip_suffix("的比重")
        .or_else(|| s.strip_suffix("的比例"))
        .or_else(|| s.strip_suffix("比重"))
        .or_else(|| s.strip_suffix("的"))?;
    let verbs = &words().base_verbs;
    let (at, verb) = verbs
        .iter()
        .filter_map(|v| body.rfind(v.as_str()).map(|i| (i, v.as_str())))
        .max_by_key(|p| p.0)?;
    let words_at = at + verb.len();
    let base = &body[words_at..];
    if base.is_empty() || base.chars().count() > 20 {
        return None;
    }
    // 占完成投资的: a verb inside 占's base is part of the whole it names.
    let (at, verb) = match body[..at].rfind('占') {
        Some(i) if verb != "占" && at - i <= "占已".len() => (i, "占"),
        _ => (at, verb),
    };
    let words_at = at + verb.len();
    let base = &body[words_at..];
    let verb: &'static str = match verb {
        "占" => "占",
        "完成" => "完成",
        _ => "为",
    };
    Some((
        verb,
        Base {
            words: base,
            span: Span::new(
                clause_start + words_at,
                clause_start + words_at + base.len(),
            ),
        },
    ))
}

/// How a base named after 占…的 / 完成…的 was bound when one earlier amount
/// carries that whole name and no other does: the name binds it, wherever it
/// stands in the section (社会消费品零售总额 a paragraph before 占社会消费品零售
/// 总额的比重).
const BY_FULL_NAME: &str = "基数与“占/完成…的”所指名称相同且唯一";

/// Qualifiers that put an amount in a narrower scope of its kind (规模以上工业).
const SCOPES: &[&str] = &["规模以上", "限额以上", "规上", "限上"];

/// Whether `label` is the amount `noun` names, not an amount of something else
/// that mentions it (列入基本建设计划考核部分完成 holds 计划): it ends with the
/// noun, of three characters or more.
fn is_full_name(label: &str, noun: &str) -> bool {
    noun.chars().count() >= 3 && core(label).ends_with(noun)
}

/// A candidate operand with the evidence for it and how it was found.
struct Cand {
    op: Operand,
    ev: Evidence,
    why: &'static str,
    /// A base named for a rate whose label qualifies the act (期内及时整改率 of
    /// 整改率): the qualified count is at most the plain one, so the plain ratio
    /// is only an upper bound of the rate.
    narrowed: bool,
}

/// What the rates before a figure tell about it: the rate kinds a lint adds,
/// and the bases rates of its paragraph were bound to by name.
#[derive(Clone, Copy)]
struct Known<'a> {
    extra: &'a [RateEntry],
    sibling_bases: &'a [usize],
}

fn ratio_claim(
    b: &Binder,
    k: usize,
    scale: f64,
    shape: &Shape,
    known: Known,
    kind: ClaimKind,
    bounded: bool,
) -> Option<Claim> {
    let Known {
        extra,
        sibling_bases,
    } = known;
    let stated = b.operand(k, Role::Stated);
    let stated_value = stated.value;
    let mut tally = Tally::new(stated.value);
    let (num_role, den_role) = match shape {
        Shape::Completion { .. } => (Role::Done, Role::Target),
        _ => (Role::Numerator, Role::Denominator),
    };
    // A fraction written after the rate: 62.5%（305/488）.
    if let Some((n, d)) = fraction_after(b, k) {
        let ops = vec![
            Operand {
                role: num_role,
                ..n
            },
            Operand {
                role: den_role,
                ..d
            },
        ];
        if let Some(r) = Reading::new(
            Form::Ratio { scale },
            ops,
            Evidence::Explicit,
            "括号内所写分数",
        ) {
            tally.offer(r);
        }
    }
    let numerators = match shape {
        Shape::Rate { stem } => rate_numerators(b, k, stem),
        Shape::Share { subject, base } => share_numerators(b, k, subject, *base),
        Shape::Completion { base } => completion_done(b, k, *base),
    };
    let mut named_base_words: Option<&str> = None;
    for n in &numerators {
        let Source::Quantity(ni) = n.op.source else {
            continue;
        };
        let dens = match shape {
            Shape::Rate { stem } => rate_denominators(b, k, ni, stem, extra),
            Shape::Share { base, .. } => {
                named_base_words = base.map(|x| x.words);
                share_denominators(b, k, ni, *base)
            }
            Shape::Completion { base } => {
                named_base_words = base.map(|x| x.words);
                completion_targets(b, k, ni, *base)
            }
        };
        for d in dens {
            if d.op.source == n.op.source {
                continue;
            }
            // A base smaller than the count cannot be the whole a bounded rate is
            // taken of: such a binding only shows that the numbers may agree.
            let smaller = bounded && d.op.value.hi < n.op.value.lo;
            // Rates stated one after another in a paragraph speak of one
            // population: a base that an earlier rate was bound to by name
            // (产妇数 of 筛查率) is the named base of the next rate whose count is
            // named by its act (产前诊断人数 of 产前诊断率).
            let sibling = matches!(shape, Shape::Rate { .. })
                && n.ev == Evidence::Explicit
                && d.ev == Evidence::Inferred
                && matches!(d.op.source, Source::Quantity(j) if sibling_bases.contains(&j));
            let ev = if smaller {
                Evidence::Possible
            } else if sibling {
                Evidence::Explicit
            } else {
                n.ev.min(d.ev)
            };
            // Most readings only clear the claim: their numbers are tried before
            // their words are written out.
            if ev == Evidence::Possible {
                let v = n.op.value.over(d.op.value).map(|v| v.scale(scale));
                if !v.is_some_and(|v| v.meets(&stated_value)) {
                    tally.skip();
                    continue;
                }
            }
            // The amount before 占 in the figure's own sentence, the base by its
            // one full name in the same paragraph: the words bind both, across
            // sentences too. Another paragraph may speak of another year (研发投入
            // of the year before, over this year's 生产总值), and a numerator of a
            // scope (规模以上) names a whole of that scope whatever the base says.
            let own_sentence =
                b.qs[ni].paragraph == b.qs[k].paragraph && b.qs[ni].sentence == b.qs[k].sentence;
            let same_paragraph = matches!(d.op.source,
                Source::Quantity(j) if b.qs[j].paragraph == b.qs[k].paragraph);
            let scoped = |label: &str| SCOPES.iter().any(|w| label.contains(w));
            let narrower = scoped(&words_of(b, ni)) && !scoped(&d.op.label);
            let by_name = d.why == BY_FULL_NAME
                && ev == Evidence::Explicit
                && own_sentence
                && same_paragraph
                && !narrower;
            let ops = vec![
                Operand {
                    role: num_role,
                    ..n.op.clone()
                },
                written_out(b, d.op, den_role),
            ];
            let basis = if sibling {
                format!("{}；分母与同段前一比率的基数相同", n.why)
            } else {
                format!("{}；{}", n.why, d.why)
            };
            if let Some(mut r) = Reading::new(Form::Ratio { scale }, ops, ev, basis) {
                // The earlier rate binds the base across its sentence.
                r.across = sibling || by_name;
                if d.narrowed {
                    // The qualified rate is at most the plain ratio.
                    tally.offer(r.against(Interval::new(stated_value.lo, f64::INFINITY)));
                } else {
                    tally.offer(r);
                }
            }
        }
    }
    let head = named_base_words.map(|w| tail_chars(core(w), 2));
    tally.finish_with(kind, stated, |assumed, fitting| {
        // The words name one base, the numbers fit another of the same kind
        // (年初预算 named, 调整后预算 fits): the label is what is wrong.
        let (Some(head), Some(a), Some(f)) = (
            head.as_deref(),
            assumed.operand(den_role),
            fitting.operand(den_role),
        ) else {
            return false;
        };
        head.chars().count() == 2
            && a.source != f.source
            && f.label.contains(head)
            && assumed.operand(num_role).map(|o| o.source)
                == fitting.operand(num_role).map(|o| o.source)
    })
}

fn tail_chars(s: &str, n: usize) -> String {
    let all: Vec<char> = s.chars().collect();
    all[all.len().saturating_sub(n)..].iter().collect()
}

/// The words that say what a count counts: its label and the words after it
/// (120份合格 counts 合格).
fn words_of(b: &Binder, j: usize) -> String {
    format!("{}{}", b.qs[j].label, b.tail(j))
}

/// How many characters a count's words share with `noun` (label or the words
/// after the number), without building the words.
fn affinity_of(b: &Binder, j: usize, noun: &str) -> usize {
    affinity(&b.qs[j].label, noun).max(affinity(b.tail(j), noun))
}

/// Amounts of the sentence of `k`: before it nearest first, then after it.
fn sentence_amounts(b: &Binder, k: usize) -> Vec<usize> {
    let r = b.sentence_range(k);
    (r.start..k)
        .rev()
        .chain(k + 1..r.end)
        .filter(|&j| b.is_amount(j))
        .collect()
}

fn rate_numerators(b: &Binder, k: usize, stem: &str) -> Vec<Cand> {
    let mut out = Vec::new();
    let r = b.sentence_range(k);
    // After the rate only up to the next percentage: a later count is the next
    // rate's (接种率90%，80岁以上人群首针接种1.9万人，接种率76%).
    let next_rate = (k + 1..r.end)
        .find(|&j| b.qs[j].kind == Kind::Percent)
        .unwrap_or(r.end);
    for j in sentence_amounts(b, k) {
        if j > k && (j > next_rate || !out.is_empty()) {
            continue;
        }
        let w = words_of(b, j);
        let label = &b.qs[j].label;
        let done = !names_due(stem, label) || names_done(stem, label);
        if names_act(stem, &w) && done && !negates_act(stem, &w) {
            out.push(Cand {
                op: b.operand(j, Role::Numerator),
                ev: Evidence::Explicit,
                why: "分子按标签所述的行为",
                narrowed: false,
            });
        }
    }
    if out.is_empty() {
        // Stated earlier in the paragraph: 累计接种483201人。…接种率55.26%.
        let p = b.paragraph_range(b.qs[k].paragraph);
        for j in (p.start..b.sentence_range(k).start).rev().take(LOOK_BACK) {
            if b.is_amount(j)
                && names_act(stem, &words_of(b, j))
                && !names_due(stem, &b.qs[j].label)
            {
                out.push(Cand {
                    op: b.operand(j, Role::Numerator),
                    ev: Evidence::Inferred,
                    why: "分子按前文同一行为的计数",
                    narrowed: false,
                });
                break;
            }
        }
    }
    out.truncate(3);
    out
}

fn rate_denominators(b: &Binder, k: usize, n: usize, stem: &str, extra: &[RateEntry]) -> Vec<Cand> {
    let mut out: Vec<Cand> = Vec::new();
    let label = trimmed_label(&b.qs[k].label);
    let entry = rates().entry_for(extra, label);
    let exact_label = entry.is_some_and(|e| e.rate.iter().any(|w| w == label));
    let candidates: Vec<usize> = b
        .earlier_in_section(k, LOOK_BACK)
        .chain(b.sentence_range(k).filter(|&j| j > k))
        .filter(|&j| j != n && b.is_amount(j) && b.compatible(j, n))
        .collect();
    let same_sentence =
        |j: usize| b.qs[j].sentence == b.qs[k].sentence && b.qs[j].paragraph == b.qs[k].paragraph;
    // Named by the rate table (产妇, 活产 for 筛查率).
    if let Some(e) = entry {
        // The base is stated in the rate's paragraph (a 活产数 two paragraphs up
        // belongs to another rate).
        let named: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|&j| b.qs[j].paragraph == b.qs[k].paragraph)
            .filter(|&j| contains_any(&b.qs[j].label, &e.denominator))
            .filter(|&j| {
                !contains_any(&b.qs[j].label, &e.numerator) || names_due(stem, &b.qs[j].label)
            })
            .collect();
        // A base smaller than the count is no whole of a bounded rate: it does not
        // make the named base ambiguous (筛出高风险孕妇59人 beside 产妇数1462人).
        let whole = |j: usize| !e.bounded || b.value(j).hi >= b.value(n).lo;
        let in_sentence = named
            .iter()
            .filter(|&&j| same_sentence(j) && whole(j))
            .count();
        // A qualified label (期内及时整改率) names the base too, but its count is a
        // subset of the act's: the reading bounds the rate from above.
        let qualified = !exact_label && label.chars().count() <= 12;
        // The qualifier named by the count too (产前筛查 for 产前筛查率): no subset.
        let qualifier = e
            .rate
            .iter()
            .find(|w| label.contains(w.as_str()))
            .map_or(String::new(), |w| label.replacen(w.as_str(), "", 1));
        let own = !qualifier.is_empty() && words_of(b, n).contains(qualifier.as_str());
        for &j in &named {
            let one = in_sentence == 1 && same_sentence(j) && whole(j);
            let ev = if one && (exact_label || qualified) {
                Evidence::Explicit
            } else {
                Evidence::Inferred
            };
            let mut c = cand(b, j, ev, "分母按比率表所列的基数");
            c.narrowed = one && !exact_label && !own;
            out.push(c);
        }
    }
    // Named as what was due: 应接种, 应种, 需复查; or the whole: 120个项目中.
    for &j in &candidates {
        let own_sentence =
            (b.qs[j].paragraph, b.qs[j].sentence) == (b.qs[n].paragraph, b.qs[n].sentence);
        let own_paragraph = b.qs[j].paragraph == b.qs[n].paragraph;
        // 176个年度计划新开项目: a count named after its number.
        let named = if b.qs[j].label.is_empty() {
            words_of(b, j)
        } else {
            b.qs[j].label.clone()
        };
        if own_paragraph && names_due(stem, &named) || is_whole_tail(b, j) && j < n && own_sentence
        {
            out.push(cand(
                b,
                j,
                Evidence::Explicit,
                "分母按“应…”或“N个…中”所述的总数",
            ));
        }
    }
    // The stem's qualifier names the population: 筛查阳性率 over 筛查数.
    let act_len = stem
        .chars()
        .count()
        .saturating_sub(act_of(stem).chars().count());
    let qualifier: String = stem.chars().take(act_len).collect();
    if qualifier.chars().count() >= 2 {
        let named: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|&j| core(&b.qs[j].label).ends_with(qualifier.as_str()))
            .collect();
        // The one count of the sentence that the qualifier names (筛查数 for
        // 筛查阳性率, its numerator 筛查阳性例数 beside it) is named explicitly.
        let in_sentence: Vec<usize> = named
            .iter()
            .copied()
            .filter(|&j| same_sentence(j))
            .collect();
        for &j in &named {
            let ev = if in_sentence == [j] && names_act(stem, &words_of(b, n)) {
                Evidence::Explicit
            } else {
                Evidence::Inferred
            };
            out.push(cand(b, j, ev, "分母按比率名称中的对象"));
        }
    }
    // 已开工33个，未开工17个，开工率66%: done and not done make the base.
    if let Some(j) = b.sentence_range(k).find(|&j| {
        j != n && b.is_amount(j) && b.compatible(j, n) && negates_act(stem, &words_of(b, j))
    }) {
        out.push(Cand {
            op: Operand {
                source: Source::Text(b.qs[n.min(j)].span.cover(b.qs[n.max(j)].span)),
                ..sum_operand(b, &[n.min(j), n.max(j)], Role::Denominator)
            },
            ev: Evidence::Explicit,
            why: "分母为已做与未做之和",
            narrowed: false,
        });
    }
    if let Some(j) = one_larger_base(b, k, n) {
        out.push(cand(
            b,
            j,
            Evidence::Inferred,
            "分母取同句中唯一更大的同类计数",
        ));
    }
    // Any other count of the paragraph may be the base the writer used.
    for &j in candidates
        .iter()
        .filter(|&&j| b.qs[j].paragraph == b.qs[k].paragraph)
    {
        out.push(cand(b, j, Evidence::Possible, "其他同类计数"));
    }
    out
}

/// A candidate base of quantity `j`: its number now, its words when a reading
/// is written out ([`written_out`]).
fn cand(b: &Binder, j: usize, ev: Evidence, why: &'static str) -> Cand {
    cand_as(b, j, Role::Denominator, ev, why)
}

/// The operand of a candidate with its words (a candidate is kept without them).
fn written_out(b: &Binder, op: Operand, role: Role) -> Operand {
    match op.source {
        Source::Quantity(j) if op.written.is_empty() => b.operand(j, role),
        _ => Operand { role, ..op },
    }
}

/// 120个项目中: a count whose following words make it the whole.
fn is_whole_tail(b: &Binder, j: usize) -> bool {
    let tail = b.tail(j);
    words()
        .whole_tails
        .iter()
        .any(|w| tail.ends_with(w.as_str()))
        && tail.chars().count() >= 2
}

/// The one amount of the sentence before `n`, larger than it and of its kind,
/// that is not a sibling carrying its own share.
fn one_larger_base(b: &Binder, k: usize, n: usize) -> Option<usize> {
    let r = b.sentence_range(k);
    let nv = b.value(n);
    let larger: Vec<usize> = (r.start..n.min(k))
        .filter(|&j| {
            b.is_amount(j)
                && b.compatible(j, n)
                && b.value(j).lo > nv.hi
                && b.own_share(j).is_none()
                && !b.carries_ratio(j)
                && !b.in_brackets(j)
        })
        .collect();
    match larger[..] {
        [j] => Some(j),
        _ => None,
    }
}

fn share_numerators(b: &Binder, k: usize, subject: &str, base: Option<Base>) -> Vec<Cand> {
    let r = b.sentence_range(k);
    // Before 占, not inside the base it names (占全国一千七百八十六个县的).
    let limit = base.map_or(b.qs[k].local.start, |x| x.span.start);
    let Some(j) = (r.start..k)
        .rev()
        .find(|&j| b.is_amount(j) && b.qs[j].local.end <= limit)
    else {
        return Vec::new();
    };
    let gap = super::words::without_brackets(b.text(k).get(b.qs[j].local.end..limit).unwrap_or(""));
    // An amount in brackets (含技工学校学生104.6万人) qualifies the one before it:
    // the change after the bracket is that one's, and so is the share.
    let skipped = if b.in_brackets(j) && !b.in_brackets(k) {
        gap.clone()
    } else {
        without_change_clauses(&gap)
    };
    let named = subject.chars().filter(|c| is_han(*c)).count();
    // Past a change clause, a subject of its own must name the amount (税占比
    // after 一般公共预算收入160亿元，下降46.7% is the tax's share, not the revenue's).
    if skipped != gap && named >= 1 && affinity(subject, &b.qs[j].label) < named.min(2) {
        return Vec::new();
    }
    let gap = skipped.as_str();
    // 女性1200人，占40%: the amount right before; 女性占40%: the subject must name it.
    let adjacent = gap.chars().filter(|c| is_han(*c)).count() <= 4 + named;
    if !adjacent || named >= 2 && affinity(subject, &b.qs[j].label) < 2 {
        return Vec::new();
    }
    // 分别为A例、B例和C例，共占…: the share of their sum.
    if words().sum_words.found_in(gap) {
        let mut list = vec![j];
        let mut i = j;
        while i > r.start && b.is_amount(i - 1) && b.compatible(i - 1, j) {
            let g = b.between(i - 1, i);
            if g.chars().count() > 3 || g.contains(['，', '；', '。']) {
                break;
            }
            i -= 1;
            list.push(i);
        }
        if list.len() >= 2 {
            list.reverse();
            return vec![Cand {
                op: sum_operand(b, &list, Role::Numerator),
                ev: Evidence::Explicit,
                why: "分子为所列各项之和",
                narrowed: false,
            }];
        }
    }
    vec![Cand {
        op: b.operand(j, Role::Numerator),
        ev: Evidence::Explicit,
        why: "分子为“占”前的计数",
        narrowed: false,
    }]
}

/// The words between an amount and the 占 of its share, without the clauses
/// that state the amount's own change (比上年增长25.4%, and 按可比口径计算 /
/// 扣除价格因素 that qualify it): 网上零售额70198亿元，比上年增长25.4%，占…的比重
/// is still the share of that amount. A clause with a change verb and a figure
/// says how the amount moved, not what the share is of.
fn without_change_clauses(gap: &str) -> String {
    let w = words();
    let clauses: Vec<&str> = gap.split(['，', ',']).collect();
    // The amount's own change has no subject of its own: it opens with the
    // comparison or the verb (比上年增长, 同比下降, 增长), never with a name
    // (年度固定资产投资同比增长10% speaks of another amount).
    let is_change = |c: &str| {
        let c = c.trim();
        let opens = w.comparisons.iter().any(|x| c.starts_with(x.as_str()))
            || w.change_verbs.iter().any(|v| c.starts_with(v.as_str()));
        opens && c.contains(|ch: char| ch.is_ascii_digit())
    };
    let qualifies = |i: usize| {
        let c = clauses[i].trim();
        (c.ends_with("计算") || c.ends_with("因素"))
            && clauses.get(i + 1).is_some_and(|n| is_change(n))
    };
    clauses
        .iter()
        .enumerate()
        .filter(|&(i, c)| !is_change(c) && !qualifies(i))
        .map(|(_, c)| *c)
        .collect::<Vec<_>>()
        .join("，")
}

/// Several quantities as one operand: their sum.
fn sum_operand(b: &Binder, list: &[usize], role: Role) -> Operand {
    let first = &b.qs[list[0]];
    let last = &b.qs[list[list.len() - 1]];
    let written: Vec<String> = list.iter().map(|&j| b.operand(j, role).written).collect();
    Operand {
        role,
        source: Source::Quantity(list[list.len() - 1]),
        value: Interval::sum(list.iter().map(|&j| b.value(j))),
        written: written.join(" + "),
        label: "所列各项之和".into(),
        span: first.span.cover(last.span),
        label_span: first.label_span.cover(last.span),
    }
}

fn share_denominators(b: &Binder, k: usize, n: usize, base: Option<Base>) -> Vec<Cand> {
    let mut out = Vec::new();
    let earlier: Vec<usize> = b
        .earlier_in_section(n, LOOK_BACK)
        .filter(|&j| b.is_amount(j) && b.compatible(j, n) && !is_sibling_share(b, j, n))
        .collect();
    if let Some(base) = base {
        // The base written with its number: 占全国一千七百八十六个县的.
        let p = b.qs[k].paragraph;
        // Quantities are in text order: from the phrase's start on only.
        let r = b.paragraph_range(p);
        let from = r.start + b.qs[r.clone()].partition_point(|q| q.local.start < base.span.start);
        for j in (from..r.end).take_while(|&j| b.qs[j].local.start < base.span.end) {
            let q = &b.qs[j];
            if q.local.start >= base.span.start
                && q.local.end <= base.span.end
                && b.is_amount(j)
                && b.compatible(j, n)
            {
                out.push(cand(b, j, Evidence::Explicit, "分母写在“占…的”之中"));
            }
        }
        let noun = base_noun(base.words);
        let own = affinity_of(b, n, noun);
        // In the paragraph a base may be named in part (总人口 for 常住人口); further
        // back only whole (a paragraph earlier: 全市常住人口).
        let whole = noun.chars().count();
        let best = earlier
            .iter()
            .map(|&j| (affinity_of(b, j, noun), j))
            .filter(|&(a, j)| {
                names_base(a, noun, own) && (a >= whole || b.qs[j].paragraph == b.qs[n].paragraph)
            })
            .max_by_key(|&(a, j)| (a, std::cmp::Reverse(n - j)));
        if let Some((a, j)) = best {
            let ties = earlier
                .iter()
                .filter(|&&i| affinity_of(b, i, noun) == a)
                .count();
            let ev = if ties == 1 {
                Evidence::Explicit
            } else {
                Evidence::Inferred
            };
            let why = if ties == 1 && is_full_name(&b.qs[j].label, noun) {
                BY_FULL_NAME
            } else {
                "分母按“占…的”所指的基数"
            };
            out.push(cand(b, j, ev, why));
        }
    }
    let mut parent = parent_total(b, n);
    // 老年人12万人，占总人口的20%，其中65岁以上9万人，占15%: the nested part's
    // share may be of the parent's own base: 9 ÷ 12 × 20%.
    if let Some(t) = parent {
        if let Some(s) = b
            .own_share(t)
            .or_else(|| (t + 1 < b.qs.len() && b.carries_ratio(t)).then_some(t + 1))
        {
            out.push(Cand {
                op: Operand {
                    role: Role::Denominator,
                    value: b
                        .value(t)
                        .over(b.value(s))
                        .map_or(b.value(t), |v| v.scale(100.0)),
                    written: format!(
                        "{} ÷ {}",
                        b.operand(t, Role::Denominator).written,
                        b.operand(s, Role::Denominator).written
                    ),
                    label: format!("{}所占的整体", b.qs[t].label),
                    ..b.operand(t, Role::Denominator)
                },
                ev: Evidence::Possible,
                why: "分母为上一层总数所占的整体（按其比率推算）",
                narrowed: false,
            });
        }
    }
    let mut first = true;
    while let Some(t) = parent {
        let ev = if first && base.is_none() {
            Evidence::Explicit
        } else {
            Evidence::Possible
        };
        out.push(cand(b, t, ev, "分母为“其中”之前的总数"));
        first = false;
        parent = parent_total(b, t);
    }
    for &j in &earlier {
        if is_whole_tail(b, j)
            && (b.qs[j].paragraph, b.qs[j].sentence) == (b.qs[n].paragraph, b.qs[n].sentence)
        {
            out.push(cand(b, j, Evidence::Explicit, "分母为“N个…中”所述的总数"));
        }
    }
    if base.is_none() {
        if let Some(j) = one_larger_base(b, k, n) {
            out.push(cand(
                b,
                j,
                Evidence::Inferred,
                "分母取同句中唯一更大的同类计数",
            ));
        }
    }
    for &j in earlier
        .iter()
        .filter(|&&j| b.qs[j].paragraph == b.qs[k].paragraph)
    {
        out.push(cand(b, j, Evidence::Possible, "其他同类计数"));
    }
    out
}

/// Whether `j` is a sibling of part `n`: it carries its own share and no
/// 其中 between them makes `n` a part of it.
fn is_sibling_share(b: &Binder, j: usize, n: usize) -> bool {
    b.own_share(j).is_some() && !b.between(j, n).contains("其中")
}

/// The total a 其中 before `n` refers to: the nearest amount of `n`'s kind
/// before that 其中, in its sentence or, when 其中 opens the sentence, the one before.
pub(super) fn parent_total(b: &Binder, n: usize) -> Option<usize> {
    // The 其中 may stand sentences earlier when only ； separates them (其中A为
    // 20.10万元，占88.86%；B为2.52万元，占11.14%), never past a 。.
    let p = b.qs[n].paragraph;
    let text = b.text(n);
    let upto = &text[..b.qs[n].local.start];
    let group_start = upto
        .rfind(['。', '！', '？'])
        .map_or(0, |i| i + '。'.len_utf8());
    let local = group_start + upto[group_start..].rfind("其中")?;
    let first = b.paragraph_range(p).start;
    (first..n)
        .rev()
        .filter(|&j| b.qs[j].local.end <= local)
        .take(LOOK_BACK)
        .take_while(|&j| b.qs[j].sentence + 1 >= b.sentence_at(p, local))
        .find(|&j| b.is_amount(j) && b.compatible(j, n) && !b.in_brackets(j))
}

fn completion_done(b: &Binder, k: usize, base: Option<Base>) -> Vec<Cand> {
    let r = b.sentence_range(k);
    let w = words();
    let is_target = |j: usize| names_target(&b.qs[j].label);
    let mut out = Vec::new();
    if let Some(base) = base {
        // 新增就业486万人，完成全年600万人目标的81%: the amount right before the
        // phrase, unless that is the target itself.
        let phrase_start = base.span.start;
        if let Some(j) = (r.start..k)
            .rev()
            .find(|&j| b.is_amount(j) && b.qs[j].local.end <= phrase_start)
            .filter(|&j| !is_target(j))
        {
            out.push(Cand {
                op: b.operand(j, Role::Done),
                ev: Evidence::Explicit,
                why: "完成数为“完成…的”之前的计数",
                narrowed: false,
            });
        }
        // …已完成年度计划的50.4%，完成投资206.7亿元: the amount done after the rate.
        if let Some(j) = (k + 1..r.end)
            .find(|&j| b.is_amount(j))
            .filter(|&j| contains_any(&b.qs[j].label, &w.done_words) && !is_target(j))
        {
            out.push(Cand {
                op: b.operand(j, Role::Done),
                ev: Evidence::Explicit,
                why: "完成数为比率之后所写的完成量",
                narrowed: false,
            });
        }
        return out;
    }
    let named: Vec<usize> = (r.start..k)
        .rev()
        .chain(k + 1..r.end)
        .filter(|&j| b.is_amount(j) && contains_any(&b.qs[j].label, &w.done_words) && !is_target(j))
        .collect();
    for &j in named.iter().take(2) {
        out.push(Cand {
            op: b.operand(j, Role::Done),
            ev: Evidence::Explicit,
            why: "完成数按标签“完成”",
            narrowed: false,
        });
    }
    if out.is_empty() {
        if let Some(j) = (r.start..k)
            .rev()
            .find(|&j| b.is_amount(j) && !is_target(j))
        {
            out.push(Cand {
                op: b.operand(j, Role::Done),
                ev: Evidence::Inferred,
                why: "完成数取完成率前最近的计数",
                narrowed: false,
            });
        }
    }
    out
}

fn completion_targets(b: &Binder, k: usize, n: usize, base: Option<Base>) -> Vec<Cand> {
    let w = words();
    let mut out = Vec::new();
    let earlier: Vec<usize> = b
        .earlier_in_section(k, LOOK_BACK)
        .filter(|&j| j != n && b.is_amount(j) && b.compatible(j, n))
        .collect();
    if let Some(base) = base {
        // The target written inside the phrase: 完成全年600万人目标的.
        let p = b.qs[k].paragraph;
        // Quantities are in text order: only those from the phrase's start on
        // are looked at (a long paragraph stays linear).
        let r = b.paragraph_range(p);
        let from = r.start + b.qs[r.clone()].partition_point(|q| q.local.start < base.span.start);
        let inside: Vec<usize> = (from..r.end)
            .take_while(|&j| b.qs[j].local.start < base.span.end)
            .filter(|&j| b.qs[j].local.end <= base.span.end)
            .filter(|&j| b.is_amount(j) && b.compatible(j, n))
            .collect();
        for &j in &inside {
            out.push(cand_as(
                b,
                j,
                Role::Target,
                Evidence::Explicit,
                "任务数写在“完成…的”之中",
            ));
        }
        if inside.is_empty() {
            let noun = base_noun(base.words);
            let own = affinity(&b.qs[n].label, noun);
            // A base named as a plan (完成预算的) is an amount named as one, not
            // the total of a budget book (一般公共预算收入).
            let plan = contains_any(noun, &w.target_words);
            let named: Vec<(usize, usize)> = earlier
                .iter()
                .filter(|&&j| !plan || names_target(&b.qs[j].label))
                .map(|&j| (affinity(&b.qs[j].label, noun), j))
                .filter(|&(a, _)| names_base(a, noun, own))
                .collect();
            let best = named
                .iter()
                .copied()
                .max_by_key(|&(a, j)| (a, std::cmp::Reverse(k - j)));
            if let Some((a, j)) = best {
                let whole = is_full_name(&b.qs[j].label, noun);
                let ties = named.iter().filter(|x| x.0 == a).count();
                let why = if whole && ties == 1 {
                    BY_FULL_NAME
                } else {
                    "任务数按“完成…的”所指的基数"
                };
                out.push(cand_as(b, j, Role::Target, Evidence::Explicit, why));
            }
        }
    } else {
        let named: Vec<usize> = earlier
            .iter()
            .copied()
            .filter(|&j| names_target(&b.qs[j].label))
            .collect();
        let one_sentence = |j: usize| {
            b.qs[j].sentence == b.qs[k].sentence && b.qs[j].paragraph == b.qs[k].paragraph
        };
        let in_sentence = named.iter().filter(|&&j| one_sentence(j)).count();
        for &j in &named {
            let ev = if in_sentence == 1 && one_sentence(j) {
                Evidence::Explicit
            } else {
                Evidence::Inferred
            };
            out.push(cand_as(
                b,
                j,
                Role::Target,
                ev,
                "任务数按标签“任务/目标/计划”",
            ));
        }
    }
    for &j in earlier
        .iter()
        .filter(|&&j| b.qs[j].paragraph == b.qs[k].paragraph)
    {
        out.push(cand_as(
            b,
            j,
            Role::Target,
            Evidence::Possible,
            "其他同类计数",
        ));
    }
    out
}

fn cand_as(b: &Binder, j: usize, role: Role, ev: Evidence, why: &'static str) -> Cand {
    let q = &b.qs[j];
    Cand {
        op: Operand {
            role,
            source: Source::Quantity(j),
            value: b.value(j),
            written: String::new(),
            label: String::new(),
            span: q.span,
            label_span: q.label_span.cover(q.span),
        },
        ev,
        why,
        narrowed: false,
    }
}

/// 62.5%（305/488）: the numerator and denominator written after the rate.
fn fraction_after(b: &Binder, k: usize) -> Option<(Operand, Operand)> {
    let q = &b.qs[k];
    let p = b.doc.paragraphs.get(q.paragraph)?;
    let t = p.text.as_str();
    let rest = t.get(q.local.end..)?;
    let open = rest.strip_prefix('（').or_else(|| rest.strip_prefix('('))?;
    let skip = rest.len() - open.len();
    let num_len = open.bytes().take_while(|c| c.is_ascii_digit()).count();
    let after = &open[num_len..];
    let slash = after
        .strip_prefix('/')
        .or_else(|| after.strip_prefix('／'))?;
    let den_len = slash.bytes().take_while(|c| c.is_ascii_digit()).count();
    if num_len == 0 || den_len == 0 || !slash[den_len..].starts_with(['）', ')']) {
        return None;
    }
    let num: f64 = open[..num_len].parse().ok()?;
    let den: f64 = slash[..den_len].parse().ok()?;
    let num_start = q.local.end + skip;
    let den_start = num_start + num_len + (after.len() - slash.len());
    let op = |v: f64, start: usize, len: usize| {
        let span = p.doc_span(Span::new(start, start + len));
        Operand {
            role: Role::Numerator,
            source: Source::Text(span),
            value: Interval::exact(v),
            written: t[start..start + len].to_owned(),
            label: String::new(),
            span,
            label_span: span,
        }
    };
    Some((op(num, num_start, num_len), op(den, den_start, den_len)))
}

/// 占应改造户数的, 达需完成数的: a base named as what was due (应…, 需…, 计划…,
/// 任务…) is a target, whatever noun ends it (应届, 应急 and 应用 name no due amount).
fn names_due_amount(words_of_base: &str) -> bool {
    let mut s = words_of_base.trim();
    for w in ["全年", "年度", "本年", "当年", "今年"] {
        s = s.strip_prefix(w).unwrap_or(s);
    }
    !["应届", "应急", "应用"].iter().any(|w| s.starts_with(w))
        && words()
            .due_prefixes
            .iter()
            .any(|p| s.starts_with(p.as_str()))
}

/// A rate written after a target of its sentence (计划建设12万亩…建成率105.0%;
/// 应办理1260件（含上年结转180件）…办结率103.3%) measures completion against that
/// target, which need not hold what was done (work carried over, done ahead):
/// its counts still bound it, its name alone does not.
fn after_a_target(b: &Binder, k: usize) -> bool {
    let q = &b.qs[k];
    // The sentence's own quantities only: a paragraph-wide walk per rate made a
    // one-paragraph file of many sentences quadratic.
    let sentence = b.range_of(q.paragraph, q.sentence);
    (sentence.start..k.min(sentence.end))
        .filter(|&j| b.is_amount(j))
        .any(|j| names_target(&b.qs[j].label) || names_due_amount(&b.qs[j].label))
}

/// A rate that cannot exceed 100%: the claim that it lies within [0, 100].
fn bound_claim(b: &Binder, k: usize) -> Option<Claim> {
    let stated = b.operand(k, Role::Stated);
    let mut tally = Tally::new(stated.value);
    let whole = Operand {
        role: Role::Bound,
        source: Source::Implied,
        value: Interval::new(0.0, 100.0),
        written: "100%".into(),
        label: "整体".into(),
        span: stated.span,
        label_span: stated.label_span,
    };
    tally.offer(Reading::new(
        Form::Within,
        vec![whole],
        Evidence::Explicit,
        "部分不能大于整体",
    )?);
    tally.finish(ClaimKind::Bounded, stated)
}

/// The noun a named base names: without the words that only place it
/// (全国学龄儿童 → 学龄儿童, 原有审批项目 → 审批项目) or name its measure.
fn base_noun(words_of_base: &str) -> &str {
    // GDP is 生产总值.
    for pair in &words().synonyms {
        if let [from, to] = &pair[..] {
            if words_of_base.trim() == from {
                return to;
            }
        }
    }
    let mut s = words_of_base;
    for w in &words().scope_words {
        if let Some(r) = s.strip_prefix(w.as_str()) {
            if r.chars().count() >= 2 {
                s = r;
                break;
            }
        }
    }
    core(s)
}

/// Whether a count whose words share `a` characters with the base noun names
/// that base: at least two and half the noun, and more than the numerator's own
/// words share with it (占原有审批项目的 over 审批项目总数 names the items before
/// any were cut, not a count of another kind).
fn names_base(a: usize, noun: &str, numerator_affinity: usize) -> bool {
    a >= 2 && 2 * a >= noun.chars().count() && a > numerator_affinity
}

/// Whether a count's words negate the rate's act: 未开工 for 开工率, 不合格 for 合格率.
fn negates_act(stem: &str, words_of_count: &str) -> bool {
    let act = act_of(stem);
    words_of_count
        .find(act.as_str())
        .is_some_and(|at| words_of_count[..at].ends_with(['未', '不', '非', '没']))
}
