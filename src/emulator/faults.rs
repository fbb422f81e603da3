//! Scripted faults: latency, errors and broken responses on chosen requests or pages.

use std::time::Duration;

use super::api_error::ApiError;
use super::reply::ResponseShape;

/// A script of faults the emulator injects; the default injects none.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FaultPlan {
    latency: Duration,
}

impl FaultPlan {
    /// Builds a plan that adds `latency` to every request and injects nothing else.
    pub fn with_latency(latency: Duration) -> FaultPlan {
        FaultPlan { latency }
    }

    /// Returns the faults for request `number` (1-based) of `operation`.
    pub(crate) fn for_request(&self, _operation: &str, _number: usize) -> FaultEffects {
        FaultEffects {
            delay: self.latency,
            ..FaultEffects::default()
        }
    }

    /// Returns the faults for the page at `offset` of `operation`.
    pub(crate) fn for_page(&self, _operation: &str, _offset: usize) -> FaultEffects {
        FaultEffects::default()
    }
}

/// Changes to how one page is built.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct PageEffects {
    /// No rows, and a `NextToken` that points at the same offset.
    pub empty_page: bool,
    /// `NextToken` is the empty string.
    pub empty_token: bool,
    /// `NextToken` is the token the request sent.
    pub repeated_token: bool,
    /// Row names carry control characters and escape sequences.
    pub hostile_names: bool,
}

/// Everything the faults do to one request.
#[derive(Debug, Clone, Default)]
pub(crate) struct FaultEffects {
    pub delay: Duration,
    pub error: Option<ApiError>,
    pub shape: ResponseShape,
    pub page: PageEffects,
}

impl FaultEffects {
    /// Adds the effects of `other`; its error and shape win over earlier ones.
    pub(crate) fn merge(&mut self, other: FaultEffects) {
        self.delay += other.delay;
        if other.error.is_some() {
            self.error = other.error;
        }
        if other.shape != ResponseShape::Intact {
            self.shape = other.shape;
        }
        self.page.empty_page |= other.page.empty_page;
        self.page.empty_token |= other.page.empty_token;
        self.page.repeated_token |= other.page.repeated_token;
        self.page.hostile_names |= other.page.hostile_names;
    }
}
