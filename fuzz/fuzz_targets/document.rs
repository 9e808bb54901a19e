//! Decode arbitrary bytes and build the Document model.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(decoded) = reportlint::decode::decode(data) {
        let doc = reportlint::document::Document::parse_decoded("fuzz.txt", decoded);
        for p in &doc.paragraphs {
            let s = p.doc_span(reportlint::span::Span::new(0, p.text.len()));
            assert!(doc.text.is_char_boundary(s.start) && doc.text.is_char_boundary(s.end));
        }
    }
});
