//! Conformance packs one by one, as the drill-down operation lists them.

use super::catalog::PACKS;
use super::groups::GroupFilter;
use super::{Aggregator, ComplianceType, Organization, Pack};

/// One conformance pack in one account and region, with its rule counts.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PackCompliance {
    pub name: String,
    pub account_id: String,
    pub region: String,
    pub compliance: ComplianceType,
    pub compliant_rules: u32,
    pub noncompliant_rules: u32,
    pub total_rules: u32,
}

/// The filters of `DescribeAggregateComplianceByConformancePacks`; `None` matches all.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PackFilter<'a> {
    pub name: Option<&'a str>,
    pub compliance: Option<ComplianceType>,
    pub account_id: Option<&'a str>,
    pub region: Option<&'a str>,
}

/// A `PackFilter` resolved to indices.
#[derive(Debug, Clone, Copy)]
struct ResolvedFilter {
    template: GroupFilter,
    compliance: Option<ComplianceType>,
    account: GroupFilter,
    region_mask: u32,
}

impl ResolvedFilter {
    fn matches(&self, pack: &Pack) -> bool {
        let template_ok = match self.template {
            GroupFilter::Any => true,
            GroupFilter::Only(template) => u32::from(pack.template) == template,
            GroupFilter::Nothing => false,
        };
        template_ok && self.compliance.is_none_or(|kind| pack.compliance == kind)
    }
}

impl Organization {
    /// Returns the packs `aggregator` lists for `filter`, sorted by account ID, region
    /// and pack name.
    pub fn conformance_packs(
        &self,
        aggregator: &Aggregator,
        filter: &PackFilter,
    ) -> Vec<PackCompliance> {
        self.pack_rows(aggregator, filter).collect()
    }

    /// Iterates the packs `aggregator` lists for `filter`, in the order the pages use.
    pub(crate) fn pack_rows<'a>(
        &'a self,
        aggregator: &'a Aggregator,
        filter: &PackFilter,
    ) -> impl Iterator<Item = PackCompliance> + 'a {
        let resolved = self.resolve_pack_filter(aggregator, filter);
        let accounts: Box<dyn Iterator<Item = u32> + 'a> = match resolved.account {
            GroupFilter::Only(account) if aggregator.covers_account(account) => {
                Box::new(std::iter::once(account))
            }
            GroupFilter::Only(_) | GroupFilter::Nothing => Box::new(std::iter::empty()),
            GroupFilter::Any => Box::new(
                (0..aggregator.account_count(self.accounts.len()))
                    .map(|position| aggregator.account_at(position)),
            ),
        };
        let regions = self.regions.len() as u32;
        accounts
            .flat_map(move |account| {
                (0..regions)
                    .filter(move |region| resolved.region_mask & (1 << region) != 0)
                    .map(move |region| (account, region))
            })
            .flat_map(move |(account, region)| {
                self.cell_packs(account, region)
                    .iter()
                    .filter(move |pack| resolved.matches(pack))
                    .map(move |pack| self.pack_compliance(account, region, pack))
            })
    }

    fn resolve_pack_filter(&self, aggregator: &Aggregator, filter: &PackFilter) -> ResolvedFilter {
        let template = match filter.name {
            None => GroupFilter::Any,
            Some(name) => PACKS
                .iter()
                .position(|template| template.name == name)
                .map_or(GroupFilter::Nothing, |index| {
                    GroupFilter::Only(index as u32)
                }),
        };
        let groups = self.group_filter(filter.account_id, filter.region);
        let region_mask = match groups.region {
            GroupFilter::Any => aggregator.regions.mask,
            GroupFilter::Only(region) => aggregator.regions.mask & (1 << region),
            GroupFilter::Nothing => 0,
        };
        ResolvedFilter {
            template,
            compliance: filter.compliance,
            account: groups.account,
            region_mask,
        }
    }

    fn pack_compliance(&self, account: u32, region: u32, pack: &Pack) -> PackCompliance {
        PackCompliance {
            name: PACKS[usize::from(pack.template)].name.to_string(),
            account_id: self.account_id(account),
            region: self.region_name(region).to_string(),
            compliance: pack.compliance,
            compliant_rules: u32::from(pack.compliant_rules),
            noncompliant_rules: u32::from(pack.noncompliant_rules),
            total_rules: u32::from(pack.total_rules),
        }
    }
}
