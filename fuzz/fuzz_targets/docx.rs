//! Arbitrary bytes as a Word file: a one-line error or text, never a panic.
//!
//! Mutating a real package mostly breaks its deflate streams and checksums, so
//! the fuzzer would rarely get past the zip reader. Inputs starting with `PK`
//! are therefore read as they are (the zip reader's own input), and any other
//! input is split at `SEPARATOR` into the XML parts of a package that is
//! zipped here (document, numbering, styles and the two relationship parts),
//! so mutations reach the XML and numbering code.
#![no_main]
use libfuzzer_sys::fuzz_target;
use reportlint::config::Config;
use reportlint::pipeline::{self, RunOptions, Selection};
use std::io::{Cursor, Write};
use std::sync::OnceLock;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

const SEPARATOR: &[u8] = b"\n--part--\n";
const PARTS: [&str; 5] = [
    "word/document.xml",
    "word/numbering.xml",
    "word/styles.xml",
    "_rels/.rels",
    "word/_rels/document.xml.rels",
];

fn split(data: &[u8]) -> Vec<&[u8]> {
    let mut parts = Vec::new();
    let mut rest = data;
    while parts.len() + 1 < PARTS.len() {
        match rest.windows(SEPARATOR.len()).position(|w| w == SEPARATOR) {
            Some(i) => {
                parts.push(&rest[..i]);
                rest = &rest[i + SEPARATOR.len()..];
            }
            None => break,
        }
    }
    parts.push(rest);
    parts
}

fn package(data: &[u8]) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, body) in PARTS.iter().zip(split(data)) {
        if zip.start_file(*name, deflated).is_err() || zip.write_all(body).is_err() {
            return Vec::new();
        }
    }
    zip.finish().map(Cursor::into_inner).unwrap_or_default()
}

fn check(bytes: &[u8]) {
    // The whole path a .docx takes in a run: unzip, XML, numbering, Document,
    // every lint. A failure is one line naming the file.
    static CONFIG: OnceLock<Config> = OnceLock::new();
    let config = CONFIG.get_or_init(Config::default_config);
    let sel = Selection::default();
    let opts = RunOptions { selection: Some(&sel), human: None, baseline: None, keep_text: false };
    let out = pipeline::check_bytes("fuzz.docx", "fuzz.docx".as_ref(), bytes, config, &opts);
    if let Some(e) = &out.error {
        assert!(e.starts_with("fuzz.docx: ") && !e.contains('\n'), "{e:?}");
    }
}

fuzz_target!(|data: &[u8]| {
    if data.starts_with(b"PK") {
        check(data);
    } else {
        check(&package(data));
    }
});
