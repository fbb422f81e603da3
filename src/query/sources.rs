//! Aggregator sources as `DescribeConfigurationAggregatorSourcesStatus` lists them:
//! which accounts or regions failed to report, or report late.

use std::fmt;

/// The outcome of a source's last transfer to the aggregator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SourceUpdateStatus {
    Failed,
    Outdated,
    Succeeded,
    /// A value this version of packscope does not know.
    Unknown,
}

impl SourceUpdateStatus {
    /// Parses a `LastUpdateStatus` value from the wire.
    pub fn from_wire_name(name: &str) -> Self {
        match name {
            "FAILED" => SourceUpdateStatus::Failed,
            "OUTDATED" => SourceUpdateStatus::Outdated,
            "SUCCEEDED" => SourceUpdateStatus::Succeeded,
            _ => SourceUpdateStatus::Unknown,
        }
    }
}

impl fmt::Display for SourceUpdateStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SourceUpdateStatus::Failed => "failed",
            SourceUpdateStatus::Outdated => "outdated",
            SourceUpdateStatus::Succeeded => "succeeded",
            SourceUpdateStatus::Unknown => "unknown",
        })
    }
}

/// One source of the aggregator in one region.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SourceRow {
    /// An account ID, or an organization ID for an organization source.
    pub source_id: String,
    /// `ACCOUNT` or `ORGANIZATION`, as the service sends it.
    pub source_type: String,
    pub region: String,
    pub status: SourceUpdateStatus,
    /// Seconds since the Unix epoch.
    pub last_update: Option<i64>,
    pub error_code: Option<String>,
    pub error_message: Option<String>,
}
