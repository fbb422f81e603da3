//! The three output formats, written from loaded groups.

use std::io::{self, Write};

use serde::Serialize;
use serde::ser::Serializer;

use crate::query::{GroupBy, GroupSummary};
use crate::sanitize::sanitize;

/// The merged response document, serialized straight from the loaded groups.
#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct Document<'a> {
    aggregate_conformance_pack_compliance_summaries: Summaries<'a>,
    group_by_key: &'static str,
}

struct Summaries<'a>(&'a [GroupSummary]);

impl Serialize for Summaries<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(Summary::from))
    }
}

/// One group in the service's shape, with members in alphabetical order.
#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct Summary<'a> {
    compliance_summary: Counts,
    group_name: &'a str,
}

#[derive(Serialize)]
struct Counts {
    #[serde(rename = "CompliantConformancePackCount")]
    compliant: u32,
    #[serde(rename = "NonCompliantConformancePackCount")]
    noncompliant: u32,
}

impl<'a> From<&'a GroupSummary> for Summary<'a> {
    fn from(group: &'a GroupSummary) -> Self {
        Summary {
            compliance_summary: Counts {
                compliant: group.compliant,
                noncompliant: group.noncompliant,
            },
            group_name: &group.name,
        }
    }
}

/// Writes the document the AWS CLI prints for this operation, with every page merged
/// and no `NextToken`, indented by four spaces as the CLI does.
pub fn write_json(
    out: &mut impl Write,
    groups: &[GroupSummary],
    group_by: GroupBy,
) -> io::Result<()> {
    let document = Document {
        aggregate_conformance_pack_compliance_summaries: Summaries(groups),
        group_by_key: group_by.wire_key(),
    };
    let formatter = serde_json::ser::PrettyFormatter::with_indent(b"    ");
    let mut serializer = serde_json::Serializer::with_formatter(&mut *out, formatter);
    document
        .serialize(&mut serializer)
        .map_err(io::Error::from)?;
    writeln!(out)
}

/// Writes `group,compliant,noncompliant,total` rows, quoting as RFC 4180 requires.
pub fn write_csv(out: &mut impl Write, groups: &[GroupSummary]) -> io::Result<()> {
    writeln!(out, "group,compliant,noncompliant,total")?;
    for group in groups {
        writeln!(
            out,
            "{},{},{},{}",
            csv_field(&sanitize(&group.name)),
            group.compliant,
            group.noncompliant,
            group.total()
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

/// Writes aligned columns with the compliance percentage.
pub fn write_table(
    out: &mut impl Write,
    groups: &[GroupSummary],
    group_by: GroupBy,
) -> io::Result<()> {
    let heading = match group_by {
        GroupBy::Account => "ACCOUNT ID",
        GroupBy::Region => "REGION",
    };
    let names: Vec<String> = groups
        .iter()
        .map(|g| sanitize(&g.name).into_owned())
        .collect();
    let width = names
        .iter()
        .map(|n| n.chars().count())
        .chain([heading.len()])
        .max()
        .unwrap_or(0);

    writeln!(
        out,
        "{heading:<width$}  COMPLIANT  NONCOMPLIANT  TOTAL  COMPLIANCE"
    )?;
    for (group, name) in groups.iter().zip(&names) {
        let percent = group
            .compliance_percent()
            .map_or_else(|| "n/a".to_string(), |p| format!("{:.0}%", p.floor()));
        writeln!(
            out,
            "{name:<width$}  {:>9}  {:>12}  {:>5}  {percent:>10}",
            group.compliant,
            group.noncompliant,
            group.total()
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn groups() -> Vec<GroupSummary> {
        vec![
            GroupSummary {
                name: "000000000007".into(),
                compliant: 3,
                noncompliant: 1,
            },
            GroupSummary {
                name: "evil\u{1b}[2J,\"x\"".into(),
                compliant: 0,
                noncompliant: 0,
            },
        ]
    }

    fn text(write: impl FnOnce(&mut Vec<u8>) -> io::Result<()>) -> String {
        let mut buffer = Vec::new();
        write(&mut buffer).expect("writing to a Vec cannot fail");
        String::from_utf8(buffer).expect("output is UTF-8")
    }

    #[test]
    fn json_has_cli_shape() {
        let out = text(|b| write_json(b, &groups(), GroupBy::Account));
        let value: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
        assert_eq!(value["GroupByKey"], "ACCOUNT_ID");
        assert_eq!(
            value["AggregateConformancePackComplianceSummaries"][0]["GroupName"],
            "000000000007"
        );
        assert_eq!(
            value["AggregateConformancePackComplianceSummaries"][0]["ComplianceSummary"]["NonCompliantConformancePackCount"],
            1
        );
        assert!(
            value.get("NextToken").is_none(),
            "merged output must not carry a NextToken"
        );
        assert!(
            out.contains("\n    \""),
            "expected four-space indentation like the AWS CLI"
        );
    }

    #[test]
    fn json_text_matches_cli() {
        let out = text(|b| write_json(b, &groups()[..1], GroupBy::Region));
        let expected = r#"{
    "AggregateConformancePackComplianceSummaries": [
        {
            "ComplianceSummary": {
                "CompliantConformancePackCount": 3,
                "NonCompliantConformancePackCount": 1
            },
            "GroupName": "000000000007"
        }
    ],
    "GroupByKey": "AWS_REGION"
}
"#;
        assert_eq!(out, expected);
    }

    #[test]
    fn csv_quotes_and_neutralises() {
        let out = text(|b| write_csv(b, &groups()));
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "group,compliant,noncompliant,total");
        assert_eq!(lines[1], "000000000007,3,1,4");
        assert_eq!(lines[2], "\"evil\\u{1b}[2J,\"\"x\"\"\",0,0,0");
        assert!(!out.contains('\u{1b}'), "escape byte reached the CSV");
    }

    #[test]
    fn table_aligns_and_neutralises() {
        let out = text(|b| write_table(b, &groups(), GroupBy::Region));
        assert!(
            out.starts_with("REGION"),
            "heading names the grouping: {out}"
        );
        assert!(out.contains("75%"), "3 of 4 compliant is 75%: {out}");
        assert!(
            out.contains("n/a"),
            "a group with no scored packs shows n/a: {out}"
        );
        assert!(!out.contains('\u{1b}'), "escape byte reached the table");
    }
}
