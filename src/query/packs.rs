//! The query behind the drill-down: the conformance packs of one group, as
//! `DescribeAggregateComplianceByConformancePacks` lists them.

use std::fmt;

use super::{GroupBy, Query};

/// The compliance of one conformance pack.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PackComplianceType {
    Compliant,
    NonCompliant,
    InsufficientData,
    /// A value this version of packscope does not know.
    Unknown,
}

impl PackComplianceType {
    /// Returns the `ComplianceType` value on the wire.
    pub fn wire_name(self) -> &'static str {
        match self {
            PackComplianceType::Compliant => "COMPLIANT",
            PackComplianceType::NonCompliant => "NON_COMPLIANT",
            PackComplianceType::InsufficientData => "INSUFFICIENT_DATA",
            PackComplianceType::Unknown => "UNKNOWN",
        }
    }

    /// Parses a `ComplianceType` value from the wire; an unknown value is `Unknown`.
    pub fn from_wire_name(name: &str) -> Self {
        match name {
            "COMPLIANT" => PackComplianceType::Compliant,
            "NON_COMPLIANT" => PackComplianceType::NonCompliant,
            "INSUFFICIENT_DATA" => PackComplianceType::InsufficientData,
            _ => PackComplianceType::Unknown,
        }
    }

    /// Returns the next value of the drill-down's compliance filter: all, NON_COMPLIANT,
    /// COMPLIANT, INSUFFICIENT_DATA, then all again.
    pub fn next_filter(filter: Option<Self>) -> Option<Self> {
        match filter {
            None => Some(PackComplianceType::NonCompliant),
            Some(PackComplianceType::NonCompliant) => Some(PackComplianceType::Compliant),
            Some(PackComplianceType::Compliant) => Some(PackComplianceType::InsufficientData),
            Some(PackComplianceType::InsufficientData | PackComplianceType::Unknown) => None,
        }
    }
}

impl fmt::Display for PackComplianceType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PackComplianceType::Compliant => "compliant",
            PackComplianceType::NonCompliant => "noncompliant",
            PackComplianceType::InsufficientData => "insufficient data",
            PackComplianceType::Unknown => "unknown",
        })
    }
}

/// Everything that defines one run of drill-down pages.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PackQuery {
    pub aggregator: String,
    /// `Filters.AccountId`: the group's account, or the summary's account filter.
    pub account_id: Option<String>,
    /// `Filters.AwsRegion`: the group's region, or the summary's region filter.
    pub region: Option<String>,
    /// `Filters.ComplianceType`; `None` lists every pack.
    pub compliance: Option<PackComplianceType>,
    pub page_size: u8,
}

impl PackQuery {
    /// Builds the query for the packs behind the summary group `group`, narrowed by the summary's filters.
    pub fn for_group(summary: &Query, group: &str) -> Self {
        let filters = &summary.filters;
        let (account_id, region) = match summary.group_by {
            GroupBy::Account => (Some(group.to_string()), filters.region.clone()),
            GroupBy::Region => (filters.account_id.clone(), Some(group.to_string())),
        };
        Self {
            aggregator: summary.aggregator.clone(),
            account_id,
            region,
            compliance: None,
            page_size: summary.page_size,
        }
    }
}

/// One conformance pack in one account and region, with its rule counts.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PackRow {
    pub name: String,
    pub account_id: String,
    pub region: String,
    pub compliance: PackComplianceType,
    pub compliant_rules: u32,
    pub noncompliant_rules: u32,
    pub total_rules: u32,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::Filters;

    fn summary(group_by: GroupBy, account: Option<&str>, region: Option<&str>) -> Query {
        Query {
            aggregator: "org".into(),
            group_by,
            filters: Filters {
                account_id: account.map(String::from),
                region: region.map(String::from),
            },
            page_size: 50,
        }
    }

    #[test]
    fn account_group_keeps_region_filter() {
        let query = PackQuery::for_group(
            &summary(GroupBy::Account, None, Some("eu-west-1")),
            "000000000042",
        );
        assert_eq!(query.account_id.as_deref(), Some("000000000042"));
        assert_eq!(query.region.as_deref(), Some("eu-west-1"));
        assert_eq!(query.page_size, 50, "page size follows the summary");
    }

    #[test]
    fn region_group_keeps_account_filter() {
        let query = PackQuery::for_group(
            &summary(GroupBy::Region, Some("000000000042"), None),
            "us-east-1",
        );
        assert_eq!(query.account_id.as_deref(), Some("000000000042"));
        assert_eq!(query.region.as_deref(), Some("us-east-1"));
    }

    #[test]
    fn compliance_filter_cycles_through_all() {
        let mut filter = None;
        let mut seen = Vec::new();
        for _ in 0..4 {
            filter = PackComplianceType::next_filter(filter);
            seen.push(filter);
        }
        assert_eq!(
            seen,
            [
                Some(PackComplianceType::NonCompliant),
                Some(PackComplianceType::Compliant),
                Some(PackComplianceType::InsufficientData),
                None
            ],
            "the cycle should end back at all packs"
        );
    }

    #[test]
    fn unknown_wire_value_is_kept_apart() {
        assert_eq!(
            PackComplianceType::from_wire_name("NOT_APPLICABLE"),
            PackComplianceType::Unknown
        );
    }
}
