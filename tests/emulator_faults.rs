//! Every fault kind of a `FaultPlan`, as the SDK client sees it.

#[path = "common/emulator_client.rs"]
mod emulator_client;

use std::time::{Duration, Instant};

use aws_sdk_config::Client;
use aws_sdk_config::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_config::operation::get_aggregate_conformance_pack_compliance_summary::GetAggregateConformancePackComplianceSummaryOutput as SummaryOutput;
use emulator_client::{client, client_without_retries, start};
use packscope::emulator::{Emulator, Fault, FaultPlan, FaultRule, HOSTILE_SEQUENCES, Organization};
use packscope::query::GroupBy;

const OPERATION: &str = "GetAggregateConformancePackComplianceSummary";

type SummaryError = SdkError<
    aws_sdk_config::operation::get_aggregate_conformance_pack_compliance_summary::GetAggregateConformancePackComplianceSummaryError,
    aws_sdk_config::config::http::HttpResponse,
>;

async fn start_with(plan: FaultPlan) -> Emulator {
    start(Organization::demo(), plan).await
}

async fn fetch(client: &Client, token: Option<String>) -> Result<SummaryOutput, SummaryError> {
    client
        .get_aggregate_conformance_pack_compliance_summary()
        .configuration_aggregator_name("org-conformance")
        .limit(100)
        .set_next_token(token)
        .send()
        .await
}

/// Pages with the paginator rule: stop only on an absent or empty token.
async fn page_all(client: &Client) -> Vec<String> {
    let mut names = Vec::new();
    let mut token = None;
    loop {
        let output = fetch(client, token.take())
            .await
            .expect("every page must succeed");
        for row in output.aggregate_conformance_pack_compliance_summaries() {
            names.push(row.group_name().unwrap_or_default().to_string());
        }
        match output.next_token() {
            Some(next) if !next.is_empty() => token = Some(next.to_string()),
            _ => return names,
        }
    }
}

fn demo_names() -> Vec<String> {
    let groups = Organization::demo().summaries(GroupBy::Account, None, None);
    groups.into_iter().map(|g| g.name).collect()
}

fn status_of(error: &SummaryError) -> Option<u16> {
    error
        .raw_response()
        .map(|response| response.status().as_u16())
}

/// Checks that a one-attempt request fails with `code` and HTTP `status`.
async fn assert_service_error(fault: Fault, code: &str, status: u16, message_part: &str) {
    let emulator = start_with(FaultPlan::default().rule(FaultRule::on_request(1, fault))).await;
    let client = client_without_retries(&emulator.endpoint_url());
    let error = fetch(&client, None)
        .await
        .expect_err("the fault must fail the request");
    assert_eq!(error.code(), Some(code), "{fault:?} must give {code}");
    assert_eq!(
        status_of(&error),
        Some(status),
        "{code} must be HTTP {status}"
    );
    let message = error.message().unwrap_or_default();
    assert!(
        message.contains(message_part),
        "{code} message must contain {message_part}: {message}"
    );
}

#[tokio::test]
async fn error_faults_have_service_shape() {
    let cases = [
        (
            Fault::Throttling,
            "ThrottlingException",
            400,
            "Rate exceeded",
        ),
        (
            Fault::InternalFailure,
            "InternalFailure",
            500,
            "unknown error",
        ),
        (
            Fault::ServiceUnavailable,
            "ServiceUnavailable",
            503,
            "temporary failure",
        ),
        (
            Fault::InvalidNextToken,
            "InvalidNextTokenException",
            400,
            "nextToken",
        ),
        (
            Fault::ExpiredToken,
            "ExpiredTokenException",
            400,
            "is expired",
        ),
        (
            Fault::UnrecognizedClient,
            "UnrecognizedClientException",
            400,
            "is invalid",
        ),
        (
            Fault::AccessDenied,
            "AccessDeniedException",
            400,
            "config:GetAggregateConformancePackComplianceSummary",
        ),
        (
            Fault::NoSuchAggregator,
            "NoSuchConfigurationAggregatorException",
            400,
            "'org-conformance'",
        ),
    ];
    for (fault, code, status, message_part) in cases {
        assert_service_error(fault, code, status, message_part).await;
    }
}

