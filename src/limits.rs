//! What one input may cost. Memory follows the input, not the findings: a file is
//! read only up to its size limit (binary files only up to the bytes that show it),
//! and the findings one lint keeps per paragraph and per file are capped, the rest
//! counted in one summary finding that says how many were left out and which
//! setting raises the limit.

use crate::config::Limits;
use crate::diagnostic::Finding;
use crate::document::Document;
use crate::span::Span;
use std::io::Read;
use std::path::Path;

/// Why a capped read failed.
#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
    /// More than the limit, in bytes.
    TooLarge(u64),
}

impl ReadError {
    /// The message, `what` naming what was read (already in the interface language).
    pub fn message(&self, what: &str) -> String {
        match self {
            ReadError::Io(e) => crate::tr!("problem.cannot-read", error = e),
            ReadError::TooLarge(limit) => {
                crate::tr!("limits.too-large", what = what, limit = size(*limit))
            }
        }
    }
}

/// Read at most `limit` bytes from `input`; more is an error naming the limit.
pub fn read_capped(input: impl Read, limit: u64) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    input
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge(limit));
    }
    Ok(bytes)
}

/// `12 MB` / `512 KB` / `100 bytes`.
pub fn size(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 20 => format!("{} MB", b >> 20),
        b if b >= 1 << 10 => format!("{} KB", b >> 10),
        b => crate::tr!("limits.bytes", n = b),
    }
}

/// Read a report from disk: not at all when it is larger than `limit` bytes,
/// only its first bytes when they show it is binary.
pub fn read_input(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    let cannot_read = |e: std::io::Error| crate::tr!("problem.cannot-read", error = e);
    let mut file = std::fs::File::open(path).map_err(cannot_read)?;
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    let too_large = || crate::tr!("limits.file-too-large", limit = size(limit));
    if len > limit {
        return Err(too_large());
    }
    let text_format = !matches!(
        crate::input::support(path),
        crate::input::Support::Read(f) if f.is_container()
    );
    let mut prefix = Vec::with_capacity(8192);
    (&mut file)
        .take(8192)
        .read_to_end(&mut prefix)
        .map_err(cannot_read)?;
    if text_format && crate::decode::binary_prefix(&prefix) {
        return Err(crate::tr!("input.binary"));
    }
    let rest = read_capped(file, limit - prefix.len() as u64).map_err(|e| match e {
        ReadError::Io(e) => cannot_read(e),
        ReadError::TooLarge(_) => too_large(),
    })?;
    prefix.extend_from_slice(&rest);
    Ok(prefix)
}

/// Keep at most `limits.findings_per_paragraph` findings of one lint in each
/// paragraph and `limits.findings_per_file` in the file, in text order; each
/// cut is replaced by one finding of the same lint, where the cut starts, that
/// counts what was left out. `stopped_at` is set when the lint was stopped after
/// that many findings (the count of the rest is then a lower bound).
pub fn cap(doc: &Document, found: &mut Vec<Finding>, limits: Limits, stopped_at: Option<usize>) {
    let small = found.len() <= limits.findings_per_paragraph.min(limits.findings_per_file);
    let Some(meta) = found.first().map(|f| f.meta) else {
        return;
    };
    if small && stopped_at.is_none() {
        return;
    }
    found.sort_by_key(|f| (f.span.start, f.span.end));
    let paragraph = |f: &Finding| {
        doc.paragraphs
            .partition_point(|p| p.span.start <= f.span.start)
    };
    // Per paragraph: (finding or summary, how many findings it stands for).
    let mut kept: Vec<(Finding, usize)> =
        Vec::with_capacity(found.len().min(limits.findings_per_file + 1));
    // The last summary: where it is in `kept`, and what it says.
    let mut last_summary: Option<(usize, Span, Scope)> = None;
    let mut all = std::mem::take(found).into_iter().peekable();
    while let Some(first) = all.next() {
        let at = paragraph(&first);
        let mut n = 1;
        kept.push((first, 1));
        let mut cut = None;
        while let Some(f) = all.next_if(|f| paragraph(f) == at) {
            n += 1;
            if n <= limits.findings_per_paragraph {
                kept.push((f, 1));
            } else if cut.is_none() {
                cut = Some(f.span);
            }
        }
        if let Some(span) = cut {
            let left_out = n - limits.findings_per_paragraph;
            let scope = Scope::Paragraph(limits.findings_per_paragraph, left_out);
            kept.push((summary(meta, span, &scope, None), left_out));
            last_summary = Some((kept.len() - 1, span, scope));
        }
    }
    // Per file.
    if kept.len() > limits.findings_per_file {
        let span = kept[limits.findings_per_file].0.span;
        let left_out = kept[limits.findings_per_file..]
            .iter()
            .map(|(_, n)| n)
            .sum();
        kept.truncate(limits.findings_per_file);
        let scope = Scope::File(limits.findings_per_file, left_out);
        kept.push((summary(meta, span, &scope, None), left_out));
        last_summary = Some((kept.len() - 1, span, scope));
    }
    // A lint stopped early: the last count is a lower bound, and says why.
    if let (Some(budget), Some((i, span, scope))) = (stopped_at, &last_summary) {
        kept[*i].0 = summary(meta, *span, scope, Some(budget));
    }
    found.extend(kept.into_iter().map(|(f, _)| f));
}

