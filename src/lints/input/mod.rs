//! Lints of the input family.

pub(crate) mod undecodable_bytes;
pub(crate) mod unused_suppression;
