//! The list beside a report's text: every finding in text order, with its
//! message, help and labels; each jumps to its highlight.

use super::{escape, Input};
use crate::lints::LintFamily;
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
