//! A number of the text that quotes a table cell: the sentence points at the
//! table (附表1, 表2, 见下表), the number's label names a column, and the row is
//! the one the clause names or the total row when it speaks of a total. The two
//! are compared in one unit (万元 in the table, 元 or 亿元 in the prose), each as
//! the interval its printed digits allow; the same value elsewhere in the column
//! is another reading (the sentence may mean that row).

use super::binder::Binder;
use super::interval;
use super::table::cell;
use super::{Claim, ClaimKind, Evidence, Form, Reading, Role, Tally};
use crate::document::paragraphs::is_blank;
use crate::document::quantities::{Kind, Quantity};
use crate::document::tables::{ColumnKind, RowRole, Table};
use crate::document::Document;
use regex::Regex;
use std::sync::OnceLock;

/// 附表1, 表2, 见下表.
fn reference() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?:附表|表)\s*([0-9０-９]+|[一二三四五六七八九十]+)|下表").expect("regex")
    })
}

/// Words by which a clause speaks of the whole table rather than one row.
const TOTAL_WORDS: &[&str] = &[
    "共", "合计", "总计", "全市", "全县", "全区", "全省", "全州", "全年", "累计", "总",
];

/// Whether a match of [`reference`] points at a table: 附表 anywhere, 表N or 下表
/// after 见/如/详/参/附 or a bracket, and 下表 not opening a word (下表彰).
fn is_reference(text: &str, start: usize, end: usize) -> bool {
    let m = &text[start..end];
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    if m.starts_with("附表") {
        return true;
    }
    let led = before.is_none_or(|c| {
        matches!(
            c,
            '见' | '如' | '详' | '参' | '附' | '和' | '及' | '与' | '、' | '（' | '(' | '，' | ' '
        )
    });
    let word_goes_on = m == "下表"
        && after
            .is_some_and(|c| matches!(c, '彰' | '示' | '达' | '明' | '态' | '率' | '现' | '决'));
    led && !word_goes_on
}

/// The number a table's title gives it: "附表1　…" → "1".
fn table_number(doc: &Document, t: &Table) -> Option<String> {
    let first = t.rows.first()?.line;
    (first.saturating_sub(3)..first).rev().find_map(|line| {
        let range = doc.lines.line_range(&doc.text, line);
        let l = doc.text.get(range)?.trim_matches(is_blank);
        let m = reference().captures(l)?;
        (m.get(0)?.start() == 0).then(|| m.get(1).map(|n| n.as_str().to_owned()))?
    })
}

/// The column a prose label names: its header without the bracketed unit is in
/// the label, or the label in it, two characters at least.
fn column_for(t: &Table, q: &Quantity) -> Option<usize> {
    let label: String = q.label.chars().filter(|c| !is_blank(*c)).collect();
    let wanted_rate = matches!(q.kind, Kind::Percent);
    let found: Vec<usize> = (0..t.columns.len())
        .filter(|&c| {
            let col = &t.columns[c];
            let fits_kind = match col.kind {
                ColumnKind::Rate { .. } => wanted_rate,
                ColumnKind::Additive => matches!(q.kind, Kind::Count | Kind::Money),
                _ => false,
            };
            let core = col.header.split(['（', '(']).next().unwrap_or("");
            let short = label.chars().count().min(core.chars().count());
            fits_kind && short >= 2 && (label.contains(core) || core.contains(label.as_str()))
        })
        .collect();
    match found[..] {
        [c] => Some(c),
        _ => None,
    }
}

/// The row a number speaks of: the row named nearest before it in its sentence,
/// or the total row when a word of totals (共, 全市) is nearer.
fn row_for(doc: &Document, q: &Quantity, t: &Table) -> Option<usize> {
    let p = doc.paragraphs.get(q.paragraph)?;
    let sentence = p.doc_span(*p.sentences.get(q.sentence)?);
    let before = doc.text.get(sentence.start..q.span.start)?;
    let mut best: Option<(usize, Option<usize>)> = None; // (position, row or total)
    let mut consider = |at: Option<usize>, what: Option<usize>| {
        if let Some(at) = at {
            if best.is_none_or(|(b, _)| at > b) {
                best = Some((at, what));
            }
        }
    };
    for r in t.body() {
        let l = &t.rows[r].label;
        if l.chars().count() >= 2 && t.rows[r].role == RowRole::Item {
            consider(before.rfind(l.as_str()), Some(r));
        }
    }
    for w in TOTAL_WORDS {
        consider(before.rfind(w), None);
    }
    best?.1.or_else(|| t.grand_total())
}

pub(super) fn claims(b: &Binder, out: &mut Vec<Claim>) {
    let doc = b.doc;
    if doc.tables.is_empty() {
        return;
    }
    let numbers: Vec<Option<String>> = doc.tables.iter().map(|t| table_number(doc, t)).collect();
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        if doc.in_table(p.span.start) {
            continue;
        }
        // The tables the paragraph names, each once however often it is named.
        let mut targets: Vec<usize> = reference()
            .captures_iter(&p.text)
            .filter_map(|m| {
                let whole = m.get(0)?;
                if !is_reference(&p.text, whole.start(), whole.end()) {
                    return None; // 代表3人, 表彰: a word that holds 表
                }
                match m.get(1) {
                    Some(n) => numbers
                        .iter()
                        .position(|k| k.as_deref() == Some(n.as_str())),
                    None => doc.tables.iter().position(|t| t.span.start > p.span.end),
                }
            })
            .collect();
        targets.sort_unstable();
        targets.dedup();
        for &ti in &targets {
            for qi in b.paragraph_range(pi) {
                out.extend(quote(b, qi, ti));
            }
        }
    }
}

/// The claim that quantity `qi` of the text is the cell of table `ti` it names.
fn quote(b: &Binder, qi: usize, ti: usize) -> Option<Claim> {
    let doc = b.doc;
    let t = &doc.tables[ti];
    let q = &b.qs[qi];
    let c = column_for(t, q)?;
    let row = row_for(doc, q, t)?;
    let scale = if matches!(t.columns[c].kind, ColumnKind::Rate { .. }) {
        1.0
    } else {
        t.columns[c].multiplier
    };
    let stated = b.operand(qi, Role::Stated);
    let mut tally = Tally::new(stated.value);
    let mut offer = |r: usize, ev: Evidence| {
        if let Some(mut o) = cell(b, ti, r, c, Role::Quoted) {
            o.value = o.value.scale(scale);
            o.label = format!("{}」行的「{}", t.row_name(r), t.column_name(c));
            if let Some(reading) = Reading::new(Form::Within, vec![o], ev, "正文所指的表格单元格")
            {
                tally.offer(reading);
            }
        }
    };
    offer(row, Evidence::Inferred);
    // The same number elsewhere in the column: the sentence may mean that row.
    for r in t.body().filter(|&r| r != row) {
        offer(r, Evidence::Possible);
    }
    let _ = interval::of_quantity;
    tally.finish(ClaimKind::TableQuote, stated)
}
