//! `--format html`: one self-contained review page over a pile of reports.
//!
//! The page is rendered here, server-side, with every piece of report text
//! HTML-escaped; the inline script only toggles classes, reads attributes and
//! copies existing nodes, so nothing from a report is ever parsed as markup.
//! Top: the pile ranked by severity and count. Below: every report's full text
//! with each finding highlighted in place, and a side list of its findings.

mod highlight;
mod ranking;
mod segments;
mod sha256;
mod side;

use super::json::Summary;
use super::plural;
use super::{Problem, Reported};
use crate::diagnostic::Severity;
use crate::lints::{self, LintFamily};
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;

const CSS: &str = include_str!("html/page.css");
const JS: &str = include_str!("html/page.js");

const FAMILIES: [LintFamily; 5] = [
    LintFamily::Input,
    LintFamily::Numbering,
    LintFamily::Arithmetic,
    LintFamily::Tables,
    LintFamily::Typo,
];
const SEVERITIES: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

/// One linted report: its name, decoded text and resolved findings.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    pub name: &'a str,
    pub text: &'a str,
    pub findings: &'a [Reported],
}

/// Findings of one report counted by severity and by family.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Counts {
    /// Error, warning, info (the order of [`SEVERITIES`]).
    severity: [usize; 3],
    /// The order of [`FAMILIES`].
    family: [usize; FAMILIES.len()],
}

impl Counts {
    fn of(findings: &[Reported], families: &HashMap<&str, LintFamily>) -> Counts {
        let mut c = Counts::default();
        for f in findings {
            c.severity[severity_index(f.severity)] += 1;
            if let Some(k) = FAMILIES
                .iter()
                .position(|x| Some(x) == families.get(f.code))
            {
                c.family[k] += 1;
            }
        }
        c
    }

    fn total(&self) -> usize {
        self.severity.iter().sum()
    }

    fn add(&mut self, other: &Counts) {
        for (a, b) in self.severity.iter_mut().zip(other.severity) {
            *a += b;
        }
        for (a, b) in self.family.iter_mut().zip(other.family) {
            *a += b;
        }
    }
}

