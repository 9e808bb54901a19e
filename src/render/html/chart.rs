//! A small chart of findings per lint across the whole pile, most first: which
//! lints dominate the pile at a glance. Each bar filters the page to its lint.

use super::{escape, Input};
use crate::tr;
use std::collections::BTreeMap;
use std::fmt::Write;

pub(super) fn per_lint(page: &mut String, reports: &[Input<'_>]) {
    // (code, lint) -> (findings, reports with any)
    let mut by: BTreeMap<(&str, &str), (usize, usize)> = BTreeMap::new();
    for r in reports {
        let mut seen: Vec<&str> = Vec::new();
        for f in r.findings {
            let e = by.entry((f.code, f.lint)).or_default();
            e.0 += 1;
            if !seen.contains(&f.code) {
                seen.push(f.code);
                e.1 += 1;
            }
        }
    }
    if by.is_empty() {
        return;
    }
    let mut rows: Vec<_> = by.into_iter().collect();
    rows.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(&b.0)));
    let widest = rows.first().map_or(1, |r| r.1 .0.max(1));
    let _ = write!(
        page,
        "<section id=\"chart\" aria-labelledby=\"chart-h\">\n<h2 id=\"chart-h\">{}</h2>\n<ol class=\"chart\">\n",
        escape(&tr!("html.chart"))
    );
    for ((code, lint), (n, in_reports)) in rows {
        let _ = writeln!(
            page,
            "<li><button type=\"button\" class=\"cbar\" data-lint=\"{code}\" title=\"{title}\">\
             <span class=\"cl\">{code} <small>{lint}</small></span>\
             <span class=\"ct\"><span class=\"cf\" style=\"width:{pct:.2}%\"></span></span>\
             <span class=\"cn\">{n}</span></button></li>",
            code = escape(code),
            lint = escape(lint),
            title = escape(&tr!("html.chart-title", findings = n, reports = in_reports)),
            pct = n as f64 * 100.0 / widest as f64,
        );
    }
    page.push_str("</ol>\n</section>\n");
}
