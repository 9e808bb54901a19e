//! reportlint: a linter for submitted work reports.
//!
//! The pipeline: discover files, decode them ([`decode`]), build one
//! [`document::Document`] per file, run every enabled lint ([`lints`]) over it,
//! and render the findings ([`render`]).

pub mod decode;
pub mod document;
pub mod span;
