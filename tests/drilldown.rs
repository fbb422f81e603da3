//! The drill-down through the real aws-sdk-config client against the emulator.

mod common;

use std::sync::Arc;

use common::demo::{connect, query, start_emulator};
use common::drive::settle;
use packscope::action::{Action, Command};
use packscope::app::App;
use packscope::emulator::{ComplianceType, FaultPlan, Organization, PackFilter};
use packscope::query::{Filters, GroupBy, PackComplianceType};

const PACKS: &str = "DescribeAggregateComplianceByConformancePacks";

fn wire(kind: PackComplianceType) -> &'static str {
    kind.wire_name()
}

fn emulator_wire(kind: ComplianceType) -> &'static str {
    kind.wire_name()
}

/// Starts the app on the demo, loads the summary, selects `index` and opens its packs.
async fn open_group(
    organization: &Arc<Organization>,
    group_by: GroupBy,
    filters: Filters,
    page_size: u8,
    index: usize,
) -> (App, packscope::aws::Source, packscope::emulator::Emulator) {
    let emulator = start_emulator(Arc::clone(organization), FaultPlan::default()).await;
    let source = connect(&emulator).await;
    let aggregator = organization.aggregator_names()[0].clone();
    let summary = query(&aggregator, group_by, filters, page_size);
    let mut app = App::new(summary, "us-east-1".into(), "demo".into(), 80, 24);
    let effects = app.start();
    settle(&mut app, &source, effects).await;

    for _ in 0..index {
        let effects = app.update(Action::Command(Command::Down));
        settle(&mut app, &source, effects).await;
    }
    let effects = app.update(Action::Command(Command::Apply));
    assert!(app.drilldown.is_some(), "Enter should open the drill-down");
    let effects = [effects, app.update(Action::Command(Command::Bottom))].concat();
    settle(&mut app, &source, effects).await;
    (app, source, emulator)
}

#[tokio::test]
async fn account_packs_match_emulator() {
    let organization = Arc::new(Organization::demo());
    let (app, _source, emulator) =
        open_group(&organization, GroupBy::Account, Filters::default(), 7, 13).await;

    let drill = app.drilldown.as_ref().expect("drill-down open");
    let aggregator = organization
        .aggregator(&app.query.aggregator)
        .expect("known");
    let filter = PackFilter {
        account_id: Some(drill.group.as_str()),
        ..PackFilter::default()
    };
    let expected = organization.conformance_packs(aggregator, &filter);
    let names: Vec<(&str, &str)> = drill
        .list
        .rows()
        .iter()
        .map(|pack| (pack.name.as_str(), pack.region.as_str()))
        .collect();
    let expected_names: Vec<(&str, &str)> = expected
        .iter()
        .map(|pack| (pack.name.as_str(), pack.region.as_str()))
        .collect();
    assert_eq!(names, expected_names, "packs of {} differ", drill.group);
    assert!(drill.list.paging.is_ended(), "End should load every page");
    assert_eq!(
        emulator.request_count(PACKS),
        expected.len().div_ceil(7).max(1),
        "one request per page of seven"
    );
    for (got, want) in drill.list.rows().iter().zip(&expected) {
        assert_eq!(wire(got.compliance), emulator_wire(want.compliance));
        assert_eq!(got.total_rules, want.total_rules, "rules of {}", got.name);
    }
}

#[tokio::test]
async fn noncompliant_filter_matches_summary_count() {
    let organization = Arc::new(Organization::demo());
    let groups = organization.summaries(GroupBy::Region, None, None);
    let index = groups
        .iter()
        .position(|group| group.noncompliant > 0)
        .expect("the demo has a region with noncompliant packs");
    let (mut app, source, _emulator) = open_group(
        &organization,
        GroupBy::Region,
        Filters::default(),
        100,
        index,
    )
    .await;

    let effects = app.update(Action::Command(Command::CycleCompliance));
    let effects = [effects, app.update(Action::Command(Command::Bottom))].concat();
    settle(&mut app, &source, effects).await;
    let effects = app.update(Action::Command(Command::Bottom));
    settle(&mut app, &source, effects).await;

    let drill = app.drilldown.as_ref().expect("drill-down open");
    assert_eq!(drill.group, groups[index].name, "opened the wrong region");
    assert_eq!(
        drill.list.rows().len(),
        groups[index].noncompliant as usize,
        "noncompliant packs should equal the summary's count"
    );
    assert!(
        drill
            .list
            .rows()
            .iter()
            .all(|pack| pack.compliance == PackComplianceType::NonCompliant),
        "the filter let other packs through"
    );
}

#[tokio::test]
async fn region_filter_narrows_account_packs() {
    let organization = Arc::new(Organization::demo());
    let filters = Filters {
        account_id: None,
        region: Some("eu-west-1".into()),
    };
    let (app, _source, _emulator) =
        open_group(&organization, GroupBy::Account, filters, 100, 2).await;

    let drill = app.drilldown.as_ref().expect("drill-down open");
    assert!(!drill.list.rows().is_empty(), "the group has packs");
    assert!(
        drill
            .list
            .rows()
            .iter()
            .all(|pack| pack.region == "eu-west-1"),
        "a pack outside the region filter was listed"
    );
    assert!(
        drill
            .list
            .rows()
            .iter()
            .all(|pack| pack.account_id == drill.group),
        "a pack of another account was listed"
    );
}
