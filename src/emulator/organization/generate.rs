//! Deterministic generation of accounts, conformance packs and aggregators from a spec.

mod aggregators;

use std::collections::HashSet;

use super::catalog::{ENVIRONMENTS, PACKS, TEAMS};
use super::spec::OrgSpec;
use super::{Account, ComplianceType, Organization, Pack};
use crate::emulator::rng::{SplitMix64, mix_all};
use aggregators::build_aggregator;

/// The compliance tendencies of one account, drawn once per account.
#[derive(Debug, Clone, Copy)]
struct Profile {
    /// Percent chance that a pack is NON_COMPLIANT.
    noncompliant_percent: u64,
    /// Bit mask of the regions where the account runs workloads.
    active_regions: u32,
    /// True for accounts with no conformance pack at all, such as new or suspended ones.
    empty: bool,
}

/// Builds the organization; `spec` must already be valid.
pub(super) fn build(spec: &OrgSpec) -> Organization {
    let mut rng = SplitMix64::new(spec.seed);
    let mut regions = spec.regions.clone();
    regions.sort();
    let accounts = draw_accounts(&mut rng, spec.accounts);
    let (cell_start, packs) = draw_packs(&mut rng, spec, accounts.len(), regions.len());
    let mut organization = Organization {
        spec: spec.clone(),
        regions,
        accounts,
        cell_start,
        packs,
        aggregators: Vec::new(),
    };
    let management = management_account(spec, organization.accounts.len());
    organization.aggregators = spec
        .aggregators
        .iter()
        .enumerate()
        .map(|(index, aggregator)| build_aggregator(&organization, aggregator, index, management))
        .collect();
    organization
}

/// Picks the account that owns the aggregators.
pub(super) fn management_account(spec: &OrgSpec, accounts: usize) -> u32 {
    (mix_all(&[spec.seed, 0x4D47_4D54]) % accounts as u64) as u32
}

/// Draws unique 12-digit account IDs, about 4% with leading zeros, sorted by ID.
fn draw_accounts(rng: &mut SplitMix64, count: u32) -> Vec<Account> {
    let mut seen = HashSet::with_capacity(count as usize);
    let mut ids = Vec::with_capacity(count as usize);
    while ids.len() < count as usize {
        let id = if rng.percent(4) {
            rng.below(100_000_000_000)
        } else {
            rng.between(100_000_000_000, 999_999_999_999)
        };
        if seen.insert(id) {
            ids.push(id);
        }
    }
    ids.sort_unstable();
    ids.into_iter()
        .map(|id| Account {
            id,
            name: draw_account_name(rng),
        })
        .collect()
}

/// Gives about 85% of accounts a name such as "payments-prod".
fn draw_account_name(rng: &mut SplitMix64) -> Option<Box<str>> {
    if !rng.percent(85) {
        return None;
    }
    let team = TEAMS[rng.below(TEAMS.len() as u64) as usize];
    let environment = ENVIRONMENTS[rng.below(ENVIRONMENTS.len() as u64) as usize];
    Some(format!("{team}-{environment}").into_boxed_str())
}

fn draw_profile(rng: &mut SplitMix64, regions: usize) -> Profile {
    let noncompliant_percent = match rng.below(100) {
        0..70 => 4,
        70..92 => 30,
        _ => 80,
    };
    let mut active_regions = 0u32;
    let active = rng.between(1, regions.min(4) as u64);
    for _ in 0..active {
        active_regions |= 1 << rng.below(regions as u64);
    }
    Profile {
        noncompliant_percent,
        active_regions,
        empty: rng.percent(3),
    }
}

fn draw_packs(
    rng: &mut SplitMix64,
    spec: &OrgSpec,
    accounts: usize,
    regions: usize,
) -> (Vec<u32>, Vec<Pack>) {
    let max = u64::from(spec.max_packs_per_region);
    let mut cell_start = Vec::with_capacity(accounts * regions + 1);
    let mut packs = Vec::with_capacity(accounts * regions * (max as usize / 2 + 1));
    cell_start.push(0);
    for _ in 0..accounts {
        let profile = draw_profile(rng, regions);
        for region in 0..regions {
            let count = match (profile.empty, profile.active_regions & (1 << region) != 0) {
                (true, _) => 0,
                (false, true) => rng.between(max.min(2), max),
                (false, false) => rng.between(0, max.min(2)),
            };
            draw_cell(rng, profile, count as usize, &mut packs);
            cell_start.push(packs.len() as u32);
        }
    }
    (cell_start, packs)
}

/// Draws `count` distinct packs, weighted by how common each is, sorted by name.
fn draw_cell(rng: &mut SplitMix64, profile: Profile, count: usize, packs: &mut Vec<Pack>) {
    let start = packs.len();
    let mut taken = 0u32;
    for _ in 0..count {
        let template = draw_template(rng, taken);
        taken |= 1 << template;
        packs.push(draw_pack(rng, profile, template));
    }
    packs[start..].sort_unstable_by_key(|pack| pack.template);
}

/// Draws one template index not yet in `taken`, weighted by `PackTemplate::weight`.
fn draw_template(rng: &mut SplitMix64, taken: u32) -> u8 {
    let free = |index: &usize| taken & (1 << index) == 0;
    let total: u64 = (0..PACKS.len())
        .filter(free)
        .map(|index| u64::from(PACKS[index].weight))
        .sum();
    let mut ticket = rng.below(total);
    for index in (0..PACKS.len()).filter(free) {
        let weight = u64::from(PACKS[index].weight);
        if ticket < weight {
            return index as u8;
        }
        ticket -= weight;
    }
    // Unreachable while `count` never exceeds the number of templates.
    (0..PACKS.len()).find(free).unwrap_or(0) as u8
}

fn draw_pack(rng: &mut SplitMix64, profile: Profile, template: u8) -> Pack {
    let total = PACKS[usize::from(template)].rules;
    let compliance = if rng.percent(4) {
        ComplianceType::InsufficientData
    } else if rng.percent(profile.noncompliant_percent) {
        ComplianceType::NonCompliant
    } else {
        ComplianceType::Compliant
    };
    let noncompliant = match compliance {
        ComplianceType::NonCompliant => {
            let worst = (u64::from(total) * profile.noncompliant_percent / 100).max(1);
            rng.between(1, worst) as u16
        }
        _ => 0,
    };
    let insufficient = rng.below(u64::from((total - noncompliant).min(3))) as u16;
    let compliant = match compliance {
        ComplianceType::InsufficientData => 0,
        _ => total - noncompliant - insufficient,
    };
    Pack {
        template,
        compliance,
        compliant_rules: compliant,
        noncompliant_rules: noncompliant,
        total_rules: total,
    }
}

#[cfg(test)]
mod tests;
