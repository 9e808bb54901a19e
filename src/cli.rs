//! Command line: `reportlint [check] PATHS`, `list`, `explain`, `init`.

use crate::config::{self, Config};
use crate::diagnostic::Severity;
use crate::lints;
use crate::pipeline::{self, FileOutcome, Selection};
use crate::render::plural;
use crate::render::{html, human, json};
use clap::{Args, Parser, Subcommand, ValueEnum};
use rayon::prelude::*;
use std::io::{IsTerminal, Read, Write};
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
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Lint files, directories or globs (the default command).
    Check(CheckArgs),
    /// Record the current findings in .reportlint-baseline.json (or --output), so
    /// that `--baseline FILE` later shows only new ones.
    Baseline(CheckArgs),
    /// List every lint: code, name, default severity, summary.
    List,
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
    /// Skip these lints (same forms as --select).
    #[arg(long, value_delimiter = ',')]
    ignore: Vec<String>,
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

pub fn run(args: impl IntoIterator<Item = std::ffi::OsString>) -> i32 {
    let cli = match Cli::try_parse_from(args) {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { TROUBLE } else { OK };
        }
    };
    match cli.command {
        Some(Command::List) => list(),
        Some(Command::Explain { lint }) => explain(&lint),
        Some(Command::Init { force }) => init(force),
        Some(Command::Outline { file }) => outline(&file),
        Some(Command::Numbers { file }) => numbers(&file),
        Some(Command::Tables { file }) => match read_document(&file) {
            Ok(doc) => out(&crate::inspect::tables(&doc)),
            Err(code) => code,
        },
        Some(Command::Claims { file }) => match read_document(&file) {
            Ok(doc) => out(&crate::inspect::claims(&doc)),
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
            eprintln!("reportlint: cannot write output: {e}");
            TROUBLE
        }
    }
}

fn list() -> i32 {
    let mut s = format!(
        "{:<6}  {:<26}  {:<10}  {:<13}  {}\n",
        "code", "name", "family", "severity", "summary"
    );
    for r in lints::registry() {
        let m = r.meta;
        s.push_str(&format!(
            "{:<6}  {:<26}  {:<10}  {:<13}  {}\n",
            m.code,
            m.name,
            m.family.as_str(),
            m.severity_rule(),
            m.summary
        ));
    }
    out(&s)
}

fn explain(key: &str) -> i32 {
    match lints::lookup(key) {
        Some(m) => out(&format!(
            "# {} {}\n\n{}\n\n{}",
            m.code,
            m.name,
            m.summary,
            m.documentation()
        )),
        None => {
            eprintln!("reportlint: unknown lint `{key}` (see `reportlint list`)");
            TROUBLE
        }
    }
}

