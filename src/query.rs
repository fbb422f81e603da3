//! The query behind one summary list: aggregator, grouping, filters and page size.

pub mod aggregators;
pub mod packs;
pub mod sources;

use std::fmt;

pub use aggregators::{AggregatorInfo, AggregatorRegions, AggregatorSource};
pub use packs::{PackComplianceType, PackQuery, PackRow};
pub use sources::{SourceRow, SourceUpdateStatus};

/// The maximum `Limit` that `GetAggregateConformancePackComplianceSummary` accepts.
pub const MAX_PAGE_SIZE: u8 = 100;

/// The grouping of conformance pack counts: per account or per region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum GroupBy {
    #[default]
    Account,
    Region,
}

impl GroupBy {
    /// Returns the `GroupByKey` value on the wire.
    pub fn wire_key(self) -> &'static str {
        match self {
            GroupBy::Account => "ACCOUNT_ID",
            GroupBy::Region => "AWS_REGION",
        }
    }

    /// Parses a `GroupByKey` value from the wire.
    pub fn from_wire_key(key: &str) -> Option<Self> {
        match key {
            "ACCOUNT_ID" => Some(GroupBy::Account),
            "AWS_REGION" => Some(GroupBy::Region),
            _ => None,
        }
    }

    /// Returns the other grouping.
    pub fn toggled(self) -> Self {
        match self {
            GroupBy::Account => GroupBy::Region,
            GroupBy::Region => GroupBy::Account,
        }
    }
}

impl fmt::Display for GroupBy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            GroupBy::Account => "account",
            GroupBy::Region => "region",
        })
    }
}

/// Filters sent as `Filters.AccountId` and `Filters.AwsRegion`, already validated.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Filters {
    pub account_id: Option<String>,
    pub region: Option<String>,
}

/// Everything that defines one run of paged requests.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Query {
    pub aggregator: String,
    pub group_by: GroupBy,
    pub filters: Filters,
    pub page_size: u8,
}

/// Compliant and noncompliant conformance pack counts for one account or region.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct GroupSummary {
    pub name: String,
    pub compliant: u32,
    pub noncompliant: u32,
}

impl GroupSummary {
    /// Compliant plus noncompliant packs.
    pub fn total(&self) -> u64 {
        u64::from(self.compliant) + u64::from(self.noncompliant)
    }

    /// Returns the compliant share in percent, or `None` when the group has no scored pack.
    pub fn compliance_percent(&self) -> Option<f64> {
        let total = self.total();
        (total > 0).then(|| 100.0 * f64::from(self.compliant) / total as f64)
    }
}

/// One page of summaries and the token for the next, if any.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Page {
    pub groups: Vec<GroupSummary>,
    pub next_token: Option<String>,
}

/// One page of rows from any list operation, and the token for the next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowPage<T> {
    pub rows: Vec<T>,
    pub next_token: Option<String>,
}
