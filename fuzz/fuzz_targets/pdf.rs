//! Arbitrary bytes as a PDF: text or a one-line error naming the file, never a
//! panic, a hang or unbounded memory.
//!
//! Mutated PDFs mostly break their cross-reference table, after which the
//! parser finds nothing; inputs that do not start with `%PDF` are therefore
//! taken as the content stream of a one-page PDF written here (with a
//! ToUnicode font), so mutations reach the content interpreter, the fonts and
//! the layout.
#![no_main]
use libfuzzer_sys::fuzz_target;
use reportlint::config::Config;
use reportlint::pipeline::{self, RunOptions, Selection};
use std::sync::OnceLock;

/// A one-page PDF around `content`, with an Identity-H font mapping codes 1–3 to 年月日.
fn wrap(content: &[u8]) -> Vec<u8> {
    let cmap = b"1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfrange <0001> <0003> [<5E74> <6708> <65E5>] endbfrange";
    let objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".to_vec(),
        [format!("<< /Length {} >>\nstream\n", content.len()).as_bytes(), content, b"\nendstream"].concat(),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>".to_vec(),
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /SimSun /DW 1000 >>".to_vec(),
        [format!("<< /Length {} >>\nstream\n", cmap.len()).as_bytes(), cmap, b"\nendstream"].concat(),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1)
            .as_bytes(),
    );
    out
}

fn check(bytes: &[u8]) {
    static CONFIG: OnceLock<Config> = OnceLock::new();
    let config = CONFIG.get_or_init(Config::default_config);
    let sel = Selection::default();
    let opts = RunOptions { selection: Some(&sel), human: None, baseline: None, keep_text: false };
    let out = pipeline::check_bytes("fuzz.pdf", "fuzz.pdf".as_ref(), bytes, config, &opts);
    if let Some(e) = &out.error {
        assert!(e.starts_with("fuzz.pdf: ") && !e.contains('\n'), "{e:?}");
    }
}

fuzz_target!(|data: &[u8]| {
    if data.starts_with(b"%PDF") {
        check(data);
    } else {
        check(&wrap(data));
    }
});
