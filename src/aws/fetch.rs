//! One `GetAggregateConformancePackComplianceSummary` request.

use aws_sdk_config::types::{
    AggregateConformancePackComplianceSummaryFilters,
    AggregateConformancePackComplianceSummaryGroupKey,
};

use std::sync::Arc;

use super::attempts::{AttemptCounter, RetryListener};
use super::{FetchError, Source};
use crate::query::{GroupBy, GroupSummary, Page, Query};

/// Requests one page of the query, starting at `next_token` (`None` for the first page).
pub async fn fetch_page(
    source: &Source,
    query: &Query,
    next_token: Option<String>,
) -> Result<Page, FetchError> {
    fetch_page_reporting_retries(source, query, next_token, None).await
}

/// Like [`fetch_page`], calling `on_retry` before each retry the SDK makes.
pub async fn fetch_page_reporting_retries(
    source: &Source,
    query: &Query,
    next_token: Option<String>,
    on_retry: Option<RetryListener>,
) -> Result<Page, FetchError> {
    let group_key = match query.group_by {
        GroupBy::Account => AggregateConformancePackComplianceSummaryGroupKey::AccountId,
        GroupBy::Region => AggregateConformancePackComplianceSummaryGroupKey::AwsRegion,
    };

    tracing::debug!(
        aggregator = %query.aggregator,
        group_by = %query.group_by,
        has_token = next_token.is_some(),
        "page request"
    );
    let response = source
        .client
        .get_aggregate_conformance_pack_compliance_summary()
        .configuration_aggregator_name(&query.aggregator)
        .set_filters(filters(query))
        .group_by_key(group_key)
        .limit(i32::from(query.page_size))
        .set_next_token(next_token)
        .customize()
        .interceptor(AttemptCounter::new(
            on_retry.unwrap_or_else(|| Arc::new(|_| {})),
        ))
        .send()
        .await
        .map_err(|err| {
            let err = FetchError::from_sdk(&err, source, &query.aggregator);
            tracing::warn!(kind = ?err.kind, code = ?err.code, %err, "page request failed");
            err
        })?;

    let groups: Vec<GroupSummary> = response
        .aggregate_conformance_pack_compliance_summaries()
        .iter()
        .map(|summary| {
            let counts = summary.compliance_summary();
            GroupSummary {
                name: summary.group_name().unwrap_or_default().to_string(),
                compliant: count(counts.map(|c| c.compliant_conformance_pack_count())),
                noncompliant: count(counts.map(|c| c.non_compliant_conformance_pack_count())),
            }
        })
        .collect();

    tracing::debug!(groups = groups.len(), "page received");
    Ok(Page {
        groups,
        next_token: response.next_token().map(String::from),
    })
}

fn filters(query: &Query) -> Option<AggregateConformancePackComplianceSummaryFilters> {
    let filters = &query.filters;
    if filters.account_id.is_none() && filters.region.is_none() {
        return None;
    }

    Some(
        AggregateConformancePackComplianceSummaryFilters::builder()
            .set_account_id(filters.account_id.clone())
            .set_aws_region(filters.region.clone())
            .build(),
    )
}

/// Converts a count the service sends as a signed integer, treating a negative one as zero.
fn count(value: Option<i32>) -> u32 {
    value.map_or(0, |v| u32::try_from(v).unwrap_or(0))
}
