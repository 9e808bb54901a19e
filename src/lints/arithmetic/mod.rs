//! Lints of the arithmetic family.

pub(crate) mod bounded_rate;
pub(crate) mod claim_vs_counts;
pub(crate) mod completion_vs_target;
pub(crate) mod date_consistency;
pub(crate) mod enumeration_count;
pub(crate) mod growth_mismatch;
pub(crate) mod rate_mismatch;
pub(crate) mod report;
pub(crate) mod sum_mismatch;
pub(crate) mod total_vs_items;
