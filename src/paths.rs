//! One canonical form for every path: relative to the project root, with `/`
//! between components. Baseline fingerprints, `exclude`, `[[overrides]]`,
//! `[[ignore]]` and every output use it, so `reports/a.txt`, `./reports/a.txt`,
//! `$PWD/reports/a.txt` and `a.txt` typed inside `reports/` are one file.

use std::path::{Component, Path, PathBuf};

/// `path` made absolute against `cwd` and cleaned of `.` and `..` without
/// touching the file system (a symbolic link stays the path the user gave).
pub fn absolute(path: &Path, cwd: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_owned()
    } else {
        cwd.join(path)
    };
    normalize(&joined)
}

/// Remove `.` components and resolve `..` against the component before it.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// The nearest folder at or above `dir` that is the top of a git work tree.
pub fn repository_root(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .find(|d| d.join(".git").exists())
        .map(Path::to_owned)
}

/// The project root of a file without a config file: its repository's root,
/// else the current directory.
pub fn default_root(dir: &Path, cwd: &Path) -> PathBuf {
    repository_root(dir).unwrap_or_else(|| cwd.to_owned())
}

/// The canonical name of `abs` (absolute, normalized) under `root`: relative with
/// `/` separators; a file outside the root keeps its absolute path.
pub fn canonical_name(abs: &Path, root: &Path) -> String {
    match abs.strip_prefix(root) {
        Ok(rel) if !rel.as_os_str().is_empty() => slashed(rel),
        _ => slashed(abs),
    }
}

/// A path with `/` between its components on every platform.
pub fn slashed(p: &Path) -> String {
    let parts: Vec<String> = p
        .components()
        .filter_map(|c| match c {
            Component::RootDir => Some(String::new()),
            Component::Prefix(p) => Some(p.as_os_str().to_string_lossy().into_owned()),
            Component::CurDir => None,
            // A name that is not UTF-8 keeps its bytes visible (`\xb1`), so two
            // such names never print alike.
            other => Some(crate::render::escape::os_str(other.as_os_str()).into_owned()),
        })
        .collect();
    let joined = parts.join("/");
    if joined.is_empty() {
        "/".to_owned()
    } else {
        joined
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_of_a_path_gives_one_name() {
        let root = Path::new("/p/proj");
        let cwd = Path::new("/p/proj");
        for typed in ["x/a.txt", "./x/a.txt", "/p/proj/x/a.txt", "x/../x/./a.txt"] {
            let abs = absolute(Path::new(typed), cwd);
            assert_eq!(canonical_name(&abs, root), "x/a.txt", "{typed}");
        }
        let inside = absolute(Path::new("a.txt"), Path::new("/p/proj/x"));
        assert_eq!(canonical_name(&inside, root), "x/a.txt");
        let outside = absolute(Path::new("../q/b.txt"), cwd);
        assert_eq!(canonical_name(&outside, root), "/p/q/b.txt");
    }
}
