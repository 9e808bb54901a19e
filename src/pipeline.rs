//! One file in, findings out: decode, parse once, run the enabled lints.

use crate::config::Config;
use crate::diagnostic::Finding;
use crate::document::Document;
use crate::input::Problem;
use crate::lints::input::unused_suppression;
use crate::render::{self, human, Reported};
use crate::suppress;
use std::path::Path;

/// Which lints the command line asked for, on top of the config.
#[derive(Debug, Default, Clone)]
pub struct Selection {
    /// Codes, code prefixes (`RL1`), names or families (`numbering`); empty = all.
    pub select: Vec<String>,
    /// Lints to run in addition to those the config enables (`--extend-select`).
    pub extend_select: Vec<String>,
    pub ignore: Vec<String>,
}

fn matches(sel: &str, meta: &crate::lints::LintMeta) -> bool {
    let sel = sel.trim();
    !sel.is_empty()
        && (meta
            .code
            .to_ascii_lowercase()
            .starts_with(&sel.to_ascii_lowercase())
            || meta.name == sel
            || meta.family.as_str() == sel
            || sel.eq_ignore_ascii_case("all"))
}

/// Why a selector names no lint, with the nearest code, name or family.
pub fn unknown_selector(sel: &str) -> String {
    let registry = crate::lints::registry();
    let mut candidates: Vec<&str> = vec!["all"];
    for r in &registry {
        candidates.extend([r.meta.code, r.meta.name, r.meta.family.as_str()]);
    }
    match crate::config::did_you_mean(sel, candidates) {
        Some(s) => crate::tr!("selection.unknown-near", selector = sel, near = s),
        None => crate::tr!("selection.unknown", selector = sel),
    }
}

impl Selection {
    pub fn wants(&self, meta: &crate::lints::LintMeta) -> Option<bool> {
        if self.ignore.iter().any(|s| matches(s, meta)) {
            return Some(false);
        }
        if self.extend_select.iter().any(|s| matches(s, meta)) {
            return Some(true);
        }
        if self.select.is_empty() {
            None
        } else {
            Some(self.select.iter().any(|s| matches(s, meta)))
        }
    }

    /// Every selector must name at least one lint: a typo would otherwise run
    /// nothing and report "0 errors".
    pub fn validate(&self) -> Result<(), String> {
        let registry = crate::lints::registry();
        let all = self
            .select
            .iter()
            .chain(&self.extend_select)
            .chain(&self.ignore);
        let unknown: Vec<String> = all
            .filter(|s| !registry.iter().any(|r| matches(s, r.meta)))
            .map(|s| unknown_selector(s.trim()))
            .collect();
        if unknown.is_empty() {
            Ok(())
        } else {
            Err(unknown.join("\n"))
        }
    }
}

/// How to lint and report each file.
#[derive(Default, Clone, Copy)]
pub struct RunOptions<'a> {
    pub selection: Option<&'a Selection>,
    /// Pre-render human output in the worker.
    pub human: Option<human::Style>,
    /// Hide the findings recorded here.
    pub baseline: Option<&'a crate::baseline::Baseline>,
    /// Keep the decoded text (the HTML page shows it).
    pub keep_text: bool,
}

/// The result of linting one input.
#[derive(Debug, Default)]
pub struct FileOutcome {
    pub name: String,
    pub reported: Vec<Reported>,
    /// Pre-rendered human output, when asked for.
    pub human: String,
    /// The decoded text, kept only when asked for (the HTML page shows it whole).
    pub text: Option<String>,
    /// A problem that stopped the file from being linted (exit code 2): it is
    /// reported on standard error and in every output format.
    pub error: Option<String>,
    /// Something worth saying that is not a finding.
    pub note: Option<String>,
    /// Findings hidden by the baseline.
    pub baselined: usize,
}

/// Documents at least this large run their lints in parallel.
const PARALLEL_LINTS_FROM: usize = 1 << 20;

/// Run every enabled lint over a parsed document; findings sorted by position.
/// A lint that panics panics here too (tests and fuzzers want to see it); the
/// command line uses [`lint_document_isolated`].
pub fn lint_document(
    doc: &Document,
    path: &Path,
    config: &Config,
    sel: &Selection,
) -> Vec<Finding> {
    lint_document_isolated(doc, path, config, sel).unwrap_or_else(|e| panic!("{e}"))
}

