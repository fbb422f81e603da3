//! One `DescribeAggregateComplianceByConformancePacks` request: the drill-down.

use std::sync::Arc;

use aws_sdk_config::types::{
    AggregateComplianceByConformancePack, AggregateConformancePackComplianceFilters,
    ConformancePackComplianceType,
};

use super::attempts::{AttemptCounter, RetryListener};
use super::permission::hint_action;
use super::{FetchError, Source};
use crate::query::{PackComplianceType, PackQuery, PackRow, RowPage};

const OPERATION: &str = "DescribeAggregateComplianceByConformancePacks";

/// Requests one page of conformance packs, starting at `next_token`, and calls
/// `on_retry` before each retry the SDK makes.
pub async fn fetch_packs_page(
    source: &Source,
    query: &PackQuery,
    next_token: Option<String>,
    on_retry: Option<RetryListener>,
) -> Result<RowPage<PackRow>, FetchError> {
    tracing::debug!(
        aggregator = %query.aggregator,
        account = ?query.account_id,
        region = ?query.region,
        has_token = next_token.is_some(),
        "pack page request"
    );
    let response = source
        .client
        .describe_aggregate_compliance_by_conformance_packs()
        .configuration_aggregator_name(&query.aggregator)
        .filters(filters(query))
        .limit(i32::from(query.page_size))
        .set_next_token(next_token)
        .customize()
        .interceptor(AttemptCounter::new(
            on_retry.unwrap_or_else(|| Arc::new(|_| {})),
        ))
        .send()
        .await
        .map_err(|err| {
            let err = hint_action(
                FetchError::from_sdk(&err, source, &query.aggregator),
                OPERATION,
            );
            tracing::warn!(kind = ?err.kind, code = ?err.code, %err, "pack page request failed");
            err
        })?;

    let rows: Vec<PackRow> = response
        .aggregate_compliance_by_conformance_packs()
        .iter()
        .map(pack_row)
        .collect();
    tracing::debug!(packs = rows.len(), "pack page received");
    Ok(RowPage {
        rows,
        next_token: response.next_token().map(String::from),
    })
}

fn filters(query: &PackQuery) -> AggregateConformancePackComplianceFilters {
    let compliance = query
        .compliance
        .map(|kind| ConformancePackComplianceType::from(kind.wire_name()));
    AggregateConformancePackComplianceFilters::builder()
        .set_account_id(query.account_id.clone())
        .set_aws_region(query.region.clone())
        .set_compliance_type(compliance)
        .build()
}

fn pack_row(pack: &AggregateComplianceByConformancePack) -> PackRow {
    let compliance = pack.compliance();
    PackRow {
        name: pack.conformance_pack_name().unwrap_or_default().to_string(),
        account_id: pack.account_id().unwrap_or_default().to_string(),
        region: pack.aws_region().unwrap_or_default().to_string(),
        compliance: compliance
            .and_then(|c| c.compliance_type())
            .map_or(PackComplianceType::Unknown, |kind| {
                PackComplianceType::from_wire_name(kind.as_str())
            }),
        compliant_rules: count(compliance.map(|c| c.compliant_rule_count())),
        noncompliant_rules: count(compliance.map(|c| c.non_compliant_rule_count())),
        total_rules: count(compliance.map(|c| c.total_rule_count())),
    }
}

/// Converts a count the service sends as a signed integer, treating a negative one as zero.
fn count(value: Option<i32>) -> u32 {
    value.map_or(0, |v| u32::try_from(v).unwrap_or(0))
}