#[tokio::test]
async fn throttling_is_retried_by_sdk() {
    let plan = FaultPlan::default().rule(FaultRule::on_request(1, Fault::Throttling).times(2));
    let emulator = start_with(plan).await;
    let client = client(&emulator.endpoint_url());
    let output = fetch(&client, None).await;
    assert!(
        output.is_ok(),
        "two throttles fit in three attempts: {output:?}"
    );
    assert_eq!(
        emulator.request_count(OPERATION),
        3,
        "two throttled attempts and one success"
    );
}

#[tokio::test]
async fn throttling_beyond_attempts_fails() {
    let plan = FaultPlan::default().rule(FaultRule::on_request(1, Fault::Throttling).times(3));
    let emulator = start_with(plan).await;
    let client = client(&emulator.endpoint_url());
    let error = fetch(&client, None)
        .await
        .expect_err("three throttles exhaust three attempts");
    assert_eq!(
        error.code(),
        Some("ThrottlingException"),
        "the last error is the throttle"
    );
    assert_eq!(
        emulator.request_count(OPERATION),
        3,
        "the SDK stops after three attempts"
    );
}

#[tokio::test]
async fn server_errors_are_retried_by_sdk() {
    for fault in [Fault::InternalFailure, Fault::ServiceUnavailable] {
        let emulator = start_with(FaultPlan::default().rule(FaultRule::on_request(1, fault))).await;
        let client = client(&emulator.endpoint_url());
        let output = fetch(&client, None).await;
        assert!(output.is_ok(), "{fault:?} once must be retried: {output:?}");
        assert_eq!(
            emulator.request_count(OPERATION),
            2,
            "{fault:?} costs one extra attempt"
        );
    }
}

#[tokio::test]
async fn closed_connection_is_transport_error() {
    let plan = FaultPlan::default().rule(FaultRule::on_request(1, Fault::CloseConnection));
    let emulator = start_with(plan).await;
    let client = client_without_retries(&emulator.endpoint_url());
    let error = fetch(&client, None)
        .await
        .expect_err("a cut response must fail");
    assert!(
        matches!(
            error,
            SdkError::DispatchFailure(_) | SdkError::ResponseError(_)
        ),
        "a closed connection is not a service error: {error:?}"
    );
    let retried = fetch(&client, None).await;
    assert!(
        retried.is_ok(),
        "the next request must succeed on a new connection: {retried:?}"
    );
}

#[tokio::test]
async fn malformed_json_fails_to_parse() {
    let plan = FaultPlan::default().rule(FaultRule::on_request(1, Fault::MalformedJson));
    let emulator = start_with(plan).await;
    let client = client_without_retries(&emulator.endpoint_url());
    let error = fetch(&client, None)
        .await
        .expect_err("half a JSON body must fail");
    assert!(
        matches!(error, SdkError::ResponseError(_)),
        "a body that does not parse is a response error: {error:?}"
    );
}

#[tokio::test]
async fn latency_delays_requests() {
    let plan = FaultPlan::with_latency(Duration::from_millis(150)).rule(FaultRule::on_request(
        2,
        Fault::Latency(Duration::from_millis(300)),
    ));
    let emulator = start_with(plan).await;
    let client = client_without_retries(&emulator.endpoint_url());
    let mut elapsed = Vec::new();
    for _ in 0..2 {
        let started = Instant::now();
        fetch(&client, None)
            .await
            .expect("a delayed request must succeed");
        elapsed.push(started.elapsed());
    }
    assert!(
        elapsed[0] >= Duration::from_millis(150),
        "the plan latency applies: {elapsed:?}"
    );
    assert!(
        elapsed[1] >= Duration::from_millis(450),
        "rule latency adds to it: {elapsed:?}"
    );
}

#[tokio::test]
async fn empty_pages_lose_no_group() {
    let plan = FaultPlan::default()
        .rule(FaultRule::on_page(0, Fault::EmptyPage).times(2))
        .rule(FaultRule::on_page(300, Fault::EmptyPage).times(3));
    let emulator = start_with(plan).await;
    let client = client(&emulator.endpoint_url());
    let expected = demo_names();
    let names = page_all(&client).await;
    assert_eq!(
        names, expected,
        "empty pages must not skip or repeat groups"
    );
    assert_eq!(
        emulator.request_count(OPERATION),
        expected.len().div_ceil(100) + 5,
        "each empty page costs one request"
    );
}

