//! Export files on a temporary folder.

use super::*;
use crate::query::PackComplianceType;

fn groups() -> ExportTable {
    ExportTable::Groups {
        group_by: GroupBy::Account,
        rows: vec![
            GroupSummary {
                name: "000000000007".into(),
                compliant: 3,
                noncompliant: 1,
            },
            GroupSummary {
                name: "000000000009".into(),
                compliant: 0,
                noncompliant: 2,
            },
        ],
    }
}

fn packs() -> ExportTable {
    ExportTable::Packs(vec![PackRow {
        name: "Pack,\"quoted\"".into(),
        account_id: "000000000007".into(),
        region: "eu-west-1".into(),
        compliance: PackComplianceType::InsufficientData,
        compliant_rules: 1,
        noncompliant_rules: 0,
        total_rules: 4,
    }])
}

fn request(path: PathBuf, table: ExportTable) -> ExportRequest {
    let format = ExportFormat::from_path(&path).expect("a known extension");
    ExportRequest {
        path,
        format,
        table,
    }
}

#[test]
fn format_from_extension() {
    let cases = [
        ("out.csv", Some(ExportFormat::Csv)),
        ("OUT.JSON", Some(ExportFormat::Json)),
        ("out.txt", None),
        ("out", None),
    ];
    for (path, expected) in cases {
        assert_eq!(ExportFormat::from_path(Path::new(path)), expected, "{path}");
    }
}

#[test]
fn groups_csv_rows() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let path = folder.path().join("groups.csv");
    let written = write(&request(path.clone(), groups())).expect("export should work");
    assert_eq!(written, 2);
    let text = std::fs::read_to_string(&path).expect("file written");
    assert_eq!(
        text,
        "group,compliant,noncompliant,total\n000000000007,3,1,4\n000000000009,0,2,2\n"
    );
}

#[test]
fn packs_csv_quotes_names() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let path = folder.path().join("packs.csv");
    write(&request(path.clone(), packs())).expect("export should work");
    let text = std::fs::read_to_string(&path).expect("file written");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], CSV_HEADER_FOR_TEST);
    assert_eq!(
        lines[1],
        "\"Pack,\"\"quoted\"\"\",000000000007,eu-west-1,INSUFFICIENT_DATA,1,0,4"
    );
}

const CSV_HEADER_FOR_TEST: &str = "conformance_pack,account_id,region,compliance_type,compliant_rules,noncompliant_rules,total_rules";

#[test]
fn packs_json_has_cli_shape() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let path = folder.path().join("packs.json");
    write(&request(path.clone(), packs())).expect("export should work");
    let text = std::fs::read_to_string(&path).expect("file written");
    let value: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    let first = &value["AggregateComplianceByConformancePacks"][0];
    assert_eq!(first["AccountId"], "000000000007", "ID kept as text");
    assert_eq!(first["Compliance"]["ComplianceType"], "INSUFFICIENT_DATA");
    assert_eq!(first["Compliance"]["TotalRuleCount"], 4);
}

#[test]
fn existing_file_is_kept() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let path = folder.path().join("keep.csv");
    std::fs::write(&path, "precious").expect("seed file");
    let err = write(&request(path.clone(), groups())).expect_err("overwrote a file");
    assert!(err.contains("already exists"), "unclear message: {err}");
    let text = std::fs::read_to_string(&path).expect("file still there");
    assert_eq!(text, "precious", "the existing file changed");
}

#[test]
fn missing_folder_is_named() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let path = folder.path().join("absent").join("out.json");
    let err = write(&request(path, groups())).expect_err("wrote into a missing folder");
    assert!(err.contains("does not exist"), "unclear message: {err}");
    assert!(err.contains("absent"), "message lacks the folder: {err}");
}

#[test]
fn home_is_expanded() {
    let home = Path::new("/home/ana");
    assert_eq!(
        expand_home("~/out.csv", Some(home)),
        PathBuf::from("/home/ana/out.csv")
    );
    assert_eq!(expand_home("out.csv", Some(home)), PathBuf::from("out.csv"));
}
