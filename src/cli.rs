//! Command line: `reportlint [check] PATHS`, `list`, `explain`, `init`.

use crate::config;
use crate::diagnostic::Severity;
use crate::discover::{self, Target};
use crate::i18n;
use crate::lints;
use crate::paths;
use crate::pipeline::{self, FileOutcome, Selection};
use crate::render::{escape, html, human, json, Problem};
use crate::settings::{Resolver, Source};
use clap::{Args, Parser, Subcommand, ValueEnum};
use rayon::prelude::*;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

#[derive(Parser, Debug)]
#[command(
    name = "reportlint",
    version,
    about = "Lint work reports: arithmetic, section numbering and typos."
)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    check: CheckArgs,
    /// Interface language (default: from LC_ALL, LC_MESSAGES or LANG).
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    lang: Option<LangArg>,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum LangArg {
    En,
    Zh,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Lint files, directories or globs (the default command).
    Check(CheckArgs),
    /// Record the current findings in .reportlint-baseline.json (or --output), so
    /// that `--baseline FILE` later shows only new ones.
    Baseline(CheckArgs),
    /// List every lint: code, name, default severity, summary.
    List {
        /// `human` (a table) or `json` (for tools).
        #[arg(long, value_enum, default_value = "human")]
        format: ListFormat,
    },
    /// Print a lint's documentation, with a bad and a good example.
    Explain {
        /// A lint code (RL101) or name (numbering-duplicate).
        lint: String,
    },
    /// Print the numbering outline reportlint sees in a file, one marker a line.
    Outline {
        /// The file to read.
        file: PathBuf,
    },
    /// Print the numbers with units reportlint reads in a file, one a line.
    Numbers {
        /// The file to read.
        file: PathBuf,
    },
    /// Print the tables reportlint reads in a file: columns, their kinds, row roles.
    Tables {
        /// The file to read.
        file: PathBuf,
    },
    /// Print the claims reportlint checks in a file: each stated figure with the
    /// reading of its operands, their intervals and the verdict.
    Claims {
        /// The file to read.
        file: PathBuf,
    },
    /// Write a commented default reportlint.toml in the current directory.
    Init {
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum Format {
    Human,
    Json,
    Sarif,
    Github,
    Rdjson,
    Gitlab,
    /// One self-contained review page: ranking, full texts with highlights, filters.
    Html,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum ListFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
}

#[derive(Args, Debug, Default)]
struct CheckArgs {
    /// Files, directories or glob patterns; `-` reads standard input.
    paths: Vec<String>,
    /// Output format.
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Use this config file instead of looking for reportlint.toml.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Ignore every reportlint.toml; use the built-in defaults.
    #[arg(long, conflicts_with = "config")]
    isolated: bool,
    /// Only these lints: codes, code prefixes (RL1), names or families, comma-separated.
    #[arg(long, value_delimiter = ',')]
    select: Vec<String>,
    /// Run these lints too, on top of those the config enables (same forms as --select).
    #[arg(long, value_delimiter = ',')]
    extend_select: Vec<String>,
    /// Skip these lints (same forms as --select).
    #[arg(long, value_delimiter = ',')]
    ignore: Vec<String>,
    /// Exit with 0 even when there are findings (2 still means a file was not checked).
    #[arg(long)]
    exit_zero: bool,
    /// Read no .gitignore or other ignore file while walking folders.
    #[arg(long)]
    no_ignore: bool,
    /// Apply the config's `exclude` to files named on the command line too (for pre-commit).
    #[arg(long)]
    force_exclude: bool,
    /// Print the files that would be linted, one a line, and exit.
    #[arg(long)]
    show_files: bool,
    /// Print the settings that apply to FILE and where they come from, and exit.
    #[arg(long, value_name = "FILE")]
    show_settings: Option<PathBuf>,
    /// Exit with 1 when a finding at or above this severity is found [default: error].
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// Print only the findings: no summary, no notes.
    #[arg(long, short)]
    quiet: bool,
    /// No colours in human output.
    #[arg(long)]
    no_color: bool,
    /// The name to report standard input under.
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<String>,
    /// Decode input with this encoding (gbk, gb18030, utf-16le, …) instead of detecting it.
    #[arg(long, value_name = "NAME")]
    encoding: Option<String>,
    /// Hide the findings recorded in this baseline file (see `reportlint baseline`).
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Print how many findings each lint made instead of the findings.
    #[arg(long)]
    statistics: bool,
    /// Write the report to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Apply the certain fixes findings carry and write the files back.
    #[arg(long)]
    fix: bool,
    /// Print the fixes as a unified diff instead of writing (exit 1 when there are any).
    #[arg(long, conflicts_with = "fix")]
    diff: bool,
}

/// Exit codes.
pub const OK: i32 = 0;
pub const FINDINGS: i32 = 1;
pub const TROUBLE: i32 = 2;

/// The subcommands, for the did-you-mean of a misspelled one.
const SUBCOMMANDS: &[&str] = &[
    "check", "baseline", "list", "explain", "outline", "numbers", "tables", "init",
];

/// Options of `check` that take a value as the next argument.
const VALUE_OPTIONS: &[&str] = &[
    "--format",
    "--config",
    "--select",
    "--extend-select",
    "--ignore",
    "--fail-on",
    "--stdin-filename",
    "--encoding",
    "--baseline",
    "--output",
    "-o",
    "--show-settings",
    "--lang",
];

/// A first word that is neither a file nor a command but is near a command
/// (`reportlint lsit`) is a misspelled command, not a path.
fn misspelled_command(args: &[std::ffi::OsString]) -> Option<String> {
    let mut rest = args.iter().skip(1);
    let word = loop {
        let a = rest.next()?.to_str()?;
        if a == "--" {
            return None;
        }
        if !a.starts_with('-') || a == "-" {
            break a;
        }
        if VALUE_OPTIONS.contains(&a) {
            rest.next();
        }
    };
    if SUBCOMMANDS.contains(&word)
        || word == "-"
        || word.contains(['*', '?', '[', '{', '/', '\\', '.'])
        || Path::new(word).exists()
    {
        return None;
    }
    let near = config::did_you_mean(word, SUBCOMMANDS.iter().copied())?;
    Some(crate::tr!(
        "cli.misspelled-command",
        word = word,
        near = near
    ))
}

/// The language `--lang` asks for, read before clap parses (help is rendered in
/// it) and taken out of the arguments, so that it may stand anywhere, before a
/// subcommand too. An invalid value is left for clap to report.
fn take_lang_argument(args: &mut Vec<std::ffi::OsString>) -> Option<i18n::Lang> {
    let mut k = 1;
    while k < args.len() {
        let a = args[k].to_str().unwrap_or("");
        if a == "--" {
            return None;
        }
        let (lang, width) = if a == "--lang" {
            (
                args.get(k + 1)
                    .and_then(|v| v.to_str())
                    .and_then(exact_lang),
                2,
            )
        } else if let Some(v) = a.strip_prefix("--lang=") {
            (exact_lang(v), 1)
        } else {
            (None, 0)
        };
        if let Some(lang) = lang {
            args.drain(k..k + width);
            return Some(lang);
        }
        k += 1;
    }
    None
}

fn exact_lang(v: &str) -> Option<i18n::Lang> {
    match v {
        "en" => Some(i18n::Lang::En),
        "zh" => Some(i18n::Lang::Zh),
        _ => None,
    }
}

/// The command line's clap command, its help in the current language.
pub fn command() -> clap::Command {
    i18n::help::localize(<Cli as clap::CommandFactory>::command())
}

pub fn run(args: impl IntoIterator<Item = std::ffi::OsString>) -> i32 {
    let mut args: Vec<std::ffi::OsString> = args.into_iter().collect();
    i18n::set(take_lang_argument(&mut args).unwrap_or_else(i18n::from_environment));
    // `reportlint help [COMMAND]` is `reportlint [COMMAND] --help`.
    if args.get(1).is_some_and(|a| a == "help") {
        args.remove(1);
        args.push("--help".into());
    }
    if let Some(msg) = misspelled_command(&args) {
        eprintln!("reportlint: {msg}");
        return TROUBLE;
    }
    let parsed = command()
        .try_get_matches_from(args)
        .and_then(|m| <Cli as clap::FromArgMatches>::from_arg_matches(&m));
    let cli = match parsed {
        Ok(c) => c,
        Err(e) => {
            if !e.use_stderr() {
                // Help and version: clap may end a wrapped last line without its newline.
                let mut text = if std::io::stdout().is_terminal() {
                    e.render().ansi().to_string()
                } else {
                    e.render().to_string()
                };
                if !text.ends_with('\n') {
                    text.push('\n');
                }
                return out(&i18n::help::punctuate(text));
            }
            match i18n::help::error_text(&e) {
                Some(text) => eprintln!("{text}"),
                None => {
                    let _ = e.print();
                }
            }
            return TROUBLE;
        }
    };
    match cli.command {
        Some(Command::List { format }) => list(format),
        Some(Command::Explain { lint }) => explain(&lint),
        Some(Command::Init { force }) => init(force),
        Some(Command::Outline { file }) => outline(&file),
        Some(Command::Numbers { file }) => numbers(&file),
        Some(Command::Tables { file }) => match read_document(&file) {
            Ok(doc) => out(&escape::terminal(&crate::inspect::tables(&doc))),
            Err(code) => code,
        },
        Some(Command::Claims { file }) => match read_document(&file) {
            Ok(doc) => out(&escape::terminal(&crate::inspect::claims(&doc))),
            Err(code) => code,
        },
        Some(Command::Check(args)) => check(args, false),
        Some(Command::Baseline(args)) => check(args, true),
        None => check(cli.check, false),
    }
}

fn out(text: &str) -> i32 {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|_| stdout.flush())
    {
        Ok(()) => OK,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => OK,
        Err(e) => {
            eprintln!(
                "reportlint: {}",
                crate::tr!("cli.cannot-write-output", error = e)
            );
            TROUBLE
        }
    }
}

fn list(format: ListFormat) -> i32 {
    if format == ListFormat::Json {
        let all: Vec<serde_json::Value> = lints::registry()
            .iter()
            .map(|r| {
                serde_json::json!({
                    "code": r.meta.code,
                    "name": r.meta.name,
                    "family": r.meta.family.as_str(),
                    "severity": r.meta.default_severity.as_str(),
                    "summary": r.meta.summary,
                })
            })
            .collect();
        let mut s = serde_json::to_string_pretty(&all).unwrap_or_default();
        s.push('\n');
        return out(&s);
    }
    let rows: Vec<[String; 5]> = lints::registry()
        .iter()
        .map(|r| {
            let m = r.meta;
            [
                m.code.to_owned(),
                m.name.to_owned(),
                i18n::family_name(m.family).to_owned(),
                i18n::severity_name(m.default_severity).to_owned(),
                m.localized_summary().to_owned(),
            ]
        })
        .collect();
    let header = [
        crate::tr!("list.code"),
        crate::tr!("list.name"),
        crate::tr!("list.family"),
        crate::tr!("list.severity"),
        crate::tr!("list.summary"),
    ];
    out(&i18n::columns(&header, &rows))
}

fn explain(key: &str) -> i32 {
    match lints::lookup(key) {
        Some(m) => out(&lints::explain(m)),
        None => {
            eprintln!("reportlint: {}", crate::tr!("cli.unknown-lint", lint = key));
            TROUBLE
        }
    }
}

/// Read and parse one file for the inspection commands.
fn read_document(path: &Path) -> Result<crate::document::Document, i32> {
    let bytes = std::fs::read(path).map_err(|e| {
        eprintln!(
            "reportlint: {}: {}",
            escape::name(&path.display().to_string()),
            crate::tr!("problem.cannot-read", error = e)
        );
        TROUBLE
    })?;
    match crate::input::prepare(path, &bytes, None) {
        Ok(p) => Ok(crate::document::Document::build(
            path.display().to_string(),
            p.decoded,
            p.original,
            p.format.delimited(),
        )),
        Err(crate::input::Problem::Skipped(why) | crate::input::Problem::Unreadable(why)) => {
            eprintln!(
                "reportlint: {}: {why}",
                escape::name(&path.display().to_string())
            );
            Err(TROUBLE)
        }
    }
}

fn numbers(path: &Path) -> i32 {
    let doc = match read_document(path) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let mut s = String::new();
    for q in &doc.quantities {
        let lc = doc.line_col(q.span.start);
        s.push_str(&format!(
            "{:>5}:{:<4} {:<14} {:>16} {:<6} {:?} {:?} label={}\n",
            lc.line,
            lc.column,
            doc.slice(q.span),
            q.value,
            q.unit,
            q.kind,
            q.approx,
            q.label
        ));
    }
    out(&escape::terminal(&s))
}

fn outline(path: &Path) -> i32 {
    let doc = match read_document(path) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let mut s = String::new();
    for (k, m) in doc.markers.iter().enumerate() {
        let lc = doc.line_col(m.span.start);
        s.push_str(&format!(
            "{:>5}:{:<3} {}{}{} {}\n",
            lc.line,
            lc.column,
            "  ".repeat(doc.outline.depth[k]),
            doc.slice(m.span),
            if m.block { "" } else { " (inline)" },
            m.title.chars().take(30).collect::<String>()
        ));
    }
    if let Some(toc) = &doc.outline.toc {
        s.push_str(&crate::tr!(
            "outline.toc",
            markers = format!("{:?}", toc.entries),
            body = toc.body_start
        ));
        s.push('\n');
    }
    out(&escape::terminal(&s))
}

fn init(force: bool) -> i32 {
    let path = Path::new(config::FILE_NAME);
    if path.exists() && !force {
        eprintln!(
            "reportlint: {}",
            crate::tr!("cli.init-exists", path = path.display())
        );
        return TROUBLE;
    }
    match std::fs::write(path, config::init_template()) {
        Ok(()) => {
            eprintln!(
                "reportlint: {}",
                crate::tr!("cli.init-wrote", path = path.display())
            );
            OK
        }
        Err(e) => {
            eprintln!("reportlint: {}", cannot_write(path, &e));
            TROUBLE
        }
    }
}

/// Print a configuration error (pointing at the TOML key) on standard error.
fn print_config_error(e: &config::ConfigError) {
    let style = human::Style {
        color: std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
        width: terminal_width(),
    };
    eprint!("{}", human::render_config_error(e, style));
}

/// `--show-settings FILE`: the config file, root and canonical name that apply
/// to FILE, and which lints run on it at which severity.
fn show_settings(file: &Path, resolver: &Resolver, sel: &Selection) -> i32 {
    let abs = paths::absolute(file, resolver.cwd());
    let config = match resolver.for_path(&abs, abs.is_dir()) {
        Ok(c) => c,
        Err(e) => {
            print_config_error(&e);
            return TROUBLE;
        }
    };
    let name = paths::canonical_name(&abs, &config.root);
    let rel = Path::new(&name);
    let mut s = crate::tr!("settings.file", file = escape::name(&name));
    s.push('\n');
    s.push_str(&config.describe());
    s.push_str(&crate::tr!(
        "settings.excluded",
        excluded = if config.excludes(rel) {
            crate::tr!("settings.yes")
        } else {
            crate::tr!("settings.no")
        }
    ));
    s.push('\n');
    s.push_str(&crate::tr!("settings.lints"));
    s.push('\n');
    for lint in &config.lints {
        let m = lint.meta();
        let switch = config.switch_for(m.name, rel);
        let on = sel.wants(m).unwrap_or(switch.enabled.unwrap_or(true));
        let sev = switch.severity.unwrap_or(m.default_severity);
        s.push_str(&format!(
            "  {:<6} {:<26} {}\n",
            m.code,
            m.name,
            if on {
                i18n::severity_name(sev)
            } else {
                i18n::text("settings.off")
            }
        ));
    }
    out(&s)
}

fn check(args: CheckArgs, write_baseline: bool) -> i32 {
    if write_baseline && (args.fix || args.diff) {
        eprintln!("reportlint: {}", crate::tr!("cli.baseline-no-fix"));
        return TROUBLE;
    }
    let sel = Selection {
        select: args.select.clone(),
        extend_select: args.extend_select.clone(),
        ignore: args.ignore.clone(),
    };
    if let Err(e) = sel.validate() {
        for line in e.lines() {
            eprintln!("reportlint: {line}");
        }
        return TROUBLE;
    }
    if let Some(label) = &args.encoding {
        if encoding_rs::Encoding::for_label(label.trim().as_bytes()).is_none() {
            eprintln!(
                "reportlint: {}",
                crate::tr!("config.unknown-encoding", encoding = label)
            );
            return TROUBLE;
        }
    }
    let color = !args.no_color
        && args.output.is_none()
        && std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none();
    let width = if color { terminal_width() } else { 100 };
    let style = human::Style { color, width };
    let cwd = match std::env::current_dir() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("reportlint: {}", crate::tr!("cli.no-cwd", error = e));
            return TROUBLE;
        }
    };
    let source = if args.isolated {
        Source::Isolated
    } else if let Some(p) = &args.config {
        Source::File(p.clone())
    } else {
        Source::Discover
    };
    let resolver = Resolver::new(source, cwd, args.encoding.clone());
    // Global options (format, fail-on) come from the settings of the current directory.
    let global = match resolver.for_cwd() {
        Ok(c) => c,
        Err(e) => {
            print_config_error(&e);
            return TROUBLE;
        }
    };
    if let Some(file) = &args.show_settings {
        return show_settings(file, &resolver, &sel);
    }
    let format = match (args.format, global.format.as_deref()) {
        (Some(f), _) => f,
        (None, Some(name)) => Format::from_str(name, true).unwrap_or(Format::Human),
        _ => Format::Human,
    };
    let fail_on = match args.fail_on {
        Some(FailOn::Error) => Severity::Error,
        Some(FailOn::Warning) => Severity::Warning,
        Some(FailOn::Info) => Severity::Info,
        None => global.fail_on.unwrap_or(Severity::Error),
    };
    let human_style =
        (format == Format::Human && !args.statistics && !write_baseline).then_some(style);
    let baseline = match &args.baseline {
        Some(p) => match crate::baseline::Baseline::load(p) {
            Ok(b) => Some(b),
            Err(e) => {
                eprintln!("reportlint: {e}");
                return TROUBLE;
            }
        },
        None => None,
    };
    let opts = pipeline::RunOptions {
        selection: Some(&sel),
        human: human_style,
        baseline: baseline.as_ref(),
        keep_text: format == Format::Html,
    };

    let mut outcomes: Vec<FileOutcome> = Vec::new();
    // Inputs that were not checked: (path, why). Each makes the exit code 2.
    let mut problems: Vec<Problem> = Vec::new();
    let paths: Vec<String> = if args.paths.is_empty() {
        vec![".".to_owned()]
    } else {
        args.paths.clone()
    };
    let (stdin_args, file_args): (Vec<String>, Vec<String>) =
        paths.into_iter().partition(|p| p == "-");
    let mut diffs = String::new();
    if (args.fix || args.diff) && !stdin_args.is_empty() {
        eprintln!("reportlint: {}", crate::tr!("cli.fix-needs-files"));
        return TROUBLE;
    }
    if !stdin_args.is_empty() && !args.show_files {
        let (name, config) = match &args.stdin_filename {
            Some(n) => {
                let abs = paths::absolute(Path::new(n), resolver.cwd());
                match resolver.for_path(&abs, false) {
                    Ok(c) => (paths::canonical_name(&abs, &c.root), c),
                    Err(e) => {
                        print_config_error(&e);
                        return TROUBLE;
                    }
                }
            }
            None => ("<stdin>".to_owned(), global.clone()),
        };
        let limit = config.limits.file_bytes;
        match crate::limits::read_capped(std::io::stdin().lock(), limit) {
            Ok(bytes) => outcomes.push(pipeline::isolated(&name, || {
                pipeline::check_bytes(&name, Path::new(&name), &bytes, &config, &opts)
            })),
            Err(e) => problems.push(Problem::new(
                &name,
                e.message(&crate::tr!("limits.what-stdin")),
            )),
        }
    }
    let mut targets: Vec<Target> = Vec::new();
    if !file_args.is_empty() {
        let walk = discover::Walk {
            no_ignore: args.no_ignore,
            force_exclude: args.force_exclude,
        };
        let found = discover::find(&file_args, &resolver, walk);
        for e in &found.config_errors {
            print_config_error(e);
            problems.push(Problem::new(
                &paths::slashed(&e.path),
                crate::tr!("problem.invalid-config", message = e.message),
            ));
        }
        for (arg, why) in found.errors {
            problems.push(Problem::new(&arg, why));
        }
        targets = found.targets;
    }
    if args.show_files {
        let mut s = String::new();
        for t in &targets {
            s.push_str(&escape::name(&t.name));
            if let Some(why) = &t.unsupported {
                s.push('\t');
                s.push_str(&crate::tr!("cli.show-files-not-read", why = why));
            }
            s.push('\n');
        }
        for p in &problems {
            eprintln!(
                "reportlint: {}: {}",
                escape::name(&p.path),
                escape::terminal(&p.message)
            );
        }
        let written = out(&s);
        return if problems.is_empty() {
            written
        } else {
            TROUBLE
        };
    }
    let report_path = match &args.output {
        Some(p) => Some(p.clone()),
        None => write_baseline.then(|| PathBuf::from(crate::baseline::DEFAULT_FILE)),
    };
    if let Some(clash) = report_path.as_deref().and_then(|p| {
        let inputs: Vec<&Path> = targets.iter().map(|t| t.path.as_path()).collect();
        crate::fsutil::one_of(p, &inputs)
    }) {
        eprintln!(
            "reportlint: {}: {}",
            escape::name(
                &report_path
                    .as_deref()
                    .unwrap_or(Path::new(""))
                    .display()
                    .to_string()
            ),
            crate::tr!(
                "cli.output-is-input",
                input = escape::name(&targets[clash].name)
            )
        );
        return TROUBLE;
    }
    if args.fix || args.diff {
        let fixed: Vec<crate::fix::FixOutcome> = targets
            .par_iter()
            .map(|t| fix_target(t, &opts, args.diff))
            .collect();
        for f in fixed {
            report_fix(&f, args.diff, &mut diffs);
            outcomes.push(f.outcome);
        }
    } else {
        let mut linted: Vec<FileOutcome> = targets
            .par_iter()
            .map(|t| pipeline::check_target(t, &opts))
            .collect();
        outcomes.append(&mut linted);
    }
    outcomes.sort_by(|a, b| a.name.cmp(&b.name));
    for o in &outcomes {
        if let Some(e) = &o.error {
            let prefix = format!("{}: ", o.name);
            let why = e.strip_prefix(&prefix).unwrap_or(e);
            problems.push(Problem::new(&o.name, why.to_owned()));
        }
    }
    if args.diff {
        for p in &problems {
            eprintln!(
                "reportlint: {}: {}",
                escape::name(&p.path),
                escape::terminal(&p.message)
            );
        }
        let written = out(&diffs);
        return if !problems.is_empty() || written != OK {
            TROUBLE
        } else if diffs.is_empty() {
            OK
        } else {
            FINDINGS
        };
    }

    let mut summary = json::Summary {
        unchecked: problems.len(),
        ..Default::default()
    };
    let mut worst: Option<Severity> = None;
    for o in outcomes.iter().filter(|o| o.error.is_none()) {
        summary.files += 1;
        for r in &o.reported {
            match r.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Info => summary.infos += 1,
            }
            worst = worst.max(Some(r.severity));
        }
    }

    let hidden: usize = outcomes.iter().map(|o| o.baselined).sum();
    if write_baseline {
        let all: Vec<_> = outcomes
            .iter()
            .flat_map(|o| o.reported.iter().cloned())
            .collect();
        let path = args
            .output
            .clone()
            .unwrap_or_else(|| PathBuf::from(crate::baseline::DEFAULT_FILE));
        for p in &problems {
            eprintln!(
                "reportlint: {}: {}",
                escape::name(&p.path),
                escape::terminal(&p.message)
            );
        }
        return match crate::fsutil::write_atomic(&path, crate::baseline::render(&all).as_bytes()) {
            Ok(()) => {
                eprintln!(
                    "reportlint: {}",
                    crate::trn!("cli.baseline-recorded", all.len(), path = path.display())
                );
                if problems.is_empty() {
                    OK
                } else {
                    TROUBLE
                }
            }
            Err(e) => {
                eprintln!("reportlint: {}", cannot_write(&path, &e));
                TROUBLE
            }
        };
    }
    // Moved out, not copied: every finding is held once. (The HTML page reads
    // them from `outcomes` and does not call this.)
    let mut all = || -> Vec<crate::render::Reported> {
        outcomes
            .iter_mut()
            .flat_map(|o| std::mem::take(&mut o.reported))
            .collect()
    };
    let text = match format {
        _ if args.statistics => crate::render::statistics::render(&all()),
        Format::Json => json::render_with_problems(&all(), summary, &problems),
        Format::Sarif => crate::render::sarif::render_with_problems(&all(), &problems),
        Format::Github => crate::render::github::render_with_problems(&all(), &problems),
        Format::Rdjson => crate::render::rdjson::render(&all()),
        Format::Gitlab => crate::render::gitlab::render(&all()),
        Format::Html => {
            let pages: Vec<html::Input> = outcomes
                .iter()
                .filter(|o| o.error.is_none())
                .map(|o| html::Input {
                    name: &o.name,
                    text: o.text.as_deref().unwrap_or(""),
                    findings: &o.reported,
                })
                .collect();
            html::render_with_problems(&pages, &problems)
        }
        Format::Human => {
            let mut s = String::new();
            for o in &outcomes {
                s.push_str(&o.human);
            }
            if !args.quiet {
                s.push_str(&summary_line(&summary));
                if hidden > 0 {
                    s.push_str(&crate::trn!("summary.baseline-hidden", hidden));
                    s.push('\n');
                }
            }
            s
        }
    };
    if !args.quiet {
        for o in &outcomes {
            if let Some(n) = &o.note {
                eprintln!("reportlint: {}", escape::terminal(n));
            }
        }
    }
    let written = match &args.output {
        Some(path) => crate::fsutil::write_atomic(path, text.as_bytes()).map_or_else(
            |e| {
                eprintln!("reportlint: {}", cannot_write(path, &e));
                TROUBLE
            },
            |_| OK,
        ),
        None => out(&text),
    };
    for p in &problems {
        eprintln!(
            "reportlint: {}: {}",
            escape::name(&p.path),
            escape::terminal(&p.message)
        );
    }
    if !problems.is_empty() || written != OK {
        TROUBLE
    } else if worst.is_some_and(|w| w >= fail_on) && !args.exit_zero {
        FINDINGS
    } else {
        OK
    }
}

