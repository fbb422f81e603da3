//! State tests: every action through `App::update`, with no terminal and no network.

use std::time::{Duration, SystemTime};

use super::*;
use crate::action::{Command, Edit, FetchRequest, PageResult};
use crate::aws::ErrorKind;
use crate::query::Filters;
use crate::query::{GroupBy, GroupSummary, Page};

const WIDTH: u16 = 80;
const HEIGHT: u16 = 24;

fn query() -> Query {
    Query {
        aggregator: "org".into(),
        group_by: GroupBy::Account,
        filters: Filters::default(),
        page_size: 100,
    }
}

fn app() -> App {
    App::new(query(), "us-east-1".into(), "demo".into(), WIDTH, HEIGHT)
}

fn groups(range: std::ops::Range<usize>) -> Vec<GroupSummary> {
    range
        .map(|i| GroupSummary {
            name: format!("{i:012}"),
            compliant: 2,
            noncompliant: (i % 3) as u32,
        })
        .collect()
}

fn loaded(generation: u64, range: std::ops::Range<usize>, token: Option<&str>) -> Action {
    Action::PageLoaded(PageResult {
        generation,
        result: Ok(Page {
            groups: groups(range),
            next_token: token.map(String::from),
        }),
        received_at: SystemTime::UNIX_EPOCH + Duration::from_secs(3600),
    })
}

fn failed(generation: u64, kind: ErrorKind) -> Action {
    Action::PageLoaded(PageResult {
        generation,
        result: Err(FetchError {
            kind,
            code: None,
            message: "boom".into(),
            hint: "press r".into(),
        }),
        received_at: SystemTime::UNIX_EPOCH,
    })
}

fn command(c: Command) -> Action {
    Action::Command(c)
}

fn fetch(effects: &[Effect]) -> Option<&FetchRequest> {
    effects.iter().find_map(|e| match e {
        Effect::Fetch(request) => Some(request),
        _ => None,
    })
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Edit(Edit::Insert(c)));
    }
}

#[test]
fn start_requests_first_page() {
    let mut app = app();
    let effects = app.start();
    let request = fetch(&effects).expect("no request at start");
    assert_eq!(request.next_token, None, "first page must have no token");
    assert_eq!(request.generation, 0);
}

#[test]
fn short_page_requests_next_at_once() {
    let mut app = app();
    app.start();
    let effects = app.update(loaded(0, 0..5, Some("t1")));
    let request =
        fetch(&effects).expect("five rows do not fill the screen, so the next page is due");
    assert_eq!(request.next_token.as_deref(), Some("t1"));
}

#[test]
fn full_page_waits_for_scrolling() {
    let mut app = app();
    app.start();
    let effects = app.update(loaded(0, 0..100, Some("t1")));
    assert!(
        fetch(&effects).is_none(),
        "requested a page while the selection is far from the end"
    );

    let rows = app.viewport_rows();
    let mut requested_at = None;
    for step in 1..100 {
        if fetch(&app.update(command(Command::Down))).is_some() {
            requested_at = Some(step);
            break;
        }
    }
    assert_eq!(
        requested_at,
        Some(99 - rows),
        "next page should be requested one screen before the last row"
    );
}

#[test]
fn one_request_in_flight() {
    let mut app = app();
    app.start();
    app.update(loaded(0, 0..100, Some("t1")));
    let effects = app.update(command(Command::Bottom));
    assert!(
        fetch(&effects).is_some(),
        "End should request the next page"
    );
    let effects = app.update(command(Command::Up));
    assert!(
        fetch(&effects).is_none(),
        "a second request started while one is in flight"
    );
}

#[test]
fn end_follows_every_page() {
    let mut app = app();
    app.start();
    app.update(loaded(0, 0..100, Some("t1")));
    app.update(command(Command::Bottom));
    let effects = app.update(loaded(0, 100..200, Some("t2")));
    assert_eq!(
        fetch(&effects).and_then(|r| r.next_token.as_deref()),
        Some("t2")
    );
    app.update(loaded(0, 200..250, None));
    assert_eq!(
        app.selection.selected, 249,
        "End should leave the last row selected"
    );
    assert!(app.paging.is_ended(), "the list should be complete");
}

