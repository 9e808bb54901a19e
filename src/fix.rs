//! `--fix` and `--diff`: apply the certain replacements findings carry, re-lint
//! until nothing more changes, and write the file back in its own encoding.

use crate::config::Config;
use crate::diagnostic::{Finding, Fix};
use crate::document::Document;
use crate::input::{self, Problem};
use crate::pipeline::{self, FileOutcome, RunOptions, Selection};
use std::path::Path;

/// At most this many lint-and-fix rounds. A fix can reveal another finding (a
/// doubled mark next to a replaced word, the next of 33 repeats), so rounds go on
/// until nothing changes; a run that has not settled by then says so and how
/// many fixes are left, rather than looping on a fix that keeps making work.
const MAX_ROUNDS: usize = 32;

/// Apply the fixes that do not overlap an earlier one to `text`, whose byte
/// offsets the spans are in. Returns the new text and how many were applied.
/// `linted` is the text the lints saw (a masked copy of `text`, or `text`): a fix
/// applies only where both agree, and never touches a line break.
pub fn apply(text: &str, linted: &str, fixes: &[&Fix]) -> (String, usize) {
    let mut sorted: Vec<&Fix> = fixes.to_vec();
    sorted.sort_by_key(|f| (f.span.start, f.span.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    let mut applied = 0;
    let mut last_insertion = None;
    for f in sorted {
        let (s, e) = (f.span.start, f.span.end);
        let ok = s >= at
            && e >= s
            && e <= text.len()
            && text.is_char_boundary(s)
            && text.is_char_boundary(e)
            && text.get(s..e) == linted.get(s..e)
            && !text[s..e].contains(['\n', '\r'])
            && !f.replacement.contains(['\n', '\r'])
            && text[s..e] != f.replacement;
        // Two insertions at one point would be applied in an arbitrary order.
        let clashes = e == s && last_insertion == Some(s);
        if !ok || clashes {
            continue;
        }
        out.push_str(&text[at..s]);
        out.push_str(&f.replacement);
        at = e;
        applied += 1;
        if s == e {
            last_insertion = Some(s);
        }
    }
    out.push_str(&text[at..]);
    (out, applied)
}

/// Whether GB18030 bytes hold a four-byte sequence (a character outside GBK):
/// a lead byte 0x81–0xFE followed by a digit byte 0x30–0x39.
fn has_four_byte_gb18030(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] < 0x80 {
            i += 1;
        } else if bytes.get(i + 1).is_some_and(|b| (0x30..=0x39).contains(b)) {
            return true;
        } else {
            i += 2;
        }
    }
    false
}

/// What fixing one file did.
#[derive(Debug, Default)]
pub struct FixOutcome {
    /// The findings left after fixing, reported as usual.
    pub outcome: FileOutcome,
    /// Fixes applied over all rounds.
    pub applied: usize,
    /// A unified diff of the change (when asked for and something changed).
    pub diff: Option<String>,
    /// The bytes to write, when something changed.
    pub new_bytes: Option<Vec<u8>>,
}

fn failed(name: &str, why: String) -> FixOutcome {
    FixOutcome {
        outcome: FileOutcome {
            name: name.to_owned(),
            error: Some(format!("{name}: {why}")),
            ..FileOutcome::default()
        },
        ..FixOutcome::default()
    }
}

fn parse(
    name: &str,
    path: &Path,
    bytes: &[u8],
    encoding: Option<&str>,
) -> Result<Document, String> {
    match input::prepare(path, bytes, encoding) {
        Ok(p) => Ok(Document::build(
            name,
            p.decoded,
            p.original,
            p.format.delimited(),
        )),
        Err(Problem::Skipped(why) | Problem::Unreadable(why)) => Err(why),
    }
}

/// Lint `bytes` and apply fixes until stable; nothing is written here.
pub fn fix_bytes(
    name: &str,
    path: &Path,
    bytes: &[u8],
    config: &Config,
    opts: &RunOptions,
    want_diff: bool,
) -> FixOutcome {
    let default = Selection::default();
    let sel = opts.selection.unwrap_or(&default);
    let mut doc = match parse(name, path, bytes, config.encoding.as_deref()) {
        Ok(d) => d,
        Err(why) => return failed(name, why),
    };
    if doc.source.malformed > 0 {
        return failed(name, crate::tr!("fix.undecodable"));
    }
    let (encoding, bom) = (doc.source.encoding, doc.source.bom);
    let Some(enc) = encoding_rs::Encoding::for_label(encoding.as_bytes()) else {
        return failed(name, crate::tr!("fix.cannot-encode", encoding = encoding));
    };
    let before = doc.display_text().to_owned();
    let mut current = bytes.to_vec();
    let mut applied = 0;
    // A .docx is read as text but is not text: writing it back would destroy it.
    let writable = crate::input::format_of(path) != crate::input::Format::Docx;
    let mut settled = !writable;
    for _ in 0..if writable { MAX_ROUNDS } else { 0 } {
        let findings = match pipeline::lint_document_isolated(&doc, path, config, sel) {
            Ok(f) => f,
            Err(why) => return failed(name, why),
        };
        let fixes: Vec<&Fix> = findings
            .iter()
            .filter_map(|f: &Finding| f.fix.as_ref())
            .collect();
        if fixes.is_empty() {
            settled = true;
            break;
        }
        let (text, n) = apply(doc.display_text(), &doc.text, &fixes);
        if n == 0 || text == doc.display_text() {
            settled = true;
            break;
        }
        let Some(encoded) = crate::decode::encode(&text, enc, bom) else {
            return failed(
                name,
                crate::tr!("fix.replacement-unencodable", encoding = encoding),
            );
        };
        // A GBK file is read as GB18030, its superset: a replacement outside GBK
        // would silently make it a GB18030 file that GBK readers cannot open.
        if enc == encoding_rs::GB18030 && !has_four_byte_gb18030(bytes) {
            if let Some(wide) = fixes
                .iter()
                .find(|f| has_four_byte_gb18030(&enc.encode(&f.replacement).0))
            {
                return failed(
                    name,
                    crate::tr!("fix.not-gbk", replacement = wide.replacement),
                );
            }
        }
        doc = match parse(name, path, &encoded, Some(encoding)) {
            Ok(d) => d,
            Err(why) => return failed(name, why),
        };
        current = encoded;
        applied += n;
    }
    let mut outcome = pipeline::report(&doc, path, config, opts);
    let left = outcome.reported.iter().filter(|r| r.fix.is_some()).count();
    if !settled && left > 0 {
        outcome.note = Some(format!(
            "{name}: {}",
            crate::trn!("fix.unsettled", left, rounds = MAX_ROUNDS)
        ));
    }
    if !writable {
        outcome.note = Some(format!("{name}: {}", crate::tr!("fix.docx-note")));
    }
    let changed = current != bytes;
    let diff = (want_diff && changed).then(|| unified_diff(name, &before, doc.display_text()));
    FixOutcome {
        outcome,
        applied,
        diff,
        new_bytes: changed.then_some(current),
    }
}