fn severity_index(s: Severity) -> usize {
    match s {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}

/// Worst first: more errors, then more warnings, then more infos; ties by name.
fn ranking(reports: &[Input<'_>], counts: &[Counts]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..reports.len()).collect();
    order.sort_by(|&a, &b| {
        let (ca, cb) = (counts[a].severity, counts[b].severity);
        cb.cmp(&ca)
            .then_with(|| reports[a].name.cmp(reports[b].name))
    });
    order
}

/// Escape text for HTML element content and double- or single-quoted attributes.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Controls other than tab are not allowed in HTML text; show them.
            c if c.is_control() && c != '\t' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Render the page. `reports` in any order; they are ranked here.
pub fn render(reports: &[Input<'_>]) -> String {
    render_with_problems(reports, &[])
}

/// The inputs that were not checked: one row each, above the ranking, so that a
/// reviewer never takes a missing report for a clean one.
fn unchecked(page: &mut String, problems: &[Problem]) {
    if problems.is_empty() {
        return;
    }
    let _ = write!(
        page,
        "<section id=\"unchecked\" role=\"alert\" aria-labelledby=\"unchecked-h\">\n\
         <h2 id=\"unchecked-h\">Not checked: {} {}</h2>\n<table>\n<thead><tr>\
         <th scope=\"col\" class=\"name\">file</th><th scope=\"col\">why</th></tr></thead>\n<tbody>\n",
        problems.len(),
        plural(problems.len(), "input", "inputs")
    );
    for p in problems {
        let _ = writeln!(
            page,
            "<tr class=\"unchecked\" data-path=\"{0}\"><th scope=\"row\" class=\"name\">{0}</th><td>{1}</td></tr>",
            escape(&p.path),
            escape(&p.message)
        );
    }
    page.push_str("</tbody>\n</table>\n</section>\n");
}

/// Render the page, with a row for every input that was not checked.
pub fn render_with_problems(reports: &[Input<'_>], problems: &[Problem]) -> String {
    let families: HashMap<&str, LintFamily> = lints::registry()
        .iter()
        .map(|r| (r.meta.code, r.meta.family))
        .collect();
    let counts: Vec<Counts> = reports
        .iter()
        .map(|r| Counts::of(r.findings, &families))
        .collect();
    let order = ranking(reports, &counts);
    let mut total = Counts::default();
    for c in &counts {
        total.add(c);
    }
    let summary = Summary {
        files: reports.len(),
        errors: total.severity[0],
        warnings: total.severity[1],
        infos: total.severity[2],
        unchecked: problems.len(),
    };

    let mut page =
        String::with_capacity(64 * 1024 + reports.iter().map(|r| r.text.len() * 2).sum::<usize>());
    let title = format!(
        "reportlint review: {} {}, {} {}",
        summary.files,
        plural(summary.files, "report", "reports"),
        total.total(),
        plural(total.total(), "finding", "findings")
    );
    // The script is ours; `</` cannot appear in it (a unit test checks), but make sure.
    let script = format!("\n\"use strict\";\n{}", JS.replace("</", "<\\/"));
    // Only this exact script may run: no network, no other script, no inline handler.
    let script_hash = sha256::base64(&sha256::digest(script.as_bytes()));
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; script-src 'sha256-{script_hash}'; img-src data:; \
         base-uri 'none'; form-action 'none'\">\n\
         <meta name=\"generator\" content=\"reportlint {}\">\n\
         <title>{}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION"),
        escape(&title)
    );
    toolbar(&mut page, reports, &summary, &families);
    page.push_str("<main id=\"main\">\n");
    unchecked(&mut page, problems);
    ranking::table(&mut page, reports, &counts, &order, &total);
    let mut next_id = 0;
    for (rank, &r) in order.iter().enumerate() {
        report(
            &mut page,
            &reports[r],
            rank,
            &counts[r],
            &families,
            &mut next_id,
        );
    }
    page.push_str("</main>\n<div id=\"tip\" role=\"tooltip\" hidden></div>\n<script>");
    page.push_str(&script);
    page.push_str("</script>\n</body>\n</html>\n");
    page
}

/// The sticky header: title, filters by severity, family and lint, search.
fn toolbar(
    page: &mut String,
    reports: &[Input<'_>],
    summary: &Summary,
    families: &HashMap<&str, LintFamily>,
) {
    let mut by_lint: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for f in reports.iter().flat_map(|r| r.findings) {
        *by_lint.entry((f.code, f.lint)).or_default() += 1;
    }
    let _ = write!(
        page,
        "<header id=\"top\">\n<a class=\"skip\" href=\"#main\" data-jump=\"main\">Skip to the reports</a>\n\
         <h1>reportlint review <span class=\"sum\">{} {} · \
         <b class=\"c-error\">{}</b> {} · <b class=\"c-warning\">{}</b> {} · \
         <b class=\"c-info\">{}</b> {}</span></h1>\n\
         <form id=\"filters\" role=\"search\" aria-label=\"Filter findings\">\n\
         <fieldset><legend>Severity</legend>",
        summary.files,
        plural(summary.files, "report", "reports"),
        summary.errors,
        plural(summary.errors, "error", "errors"),
        summary.warnings,
        plural(summary.warnings, "warning", "warnings"),
        summary.infos,
        plural(summary.infos, "info", "infos"),
    );
    for s in SEVERITIES {
        let _ = write!(
            page,
            "<label class=\"chip sev-{0}\"><input type=\"checkbox\" name=\"sev\" value=\"{0}\" checked> {0}</label>",
            s.as_str()
        );
    }
    page.push_str("</fieldset>\n<fieldset><legend>Family</legend>");
    for fam in FAMILIES {
        let n = reports
            .iter()
            .flat_map(|r| r.findings)
            .filter(|f| families.get(f.code) == Some(&fam))
            .count();
        let _ = write!(
            page,
            "<label class=\"chip\"><input type=\"checkbox\" name=\"family\" value=\"{0}\" checked> {0} <small>{1}</small></label>",
            fam.as_str(),
            n
        );
    }
    page.push_str(
        "</fieldset>\n<label class=\"field\">Lint <select name=\"lint\">\
         <option value=\"\">all lints</option>",
    );
    for ((code, name), n) in &by_lint {
        let _ = write!(
            page,
            "<option value=\"{0}\">{0} {1} ({2})</option>",
            escape(code),
            escape(name),
            n
        );
    }
    page.push_str(
        "</select></label>\n<label class=\"field grow\">Search \
         <input type=\"search\" name=\"q\" placeholder=\"message, help, text, file… ( / )\" autocomplete=\"off\"></label>\n\
         <button type=\"reset\" id=\"reset\">Reset</button>\n\
         <output id=\"shown\" aria-live=\"polite\"></output>\n</form>\n</header>\n",
    );
}
/// One report: heading, the full text with highlights, the side list.
fn report(
    page: &mut String,
    input: &Input<'_>,
    rank: usize,
    counts: &Counts,
    families: &HashMap<&str, LintFamily>,
    next_id: &mut usize,
) {
    let first_id = *next_id;
    *next_id += input.findings.len();
    let id = |k: usize| first_id + k;
    let _ = write!(
        page,
        "<section class=\"report\" id=\"r{rank}\" data-report=\"r{rank}\" aria-labelledby=\"r{rank}-h\">\n\
         <h2 id=\"r{rank}-h\">{} <span class=\"counts\">",
        escape(input.name)
    );
    if counts.total() == 0 {
        page.push_str("no findings");
    }
    for (k, s) in SEVERITIES.iter().enumerate() {
        if counts.severity[k] > 0 {
            let _ = write!(
                page,
                "<b class=\"c-{}\">{}</b> {} ",
                s.as_str(),
                counts.severity[k],
                match s {
                    Severity::Error => plural(counts.severity[k], "error", "errors"),
                    Severity::Warning => plural(counts.severity[k], "warning", "warnings"),
                    Severity::Info => plural(counts.severity[k], "info", "infos"),
                }
            );
        }
    }
    page.push_str("</span></h2>\n");
    let _ = write!(
        page,
        "<details{}><summary>Full text</summary>\n<div class=\"cols\">\n<div class=\"text\" lang=\"zh-CN\">\n",
        if counts.total() > 0 { " open" } else { "" }
    );
    highlight::text(page, input, &id);
    page.push_str("</div>\n");
    side::side_list(page, input, families, &id);
    page.push_str("</div>\n</details>\n</section>\n");
}
#[cfg(test)]
mod tests;
