//! A property test of paging: for random organizations, page sizes and fault plans, the
//! groups packscope collects equal the organization's groups exactly.

mod common;

use std::sync::Arc;

use common::demo::{connect, query, start_emulator};
use common::drive::{load_all, new_app, press};
use packscope::action::Command;
use packscope::emulator::{Fault, FaultPlan, FaultRule, OrgSpec, Organization};
use packscope::query::{Filters, GroupBy};
use proptest::prelude::*;

/// Presses r and End until the list ends; each press is a user retrying after an error.
const MAX_USER_RETRIES: usize = 20;

fn fault_strategy() -> impl Strategy<Value = Fault> {
    prop_oneof![
        Just(Fault::EmptyPage),
        Just(Fault::Throttling),
        Just(Fault::InternalFailure),
        Just(Fault::ServiceUnavailable),
        Just(Fault::CloseConnection),
        Just(Fault::MalformedJson),
        Just(Fault::InvalidNextToken),
    ]
}

fn rule_strategy() -> impl Strategy<Value = FaultRule> {
    (any::<bool>(), 0u32..400, fault_strategy(), 1u32..4).prop_map(|(by_page, at, fault, times)| {
        let rule = if by_page {
            FaultRule::on_page(at, fault)
        } else {
            FaultRule::on_request(at % 12 + 1, fault)
        };
        rule.times(times)
    })
}

fn spec_strategy() -> impl Strategy<Value = OrgSpec> {
    (any::<u64>(), 1u32..250).prop_map(|(seed, accounts)| {
        let mut spec = Organization::demo_spec();
        spec.seed = seed;
        spec.accounts = accounts;
        spec
    })
}

async fn collect(spec: OrgSpec, page_size: u8, group_by: GroupBy, rules: Vec<FaultRule>) {
    let organization = Arc::new(Organization::generate(&spec));
    let plan = rules
        .into_iter()
        .fold(FaultPlan::default(), FaultPlan::rule);
    let emulator = start_emulator(Arc::clone(&organization), plan).await;
    let source = connect(&emulator).await;
    let aggregator = organization.aggregator_names()[0].clone();
    let mut app = new_app(query(&aggregator, group_by, Filters::default(), page_size));

    load_all(&mut app, &source).await;
    for _ in 0..MAX_USER_RETRIES {
        if app.paging.is_ended() {
            break;
        }
        press(&mut app, &source, Command::Refresh).await;
        press(&mut app, &source, Command::Bottom).await;
    }

    let expected = organization.summaries(group_by, None, None);
    assert!(
        app.paging.is_ended(),
        "paging did not end; error: {:?}",
        app.error
    );
    assert_eq!(app.paging.rows(), &expected[..], "collected groups differ");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn collected_groups_equal_organization(
        spec in spec_strategy(),
        page_size in 1u8..=100,
        by_region in any::<bool>(),
        rules in proptest::collection::vec(rule_strategy(), 0..5),
    ) {
        let group_by = if by_region { GroupBy::Region } else { GroupBy::Account };
        let runtime = tokio::runtime::Runtime::new().expect("tokio runtime");
        runtime.block_on(collect(spec, page_size, group_by, rules));
    }
}
