//! `reportlint.toml`: found in the current directory or its ancestors; every key
//! optional, so the file only says what differs from the built-in defaults.

use crate::diagnostic::Severity;
use crate::lints::{self, Lint, Registration};
use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml::Spanned;

pub const FILE_NAME: &str = "reportlint.toml";

/// The largest config file read: a real one is a few kilobytes.
pub const MAX_CONFIG_BYTES: u64 = 1 << 20;

/// A configuration problem, pointing into the TOML text when it can.
#[derive(Debug, Clone)]
pub struct ConfigError {
    pub path: PathBuf,
    pub source_text: String,
    pub span: Option<std::ops::Range<usize>>,
    pub message: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    include: Option<Vec<Spanned<String>>>,
    exclude: Option<Vec<Spanned<String>>>,
    fail_on: Option<Spanned<String>>,
    format: Option<Spanned<String>>,
    encoding: Option<Spanned<String>>,
    max_findings_per_file: Option<Spanned<i64>>,
    max_findings_per_paragraph: Option<Spanned<i64>>,
    max_file_mb: Option<Spanned<i64>>,
    #[serde(default)]
    lints: BTreeMap<Spanned<String>, Spanned<LintTable>>,
    #[serde(default)]
    overrides: Vec<RawOverride>,
    #[serde(default)]
    ignore: Vec<RawIgnore>,
}

/// `[[ignore]]`: hide findings by path, code and the offending text.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIgnore {
    #[serde(default)]
    files: Vec<Spanned<String>>,
    #[serde(default)]
    codes: Vec<Spanned<String>>,
    snippet: Option<String>,
}

/// One `[[ignore]]` entry; every given part must match.
pub struct Ignore {
    files: Option<GlobSet>,
    codes: Vec<&'static str>,
    snippet: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOverride {
    files: Vec<Spanned<String>>,
    #[serde(default)]
    lints: BTreeMap<Spanned<String>, Spanned<LintTable>>,
}

/// A `[lints.NAME]` table with the span of every key and value, so that an
/// error points at the key it is about.
type LintTable = BTreeMap<Spanned<String>, Spanned<toml::Value>>;

/// `enabled` and `severity` of one lint, as set somewhere.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LintSwitch {
    pub enabled: Option<bool>,
    pub severity: Option<Severity>,
}

#[derive(Debug, Clone)]
pub struct Override {
    pub files: GlobSet,
    pub lints: BTreeMap<&'static str, LintSwitch>,
}

/// What one input may cost: findings kept per lint, and the size of a file read.
/// Past a findings limit the rest are counted in one summary finding, so memory
/// and output follow the input, not a flood of one repeated mistake.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Findings of one lint kept per file (`max-findings-per-file`).
    pub findings_per_file: usize,
    /// Findings of one lint kept per paragraph (`max-findings-per-paragraph`).
    pub findings_per_paragraph: usize,
    /// Largest file read, in bytes (`max-file-mb`); larger ones are not checked.
    pub file_bytes: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            findings_per_file: 1000,
            findings_per_paragraph: 100,
            file_bytes: 100 << 20,
        }
    }
}

/// The effective configuration.
pub struct Config {
    pub path: Option<PathBuf>,
    /// The directory every path is relative to: the config file's directory (or,
    /// without a config file, the repository root; see [`crate::paths`]).
    pub root: PathBuf,
    pub include: GlobSet,
    pub include_patterns: Vec<String>,
    /// Whether `include` is the built-in list (a file type the built-in list does
    /// not read is then reported, not passed over).
    pub include_is_default: bool,
    pub exclude: GlobSet,
    pub exclude_patterns: Vec<String>,
    pub fail_on: Option<Severity>,
    pub format: Option<String>,
    pub encoding: Option<String>,
    pub limits: Limits,
    pub switches: BTreeMap<&'static str, LintSwitch>,
    pub overrides: Vec<Override>,
    /// Every lint, built with its options.
    pub lints: Vec<Box<dyn Lint>>,
    pub ignores: Vec<Ignore>,
}

