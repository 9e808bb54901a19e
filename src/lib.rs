//! reportlint: a linter for submitted work reports.
//!
//! The pipeline: [`discover`] files, [`decode`] them, build one
//! [`document::Document`] per file, run every enabled lint ([`lints`]) over it
//! ([`pipeline`]), and [`render`] the findings.

pub mod baseline;
pub mod cli;
pub mod config;
pub mod decode;
pub mod diagnostic;
pub mod discover;
pub mod document;
pub mod fix;
pub mod fsutil;
pub mod i18n;
pub mod input;
pub mod inspect;
pub mod limits;
pub mod lints;
pub mod meta;
pub mod paths;
pub mod pipeline;
pub mod render;
pub mod settings;
pub mod span;
pub mod suppress;
