//! Every lint over arbitrary text (as text and as Markdown), and every renderer.
#![no_main]
use libfuzzer_sys::fuzz_target;
use reportlint::config::Config;
use reportlint::pipeline::{self, RunOptions, Selection};
use reportlint::render::human;
use std::sync::OnceLock;

fuzz_target!(|data: &[u8]| {
    static CONFIG: OnceLock<Config> = OnceLock::new();
    let config = CONFIG.get_or_init(Config::default_config);
    let sel = Selection::default();
    let opts = RunOptions { selection: Some(&sel), human: Some(human::Style::plain(80)), baseline: None, keep_text: true };
    for name in ["fuzz.txt", "fuzz.md"] {
        let out = pipeline::check_bytes(name, name.as_ref(), data, config, &opts);
        for r in &out.reported {
            assert!(r.at.byte_start <= r.at.byte_end);
        }
    }
});
