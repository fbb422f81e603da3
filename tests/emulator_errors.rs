//! Error responses as the SDK parses them: codes, messages and rejected tokens.

#[path = "common/emulator_client.rs"]
mod emulator_client;

use aws_sdk_config::Client;
use aws_sdk_config::error::ProvideErrorMetadata;
use aws_sdk_config::operation::get_aggregate_conformance_pack_compliance_summary::builders::GetAggregateConformancePackComplianceSummaryFluentBuilder as SummaryRequest;
use aws_sdk_config::types::{
    AggregateConformancePackComplianceSummaryFilters as Filters,
    AggregateConformancePackComplianceSummaryGroupKey as GroupKey,
};
use emulator_client::{client_without_retries, start_demo};

fn summary(client: &Client) -> SummaryRequest {
    client
        .get_aggregate_conformance_pack_compliance_summary()
        .configuration_aggregator_name("org-conformance")
}

/// Sends `request` and returns the error code and message it must fail with.
async fn error_of(request: SummaryRequest) -> (String, String) {
    let error = request.send().await.expect_err("the request must fail");
    let code = error.code().unwrap_or("<no code>").to_string();
    let message = error.message().unwrap_or("<no message>").to_string();
    (code, message)
}

#[tokio::test]
async fn limit_above_maximum_is_invalid_limit() {
    let emulator = start_demo().await;
    let client = client_without_retries(&emulator.endpoint_url());
    let (code, message) = error_of(summary(&client).limit(101)).await;
    assert_eq!(code, "InvalidLimitException", "Limit 101 must be rejected");
    assert_eq!(
        message,
        "1 validation error detected: Value '101' at 'limit' failed to satisfy constraint: \
         Member must have value less than or equal to 100",
        "the message must match the service's wording"
    );
}

#[tokio::test]
async fn negative_limit_is_invalid_limit() {
    let emulator = start_demo().await;
    let client = client_without_retries(&emulator.endpoint_url());
    let (code, message) = error_of(summary(&client).limit(-1)).await;
    assert_eq!(code, "InvalidLimitException", "Limit -1 must be rejected");
    assert!(
        message.contains("Value '-1' at 'limit'"),
        "message must name -1: {message}"
    );
    assert!(
        message.contains("greater than or equal to 0"),
        "message must give the bound: {message}"
    );
}

#[tokio::test]
async fn invalid_members_are_validation_errors() {
    let emulator = start_demo().await;
    let client = client_without_retries(&emulator.endpoint_url());
    let long_name = "a".repeat(257);
    let long_region = "r".repeat(65);
    let cases: Vec<(SummaryRequest, &str, &str)> = vec![
        (
            summary(&client).configuration_aggregator_name("org conformance"),
            "'org conformance' at 'configurationAggregatorName'",
            r"pattern: [\w\-]+",
        ),
        (
            summary(&client).configuration_aggregator_name(&long_name),
            "at 'configurationAggregatorName'",
            "length less than or equal to 256",
        ),
        (
            summary(&client).filters(Filters::builder().account_id("12345").build()),
            "'12345' at 'filters.accountId'",
            r"pattern: \d{12}",
        ),
        (
            summary(&client).filters(Filters::builder().account_id("12345678901a").build()),
            "'12345678901a' at 'filters.accountId'",
            r"pattern: \d{12}",
        ),
        (
            summary(&client).filters(Filters::builder().aws_region("").build()),
            "'' at 'filters.awsRegion'",
            "length greater than or equal to 1",
        ),
        (
            summary(&client).filters(Filters::builder().aws_region(&long_region).build()),
            "at 'filters.awsRegion'",
            "length less than or equal to 64",
        ),
        (
            summary(&client).group_by_key(GroupKey::from("BY_OU")),
            "'BY_OU' at 'groupByKey'",
            "enum value set: [ACCOUNT_ID, AWS_REGION]",
        ),
    ];
    for (request, value, constraint) in cases {
        let (code, message) = error_of(request).await;
        assert_eq!(
            code, "ValidationException",
            "expected a validation error for {value}"
        );
        assert!(
            message.contains(value),
            "message must name {value}: {message}"
        );
        assert!(
            message.contains(constraint),
            "message must give {constraint}: {message}"
        );
    }
}