/// A lint's panic (a bug) caught on one document: the document is reported as
/// not checked, and every other file is still linted.
fn lint_failure(meta: &crate::lints::LintMeta, payload: &(dyn std::any::Any + Send)) -> String {
    let why = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    crate::tr!(
        "pipeline.lint-panicked",
        code = meta.code,
        name = meta.name,
        why = crate::render::escape::terminal(&why)
    )
}

/// Findings one lint may make on one document before it is stopped (what is
/// kept is then cut to the configured limits).
fn hard_budget(limits: crate::config::Limits) -> usize {
    limits.findings_per_file.saturating_mul(10).max(10_000)
}

/// [`lint_document`], with a lint's panic returned as the reason the file was
/// not checked.
pub fn lint_document_isolated(
    doc: &Document,
    path: &Path,
    config: &Config,
    sel: &Selection,
) -> Result<Vec<Finding>, String> {
    let mut unused_switch = None;
    let mut enabled = Vec::new();
    for lint in &config.lints {
        let meta = lint.meta();
        let switch = config.switch_for(meta.name, path);
        if !sel.wants(meta).unwrap_or(switch.enabled.unwrap_or(true)) {
            continue;
        }
        if std::ptr::eq(meta, &unused_suppression::META) {
            unused_switch = Some(switch.severity);
        }
        enabled.push((lint.as_ref(), switch.severity));
    }
    // One severity per lint: the configured one, else the lint's declared
    // default, which is what `list`, `init`, `explain` and the docs show.
    let limits = config.limits;
    let run = |&(lint, severity): &(
        &dyn crate::lints::Lint,
        Option<crate::diagnostic::Severity>,
    )|
     -> Result<Vec<Finding>, String> {
        let mut found = Vec::new();
        let budget = hard_budget(limits);
        let stopped = match crate::diagnostic::budget::run(budget, || lint.check(doc, &mut found)) {
            Ok(()) => false,
            Err(p) if p.is::<crate::diagnostic::budget::Exhausted>() => true,
            Err(p) => return Err(lint_failure(lint.meta(), p.as_ref())),
        };
        crate::limits::cap(doc, &mut found, limits, stopped.then_some(budget));
        let sev = severity.unwrap_or(lint.meta().default_severity);
        for f in &mut found {
            f.severity = sev;
        }
        Ok(found)
    };
    // A large document runs its lints side by side (files are already linted in
    // parallel, so this matters for one big file); findings keep registry order.
    let per_lint: Vec<Vec<Finding>> = if doc.text.len() >= PARALLEL_LINTS_FROM {
        use rayon::prelude::*;
        enabled.par_iter().map(run).collect::<Result<_, _>>()?
    } else {
        enabled.iter().map(run).collect::<Result<_, _>>()?
    };
    let mut out: Vec<Finding> = per_lint.into_iter().flatten().collect();
    config.drop_ignored(path, doc, &mut out);
    let unused = suppress::apply(doc, &doc.directives, &mut out);
    if let Some(severity) = unused_switch {
        for i in unused {
            let f = unused_suppression::unused(&doc.directives[i], doc);
            out.push(match severity {
                Some(s) => f.severity(s),
                None => f,
            });
        }
    }
    out.sort_by(|a, b| {
        (a.span.start, a.meta.code, a.span.end).cmp(&(b.span.start, b.meta.code, b.span.end))
    });
    Ok(out)
}

/// Decode, parse and lint one file's bytes.
pub fn check_bytes(
    name: &str,
    path: &Path,
    bytes: &[u8],
    config: &Config,
    opts: &RunOptions,
) -> FileOutcome {
    match prepare(name, path, bytes, config) {
        Ok(prepared) => lint_prepared(name, path, prepared, config, opts),
        Err(outcome) => *outcome,
    }
}

/// Decode a file's bytes, or say why it cannot be linted.
fn prepare(
    name: &str,
    path: &Path,
    bytes: &[u8],
    config: &Config,
) -> Result<crate::input::Prepared, Box<FileOutcome>> {
    crate::input::prepare(path, bytes, config.encoding.as_deref()).map_err(|p: Problem| {
        Box::new(FileOutcome {
            name: name.to_owned(),
            error: Some(format!("{name}: {}", p.message())),
            ..FileOutcome::default()
        })
    })
}

