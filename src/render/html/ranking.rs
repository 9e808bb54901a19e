//! The ranking table: one row per report, worst first, with counts per severity
//! and per lint family, a bar, and a total row.

use super::{escape, Counts, Input, FAMILIES, SEVERITIES};
use std::fmt::Write;

/// The ranking: one row per report, counts by severity and family, a bar, a total.
pub(super) fn table(
    page: &mut String,
    reports: &[Input<'_>],
    counts: &[Counts],
    order: &[usize],
    total: &Counts,
) {
    page.push_str(
        "<section id=\"ranking\" aria-labelledby=\"ranking-h\">\n\
         <h2 id=\"ranking-h\">Reports, worst first</h2>\n<table id=\"rank\">\n<thead><tr>\
         <th scope=\"col\">#</th><th scope=\"col\" class=\"name\">report</th>\
         <th scope=\"col\" class=\"c-error\">errors</th><th scope=\"col\" class=\"c-warning\">warnings</th>\
         <th scope=\"col\" class=\"c-info\">infos</th>",
    );
    for fam in FAMILIES {
        let _ = write!(
            page,
            "<th scope=\"col\" class=\"fam\">{}</th>",
            fam.as_str()
        );
    }
    page.push_str("<th scope=\"col\" class=\"barcol\"><span class=\"vh\">findings bar</span></th></tr></thead>\n<tbody>\n");
    let widest = counts.iter().map(Counts::total).max().unwrap_or(0).max(1);
    for (rank, &r) in order.iter().enumerate() {
        let c = &counts[r];
        let _ = write!(
            page,
            "<tr data-report=\"r{rank}\" data-path=\"{path}\"><td class=\"n\">{}</td>\
             <th scope=\"row\" class=\"name\"><a href=\"#r{rank}\" data-jump=\"r{rank}\">{path}</a></th>",
            rank + 1,
            path = escape(reports[r].name),
        );
        count_cells(page, c);
        bar(page, c, widest);
        page.push_str("</tr>\n");
    }
    page.push_str(
        "</tbody>\n<tfoot><tr id=\"total\"><td></td><th scope=\"row\" class=\"name\">total</th>",
    );
    count_cells(page, total);
    page.push_str("<td></td></tr></tfoot>\n</table>\n</section>\n");
}

fn count_cells(page: &mut String, c: &Counts) {
    for (k, s) in SEVERITIES.iter().enumerate() {
        let n = c.severity[k];
        let _ = write!(
            page,
            "<td class=\"n c-{}{}\" data-sev=\"{}\">{n}</td>",
            s.as_str(),
            if n == 0 { " zero" } else { "" },
            s.as_str()
        );
    }
    for (k, fam) in FAMILIES.iter().enumerate() {
        let n = c.family[k];
        let _ = write!(
            page,
            "<td class=\"n fam{}\" data-family=\"{}\">{n}</td>",
            if n == 0 { " zero" } else { "" },
            fam.as_str()
        );
    }
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
