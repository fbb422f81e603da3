//! Per-operation request counts and request IDs.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use super::rng::mix64;

/// Counts requests by operation name, for tests and for faults keyed on the Nth request.
#[derive(Debug, Default)]
pub(crate) struct RequestCounters {
    by_operation: Mutex<HashMap<String, usize>>,
    total: AtomicU64,
}

impl RequestCounters {
    /// Records one request and returns its 1-based number among requests for `operation`.
    pub(crate) fn record(&self, operation: &str) -> usize {
        self.total.fetch_add(1, Ordering::Relaxed);
        let mut counts = match self.by_operation.lock() {
            Ok(counts) => counts,
            // A panic while holding the lock cannot leave a count half-written.
            Err(poisoned) => poisoned.into_inner(),
        };
        let count = counts.entry(operation.to_string()).or_insert(0);
        *count += 1;
        *count
    }

    pub(crate) fn count(&self, operation: &str) -> usize {
        let counts = match self.by_operation.lock() {
            Ok(counts) => counts,
            Err(poisoned) => poisoned.into_inner(),
        };
        counts.get(operation).copied().unwrap_or(0)
    }

    /// Returns a request ID in the UUID layout the service uses, unique per emulator.
    pub(crate) fn request_id(&self) -> String {
        let sequence = self.total.load(Ordering::Relaxed);
        let high = mix64(sequence ^ 0x5EED);
        let low = mix64(high ^ sequence);
        format!(
            "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
            high >> 32,
            (high >> 16) & 0xFFFF,
            high & 0xFFF,
            (low >> 48) & 0x3FFF | 0x8000,
            low & 0xFFFF_FFFF_FFFF
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_requests_per_operation() {
        let counters = RequestCounters::default();
        assert_eq!(counters.record("A"), 1, "the first A is number 1");
        assert_eq!(counters.record("B"), 1, "B counts apart from A");
        assert_eq!(counters.record("A"), 2, "the second A is number 2");
        assert_eq!(counters.count("A"), 2, "count returns the total for A");
    }

    #[test]
    fn request_ids_differ() {
        let counters = RequestCounters::default();
        counters.record("A");
        let first = counters.request_id();
        counters.record("A");
        let second = counters.request_id();
        assert_ne!(first, second, "consecutive requests need distinct IDs");
        assert_eq!(first.len(), 36, "a request ID has the UUID layout: {first}");
    }
}
