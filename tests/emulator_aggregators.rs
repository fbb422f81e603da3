//! `DescribeConfigurationAggregators` through the real SDK client.

#[path = "common/emulator_client.rs"]
mod emulator_client;

use aws_sdk_config::error::ProvideErrorMetadata;
use aws_sdk_config::types::ConfigurationAggregator;
use emulator_client::{client_without_retries, start_demo};

const OPERATION: &str = "DescribeConfigurationAggregators";

#[tokio::test]
async fn lists_demo_aggregators_in_order() {
    let emulator = start_demo().await;
    let client = client_without_retries(&emulator.endpoint_url());
    let output = client
        .describe_configuration_aggregators()
        .send()
        .await
        .expect("listing aggregators must succeed");
    let names: Vec<&str> = output
        .configuration_aggregators()
        .iter()
        .filter_map(|a| a.configuration_aggregator_name())
        .collect();
    assert_eq!(
        names,
        emulator.organization().aggregator_names(),
        "all aggregators, in order"
    );
    assert!(
        output.next_token().is_none(),
        "three aggregators fit on one page"
    );
}

async fn describe_one(name: &str) -> (ConfigurationAggregator, packscope::emulator::Emulator) {
    let emulator = start_demo().await;
    let client = client_without_retries(&emulator.endpoint_url());
    let output = client
        .describe_configuration_aggregators()
        .configuration_aggregator_names(name)
        .send()
        .await
        .expect("describing one aggregator must succeed");
    let aggregators = output.configuration_aggregators();
    assert_eq!(aggregators.len(), 1, "exactly {name} must be returned");
    (aggregators[0].clone(), emulator)
}

#[tokio::test]
async fn organization_source_is_described() {
    let (aggregator, emulator) = describe_one("org-conformance").await;
    let management = emulator.organization().management_account_id();
    let arn = aggregator
        .configuration_aggregator_arn()
        .unwrap_or_default();
    let source = aggregator
        .organization_aggregation_source()
        .expect("an organization source");
    let created = aggregator
        .creation_time()
        .map(|t| t.secs())
        .unwrap_or_default();
    let updated = aggregator
        .last_updated_time()
        .map(|t| t.secs())
        .unwrap_or_default();
    let prefix =
        format!("arn:aws:config:us-east-1:{management}:config-aggregator/config-aggregator-");
    assert!(
        arn.starts_with(&prefix),
        "the ARN must name the management account: {arn}"
    );
    assert!(
        source.all_aws_regions(),
        "the organization aggregator covers all regions"
    );
    assert!(
        source.aws_regions().is_empty(),
        "AwsRegions is absent when all regions are set"
    );
    assert!(source.role_arn().contains(&management), "a role ARN");
    assert!(
        aggregator.account_aggregation_sources().is_empty(),
        "no account sources"
    );
    assert_eq!(
        created, 1_647_250_200,
        "the first aggregator was created at the spec's time"
    );
    assert!(updated > created, "the last update follows the creation");
}

#[tokio::test]
async fn account_source_lists_accounts_and_regions() {
    let (aggregator, emulator) = describe_one("security-ou-baseline").await;
    let organization = emulator.organization();
    let expected_accounts = organization.source_account_ids(
        organization
            .aggregator("security-ou-baseline")
            .expect("demo"),
    );
    let sources = aggregator.account_aggregation_sources();
    assert_eq!(sources.len(), 1, "one account source");
    assert_eq!(
        sources[0].account_ids(),
        expected_accounts,
        "every 9th account"
    );
    assert!(!sources[0].all_aws_regions(), "only listed regions");
    assert_eq!(
        sources[0].aws_regions(),
        ["eu-central-1", "eu-west-1", "us-east-1", "us-west-2"],
        "the four regions of the spec"
    );
    assert!(
        aggregator.organization_aggregation_source().is_none(),
        "no organization source"
    );
}

#[tokio::test]
async fn pages_one_aggregator_at_a_time() {
    let emulator = start_demo().await;
    let client = client_without_retries(&emulator.endpoint_url());
    let pages: Vec<_> = client
        .describe_configuration_aggregators()
        .limit(1)
        .into_paginator()
        .send()
        .collect()
        .await;
    let names: Vec<String> = pages
        .into_iter()
        .map(|page| page.expect("every page must succeed"))
        .flat_map(|page| page.configuration_aggregators.unwrap_or_default())
        .filter_map(|a| a.configuration_aggregator_name)
        .collect();
    assert_eq!(
        names,
        emulator.organization().aggregator_names(),
        "every aggregator once"
    );
    assert_eq!(
        emulator.request_count(OPERATION),
        3,
        "one request per aggregator at Limit 1"
    );
}

#[tokio::test]
async fn rejects_bad_requests() {
    let emulator = start_demo().await;
    let client = client_without_retries(&emulator.endpoint_url());
    let eleven: Vec<String> = (0..11).map(|i| format!("name-{i}")).collect();
    let cases = [
        (
            client
                .describe_configuration_aggregators()
                .configuration_aggregator_names("ghost"),
            "NoSuchConfigurationAggregatorException",
            "'ghost'",
        ),
        (
            client
                .describe_configuration_aggregators()
                .set_configuration_aggregator_names(Some(eleven)),
            "ValidationException",
            "length less than or equal to 10",
        ),
        (
            client
                .describe_configuration_aggregators()
                .configuration_aggregator_names("bad name"),
            "ValidationException",
            "'bad name' at 'configurationAggregatorNames.1.member'",
        ),
        (
            client.describe_configuration_aggregators().limit(101),
            "InvalidLimitException",
            "Value '101' at 'limit'",
        ),
    ];
    for (request, code, message_part) in cases {
        let error = request.send().await.expect_err("the request must fail");
        let message = error.message().unwrap_or_default().to_string();
        assert_eq!(
            error.code(),
            Some(code),
            "expected {code} for {message_part}"
        );
        assert!(
            message.contains(message_part),
            "message must contain {message_part}: {message}"
        );
    }
}

#[tokio::test]
async fn token_is_bound_to_names() {
    let emulator = start_demo().await;
    let client = client_without_retries(&emulator.endpoint_url());
    let first = client
        .describe_configuration_aggregators()
        .limit(1)
        .send()
        .await
        .expect("first page");
    let token = first
        .next_token()
        .expect("more aggregators remain")
        .to_string();
    let error = client
        .describe_configuration_aggregators()
        .configuration_aggregator_names("org-conformance")
        .next_token(token)
        .send()
        .await
        .expect_err("a token from a query without names must fail with names");
    assert_eq!(
        error.code(),
        Some("InvalidNextTokenException"),
        "the token is rejected"
    );
}