fn lint_prepared(
    name: &str,
    path: &Path,
    prepared: crate::input::Prepared,
    config: &Config,
    opts: &RunOptions,
) -> FileOutcome {
    let delimited = prepared.format.delimited();
    let doc = Document::build(name, prepared.decoded, prepared.original, delimited);
    report(&doc, path, config, opts)
}

/// Lint a parsed document and resolve its findings for output.
pub fn report(doc: &Document, path: &Path, config: &Config, opts: &RunOptions) -> FileOutcome {
    let mut outcome = FileOutcome {
        name: doc.name.clone(),
        ..FileOutcome::default()
    };
    let name = doc.name.as_str();
    let default = Selection::default();
    let mut findings =
        match lint_document_isolated(doc, path, config, opts.selection.unwrap_or(&default)) {
            Ok(f) => f,
            Err(why) => {
                outcome.error = Some(format!("{name}: {why}"));
                return outcome;
            }
        };
    let mut reported: Vec<Reported> = findings.iter().map(|f| render::resolve(doc, f)).collect();
    if let Some(b) = opts.baseline {
        let known = b.known(name, &reported);
        outcome.baselined = known.iter().filter(|&&k| k).count();
        let mut flags = known.iter();
        findings.retain(|_| !flags.next().copied().unwrap_or(false));
        let mut flags = known.iter();
        reported.retain(|_| !flags.next().copied().unwrap_or(false));
    }
    if let Some(style) = opts.human {
        for f in &findings {
            outcome
                .human
                .push_str(&human::render_finding(doc, f, style));
        }
    }
    outcome.reported = reported;
    if opts.keep_text {
        outcome.text = Some(doc.display_text().to_owned());
    }
    outcome
}

/// Read and lint a file from disk, named by its path as given.
pub fn check_file(path: &Path, config: &Config, opts: &RunOptions) -> FileOutcome {
    check_named(path, &path.display().to_string(), config, opts)
}

/// Lint a discovered file under its canonical name. Whatever goes wrong inside
/// (a bug that panics) is this file's problem, reported with exit code 2; the
/// other files are still linted.
pub fn check_target(t: &crate::discover::Target, opts: &RunOptions) -> FileOutcome {
    match &t.unsupported {
        Some(why) => FileOutcome {
            name: t.name.clone(),
            error: Some(format!("{}: {why}", t.name)),
            ..FileOutcome::default()
        },
        None => isolated(&t.name, || check_named(&t.path, &t.name, &t.config, opts)),
    }
}

/// Run `f` for the file `name`; a panic becomes the file's error.
pub fn isolated<T: WithError>(name: &str, f: impl FnOnce() -> T) -> T {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|p| {
        let why = p
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        T::with_error(
            name,
            format!(
                "{name}: {}",
                crate::tr!(
                    "pipeline.panicked",
                    why = crate::render::escape::terminal(&why)
                )
            ),
        )
    })
}

/// An outcome that can say a file failed.
pub trait WithError {
    fn with_error(name: &str, error: String) -> Self;
}

impl WithError for FileOutcome {
    fn with_error(name: &str, error: String) -> Self {
        FileOutcome {
            name: name.to_owned(),
            error: Some(error),
            ..FileOutcome::default()
        }
    }
}

/// Read the file at `path` and lint it as `name`: the name is also the path the
/// config's overrides and `[[ignore]]` entries match.
pub fn check_named(path: &Path, name: &str, config: &Config, opts: &RunOptions) -> FileOutcome {
    let name = name.to_owned();
    let rel = Path::new(&name);
    match crate::limits::read_input(path, config.limits.file_bytes) {
        Ok(bytes) => {
            let prepared = prepare(&name, rel, &bytes, config);
            // The decoded text is a copy: free the raw bytes before the model is built.
            drop(bytes);
            match prepared {
                Ok(prepared) => lint_prepared(&name, rel, prepared, config, opts),
                Err(outcome) => *outcome,
            }
        }
        Err(why) => FileOutcome {
            name: name.clone(),
            error: Some(format!("{name}: {why}")),
            ..FileOutcome::default()
        },
    }
}
