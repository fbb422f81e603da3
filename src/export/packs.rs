//! Conformance pack rows as CSV, and as the document the AWS CLI prints for
//! `describe-aggregate-compliance-by-conformance-packs`.

use std::io::{self, Write};

use serde_json::json;

use crate::query::PackRow;
use crate::sanitize::sanitize;

const CSV_HEADER: &str = "conformance_pack,account_id,region,compliance_type,\
                          compliant_rules,noncompliant_rules,total_rules";

/// Writes one row per pack, quoting fields as RFC 4180 specifies.
pub fn write_csv(out: &mut impl Write, rows: &[PackRow]) -> io::Result<()> {
    writeln!(out, "{CSV_HEADER}")?;
    for pack in rows {
        writeln!(
            out,
            "{},{},{},{},{},{},{}",
            csv_field(&sanitize(&pack.name)),
            csv_field(&sanitize(&pack.account_id)),
            csv_field(&sanitize(&pack.region)),
            pack.compliance.wire_name(),
            pack.compliant_rules,
            pack.noncompliant_rules,
            pack.total_rules
        )?;
    }
    Ok(())
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// Writes `{"AggregateComplianceByConformancePacks": [...]}` with every loaded page
/// merged and no `NextToken`, indented by four spaces as the AWS CLI does.
pub fn write_json(out: &mut impl Write, rows: &[PackRow]) -> io::Result<()> {
    let packs: Vec<_> = rows
        .iter()
        .map(|pack| {
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
        })
        .collect();
    let document = json!({ "AggregateComplianceByConformancePacks": packs });

    let formatter = serde_json::ser::PrettyFormatter::with_indent(b"    ");
    let mut serializer = serde_json::Serializer::with_formatter(&mut *out, formatter);
    serde::Serialize::serialize(&document, &mut serializer).map_err(io::Error::other)?;
    writeln!(out)
}
