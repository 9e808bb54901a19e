//! Finds the Chinese documentation of the lints, `src/lints/<family>/<lint>.zh.md`
//! beside each `<lint>.rs`, and lists it for `meta.rs` to include: a lint
//! without one still builds (a test names it), and a new file needs no other edit.

use std::fmt::Write;
use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-changed=src/lints");
    let mut found = Vec::new();
    collect(Path::new("src/lints"), &mut found);
    found.sort();
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let mut out = String::from("/// (lint name, Chinese docs), from `src/lints/**/*.zh.md`.\npub static ZH_DOCS: &[(&str, &str)] = &[\n");
    for path in found {
        let stem = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".zh.md"))
            .unwrap_or_default()
            .replace('_', "-");
        let full = Path::new(&manifest).join(&path);
        let _ = writeln!(
            out,
            "    ({stem:?}, include_str!({:?})),",
            full.display().to_string()
        );
    }
    out.push_str("];\n");
    let dest = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("zh_docs.rs");
    if let Err(e) = std::fs::write(&dest, out) {
        panic!("cannot write {}: {e}", dest.display());
    }
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.to_str().is_some_and(|p| p.ends_with(".zh.md")) {
            out.push(path);
        }
    }
}
