//! Auto-refresh through `App::update`.

use std::time::{Duration, SystemTime};

use crate::action::{Action, Command, Effect, FetchRequest, PageResult};
use crate::app::App;
use crate::aws::{ErrorKind, FetchError};
use crate::query::{Filters, GroupBy, GroupSummary, Page, Query};

fn names(range: std::ops::Range<usize>) -> Vec<String> {
    range.map(|i| format!("{:012}", i * 10)).collect()
}

fn page(generation: u64, names: &[String], token: Option<&str>) -> Action {
    Action::PageLoaded(PageResult {
        generation,
        result: Ok(Page {
            groups: names
                .iter()
                .map(|name| GroupSummary {
                    name: name.clone(),
                    compliant: 2,
                    noncompliant: 1,
                })
                .collect(),
            next_token: token.map(String::from),
        }),
        received_at: SystemTime::UNIX_EPOCH + Duration::from_secs(60),
    })
}

fn app() -> App {
    let query = Query {
        aggregator: "org".into(),
        group_by: GroupBy::Account,
        filters: Filters::default(),
        page_size: 100,
    };
    let mut app = App::new(query, "us-east-1".into(), "demo".into(), 80, 24);
    app.set_auto_refresh(Duration::from_secs(30));
    app.start();
    app.update(page(0, &names(0..100), Some("t1")));
    app
}

fn fetch(effects: &[Effect]) -> Option<&FetchRequest> {
    effects.iter().find_map(|effect| match effect {
        Effect::Fetch(request) => Some(request),
        _ => None,
    })
}

fn selected(app: &App) -> String {
    app.selected_group().expect("a selection").name.clone()
}

#[test]
fn reload_keeps_group_and_screen_row() {
    let mut app = app();
    for _ in 0..40 {
        app.update(Action::Command(Command::Down));
    }
    let name = selected(&app);
    let screen_row = app.selection.selected - app.selection.offset;

    let effects = app.update(Action::AutoRefreshDue);
    let request = fetch(&effects).expect("the timer should reload the first page");
    assert_eq!(request.next_token, None, "a reload starts at page one");
    assert_eq!(app.paging.rows().len(), 100, "the shown rows must stay");

    // Five new groups sort before the selected one, so its index moves by five.
    let mut fresh = vec![
        "000000000001".to_string(),
        "000000000002".to_string(),
        "000000000003".to_string(),
        "000000000004".to_string(),
        "000000000005".to_string(),
    ];
    fresh.extend(names(0..95));
    app.update(page(request.generation, &fresh, Some("r1")));

    assert!(!app.is_refreshing(), "100 rows should complete the reload");
    assert_eq!(selected(&app), name, "the selected group changed");
    assert_eq!(app.selection.selected, 45, "the group moved down by five");
    assert_eq!(
        app.selection.selected - app.selection.offset,
        screen_row,
        "the group should stay on the same screen row"
    );
}

#[test]
fn reload_loads_as_many_rows_as_shown() {
    let mut app = app();
    app.update(Action::Command(Command::Bottom));
    app.update(page(0, &names(100..150), None));
    let effects = app.update(Action::AutoRefreshDue);
    let generation = fetch(&effects).expect("reload").generation;

    let effects = app.update(page(generation, &names(0..100), Some("r1")));
    let next = fetch(&effects).expect("150 rows were shown, so page two follows");
    assert_eq!(next.next_token.as_deref(), Some("r1"));
    assert!(app.is_refreshing(), "swapped in before reaching 150 rows");
    assert_eq!(app.paging.rows().len(), 150, "old rows must stay meanwhile");

    app.update(page(generation, &names(100..150), None));
    assert!(!app.is_refreshing(), "the reload should be swapped in");
    assert!(app.paging.is_ended(), "the new list is complete");
}

#[test]
fn typing_pauses_reload() {
    let mut app = app();
    app.update(Action::Command(Command::EditFilter));
    let effects = app.update(Action::AutoRefreshDue);
    assert!(effects.is_empty(), "reloaded while typing: {effects:?}");

    app.update(Action::Command(Command::Cancel));
    app.update(Action::Command(Command::Find));
    let effects = app.update(Action::AutoRefreshDue);
    assert!(effects.is_empty(), "reloaded while typing a find");
}

#[test]
fn switched_off_does_nothing() {
    let mut app = app();
    app.update(Action::Command(Command::ToggleAutoRefresh));
    assert!(!app.is_auto_refresh_on(), "a should switch it off");
    let effects = app.update(Action::AutoRefreshDue);
    assert!(effects.is_empty(), "reloaded while off: {effects:?}");
}

#[test]
fn failure_keeps_shown_rows() {
    let mut app = app();
    let effects = app.update(Action::AutoRefreshDue);
    let generation = fetch(&effects).expect("reload").generation;
    app.update(Action::PageLoaded(PageResult {
        generation,
        result: Err(FetchError {
            kind: ErrorKind::Throttled,
            code: None,
            message: "slow down".into(),
            hint: String::new(),
        }),
        received_at: SystemTime::UNIX_EPOCH,
    }));
    assert!(!app.is_refreshing(), "a failed reload should end");
    assert_eq!(app.paging.rows().len(), 100, "the shown rows were lost");
    let flash = app.flash.as_ref().expect("a message");
    assert!(flash.is_error, "the failure should read as an error");
    assert!(flash.text.contains("slow down"), "no cause: {}", flash.text);
}

#[test]
fn filter_change_drops_reload() {
    let mut app = app();
    let effects = app.update(Action::AutoRefreshDue);
    let old = fetch(&effects).expect("reload").generation;
    app.update(Action::Command(Command::ToggleGroupBy));
    assert!(!app.is_refreshing(), "a new query should drop the reload");
    app.update(page(old, &names(0..3), None));
    assert!(
        app.paging.rows().is_empty(),
        "a page of the dropped reload was shown"
    );
}
