//! `--format html`: one self-contained review page over a pile of reports.
//!
//! The page is rendered here, server-side, with every piece of report text
//! HTML-escaped; the inline script only toggles classes, reads attributes and
//! copies existing nodes, so nothing from a report is ever parsed as markup.
//! Top: the pile ranked by severity and count. Below: every report's full text
//! with each finding highlighted in place, and a side list of its findings.

mod segments;
mod sha256;

use super::json::Summary;
use super::Reported;
use crate::diagnostic::Severity;
use crate::lints::{self, LintFamily};
use crate::span::Span;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;

const CSS: &str = include_str!("html/page.css");
const JS: &str = include_str!("html/page.js");

const FAMILIES: [LintFamily; 4] = [
    LintFamily::Input,
    LintFamily::Numbering,
    LintFamily::Arithmetic,
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
    family: [usize; 4],
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
    table(&mut page, reports, &counts, &order, &total);
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

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
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

/// The ranking: one row per report, counts by severity and family, a bar, a total.
fn table(
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

/// What a segment's span is: a finding's own text, or one of its labels.
#[derive(Clone, Copy)]
enum Role {
    Finding(usize),
    Label(usize, usize),
}

fn span_of(at: &super::Position) -> Span {
    Span::new(at.byte_start, at.byte_end)
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
        "<details{}><summary>Text</summary>\n<div class=\"cols\">\n<div class=\"text\" lang=\"zh-CN\">\n",
        if counts.total() > 0 { " open" } else { "" }
    );
    text(page, input, &id);
    page.push_str("</div>\n");
    side_list(page, input, families, &id);
    page.push_str("</div>\n</details>\n</section>\n");
}

/// The full text, line by line, with every finding and label split into segments.
fn text(page: &mut String, input: &Input<'_>, id: &dyn Fn(usize) -> usize) {
    let mut spans = Vec::new();
    let mut roles = Vec::new();
    for (k, f) in input.findings.iter().enumerate() {
        spans.push(span_of(&f.at));
        roles.push(Role::Finding(k));
        for (j, l) in f.labels.iter().enumerate() {
            spans.push(span_of(&l.at));
            roles.push(Role::Label(k, j));
        }
    }
    let lines = segments::split(input.text, &spans);
    // The last segment of every span: where a label's message is shown.
    let mut last = vec![(usize::MAX, usize::MAX); spans.len()];
    let mut head = vec![false; spans.len()];
    for (li, line) in lines.iter().enumerate() {
        for (si, seg) in line.segments.iter().enumerate() {
            for &m in &seg.covering {
                last[m] = (li, si);
            }
        }
    }
    for (li, line) in lines.iter().enumerate() {
        page.push_str("<div class=\"ln\">");
        for (si, seg) in line.segments.iter().enumerate() {
            let mut open = 0;
            let mut label_of = Vec::new();
            for &m in &seg.covering {
                match roles[m] {
                    Role::Finding(k) => {
                        let f = &input.findings[k];
                        let n = id(k);
                        let sev = f.severity.as_str();
                        if head[m] {
                            let _ = write!(page, "<mark class=\"hl sev-{sev}\" data-f=\"{n}\">");
                        } else {
                            head[m] = true;
                            let _ = write!(
                                page,
                                "<mark class=\"hl sev-{sev}\" data-f=\"{n}\" data-head id=\"f{n}\" \
                                 tabindex=\"0\" aria-describedby=\"m{n} h{n}\">"
                            );
                        }
                        open += 1;
                    }
                    Role::Label(k, _) => label_of.push(id(k)),
                }
            }
            let body = escape(input.text.get(seg.start..seg.end).unwrap_or(""));
            if label_of.is_empty() {
                page.push_str(&body);
            } else {
                label_of.dedup();
                let ids: Vec<String> = label_of.iter().map(usize::to_string).collect();
                let _ = write!(
                    page,
                    "<span class=\"lbl\" data-l=\"{}\">{body}</span>",
                    ids.join(" ")
                );
            }
            for _ in 0..open {
                page.push_str("</mark>");
            }
            // A label's message, shown after its text while its finding is active.
            for &m in &seg.covering {
                if let Role::Label(k, j) = roles[m] {
                    if last[m] == (li, si) {
                        let _ = write!(
                            page,
                            "<span class=\"lend\" data-l=\"{}\" data-msg=\"{}\"></span>",
                            id(k),
                            escape(&input.findings[k].labels[j].message)
                        );
                    }
                }
            }
        }
        page.push_str("</div>\n");
    }
}

/// The report's findings in text order; each jumps to its highlight.
fn side_list(
    page: &mut String,
    input: &Input<'_>,
    families: &HashMap<&str, LintFamily>,
    id: &dyn Fn(usize) -> usize,
) {
    let _ = write!(
        page,
        "<aside class=\"side\" aria-label=\"Findings in {}\">\n<ol class=\"findings\">\n",
        escape(input.name)
    );
    if input.findings.is_empty() {
        page.push_str("<li class=\"none\">No findings.</li>\n");
    }
    for (k, f) in input.findings.iter().enumerate() {
        let n = id(k);
        let sev = f.severity.as_str();
        let family = families.get(f.code).map_or("", |x| x.as_str());
        let _ = write!(
            page,
            "<li class=\"fi sev-{sev}\" data-f=\"{n}\" data-sev=\"{sev}\" data-family=\"{family}\" \
             data-code=\"{code}\" data-lint=\"{lint}\">\
             <button type=\"button\" class=\"jump\" data-target=\"f{n}\">\
             <span class=\"meta\"><span class=\"badge\">{sev}</span> \
             <span class=\"code\">{code} {lint}</span> <span class=\"at\">{line}:{col}</span></span> \
             <span class=\"msg\" id=\"m{n}\" lang=\"zh-CN\">{msg}</span></button>",
            code = escape(f.code),
            lint = escape(f.lint),
            line = f.at.line,
            col = f.at.column,
            msg = escape(&f.message),
        );
        let _ = write!(
            page,
            "<div class=\"snip\" lang=\"zh-CN\">「{}」</div>",
            escape(&f.snippet)
        );
        match &f.help {
            Some(h) => {
                let _ = write!(
                    page,
                    "<div class=\"help\" id=\"h{n}\" lang=\"zh-CN\"><span class=\"k\">help </span>{}</div>",
                    escape(h)
                );
            }
            None => {
                let _ = write!(page, "<div class=\"help\" id=\"h{n}\" hidden></div>");
            }
        }
        if !f.labels.is_empty() {
            page.push_str("<ul class=\"labels\" lang=\"zh-CN\">");
            for l in &f.labels {
                let _ = write!(
                    page,
                    "<li><span class=\"at\">{}:{}</span> {}</li>",
                    l.at.line,
                    l.at.column,
                    escape(&l.message)
                );
            }
            page.push_str("</ul>");
        }
        if let Some(fix) = &f.fix {
            let _ = write!(
                page,
                "<div class=\"fix\">fix: 「{}」</div>",
                escape(&fix.replacement)
            );
        }
        page.push_str("</li>\n");
    }
    page.push_str("</ol>\n</aside>\n");
}

#[cfg(test)]
mod tests;
