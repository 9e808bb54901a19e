//! What a terminal is shown of text reportlint did not write: report text, file
//! names, config values. A report can hold terminal escapes (clear the screen,
//! set the title, OSC 52 to fill the clipboard), bidirectional overrides that make
//! a line read differently from its bytes, and a file name can hold a line break
//! that fakes an output line. Every terminal output (human findings, `outline`,
//! `numbers`, `tables`, notes and problems on standard error) passes such text
//! through here and shows those characters as visible escapes (`\x1b`,
//! `\u{202e}`); JSON, SARIF and the other machine formats keep the text exact
//! (their own syntax escapes it).

use std::borrow::Cow;
use std::fmt::Write;

/// The bidirectional formatting characters (LRM, RLM, the embeddings and
/// overrides, the isolates): invisible, and they reorder what follows them.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A character a terminal must not be sent raw from report text: a C0 control
/// other than tab and line feed, DEL, a C1 control, a bidi control.
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\t' && c != '\n') || is_bidi_control(c)
}

/// The visible form of an unsafe character: `\x1b` below U+0080, else `\u{9b}`.
pub fn push_visible(out: &mut String, c: char) {
    let n = u32::from(c);
    let _ = if n < 0x80 {
        write!(out, "\\x{n:02x}")
    } else {
        write!(out, "\\u{{{n:x}}}")
    };
}

fn escape_where(s: &str, unsafe_char: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !s.chars().any(&unsafe_char) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if unsafe_char(c) {
            push_visible(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Report text for a terminal: line breaks and tabs kept, every other control
/// and bidi character shown as an escape.
pub fn terminal(s: &str) -> Cow<'_, str> {
    escape_where(s, is_unsafe)
}

/// A file name (or any one-line value) for a terminal: line breaks and tabs
/// escaped too, so a name can never start a line of its own.
pub fn name(s: &str) -> Cow<'_, str> {
    escape_where(s, |c| c.is_control() || is_bidi_control(c))
}

/// A file name as `git diff` writes it in `---`/`+++` headers: as is when plain,
/// else in double quotes with C escapes (`"a/x\ny.txt"`), which `patch` and
/// `git apply` read back. Non-ASCII letters are kept (git's `core.quotePath=false`).
pub fn diff_name(s: &str) -> Cow<'_, str> {
    let needs = |c: char| c.is_control() || is_bidi_control(c) || c == '"' || c == '\\';
    if !s.chars().any(needs) {
        return Cow::Borrowed(s);
    }
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if needs(c) => {
                // Octal bytes of its UTF-8 form, as git writes them.
                let mut buf = [0; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    let _ = write!(out, "\\{b:03o}");
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    Cow::Owned(out)
}

/// A path component from the file system as text: UTF-8 as is, each byte of a
/// non-UTF-8 name as `\xNN` (unambiguous, where a lossy conversion would turn
/// different names into the same `�`).
pub fn os_str(s: &std::ffi::OsStr) -> Cow<'_, str> {
    if let Some(s) = s.to_str() {
        return Cow::Borrowed(s);
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let mut out = String::new();
        for chunk in s.as_bytes().utf8_chunks() {
            out.push_str(chunk.valid());
            for b in chunk.invalid() {
                let _ = write!(out, "\\x{b:02x}");
            }
        }
        Cow::Owned(out)
    }
    #[cfg(not(unix))]
    s.to_string_lossy()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_escapes_become_visible_and_chinese_text_is_untouched() {
        assert_eq!(terminal("全市\t共有\n医疗机构"), "全市\t共有\n医疗机构");
        assert_eq!(terminal("甲\u{1b}[2J乙"), "甲\\x1b[2J乙");
        assert_eq!(
            terminal("\u{1b}]52;c;ZXZpbA==\u{7}"),
            "\\x1b]52;c;ZXZpbA==\\x07"
        );
        assert_eq!(
            terminal("a\u{9b}31m\u{202e}b\rc"),
            "a\\u{9b}31m\\u{202e}b\\x0dc"
        );
        assert_eq!(name("a\nb\t.txt"), "a\\x0ab\\x09.txt");
    }

    #[test]
    fn diff_names_are_quoted_as_git_quotes_them() {
        assert_eq!(diff_name("a/报告.txt"), "a/报告.txt");
        assert_eq!(diff_name("a/x\ny.txt"), "\"a/x\\ny.txt\"");
        assert_eq!(diff_name("a/q\"\\.txt"), "\"a/q\\\"\\\\.txt\"");
        assert_eq!(diff_name("a/\u{1b}.txt"), "\"a/\\033.txt\"");
    }

    #[cfg(unix)]
    #[test]
    fn non_utf8_names_are_shown_byte_for_byte() {
        use std::os::unix::ffi::OsStrExt;
        let a = std::ffi::OsStr::from_bytes(b"\xb1\xa8.txt");
        let b = std::ffi::OsStr::from_bytes(b"\xb2\xa8.txt");
        assert_eq!(os_str(a), "\\xb1\\xa8.txt");
        assert_ne!(os_str(a), os_str(b));
    }
}
