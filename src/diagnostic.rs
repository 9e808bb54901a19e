//! Findings: what a lint reports, independent of how it is rendered.

use crate::meta::LintMeta;
use crate::span::Span;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        Some(match s {
            "info" => Severity::Info,
            "warning" | "warn" => Severity::Warning,
            "error" => Severity::Error,
            _ => return None,
        })
    }
}

/// A secondary span with its own message: a number used in a recomputation, the
/// heading a duplicate repeats, the partner of an unbalanced bracket.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

/// A replacement that is certain to be right, applied by `--fix`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub span: Span,
    pub replacement: String,
}

#[derive(Clone, Debug)]
pub struct Finding {
    pub meta: &'static LintMeta,
    pub severity: Severity,
    /// The offending text.
    pub span: Span,
    pub message: String,
    /// The message under the primary span (defaults to the lint name).
    pub primary_label: Option<String>,
    pub labels: Vec<Label>,
    pub help: Option<String>,
    pub fix: Option<Fix>,
}

impl Finding {
    pub fn new(meta: &'static LintMeta, span: Span, message: impl Into<String>) -> Finding {
        budget::spend();
        Finding {
            meta,
            severity: meta.default_severity,
            span,
            message: message.into(),
            primary_label: None,
            labels: Vec::new(),
            help: None,
            fix: None,
        }
    }

    /// Note: the pipeline gives every finding of a lint one severity, the
    /// configured one or else the lint's declared default (what `list`, `init`,
    /// `explain` and the docs show), replacing what is set here.
    pub fn severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    pub fn primary(mut self, label: impl Into<String>) -> Self {
        self.primary_label = Some(label.into());
        self
    }

    pub fn label(mut self, span: Span, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn fix(mut self, span: Span, replacement: impl Into<String>) -> Self {
        self.fix = Some(Fix {
            span,
            replacement: replacement.into(),
        });
        self
    }
}

/// How many findings the lint running on this thread may still make. A lint that
/// makes more (one per mark of a megabyte of brackets) is stopped there, by an
/// unwind that [`budget::run`] catches, so a flood costs a bounded amount of
/// memory whatever the lint: the pipeline keeps what was found and says the
/// rest was not counted.
pub mod budget {
    use std::cell::Cell;
    use std::panic::{catch_unwind, AssertUnwindSafe};

    thread_local! {
        static LEFT: Cell<Option<usize>> = const { Cell::new(None) };
    }

    /// The unwind payload of a lint stopped at its budget.
    pub struct Exhausted;

    /// Count one finding against the running lint's budget, if it has one.
    pub(crate) fn spend() {
        LEFT.with(|left| match left.get() {
            Some(0) => std::panic::panic_any(Exhausted),
            Some(n) => left.set(Some(n - 1)),
            None => {}
        });
    }

    /// Run `f` with a budget of `limit` findings on this thread. `Err` holds the
    /// payload of a panic, [`Exhausted`] when the budget ran out.
    pub fn run<R>(limit: usize, f: impl FnOnce() -> R) -> std::thread::Result<R> {
        silence_exhausted_unwinds();
        let saved = LEFT.with(|l| l.replace(Some(limit)));
        let result = catch_unwind(AssertUnwindSafe(f));
        LEFT.with(|l| l.set(saved));
        result
    }

    /// The panic hook says nothing about a budget running out (it is not a
    /// bug); every other panic is reported as before.
    fn silence_exhausted_unwinds() {
        static HOOK: std::sync::Once = std::sync::Once::new();
        HOOK.call_once(|| {
            let previous = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                if !info.payload().is::<Exhausted>() {
                    previous(info);
                }
            }));
        });
    }
}
