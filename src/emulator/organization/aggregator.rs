//! Configuration aggregators: which accounts and regions each one collects from.

use super::spec::SourceKind;

/// A configuration aggregator and the group rows precomputed for unfiltered queries.
#[derive(Debug, Clone)]
pub struct Aggregator {
    pub(crate) name: String,
    pub(crate) arn: String,
    pub(crate) source: SourceKind,
    /// Source account indices for `ACCOUNTS` aggregators, sorted; `None` means every account.
    pub(crate) accounts: Option<Vec<u32>>,
    pub(crate) regions: RegionScope,
    /// Creation and last update times, in seconds since the Unix epoch.
    pub(crate) created_at: i64,
    pub(crate) updated_at: i64,
    /// A hash of the seed and the name, for values derived per aggregator.
    pub(crate) salt: u64,
    /// Groups by account with no filter, sorted by account ID.
    pub(crate) by_account: Vec<GroupRow>,
    /// Groups by region with no filter, sorted by region name.
    pub(crate) by_region: Vec<GroupRow>,
    /// Groups by account with a region filter, indexed by region; empty for regions the
    /// aggregator does not collect from.
    pub(crate) by_account_in_region: Vec<Vec<GroupRow>>,
}

/// The regions an aggregator collects from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RegionScope {
    /// Bit `i` is set when the region at sorted index `i` is collected.
    pub mask: u32,
    /// True when the aggregator was set up with `AllAwsRegions`.
    pub all: bool,
}

impl RegionScope {
    pub(crate) fn contains(self, region: u32) -> bool {
        region < 32 && self.mask & (1 << region) != 0
    }
}

/// Compliant and noncompliant pack counts for one account or region, by index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct GroupRow {
    /// An account index or a region index, depending on the grouping.
    pub key: u32,
    pub compliant: u32,
    pub noncompliant: u32,
}

impl Aggregator {
    /// Returns the aggregator name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Returns the aggregator ARN.
    pub fn arn(&self) -> &str {
        &self.arn
    }

    /// Returns whether the aggregator collects from the organization or from listed accounts.
    pub fn source(&self) -> SourceKind {
        self.source
    }

    /// Returns the regions the aggregator collects from.
    pub fn regions(&self) -> RegionScope {
        self.regions
    }

    /// Returns the creation time in seconds since the Unix epoch.
    pub fn created_at(&self) -> i64 {
        self.created_at
    }

    /// Returns the last update time in seconds since the Unix epoch.
    pub fn updated_at(&self) -> i64 {
        self.updated_at
    }

    /// Returns the number of source accounts, given the organization's account count.
    pub(crate) fn account_count(&self, organization_accounts: usize) -> usize {
        match &self.accounts {
            Some(listed) => listed.len(),
            None => organization_accounts,
        }
    }

    /// Returns the account index at `position` among the source accounts.
    pub(crate) fn account_at(&self, position: usize) -> u32 {
        match &self.accounts {
            Some(listed) => listed[position],
            None => position as u32,
        }
    }

    pub(crate) fn covers_account(&self, account: u32) -> bool {
        match &self.accounts {
            Some(listed) => listed.binary_search(&account).is_ok(),
            None => true,
        }
    }
}
