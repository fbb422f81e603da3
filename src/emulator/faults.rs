//! Scripted faults: latency, errors and broken responses on chosen requests or pages.

mod armed;
mod effects;
mod parse;

use std::path::Path;
use std::time::Duration;

pub(crate) use armed::ArmedFaults;
pub(crate) use effects::{FaultEffects, PageEffects, fault_error};
pub use parse::FaultPlanError;

/// The operation a rule applies to when the plan names none.
pub const DEFAULT_FAULT_OPERATION: &str = "GetAggregateConformancePackComplianceSummary";

/// A script of faults the emulator injects; the default injects none.
///
/// A plan is usually written as JSON. Every member is optional except `fault` and one of
/// `request` or `page` in each rule:
///
/// ```json
/// {
///   "latency_ms": 20,
///   "faults": [
///     { "request": 1, "fault": "throttling", "times": 2 },
///     { "page": 200, "fault": "empty_page", "times": 3 },
///     { "request": 4, "fault": "latency", "ms": 1500 },
///     { "page": 0, "fault": "hostile_names" },
///     { "request": 1, "fault": "internal_failure",
///       "operation": "DescribeConfigurationAggregators" }
///   ]
/// }
/// ```
///
/// - `latency_ms` adds a fixed delay to every request.
/// - `request: N` fires on the Nth request of the operation (counting from 1, whatever the
///   outcome), and with `times: T` on requests N to N+T-1.
/// - `page: OFFSET` fires on the first `times` requests (default 1) that ask for the page
///   starting at that offset, counted after the request passed validation. Offset 0 is
///   the first page; with Limit 100 the second page is at offset 100.
/// - `operation` defaults to `GetAggregateConformancePackComplianceSummary`.
/// - `fault` is one of: `latency` (needs `ms`), `throttling` (HTTP 400
///   ThrottlingException, "Rate exceeded"), `internal_failure` (HTTP 500),
///   `service_unavailable` (HTTP 503), `close_connection` (headers and half the body,
///   then the connection closes), `malformed_json` (HTTP 200 with half a body),
///   `empty_page` (no rows and a NextToken for the same offset), `empty_token`
///   (NextToken ""), `repeated_token` (the NextToken the request sent), `invalid_next_token`,
///   `expired_token`, `unrecognized_client`, `access_denied`, `no_such_aggregator` (each
///   HTTP 400 with the service's code) and `hostile_names` (row names with control
///   characters and terminal escape sequences).
///
/// ```
/// use packscope::emulator::FaultPlan;
///
/// let plan = FaultPlan::from_json(r#"{"faults": [{"request": 1, "fault": "throttling"}]}"#);
/// assert!(plan.is_ok());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FaultPlan {
    /// Delay added to every request.
    pub latency: Duration,
    pub rules: Vec<FaultRule>,
}

/// One scripted fault and when it fires.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaultRule {
    /// The operation name, such as `GetAggregateConformancePackComplianceSummary`.
    pub operation: String,
    pub trigger: Trigger,
    /// The number of consecutive requests or page requests the fault fires on, 1 or more.
    pub times: u32,
    pub fault: Fault,
}

/// When a rule fires.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    /// The Nth request of the operation, counting from 1.
    Request(u32),
    /// A request for the page that starts at this offset, counting from 0.
    Page(u32),
}

/// The change a rule makes to the request it fires on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    Latency(Duration),
    Throttling,
    InternalFailure,
    ServiceUnavailable,
    CloseConnection,
    MalformedJson,
    EmptyPage,
    EmptyToken,
    RepeatedToken,
    InvalidNextToken,
    ExpiredToken,
    UnrecognizedClient,
    AccessDenied,
    NoSuchAggregator,
    HostileNames,
}

impl FaultPlan {
    /// Builds a plan that adds `latency` to every request and injects nothing else.
    pub fn with_latency(latency: Duration) -> FaultPlan {
        FaultPlan {
            latency,
            rules: Vec::new(),
        }
    }

    /// Parses a plan from JSON text, in the format shown on [`FaultPlan`].
    pub fn from_json(text: &str) -> Result<FaultPlan, FaultPlanError> {
        parse::parse_plan(text)
    }

    /// Reads and parses a JSON plan file.
    pub fn from_file(path: impl AsRef<Path>) -> Result<FaultPlan, FaultPlanError> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|source| FaultPlanError::Read {
            path: path.display().to_string(),
            source,
        })?;
        FaultPlan::from_json(&text)
    }

    /// Returns the plan with `rule` added.
    pub fn rule(mut self, rule: FaultRule) -> FaultPlan {
        self.rules.push(rule);
        self
    }
}

impl FaultRule {
    /// Builds a rule firing once on request `number` (from 1) of the summary operation.
    pub fn on_request(number: u32, fault: Fault) -> FaultRule {
        FaultRule {
            operation: DEFAULT_FAULT_OPERATION.to_string(),
            trigger: Trigger::Request(number),
            times: 1,
            fault,
        }
    }

    /// Builds a rule firing once on the summary page that starts at `offset`.
    pub fn on_page(offset: u32, fault: Fault) -> FaultRule {
        FaultRule {
            operation: DEFAULT_FAULT_OPERATION.to_string(),
            trigger: Trigger::Page(offset),
            times: 1,
            fault,
        }
    }

    /// Returns the rule firing `times` times in a row.
    pub fn times(mut self, times: u32) -> FaultRule {
        self.times = times;
        self
    }

    /// Returns the rule applied to `operation` instead.
    pub fn for_operation(mut self, operation: &str) -> FaultRule {
        self.operation = operation.to_string();
        self
    }
}
