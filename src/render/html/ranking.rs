//! The ranking table: one row per report, highest score first, with counts per
//! severity and per lint family, the lints with most findings, a bar, and a
//! total row. Every column sorts (the script); clean reports can be hidden.

use super::{escape, triage, Counts, Input, FAMILIES, SEVERITIES};
use crate::i18n;
use crate::tr;
use std::fmt::Write;

/// What the table shows.
pub(super) struct Table<'a> {
    pub reports: &'a [Input<'a>],
    pub counts: &'a [Counts],
    pub scores: &'a [f64],
    /// Report indexes, best first.
    pub order: &'a [usize],
    pub total: &'a Counts,
    /// The folder every path shares, shown once in the heading.
    pub prefix: &'a str,
}

/// A sortable column heading: a button that the script sorts by.
fn sort_head(page: &mut String, key: &str, label: &str, class: &str, sorted: bool) {
    let _ = write!(
        page,
        "<th scope=\"col\" class=\"{class}\" data-sort=\"{key}\"{}><button type=\"button\" class=\"sort\">{}</button></th>",
        if sorted { " aria-sort=\"descending\"" } else { "" },
        escape(label)
    );
}

pub(super) fn table(page: &mut String, t: &Table<'_>) {
    let _ = write!(
        page,
        "<section id=\"ranking\" aria-labelledby=\"ranking-h\">\n\
         <h2 id=\"ranking-h\">{}",
        escape(&tr!("html.ranking"))
    );
    if !t.prefix.is_empty() {
        let _ = write!(
            page,
            " <span class=\"prefix\">{}</span>",
            escape(&tr!("html.in-folder", folder = t.prefix))
        );
    }
    page.push_str("</h2>\n<table id=\"rank\">\n<thead><tr><th scope=\"col\" class=\"n\">#</th>");
    sort_head(page, "name", &tr!("html.report"), "name", false);
    sort_head(page, "score", &tr!("html.score"), "n score", true);
    for s in SEVERITIES {
        sort_head(
            page,
            s.as_str(),
            i18n::severity_name(s),
            &format!("n c-{}", s.as_str()),
            false,
        );
    }
    for fam in FAMILIES {
        sort_head(page, fam.as_str(), i18n::family_name(fam), "n fam", false);
    }
    let _ = write!(
        page,
        "<th scope=\"col\" class=\"top\">{}</th><th scope=\"col\" class=\"barcol\"><span class=\"vh\">{}</span></th></tr></thead>\n<tbody>\n",
        escape(&tr!("html.top-lints")),
        escape(&tr!("html.bar"))
    );
    let widest = t.counts.iter().map(Counts::total).max().unwrap_or(0).max(1);
    for (rank, &r) in t.order.iter().enumerate() {
        let c = &t.counts[r];
        let name = t.reports[r].name;
        let shown = name.strip_prefix(t.prefix).unwrap_or(name);
        let _ = write!(
            page,
            "<tr data-report=\"r{rank}\" data-path=\"{path}\"{clean}><td class=\"n\">{}</td>\
             <th scope=\"row\" class=\"name\" data-v=\"{shown}\"><a href=\"#r{rank}\" data-jump=\"r{rank}\" title=\"{path}\">{shown}</a></th>\
             <td class=\"n score\" data-v=\"{score:.3}\">{score:.1}</td>",
            rank + 1,
            path = escape(name),
            shown = escape(shown),
            score = t.scores[r],
            clean = if c.total() == 0 { " data-clean" } else { "" },
        );
        count_cells(page, c);
        top_lints(page, &t.reports[r]);
        bar(page, c, widest);
        page.push_str("</tr>\n");
    }
    let _ = write!(
        page,
        "</tbody>\n<tfoot><tr id=\"total\"><td></td><th scope=\"row\" class=\"name\">{}</th><td></td>",
        escape(&tr!("html.total"))
    );
    count_cells(page, t.total);
    page.push_str("<td></td><td></td></tr></tfoot>\n</table>\n</section>\n");
}

fn count_cells(page: &mut String, c: &Counts) {
    for (k, s) in SEVERITIES.iter().enumerate() {
        let n = c.severity[k];
        let _ = write!(
            page,
            "<td class=\"n c-{}{}\" data-sev=\"{}\" data-v=\"{n}\">{n}</td>",
            s.as_str(),
            if n == 0 { " zero" } else { "" },
            s.as_str()
        );
    }
    for (k, fam) in FAMILIES.iter().enumerate() {
        let n = c.family[k];
        let _ = write!(
            page,
            "<td class=\"n fam{}\" data-family=\"{}\" data-v=\"{n}\">{n}</td>",
            if n == 0 { " zero" } else { "" },
            fam.as_str()
        );
    }
}

/// The three lints with most findings in the report: `RL306 ×5`.
fn top_lints(page: &mut String, input: &Input<'_>) {
    page.push_str("<td class=\"top\">");
    for (k, (code, lint, n)) in triage::top_lints(input.findings, 3).into_iter().enumerate() {
        let _ = write!(
            page,
            "{}<span class=\"tl\" title=\"{code} {lint}\">{code}<small>×{n}</small></span>",
            if k > 0 { " " } else { "" },
            code = escape(code),
            lint = escape(lint),
        );
    }
    page.push_str("</td>");
}

fn bar(page: &mut String, c: &Counts, widest: usize) {
    page.push_str("<td class=\"barcol\"><div class=\"bar\" aria-hidden=\"true\">");
    for (k, s) in SEVERITIES.iter().enumerate() {
        let pct = c.severity[k] as f64 * 100.0 / widest as f64;
        let _ = write!(
            page,
            "<span class=\"b-{}\" style=\"width:{pct:.2}%\"></span>",
            s.as_str()
        );
    }
    page.push_str("</div></td>");
}
