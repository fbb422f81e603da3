//! Grouped compliant and noncompliant pack counts, with the account and region filters.

use super::{Aggregator, GroupRow, Organization, Pack};
use crate::emulator::organization::ComplianceType;
use crate::query::GroupBy;

/// A filter resolved against the organization.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum GroupFilter {
    /// The filter is absent.
    Any,
    /// The filter names this account or region index.
    Only(u32),
    /// The filter names an account or region the organization does not have.
    Nothing,
}

/// Both filters of a summary query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SummaryFilter {
    pub account: GroupFilter,
    pub region: GroupFilter,
}

impl SummaryFilter {
    fn is_empty(self) -> bool {
        self.account == GroupFilter::Any && self.region == GroupFilter::Any
    }
}

/// Adds compliant and noncompliant packs; INSUFFICIENT_DATA counts in neither.
pub(crate) fn tally(packs: &[Pack], row: &mut GroupRow) {
    for pack in packs {
        match pack.compliance {
            ComplianceType::Compliant => row.compliant += 1,
            ComplianceType::NonCompliant => row.noncompliant += 1,
            ComplianceType::InsufficientData => {}
        }
    }
}

impl Organization {
    /// Resolves account and region filters given as wire strings.
    pub(crate) fn group_filter(
        &self,
        account_id: Option<&str>,
        region: Option<&str>,
    ) -> SummaryFilter {
        let account = match account_id {
            None => GroupFilter::Any,
            Some(id) => self
                .account_index(id)
                .map_or(GroupFilter::Nothing, GroupFilter::Only),
        };
        let region = match region {
            None => GroupFilter::Any,
            Some(name) => self
                .region_index(name)
                .map_or(GroupFilter::Nothing, GroupFilter::Only),
        };
        SummaryFilter { account, region }
    }

    /// Iterates the groups of a summary query in group name order.
    ///
    /// Unfiltered queries read precomputed rows, so skipping to an offset costs nothing.
    pub(crate) fn group_rows<'a>(
        &'a self,
        aggregator: &'a Aggregator,
        group_by: GroupBy,
        filter: &SummaryFilter,
    ) -> Box<dyn Iterator<Item = GroupRow> + 'a> {
        if filter.account == GroupFilter::Nothing || filter.region == GroupFilter::Nothing {
            return Box::new(std::iter::empty());
        }
        match (group_by, filter.is_empty()) {
            (GroupBy::Account, true) => Box::new(aggregator.by_account.iter().copied()),
            (GroupBy::Region, true) => Box::new(aggregator.by_region.iter().copied()),
            (GroupBy::Account, false) => self.filtered_account_rows(aggregator, *filter),
            (GroupBy::Region, false) => self.filtered_region_rows(aggregator, *filter),
        }
    }

    fn filtered_account_rows<'a>(
        &'a self,
        aggregator: &'a Aggregator,
        filter: SummaryFilter,
    ) -> Box<dyn Iterator<Item = GroupRow> + 'a> {
        let mask = region_mask(aggregator, filter.region);
        match filter.account {
            GroupFilter::Only(account) if aggregator.covers_account(account) => {
                Box::new(self.account_row(account, mask).into_iter())
            }
            GroupFilter::Only(_) | GroupFilter::Nothing => Box::new(std::iter::empty()),
            GroupFilter::Any => match filter.region {
                GroupFilter::Only(region) => {
                    let rows = &aggregator.by_account_in_region[region as usize];
                    Box::new(rows.iter().copied())
                }
                GroupFilter::Any => Box::new(aggregator.by_account.iter().copied()),
                GroupFilter::Nothing => Box::new(std::iter::empty()),
            },
        }
    }

    fn filtered_region_rows<'a>(
        &'a self,
        aggregator: &'a Aggregator,
        filter: SummaryFilter,
    ) -> Box<dyn Iterator<Item = GroupRow> + 'a> {
        let mask = region_mask(aggregator, filter.region);
        match filter.account {
            GroupFilter::Any => Box::new(
                aggregator
                    .by_region
                    .iter()
                    .copied()
                    .filter(move |row| mask & (1 << row.key) != 0),
            ),
            GroupFilter::Only(account) if aggregator.covers_account(account) => Box::new(
                (0..self.regions.len() as u32)
                    .filter(move |region| mask & (1 << region) != 0)
                    .filter_map(move |region| self.cell_row(account, region, region)),
            ),
            GroupFilter::Only(_) | GroupFilter::Nothing => Box::new(std::iter::empty()),
        }
    }

    /// Sums one account over the regions in `mask`; `None` when it has no pack there.
    pub(crate) fn account_row(&self, account: u32, mask: u32) -> Option<GroupRow> {
        let mut row = GroupRow {
            key: account,
            compliant: 0,
            noncompliant: 0,
        };
        let mut packs = 0;
        for region in 0..self.regions.len() as u32 {
            if mask & (1 << region) != 0 {
                let cell = self.cell_packs(account, region);
                packs += cell.len();
                tally(cell, &mut row);
            }
        }
        (packs > 0).then_some(row)
    }

    fn cell_row(&self, account: u32, region: u32, key: u32) -> Option<GroupRow> {
        let cell = self.cell_packs(account, region);
        let mut row = GroupRow {
            key,
            compliant: 0,
            noncompliant: 0,
        };
        tally(cell, &mut row);
        (!cell.is_empty()).then_some(row)
    }
}

/// Narrows the aggregator's regions to the region filter.
fn region_mask(aggregator: &Aggregator, region: GroupFilter) -> u32 {
    match region {
        GroupFilter::Any => aggregator.regions.mask,
        GroupFilter::Only(index) if aggregator.regions.contains(index) => 1 << index,
        GroupFilter::Only(_) | GroupFilter::Nothing => 0,
    }
}
