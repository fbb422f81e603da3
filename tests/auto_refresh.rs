//! Auto-refresh through the real aws-sdk-config client against the emulator.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::demo::{connect, query, start_emulator};
use common::drive::settle;
use packscope::action::{Action, Command};
use packscope::app::App;
use packscope::emulator::{FaultPlan, Organization};
use packscope::query::{Filters, GroupBy};

const SUMMARY: &str = "GetAggregateConformancePackComplianceSummary";

#[tokio::test]
async fn reload_matches_emulator_and_keeps_selection() {
    let organization = Arc::new(Organization::demo());
    let emulator = start_emulator(Arc::clone(&organization), FaultPlan::default()).await;
    let source = connect(&emulator).await;
    let aggregator = organization.aggregator_names()[0].clone();
    let summary = query(&aggregator, GroupBy::Account, Filters::default(), 40);
    let mut app = App::new(summary, "us-east-1".into(), "demo".into(), 80, 24);
    app.set_auto_refresh(Duration::from_secs(30));

    let effects = app.start();
    settle(&mut app, &source, effects).await;
    for _ in 0..30 {
        let effects = app.update(Action::Command(Command::Down));
        settle(&mut app, &source, effects).await;
    }
    let shown = app.paging.rows().len();
    let selected = app.selected_group().expect("a selection").name.clone();
    let requests_before = emulator.request_count(SUMMARY);

    let effects = app.update(Action::AutoRefreshDue);
    settle(&mut app, &source, effects).await;

    assert!(!app.is_refreshing(), "the reload should finish");
    let expected = organization.summaries(GroupBy::Account, None, None);
    assert_eq!(
        app.paging.rows(),
        &expected[..shown],
        "the reload should show the same rows as before"
    );
    assert_eq!(
        emulator.request_count(SUMMARY) - requests_before,
        shown.div_ceil(40),
        "the reload should fetch only as many pages as were shown"
    );
    assert_eq!(
        app.selected_group().map(|group| group.name.as_str()),
        Some(selected.as_str()),
        "the selection moved"
    );
}

#[test]
fn refresh_below_ten_seconds_is_rejected() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_packscope"))
        .args(["--demo", "--refresh", "5", "--output", "csv"])
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .output()
        .expect("run packscope");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "stderr: {stderr}");
    assert!(stderr.contains("--refresh"), "names the option: {stderr}");
    assert!(stderr.contains("10"), "names the range: {stderr}");
}
