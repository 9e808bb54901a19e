//! (being written)

use super::binder::Binder;
use super::Claim;

pub(super) fn claims(_b: &Binder, _out: &mut Vec<Claim>) {}