#[test]
fn grouping_change_drops_late_result() {
    let mut app = app();
    app.start();
    let effects = app.update(command(Command::ToggleGroupBy));
    let request = fetch(&effects).expect("a new grouping starts a new query");
    assert_eq!(request.generation, 1);
    assert_eq!(request.query.group_by, GroupBy::Region);

    app.update(loaded(0, 0..5, Some("old")));
    assert!(
        app.paging.rows().is_empty(),
        "a result of the replaced query was shown"
    );
    app.update(loaded(1, 0..3, None));
    assert_eq!(app.paging.rows().len(), 3);
}

#[test]
fn invalid_account_filter_requests_nothing() {
    let mut app = app();
    app.start();
    app.update(command(Command::EditFilter));
    type_text(&mut app, "1234-5678");
    let effects = app.update(command(Command::Apply));
    assert!(
        fetch(&effects).is_none(),
        "an invalid filter reached the API"
    );
    let message = app.input_error.as_deref().expect("no inline message");
    assert!(
        message.contains("1234-5678"),
        "message should name the value: {message}"
    );
    assert_eq!(
        app.focus,
        Pane::AccountFilter,
        "focus should stay in the input"
    );
}

#[test]
fn valid_filter_starts_new_query() {
    let mut app = app();
    app.start();
    app.update(command(Command::EditFilter));
    type_text(&mut app, "0123-4567-8901");
    app.update(command(Command::NextPane));
    type_text(&mut app, "eu-west-1");
    let effects = app.update(command(Command::Apply));
    let request = fetch(&effects).expect("applying filters starts a query");
    assert_eq!(
        request.query.filters.account_id.as_deref(),
        Some("012345678901")
    );
    assert_eq!(request.query.filters.region.as_deref(), Some("eu-west-1"));
    assert_eq!(
        app.account_input.text(),
        "012345678901",
        "input shows the normalised ID"
    );
    assert_eq!(app.focus, Pane::List);
}

#[test]
fn escape_drops_unapplied_edit() {
    let mut app = app();
    app.update(command(Command::EditFilter));
    type_text(&mut app, "123");
    let effects = app.update(command(Command::Cancel));
    assert!(effects.is_empty(), "Esc should request nothing");
    assert_eq!(app.account_input.text(), "");
    assert_eq!(app.focus, Pane::List);
}

#[test]
fn typing_q_in_filter_does_not_quit() {
    let mut app = app();
    app.update(command(Command::EditFilter));
    assert_eq!(app.mode(), Mode::Editing);
    let key = crossterm::event::KeyEvent::new(
        crossterm::event::KeyCode::Char('q'),
        crossterm::event::KeyModifiers::NONE,
    );
    let action = crate::keymap::resolve(key, app.mode()).expect("q should be typed");
    app.update(action);
    assert!(!app.should_quit, "typing q quit the program");
    assert_eq!(app.account_input.text(), "q");
}

#[test]
fn refresh_after_error_retries_same_token() {
    let mut app = app();
    app.start();
    app.update(loaded(0, 0..5, Some("t1")));
    app.update(failed(0, ErrorKind::Throttled));
    assert!(app.error.is_some(), "the error should be shown");
    assert_eq!(
        app.paging.rows().len(),
        5,
        "loaded rows must stay after an error"
    );

    let effects = app.update(command(Command::Refresh));
    let request = fetch(&effects).expect("r should retry");
    assert_eq!(
        request.next_token.as_deref(),
        Some("t1"),
        "retry must resume from the same token"
    );
    assert_eq!(request.generation, 0, "retry is the same query");
}

#[test]
fn no_automatic_request_after_error() {
    let mut app = app();
    app.start();
    app.update(failed(0, ErrorKind::Network));
    let effects = app.update(command(Command::Down));
    assert!(
        fetch(&effects).is_none(),
        "paging should wait for r after an error"
    );
}

