//! Configuration aggregators as `DescribeConfigurationAggregators` lists them, for
//! choosing one when none is named.

use std::fmt;

/// The sources an aggregator collects from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AggregatorSource {
    /// Every account of an AWS Organizations organization.
    Organization,
    /// A list of this many accounts.
    Accounts(usize),
}

impl fmt::Display for AggregatorSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AggregatorSource::Organization => f.write_str("organization"),
            AggregatorSource::Accounts(1) => f.write_str("accounts (1)"),
            AggregatorSource::Accounts(count) => write!(f, "accounts ({count})"),
        }
    }
}

/// The regions an aggregator collects from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AggregatorRegions {
    All,
    /// This many listed regions.
    Listed(usize),
}

impl fmt::Display for AggregatorRegions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AggregatorRegions::All => f.write_str("all regions"),
            AggregatorRegions::Listed(1) => f.write_str("1 region"),
            AggregatorRegions::Listed(count) => write!(f, "{count} regions"),
        }
    }
}

/// One configuration aggregator.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AggregatorInfo {
    pub name: String,
    pub source: AggregatorSource,
    pub regions: AggregatorRegions,
}
