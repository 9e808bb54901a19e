//! Which files to lint. Files named on the command line are always linted;
//! folders are walked with the config's `include`/`exclude` (relative to the
//! project root of each file), `.gitignore` honoured inside a git work tree
//! only, hidden files kept; glob patterns use the config's glob dialect.
//! Every file gets its canonical name and the settings that apply to it.

use crate::config::{Config, ConfigError};
use crate::input::{self, Support};
use crate::paths;
use crate::settings::{Resolver, Source};
use globset::GlobSetBuilder;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// One file to lint.
pub struct Target {
    /// Absolute, normalized: where to read it.
    pub path: PathBuf,
    /// Canonical: relative to the project root, `/`-separated.
    pub name: String,
    pub config: Arc<Config>,
    /// Why it cannot be read, when reportlint knows the kind but not the format.
    pub unsupported: Option<String>,
}

impl Target {
    /// The canonical name as a path: what `exclude`, overrides and `[[ignore]]` match.
    pub fn rel(&self) -> &Path {
        Path::new(&self.name)
    }
}

/// How folders are walked.
#[derive(Debug, Clone, Copy, Default)]
pub struct Walk {
    /// Read no ignore file (`--no-ignore`).
    pub no_ignore: bool,
    /// Apply `exclude` to files named on the command line too (`--force-exclude`).
    pub force_exclude: bool,
}

#[derive(Default)]
pub struct Found {
    pub targets: Vec<Target>,
    /// Arguments that named nothing, or could not be walked.
    pub errors: Vec<(String, String)>,
    /// Config files that could not be loaded (each once).
    pub config_errors: Vec<ConfigError>,
}

/// Folders that are never reports: version control and tool caches.
const SKIPPED_DIRS: &[&str] = &[
    ".git",
    ".hg",
    ".svn",
    ".bzr",
    ".jj",
    "node_modules",
    ".venv",
    "__pycache__",
    ".tox",
    ".mypy_cache",
    ".pytest_cache",
    ".ruff_cache",
];

/// Lock files Word and LibreOffice leave beside an open document.
fn is_office_lock_file(name: &str) -> bool {
    name.starts_with("~$") || (name.starts_with(".~lock.") && name.ends_with('#'))
}

fn is_glob(s: &str) -> bool {
    s.contains(['*', '?', '[', '{'])
}

struct Finder<'r> {
    resolver: &'r Resolver,
    walk: Walk,
    found: BTreeMap<PathBuf, Target>,
    errors: Vec<(String, String)>,
    config_errors: BTreeMap<PathBuf, ConfigError>,
}

