//! `DescribeAggregateComplianceByConformancePacks`, and its consistency with the summary.

#[path = "common/emulator_client.rs"]
mod emulator_client;

use aws_sdk_config::Client;
use aws_sdk_config::error::ProvideErrorMetadata;
use aws_sdk_config::types::{
    AggregateConformancePackComplianceFilters as PackFilters, ConformancePackComplianceType,
};
use emulator_client::{client, client_without_retries, start, start_demo};
use packscope::emulator::{
    ComplianceType, Fault, FaultPlan, FaultRule, HOSTILE_SEQUENCES, OrgSpec, Organization,
    PackCompliance, PackFilter,
};
use packscope::query::GroupBy;

const OPERATION: &str = "DescribeAggregateComplianceByConformancePacks";

/// Pages through the drill-down with the paginator rule.
async fn packs(
    client: &Client,
    aggregator: &str,
    filters: PackFilters,
    limit: i32,
) -> Vec<PackCompliance> {
    let mut rows = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let output = client
            .describe_aggregate_compliance_by_conformance_packs()
            .configuration_aggregator_name(aggregator)
            .filters(filters.clone())
            .limit(limit)
            .set_next_token(token.take())
            .send()
            .await
            .expect("every drill-down page must succeed");
        rows.extend(
            output
                .aggregate_compliance_by_conformance_packs()
                .iter()
                .map(|row| {
                    let compliance = row.compliance().expect("every row has a compliance");
                    let kind = compliance
                        .compliance_type()
                        .map(|k| k.as_str())
                        .unwrap_or_default();
                    PackCompliance {
                        name: row.conformance_pack_name().unwrap_or_default().to_string(),
                        account_id: row.account_id().unwrap_or_default().to_string(),
                        region: row.aws_region().unwrap_or_default().to_string(),
                        compliance: ComplianceType::from_wire_name(kind)
                            .expect("a known compliance type"),
                        compliant_rules: compliance.compliant_rule_count() as u32,
                        noncompliant_rules: compliance.non_compliant_rule_count() as u32,
                        total_rules: compliance.total_rule_count() as u32,
                    }
                }),
        );
        match output.next_token() {
            Some(next) if !next.is_empty() => token = Some(next.to_string()),
            _ => return rows,
        }
    }
}

fn count(rows: &[PackCompliance], kind: ComplianceType) -> u32 {
    rows.iter().filter(|row| row.compliance == kind).count() as u32
}

#[tokio::test]
async fn account_drilldown_matches_summary() {
    let emulator = start_demo().await;
    let client = client(&emulator.endpoint_url());
    let groups = emulator
        .organization()
        .summaries(GroupBy::Account, None, None);
    for group in groups.iter().step_by(97) {
        let filters = PackFilters::builder().account_id(&group.name).build();
        let rows = packs(&client, "org-conformance", filters, 0).await;
        assert!(!rows.is_empty(), "account {} has packs", group.name);
        assert_eq!(
            count(&rows, ComplianceType::Compliant),
            group.compliant,
            "{} compliant",
            group.name
        );
        assert_eq!(
            count(&rows, ComplianceType::NonCompliant),
            group.noncompliant,
            "{} noncompliant",
            group.name
        );
        assert!(
            rows.iter().all(|row| row.account_id == group.name),
            "only {}'s packs",
            group.name
        );
    }
}

#[tokio::test]
async fn region_drilldown_matches_summary_everywhere() {
    let mut spec = OrgSpec::new(77, 40);
    spec.aggregators[1].regions = None;
    let emulator = start(Organization::generate(&spec), FaultPlan::default()).await;
    let client = client(&emulator.endpoint_url());
    for aggregator in ["org-wide", "security-baseline"] {
        let organization = emulator.organization();
        let scope = organization
            .aggregator(aggregator)
            .expect("spec aggregator");
        for group in organization.aggregator_summaries(scope, GroupBy::Region, None, None) {
            let filters = PackFilters::builder().aws_region(&group.name).build();
            let rows = packs(&client, aggregator, filters, 13).await;
            let compliant = count(&rows, ComplianceType::Compliant);
            let noncompliant = count(&rows, ComplianceType::NonCompliant);
            assert_eq!(
                compliant, group.compliant,
                "{aggregator} {} compliant",
                group.name
            );
            assert_eq!(
                noncompliant, group.noncompliant,
                "{aggregator} {} noncompliant",
                group.name
            );
        }
    }
}

