//! A small deterministic random number generator (SplitMix64) and hash mixing.
//!
//! The generator only needs to be reproducible from a seed, not cryptographically strong,
//! and its output must not change between Rust releases, so it is written out here
//! instead of depending on a crate whose algorithm may change.

/// A SplitMix64 generator.
#[derive(Debug, Clone)]
pub(crate) struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    pub(crate) fn new(seed: u64) -> Self {
        SplitMix64 { state: seed }
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        mix64(self.state)
    }

    /// Returns a value in `0..bound`, or 0 when `bound` is 0.
    pub(crate) fn below(&mut self, bound: u64) -> u64 {
        let wide = u128::from(self.next_u64()) * u128::from(bound);
        (wide >> 64) as u64
    }

    /// Returns a value in `low..=high`.
    pub(crate) fn between(&mut self, low: u64, high: u64) -> u64 {
        low + self.below(high - low + 1)
    }

    /// Returns true with probability `percent / 100`.
    pub(crate) fn percent(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// Mixes the bits of `value` with the SplitMix64 finalizer, a bijection.
pub(crate) fn mix64(value: u64) -> u64 {
    let mut z = value;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Mixes several values into one hash, for per-item values derived from the seed.
pub(crate) fn mix_all(values: &[u64]) -> u64 {
    values
        .iter()
        .fold(0x6A09_E667_F3BC_C909, |acc, value| mix64(acc ^ value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_sequence() {
        let mut first = SplitMix64::new(42);
        let mut second = SplitMix64::new(42);
        for _ in 0..100 {
            assert_eq!(
                first.next_u64(),
                second.next_u64(),
                "two generators with one seed must agree"
            );
        }
    }

    #[test]
    fn below_stays_in_range() {
        let mut rng = SplitMix64::new(7);
        for bound in [1, 2, 3, 10, 1_000_000_000_000] {
            for _ in 0..1000 {
                let value = rng.below(bound);
                assert!(value < bound, "below({bound}) returned {value}");
            }
        }
    }

    #[test]
    fn between_reaches_both_ends() {
        let mut rng = SplitMix64::new(3);
        let values: Vec<u64> = (0..1000).map(|_| rng.between(2, 4)).collect();
        assert!(values.contains(&2), "between(2, 4) never returned 2");
        assert!(values.contains(&4), "between(2, 4) never returned 4");
        assert!(
            values.iter().all(|v| (2..=4).contains(v)),
            "between(2, 4) left its range"
        );
    }
}