#[tokio::test]
async fn sdk_paginator_follows_empty_pages() {
    let plan = FaultPlan::default().rule(FaultRule::on_page(100, Fault::EmptyPage).times(3));
    let emulator = start_with(plan).await;
    let client = client(&emulator.endpoint_url());
    let pages: Vec<_> = client
        .get_aggregate_conformance_pack_compliance_summary()
        .configuration_aggregator_name("org-conformance")
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
    assert_eq!(names, demo_names(), "the paginator must see every group");
}

#[tokio::test]
async fn empty_token_ends_paging() {
    let plan = FaultPlan::default().rule(FaultRule::on_page(100, Fault::EmptyToken).times(2));
    let emulator = start_with(plan).await;
    let client = client_without_retries(&emulator.endpoint_url());
    let first = fetch(&client, None).await.expect("first page");
    let second = fetch(&client, first.next_token().map(str::to_string))
        .await
        .expect("second page");
    assert_eq!(
        second.next_token(),
        Some(""),
        "the fault sends an empty NextToken"
    );
    assert_eq!(
        page_all(&client).await.len(),
        200,
        "a client following the rule stops at 200"
    );
}

#[tokio::test]
async fn repeated_token_echoes_request() {
    let plan = FaultPlan::default().rule(FaultRule::on_page(100, Fault::RepeatedToken));
    let emulator = start_with(plan).await;
    let client = client_without_retries(&emulator.endpoint_url());
    let first = fetch(&client, None).await.expect("first page");
    let sent = first.next_token().map(str::to_string);
    let second = fetch(&client, sent.clone()).await.expect("second page");
    let rows = second
        .aggregate_conformance_pack_compliance_summaries()
        .len();
    assert_eq!(
        second.next_token(),
        sent.as_deref(),
        "the token must come back unchanged"
    );
    assert_eq!(rows, 100, "the page itself is served");
}

#[tokio::test]
async fn sdk_paginator_stops_on_repeated_token() {
    let plan = FaultPlan::default().rule(FaultRule::on_page(100, Fault::RepeatedToken));
    let emulator = start_with(plan).await;
    let client = client(&emulator.endpoint_url());
    let pages: Vec<_> = client
        .get_aggregate_conformance_pack_compliance_summary()
        .configuration_aggregator_name("org-conformance")
        .into_paginator()
        .send()
        .collect()
        .await;
    assert_eq!(
        pages.len(),
        2,
        "the SDK paginator stops when the token repeats"
    );
    assert_eq!(
        emulator.request_count(OPERATION),
        2,
        "no request follows the repeat"
    );
}

#[tokio::test]
async fn hostile_names_carry_escape_sequences() {
    let plan = FaultPlan::default().rule(FaultRule::on_page(0, Fault::HostileNames));
    let emulator = start_with(plan).await;
    let client = client_without_retries(&emulator.endpoint_url());
    let output = fetch(&client, None)
        .await
        .expect("a hostile page still parses");
    let expected = demo_names();
    for (index, row) in output
        .aggregate_conformance_pack_compliance_summaries()
        .iter()
        .enumerate()
    {
        let name = row.group_name().unwrap_or_default();
        let sequence = HOSTILE_SEQUENCES[index % HOSTILE_SEQUENCES.len()];
        assert!(
            name.contains(sequence),
            "row {index} must carry {sequence:?}: {name:?}"
        );
        assert_eq!(
            name.replacen(sequence, "", 1),
            expected[index],
            "row {index} keeps its name"
        );
    }
    let second = fetch(&client, None).await.expect("the fault fires once");
    let clean = second.aggregate_conformance_pack_compliance_summaries()[0].group_name();
    assert_eq!(
        clean,
        Some(expected[0].as_str()),
        "the next request is clean"
    );
}

#[tokio::test]
async fn plan_from_file_is_applied() {
    let file = tempfile::NamedTempFile::new().expect("a temporary file");
    let json = r#"{"faults": [{"request": 1, "fault": "expired_token"}]}"#;
    std::fs::write(file.path(), json).expect("write the plan");
    let plan = FaultPlan::from_file(file.path()).expect("the plan file must parse");
    let emulator = start_with(plan).await;
    let client = client_without_retries(&emulator.endpoint_url());
    let error = fetch(&client, None)
        .await
        .expect_err("the plan must expire the token");
    assert_eq!(
        error.code(),
        Some("ExpiredTokenException"),
        "the file's fault must fire"
    );
}
