//! `GetAggregateConformancePackComplianceSummary` through the real SDK client.

#[path = "common/emulator_client.rs"]
mod emulator_client;

use aws_sdk_config::Client;
use aws_sdk_config::types::{
    AggregateConformancePackComplianceSummaryFilters as Filters,
    AggregateConformancePackComplianceSummaryGroupKey as GroupKey,
};
use emulator_client::{client, start_demo};
use packscope::query::{GroupBy, GroupSummary};

const OPERATION: &str = "GetAggregateConformancePackComplianceSummary";

fn group_key(group_by: GroupBy) -> GroupKey {
    GroupKey::from(group_by.wire_key())
}

/// Pages to the end, following every token; returns the groups and the page count.
async fn page_all(
    client: &Client,
    aggregator: &str,
    group_by: GroupBy,
    filters: Option<Filters>,
    limit: i32,
) -> (Vec<GroupSummary>, usize) {
    let mut groups = Vec::new();
    let mut token: Option<String> = None;
    let mut pages = 0;
    loop {
        let output = client
            .get_aggregate_conformance_pack_compliance_summary()
            .configuration_aggregator_name(aggregator)
            .group_by_key(group_key(group_by))
            .set_filters(filters.clone())
            .limit(limit)
            .set_next_token(token.take())
            .send()
            .await
            .expect("every page request must succeed");
        pages += 1;
        for row in output.aggregate_conformance_pack_compliance_summaries() {
            let counts = row.compliance_summary().expect("every row has a summary");
            groups.push(GroupSummary {
                name: row.group_name().expect("every row has a name").to_string(),
                compliant: counts.compliant_conformance_pack_count() as u32,
                noncompliant: counts.non_compliant_conformance_pack_count() as u32,
            });
        }
        match output.next_token() {
            Some(next) if !next.is_empty() => token = Some(next.to_string()),
            _ => return (groups, pages),
        }
    }
}

#[tokio::test]
async fn account_grouping_matches_ground_truth() {
    let emulator = start_demo().await;
    let client = client(&emulator.endpoint_url());
    let expected = emulator
        .organization()
        .summaries(GroupBy::Account, None, None);
    let (groups, pages) = page_all(&client, "org-conformance", GroupBy::Account, None, 100).await;
    assert!(
        expected.len() > 300,
        "the demo must span several pages, has {}",
        expected.len()
    );
    assert_eq!(
        groups, expected,
        "paged groups must equal Organization::summaries"
    );
    assert_eq!(
        pages,
        expected.len().div_ceil(100),
        "one request per page of 100"
    );
}

#[tokio::test]
async fn region_grouping_matches_ground_truth() {
    let emulator = start_demo().await;
    let client = client(&emulator.endpoint_url());
    let expected = emulator
        .organization()
        .summaries(GroupBy::Region, None, None);
    let (groups, _) = page_all(&client, "org-conformance", GroupBy::Region, None, 0).await;
    assert_eq!(groups.len(), 16, "the demo has packs in all 16 regions");
    assert_eq!(
        groups, expected,
        "paged groups must equal Organization::summaries"
    );
}

#[tokio::test]
async fn absent_group_key_means_account() {
    let emulator = start_demo().await;
    let client = client(&emulator.endpoint_url());
    let output = client
        .get_aggregate_conformance_pack_compliance_summary()
        .configuration_aggregator_name("org-conformance")
        .limit(5)
        .send()
        .await
        .expect("a request without GroupByKey must succeed");
    let expected = emulator
        .organization()
        .summaries(GroupBy::Account, None, None);
    let names: Vec<&str> = output
        .aggregate_conformance_pack_compliance_summaries()
        .iter()
        .filter_map(|row| row.group_name())
        .collect();
    let expected_names: Vec<&str> = expected[..5].iter().map(|g| g.name.as_str()).collect();
    assert_eq!(
        names, expected_names,
        "groups must be the first five accounts"
    );
    assert_eq!(
        output.group_by_key(),
        Some("ACCOUNT_ID"),
        "the default key is ACCOUNT_ID"
    );
}

#[tokio::test]
async fn paging_at_several_limits_loses_nothing() {
    let emulator = start_demo().await;
    let client = client(&emulator.endpoint_url());
    let expected = emulator
        .organization()
        .summaries(GroupBy::Account, None, None);
    let mut requests_before = emulator.request_count(OPERATION);
    for limit in [1, 7, 33, 99, 100] {
        let (groups, pages) =
            page_all(&client, "org-conformance", GroupBy::Account, None, limit).await;
        let requests = emulator.request_count(OPERATION) - requests_before;
        requests_before += requests;
        assert_eq!(
            groups, expected,
            "limit {limit} must yield every group once, in order"
        );
        assert_eq!(
            pages,
            expected.len().div_ceil(limit as usize),
            "pages at limit {limit}"
        );
        assert_eq!(
            requests, pages,
            "the emulator must count one request per page at {limit}"
        );
    }
}

