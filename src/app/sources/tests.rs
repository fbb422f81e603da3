//! Data freshness through `App::update`.

use crate::action::{Action, Command, Effect, Loaded, SourcesRequest};
use crate::app::App;
use crate::aws::{ErrorKind, FetchError};
use crate::keymap::Mode;
use crate::query::{Filters, GroupBy, Query, RowPage, SourceRow, SourceUpdateStatus};

fn app() -> (App, Vec<Effect>) {
    let query = Query {
        aggregator: "org".into(),
        group_by: GroupBy::Account,
        filters: Filters::default(),
        page_size: 100,
    };
    let mut app = App::new(query, "us-east-1".into(), "demo".into(), 80, 24);
    let effects = app.start();
    (app, effects)
}

fn sources_request(effects: &[Effect]) -> Option<&SourcesRequest> {
    effects.iter().find_map(|effect| match effect {
        Effect::FetchSources(request) => Some(request),
        _ => None,
    })
}

fn source(id: &str, status: SourceUpdateStatus) -> SourceRow {
    SourceRow {
        source_id: id.into(),
        source_type: "ACCOUNT".into(),
        region: "eu-west-1".into(),
        status,
        last_update: Some(1_735_732_800),
        error_code: None,
        error_message: None,
    }
}

fn page(generation: u64, rows: Vec<SourceRow>, token: Option<&str>) -> Action {
    Action::SourcesLoaded(Loaded {
        generation,
        result: Ok(RowPage {
            rows,
            next_token: token.map(String::from),
        }),
    })
}

#[test]
fn start_asks_for_source_status() {
    let (_app, effects) = app();
    assert!(
        matches!(effects.first(), Some(Effect::Fetch(_))),
        "the summary's first page should come first: {effects:?}"
    );
    let request = sources_request(&effects).expect("start should list stale sources");
    assert_eq!(request.aggregator, "org");
    assert_eq!(request.next_token, None);
}

#[test]
fn pages_are_counted_until_the_end() {
    let (mut app, effects) = app();
    let generation = sources_request(&effects).expect("request").generation;
    let effects = app.update(page(
        generation,
        vec![
            source("000000000001", SourceUpdateStatus::Failed),
            source("000000000002", SourceUpdateStatus::Outdated),
        ],
        Some("s1"),
    ));
    let request = sources_request(&effects).expect("the next page follows at once");
    assert_eq!(request.next_token.as_deref(), Some("s1"));

    app.update(page(
        generation,
        vec![source("000000000003", SourceUpdateStatus::Outdated)],
        None,
    ));
    let sources = app.sources.as_ref().expect("sources loaded");
    assert_eq!(sources.failed, 1);
    assert_eq!(sources.outdated, 2);
    assert!(sources.list.paging.is_ended(), "every page is loaded");
}

#[test]
fn view_opens_scrolls_and_closes() {
    let (mut app, effects) = app();
    let generation = sources_request(&effects).expect("request").generation;
    let rows = (0..3)
        .map(|i| source(&format!("{i:012}"), SourceUpdateStatus::Failed))
        .collect();
    app.update(page(generation, rows, None));

    app.update(Action::Command(Command::ShowSources));
    assert_eq!(app.mode(), Mode::Sources);
    app.update(Action::Command(Command::Down));
    let sources = app.sources.as_ref().expect("sources loaded");
    assert_eq!(sources.list.selection.selected, 1, "Down should move");
    assert_eq!(app.selection.selected, 0, "the summary moved underneath");

    app.update(Action::Command(Command::Cancel));
    assert_eq!(app.mode(), Mode::Browsing, "Esc should close the view");
}

#[test]
fn failure_does_not_touch_summary() {
    let (mut app, effects) = app();
    let generation = sources_request(&effects).expect("request").generation;
    app.update(Action::SourcesLoaded(Loaded {
        generation,
        result: Err(FetchError {
            kind: ErrorKind::AccessDenied,
            code: None,
            message: "denied".into(),
            hint: String::new(),
        }),
    }));
    assert!(app.error.is_none(), "a source failure reached the summary");
    let sources = app.sources.as_ref().expect("sources state");
    assert!(sources.list.error.is_some(), "the failure should be kept");
}

#[test]
fn late_page_is_dropped() {
    let (mut app, effects) = app();
    let old = sources_request(&effects).expect("request").generation;
    app.update(Action::Command(Command::ShowSources));
    app.update(Action::Command(Command::Refresh));
    app.update(page(
        old,
        vec![source("000000000001", SourceUpdateStatus::Failed)],
        None,
    ));
    let sources = app.sources.as_ref().expect("sources state");
    assert_eq!(sources.failed, 0, "a page of the replaced listing counted");
}
