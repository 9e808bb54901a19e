//! Print the text reportlint reads from a PDF (what the lints see), for
//! comparing extractors: `cargo run --release --example pdf-text FILE.pdf`.
//! With `--places`, each line is preceded by the page and line it starts on.

use std::io::Write;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let places = args.iter().any(|a| a == "--places");
    let Some(path) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: pdf-text [--places] FILE.pdf");
        std::process::exit(2);
    };
    let bytes = std::fs::read(path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(2)
    });
    let e = reportlint::input::pdf::extract(&bytes).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(2)
    });
    let mut out = std::io::stdout().lock();
    let mut at = 0;
    for line in e.text.split_inclusive('\n') {
        if places {
            let p = e
                .places
                .place(&e.text, at)
                .map(|p| p.text)
                .unwrap_or_default();
            let _ = write!(out, "{p}\t");
        }
        let _ = out.write_all(line.as_bytes());
        at += line.len();
    }
}
