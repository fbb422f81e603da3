//! Reports the SDK's own retries, so the status bar can show that a request is being
//! retried.
//! packscope adds no retry loop of its own: the SDK's standard mode does the backoff.

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use aws_sdk_config::config::interceptors::BeforeTransmitInterceptorContextRef;
use aws_sdk_config::config::{ConfigBag, Intercept, RuntimeComponents};

/// Called with the attempt number (2 for the first retry) before each retry is sent.
pub type RetryListener = Arc<dyn Fn(u32) + Send + Sync>;

/// Counts the attempts of one request.
#[derive(Clone)]
pub struct AttemptCounter {
    attempts: Arc<AtomicU32>,
    listener: RetryListener,
}

impl AttemptCounter {
    pub fn new(listener: RetryListener) -> Self {
        Self {
            attempts: Arc::new(AtomicU32::new(0)),
            listener,
        }
    }
}

impl fmt::Debug for AttemptCounter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AttemptCounter")
            .field("attempts", &self.attempts.load(Ordering::Relaxed))
            .finish()
    }
}

impl Intercept for AttemptCounter {
    fn name(&self) -> &'static str {
        "packscope::AttemptCounter"
    }

    fn read_before_attempt(
        &self,
        _context: &BeforeTransmitInterceptorContextRef<'_>,
        _runtime_components: &RuntimeComponents,
        _cfg: &mut ConfigBag,
    ) -> Result<(), aws_sdk_config::error::BoxError> {
        let attempt = self.attempts.fetch_add(1, Ordering::Relaxed) + 1;
        if attempt > 1 {
            tracing::info!(attempt, "retrying request");
            (self.listener)(attempt);
        }
        Ok(())
    }
}
