//! Inline suppression directives, read once when the document is built:
//! `reportlint-disable-next-line CODE[,CODE]`, and `reportlint-disable CODE` …
//! `reportlint-enable CODE` (no code: every lint). In Markdown they are written
//! in an HTML comment; in text, on a line of their own. The pipeline applies
//! them to findings (`crate::suppress`).

use super::Document;
use crate::span::Span;

const NEXT_LINE: &str = "reportlint-disable-next-line";
const DISABLE: &str = "reportlint-disable";
const ENABLE: &str = "reportlint-enable";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// 0-based line the directive covers.
    NextLine(usize),
    /// 0-based lines from the directive to the matching enable (or the end).
    Range(usize, usize),
}

#[derive(Debug, Clone)]
pub struct Directive {
    /// The directive's own text in the document.
    pub span: Span,
    /// Codes or names as written; empty means every lint.
    pub codes: Vec<(String, Span)>,
    pub scope: Scope,
}

/// Every directive in the text, with its scope resolved.
pub fn parse(text: &str, doc: &Document) -> Vec<Directive> {
    let mut out = Vec::new();
    // Range directives awaiting an enable: all of them in order, and by their
    // code list, so that an enable finds its disable without scanning every
    // open one (closed entries are skipped when met: each is passed once).
    let mut open: Vec<usize> = Vec::new();
    let mut open_by_codes: std::collections::HashMap<Vec<String>, Vec<usize>> =
        std::collections::HashMap::new();
    let mut closed: Vec<bool> = Vec::new();
    let last_line = doc.lines.line_count().saturating_sub(1);
    let mut pos = 0;
    while let Some(found) = text[pos..].find("reportlint-") {
        let at = pos + found;
        pos = at + "reportlint-".len();
        let rest = &text[at..];
        let (kind, len) = if rest.starts_with(NEXT_LINE) {
            (NEXT_LINE, NEXT_LINE.len())
        } else if rest.starts_with(DISABLE) {
            (DISABLE, DISABLE.len())
        } else if rest.starts_with(ENABLE) {
            (ENABLE, ENABLE.len())
        } else {
            continue;
        };
        let line = doc.lines.line_of(at);
        let line_end = doc.lines.line_range(text, line).end;
        let args_start = at + len;
        let args_end = text[args_start..line_end]
            .find("-->")
            .map_or(line_end, |i| args_start + i);
        let codes = split_codes(text, args_start, args_end);
        let span = Span::new(at, args_end);
        match kind {
            NEXT_LINE => {
                let target = (line + 1..=last_line)
                    .find(|&l| !text[doc.lines.line_range(text, l)].trim().is_empty())
                    .unwrap_or(line + 1);
                out.push(Directive {
                    span,
                    codes,
                    scope: Scope::NextLine(target),
                });
            }
            DISABLE => {
                open.push(out.len());
                open_by_codes
                    .entry(codes.iter().map(|c| c.0.clone()).collect())
                    .or_default()
                    .push(out.len());
                out.push(Directive {
                    span,
                    codes,
                    scope: Scope::Range(line, last_line),
                });
            }
            _ => {
                // Close the latest open range with the same codes (or any, if none given).
                closed.resize(out.len(), false);
                let stack = if codes.is_empty() {
                    Some(&mut open)
                } else {
                    let key: Vec<String> = codes.iter().map(|c| c.0.clone()).collect();
                    open_by_codes.get_mut(&key)
                };
                let mut found = None;
                if let Some(stack) = stack {
                    while let Some(i) = stack.pop() {
                        if !closed[i] {
                            found = Some(i);
                            break;
                        }
                    }
                }
                if let Some(i) = found {
                    closed[i] = true;
                    if let Scope::Range(a, _) = out[i].scope {
                        out[i].scope = Scope::Range(a, line);
                    }
                }
            }
        }
        pos = args_end.max(pos);
    }
    out
}

fn split_codes(text: &str, start: usize, end: usize) -> Vec<(String, Span)> {
    let mut out = Vec::new();
    let mut at = start;
    for piece in text[start..end].split([',', ' ', '\t', '，']) {
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            let off = at + (piece.len() - piece.trim_start().len());
            out.push((trimmed.to_owned(), Span::new(off, off + trimmed.len())));
        }
        at += piece.len() + 1;
    }
    out
}
