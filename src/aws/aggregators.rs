//! `DescribeConfigurationAggregators`: one page, or every page for `--output`.

use std::sync::Arc;

use aws_sdk_config::types::ConfigurationAggregator;

use super::attempts::{AttemptCounter, RetryListener};
use super::permission::hint_action;
use super::{FetchError, Source};
use crate::app::paging::Paging;
use crate::query::{AggregatorInfo, AggregatorRegions, AggregatorSource, RowPage};

const OPERATION: &str = "DescribeConfigurationAggregators";

/// The maximum `Limit` the operation accepts.
const PAGE_SIZE: i32 = 100;

/// Requests one page of aggregators, starting at `next_token`.
pub async fn fetch_aggregators_page(
    source: &Source,
    next_token: Option<String>,
    on_retry: Option<RetryListener>,
) -> Result<RowPage<AggregatorInfo>, FetchError> {
    tracing::debug!(has_token = next_token.is_some(), "aggregator page request");
    let response = source
        .client
        .describe_configuration_aggregators()
        .limit(PAGE_SIZE)
        .set_next_token(next_token)
        .customize()
        .interceptor(AttemptCounter::new(
            on_retry.unwrap_or_else(|| Arc::new(|_| {})),
        ))
        .send()
        .await
        .map_err(|err| {
            let err = hint_action(FetchError::from_sdk(&err, source, ""), OPERATION);
            tracing::warn!(kind = ?err.kind, code = ?err.code, %err, "aggregator page request failed");
            err
        })?;

    let rows: Vec<AggregatorInfo> = response
        .configuration_aggregators()
        .iter()
        .map(aggregator_info)
        .collect();
    Ok(RowPage {
        rows,
        next_token: response.next_token().map(String::from),
    })
}

/// Lists every aggregator, with the same stopping rules as the interactive lists.
pub async fn fetch_all_aggregators(source: &Source) -> Result<Vec<AggregatorInfo>, FetchError> {
    let mut paging: Paging<AggregatorInfo> = Paging::default();
    while let Some(token) = paging.start_request() {
        let page = fetch_aggregators_page(source, token, None).await?;
        paging.accept_rows(page.rows, page.next_token);
    }
    Ok(paging.rows().to_vec())
}

fn aggregator_info(aggregator: &ConfigurationAggregator) -> AggregatorInfo {
    let name = aggregator
        .configuration_aggregator_name()
        .unwrap_or_default()
        .to_string();
    if let Some(organization) = aggregator.organization_aggregation_source() {
        return AggregatorInfo {
            name,
            source: AggregatorSource::Organization,
            regions: regions(organization.all_aws_regions(), organization.aws_regions()),
        };
    }

    let sources = aggregator.account_aggregation_sources();
    let accounts = sources.iter().map(|s| s.account_ids().len()).sum();
    let all = sources.iter().any(|s| s.all_aws_regions());
    let listed: Vec<String> = sources
        .iter()
        .flat_map(|s| s.aws_regions().iter().cloned())
        .collect();
    AggregatorInfo {
        name,
        source: AggregatorSource::Accounts(accounts),
        regions: regions(all, &listed),
    }
}

fn regions(all: bool, listed: &[String]) -> AggregatorRegions {
    if all {
        AggregatorRegions::All
    } else {
        AggregatorRegions::Listed(listed.len())
    }
}
