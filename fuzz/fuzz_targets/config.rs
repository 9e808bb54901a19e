//! Arbitrary reportlint.toml text: an error or a config, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Err(e) = reportlint::config::Config::from_str_at("fuzz.toml".as_ref(), text) {
            if let Some(span) = e.span {
                assert!(span.start <= span.end && span.end <= text.len());
            }
        }
    }
});