pub const DEFAULT_INCLUDE: &[&str] = &[
    "**/*.txt",
    "**/*.md",
    "**/*.markdown",
    "**/*.text",
    "**/*.docx",
    "**/*.pdf",
    "**/*.csv",
    "**/*.tsv",
];

/// Build one glob the way every glob of reportlint is read, on the command line
/// and in the config alike: `*` and `?` stay within a path component, `**`
/// crosses them, `{a,b}` alternates; a pattern without `/` matches a file or
/// folder name at any depth (as in `.gitignore`).
pub fn add_glob(b: &mut GlobSetBuilder, pattern: &str) -> Result<(), globset::Error> {
    let glob = |p: &str| {
        GlobBuilder::new(p)
            .literal_separator(true)
            .backslash_escape(true)
            .build()
    };
    let p = pattern.strip_prefix("./").unwrap_or(pattern);
    b.add(glob(p)?);
    if !p.contains('/') {
        b.add(glob(&format!("**/{p}"))?);
    }
    Ok(())
}

/// The nearest of `candidates` to `word` when it is near enough to be a typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let lower = word.to_lowercase();
    let limit = (lower.chars().count() / 3).clamp(1, 3);
    candidates
        .into_iter()
        .map(|c| (strsim::osa_distance(&lower, &c.to_lowercase()), c))
        .filter(|&(d, _)| d <= limit)
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

type Err<'e> = dyn Fn(Option<std::ops::Range<usize>>, String) -> ConfigError + 'e;

impl Config {
    /// Built-in defaults only.
    pub fn default_config() -> Config {
        Config::from_str_at(Path::new("<defaults>"), "")
            .unwrap_or_else(|_| unreachable!("empty config is valid"))
    }