#[tokio::test]
async fn account_filter_narrows_to_one_group() {
    let emulator = start_demo().await;
    let client = client(&emulator.endpoint_url());
    let account = emulator
        .organization()
        .summaries(GroupBy::Account, None, None)[10]
        .clone();
    let filters = Filters::builder().account_id(&account.name).build();
    let (by_account, _) = page_all(
        &client,
        "org-conformance",
        GroupBy::Account,
        Some(filters.clone()),
        0,
    )
    .await;
    let (by_region, _) = page_all(
        &client,
        "org-conformance",
        GroupBy::Region,
        Some(filters),
        0,
    )
    .await;
    let expected_regions =
        emulator
            .organization()
            .summaries(GroupBy::Region, Some(&account.name), None);
    assert_eq!(
        by_account,
        vec![account.clone()],
        "the filter keeps only that account"
    );
    assert_eq!(
        by_region, expected_regions,
        "regions of one account must match"
    );
    let compliant: u32 = by_region.iter().map(|g| g.compliant).sum();
    assert_eq!(
        compliant, account.compliant,
        "region counts must add up to the account's"
    );
}

#[tokio::test]
async fn region_filter_narrows_accounts() {
    let emulator = start_demo().await;
    let client = client(&emulator.endpoint_url());
    let filters = Filters::builder().aws_region("eu-west-1").build();
    let (groups, _) = page_all(
        &client,
        "org-conformance",
        GroupBy::Account,
        Some(filters.clone()),
        100,
    )
    .await;
    let expected = emulator
        .organization()
        .summaries(GroupBy::Account, None, Some("eu-west-1"));
    let all = emulator
        .organization()
        .summaries(GroupBy::Account, None, None);
    let (regions, _) = page_all(
        &client,
        "org-conformance",
        GroupBy::Region,
        Some(filters),
        0,
    )
    .await;
    assert_eq!(
        groups, expected,
        "accounts with packs in eu-west-1 must match"
    );
    assert!(
        groups.len() < all.len(),
        "a region filter must drop some accounts"
    );
    assert_eq!(
        regions.len(),
        1,
        "grouping by region with a region filter gives one group"
    );
    assert_eq!(
        regions[0].name, "eu-west-1",
        "the one group is the filtered region"
    );
}

#[tokio::test]
async fn unknown_filter_values_give_empty_page() {
    let emulator = start_demo().await;
    let client = client(&emulator.endpoint_url());
    let cases = [
        Filters::builder().account_id("999999999999").build(),
        Filters::builder().aws_region("mars-north-1").build(),
    ];
    for filters in cases {
        let (groups, pages) = page_all(
            &client,
            "org-conformance",
            GroupBy::Account,
            Some(filters.clone()),
            0,
        )
        .await;
        assert!(groups.is_empty(), "{filters:?} must match no group");
        assert_eq!(pages, 1, "an empty result is one page without a token");
    }
}

#[tokio::test]
async fn accounts_aggregator_covers_subset() {
    let emulator = start_demo().await;
    let client = client(&emulator.endpoint_url());
    let organization = emulator.organization();
    let aggregator = organization
        .aggregator("security-ou-baseline")
        .expect("demo aggregator");
    let expected = organization.aggregator_summaries(aggregator, GroupBy::Region, None, None);
    let (regions, _) = page_all(&client, "security-ou-baseline", GroupBy::Region, None, 0).await;
    let names: Vec<&str> = regions.iter().map(|g| g.name.as_str()).collect();
    let (accounts, _) = page_all(&client, "security-ou-baseline", GroupBy::Account, None, 0).await;
    let all = organization.summaries(GroupBy::Account, None, None);
    assert_eq!(
        regions, expected,
        "region groups must match the aggregator's ground truth"
    );
    assert_eq!(
        names,
        ["eu-central-1", "eu-west-1", "us-east-1", "us-west-2"],
        "only the aggregator's four regions appear"
    );
    assert!(
        accounts.len() * 5 < all.len(),
        "every 9th account is a source"
    );
}

#[tokio::test]
async fn leading_zero_account_ids_survive() {
    let emulator = start_demo().await;
    let client = client(&emulator.endpoint_url());
    let (groups, _) = page_all(&client, "org-conformance", GroupBy::Account, None, 100).await;
    let zero_led: Vec<&str> = groups
        .iter()
        .map(|g| g.name.as_str())
        .filter(|name| name.starts_with('0'))
        .collect();
    assert!(
        !zero_led.is_empty(),
        "the demo must have account IDs with leading zeros"
    );
    for name in zero_led {
        assert_eq!(name.len(), 12, "{name} must keep all 12 digits");
        let filters = Filters::builder().account_id(name).build();
        let (one, _) = page_all(
            &client,
            "org-conformance",
            GroupBy::Account,
            Some(filters),
            0,
        )
        .await;
        assert_eq!(one.len(), 1, "filtering on {name} must find it");
        assert_eq!(one[0].name, name, "the filtered group must be {name}");
    }
}

#[tokio::test]
async fn sdk_paginator_collects_everything() {
    use aws_sdk_config::error::SdkError;
    let emulator = start_demo().await;
    let client = client(&emulator.endpoint_url());
    let pages: Vec<Result<_, SdkError<_, _>>> = client
        .get_aggregate_conformance_pack_compliance_summary()
        .configuration_aggregator_name("org-conformance")
        .limit(50)
        .into_paginator()
        .send()
        .collect()
        .await;
    let names: Vec<String> = pages
        .into_iter()
        .map(|page| page.expect("every page must succeed"))
        .flat_map(|page| {
            page.aggregate_conformance_pack_compliance_summaries
                .unwrap_or_default()
        })
        .filter_map(|row| row.group_name)
        .collect();
    let expected: Vec<String> = emulator
        .organization()
        .summaries(GroupBy::Account, None, None)
        .into_iter()
        .map(|g| g.name)
        .collect();
    assert_eq!(
        names, expected,
        "the SDK paginator must see every group once"
    );
}
