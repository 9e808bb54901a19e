//! `--format html`: one self-contained review page over a pile of reports.
//!
//! The page is rendered here, server-side, with every piece of report text
//! HTML-escaped; the inline script only toggles classes, reads attributes and
//! copies existing nodes, so nothing from a report is ever parsed as markup.
//! Top: the pile ranked by a score that weighs what matters (see `triage`),
//! with a chart of findings per lint. Below: every report's full text with each
//! finding highlighted in place, and a side list of its findings grouped by
//! artefact. Every interface text comes from the catalogue (`i18n`).

mod chart;
mod highlight;
mod ranking;
mod segments;
mod sha256;
mod side;
mod triage;

use super::json::Summary;
use super::{Problem, Reported};
use crate::diagnostic::Severity;
use crate::i18n;
use crate::lints::{self, LintFamily};
use crate::{tr, trn};
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

/// Every lint's family, by code.
fn families() -> HashMap<&'static str, LintFamily> {
    lints::registry()
        .iter()
        .map(|r| (r.meta.code, r.meta.family))
        .collect()
}

/// Each report's counts and score, and the order the page lists them in.
fn rank(
    reports: &[Input<'_>],
    families: &HashMap<&str, LintFamily>,
) -> (Vec<Counts>, Vec<f64>, Vec<usize>) {
    let counts: Vec<Counts> = reports
        .iter()
        .map(|r| Counts::of(r.findings, families))
        .collect();
    let scores: Vec<f64> = reports.iter().map(|r| triage::score(r, families)).collect();
    let order = ranking(reports, &counts, &scores);
    (counts, scores, order)
}

/// Worst first: the highest score (see `triage`), then more errors, warnings
/// and infos; ties by name.
fn ranking(reports: &[Input<'_>], counts: &[Counts], scores: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..reports.len()).collect();
    order.sort_by(|&a, &b| {
        scores[b]
            .total_cmp(&scores[a])
            .then_with(|| counts[b].severity.cmp(&counts[a].severity))
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
fn unchecked(page: &mut String, problems: &[Problem], prefix: &str) {
    if problems.is_empty() {
        return;
    }
    let _ = write!(
        page,
        "<section id=\"unchecked\" role=\"alert\" aria-labelledby=\"unchecked-h\">\n\
         <h2 id=\"unchecked-h\">{}</h2>\n<table>\n<thead><tr>\
         <th scope=\"col\" class=\"name\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
        escape(&trn!("html.unchecked", problems.len())),
        escape(&tr!("html.file")),
        escape(&tr!("html.why")),
    );
    for p in problems {
        let _ = writeln!(
            page,
            "<tr class=\"unchecked\" data-path=\"{}\"><th scope=\"row\" class=\"name\">{}</th><td>{}</td></tr>",
            escape(&p.path),
            escape(p.path.strip_prefix(prefix).unwrap_or(&p.path)),
            escape(&p.message)
        );
    }
    page.push_str("</tbody>\n</table>\n</section>\n");
}

/// Render the page, with a row for every input that was not checked.
pub fn render_with_problems(reports: &[Input<'_>], problems: &[Problem]) -> String {
    let families = families();
    let (counts, scores, order) = rank(reports, &families);
    let prefix = triage::common_prefix(
        reports
            .iter()
            .map(|r| r.name)
            .chain(problems.iter().map(|p| p.path.as_str())),
    );
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
    let title = tr!(
        "html.title",
        reports = trn!("html.reports", summary.files),
        findings = trn!("html.findings", total.total())
    );
    // The script is ours; `</` cannot appear in it (a unit test checks), but make sure.
    let script = format!("\n\"use strict\";\n{}", JS.replace("</", "<\\/"));
    // Only this exact script may run: no network, no other script, no inline handler.
    let script_hash = sha256::base64(&sha256::digest(script.as_bytes()));
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; script-src 'sha256-{script_hash}'; img-src data:; \
         base-uri 'none'; form-action 'none'\">\n\
         <meta name=\"generator\" content=\"reportlint {}\">\n\
         <title>{}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n",
        i18n::current().html(),
        env!("CARGO_PKG_VERSION"),
        escape(&title)
    );
    toolbar(&mut page, reports, &summary, &families);
    page.push_str("<main id=\"main\">\n");
    unchecked(&mut page, problems, &prefix);
    let table = ranking::Table {
        reports,
        counts: &counts,
        scores: &scores,
        order: &order,
        total: &total,
        prefix: &prefix,
    };
    ranking::table(&mut page, &table);
    chart::per_lint(&mut page, reports);
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
        "<header id=\"top\">\n<a class=\"skip\" href=\"#main\" data-jump=\"main\">{}</a>\n\
         <h1>{} <span class=\"sum\">{} · \
         <b class=\"c-error\">{}</b> {} · <b class=\"c-warning\">{}</b> {} · \
         <b class=\"c-info\">{}</b> {}</span></h1>\n\
         <form id=\"filters\" role=\"search\" aria-label=\"{}\">\n\
         <fieldset><legend>{}</legend>",
        escape(&tr!("html.skip")),
        escape(&tr!("html.heading")),
        escape(&trn!("html.reports", summary.files)),
        summary.errors,
        escape(&plural_word("html.errors", summary.errors)),
        summary.warnings,
        escape(&plural_word("html.warnings", summary.warnings)),
        summary.infos,
        escape(&plural_word("html.infos", summary.infos)),
        escape(&tr!("html.filter")),
        escape(&tr!("html.severity")),
    );
    for s in SEVERITIES {
        let _ = write!(
            page,
            "<label class=\"chip sev-{0}\"><input type=\"checkbox\" name=\"sev\" value=\"{0}\" checked> {1}</label>",
            s.as_str(),
            escape(i18n::severity_name(s))
        );
    }
    let _ = write!(
        page,
        "</fieldset>\n<fieldset><legend>{}</legend>",
        escape(&tr!("html.family"))
    );
    for fam in FAMILIES {
        let n = reports
            .iter()
            .flat_map(|r| r.findings)
            .filter(|f| families.get(f.code) == Some(&fam))
            .count();
        let _ = write!(
            page,
            "<label class=\"chip\"><input type=\"checkbox\" name=\"family\" value=\"{0}\" checked> {1} <small>{2}</small></label>",
            fam.as_str(),
            escape(i18n::family_name(fam)),
            n
        );
    }
    let _ = write!(
        page,
        "</fieldset>\n<label class=\"field\">{} <select name=\"lint\">\
         <option value=\"\">{}</option>",
        escape(&tr!("html.lint")),
        escape(&tr!("html.all-lints"))
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
    let clean = reports.iter().filter(|r| r.findings.is_empty()).count();
    let _ = write!(
        page,
        "</select></label>\n<label class=\"field grow\">{} \
         <input type=\"search\" name=\"q\" placeholder=\"{}\" autocomplete=\"off\"></label>\n\
         <label class=\"chip\"><input type=\"checkbox\" name=\"clean\" value=\"hide\" checked> {}</label>\n\
         <button type=\"reset\" id=\"reset\">{}</button>\n\
         <output id=\"shown\" aria-live=\"polite\" data-all=\"{}\" data-some=\"{}\"></output>\n</form>\n</header>\n",
        escape(&tr!("html.search")),
        escape(&tr!("html.search-hint")),
        escape(&trn!("html.hide-clean", clean)),
        escape(&tr!("html.reset")),
        escape(&tr!("html.shown-all")),
        escape(&tr!("html.shown-some")),
    );
}

/// The word after a count in the header (`3 errors` / `3 个错误` without the number).
fn plural_word(key: &'static str, n: usize) -> String {
    i18n::plural(key, n).to_owned()
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
        page.push_str(&escape(&tr!("html.no-findings")));
    }
    for (k, s) in SEVERITIES.iter().enumerate() {
        if counts.severity[k] > 0 {
            let key = match s {
                Severity::Error => "html.errors",
                Severity::Warning => "html.warnings",
                Severity::Info => "html.infos",
            };
            let _ = write!(
                page,
                "<b class=\"c-{}\">{}</b> {} ",
                s.as_str(),
                counts.severity[k],
                escape(&plural_word(key, counts.severity[k]))
            );
        }
    }
    page.push_str("</span></h2>\n");
    let _ = write!(
        page,
        "<details{}><summary>{}</summary>\n<div class=\"cols\">\n<div class=\"text\" lang=\"zh-CN\">\n",
        if counts.total() > 0 { " open" } else { "" },
        escape(&tr!("html.full-text"))
    );
    highlight::text(page, input, &id);
    page.push_str("</div>\n");
    side::side_list(page, input, families, &id);
    page.push_str("</div>\n</details>\n</section>\n");
}
#[cfg(test)]
mod tests;
