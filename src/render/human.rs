//! Human output: one miette graphical report per finding. miette is used here
//! and for config errors only.

use super::escape;
use super::excerpt::Excerpt;
use crate::config::ConfigError;
use crate::diagnostic::{Finding, Severity};
use crate::document::Document;
use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource};
use std::fmt;

/// How to draw reports.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    pub color: bool,
    pub width: usize,
}

impl Style {
    pub fn plain(width: usize) -> Style {
        Style {
            color: false,
            width,
        }
    }

    fn handler(self) -> GraphicalReportHandler {
        let theme = if self.color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        GraphicalReportHandler::new_themed(theme)
            .with_width(self.width)
            .with_context_lines(0)
            .with_links(false)
    }
}

struct Report<'a> {
    finding: &'a Finding,
    excerpt: Excerpt<'a>,
    code: String,
    /// Terminal columns: label texts are wrapped to fit.
    width: usize,
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&escape::terminal(&self.finding.message))
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&escape::terminal(&self.finding.message))
    }
}

impl std::error::Error for Report<'_> {}

impl Diagnostic for Report<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(&self.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.finding
            .help
            .as_ref()
            .map(|h| Box::new(escape::terminal(h).into_owned()) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.excerpt)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let f = self.finding;
        let spans: Vec<miette::SourceSpan> = std::iter::once(f.span)
            .chain(f.labels.iter().map(|l| l.span))
            .map(|s| self.excerpt.map(s))
            .collect();
        // A label line never runs past the terminal's edge: wrap it into the room left.
        // Report text is shown with its control and bidi characters escaped.
        let fit = |text: &str, span: miette::SourceSpan| {
            super::excerpt::wrap_label(
                &escape::terminal(text),
                self.excerpt.label_room(span, &spans, self.width),
            )
        };
        let primary_text = f
            .primary_label
            .clone()
            .unwrap_or_else(|| f.meta.name.to_owned());
        let mut all = vec![LabeledSpan::new_primary_with_span(
            Some(fit(&primary_text, spans[0])),
            spans[0],
        )];
        for (l, &span) in f.labels.iter().zip(&spans[1..]) {
            all.push(LabeledSpan::new_with_span(
                Some(fit(&l.message, span)),
                span,
            ));
        }
        Some(Box::new(all.into_iter()))
    }
}

/// Render one finding as a miette report.
pub fn render_finding(doc: &Document, finding: &Finding, style: Style) -> String {
    let mut spans = vec![finding.span];
    spans.extend(finding.labels.iter().map(|l| l.span));
    let report = Report {
        finding,
        excerpt: Excerpt::for_width(doc, &spans, style.width),
        code: format!("{} {}", finding.meta.code, finding.meta.name),
        width: style.width,
    };
    let mut out = String::new();
    if style.handler().render_report(&mut out, &report).is_err() {
        out = format!(
            "{}: {} {}\n",
            escape::name(&doc.name),
            report.code,
            escape::terminal(&finding.message)
        );
    }
    out.push_str(&place_line(doc, finding, style.width));
    out
}

/// "  原文位置：第3页第12行；上一项：第2页第5行" for inputs whose extracted lines
/// are not the file's own (PDF, Word); empty otherwise. Never wider than the
/// terminal: each label's place goes on a line of its own when the line would
/// run past `width`, and a place too long for any line is wrapped.
fn place_line(doc: &Document, finding: &Finding, width: usize) -> String {
    let Some(main) = super::place(doc, finding.span) else {
        return String::new();
    };
    let mut parts = vec![crate::tr!(
        "location.line",
        place = escape::terminal(&main.text)
    )];
    for l in &finding.labels {
        if let Some(p) = super::place(doc, l.span).filter(|p| p.text != main.text) {
            parts.push(crate::tr!(
                "location.label",
                label = escape::terminal(&l.message),
                place = escape::terminal(&p.text)
            ));
        }
    }
    const INDENT: &str = "    ";
    let cols = |s: &str| unicode_width::UnicodeWidthStr::width_cjk(s);
    let mut lines: Vec<String> = Vec::new();
    for part in parts {
        match lines.last_mut() {
            Some(line) if cols(line) + cols(&part) <= width => line.push_str(&part),
            Some(_) => {
                let rest = part.trim_start_matches([';', '；', ' ']);
                lines.push(format!("{INDENT}{rest}"));
            }
            None => lines.push(part),
        }
    }
    let mut out = String::new();
    for line in lines {
        if cols(&line) <= width {
            out.push_str(&line);
        } else {
            let (indent, text) = line.split_at(line.len() - line.trim_start().len());
            let room = width.saturating_sub(INDENT.len());
            let wrapped = super::excerpt::wrap_label(text, room);
            for (k, piece) in wrapped.lines().enumerate() {
                if k > 0 {
                    out.push('\n');
                }
                out.push_str(if k == 0 { indent } else { INDENT });
                out.push_str(piece);
            }
        }
        out.push('\n');
    }
    out
}

#[derive(Debug)]
struct ConfigReport<'a> {
    error: &'a ConfigError,
    source: NamedSource<String>,
    /// The span, when the lines it touches are short enough to quote.
    quoted: Option<std::ops::Range<usize>>,
    /// `:line:column` of the span when it is not quoted.
    position: String,
}

/// Longest stretch of configuration lines quoted under an error, in bytes: a
/// line of a megabyte (a generated glob) is pointed at, not printed.
const MAX_QUOTED_BYTES: usize = 2000;

impl<'a> ConfigReport<'a> {
    fn new(error: &'a ConfigError) -> Self {
        let text = &error.source_text;
        let mut quoted = None;
        let mut position = String::new();
        if let Some(span) = error.span.clone() {
            let start = span.start.min(text.len());
            let from = text
                .get(..start)
                .and_then(|t| t.rfind('\n'))
                .map_or(0, |i| i + 1);
            let to = text
                .get(span.end.min(text.len())..)
                .and_then(|t| t.find('\n'))
                .map_or(text.len(), |i| span.end + i);
            if to.saturating_sub(from) <= MAX_QUOTED_BYTES {
                quoted = Some(span);
            } else {
                let line = text.get(..start).map_or(0, |t| t.matches('\n').count()) + 1;
                let column = text.get(from..start).map_or(0, |t| t.chars().count()) + 1;
                position = format!(":{line}:{column}");
            }
        }
        ConfigReport {
            error,
            source: NamedSource::new(error.path.display().to_string(), text.clone()),
            quoted,
            position,
        }
    }
}

impl fmt::Display for ConfigReport<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let place = format!(
            "{}{}",
            escape::name(&self.error.path.display().to_string()),
            self.position
        );
        f.write_str(&crate::tr!(
            "config.invalid",
            place = place,
            message = escape::terminal(&self.error.message)
        ))
    }
}

impl std::error::Error for ConfigReport<'_> {}

impl Diagnostic for ConfigReport<'_> {
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.quoted
            .as_ref()
            .map(|_| &self.source as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = self.quoted.clone()?;
        Some(Box::new(std::iter::once(
            LabeledSpan::new_primary_with_span(Some(crate::tr!("config.here")), span),
        )))
    }
}

/// Render a configuration error, pointing at the offending TOML line.
pub fn render_config_error(error: &ConfigError, style: Style) -> String {
    let report = ConfigReport::new(error);
    let mut out = String::new();
    if style.handler().render_report(&mut out, &report).is_err() {
        out = format!("{report}\n");
    }
    out
}
