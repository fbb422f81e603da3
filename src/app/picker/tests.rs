//! The aggregator picker through `App::update`.

use crate::action::{Action, AggregatorsRequest, Command, Effect, Loaded};
use crate::app::App;
use crate::aws::{ErrorKind, FetchError};
use crate::keymap::Mode;
use crate::query::{
    AggregatorInfo, AggregatorRegions, AggregatorSource, Filters, GroupBy, Query, RowPage,
};

fn app() -> App {
    let query = Query {
        aggregator: String::new(),
        group_by: GroupBy::Account,
        filters: Filters::default(),
        page_size: 100,
    };
    let mut app = App::new(query, "eu-west-1".into(), "default".into(), 80, 24);
    app.open_picker();
    app
}

fn aggregators(generation: u64, names: &[&str], token: Option<&str>) -> Action {
    let rows = names
        .iter()
        .map(|name| AggregatorInfo {
            name: (*name).into(),
            source: AggregatorSource::Organization,
            regions: AggregatorRegions::All,
        })
        .collect();
    Action::AggregatorsLoaded(Loaded {
        generation,
        result: Ok(RowPage {
            rows,
            next_token: token.map(String::from),
        }),
    })
}

fn aggregators_request(effects: &[Effect]) -> Option<&AggregatorsRequest> {
    effects.iter().find_map(|effect| match effect {
        Effect::FetchAggregators(request) => Some(request),
        _ => None,
    })
}

fn summary_aggregator(effects: &[Effect]) -> Option<&str> {
    effects.iter().find_map(|effect| match effect {
        Effect::Fetch(request) => Some(request.query.aggregator.as_str()),
        _ => None,
    })
}

#[test]
fn start_lists_aggregators_first() {
    let mut app = app();
    let effects = app.start();
    let request = aggregators_request(&effects).expect("the picker lists aggregators");
    assert_eq!(request.next_token, None, "the first page has no token");
    assert!(
        summary_aggregator(&effects).is_none(),
        "the summary started without an aggregator"
    );
    assert_eq!(app.mode(), Mode::Picker);
}

#[test]
fn every_page_loads_before_choosing() {
    let mut app = app();
    let generation = aggregators_request(&app.start())
        .expect("request")
        .generation;
    let effects = app.update(aggregators(generation, &["a"], Some("t1")));
    let request = aggregators_request(&effects).expect("the next page follows at once");
    assert_eq!(request.next_token.as_deref(), Some("t1"));
    assert!(
        app.picker.is_some(),
        "one aggregator on a first page is not the only one"
    );
}

#[test]
fn only_aggregator_is_chosen() {
    let mut app = app();
    let generation = aggregators_request(&app.start())
        .expect("request")
        .generation;
    let effects = app.update(aggregators(generation, &["org-agg"], None));
    assert_eq!(summary_aggregator(&effects), Some("org-agg"));
    assert!(app.picker.is_none(), "the picker should close");
    assert_eq!(app.mode(), Mode::Browsing);
}

#[test]
fn enter_chooses_selected() {
    let mut app = app();
    let generation = aggregators_request(&app.start())
        .expect("request")
        .generation;
    app.update(aggregators(generation, &["first", "second", "third"], None));
    assert!(app.picker.is_some(), "three aggregators need a choice");
    app.update(Action::Command(Command::Down));
    let effects = app.update(Action::Command(Command::Apply));
    assert_eq!(summary_aggregator(&effects), Some("second"));
    assert_eq!(app.query.aggregator, "second");
}

#[test]
fn none_found_stays_open() {
    let mut app = app();
    let generation = aggregators_request(&app.start())
        .expect("request")
        .generation;
    app.update(aggregators(generation, &[], None));
    let effects = app.update(Action::Command(Command::Apply));
    assert!(
        effects.is_empty(),
        "Enter with no aggregator requested {effects:?}"
    );
    assert!(app.picker.is_some(), "the picker should explain, not close");
}

#[test]
fn failure_retries_with_r() {
    let mut app = app();
    let generation = aggregators_request(&app.start())
        .expect("request")
        .generation;
    app.update(Action::AggregatorsLoaded(Loaded {
        generation,
        result: Err(FetchError {
            kind: ErrorKind::AccessDenied,
            code: None,
            message: "denied".into(),
            hint: String::new(),
        }),
    }));
    let effects = app.update(Action::Command(Command::Refresh));
    let request = aggregators_request(&effects).expect("r should retry");
    assert_eq!(
        request.next_token, None,
        "the retry asks for the failed page"
    );
}
