//! `GetAggregateConformancePackComplianceSummary`: pack counts grouped by account or region.

use serde_json::{Value, json};

use crate::emulator::api_error::ApiError;
use crate::emulator::organization::Organization;
use crate::emulator::pager::{Listing, page_of};
use crate::emulator::request_body::RequestBody;
use crate::emulator::token::fingerprint;
use crate::emulator::validation::{Violations, page_size};
use crate::query::{GroupBy, GroupSummary};

const OPERATION: &str = "GetAggregateConformancePackComplianceSummary";

/// The members of a summary request, before validation.
struct SummaryRequest<'a> {
    aggregator: Option<&'a str>,
    account_id: Option<&'a str>,
    region: Option<&'a str>,
    group_by_key: Option<&'a str>,
    limit: Option<i64>,
    next_token: Option<&'a str>,
}

impl<'a> SummaryRequest<'a> {
    fn read(body: RequestBody<'a>) -> Result<SummaryRequest<'a>, ApiError> {
        let filters = body.structure("Filters")?;
        let filter = |key| {
            filters
                .map(|f| f.string(key))
                .transpose()
                .map(Option::flatten)
        };
        Ok(SummaryRequest {
            aggregator: body.string("ConfigurationAggregatorName")?,
            account_id: filter("AccountId")?,
            region: filter("AwsRegion")?,
            group_by_key: body.string("GroupByKey")?,
            limit: body.integer("Limit")?,
            next_token: body.string("NextToken")?.filter(|token| !token.is_empty()),
        })
    }

    /// Checks every member and returns the aggregator name, grouping and page size.
    fn validate(&self) -> Result<(&'a str, GroupBy, usize), ApiError> {
        let mut violations = Violations::default();
        let name = violations.aggregator_name(self.aggregator, "configurationAggregatorName");
        violations.account_id(self.account_id, "filters.accountId");
        violations.region(self.region, "filters.awsRegion");
        if let Some(key) = self.group_by_key {
            violations.one_of(key, "groupByKey", &["ACCOUNT_ID", "AWS_REGION"]);
        }
        violations.finish()?;
        let size = page_size(self.limit)?;
        let group_by = self
            .group_by_key
            .and_then(GroupBy::from_wire_key)
            .unwrap_or_default();
        Ok((name, group_by, size))
    }
}

/// Validates a summary request and prepares its pages.
pub(super) fn listing<'a>(
    organization: &'a Organization,
    body: RequestBody<'a>,
) -> Result<Listing<'a>, ApiError> {
    let request = SummaryRequest::read(body)?;
    let (name, group_by, size) = request.validate()?;
    let aggregator = organization
        .aggregator(name)
        .ok_or_else(|| ApiError::no_such_aggregator(name))?;
    let filter = organization.group_filter(request.account_id, request.region);
    let parts = [
        ("ConfigurationAggregatorName", Some(name)),
        ("GroupByKey", Some(group_by.wire_key())),
        ("AccountId", request.account_id),
        ("AwsRegion", request.region),
    ];
    Ok(Listing {
        list_key: "AggregateConformancePackComplianceSummaries",
        name_key: "GroupName",
        fingerprint: fingerprint(OPERATION, &parts),
        page_size: size,
        next_token: request.next_token,
        extra: vec![("GroupByKey", Value::from(group_by.wire_key()))],
        fetch: Box::new(move |offset, size| {
            let rows = organization.group_rows(aggregator, group_by, &filter);
            page_of(rows, offset, size, |row| {
                summary_json(&organization.group_summary(group_by, row))
            })
        }),
    })
}

fn summary_json(summary: &GroupSummary) -> Value {
    json!({
        "GroupName": summary.name,
        "ComplianceSummary": {
            "CompliantConformancePackCount": summary.compliant,
            "NonCompliantConformancePackCount": summary.noncompliant,
        },
    })
}
