//! What the `tables` command prints: every table the Document model reads, with
//! its columns (header, kind) and rows (line, role, name), so a user can see why
//! a table check did or did not run.

use crate::document::tables::{ColumnKind, Content, RowRole};
use crate::document::Document;
use std::fmt::Write;

fn kind(k: ColumnKind) -> &'static str {
    match k {
        ColumnKind::Label => "label",
        ColumnKind::Additive => "count",
        ColumnKind::Rate { share: true, .. } => "share",
        ColumnKind::Rate { growth: true, .. } => "growth",
        ColumnKind::Rate { .. } => "rate",
        ColumnKind::NotAdditive => "number",
        ColumnKind::Text => "text",
    }
}

fn role(r: RowRole) -> &'static str {
    match r {
        RowRole::Header => "header",
        RowRole::Item => "item",
        RowRole::Total => "total",
        RowRole::AreaTotal => "area-total",
        RowRole::Subtotal => "subtotal",
        RowRole::Part => "part",
        RowRole::Group => "group",
    }
}

pub fn tables(doc: &Document) -> String {
    let mut s = String::new();
    for (i, t) in doc.tables.iter().enumerate() {
        let first = doc.line_col(t.span.start).line;
        let last = doc.line_col(t.span.end).line;
        let _ = writeln!(
            s,
            "table {} (lines {first}-{last}, {:?}, {} header row(s))",
            i + 1,
            t.layout,
            t.header_rows
        );
        for (c, col) in t.columns.iter().enumerate() {
            let _ = writeln!(
                s,
                "  column {:<2} {:<7} {}",
                c + 1,
                kind(col.kind),
                t.column_name(c)
            );
        }
        for r in &t.rows {
            let numbers = r
                .cells
                .iter()
                .filter(|c| matches!(c.content, Content::Number(_)))
                .count();
            let _ = writeln!(
                s,
                "  line {:<5} {:<10} {:<16} {numbers} number(s)",
                r.line + 1,
                role(r.role),
                r.label
            );
        }
    }
    s
}

/// What the `claims` command prints: every claim with its stated figure and the
/// interval it stands for, the verdict, and the reading that decided it (the one
/// that fits, or the one a finding assumes) with its operands' intervals.
pub fn claims(doc: &Document) -> String {
    use crate::document::claims::{Interval, Verdict};
    let show = |i: Interval| {
        let f = |x: f64| {
            if x.is_finite() {
                crate::document::quantities::format_value(x, 4)
            } else if x > 0.0 {
                "∞".to_owned()
            } else {
                "-∞".to_owned()
            }
        };
        if i.lo == i.hi {
            f(i.lo)
        } else {
            format!("[{}, {}]", f(i.lo), f(i.hi))
        }
    };
    let mut s = String::new();
    for c in &doc.claims().list {
        let lc = doc.line_col(c.stated.span.start);
        let verdict = match c.verdict {
            Verdict::Holds(_) => "holds".to_owned(),
            Verdict::Fails => "FAILS".to_owned(),
            Verdict::Mislabeled(_) => "MISLABELED".to_owned(),
            Verdict::Unbound => "unbound".to_owned(),
            Verdict::Unchecked(why) => format!("unchecked: {why}"),
        };
        let _ = writeln!(
            s,
            "{:>5}:{:<4} {:<18} {} = {}  {verdict} ({} reading(s) tried)",
            lc.line,
            lc.column,
            c.kind.as_str(),
            c.stated.written,
            show(c.stated.value),
            c.tried
        );
        for r in &c.readings {
            let ops: Vec<String> = r
                .operands
                .iter()
                .map(|o| {
                    format!(
                        "{} {}「{}」= {}",
                        o.role.name(),
                        o.label,
                        o.written,
                        show(o.value)
                    )
                })
                .collect();
            let _ = writeln!(
                s,
                "             {} {:?}: {} → {}  [{}]",
                if r.fits { "fits" } else { "fails" },
                r.evidence,
                ops.join("，"),
                show(r.computed),
                r.basis
            );
        }
    }
    s
}
