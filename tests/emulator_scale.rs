//! Organization size limits: 100,000 accounts over 16 regions, built and served.
//!
//! Run the timing in an optimized build, since debug builds are several times slower:
//! `cargo test --release --test emulator_scale -- --ignored --nocapture`.

#[path = "common/emulator_client.rs"]
mod emulator_client;

use std::time::Instant;

use emulator_client::{client, start};
use packscope::emulator::{FaultPlan, OrgSpec, Organization};
use packscope::query::GroupBy;

/// Returns the resident set size of this process in bytes, from `/proc/self/statm`.
fn resident_bytes() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").expect("Linux /proc/self/statm");
    let pages: u64 = statm
        .split_whitespace()
        .nth(1)
        .and_then(|field| field.parse().ok())
        .expect("statm has a resident page count");
    pages * 4096
}

#[test]
#[ignore = "builds a 100,000-account organization; run with --release"]
fn largest_organization_fits_budget() {
    let before = resident_bytes();
    let started = Instant::now();
    let organization = Organization::generate(&OrgSpec::new(1, 100_000));
    let elapsed = started.elapsed();
    let grown = resident_bytes().saturating_sub(before);
    println!(
        "generated 100,000 x 16 in {elapsed:?}, resident set grew {} MiB",
        grown >> 20
    );
    assert_eq!(
        organization.account_count(),
        100_000,
        "every account must exist"
    );
    assert!(
        grown < 200 << 20,
        "the organization must take under 200 MiB, took {grown}"
    );
}

#[tokio::test]
#[ignore = "builds a 100,000-account organization; run with --release"]
async fn largest_organization_pages_quickly() {
    let organization = Organization::generate(&OrgSpec::new(2, 100_000));
    let expected = organization.summaries(GroupBy::Account, None, Some("eu-west-1"));
    let emulator = start(organization, FaultPlan::default()).await;
    let client = client(&emulator.endpoint_url());
    let started = Instant::now();
    let mut token: Option<String> = None;
    let mut groups = 0;
    loop {
        let output = client
            .get_aggregate_conformance_pack_compliance_summary()
            .configuration_aggregator_name("org-wide")
            .filters(
                aws_sdk_config::types::AggregateConformancePackComplianceSummaryFilters::builder()
                    .aws_region("eu-west-1")
                    .build(),
            )
            .set_next_token(token.take())
            .send()
            .await
            .expect("every page must succeed");
        groups += output
            .aggregate_conformance_pack_compliance_summaries()
            .len();
        match output.next_token() {
            Some(next) if !next.is_empty() => token = Some(next.to_string()),
            _ => break,
        }
    }
    let pages = expected.len().div_ceil(100);
    println!(
        "paged {groups} filtered groups in {pages} pages in {:?}",
        started.elapsed()
    );
    assert_eq!(groups, expected.len(), "every filtered group must arrive");
}
