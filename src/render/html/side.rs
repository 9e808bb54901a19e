//! The list beside a report's text: every finding in text order, with its
//! message, help and labels; each jumps to its highlight. Findings from one
//! artefact (the same lint on the same text) stand as one line with a count,
//! the repeats folded under it.

use super::{escape, triage, Input};
use crate::i18n;
use crate::lints::LintFamily;
use crate::{tr, trn};
use std::collections::HashMap;
use std::fmt::Write;

/// The report's findings in text order; each jumps to its highlight.
pub(super) fn side_list(
    page: &mut String,
    input: &Input<'_>,
    families: &HashMap<&str, LintFamily>,
    id: &dyn Fn(usize) -> usize,
) {
    let _ = write!(
        page,
        "<aside class=\"side\" aria-label=\"{}\">\n<ol class=\"findings\">\n",
        escape(&tr!("html.findings-in", file = input.name))
    );
    if input.findings.is_empty() {
        let _ = writeln!(
            page,
            "<li class=\"none\">{}</li>",
            escape(&tr!("html.none"))
        );
    }
    let mut order: Vec<(usize, usize, usize)> = Vec::new();
    for (g, group) in triage::groups(input.findings).iter().enumerate() {
        for (j, &k) in group.members.iter().enumerate() {
            order.push((k, g, if j == 0 { group.members.len() } else { 0 }));
        }
    }
    for (k, group, size) in order {
        let f = &input.findings[k];
        let n = id(k);
        let sev = f.severity.as_str();
        let family = families.get(f.code).map_or("", |x| x.as_str());
        let group_id = format!("{}g{group}", id(0));
        let _ = write!(
            page,
            "<li class=\"fi sev-{sev}{rep}\" data-f=\"{n}\" data-sev=\"{sev}\" data-family=\"{family}\" \
             data-code=\"{code}\" data-lint=\"{lint}\" data-group=\"{group_id}\">\
             <button type=\"button\" class=\"jump\" data-target=\"f{n}\">\
             <span class=\"meta\"><span class=\"badge\">{badge}</span> \
             <span class=\"code\">{code} {lint}</span> <span class=\"at\">{line}:{col}</span>{place}{count}</span> \
             <span class=\"msg\" id=\"m{n}\" lang=\"zh-CN\">{msg}</span></button>",
            rep = if size == 0 { " rep" } else { "" },
            badge = escape(i18n::severity_name(f.severity)),
            count = if size > 1 {
                format!(" <span class=\"cnt\" title=\"{}\">×{size}</span>", escape(&trn!("html.same-artefact", size)))
            } else {
                String::new()
            },
            code = escape(f.code),
            lint = escape(f.lint),
            line = f.at.line,
            col = f.at.column,
            place = place(f.location.as_ref()),
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
                    "<div class=\"help\" id=\"h{n}\" lang=\"zh-CN\"><span class=\"k\">{} </span>{}</div>",
                    escape(&tr!("html.help")),
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
                    "<li><span class=\"at\">{}:{}</span>{} {}</li>",
                    l.at.line,
                    l.at.column,
                    place(l.location.as_ref()),
                    escape(&l.message)
                );
            }
            page.push_str("</ul>");
        }
        if let Some(fix) = &f.fix {
            let text = if fix.replacement.is_empty() {
                let deleted = input
                    .text
                    .get(fix.byte_start..fix.byte_end)
                    .unwrap_or(&f.snippet);
                tr!("html.fix-delete", text = deleted)
            } else {
                tr!("html.fix-replace", text = fix.replacement)
            };
            let _ = write!(
                page,
                "<div class=\"fix\" lang=\"zh-CN\">{}</div>",
                escape(&text)
            );
        }
        if size > 1 {
            let _ = write!(
                page,
                "<button type=\"button\" class=\"more\" data-group=\"{group_id}\" aria-expanded=\"false\">{}</button>",
                escape(&trn!("html.more", size - 1))
            );
        }
        page.push_str("</li>\n");
    }
    page.push_str("</ol>\n</aside>\n");
}

/// Where a finding is in the original PDF or Word file (page and line, section,
/// table cell): the line of the extracted text means nothing to a Word user.
fn place(location: Option<&crate::input::location::Place>) -> String {
    location.map_or_else(String::new, |p| {
        format!(" <span class=\"at place\">{}</span>", escape(&p.text))
    })
}
