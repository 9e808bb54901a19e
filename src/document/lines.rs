//! Byte offset <-> (line, column) conversion.

/// Start offsets of every line. Lines end at `\n`, `\r\n` or a lone `\r`.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

/// A 1-based line and column; the column counts characters, not bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while let Some(off) = memchr_eol(&bytes[i..]) {
            let at = i + off;
            let next = if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                at + 2
            } else {
                at + 1
            };
            starts.push(next);
            i = next;
        }
        LineIndex { starts }
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// 0-based index of the line holding `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    pub fn line_start(&self, line: usize) -> usize {
        self.starts[line.min(self.starts.len() - 1)]
    }

    /// The byte range of a 0-based line, without its line terminator.
    pub fn line_range(&self, text: &str, line: usize) -> std::ops::Range<usize> {
        let start = self.line_start(line);
        let mut end = self.starts.get(line + 1).copied().unwrap_or(text.len());
        let b = text.as_bytes();
        while end > start && (b[end - 1] == b'\n' || b[end - 1] == b'\r') {
            end -= 1;
        }
        start..end
    }

    /// 1-based line and character column of a byte offset (clamped to the text).
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let start = self.starts[line].min(offset);
        LineCol {
            line: line + 1,
            column: text[start..offset].chars().count() + 1,
        }
    }

    /// Inverse of [`line_col`](Self::line_col); `None` when out of range.
    pub fn offset_of(&self, text: &str, at: LineCol) -> Option<usize> {
        let line = at.line.checked_sub(1)?;
        if line >= self.starts.len() {
            return None;
        }
        let range = self.line_range(text, line);
        let mut chars = text[range.clone()].char_indices();
        let col = at.column.checked_sub(1)?;
        match chars.nth(col) {
            Some((i, _)) => Some(range.start + i),
            None if text[range.clone()].chars().count() == col => Some(range.end),
            None => None,
        }
    }
}

fn memchr_eol(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == b'\n' || c == b'\r')
}

/// The largest char boundary not after `i`.
pub fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_on_every_line_ending() {
        let text = "一二\r\n三x\r四\n五";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 4);
        let off = text.find('x').unwrap_or(0);
        assert_eq!(idx.line_col(text, off), LineCol { line: 2, column: 2 });
        let off = text.find('五').unwrap_or(0);
        assert_eq!(idx.line_col(text, off), LineCol { line: 4, column: 1 });
        assert_eq!(idx.line_range(text, 0), 0..6);
    }

    #[test]
    fn offset_round_trips() {
        let text = "甲乙丙\n\nabc“丁”\r\n";
        let idx = LineIndex::new(text);
        for (i, _) in text.char_indices() {
            let lc = idx.line_col(text, i);
            if text[i..].starts_with(['\n', '\r']) {
                continue;
            }
            assert_eq!(idx.offset_of(text, lc), Some(i), "offset {i}");
        }
    }
}