/// Fix a file on disk: write it back (unless only a diff is wanted), refusing
/// read-only files and files that changed since they were read.
pub fn fix_file(path: &Path, config: &Config, opts: &RunOptions, diff_only: bool) -> FixOutcome {
    fix_named(path, &path.display().to_string(), config, opts, diff_only)
}

/// [`fix_file`] for the file at `path` known by its canonical `name` (what the
/// config's overrides match and the output shows).
pub fn fix_named(
    path: &Path,
    name: &str,
    config: &Config,
    opts: &RunOptions,
    diff_only: bool,
) -> FixOutcome {
    pipeline::isolated(name, || fix_read(path, name, config, opts, diff_only))
}

impl pipeline::WithError for FixOutcome {
    fn with_error(name: &str, error: String) -> Self {
        FixOutcome {
            outcome: FileOutcome::with_error(name, error),
            ..FixOutcome::default()
        }
    }
}

fn fix_read(
    path: &Path,
    name: &str,
    config: &Config,
    opts: &RunOptions,
    diff_only: bool,
) -> FixOutcome {
    let name = name.to_owned();
    let bytes = match crate::limits::read_input(path, config.limits.file_bytes) {
        Ok(b) => b,
        Err(why) => return failed(&name, why),
    };
    let mut result = fix_bytes(&name, Path::new(&name), &bytes, config, opts, diff_only);
    if diff_only || result.outcome.error.is_some() {
        return result;
    }
    let Some(new_bytes) = &result.new_bytes else {
        return result;
    };
    // Read-only files, files the user may not write, files with hard links and
    // files changed since they were read are refused there.
    let why = crate::fsutil::write_atomic_if_unchanged(path, new_bytes, &bytes)
        .err()
        .map(|e| crate::tr!("fix.not-fixed", error = e));
    if let Some(why) = why {
        result.outcome.error = Some(format!("{name}: {why}"));
        result.applied = 0;
    }
    result
}

/// A unified diff of two texts, with `a/` and `b/` file headers.
pub fn unified_diff(name: &str, before: &str, after: &str) -> String {
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(2)
        .header(
            &crate::render::escape::diff_name(&format!("a/{name}")),
            &crate::render::escape::diff_name(&format!("b/{name}")),
        )
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn fix(s: usize, e: usize, r: &str) -> Fix {
        Fix {
            span: Span::new(s, e),
            replacement: r.to_owned(),
        }
    }

    #[test]
    fn overlapping_fixes_apply_the_first_only() {
        let t = "再接再励，布署";
        let a = fix(0, 12, "再接再厉");
        let b = fix(6, 12, "厉");
        let c = fix(15, 21, "部署");
        let (out, n) = apply(t, t, &[&b, &a, &c]);
        assert_eq!(out, "再接再厉，部署");
        assert_eq!(n, 2);
    }

    #[test]
    fn fixes_never_touch_line_breaks_or_masked_text() {
        let t = "甲\r\n乙";
        let (out, n) = apply(t, t, &[&fix(3, 5, "")]);
        assert_eq!((out.as_str(), n), (t, 0));
        let (out, n) = apply("`布署`", "      ", &[&fix(1, 7, "部署")]);
        assert_eq!((out.as_str(), n), ("`布署`", 0));
    }

    #[test]
    fn a_second_insertion_at_one_point_waits_for_the_next_round() {
        let (out, n) = apply(
            "甲乙",
            "甲乙",
            &[&fix(3, 3, "，"), &fix(3, 3, "、"), &fix(3, 6, "丙")],
        );
        assert_eq!((out.as_str(), n), ("甲，丙", 2));
    }

    #[test]
    fn spans_off_char_boundaries_are_skipped() {
        let (out, n) = apply("布署", "布署", &[&fix(1, 6, "x")]);
        assert_eq!((out.as_str(), n), ("布署", 0));
    }
}