#[tokio::test]
async fn missing_aggregator_name_is_validation_error() {
    let emulator = start_demo().await;
    let client = client_without_retries(&emulator.endpoint_url());
    let request = client.get_aggregate_conformance_pack_compliance_summary();
    let (code, message) = error_of(request).await;
    assert_eq!(
        code, "ValidationException",
        "a missing name must be rejected"
    );
    assert!(
        message.contains("Value null at 'configurationAggregatorName'"),
        "message must name the member: {message}"
    );
}

#[tokio::test]
async fn unknown_aggregator_is_named() {
    let emulator = start_demo().await;
    let client = client_without_retries(&emulator.endpoint_url());
    let (code, message) = error_of(summary(&client).configuration_aggregator_name("nope")).await;
    assert_eq!(
        code, "NoSuchConfigurationAggregatorException",
        "unknown names must be rejected"
    );
    assert!(
        message.contains("'nope'"),
        "message must name the aggregator: {message}"
    );
}

#[tokio::test]
async fn typed_error_variant_is_matched() {
    use aws_sdk_config::operation::get_aggregate_conformance_pack_compliance_summary::GetAggregateConformancePackComplianceSummaryError as SummaryError;
    let emulator = start_demo().await;
    let client = client_without_retries(&emulator.endpoint_url());
    let error = summary(&client)
        .limit(500)
        .send()
        .await
        .expect_err("Limit 500 must fail");
    let service_error = error.into_service_error();
    assert!(
        matches!(service_error, SummaryError::InvalidLimitException(_)),
        "the SDK must map the code to its typed variant, got {service_error:?}"
    );
}

/// Returns a valid NextToken for the default account query at Limit 10.
async fn first_token(client: &Client) -> String {
    let output = summary(client)
        .limit(10)
        .send()
        .await
        .expect("first page must succeed");
    output
        .next_token()
        .expect("the demo has a second page")
        .to_string()
}

#[tokio::test]
async fn token_from_other_query_is_rejected() {
    let emulator = start_demo().await;
    let client = client_without_retries(&emulator.endpoint_url());
    let token = first_token(&client).await;
    let cases = [
        summary(&client).group_by_key(GroupKey::AwsRegion),
        summary(&client).filters(Filters::builder().aws_region("us-east-1").build()),
        summary(&client).configuration_aggregator_name("security-ou-baseline"),
    ];
    for request in cases {
        let (code, message) = error_of(request.next_token(&token)).await;
        assert_eq!(
            code, "InvalidNextTokenException",
            "a token from another query must fail"
        );
        assert!(
            message.contains("different query"),
            "message must say why: {message}"
        );
    }
}

#[tokio::test]
async fn token_with_other_limit_is_accepted() {
    let emulator = start_demo().await;
    let client = client_without_retries(&emulator.endpoint_url());
    let token = first_token(&client).await;
    let output = summary(&client).limit(3).next_token(&token).send().await;
    let rows = output.map(|o| o.aggregate_conformance_pack_compliance_summaries().len());
    assert_eq!(
        rows.ok(),
        Some(3),
        "Limit is not part of the query a token is bound to"
    );
}

#[tokio::test]
async fn garbled_and_tampered_tokens_are_rejected() {
    let emulator = start_demo().await;
    let client = client_without_retries(&emulator.endpoint_url());
    let token = first_token(&client).await;
    let mut tampered: Vec<char> = token.chars().collect();
    tampered[3] = if tampered[3] == 'A' { 'B' } else { 'A' };
    let tampered: String = tampered.into_iter().collect();
    for bad in ["garbage", "!!!!", &token[..token.len() - 1], &tampered] {
        let (code, message) = error_of(summary(&client).next_token(bad)).await;
        assert_eq!(
            code, "InvalidNextTokenException",
            "token {bad:?} must be rejected"
        );
        assert!(
            message.contains("malformed"),
            "message must say why: {message}"
        );
    }
}
