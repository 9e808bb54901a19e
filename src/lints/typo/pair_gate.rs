//! A precomputed answer for pairs of frequent characters. The spelling scans
//! ask a question of every pair of neighbouring characters (may this pair be
//! part of a slip?) whose direct answer takes several look-ups in tables of
//! megabytes; most text is made of the few hundred most frequent characters,
//! so one bit per ordered pair of the [`GATE_CHARS`] most frequent ones
//! (128 kB: it stays in the core's cache) answers most pairs in one access,
//! and the direct test is left for pairs with a rarer character.

use super::lexicon::CharId;

/// Character ids are ranked by frequency: ids below this have a bit for each
/// pair (id 0, a character the lexicon lacks, is among them, never set).
pub const GATE_CHARS: usize = 1024;

pub struct PairGate {
    bits: Vec<u64>,
}

impl PairGate {
    pub fn new() -> PairGate {
        PairGate {
            bits: vec![0; GATE_CHARS * GATE_CHARS / 64],
        }
    }

    /// Whether `a` `b` are both in the gate's range.
    pub fn covers(a: CharId, b: CharId) -> bool {
        usize::from(a) < GATE_CHARS && usize::from(b) < GATE_CHARS
    }

    /// The answer for a pair the gate covers ([`PairGate::covers`]).
    #[inline]
    pub fn get(&self, a: CharId, b: CharId) -> bool {
        let bit = usize::from(a) * GATE_CHARS + usize::from(b);
        self.bits
            .get(bit / 64)
            .is_some_and(|w| w & (1 << (bit % 64)) != 0)
    }

    /// Sets the bit of a covered pair.
    pub fn set(&mut self, a: CharId, b: CharId) {
        if PairGate::covers(a, b) {
            let bit = usize::from(a) * GATE_CHARS + usize::from(b);
            self.bits[bit / 64] |= 1 << (bit % 64);
        }
    }

    /// Keeps only the set pairs for which `keep` holds.
    pub fn retain(&mut self, mut keep: impl FnMut(CharId, CharId) -> bool) {
        for (w, word) in self.bits.iter_mut().enumerate() {
            let mut rest = *word;
            while rest != 0 {
                let k = rest.trailing_zeros() as usize;
                rest &= rest - 1;
                let bit = w * 64 + k;
                let (a, b) = (bit / GATE_CHARS, bit % GATE_CHARS);
                // Both are below GATE_CHARS, which fits a CharId.
                if !keep(a as CharId, b as CharId) {
                    *word &= !(1 << k);
                }
            }
        }
    }
}
