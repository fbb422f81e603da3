//! Sorting loads every page through the real aws-sdk-config client against the emulator.

mod common;

use std::sync::Arc;

use common::demo::{connect, query, start_emulator};
use common::drive::settle;
use packscope::action::{Action, Command};
use packscope::app::App;
use packscope::emulator::{FaultPlan, Organization};
use packscope::query::{Filters, GroupBy};

const SUMMARY: &str = "GetAggregateConformancePackComplianceSummary";

#[tokio::test]
async fn sort_loads_every_page_then_orders() {
    let organization = Arc::new(Organization::demo());
    let emulator = start_emulator(Arc::clone(&organization), FaultPlan::default()).await;
    let source = connect(&emulator).await;
    let aggregator = organization.aggregator_names()[0].clone();
    let summary = query(&aggregator, GroupBy::Account, Filters::default(), 50);
    let mut app = App::new(summary, "us-east-1".into(), "demo".into(), 80, 24);

    let effects = app.start();
    settle(&mut app, &source, effects).await;
    let effects = app.update(Action::Command(Command::CycleSort));
    settle(&mut app, &source, effects).await;

    let expected = organization.summaries(GroupBy::Account, None, None);
    assert!(!app.loading_for_sort, "loading should have finished");
    assert_eq!(
        app.view_len(),
        expected.len(),
        "every group should be loaded"
    );
    assert_eq!(
        emulator.request_count(SUMMARY),
        expected.len().div_ceil(50),
        "one request per page of fifty"
    );

    let worst = expected
        .iter()
        .map(|group| group.noncompliant)
        .max()
        .expect("the demo has groups");
    let first = app.row_in_view(0).expect("a first row");
    assert_eq!(first.noncompliant, worst, "the worst group should be first");
    let counts: Vec<u32> = (0..app.view_len())
        .filter_map(|index| app.row_in_view(index))
        .map(|group| group.noncompliant)
        .collect();
    assert!(
        counts.windows(2).all(|pair| pair[0] >= pair[1]),
        "noncompliant counts should never rise down the list"
    );
}

#[tokio::test]
async fn filter_change_keeps_sort_and_reloads() {
    let organization = Arc::new(Organization::demo());
    let emulator = start_emulator(Arc::clone(&organization), FaultPlan::default()).await;
    let source = connect(&emulator).await;
    let aggregator = organization.aggregator_names()[0].clone();
    let summary = query(&aggregator, GroupBy::Account, Filters::default(), 100);
    let mut app = App::new(summary, "us-east-1".into(), "demo".into(), 80, 24);

    let effects = app.start();
    settle(&mut app, &source, effects).await;
    let effects = app.update(Action::Command(Command::CycleSort));
    settle(&mut app, &source, effects).await;
    let effects = app.update(Action::Command(Command::ToggleGroupBy));
    settle(&mut app, &source, effects).await;

    let expected = organization.summaries(GroupBy::Region, None, None);
    assert_eq!(app.view_len(), expected.len(), "every region should load");
    let worst = expected.iter().map(|g| g.noncompliant).max().unwrap_or(0);
    let first = app.row_in_view(0).expect("a first row");
    assert_eq!(
        first.noncompliant, worst,
        "the new grouping should be sorted too"
    );
}
