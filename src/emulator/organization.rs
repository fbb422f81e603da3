//! The simulated organization: accounts, regions, conformance packs and aggregators.
//!
//! Conformance packs live in one flat array, grouped by cell (one account in one region),
//! so a 100,000-account organization takes a few tens of megabytes.

mod aggregator;
mod catalog;
mod generate;
mod groups;
mod packs;
mod sources;
mod spec;

use crate::query::{GroupBy, GroupSummary};

pub use aggregator::{Aggregator, RegionScope};
pub use catalog::DEFAULT_REGIONS;
pub use packs::{PackCompliance, PackFilter};
pub use sources::{SourceStatus, UpdateStatus};
pub use spec::{AggregatorSpec, MAX_ACCOUNTS, OrgSpec, SourceKind, SpecError};

pub(crate) use aggregator::GroupRow;

/// The demo organization's recipe, compiled into the binary.
const DEMO_SPEC: &str = include_str!("../../assets/demo-org.json");

/// A generated organization and its aggregators.
#[derive(Debug)]
pub struct Organization {
    spec: OrgSpec,
    /// Region names sorted by name, so region order is group name order.
    regions: Vec<String>,
    /// Accounts sorted by ID, so account order is group name order.
    accounts: Vec<Account>,
    /// `cell_start[cell]..cell_start[cell + 1]` indexes `packs` for cell
    /// `account * regions.len() + region`.
    cell_start: Vec<u32>,
    packs: Vec<Pack>,
    aggregators: Vec<Aggregator>,
}

/// One member account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Account {
    pub id: u64,
    pub name: Option<Box<str>>,
}

/// One conformance pack deployed in one account and region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Pack {
    /// Index into the pack catalog, which is sorted by name.
    pub template: u8,
    pub compliance: ComplianceType,
    pub compliant_rules: u16,
    pub noncompliant_rules: u16,
    pub total_rules: u16,
}

/// The compliance of one conformance pack.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ComplianceType {
    Compliant,
    NonCompliant,
    InsufficientData,
}

impl ComplianceType {
    /// Returns the `ComplianceType` value on the wire.
    pub fn wire_name(self) -> &'static str {
        match self {
            ComplianceType::Compliant => "COMPLIANT",
            ComplianceType::NonCompliant => "NON_COMPLIANT",
            ComplianceType::InsufficientData => "INSUFFICIENT_DATA",
        }
    }

    /// Parses a `ComplianceType` value from the wire.
    pub fn from_wire_name(name: &str) -> Option<Self> {
        [
            ComplianceType::Compliant,
            ComplianceType::NonCompliant,
            ComplianceType::InsufficientData,
        ]
        .into_iter()
        .find(|kind| kind.wire_name() == name)
    }
}

/// Formats an account ID as the service does: 12 digits, leading zeros kept.
pub fn format_account_id(id: u64) -> String {
    format!("{id:012}")
}

impl Organization {
    /// Builds the demo organization from `assets/demo-org.json`.
    pub fn demo() -> Organization {
        Organization::generate(&Organization::demo_spec())
    }

    /// Returns the recipe of the demo organization.
    pub fn demo_spec() -> OrgSpec {
        // The asset is compiled in and checked by a unit test, so a failure here is a bug.
        serde_json::from_str(DEMO_SPEC).expect("assets/demo-org.json must be a valid OrgSpec")
    }

    /// Builds the organization that `spec` describes; the same spec gives the same data.
    ///
    /// # Panics
    ///
    /// Panics when `spec` is invalid; use [`Organization::try_generate`] to get the error.
    pub fn generate(spec: &OrgSpec) -> Organization {
        match Organization::try_generate(spec) {
            Ok(organization) => organization,
            Err(error) => panic!("{error}"),
        }
    }

    /// Builds the organization that `spec` describes, or returns an error naming the invalid field.
    pub fn try_generate(spec: &OrgSpec) -> Result<Organization, SpecError> {
        spec.validate()?;
        Ok(generate::build(spec))
    }

    /// Returns the recipe this organization was built from.
    pub fn spec(&self) -> &OrgSpec {
        &self.spec
    }

    /// Returns the aggregator names in spec order; the first is the default for `--demo`.
    pub fn aggregator_names(&self) -> Vec<String> {
        self.aggregators.iter().map(|a| a.name.clone()).collect()
    }

    /// Looks up an aggregator by its exact name.
    pub fn aggregator(&self, name: &str) -> Option<&Aggregator> {
        self.aggregators.iter().find(|a| a.name == name)
    }

