//! Lints of the numbering family.

pub(crate) mod numbering_duplicate;
pub(crate) mod numbering_gap;
pub(crate) mod numbering_mixed_style;
pub(crate) mod numbering_nested_style;
pub(crate) mod numbering_order;
pub(crate) mod toc_mismatch;
