use crate::diagnostic::Finding;
use crate::document::Document;
use crate::lints::{Configurable, Lint};
use crate::span::Span;

crate::declare_lint! {
    /// ## What it does
    /// Reports a file whose bytes are not valid in any encoding reportlint knows
    /// (UTF-8, UTF-16 with a BOM, GB18030/GBK). The text is decoded lossily, with
    /// U+FFFD in place of each bad sequence, and still linted.
    ///
    /// ## Why
    /// Replaced characters hide what the author wrote, and a file saved in a
    /// mixture of encodings usually shows garbled characters to the next reader too.
    /// Pass `--encoding NAME` when the encoding is known.
    ///
    /// ## Example
    /// A file that mixes GBK and UTF-8 lines.
    pub struct UndecodableBytes {}
    code = "RL001", name = "undecodable-bytes", family = Input, severity = Info,
    summary = "bytes that no supported encoding decodes; the text was decoded lossily",
}

impl Configurable for UndecodableBytes {
    type Options = crate::lints::NoOptions;
    fn new(_: crate::lints::NoOptions) -> Result<Self, String> {
        Ok(UndecodableBytes {})
    }
}

impl Lint for UndecodableBytes {
    fn meta(&self) -> &'static crate::lints::LintMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        if doc.source.malformed == 0 {
            return;
        }
        let at = doc.source.first_malformed.unwrap_or(0);
        let end = doc.text[at..]
            .chars()
            .next()
            .map_or(at, |c| at + c.len_utf8());
        out.push(
            Finding::new(
                &META,
                Span::new(at, end),
                format!(
                    "{} 处字节无法按 {} 解码，已替换为「\u{FFFD}」",
                    doc.source.malformed, doc.source.encoding
                ),
            )
            .primary("第一处无法解码的字节")
            .help("确认文件编码后用 --encoding 指定，或将文件另存为 UTF-8"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::SourceInfo;

    #[test]
    fn reports_lossy_decoding_once() {
        let decoded = crate::decode::decode(&[0xE4, 0xB8, 0x80, 0xFF, 0x41, 0xFF]).expect("text");
        let doc = Document::parse_decoded("x.txt", decoded);
        let mut out = Vec::new();
        UndecodableBytes {}.check(&doc, &mut out);
        assert_eq!(out.len(), 1);
        assert!(out[0].message.contains("无法按"), "{}", out[0].message);
        let clean = Document::parse("y.txt", "正常文本".into());
        let mut out = Vec::new();
        UndecodableBytes {}.check(&clean, &mut out);
        assert!(out.is_empty());
        let _ = SourceInfo::default();
    }
}
