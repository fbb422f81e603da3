//! Aggregators of a generated organization, with their precomputed group rows.

use crate::emulator::organization::aggregator::{Aggregator, GroupRow, RegionScope};
use crate::emulator::organization::groups::tally;
use crate::emulator::organization::spec::{AggregatorSpec, SourceKind};
use crate::emulator::organization::{Organization, format_account_id};
use crate::emulator::rng::mix_all;

/// Builds the aggregator that `spec` describes, the `index`th of the organization.
pub(super) fn build_aggregator(
    organization: &Organization,
    spec: &AggregatorSpec,
    index: usize,
    management: u32,
) -> Aggregator {
    let org_spec = &organization.spec;
    let accounts = spec.account_stride.map(|stride| {
        (0..organization.accounts.len() as u32)
            .step_by(stride as usize)
            .collect::<Vec<u32>>()
    });
    let regions = region_scope(organization, spec.regions.as_deref());
    let salt = mix_all(&[org_spec.seed, spec.name.len() as u64, fold_name(&spec.name)]);
    // Aggregators were set up a few weeks apart and each changed once a few days later.
    let created_at = org_spec.created_at + index as i64 * 23 * 86_400;
    let updated_at = created_at + 86_400 + (salt % (9 * 86_400)) as i64;
    let arn = format!(
        "arn:aws:config:{}:{}:config-aggregator/config-aggregator-{:08x}",
        org_spec.home_region,
        format_account_id(organization.accounts[management as usize].id),
        salt as u32
    );
    let mut aggregator = Aggregator {
        name: spec.name.clone(),
        arn,
        source: spec.source,
        accounts,
        regions,
        created_at,
        updated_at,
        salt,
        by_account: Vec::new(),
        by_region: Vec::new(),
        by_account_in_region: Vec::new(),
    };
    debug_assert!(spec.source == SourceKind::Organization || aggregator.accounts.is_some());
    aggregator.by_account = account_rows(organization, &aggregator);
    aggregator.by_region = region_rows(organization, &aggregator);
    aggregator.by_account_in_region = (0..organization.regions.len() as u32)
        .map(|region| account_rows_in_region(organization, &aggregator, region))
        .collect();
    aggregator
}

fn fold_name(name: &str) -> u64 {
    name.bytes()
        .fold(0, |acc, byte| mix_all(&[acc, u64::from(byte)]))
}

fn region_scope(organization: &Organization, regions: Option<&[String]>) -> RegionScope {
    let Some(regions) = regions else {
        let count = organization.regions.len() as u32;
        let mask = if count == 32 {
            u32::MAX
        } else {
            (1 << count) - 1
        };
        return RegionScope { mask, all: true };
    };
    let mask = regions
        .iter()
        .filter_map(|name| organization.region_index(name))
        .fold(0, |mask, index| mask | (1 << index));
    RegionScope { mask, all: false }
}

fn account_rows(organization: &Organization, aggregator: &Aggregator) -> Vec<GroupRow> {
    (0..aggregator.account_count(organization.accounts.len()))
        .map(|position| aggregator.account_at(position))
        .filter_map(|account| organization.account_row(account, aggregator.regions.mask))
        .collect()
}

fn account_rows_in_region(
    organization: &Organization,
    aggregator: &Aggregator,
    region: u32,
) -> Vec<GroupRow> {
    if !aggregator.regions.contains(region) {
        return Vec::new();
    }
    (0..aggregator.account_count(organization.accounts.len()))
        .map(|position| aggregator.account_at(position))
        .filter_map(|account| organization.account_row(account, 1 << region))
        .collect()
}

fn region_rows(organization: &Organization, aggregator: &Aggregator) -> Vec<GroupRow> {
    let accounts = aggregator.account_count(organization.accounts.len());
    let mut rows = Vec::new();
    for region in 0..organization.regions.len() as u32 {
        if !aggregator.regions.contains(region) {
            continue;
        }
        let mut row = GroupRow {
            key: region,
            compliant: 0,
            noncompliant: 0,
        };
        let mut packs = 0;
        for position in 0..accounts {
            let cell = organization.cell_packs(aggregator.account_at(position), region);
            packs += cell.len();
            tally(cell, &mut row);
        }
        if packs > 0 {
            rows.push(row);
        }
    }
    rows
}
