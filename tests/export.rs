//! Export of what the app loaded through the real aws-sdk-config client from the
//! emulator, checked against the emulator's own data.

mod common;

use std::sync::Arc;

use common::demo::{connect, query, start_emulator};
use common::drive::settle;
use packscope::action::{Action, Command, Edit, Effect};
use packscope::app::App;
use packscope::emulator::{FaultPlan, Organization, PackFilter};
use packscope::export::{self, ExportRequest};
use packscope::query::{Filters, GroupBy};

/// Types `path` into the export prompt and returns the export the app requests.
fn export_request(app: &mut App, path: &std::path::Path) -> ExportRequest {
    app.update(Action::Command(Command::Export));
    app.update(Action::Edit(Edit::Paste(path.display().to_string())));
    let effects = app.update(Action::Command(Command::Apply));
    effects
        .into_iter()
        .find_map(|effect| match effect {
            Effect::Export(request) => Some(request),
            _ => None,
        })
        .expect("Enter should request an export")
}

#[tokio::test]
async fn summary_csv_matches_emulator() {
    let organization = Arc::new(Organization::demo());
    let emulator = start_emulator(Arc::clone(&organization), FaultPlan::default()).await;
    let source = connect(&emulator).await;
    let aggregator = organization.aggregator_names()[0].clone();
    let summary = query(&aggregator, GroupBy::Region, Filters::default(), 5);
    let mut app = App::new(summary, "us-east-1".into(), "demo".into(), 80, 24);
    let effects = [app.start(), app.update(Action::Command(Command::Bottom))].concat();
    settle(&mut app, &source, effects).await;

    let folder = tempfile::tempdir().expect("temporary folder");
    let path = folder.path().join("regions.csv");
    let request = export_request(&mut app, &path);
    let written = export::write(&request).expect("export should work");

    let expected = organization.summaries(GroupBy::Region, None, None);
    assert_eq!(written, expected.len(), "every region should be written");
    let text = std::fs::read_to_string(&path).expect("file written");
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("group,compliant,noncompliant,total"));
    for (line, group) in lines.zip(&expected) {
        let want = format!(
            "{},{},{},{}",
            group.name,
            group.compliant,
            group.noncompliant,
            group.total()
        );
        assert_eq!(line, want, "row of {}", group.name);
    }
}

#[tokio::test]
async fn packs_json_matches_emulator() {
    let organization = Arc::new(Organization::demo());
    let emulator = start_emulator(Arc::clone(&organization), FaultPlan::default()).await;
    let source = connect(&emulator).await;
    let aggregator_name = organization.aggregator_names()[0].clone();
    let summary = query(&aggregator_name, GroupBy::Account, Filters::default(), 100);
    let mut app = App::new(summary, "us-east-1".into(), "demo".into(), 80, 24);
    let effects = app.start();
    settle(&mut app, &source, effects).await;
    let effects = [
        app.update(Action::Command(Command::Apply)),
        app.update(Action::Command(Command::Bottom)),
    ]
    .concat();
    settle(&mut app, &source, effects).await;

    let folder = tempfile::tempdir().expect("temporary folder");
    let path = folder.path().join("packs.json");
    let request = export_request(&mut app, &path);
    export::write(&request).expect("export should work");

    let group = app
        .drilldown
        .as_ref()
        .expect("drill-down open")
        .group
        .clone();
    let aggregator = organization.aggregator(&aggregator_name).expect("known");
    let filter = PackFilter {
        account_id: Some(&group),
        ..PackFilter::default()
    };
    let expected = organization.conformance_packs(aggregator, &filter);
    let text = std::fs::read_to_string(&path).expect("file written");
    let value: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    let packs = value["AggregateComplianceByConformancePacks"]
        .as_array()
        .expect("a list of packs");
    assert_eq!(packs.len(), expected.len(), "pack count of {group}");
    for (got, want) in packs.iter().zip(&expected) {
        assert_eq!(got["ConformancePackName"], want.name.as_str());
        assert_eq!(got["AwsRegion"], want.region.as_str());
        assert_eq!(
            got["Compliance"]["ComplianceType"],
            want.compliance.wire_name()
        );
        assert_eq!(got["Compliance"]["TotalRuleCount"], want.total_rules);
    }
}
