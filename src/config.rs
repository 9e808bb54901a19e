//! `reportlint.toml`: found in the current directory or its ancestors; every key
//! optional, so the file only says what differs from the built-in defaults.

use crate::diagnostic::Severity;
use crate::lints::{self, Lint, Registration};
use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml::Spanned;

pub const FILE_NAME: &str = "reportlint.toml";

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
    #[serde(default)]
    lints: BTreeMap<String, Spanned<toml::Table>>,
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
    lints: BTreeMap<String, Spanned<toml::Table>>,
}

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

/// The effective configuration.
pub struct Config {
    pub path: Option<PathBuf>,
    pub include: GlobSet,
    pub include_patterns: Vec<String>,
    pub exclude: GlobSet,
    pub fail_on: Option<Severity>,
    pub format: Option<String>,
    pub encoding: Option<String>,
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

impl Config {
    /// Built-in defaults only.
    pub fn default_config() -> Config {
        Config::from_str_at(Path::new("<defaults>"), "")
            .unwrap_or_else(|_| unreachable!("empty config is valid"))
    }

    /// Walk from `dir` up to the root; the first `reportlint.toml` wins.
    pub fn discover(dir: &Path) -> Option<PathBuf> {
        dir.ancestors()
            .map(|d| d.join(FILE_NAME))
            .find(|p| p.is_file())
    }

    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read(path).map_err(|e| ConfigError {
            path: path.to_owned(),
            source_text: String::new(),
            span: None,
            message: format!("cannot read the config file: {e}"),
        })?;
        let text = String::from_utf8(text).map_err(|e| ConfigError {
            path: path.to_owned(),
            source_text: String::new(),
            span: None,
            message: format!(
                "the config file is not UTF-8 (byte {})",
                e.utf8_error().valid_up_to()
            ),
        })?;
        let mut config = Config::from_str_at(path, &text)?;
        config.path = Some(path.to_owned());
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
                let glob = Glob::new(g.get_ref())
                    .map_err(|e| err(Some(g.span()), format!("bad glob: {e}")))?;
                b.add(glob);
            }
            // Each glob parses, yet together they can be too large to compile
            // (a glob of a million `?`): point at the list, not at nothing.
            let whole = match (list.first(), list.last()) {
                (Some(a), Some(z)) => Some(a.span().start..z.span().end),
                _ => None,
            };
            b.build().map_err(|e| {
                err(
                    whole,
                    format!("these globs are too long or complex to compile ({e}); shorten them"),
                )
            })
        };
        let include_list: Vec<Spanned<String>> = match &raw.include {
            Some(l) => l.clone(),
            None => DEFAULT_INCLUDE
                .iter()
                .map(|s| Spanned::new(0..0, (*s).to_owned()))
                .collect(),
        };
        let include = globs(&include_list)?;
        let exclude = globs(raw.exclude.as_deref().unwrap_or(&[]))?;
        let fail_on = match &raw.fail_on {
            None => None,
            Some(s) => Some(Severity::parse(s.get_ref()).ok_or_else(|| {
                err(
                    Some(s.span()),
                    format!(
                        "fail-on must be error, warning or info, not `{}`",
                        s.get_ref()
                    ),
                )
            })?),
        };
        if let Some(f) = &raw.format {
            if !crate::render::FORMATS.contains(&f.get_ref().as_str()) {
                return Err(err(
                    Some(f.span()),
                    format!(
                        "unknown format `{}`; expected one of {}",
                        f.get_ref(),
                        crate::render::FORMATS.join(", ")
                    ),
                ));
            }
        }

        let mut switches = BTreeMap::new();
        let mut options: BTreeMap<&'static str, toml::Table> = BTreeMap::new();
        for (name, table) in &raw.lints {
            let reg =
                find(&registry, name).ok_or_else(|| err(Some(table.span()), unknown_lint(name)))?;
            let (switch, rest) = split_switch(table, &err)?;
            switches.insert(reg.meta.name, switch);
            options.insert(reg.meta.name, rest);
        }
        let mut overrides = Vec::new();
        for o in &raw.overrides {
            let files = globs(&o.files)?;
            let mut lints = BTreeMap::new();
            for (name, table) in &o.lints {
                let reg = find(&registry, name)
                    .ok_or_else(|| err(Some(table.span()), unknown_lint(name)))?;
                let (switch, rest) = split_switch(table, &err)?;
                if let Some(key) = rest.keys().next() {
                    return Err(err(
                        Some(table.span()),
                        format!(
                            "`{key}`: overrides may only set `enabled` and `severity` of `{name}`"
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
            let opts = options.remove(reg.meta.name);
            let span = raw
                .lints
                .iter()
                .find(|(n, _)| find(&registry, n).is_some_and(|r| r.meta.name == reg.meta.name));
            let lint = (reg.build)(opts).map_err(|e| {
                err(
                    span.map(|(_, t)| t.span()),
                    format!("[lints.{}]: {e}", reg.meta.name),
                )
            })?;
            built.push(lint);
        }
        Ok(Config {
            path: None,
            include,
            include_patterns: include_list.iter().map(|s| s.get_ref().clone()).collect(),
            exclude,
            fail_on,
            format: raw.format.map(|f| f.into_inner()),
            encoding: raw.encoding.map(|e| e.into_inner()),
            switches,
            overrides,
            lints: built,
            ignores,
        })
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
}

fn find<'a>(registry: &'a [Registration], key: &str) -> Option<&'a Registration> {
    registry
        .iter()
        .find(|r| r.meta.name == key || r.meta.code.eq_ignore_ascii_case(key))
}

fn unknown_lint(name: &str) -> String {
    format!("unknown lint `{name}` (see `reportlint list`)")
}

fn split_switch(
    table: &Spanned<toml::Table>,
    err: &impl Fn(Option<std::ops::Range<usize>>, String) -> ConfigError,
) -> Result<(LintSwitch, toml::Table), ConfigError> {
    let mut rest = table.get_ref().clone();
    let mut switch = LintSwitch::default();
    if let Some(v) = rest.remove("enabled") {
        switch.enabled =
            Some(v.as_bool().ok_or_else(|| {
                err(Some(table.span()), "`enabled` must be true or false".into())
            })?);
    }
    if let Some(v) = rest.remove("severity") {
        let s = v.as_str().and_then(Severity::parse);
        switch.severity = Some(s.ok_or_else(|| {
            err(
                Some(table.span()),
                "`severity` must be \"error\", \"warning\" or \"info\"".into(),
            )
        })?);
    }
    Ok((switch, rest))
}

/// The commented file `reportlint init` writes.
pub fn init_template() -> String {
    let mut out = String::from(
        "# reportlint configuration. Every key is optional: this file only says what\n\
         # differs from the built-in defaults. `reportlint list` shows every lint.\n\n\
         # Files to lint when a directory is given (globs).\n\
         # include = [\"**/*.txt\", \"**/*.md\"]\n\
         # exclude = [\"drafts/**\"]\n\n\
         # Exit with 1 when a finding at or above this severity is found.\n\
         # fail-on = \"error\"\n\n\
         # Output format: human, json or html.\n\
         # format = \"human\"\n\n\
         # Per lint: enabled, severity, and the lint's own options.\n",
    );
    for reg in lints::registry() {
        out.push_str(&format!(
            "# [lints.{}]  # {} {}\n# enabled = true\n# severity = \"{}\"\n\n",
            reg.meta.name,
            reg.meta.code,
            reg.meta.summary,
            reg.meta.default_severity.as_str()
        ));
    }
    out.push_str(
        "# Different settings for some paths:\n\
         # [[overrides]]\n\
         # files = [\"archive/**\"]\n\
         # [overrides.lints.numbering-mixed-style]\n\
         # enabled = false\n",
    );
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
    fn the_init_template_is_a_valid_config() {
        parse(&init_template()).expect("template parses");
    }
}
