//! `DescribeConfigurationAggregators`: the aggregators, with their sources and times.

use serde_json::{Value, json};

use crate::emulator::api_error::ApiError;
use crate::emulator::organization::{Aggregator, Organization, RegionScope, SourceKind};
use crate::emulator::pager::{Listing, page_of};
use crate::emulator::request_body::RequestBody;
use crate::emulator::token::fingerprint;
use crate::emulator::validation::{Violations, page_size};

const OPERATION: &str = "DescribeConfigurationAggregators";

/// The maximum number of names in `ConfigurationAggregatorNames`.
const MAX_NAMES: usize = 10;

/// Validates a request and prepares its pages.
pub(super) fn listing<'a>(
    organization: &'a Organization,
    body: RequestBody<'a>,
) -> Result<Listing<'a>, ApiError> {
    let names = body
        .string_list("ConfigurationAggregatorNames")?
        .unwrap_or_default();
    let limit = body.integer("Limit")?;
    let next_token = body.string("NextToken")?.filter(|token| !token.is_empty());

    let mut violations = Violations::default();
    violations.count(&names, "configurationAggregatorNames", 0, MAX_NAMES);
    for (index, name) in names.iter().enumerate() {
        let path = format!("configurationAggregatorNames.{}.member", index + 1);
        violations.aggregator_name(Some(name), &path);
    }
    violations.finish()?;
    let size = page_size(limit)?;

    let selected = select(organization, &names)?;
    let joined = names.join("\n");
    let parts = [("ConfigurationAggregatorNames", Some(joined.as_str()))];
    Ok(Listing {
        list_key: "ConfigurationAggregators",
        name_key: "ConfigurationAggregatorName",
        fingerprint: fingerprint(OPERATION, &parts),
        page_size: size,
        next_token,
        extra: Vec::new(),
        fetch: Box::new(move |offset, size| {
            let rows = selected.into_iter();
            page_of(rows, offset, size, |aggregator| {
                aggregator_json(organization, aggregator)
            })
        }),
    })
}

/// Returns the named aggregators in organization order, or all of them when `names` is
/// empty. An unknown name is an error.
fn select<'a>(
    organization: &'a Organization,
    names: &[&str],
) -> Result<Vec<&'a Aggregator>, ApiError> {
    if let Some(missing) = names
        .iter()
        .find(|name| organization.aggregator(name).is_none())
    {
        return Err(ApiError::no_such_aggregator(missing));
    }
    let selected = organization
        .aggregators()
        .iter()
        .filter(|aggregator| names.is_empty() || names.contains(&aggregator.name()))
        .collect();
    Ok(selected)
}

fn aggregator_json(organization: &Organization, aggregator: &Aggregator) -> Value {
    let mut row = json!({
        "ConfigurationAggregatorName": aggregator.name(),
        "ConfigurationAggregatorArn": aggregator.arn(),
        "CreationTime": aggregator.created_at(),
        "LastUpdatedTime": aggregator.updated_at(),
    });
    let mut source = regions_json(organization, aggregator.regions());
    match aggregator.source() {
        SourceKind::Organization => {
            let role = format!(
                "arn:aws:iam::{}:role/packscope-config-aggregator",
                organization.management_account_id()
            );
            source["RoleArn"] = Value::from(role);
            row["OrganizationAggregationSource"] = source;
        }
        SourceKind::Accounts => {
            source["AccountIds"] = Value::from(organization.source_account_ids(aggregator));
            row["AccountAggregationSources"] = Value::Array(vec![source]);
        }
    }
    row
}

/// Builds `AllAwsRegions` and, unless it is true, `AwsRegions`.
fn regions_json(organization: &Organization, scope: RegionScope) -> Value {
    if scope.all {
        return json!({ "AllAwsRegions": true });
    }
    let names: Vec<&String> = organization
        .regions()
        .iter()
        .enumerate()
        .filter(|(index, _)| scope.mask & (1 << index) != 0)
        .map(|(_, name)| name)
        .collect();
    json!({ "AllAwsRegions": false, "AwsRegions": names })
}