fn cannot_write(path: &Path, e: &std::io::Error) -> String {
    crate::tr!("cli.cannot-write", path = path.display(), error = e)
}

/// `3 files, 1 error, 0 warnings, 2 infos` and, when any, `; 1 input not checked`
/// (`3 个文件，1 个错误，0 个警告，2 条提示；1 个输入未检查`).
fn summary_line(s: &json::Summary) -> String {
    let mut line = crate::tr!(
        "summary.line",
        files = crate::trn!("summary.files", s.files),
        errors = crate::trn!("summary.errors", s.errors),
        warnings = crate::trn!("summary.warnings", s.warnings),
        infos = crate::trn!("summary.infos", s.infos)
    );
    if s.unchecked > 0 {
        line.push_str(&crate::trn!("summary.unchecked", s.unchecked));
    }
    line.push('\n');
    line
}

/// `--fix` / `--diff` on one file; a file whose format is not rewritten cannot
/// show a diff, and says so.
fn fix_target(t: &Target, opts: &pipeline::RunOptions, diff_only: bool) -> crate::fix::FixOutcome {
    if t.unsupported.is_some() {
        return crate::fix::FixOutcome {
            outcome: pipeline::check_target(t, opts),
            ..Default::default()
        };
    }
    if diff_only && crate::input::format_of(&t.path) == crate::input::Format::Docx {
        return crate::fix::FixOutcome {
            outcome: FileOutcome {
                name: t.name.clone(),
                error: Some(format!(
                    "{}: {}",
                    t.name,
                    crate::tr!("fix.docx-no-diff", name = t.name)
                )),
                ..Default::default()
            },
            ..Default::default()
        };
    }
    crate::fix::fix_named(&t.path, &t.name, &t.config, opts, diff_only)
}

/// Say what fixing a file did; collect its diff.
fn report_fix(f: &crate::fix::FixOutcome, diff_only: bool, diffs: &mut String) {
    if let Some(d) = &f.diff {
        diffs.push_str(d);
    }
    if f.applied > 0 && !diff_only && f.outcome.error.is_none() {
        eprintln!(
            "reportlint: {}",
            crate::trn!("fix.fixed", f.applied, file = escape::name(&f.outcome.name))
        );
    }
}

fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(100)
        .clamp(60, 200)
}
