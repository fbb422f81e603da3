//! `DescribeAggregateComplianceByConformancePacks`: the packs behind the summary counts.

use serde_json::{Value, json};

use crate::emulator::api_error::ApiError;
use crate::emulator::organization::{ComplianceType, Organization, PackCompliance, PackFilter};
use crate::emulator::pager::{Listing, page_of};
use crate::emulator::request_body::RequestBody;
use crate::emulator::token::fingerprint;
use crate::emulator::validation::{Violations, page_size};

const OPERATION: &str = "DescribeAggregateComplianceByConformancePacks";

const COMPLIANCE_TYPES: [&str; 3] = ["COMPLIANT", "NON_COMPLIANT", "INSUFFICIENT_DATA"];

/// Validates a request and prepares its pages.
// NOTE: a page without an account filter skips the rows before its offset one by one,
// so paging an unfiltered 100,000-account organization to its end is slow.
pub(super) fn listing<'a>(
    organization: &'a Organization,
    body: RequestBody<'a>,
) -> Result<Listing<'a>, ApiError> {
    let name = body.string("ConfigurationAggregatorName")?;
    let filters = body.structure("Filters")?;
    let filter = |key| {
        filters
            .map(|f| f.string(key))
            .transpose()
            .map(Option::flatten)
    };
    let pack_name = filter("ConformancePackName")?;
    let compliance = filter("ComplianceType")?;
    let account_id = filter("AccountId")?;
    let region = filter("AwsRegion")?;
    let limit = body.integer("Limit")?;
    let next_token = body.string("NextToken")?.filter(|token| !token.is_empty());

    let mut violations = Violations::default();
    let name = violations.aggregator_name(name, "configurationAggregatorName");
    if let Some(pack) = pack_name {
        violations.length(pack, "filters.conformancePackName", 1, 256);
        let matches = is_pack_name(pack);
        violations.pattern(
            pack,
            "filters.conformancePackName",
            "[a-zA-Z][-a-zA-Z0-9]*",
            matches,
        );
    }
    if let Some(kind) = compliance {
        violations.one_of(kind, "filters.complianceType", &COMPLIANCE_TYPES);
    }
    violations.account_id(account_id, "filters.accountId");
    violations.region(region, "filters.awsRegion");
    violations.finish()?;
    let size = page_size(limit)?;

    let aggregator = organization
        .aggregator(name)
        .ok_or_else(|| ApiError::no_such_aggregator(name))?;
    let pack_filter = PackFilter {
        name: pack_name,
        compliance: compliance.and_then(ComplianceType::from_wire_name),
        account_id,
        region,
    };
    let parts = [
        ("ConfigurationAggregatorName", Some(name)),
        ("ConformancePackName", pack_name),
        ("ComplianceType", compliance),
        ("AccountId", account_id),
        ("AwsRegion", region),
    ];
    Ok(Listing {
        list_key: "AggregateComplianceByConformancePacks",
        name_key: "ConformancePackName",
        fingerprint: fingerprint(OPERATION, &parts),
        page_size: size,
        next_token,
        extra: Vec::new(),
        fetch: Box::new(move |offset, size| {
            let rows = organization.pack_rows(aggregator, &pack_filter);
            page_of(rows, offset, size, |pack| pack_json(&pack))
        }),
    })
}

/// Matches `[a-zA-Z][-a-zA-Z0-9]*`.
fn is_pack_name(name: &str) -> bool {
    let mut bytes = name.bytes();
    let first_ok = bytes.next().is_some_and(|b| b.is_ascii_alphabetic());
    first_ok && bytes.all(|b| b == b'-' || b.is_ascii_alphanumeric())
}

fn pack_json(pack: &PackCompliance) -> Value {
    json!({
        "ConformancePackName": pack.name,
        "AccountId": pack.account_id,
        "AwsRegion": pack.region,
        "Compliance": {
            "ComplianceType": pack.compliance.wire_name(),
            "CompliantRuleCount": pack.compliant_rules,
            "NonCompliantRuleCount": pack.noncompliant_rules,
            "TotalRuleCount": pack.total_rules,
        },
    })
}
