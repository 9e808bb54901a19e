//! Human output: one miette graphical report per finding. miette is used here
//! and for config errors only.

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
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
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
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.excerpt)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let f = self.finding;
        let primary = LabeledSpan::new_primary_with_span(
            Some(
                f.primary_label
                    .clone()
                    .unwrap_or_else(|| f.meta.name.to_owned()),
            ),
            self.excerpt.map(f.span),
        );
        let rest = f
            .labels
            .iter()
            .map(|l| LabeledSpan::new_with_span(Some(l.message.clone()), self.excerpt.map(l.span)));
        Some(Box::new(std::iter::once(primary).chain(rest)))
    }
}

/// Render one finding as a miette report.
pub fn render_finding(doc: &Document, finding: &Finding, style: Style) -> String {
    let mut spans = vec![finding.span];
    spans.extend(finding.labels.iter().map(|l| l.span));
    let report = Report {
        finding,
        excerpt: Excerpt::new(doc, &spans),
        code: format!("{} {}", finding.meta.code, finding.meta.name),
    };
    let mut out = String::new();
    if style.handler().render_report(&mut out, &report).is_err() {
        out = format!("{}: {} {}\n", doc.name, report.code, finding.message);
    }
    out
}

#[derive(Debug)]
struct ConfigReport<'a> {
    error: &'a ConfigError,
    source: NamedSource<String>,
}

impl fmt::Display for ConfigReport<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid configuration in {}: {}",
            self.error.path.display(),
            self.error.message
        )
    }
}

impl std::error::Error for ConfigReport<'_> {}

impl Diagnostic for ConfigReport<'_> {
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.error
            .span
            .as_ref()
            .map(|_| &self.source as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = self.error.span.clone()?;
        Some(Box::new(std::iter::once(
            LabeledSpan::new_primary_with_span(Some("here".into()), span),
        )))
    }
}

/// Render a configuration error, pointing at the offending TOML line.
pub fn render_config_error(error: &ConfigError, style: Style) -> String {
    let report = ConfigReport {
        error,
        source: NamedSource::new(error.path.display().to_string(), error.source_text.clone()),
    };
    let mut out = String::new();
    if style.handler().render_report(&mut out, &report).is_err() {
        out = format!("{report}\n");
    }
    out
}