#[test]
fn invalid_token_restarts_once() {
    let mut app = app();
    app.start();
    app.update(loaded(0, 0..5, Some("t1")));
    let effects = app.update(failed(0, ErrorKind::InvalidNextToken));
    let request = fetch(&effects).expect("an invalid token should restart the query");
    assert_eq!(request.next_token, None, "restart begins at the first page");
    assert!(
        app.paging.rows().is_empty(),
        "old rows would be duplicated by the restart"
    );

    let generation = request.generation;
    app.update(loaded(generation, 0..5, Some("t1")));
    let effects = app.update(failed(generation, ErrorKind::InvalidNextToken));
    assert!(
        fetch(&effects).is_none(),
        "a second invalid token must not loop"
    );
    assert!(app.error.is_some(), "the second failure should be shown");
}

#[test]
fn empty_page_with_token_is_followed() {
    let mut app = app();
    app.start();
    app.update(loaded(0, 0..100, Some("t1")));
    app.update(command(Command::Bottom));
    let effects = app.update(loaded(0, 0..0, Some("t2")));
    assert_eq!(
        fetch(&effects).and_then(|r| r.next_token.as_deref()),
        Some("t2")
    );
    assert!(!app.paging.is_ended(), "an empty page is not the end");
}

#[test]
fn resize_recomputes_viewport() {
    let mut app = app();
    app.start();
    app.update(loaded(0, 0..100, Some("t1")));
    app.update(command(Command::PageDown));
    assert_eq!(app.selection.selected, 16, "one screen at 80x24 is 16 rows");
    let effects = app.update(Action::Resize {
        width: 80,
        height: 120,
    });
    assert!(
        fetch(&effects).is_some(),
        "a taller screen within reach of the end needs more rows"
    );
}

#[test]
fn help_toggles() {
    let mut app = app();
    app.update(command(Command::ToggleHelp));
    assert_eq!(app.mode(), Mode::Help);
    app.update(command(Command::ToggleHelp));
    assert_eq!(app.mode(), Mode::Browsing);
}

#[test]
fn retry_shows_until_page_arrives() {
    let mut app = app();
    app.start();
    app.update(Action::Retrying {
        generation: 0,
        attempt: 2,
    });
    assert_eq!(app.retry_attempt, Some(2), "retry should be shown");
    app.update(Action::Retrying {
        generation: 7,
        attempt: 3,
    });
    assert_eq!(
        app.retry_attempt,
        Some(2),
        "a retry of another query was shown"
    );
    app.update(loaded(0, 0..5, None));
    assert_eq!(
        app.retry_attempt, None,
        "retry mark should clear with the page"
    );
}

#[test]
fn end_survives_invalid_token_restart() {
    let mut app = app();
    app.start();
    app.update(loaded(0, 0..100, Some("t1")));
    app.update(command(Command::Bottom));
    let effects = app.update(failed(0, ErrorKind::InvalidNextToken));
    let request = fetch(&effects).expect("the restart requests the first page");

    let generation = request.generation;
    let effects = app.update(loaded(generation, 0..100, Some("t1")));
    assert!(
        fetch(&effects).is_some(),
        "End should keep loading after the restart"
    );
    app.update(loaded(generation, 100..150, None));
    assert_eq!(
        app.selection.selected, 149,
        "End should end on the last row"
    );
}

#[test]
fn refresh_keeps_rows_until_reload_arrives() {
    let mut app = app();
    app.start();
    app.update(loaded(0, 0..100, Some("t1")));

    let effects = app.update(command(Command::Refresh));
    let request = fetch(&effects).expect("r should reload");
    assert_eq!(
        request.next_token, None,
        "a reload starts at the first page"
    );
    assert_eq!(
        app.paging.rows().len(),
        100,
        "shown rows must stay during the reload"
    );

    app.update(failed(request.generation, ErrorKind::CredentialsExpired));
    assert_eq!(
        app.paging.rows().len(),
        100,
        "a failed reload must keep the shown rows"
    );

    let effects = app.update(command(Command::Refresh));
    let request = fetch(&effects).expect("r should reload again");
    app.update(loaded(request.generation, 0..100, Some("t9")));
    assert_eq!(
        app.paging.rows()[0].name,
        "000000000000",
        "the reload replaced the rows"
    );
    assert!(!app.is_refreshing(), "the reload should be complete");
}