impl Finder<'_> {
    fn config(&mut self, abs: &Path) -> Option<Arc<Config>> {
        match self.resolver.for_path(abs, false) {
            Ok(c) => Some(c),
            Err(e) => {
                self.config_errors.entry(e.path.clone()).or_insert(e);
                None
            }
        }
    }

    fn add(&mut self, abs: PathBuf, config: Arc<Config>, unsupported: Option<String>) {
        let name = paths::canonical_name(&abs, &config.root);
        // One file reached by several paths (`a.txt`, a link to it, `d/../a.txt`
        // through a linked folder) is linted and fixed once, under the first name.
        let key = std::fs::canonicalize(&abs).unwrap_or_else(|_| abs.clone());
        self.found.entry(key).or_insert(Target {
            path: abs,
            name,
            config,
            unsupported,
        });
    }

    /// A file the user named (or a glob of theirs matched): linted whatever
    /// `include`, ignore files or hidden names say.
    fn named(&mut self, abs: PathBuf) {
        let Some(config) = self.config(&abs) else {
            return;
        };
        let rel = PathBuf::from(paths::canonical_name(&abs, &config.root));
        if self.walk.force_exclude && config.excludes(&rel) {
            return;
        }
        let unsupported = match input::support(&abs) {
            Support::Unsupported(why) => Some(why),
            Support::Read(_) => None,
        };
        self.add(abs, config, unsupported);
    }

    fn walk(&mut self, root: &Path) {
        let mut b = ignore::WalkBuilder::new(root);
        b.hidden(false)
            .ignore(false)
            .parents(!self.walk.no_ignore)
            .git_ignore(!self.walk.no_ignore)
            .git_global(!self.walk.no_ignore)
            .git_exclude(!self.walk.no_ignore)
            .require_git(true)
            .follow_links(false)
            .sort_by_file_name(|a, b| a.cmp(b))
            .filter_entry(|e| {
                let name = e.file_name().to_string_lossy();
                let dir = e.file_type().is_some_and(|t| t.is_dir());
                let skipped = if dir {
                    e.depth() > 0 && SKIPPED_DIRS.contains(&name.as_ref())
                } else {
                    is_office_lock_file(&name)
                };
                !skipped
            });
        for entry in b.build() {
            match entry {
                Ok(e) if e.file_type().is_some_and(|t| t.is_file()) => {
                    let abs = e.path().to_owned();
                    let Some(config) = self.config(&abs) else {
                        continue;
                    };
                    let rel = PathBuf::from(paths::canonical_name(&abs, &config.root));
                    if config.excludes(&rel) {
                        continue;
                    }
                    if config.include.is_match(&rel) {
                        let unsupported = match input::support(&abs) {
                            Support::Unsupported(why) => Some(why),
                            Support::Read(_) => None,
                        };
                        self.add(abs, config, unsupported);
                    } else if config.include_is_default {
                        // A report in a format that is not read is said, not passed over.
                        if let Support::Unsupported(why) = input::support(&abs) {
                            self.add(abs, config, Some(why));
                        }
                    }
                }
                Ok(_) => {}
                Err(e) => self.errors.push((
                    paths::slashed(root),
                    crate::tr!("discover.cannot-walk", error = e),
                )),
            }
        }
    }

    /// A glob typed on the command line: files under its literal prefix whose
    /// path, spelled as the user spelled the prefix, the glob matches.
    fn glob(&mut self, arg: &str) {
        let built = globset::GlobBuilder::new(arg.strip_prefix("./").unwrap_or(arg))
            .literal_separator(true)
            .backslash_escape(cfg!(not(windows)))
            .build()
            .and_then(|g| GlobSetBuilder::new().add(g).build());
        let set = match built {
            Ok(s) => s,
            Err(e) => {
                self.errors
                    .push((arg.to_owned(), crate::tr!("discover.bad-glob", error = e)));
                return;
            }
        };
        let typed_base: PathBuf = Path::new(arg)
            .components()
            .take_while(|c| !is_glob(&c.as_os_str().to_string_lossy()))
            .collect();
        let base = paths::absolute(&typed_base, self.resolver.cwd());
        let before = self.found.len();
        let walker = ignore::WalkBuilder::new(&base)
            .standard_filters(false)
            .follow_links(false)
            .sort_by_file_name(|a, b| a.cmp(b))
            .filter_entry(|e| {
                let dir = e.file_type().is_some_and(|t| t.is_dir());
                !(dir
                    && e.depth() > 0
                    && SKIPPED_DIRS.contains(&e.file_name().to_string_lossy().as_ref()))
            })
            .build();
        let mut dirs = Vec::new();
        for e in walker.flatten() {
            let rel = e.path().strip_prefix(&base).unwrap_or(e.path());
            let typed = paths::normalize(&typed_base.join(rel));
            if e.depth() == 0 || !set.is_match(&typed) {
                continue;
            }
            if e.file_type().is_some_and(|t| t.is_file()) {
                self.named(e.path().to_owned());
            } else if e.file_type().is_some_and(|t| t.is_dir()) {
                dirs.push(e.path().to_owned());
            }
        }
        for d in dirs {
            self.walk(&d);
        }
        if self.found.len() == before {
            self.errors
                .push((arg.to_owned(), crate::tr!("discover.no-match")));
        }
    }
}

/// Find every file the arguments name.
pub fn find(args: &[String], resolver: &Resolver, walk: Walk) -> Found {
    let mut f = Finder {
        resolver,
        walk,
        found: BTreeMap::new(),
        errors: Vec::new(),
        config_errors: BTreeMap::new(),
    };
    for arg in args {
        let abs = paths::absolute(Path::new(arg), resolver.cwd());
        if abs.is_file() {
            f.named(abs);
        } else if abs.is_dir() {
            f.walk(&abs);
        } else if is_glob(arg) {
            f.glob(arg);
        } else {
            f.errors
                .push((arg.clone(), crate::tr!("discover.no-such-file")));
        }
    }
    let mut targets: Vec<Target> = f.found.into_values().collect();
    targets.sort_by(|a, b| a.name.cmp(&b.name));
    Found {
        targets,
        errors: f.errors,
        config_errors: f.config_errors.into_values().collect(),
    }
}

/// The files a run over `args` with built-in settings would read (for tools and
/// benchmarks): readable files only, as absolute paths.
#[derive(Debug, Default)]
pub struct Discovered {
    pub files: Vec<PathBuf>,
    pub errors: Vec<String>,
}

pub fn discover(args: &[String], _config: &Config) -> Discovered {
    let cwd = std::env::current_dir().unwrap_or_default();
    let resolver = Resolver::new(Source::Isolated, cwd.clone(), None);
    let found = find(args, &resolver, Walk::default());
    // Spelled as the argument that found it: callers strip their own prefix.
    let typed: Vec<(PathBuf, &String)> = args
        .iter()
        .map(|a| (paths::absolute(Path::new(a), &cwd), a))
        .collect();
    let spelled = |p: PathBuf| {
        typed
            .iter()
            .find_map(|(abs, arg)| {
                let rest = p.strip_prefix(abs).ok()?;
                Some(if rest.as_os_str().is_empty() {
                    PathBuf::from(arg)
                } else {
                    Path::new(arg).join(rest)
                })
            })
            .unwrap_or(p)
    };
    Discovered {
        files: found
            .targets
            .into_iter()
            .filter(|t| t.unsupported.is_none())
            .map(|t| spelled(t.path))
            .collect(),
        errors: found
            .errors
            .into_iter()
            .map(|(a, why)| format!("{a}: {why}"))
            .collect(),
    }
}
