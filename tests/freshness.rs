//! Data freshness through the real aws-sdk-config client against the emulator.

mod common;

use std::sync::Arc;

use common::demo::{connect, query, start_emulator};
use common::drive::settle;
use packscope::app::App;
use packscope::emulator::{FaultPlan, Organization, UpdateStatus};
use packscope::query::{Filters, GroupBy, SourceUpdateStatus};

const SOURCES: &str = "DescribeConfigurationAggregatorSourcesStatus";

#[tokio::test]
async fn stale_sources_match_emulator() {
    let organization = Arc::new(Organization::demo());
    let emulator = start_emulator(Arc::clone(&organization), FaultPlan::default()).await;
    let source = connect(&emulator).await;
    let name = "security-ou-baseline";
    let summary = query(name, GroupBy::Account, Filters::default(), 100);
    let mut app = App::new(summary, "us-east-1".into(), "demo".into(), 80, 24);
    let effects = app.start();
    settle(&mut app, &source, effects).await;

    let aggregator = organization.aggregator(name).expect("demo aggregator");
    let failed = organization.source_statuses(aggregator, &[UpdateStatus::Failed]);
    let outdated = organization.source_statuses(aggregator, &[UpdateStatus::Outdated]);
    let sources = app.sources.as_ref().expect("sources loaded");
    assert!(
        sources.list.paging.is_ended(),
        "every page should be loaded"
    );
    assert_eq!(sources.failed, failed.len(), "failed sources");
    assert_eq!(sources.outdated, outdated.len(), "outdated sources");
    assert!(sources.failed > 0, "the demo aggregator has failed sources");

    let first_failed = sources
        .list
        .rows()
        .iter()
        .find(|row| row.status == SourceUpdateStatus::Failed)
        .expect("a failed row");
    assert!(
        first_failed.error_code.is_some(),
        "a failed source should carry its error code"
    );
    assert!(
        emulator.request_count(SOURCES) >= 1,
        "the status should come from the emulator"
    );
}