    /// Walk from `dir` up to the root; the first trusted `reportlint.toml` wins.
    /// A file that is not trusted (see [`untrusted`]) is passed over with a
    /// warning and the walk goes on above it.
    pub fn discover(dir: &Path) -> Option<PathBuf> {
        static WARNED: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());
        Config::discover_trusted(dir, &mut |p, why| {
            let mut warned = WARNED.lock().unwrap_or_else(|e| e.into_inner());
            if !warned.iter().any(|w| w == p) {
                warned.push(p.to_owned());
                eprintln!(
                    "{}",
                    crate::tr!(
                        "config.untrusted-ignored",
                        path = crate::render::escape::name(&p.display().to_string()),
                        why = why
                    )
                );
            }
        })
    }

    /// [`Config::discover`], telling `warn` about each config file passed over.
    pub fn discover_trusted(dir: &Path, warn: &mut dyn FnMut(&Path, &str)) -> Option<PathBuf> {
        for d in dir.ancestors() {
            let p = d.join(FILE_NAME);
            if !p.is_file() {
                continue;
            }
            match untrusted(&p) {
                Some(why) => warn(&p, &why),
                None => return Some(p),
            }
        }
        None
    }

    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let what = crate::tr!("limits.what-config");
        let text = std::fs::File::open(path)
            .map_err(crate::limits::ReadError::Io)
            .and_then(|f| crate::limits::read_capped(f, MAX_CONFIG_BYTES))
            .map_err(|e| ConfigError {
                path: path.to_owned(),
                source_text: String::new(),
                span: None,
                message: e.message(&what),
            })?;
        let text = String::from_utf8(text).map_err(|e| ConfigError {
            path: path.to_owned(),
            source_text: String::new(),
            span: None,
            message: crate::tr!("config.not-utf8", byte = e.utf8_error().valid_up_to()),
        })?;
        let mut config = Config::from_str_at(path, &text)?;
        config.path = Some(path.to_owned());
        if let Some(dir) = path.parent() {
            config.root = dir.to_owned();
        }
        Ok(config)
    }

    pub fn from_str_at(path: &Path, text: &str) -> Result<Config, ConfigError> {
        let err = |span: Option<std::ops::Range<usize>>, message: String| ConfigError {
            path: path.to_owned(),
            source_text: text.to_owned(),
            span,
            message,
        };
        let raw: RawConfig =
            toml::from_str(text).map_err(|e| err(e.span(), e.message().to_owned()))?;
        let registry = lints::registry();

        let globs = |list: &[Spanned<String>]| -> Result<GlobSet, ConfigError> {
            let mut b = GlobSetBuilder::new();
            for g in list {
                add_glob(&mut b, g.get_ref())
                    .map_err(|e| err(Some(g.span()), crate::tr!("config.bad-glob", error = e)))?;
            }
            // Each glob parses, yet together they can be too large to compile
            // (a glob of a million `?`): point at the list, not at nothing.
            let whole = match (list.first(), list.last()) {
                (Some(a), Some(z)) => Some(a.span().start..z.span().end),
                _ => None,
            };
            b.build()
                .map_err(|e| err(whole, crate::tr!("config.globs-too-complex", error = e)))
        };
        let include_list: Vec<Spanned<String>> = match &raw.include {
            Some(l) => l.clone(),
            None => DEFAULT_INCLUDE
                .iter()
                .map(|s| Spanned::new(0..0, (*s).to_owned()))
                .collect(),
        };
        let include = globs(&include_list)?;
        let exclude_list = raw.exclude.as_deref().unwrap_or(&[]);
        let exclude = globs(exclude_list)?;
        let fail_on = match &raw.fail_on {
            None => None,
            Some(s) => Some(Severity::parse(s.get_ref()).ok_or_else(|| {
                err(
                    Some(s.span()),
                    crate::tr!("config.bad-fail-on", value = s.get_ref()),
                )
            })?),
        };
        if let Some(f) = &raw.format {
            if !crate::render::FORMATS.contains(&f.get_ref().as_str()) {
                return Err(err(
                    Some(f.span()),
                    crate::tr!(
                        "config.unknown-format",
                        format = f.get_ref(),
                        formats = crate::render::FORMATS.join(", ")
                    ),
                ));
            }
        }
        if let Some(e) = &raw.encoding {
            if encoding_rs::Encoding::for_label(e.get_ref().trim().as_bytes()).is_none() {
                return Err(err(
                    Some(e.span()),
                    crate::tr!("config.unknown-encoding", encoding = e.get_ref()),
                ));
            }
        }

        let positive = |v: &Option<Spanned<i64>>, key: &str, default: u64| match v {
            None => Ok(default),
            Some(n) if *n.get_ref() >= 1 => Ok(n.get_ref().unsigned_abs()),
            Some(n) => Err(err(
                Some(n.span()),
                crate::tr!("config.at-least-one", key = key),
            )),
        };
        let d = Limits::default();
        let limits = Limits {
            findings_per_file: positive(
                &raw.max_findings_per_file,
                "max-findings-per-file",
                d.findings_per_file as u64,
            )? as usize,
            findings_per_paragraph: positive(
                &raw.max_findings_per_paragraph,
                "max-findings-per-paragraph",
                d.findings_per_paragraph as u64,
            )? as usize,
            file_bytes: positive(&raw.max_file_mb, "max-file-mb", d.file_bytes >> 20)?
                .saturating_mul(1 << 20),
        };

        let mut switches = BTreeMap::new();
        let mut options: BTreeMap<&'static str, (toml::Table, &Spanned<String>)> = BTreeMap::new();
        for (name, table) in &raw.lints {
            let reg = find(&registry, name.get_ref())
                .ok_or_else(|| err(Some(name.span()), unknown_lint(name.get_ref())))?;
            let (switch, rest) = split_switch(table.get_ref(), &err)?;
            if reg.meta.name == "confusable" {
                check_replacements(table.get_ref(), text, &err)?;
            }
            switches.insert(reg.meta.name, switch);
            options.insert(reg.meta.name, (rest, name));
        }
        let mut overrides = Vec::new();
        for o in &raw.overrides {
            let files = globs(&o.files)?;
            let mut lints = BTreeMap::new();
            for (name, table) in &o.lints {
                let reg = find(&registry, name.get_ref())
                    .ok_or_else(|| err(Some(name.span()), unknown_lint(name.get_ref())))?;
                let (switch, rest) = split_switch(table.get_ref(), &err)?;
                if let Some(key) = table
                    .get_ref()
                    .keys()
                    .find(|k| rest.contains_key(k.get_ref()))
                {
                    return Err(err(
                        Some(key.span()),
                        format!(
                            "`{}`: overrides may only set `enabled` and `severity` of `{}`",
                            key.get_ref(),
                            name.get_ref()
                        ),
                    ));
                }
                lints.insert(reg.meta.name, switch);
            }
            overrides.push(Override { files, lints });
        }

        let mut ignores = Vec::new();
        for i in &raw.ignore {
            let files = if i.files.is_empty() {
                None
            } else {
                Some(globs(&i.files)?)
            };
            let mut codes = Vec::new();
            for c in &i.codes {
                let reg = find(&registry, c.get_ref())
                    .ok_or_else(|| err(Some(c.span()), unknown_lint(c.get_ref())))?;
                codes.push(reg.meta.code);
            }
            ignores.push(Ignore {
                files,
                codes,
                snippet: i.snippet.clone(),
            });
        }
        let mut built = Vec::new();
        for reg in &registry {
            let given = options.remove(reg.meta.name);
            let table = raw.lints.iter().find(|(n, _)| {
                find(&registry, n.get_ref()).is_some_and(|r| r.meta.name == reg.meta.name)
            });
            let lint = match given {
                None => (reg.build)(None),
                Some((opts, _)) => (reg.build)(Some(opts)),
            }
            .map_err(|e| option_error(&e, reg.meta.name, table, &err))?;
            built.push(lint);
        }
        Ok(Config {
            path: None,
            root: PathBuf::from("."),
            include,
            include_patterns: include_list.iter().map(|s| s.get_ref().clone()).collect(),
            include_is_default: raw.include.is_none(),
            exclude,
            exclude_patterns: exclude_list.iter().map(|s| s.get_ref().clone()).collect(),
            fail_on,
            format: raw.format.map(|f| f.into_inner()),
            encoding: raw.encoding.map(|e| e.into_inner()),
            limits,
            switches,
            overrides,
            lints: built,
            ignores,
        })
    }

    /// Whether a path relative to the root (or one of its folders) is excluded.
    pub fn excludes(&self, rel: &Path) -> bool {
        rel.ancestors()
            .filter(|a| !a.as_os_str().is_empty())
            .any(|a| self.exclude.is_match(a))
    }

    /// Remove the findings an `[[ignore]]` entry matches.
    pub fn drop_ignored(
        &self,
        path: &Path,
        doc: &crate::document::Document,
        findings: &mut Vec<crate::diagnostic::Finding>,
    ) {
        if self.ignores.is_empty() {
            return;
        }
        findings.retain(|f| {
            !self.ignores.iter().any(|i| {
                i.files.as_ref().is_none_or(|g| g.is_match(path))
                    && (i.codes.is_empty() || i.codes.contains(&f.meta.code))
                    && i.snippet.as_ref().is_none_or(|s| {
                        doc.display_text()
                            .get(f.span.start..f.span.end)
                            .is_some_and(|t| t.contains(s.as_str()))
                    })
            })
        });
    }

    /// Whether a lint runs on `path`, and at which severity (None = its own).
    pub fn switch_for(&self, lint: &'static str, path: &Path) -> LintSwitch {
        let mut s = self.switches.get(lint).cloned().unwrap_or_default();
        for o in &self.overrides {
            if o.files.is_match(path) {
                if let Some(os) = o.lints.get(lint) {
                    s.enabled = os.enabled.or(s.enabled);
                    s.severity = os.severity.or(s.severity);
                }
            }
        }
        s
    }

    /// What `--show-settings` prints: where the settings come from and what they say.
    pub fn describe(&self) -> String {
        let mut s = String::new();
        let path = self
            .path
            .as_ref()
            .map_or(crate::tr!("settings.no-config"), |p| {
                p.display().to_string()
            });
        let detected = crate::tr!("settings.detected");
        let lines = [
            crate::tr!("settings.config-file", path = path),
            crate::tr!("settings.root", root = self.root.display()),
            crate::tr!(
                "settings.include",
                globs = format!("{:?}", self.include_patterns)
            ),
            crate::tr!(
                "settings.exclude",
                globs = format!("{:?}", self.exclude_patterns)
            ),
            crate::tr!(
                "settings.fail-on",
                severity = self.fail_on.unwrap_or(Severity::Error).as_str()
            ),
            crate::tr!(
                "settings.format",
                format = self.format.as_deref().unwrap_or("human")
            ),
            crate::tr!(
                "settings.encoding",
                encoding = self.encoding.as_deref().unwrap_or(&detected)
            ),
            crate::tr!(
                "settings.limits",
                per_file = self.limits.findings_per_file,
                per_paragraph = self.limits.findings_per_paragraph,
                mb = self.limits.file_bytes >> 20
            ),
            crate::tr!("settings.overrides", n = self.overrides.len()),
            crate::tr!("settings.ignores", n = self.ignores.len()),
        ];
        for line in lines {
            s.push_str(&line);
            s.push('\n');
        }
        s
    }
}

