//! `DescribeConfigurationAggregatorSourcesStatus` through the real SDK client.

#[path = "common/emulator_client.rs"]
mod emulator_client;

use aws_sdk_config::Client;
use aws_sdk_config::error::ProvideErrorMetadata;
use aws_sdk_config::types::{AggregatedSourceStatus, AggregatedSourceStatusType as StatusType};
use emulator_client::{client, client_without_retries, start_demo};
use packscope::emulator::UpdateStatus;

const OPERATION: &str = "DescribeConfigurationAggregatorSourcesStatus";

async fn statuses(
    client: &Client,
    aggregator: &str,
    filter: &[StatusType],
) -> Vec<AggregatedSourceStatus> {
    let pages: Vec<_> = client
        .describe_configuration_aggregator_sources_status()
        .configuration_aggregator_name(aggregator)
        .set_update_status((!filter.is_empty()).then(|| filter.to_vec()))
        .into_paginator()
        .send()
        .collect()
        .await;
    pages
        .into_iter()
        .map(|page| page.expect("every page must succeed"))
        .flat_map(|page| page.aggregated_source_status_list.unwrap_or_default())
        .collect()
}

fn status_of(row: &AggregatedSourceStatus) -> &str {
    row.last_update_status()
        .map(|s| s.as_str())
        .unwrap_or_default()
}

#[tokio::test]
async fn demo_has_failed_and_outdated_sources() {
    let emulator = start_demo().await;
    let client = client(&emulator.endpoint_url());
    let rows = statuses(&client, "security-ou-baseline", &[]).await;
    let failed = rows.iter().filter(|row| status_of(row) == "FAILED").count();
    let outdated = rows
        .iter()
        .filter(|row| status_of(row) == "OUTDATED")
        .count();
    let succeeded = rows
        .iter()
        .filter(|row| status_of(row) == "SUCCEEDED")
        .count();
    assert!(failed > 0, "the demo must have FAILED sources");
    assert!(outdated > 0, "the demo must have OUTDATED sources");
    assert!(succeeded > failed + outdated, "most sources must succeed");
    assert_eq!(rows.len(), 134 * 4, "134 source accounts in 4 regions");
}

#[tokio::test]
async fn failed_rows_carry_errors() {
    let emulator = start_demo().await;
    let client = client(&emulator.endpoint_url());
    for row in statuses(&client, "security-ou-baseline", &[]).await {
        let failed = status_of(&row) == "FAILED";
        assert_eq!(
            row.last_error_code().is_some(),
            failed,
            "only FAILED rows have a code: {row:?}"
        );
        assert_eq!(
            row.last_error_message().is_some(),
            failed,
            "only FAILED rows have a message"
        );
        assert!(
            row.last_update_time().is_some(),
            "every row has a last update time"
        );
        assert_eq!(
            row.source_type().map(|t| t.as_str()),
            Some("ACCOUNT"),
            "account sources"
        );
    }
}

#[tokio::test]
async fn status_filter_matches_ground_truth() {
    let emulator = start_demo().await;
    let client = client(&emulator.endpoint_url());
    let organization = emulator.organization();
    let aggregator = organization
        .aggregator("payments-workloads")
        .expect("demo aggregator");
    let filter = [StatusType::Failed, StatusType::Outdated];
    let rows = statuses(&client, "payments-workloads", &filter).await;
    let expected =
        organization.source_statuses(aggregator, &[UpdateStatus::Failed, UpdateStatus::Outdated]);
    let ids: Vec<(&str, &str)> = rows
        .iter()
        .map(|row| {
            (
                row.source_id().unwrap_or_default(),
                row.aws_region().unwrap_or_default(),
            )
        })
        .collect();
    let expected_ids: Vec<(&str, &str)> = expected
        .iter()
        .map(|row| (row.source_id.as_str(), row.region.as_str()))
        .collect();
    assert!(!rows.is_empty(), "payments-workloads has unhealthy sources");
    assert_eq!(
        ids, expected_ids,
        "filtered rows must match the ground truth"
    );
    assert!(
        rows.iter().all(|row| status_of(row) != "SUCCEEDED"),
        "no SUCCEEDED row passes"
    );
}

#[tokio::test]
async fn organization_source_is_per_region() {
    let emulator = start_demo().await;
    let client = client(&emulator.endpoint_url());
    let rows = statuses(&client, "org-conformance", &[]).await;
    let organization_id = &emulator.organization().spec().organization_id;
    assert_eq!(rows.len(), 16, "one organization source per region");
    for row in rows {
        assert_eq!(
            row.source_id(),
            Some(organization_id.as_str()),
            "the source is the organization"
        );
        assert_eq!(
            row.source_type().map(|t| t.as_str()),
            Some("ORGANIZATION"),
            "ORGANIZATION type"
        );
    }
}

#[tokio::test]
async fn pages_at_limit_100() {
    let emulator = start_demo().await;
    let client = client(&emulator.endpoint_url());
    let rows = statuses(&client, "security-ou-baseline", &[]).await;
    assert_eq!(
        emulator.request_count(OPERATION),
        rows.len().div_ceil(100),
        "one request per 100"
    );
}

#[tokio::test]
async fn rejects_invalid_status_filter() {
    let emulator = start_demo().await;
    let client = client_without_retries(&emulator.endpoint_url());
    let cases = [
        (
            Some(vec![StatusType::from("BROKEN")]),
            "'BROKEN' at 'updateStatus.1.member'",
        ),
        (Some(Vec::new()), "length greater than or equal to 1"),
    ];
    for (filter, message_part) in cases {
        let error = client
            .describe_configuration_aggregator_sources_status()
            .configuration_aggregator_name("org-conformance")
            .set_update_status(filter)
            .send()
            .await
            .expect_err("an invalid status filter must fail");
        let message = error.message().unwrap_or_default().to_string();
        assert_eq!(
            error.code(),
            Some("ValidationException"),
            "expected a validation error"
        );
        assert!(
            message.contains(message_part),
            "message must contain {message_part}: {message}"
        );
    }
}