enum Scope {
    /// The paragraph's limit, and how many were left out.
    Paragraph(usize, usize),
    /// The file's limit, and how many were left out.
    File(usize, usize),
}

/// The finding that stands for the findings left out; `stopped_at` when the
/// lint was stopped after that many, so that the count is a lower bound.
fn summary(
    meta: &'static crate::lints::LintMeta,
    span: Span,
    scope: &Scope,
    stopped_at: Option<usize>,
) -> Finding {
    let at_least = if stopped_at.is_some() { "至少" } else { "" };
    let (place, n, limit, key) = match *scope {
        Scope::Paragraph(limit, n) => ("本段", n, limit, "max-findings-per-paragraph"),
        Scope::File(limit, n) => ("本文件", n, limit, "max-findings-per-file"),
    };
    let mut help = format!(
        "{place}每条规则最多列出 {limit} 处（reportlint.toml 的 {key}）；同一错误成批出现，多为整段复制或批量替换所致"
    );
    if let Some(budget) = stopped_at {
        help.push_str(&format!("；该规则在本文件找到 {budget} 处后停止检查"));
    }
    Finding::new(
        meta,
        span,
        format!(
            "{place}另有{at_least} {n} 处「{}」问题未逐一列出",
            meta.name
        ),
    )
    .primary("此后不再逐一列出")
    .help(help)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        let decoded = crate::decode::decode(text.as_bytes()).expect("text");
        Document::build("t.txt", decoded, None, None)
    }

    fn findings(doc: &Document, every: &str) -> Vec<Finding> {
        let meta = &crate::lints::typo::unbalanced_pair::META;
        doc.text
            .match_indices(every)
            .map(|(i, m)| Finding::new(meta, Span::new(i, i + m.len()), "x"))
            .collect()
    }

    #[test]
    fn a_flood_in_one_paragraph_keeps_the_first_and_counts_the_rest() {
        let d = doc(&format!("{}\n", "甲“".repeat(500)));
        let mut f = findings(&d, "“");
        let limits = Limits {
            findings_per_paragraph: 10,
            ..Limits::default()
        };
        cap(&d, &mut f, limits, None);
        assert_eq!(f.len(), 11);
        assert!(f[10].message.contains("另有 490 处"), "{}", f[10].message);
    }

    #[test]
    fn a_flood_over_many_paragraphs_is_cut_per_file_with_the_count() {
        let d = doc(&"一、甲“。\n\n".repeat(3000));
        let mut f = findings(&d, "“");
        cap(&d, &mut f, Limits::default(), None);
        assert_eq!(f.len(), 1001);
        assert!(
            f[1000].message.contains("另有 2000 处"),
            "{}",
            f[1000].message
        );
    }

    #[test]
    fn findings_within_the_limits_are_untouched() {
        let d = doc("甲“乙\n丙“\n");
        let mut f = findings(&d, "“");
        cap(&d, &mut f, Limits::default(), None);
        assert_eq!(f.len(), 2);
    }

    #[test]
    fn binary_containers_are_read_whole_and_text_files_with_nul_bytes_are_not() {
        let dir = tempfile::tempdir().expect("temp dir");
        let bytes = b"%PDF-1.7\n%\x00\xe2\xe3\n1 0 obj\n".repeat(10);
        for name in ["a.pdf", "a.docx"] {
            let path = dir.path().join(name);
            std::fs::write(&path, &bytes).expect("write");
            assert_eq!(
                read_input(&path, 1 << 20).as_deref(),
                Ok(&bytes[..]),
                "{name}"
            );
        }
        let text = dir.path().join("a.txt");
        std::fs::write(&text, &bytes).expect("write");
        assert!(read_input(&text, 1 << 20).is_err());
    }
}
