//! One `DescribeConfigurationAggregatorSourcesStatus` request, asking only for the
//! sources that failed or are outdated.

use std::sync::Arc;

use aws_sdk_config::types::{AggregatedSourceStatus, AggregatedSourceStatusType};

use super::attempts::{AttemptCounter, RetryListener};
use super::permission::hint_action;
use super::{FetchError, Source};
use crate::query::{RowPage, SourceRow, SourceUpdateStatus};

const OPERATION: &str = "DescribeConfigurationAggregatorSourcesStatus";

/// The maximum `Limit` the operation accepts.
const PAGE_SIZE: i32 = 100;

/// Requests one page of failed and outdated sources of `aggregator`.
pub async fn fetch_stale_sources_page(
    source: &Source,
    aggregator: &str,
    next_token: Option<String>,
    on_retry: Option<RetryListener>,
) -> Result<RowPage<SourceRow>, FetchError> {
    tracing::debug!(%aggregator, has_token = next_token.is_some(), "source status page request");
    let response = source
        .client
        .describe_configuration_aggregator_sources_status()
        .configuration_aggregator_name(aggregator)
        .update_status(AggregatedSourceStatusType::Failed)
        .update_status(AggregatedSourceStatusType::Outdated)
        .limit(PAGE_SIZE)
        .set_next_token(next_token)
        .customize()
        .interceptor(AttemptCounter::new(
            on_retry.unwrap_or_else(|| Arc::new(|_| {})),
        ))
        .send()
        .await
        .map_err(|err| {
            let err = hint_action(FetchError::from_sdk(&err, source, aggregator), OPERATION);
            tracing::warn!(kind = ?err.kind, code = ?err.code, %err, "source status request failed");
            err
        })?;

    let rows = response
        .aggregated_source_status_list()
        .iter()
        .map(source_row)
        .collect();
    Ok(RowPage {
        rows,
        next_token: response.next_token().map(String::from),
    })
}

fn source_row(status: &AggregatedSourceStatus) -> SourceRow {
    SourceRow {
        source_id: status.source_id().unwrap_or_default().to_string(),
        source_type: status
            .source_type()
            .map(|kind| kind.as_str().to_string())
            .unwrap_or_default(),
        region: status.aws_region().unwrap_or_default().to_string(),
        status: status
            .last_update_status()
            .map_or(SourceUpdateStatus::Unknown, |kind| {
                SourceUpdateStatus::from_wire_name(kind.as_str())
            }),
        last_update: status.last_update_time().map(|time| time.secs()),
        error_code: status.last_error_code().map(String::from),
        error_message: status.last_error_message().map(String::from),
    }
}
