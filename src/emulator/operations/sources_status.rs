//! `DescribeConfigurationAggregatorSourcesStatus`: which sources reported, failed or lag.

use serde_json::{Value, json};

use crate::emulator::api_error::ApiError;
use crate::emulator::organization::{Organization, SourceStatus, UpdateStatus};
use crate::emulator::pager::{Listing, page_of};
use crate::emulator::request_body::RequestBody;
use crate::emulator::token::fingerprint;
use crate::emulator::validation::{Violations, page_size};

const OPERATION: &str = "DescribeConfigurationAggregatorSourcesStatus";

/// Validates a request and prepares its pages.
pub(super) fn listing<'a>(
    organization: &'a Organization,
    body: RequestBody<'a>,
) -> Result<Listing<'a>, ApiError> {
    let name = body.string("ConfigurationAggregatorName")?;
    let update_status = body.string_list("UpdateStatus")?;
    let limit = body.integer("Limit")?;
    let next_token = body.string("NextToken")?.filter(|token| !token.is_empty());

    let mut violations = Violations::default();
    let name = violations.aggregator_name(name, "configurationAggregatorName");
    let wire_names = UpdateStatus::ALL.map(UpdateStatus::wire_name);
    if let Some(statuses) = &update_status {
        violations.count(statuses, "updateStatus", 1, usize::MAX);
        for (index, status) in statuses.iter().enumerate() {
            violations.one_of(
                status,
                &format!("updateStatus.{}.member", index + 1),
                &wire_names,
            );
        }
    }
    violations.finish()?;
    let size = page_size(limit)?;

    let aggregator = organization
        .aggregator(name)
        .ok_or_else(|| ApiError::no_such_aggregator(name))?;
    let statuses: Vec<UpdateStatus> = update_status
        .iter()
        .flatten()
        .filter_map(|status| UpdateStatus::from_wire_name(status))
        .collect();
    let status_key: Vec<&str> = statuses.iter().map(|status| status.wire_name()).collect();
    let status_key = status_key.join(",");
    let parts = [
        ("ConfigurationAggregatorName", Some(name)),
        ("UpdateStatus", Some(status_key.as_str())),
    ];
    Ok(Listing {
        list_key: "AggregatedSourceStatusList",
        name_key: "SourceId",
        fingerprint: fingerprint(OPERATION, &parts),
        page_size: size,
        next_token,
        extra: Vec::new(),
        fetch: Box::new(move |offset, size| {
            let rows = organization.source_rows(aggregator, statuses);
            page_of(rows, offset, size, |row| status_json(&row))
        }),
    })
}

fn status_json(row: &SourceStatus) -> Value {
    let mut value = json!({
        "SourceId": row.source_id,
        "SourceType": row.source_type,
        "AwsRegion": row.region,
        "LastUpdateStatus": row.status.wire_name(),
        "LastUpdateTime": row.last_update_time,
    });
    if let Some(code) = row.error_code {
        value["LastErrorCode"] = Value::from(code);
    }
    if let Some(message) = &row.error_message {
        value["LastErrorMessage"] = Value::from(message.as_str());
    }
    value
}
