//! packscope's paging through the real aws-sdk-config client against the emulator.

mod common;

use std::sync::Arc;
use std::time::SystemTime;

use common::demo::{connect, query, start_emulator};
use packscope::action::{Action, Command, Effect, PageResult};
use packscope::app::App;
use packscope::aws;
use packscope::emulator::{FaultPlan, Organization};
use packscope::output::fetch_all;
use packscope::query::{Filters, GroupBy};

const SUMMARY: &str = "GetAggregateConformancePackComplianceSummary";

fn filters(account: Option<&str>, region: Option<&str>) -> Filters {
    Filters {
        account_id: account.map(String::from),
        region: region.map(String::from),
    }
}

#[tokio::test]
async fn every_grouping_and_filter_pages_exactly() {
    let organization = Arc::new(Organization::demo());
    let aggregator = organization.aggregator_names()[0].clone();
    let account = organization.summaries(GroupBy::Account, None, None)[7]
        .name
        .clone();

    let cases = [
        (GroupBy::Account, None, None, 100),
        (GroupBy::Account, None, None, 37),
        (GroupBy::Region, None, None, 5),
        (GroupBy::Account, None, Some("eu-west-1"), 100),
        (GroupBy::Region, Some(account.as_str()), None, 3),
        (
            GroupBy::Account,
            Some(account.as_str()),
            Some("us-east-1"),
            1,
        ),
    ];

    for (group_by, account, region, page_size) in cases {
        let emulator = start_emulator(Arc::clone(&organization), FaultPlan::default()).await;
        let source = connect(&emulator).await;
        let q = query(&aggregator, group_by, filters(account, region), page_size);

        let groups = fetch_all(&source, &q).await.expect("paging should succeed");
        let expected = organization.summaries(group_by, account, region);
        assert_eq!(groups, expected, "groups differ for {q:?}");

        let pages = expected.len().div_ceil(usize::from(page_size)).max(1);
        assert_eq!(
            emulator.request_count(SUMMARY),
            pages,
            "request count for {q:?}"
        );
    }
}

#[tokio::test]
async fn leading_zero_account_ids_survive() {
    let organization = Arc::new(Organization::demo());
    let aggregator = organization.aggregator_names()[0].clone();
    let emulator = start_emulator(Arc::clone(&organization), FaultPlan::default()).await;
    let source = connect(&emulator).await;

    let q = query(&aggregator, GroupBy::Account, Filters::default(), 100);
    let groups = fetch_all(&source, &q).await.expect("paging should succeed");
    let zero = groups.iter().find(|g| g.name.starts_with('0'));
    let zero = zero.expect("the demo should have an account ID with a leading zero");
    assert_eq!(
        zero.name.len(),
        12,
        "account ID {} lost its leading zeros",
        zero.name
    );
}

#[tokio::test]
async fn late_result_of_replaced_query_is_ignored() {
    let organization = Arc::new(Organization::demo());
    let aggregator = organization.aggregator_names()[0].clone();
    let emulator = start_emulator(Arc::clone(&organization), FaultPlan::default()).await;
    let source = connect(&emulator).await;

    let q = query(&aggregator, GroupBy::Account, Filters::default(), 100);
    let mut app = App::new(q, "us-east-1".into(), "demo".into(), 80, 24);
    let Some(Effect::Fetch(old)) = app.start().into_iter().next() else {
        panic!("start should request the first page");
    };
    let Some(Effect::Fetch(new)) = app
        .update(Action::Command(Command::ToggleGroupBy))
        .into_iter()
        .next()
    else {
        panic!("toggling the grouping should request a new first page");
    };

    let new_page = aws::fetch_page(&source, &new.query, new.next_token.clone()).await;
    let old_page = aws::fetch_page(&source, &old.query, old.next_token.clone()).await;

    for (generation, result) in [(new.generation, new_page), (old.generation, old_page)] {
        app.update(Action::PageLoaded(PageResult {
            generation,
            result,
            received_at: SystemTime::now(),
        }));
    }

    let expected = organization.summaries(GroupBy::Region, None, None);
    assert_eq!(
        app.paging.rows(),
        &expected[..],
        "rows should be the region grouping only"
    );
}