fn find<'a>(registry: &'a [Registration], key: &str) -> Option<&'a Registration> {
    registry
        .iter()
        .find(|r| r.meta.name == key || r.meta.code.eq_ignore_ascii_case(key))
}

fn unknown_lint(name: &str) -> String {
    let registry = lints::registry();
    let names = registry.iter().flat_map(|r| [r.meta.name, r.meta.code]);
    match did_you_mean(name, names) {
        Some(s) => crate::tr!("config.unknown-lint-near", lint = name, near = s),
        None => crate::tr!("cli.unknown-lint", lint = name),
    }
}

/// A lint rejected its options: name the key and every key the table may hold,
/// `enabled` and `severity` included, and point at the key.
fn option_error(
    message: &str,
    lint: &str,
    table: Option<(&Spanned<String>, &Spanned<LintTable>)>,
    err: &Err,
) -> ConfigError {
    // serde's words for an unknown key: "unknown field `x`, expected `a` or `b`"
    // (or "expected one of `a`, `b`", or "there are no fields").
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let key = rest.split('`').next().unwrap_or("");
        let mut valid: Vec<&str> = vec!["enabled", "severity"];
        if let Some((_, expected)) = rest.split_once("expected ") {
            valid.extend(
                expected
                    .split('`')
                    .skip(1)
                    .step_by(2)
                    .filter(|k| !k.is_empty()),
            );
        }
        let span = table.and_then(|(_, t)| {
            t.get_ref()
                .keys()
                .find(|k| k.get_ref() == key)
                .map(Spanned::span)
        });
        let mut msg = crate::tr!("config.unknown-key", key = key, lint = lint);
        if let Some(s) = did_you_mean(key, valid.iter().copied()) {
            msg.push_str(&crate::tr!("config.did-you-mean", near = s));
        }
        let listed: Vec<String> = valid.iter().map(|k| format!("`{k}`")).collect();
        msg.push_str(&crate::tr!("config.valid-keys", keys = listed.join(", ")));
        return err(span.or(table.map(|(n, _)| n.span())), msg);
    }
    err(
        table.map(|(n, _)| n.span()),
        format!("[lints.{lint}]: {message}"),
    )
}

