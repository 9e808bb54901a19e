//! Lints of the tables family.

pub(crate) mod table_prose_mismatch;
pub(crate) mod table_rate_column;
pub(crate) mod table_share_sum;
pub(crate) mod table_total_column;
pub(crate) mod table_total_row;
