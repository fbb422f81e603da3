//! Property: with empty pages and throttles, paging by the paginator rule still collects
//! exactly the ground truth, for random small organizations and page sizes.

#[path = "common/emulator_client.rs"]
mod emulator_client;

use aws_sdk_config::Client;
use aws_sdk_config::types::AggregateConformancePackComplianceSummaryGroupKey as GroupKey;
use emulator_client::{client, start};
use packscope::emulator::{DEFAULT_REGIONS, Fault, FaultPlan, FaultRule, OrgSpec, Organization};
use packscope::query::{GroupBy, GroupSummary};
use proptest::prelude::*;

/// One scripted page fault: the page number (times the page size gives the offset),
/// whether it throttles (else it empties the page) and how often it fires.
type PageFault = (u32, bool, u32);

fn spec(seed: u64, accounts: u32, regions: usize, max_packs: u8) -> OrgSpec {
    let mut spec = OrgSpec::new(seed, accounts);
    spec.regions = DEFAULT_REGIONS[..regions]
        .iter()
        .map(|r| r.to_string())
        .collect();
    spec.home_region = spec.regions[0].clone();
    spec.max_packs_per_region = max_packs;
    spec.aggregators[1].regions = None;
    spec
}

fn plan(faults: &[PageFault], page_size: u32) -> FaultPlan {
    faults
        .iter()
        .fold(FaultPlan::default(), |plan, &(page, throttle, times)| {
            // Three SDK attempts survive at most two throttles in a row.
            let (fault, times) = if throttle {
                (Fault::Throttling, times.min(2))
            } else {
                (Fault::EmptyPage, times)
            };
            plan.rule(FaultRule::on_page(page * page_size, fault).times(times))
        })
}

async fn page_all(client: &Client, group_by: GroupBy, limit: i32) -> Vec<GroupSummary> {
    let mut groups = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let output = client
            .get_aggregate_conformance_pack_compliance_summary()
            .configuration_aggregator_name("org-wide")
            .group_by_key(GroupKey::from(group_by.wire_key()))
            .limit(limit)
            .set_next_token(token.take())
            .send()
            .await
            .expect("every page must succeed within the SDK's retries");
        for row in output.aggregate_conformance_pack_compliance_summaries() {
            let counts = row.compliance_summary().expect("a summary");
            groups.push(GroupSummary {
                name: row.group_name().unwrap_or_default().to_string(),
                compliant: counts.compliant_conformance_pack_count() as u32,
                noncompliant: counts.non_compliant_conformance_pack_count() as u32,
            });
        }
        match output.next_token() {
            Some(next) if !next.is_empty() => token = Some(next.to_string()),
            _ => return groups,
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn faulty_paging_collects_ground_truth(
        seed in any::<u64>(),
        accounts in 1u32..120,
        regions in 1usize..=16,
        max_packs in 0u8..=6,
        limit in 0i32..=12,
        by_region in any::<bool>(),
        faults in prop::collection::vec((0u32..8, any::<bool>(), 1u32..=3), 0..6),
    ) {
        let group_by = if by_region { GroupBy::Region } else { GroupBy::Account };
        let page_size = if limit == 0 { 100 } else { limit as u32 };
        let organization = Organization::generate(&spec(seed, accounts, regions, max_packs));
        let expected = organization.summaries(group_by, None, None);
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a tokio runtime");
        let groups = runtime.block_on(async {
            let emulator = start(organization, plan(&faults, page_size)).await;
            let client = client(&emulator.endpoint_url());
            let groups = page_all(&client, group_by, limit).await;
            emulator.shutdown().await;
            groups
        });
        prop_assert_eq!(groups, expected, "paging must collect exactly the ground truth");
    }
}