/// Read and parse one file for the inspection commands.
fn read_document(path: &Path) -> Result<crate::document::Document, i32> {
    let bytes = std::fs::read(path).map_err(|e| {
        eprintln!("reportlint: {}: cannot read: {e}", path.display());
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
            eprintln!("reportlint: {}: {why}", path.display());
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
    out(&s)
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
        s.push_str(&format!(
            "table of contents: markers {:?}, body from {}\n",
            toc.entries, toc.body_start
        ));
    }
    out(&s)
}

fn init(force: bool) -> i32 {
    let path = Path::new(config::FILE_NAME);
    if path.exists() && !force {
        eprintln!(
            "reportlint: {} already exists (use --force to overwrite)",
            path.display()
        );
        return TROUBLE;
    }
    match std::fs::write(path, config::init_template()) {
        Ok(()) => {
            eprintln!("reportlint: wrote {}", path.display());
            OK
        }
        Err(e) => {
            eprintln!("reportlint: cannot write {}: {e}", path.display());
            TROUBLE
        }
    }
}

fn load_config(args: &CheckArgs, style: human::Style) -> Result<Config, i32> {
    let path = if args.isolated {
        None
    } else if let Some(p) = &args.config {
        Some(p.clone())
    } else {
        std::env::current_dir()
            .ok()
            .and_then(|d| Config::discover(&d))
    };
    match path {
        None => Ok(Config::default_config()),
        Some(p) => Config::load(&p).map_err(|e| {
            eprint!("{}", human::render_config_error(&e, style));
            TROUBLE
        }),
    }
}

fn check(args: CheckArgs, write_baseline: bool) -> i32 {
    let color = !args.no_color
        && args.output.is_none()
        && std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none();
    let width = if color { terminal_width() } else { 100 };
    let style = human::Style { color, width };
    let mut config = match load_config(
        &args,
        human::Style {
            color: std::io::stderr().is_terminal(),
            width,
        },
    ) {
        Ok(c) => c,
        Err(code) => return code,
    };
    if args.encoding.is_some() {
        config.encoding.clone_from(&args.encoding);
    }
    let format = match (args.format, config.format.as_deref()) {
        (Some(f), _) => f,
        (None, Some(name)) => Format::from_str(name, true).unwrap_or(Format::Human),
        _ => Format::Human,
    };
    let fail_on = match args.fail_on {
        Some(FailOn::Error) => Severity::Error,
        Some(FailOn::Warning) => Severity::Warning,
        Some(FailOn::Info) => Severity::Info,
        None => config.fail_on.unwrap_or(Severity::Error),
    };
    let sel = Selection {
        select: args.select.clone(),
        ignore: args.ignore.clone(),
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
    let mut trouble = Vec::new();
    let paths: Vec<String> = if args.paths.is_empty() {
        vec![".".to_owned()]
    } else {
        args.paths.clone()
    };
    let (stdin_args, file_args): (Vec<String>, Vec<String>) =
        paths.into_iter().partition(|p| p == "-");
    let mut diffs = String::new();
    if (args.fix || args.diff) && !stdin_args.is_empty() {
        eprintln!("reportlint: --fix and --diff need files, not standard input");
        return TROUBLE;
    }
    if !stdin_args.is_empty() {
        let name = args
            .stdin_filename
            .clone()
            .unwrap_or_else(|| "<stdin>".to_owned());
        let mut bytes = Vec::new();
        match std::io::stdin().lock().read_to_end(&mut bytes) {
            Ok(_) => outcomes.push(pipeline::check_bytes(
                &name,
                Path::new(&name),
                &bytes,
                &config,
                &opts,
            )),
            Err(e) => trouble.push(format!("<stdin>: cannot read: {e}")),
        }
    }
    if !file_args.is_empty() {
        let found = crate::discover::discover(&file_args, &config);
        trouble.extend(found.errors);
        let mut from_files: Vec<FileOutcome> = if args.fix || args.diff {
            let fixed: Vec<crate::fix::FixOutcome> = found
                .files
                .par_iter()
                .map(|p| crate::fix::fix_file(p, &config, &opts, args.diff))
                .collect();
            fixed
                .into_iter()
                .map(|f| {
                    report_fix(&f, args.diff, &mut diffs);
                    f.outcome
                })
                .collect()
        } else {
            found
                .files
                .par_iter()
                .map(|p| pipeline::check_file(p, &config, &opts))
                .collect()
        };
        outcomes.append(&mut from_files);
    }
    if args.diff {
        for t in &trouble {
            eprintln!("reportlint: {t}");
        }
        let errors = outcomes.iter().filter_map(|o| o.error.as_ref());
        let mut failed = !trouble.is_empty();
        for e in errors {
            eprintln!("reportlint: {e}");
            failed = true;
        }
        let written = out(&diffs);
        return if failed || written != OK {
            TROUBLE
        } else if diffs.is_empty() {
            OK
        } else {
            FINDINGS
        };
    }
    outcomes.sort_by(|a, b| a.name.cmp(&b.name));

    let mut summary = json::Summary {
        files: 0,
        ..Default::default()
    };
    let mut worst: Option<Severity> = None;
    for o in &outcomes {
        if let Some(e) = &o.error {
            trouble.push(e.clone());
            continue;
        }
        if o.skipped {
            continue;
        }
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
        for t in &trouble {
            eprintln!("reportlint: {t}");
        }
        return match crate::fsutil::write_atomic(&path, crate::baseline::render(&all).as_bytes()) {
            Ok(()) => {
                eprintln!(
                    "reportlint: recorded {} findings in {}",
                    all.len(),
                    path.display()
                );
                if trouble.is_empty() {
                    OK
                } else {
                    TROUBLE
                }
            }
            Err(e) => {
                eprintln!("reportlint: cannot write {}: {e}", path.display());
                TROUBLE
            }
        };
    }
    let all = || -> Vec<crate::render::Reported> {
        outcomes
            .iter()
            .flat_map(|o| o.reported.iter().cloned())
            .collect()
    };
    let text = match format {
        _ if args.statistics => crate::render::statistics::render(&all()),
        Format::Json => json::render(&all(), summary),
        Format::Sarif => crate::render::sarif::render(&all()),
        Format::Github => crate::render::github::render(&all()),
        Format::Rdjson => crate::render::rdjson::render(&all()),
        Format::Gitlab => crate::render::gitlab::render(&all()),
        Format::Html => {
            let pages: Vec<html::Input> = outcomes
                .iter()
                .filter(|o| o.error.is_none() && !o.skipped)
                .map(|o| html::Input {
                    name: &o.name,
                    text: o.text.as_deref().unwrap_or(""),
                    findings: &o.reported,
                })
                .collect();
            html::render(&pages)
        }
        Format::Human => {
            let mut s = String::new();
            for o in &outcomes {
                s.push_str(&o.human);
            }
            if !args.quiet {
                s.push_str(&format!(
                    "{} {}, {} {}, {} {}, {} {}\n",
                    summary.files,
                    plural(summary.files, "file", "files"),
                    summary.errors,
                    plural(summary.errors, "error", "errors"),
                    summary.warnings,
                    plural(summary.warnings, "warning", "warnings"),
                    summary.infos,
                    plural(summary.infos, "info", "infos"),
                ));
                if hidden > 0 {
                    s.push_str(&format!("{hidden} known findings hidden by the baseline\n"));
                }
            }
            s
        }
    };
    if !args.quiet {
        for o in &outcomes {
            if let Some(n) = &o.note {
                eprintln!("reportlint: {n}");
            }
        }
    }
    let written = match &args.output {
        Some(path) => crate::fsutil::write_atomic(path, text.as_bytes()).map_or_else(
            |e| {
                eprintln!("reportlint: cannot write {}: {e}", path.display());
                TROUBLE
            },
            |_| OK,
        ),
        None => out(&text),
    };
    for t in &trouble {
        eprintln!("reportlint: {t}");
    }
    if !trouble.is_empty() || written != OK {
        TROUBLE
    } else if worst.is_some_and(|w| w >= fail_on) {
        FINDINGS
    } else {
        OK
    }
}

/// Say what fixing a file did; collect its diff.
fn report_fix(f: &crate::fix::FixOutcome, diff_only: bool, diffs: &mut String) {
    if let Some(d) = &f.diff {
        diffs.push_str(d);
    }
    if f.applied > 0 && !diff_only && f.outcome.error.is_none() {
        eprintln!(
            "reportlint: fixed {} {} in {}",
            f.applied,
            plural(f.applied, "issue", "issues"),
            f.outcome.name
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