/// Why a discovered config file is not trusted, as git's `safe.directory`
/// reasons: a file owned by another user (neither root nor the current user) in
/// a folder that anyone may write to could have been put there by anyone, to
/// turn lints off or add "fixes" that rewrite reports. `--config FILE` is
/// always trusted: the user named it.
#[cfg(unix)]
pub fn untrusted(path: &Path) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let file = std::fs::metadata(path).ok()?;
    let dir = std::fs::metadata(path.parent()?).ok()?;
    let me = rustix::process::geteuid().as_raw();
    let owner = file.uid();
    (owner != 0 && owner != me && dir.mode() & 0o002 != 0)
        .then(|| crate::tr!("config.untrusted", owner = owner))
}

#[cfg(not(unix))]
pub fn untrusted(_path: &Path) -> Option<String> {
    None
}

/// Characters that must not be written into a report by a fix: C0 and C1
/// controls (tab and line breaks included: a fix never spans lines), and the
/// bidirectional overrides that make text read differently from its bytes.
pub fn is_unsafe_in_fix(c: char) -> bool {
    c.is_control() || crate::render::escape::is_bidi_control(c)
}

/// `[lints.confusable] extra = { wrong = right }`: every entry is checked when the
/// config is loaded, so a bad one is an error that points at its line instead of
/// a fix that damages reports. A replacement that contains its own wrong word
/// would grow on every `--fix`; control characters would make the file binary or
/// rewrite how it displays.
fn check_replacements(table: &LintTable, text: &str, err: &Err) -> Result<(), ConfigError> {
    let Some((key, value)) = table.iter().find(|(k, _)| k.get_ref() == "extra") else {
        return Ok(());
    };
    let Some(entries) = value.get_ref().as_table() else {
        return Ok(()); // the lint's own options parser names the wrong type
    };
    for (wrong, right) in entries {
        // Point at the entry: its key inside the `extra` value, else the value.
        let within = value.span();
        let at = text
            .get(within.clone())
            .and_then(|v| v.find(wrong.as_str()))
            .filter(|_| !wrong.is_empty())
            .map_or(within.clone(), |i| {
                within.start + i..within.start + i + wrong.len()
            });
        let span = Some(if at.is_empty() { key.span() } else { at });
        let Some(right) = right.as_str() else {
            return Err(err(
                span,
                crate::tr!("config.extra-not-string", wrong = wrong.escape_debug()),
            ));
        };
        let problem = if wrong.is_empty() {
            Some(crate::tr!("config.extra-empty"))
        } else if let Some(c) = wrong
            .chars()
            .chain(right.chars())
            .find(|&c| is_unsafe_in_fix(c))
        {
            Some(crate::tr!(
                "config.extra-control",
                character = c.escape_unicode()
            ))
        } else if right.contains(wrong.as_str()) {
            Some(crate::tr!(
                "config.extra-grows",
                right = right,
                wrong = wrong
            ))
        } else {
            None
        };
        if let Some(p) = problem {
            return Err(err(
                span,
                crate::tr!(
                    "config.extra-bad",
                    wrong = wrong.escape_debug(),
                    right = right.escape_debug(),
                    problem = p
                ),
            ));
        }
    }
    Ok(())
}