#[tokio::test]
async fn paging_reproduces_ground_truth() {
    let emulator = start(
        Organization::generate(&OrgSpec::new(5, 30)),
        FaultPlan::default(),
    )
    .await;
    let client = client(&emulator.endpoint_url());
    let organization = emulator.organization();
    let aggregator = organization
        .aggregator("org-wide")
        .expect("spec aggregator");
    let expected = organization.conformance_packs(aggregator, &PackFilter::default());
    let before = emulator.request_count(OPERATION);
    let rows = packs(&client, "org-wide", PackFilters::builder().build(), 7).await;
    let requests = emulator.request_count(OPERATION) - before;
    assert_eq!(
        rows, expected,
        "every pack once, in account, region and name order"
    );
    assert_eq!(
        requests,
        expected.len().div_ceil(7),
        "one request per page of 7"
    );
}

#[tokio::test]
async fn filters_narrow_rows() {
    let emulator = start_demo().await;
    let client = client(&emulator.endpoint_url());
    let organization = emulator.organization();
    let aggregator = organization
        .aggregator("security-ou-baseline")
        .expect("demo aggregator");
    let pack = "OrgConformsPack-s3-baseline-x7k2m9qa";
    let filters = PackFilters::builder()
        .conformance_pack_name(pack)
        .compliance_type(ConformancePackComplianceType::NonCompliant)
        .build();
    let rows = packs(&client, "security-ou-baseline", filters, 0).await;
    let expected_filter = PackFilter {
        name: Some(pack),
        compliance: Some(ComplianceType::NonCompliant),
        ..PackFilter::default()
    };
    let expected = organization.conformance_packs(aggregator, &expected_filter);
    assert!(!rows.is_empty(), "some accounts fail the S3 baseline");
    assert_eq!(
        rows, expected,
        "the filtered rows must match the ground truth"
    );
    assert!(
        rows.iter().all(|row| row.noncompliant_rules > 0),
        "NON_COMPLIANT rows have failures"
    );
}

#[tokio::test]
async fn rule_counts_are_consistent() {
    let emulator = start_demo().await;
    let client = client(&emulator.endpoint_url());
    let account = emulator.organization().account_ids()[0].clone();
    let rows = packs(
        &client,
        "org-conformance",
        PackFilters::builder().account_id(account).build(),
        0,
    )
    .await;
    for row in rows {
        let evaluated = row.compliant_rules + row.noncompliant_rules;
        assert!(
            evaluated <= row.total_rules,
            "{row:?} counts more rules than it has"
        );
        if row.compliance == ComplianceType::Compliant {
            assert_eq!(
                row.noncompliant_rules, 0,
                "{row:?} is COMPLIANT with failures"
            );
        }
    }
}

#[tokio::test]
async fn rejects_invalid_filters() {
    let emulator = start_demo().await;
    let client = client_without_retries(&emulator.endpoint_url());
    let cases = [
        (
            PackFilters::builder()
                .conformance_pack_name("1-pack")
                .build(),
            "'1-pack' at 'filters.conformancePackName'",
        ),
        (
            PackFilters::builder()
                .compliance_type(ConformancePackComplianceType::from("PARTIAL"))
                .build(),
            "'PARTIAL' at 'filters.complianceType'",
        ),
        (
            PackFilters::builder().account_id("12").build(),
            "'12' at 'filters.accountId'",
        ),
    ];
    for (filters, message_part) in cases {
        let error = client
            .describe_aggregate_compliance_by_conformance_packs()
            .configuration_aggregator_name("org-conformance")
            .filters(filters)
            .send()
            .await
            .expect_err("an invalid filter must fail");
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

#[tokio::test]
async fn hostile_pack_names_fault() {
    let rule = FaultRule::on_page(0, Fault::HostileNames).for_operation(OPERATION);
    let emulator = start(Organization::demo(), FaultPlan::default().rule(rule)).await;
    let client = client_without_retries(&emulator.endpoint_url());
    let output = client
        .describe_aggregate_compliance_by_conformance_packs()
        .configuration_aggregator_name("org-conformance")
        .limit(8)
        .send()
        .await
        .expect("a hostile page still parses");
    for (index, row) in output
        .aggregate_compliance_by_conformance_packs()
        .iter()
        .enumerate()
    {
        let name = row.conformance_pack_name().unwrap_or_default();
        let sequence = HOSTILE_SEQUENCES[index % HOSTILE_SEQUENCES.len()];
        assert!(
            name.contains(sequence),
            "row {index} must carry {sequence:?}: {name:?}"
        );
    }
}
