//! Lints of the typo family.

pub(crate) mod confusable;
pub(crate) mod doubled_char;
pub(crate) mod doubled_punct;
pub(crate) mod halfwidth_punct;
pub(crate) mod homophone;
pub(crate) mod idiom_slip;
pub(crate) mod lexicon;
pub(crate) mod names;
pub(crate) mod pair_gate;
pub(crate) mod repeated_phrase;
pub(crate) mod seen;
pub(crate) mod stray_whitespace;
pub(crate) mod unbalanced_pair;
