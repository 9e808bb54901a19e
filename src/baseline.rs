//! Baselines: accept today's findings, fail only on new ones.
//!
//! `reportlint baseline PATHS` writes `.reportlint-baseline.json`; `--baseline FILE`
//! hides the findings recorded there. A finding is matched by a fingerprint of its
//! path, code, offending text and a few characters around it, not by its line, so
//! it survives edits above it; each recorded finding hides at most one.

use crate::render::Reported;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;

pub const DEFAULT_FILE: &str = ".reportlint-baseline.json";

/// The largest baseline read (about 300 000 recorded findings).
pub const MAX_BYTES: u64 = 64 << 20;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Entry {
    pub path: String,
    pub code: String,
    /// Where it was when recorded (informative only).
    pub line: usize,
    pub snippet: String,
    pub fingerprint: String,
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct File {
    pub version: u32,
    pub findings: Vec<Entry>,
}

/// Fingerprints per path, with how many findings each may hide.
#[derive(Debug, Default)]
pub struct Baseline {
    by_path: HashMap<String, HashMap<String, usize>>,
}

impl Baseline {
    pub fn load(path: &Path) -> Result<Baseline, String> {
        let what = crate::tr!("limits.what-baseline");
        let bytes = std::fs::File::open(path)
            .map_err(crate::limits::ReadError::Io)
            .and_then(|f| crate::limits::read_capped(f, MAX_BYTES))
            .map_err(|e| format!("{}: {}", path.display(), e.message(&what)))?;
        let text = String::from_utf8(bytes)
            .map_err(|_| format!("{}: {}", path.display(), crate::tr!("baseline.not-utf8")))?;
        let file: File = serde_json::from_str(&text).map_err(|e| {
            format!(
                "{}:{}:{}: {}",
                path.display(),
                e.line(),
                e.column(),
                crate::tr!("baseline.not-a-baseline", error = e)
            )
        })?;
        let mut b = Baseline::default();
        for e in file.findings {
            *b.by_path
                .entry(e.path)
                .or_default()
                .entry(e.fingerprint)
                .or_default() += 1;
        }
        Ok(b)
    }

    /// Which of one file's findings the baseline knows (each entry hides one).
    pub fn known(&self, path: &str, findings: &[Reported]) -> Vec<bool> {
        let Some(known) = self.by_path.get(path) else {
            return vec![false; findings.len()];
        };
        let mut left = known.clone();
        findings
            .iter()
            .map(|f| match left.get_mut(&f.fingerprint) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    true
                }
                _ => false,
            })
            .collect()
    }
}

pub fn render(findings: &[Reported]) -> String {
    let file = File {
        version: 1,
        findings: findings
            .iter()
            .map(|f| Entry {
                path: f.path.clone(),
                code: f.code.to_owned(),
                line: f.at.line,
                snippet: f.snippet.clone(),
                fingerprint: f.fingerprint.clone(),
            })
            .collect(),
    };
    let mut s = serde_json::to_string_pretty(&file).unwrap_or_default();
    s.push('\n');
    s
}