fn split_switch(table: &LintTable, err: &Err) -> Result<(LintSwitch, toml::Table), ConfigError> {
    let mut rest = toml::Table::new();
    let mut switch = LintSwitch::default();
    for (key, value) in table {
        match key.get_ref().as_str() {
            "enabled" => {
                switch.enabled =
                    Some(value.get_ref().as_bool().ok_or_else(|| {
                        err(Some(value.span()), crate::tr!("config.bad-enabled"))
                    })?);
            }
            "severity" => {
                let s = value.get_ref().as_str().and_then(Severity::parse);
                switch.severity =
                    Some(s.ok_or_else(|| {
                        err(Some(value.span()), crate::tr!("config.bad-severity"))
                    })?);
            }
            other => {
                rest.insert(other.to_owned(), value.get_ref().clone());
            }
        }
    }
    Ok((switch, rest))
}

/// The commented file `reportlint init` writes.
pub fn init_template() -> String {
    let mut out = crate::tr!("init.head");
    for reg in lints::registry() {
        out.push_str(&format!(
            "# [lints.{}]  # {} {}\n# enabled = true\n# severity = \"{}\"\n\n",
            reg.meta.name,
            reg.meta.code,
            reg.meta.localized_summary(),
            reg.meta.default_severity.as_str()
        ));
    }
    out.push_str(&crate::tr!("init.tail"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::from_str_at(Path::new("reportlint.toml"), text)
    }

    #[test]
    fn empty_config_builds_every_lint() {
        let c = parse("").expect("valid");
        assert_eq!(c.lints.len(), lints::registry().len());
    }

    #[test]
    fn sum_mismatch_takes_more_kinds_that_exclude_each_other() {
        let text = "共报告传染病500例，其中甲类传染病230例，乙类传染病300例。";
        let found = |c: &Config| {
            let doc = crate::document::Document::parse("t.txt", text.to_owned());
            let mut out = Vec::new();
            for l in c.lints.iter().filter(|l| l.meta().code == "RL203") {
                l.check(&doc, &mut out);
            }
            out.len()
        };
        assert_eq!(found(&parse("").expect("valid")), 0);
        let c = parse("[lints.sum-mismatch]\npartitions = [[\"甲类\", \"乙类\", \"丙类\"]]\n")
            .expect("valid");
        assert_eq!(found(&c), 1);
        let e = parse("[lints.sum-mismatch]\npartitions = [[\"甲类\"]]\n")
            .err()
            .expect("a set of one kind");
        assert!(e.message.contains("partitions"), "{}", e.message);
        let e = parse("[lints.sum-mismatch]\npartitions = \"甲类\"\n")
            .err()
            .expect("not a list of sets");
        assert!(e.message.contains("sum-mismatch"), "{}", e.message);
    }

    #[test]
    fn errors_point_at_the_offending_line() {
        let text = "include = [\"**/*.txt\"]\n\n[lints.no-such-lint]\nenabled = false\n";
        let e = parse(text).err().expect("error");
        assert!(e.message.contains("no-such-lint"), "{}", e.message);
        let span = e.span.expect("span");
        assert!(text[..span.start].lines().count() >= 2, "{span:?}");

        let e = parse("colour = 1\n").err().expect("unknown key");
        assert!(e.message.contains("colour"), "{}", e.message);
        let e = parse("exclude = [\"a/[\"]\n").err().expect("bad glob");
        assert!(e.message.contains("glob"), "{}", e.message);
        let e = parse("[lints.numbering-mixed-style]\nbracket = true\n")
            .err()
            .expect("bad option");
        assert!(e.message.contains("bracket"), "{}", e.message);
    }

    #[test]
    fn overrides_change_lints_for_matching_paths() {
        let c = parse(
            "[lints.RL104]\nseverity = \"error\"\n[[overrides]]\nfiles = [\"old/**\"]\n[overrides.lints.numbering-mixed-style]\nenabled = false\n",
        )
        .expect("valid");
        let here = c.switch_for("numbering-mixed-style", Path::new("new/a.txt"));
        assert_eq!(
            here,
            LintSwitch {
                enabled: None,
                severity: Some(Severity::Error)
            }
        );
        let there = c.switch_for("numbering-mixed-style", Path::new("old/a.txt"));
        assert_eq!(there.enabled, Some(false));
    }

    #[test]
    fn extra_replacements_that_would_damage_a_report_are_errors_at_their_line() {
        for (entry, says) in [
            ("\"推进\" = \"推进推进\"", "grow"),
            ("\"布署\" = \"部\\u0000署\"", "control character"),
            ("\"布署\" = \"部\\u001b[2J署\"", "control character"),
            ("\"布署\" = \"部\\u202e署\"", "control character"),
            ("\"\" = \"部署\"", "empty"),
        ] {
            let text =
                format!("[lints.confusable]\nextra = {{ \"管梳并举\" = \"管疏并举\", {entry} }}\n");
            let e = parse(&text)
                .err()
                .unwrap_or_else(|| panic!("{entry} accepted"));
            assert!(e.message.contains(says), "{entry}: {}", e.message);
            let span = e.span.expect("span");
            assert_eq!(text[..span.start].lines().count(), 2, "{entry}: line 2");
        }
        parse("[lints.confusable]\nextra = { \"管梳并举\" = \"管疏并举\" }\n").expect("valid");
    }

    #[test]
    fn the_init_template_is_a_valid_config() {
        parse(&init_template()).expect("template parses");
    }
}