    /// Returns the aggregators in spec order.
    pub fn aggregators(&self) -> &[Aggregator] {
        &self.aggregators
    }

    /// Returns the IDs of the accounts `aggregator` collects from, sorted.
    pub fn source_account_ids(&self, aggregator: &Aggregator) -> Vec<String> {
        (0..aggregator.account_count(self.accounts.len()))
            .map(|position| self.account_id(aggregator.account_at(position)))
            .collect()
    }

    /// Returns the ID of the account that owns the aggregators.
    pub fn management_account_id(&self) -> String {
        let index = generate::management_account(&self.spec, self.accounts.len());
        self.account_id(index)
    }

    /// Returns the region names, sorted.
    pub fn regions(&self) -> &[String] {
        &self.regions
    }

    /// Returns the number of member accounts.
    pub fn account_count(&self) -> usize {
        self.accounts.len()
    }

    /// Returns every account ID as 12 digits, sorted.
    pub fn account_ids(&self) -> Vec<String> {
        self.accounts
            .iter()
            .map(|a| format_account_id(a.id))
            .collect()
    }

    /// Returns the display name of an account, if it has one.
    pub fn account_name(&self, account_id: &str) -> Option<&str> {
        let index = self.account_index(account_id)?;
        self.accounts[index as usize].name.as_deref()
    }

    /// Returns the summaries the default (first) aggregator pages through, sorted by
    /// group name.
    pub fn summaries(
        &self,
        group_by: GroupBy,
        account_id: Option<&str>,
        region: Option<&str>,
    ) -> Vec<GroupSummary> {
        let default = &self.aggregators[0];
        self.aggregator_summaries(default, group_by, account_id, region)
    }

    /// Returns the summaries `aggregator` pages through, sorted by group name.
    pub fn aggregator_summaries(
        &self,
        aggregator: &Aggregator,
        group_by: GroupBy,
        account_id: Option<&str>,
        region: Option<&str>,
    ) -> Vec<GroupSummary> {
        let filter = self.group_filter(account_id, region);
        self.group_rows(aggregator, group_by, &filter)
            .map(|row| self.group_summary(group_by, row))
            .collect()
    }

    /// Returns the packs of one account in one region, sorted by pack name.
    pub(crate) fn cell_packs(&self, account: u32, region: u32) -> &[Pack] {
        let cell = account as usize * self.regions.len() + region as usize;
        let start = self.cell_start[cell] as usize;
        let end = self.cell_start[cell + 1] as usize;
        &self.packs[start..end]
    }

    /// Returns the index of an account, given its 12-digit ID.
    pub(crate) fn account_index(&self, account_id: &str) -> Option<u32> {
        if account_id.len() != 12 || !account_id.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let id: u64 = account_id.parse().ok()?;
        let index = self.accounts.binary_search_by_key(&id, |a| a.id).ok()?;
        u32::try_from(index).ok()
    }

    pub(crate) fn region_index(&self, region: &str) -> Option<u32> {
        let index = self.regions.iter().position(|r| r == region)?;
        u32::try_from(index).ok()
    }

    pub(crate) fn account_id(&self, account: u32) -> String {
        format_account_id(self.accounts[account as usize].id)
    }

    pub(crate) fn region_name(&self, region: u32) -> &str {
        &self.regions[region as usize]
    }

    /// Converts a precomputed row into the public summary type.
    pub(crate) fn group_summary(&self, group_by: GroupBy, row: GroupRow) -> GroupSummary {
        let name = match group_by {
            GroupBy::Account => self.account_id(row.key),
            GroupBy::Region => self.region_name(row.key).to_string(),
        };
        GroupSummary {
            name,
            compliant: row.compliant,
            noncompliant: row.noncompliant,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_spec_parses_and_is_valid() {
        let spec: Result<OrgSpec, _> = serde_json::from_str(DEMO_SPEC);
        let spec = spec.expect("assets/demo-org.json must parse as an OrgSpec");
        assert_eq!(spec.validate(), Ok(()), "the demo spec must be valid");
    }

    #[test]
    fn account_ids_keep_leading_zeros() {
        assert_eq!(format_account_id(42), "000000000042", "IDs are 12 digits");
    }

    #[test]
    fn compliance_type_round_trips() {
        for kind in [
            ComplianceType::Compliant,
            ComplianceType::NonCompliant,
            ComplianceType::InsufficientData,
        ] {
            let parsed = ComplianceType::from_wire_name(kind.wire_name());
            assert_eq!(parsed, Some(kind), "{} must parse back", kind.wire_name());
        }
    }
}
