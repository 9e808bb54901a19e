//! Which files to lint: explicit files, directories walked with `.gitignore`
//! respected and the config's include/exclude globs, and glob patterns.

use crate::config::Config;
use std::path::{Path, PathBuf};

#[derive(Debug, Default)]
pub struct Discovered {
    pub files: Vec<PathBuf>,
    /// Arguments that named nothing, or could not be walked.
    pub errors: Vec<String>,
}

fn is_glob(s: &str) -> bool {
    s.contains(['*', '?', '['])
}

pub fn discover(args: &[String], config: &Config) -> Discovered {
    let mut out = Discovered::default();
    for arg in args {
        let path = Path::new(arg);
        if path.is_file() {
            out.files.push(path.to_owned());
        } else if path.is_dir() {
            walk(path, config, &mut out);
        } else if is_glob(arg) {
            match glob::glob(arg) {
                Ok(paths) => {
                    let before = out.files.len();
                    for p in paths.flatten() {
                        if p.is_file() {
                            out.files.push(p);
                        } else if p.is_dir() {
                            walk(&p, config, &mut out);
                        }
                    }
                    if out.files.len() == before {
                        out.errors
                            .push(format!("{arg}: the pattern matches no file"));
                    }
                }
                Err(e) => out.errors.push(format!("{arg}: bad glob pattern: {e}")),
            }
        } else {
            out.errors.push(format!("{arg}: no such file or directory"));
        }
    }
    out.files.sort();
    out.files.dedup();
    out
}

fn walk(root: &Path, config: &Config, out: &mut Discovered) {
    let walker = ignore::WalkBuilder::new(root)
        .require_git(false)
        .follow_links(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .build();
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_some_and(|t| t.is_file()) => {
                let p = e.path();
                let rel = p.strip_prefix(root).unwrap_or(p);
                if config.include.is_match(rel)
                    && !config.exclude.is_match(rel)
                    && !config.exclude.is_match(p)
                {
                    out.files.push(p.to_owned());
                }
            }
            Ok(_) => {}
            Err(e) => out.errors.push(format!("{}: {e}", root.display())),
        }
    }
}
