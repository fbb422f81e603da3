//! Sorting: the order itself, and loading every page first through `App::update`.

use std::time::SystemTime;

use super::*;
use crate::action::{Action, Command, FetchRequest, PageResult};
use crate::keymap::Mode;
use crate::query::{Filters, GroupBy, Page, Query};

fn group(name: &str, compliant: u32, noncompliant: u32) -> GroupSummary {
    GroupSummary {
        name: name.into(),
        compliant,
        noncompliant,
    }
}

fn names(rows: &[GroupSummary], order: &[usize]) -> Vec<String> {
    order.iter().map(|&i| rows[i].name.clone()).collect()
}

fn rows() -> Vec<GroupSummary> {
    vec![
        group("b", 8, 2),
        group("a", 1, 3),
        group("d", 0, 0),
        group("c", 9, 2),
    ]
}

#[test]
fn noncompliant_descending_ties_by_name() {
    let sort = Sort::default().next_key();
    assert_eq!(sort.key, SortKey::Noncompliant);
    assert!(sort.descending, "worst first by default");
    assert_eq!(names(&rows(), &sort.order(&rows())), ["a", "b", "c", "d"]);
}

#[test]
fn ratio_puts_unscored_last_both_ways() {
    let ascending = Sort {
        key: SortKey::Ratio,
        descending: false,
    };
    assert_eq!(
        names(&rows(), &ascending.order(&rows())),
        ["a", "b", "c", "d"],
        "25%, 80%, 82%, then no scored pack"
    );
    let descending = ascending.reversed();
    assert_eq!(
        names(&rows(), &descending.order(&rows())),
        ["c", "b", "a", "d"],
        "a group with no scored pack must stay last"
    );
}

#[test]
fn name_sort_reverses() {
    let sort = Sort {
        key: SortKey::Name,
        descending: true,
    };
    assert_eq!(names(&rows(), &sort.order(&rows())), ["d", "c", "b", "a"]);
}

#[test]
fn cycle_returns_to_loaded_order() {
    let mut sort = Sort::default();
    for _ in 0..4 {
        sort = sort.next_key();
    }
    assert_eq!(sort.key, SortKey::Loaded);
    assert_eq!(sort.label(), None, "loaded order has no label");
}

fn app() -> App {
    let query = Query {
        aggregator: "org".into(),
        group_by: GroupBy::Account,
        filters: Filters::default(),
        page_size: 100,
    };
    let mut app = App::new(query, "us-east-1".into(), "demo".into(), 80, 24);
    app.start();
    app
}

/// Builds a page of 100 groups whose noncompliant count grows with the page number.
fn page(generation: u64, number: usize, token: Option<&str>) -> Action {
    let groups = (0..100)
        .map(|i| {
            let index = number * 100 + i;
            group(&format!("{index:012}"), 5, index as u32 % 7 + number as u32)
        })
        .collect();
    Action::PageLoaded(PageResult {
        generation,
        result: Ok(Page {
            groups,
            next_token: token.map(String::from),
        }),
        received_at: SystemTime::UNIX_EPOCH,
    })
}

fn fetch(effects: &[Effect]) -> Option<&FetchRequest> {
    effects.iter().find_map(|effect| match effect {
        Effect::Fetch(request) => Some(request),
        _ => None,
    })
}

#[test]
fn sort_loads_every_page_first() {
    let mut app = app();
    app.update(page(0, 0, Some("t1")));
    let effects = app.update(Action::Command(Command::CycleSort));
    let request = fetch(&effects).expect("a sort should load the next page");
    assert_eq!(request.next_token.as_deref(), Some("t1"));
    assert_eq!(app.mode(), Mode::Loading);

    let effects = app.update(page(0, 1, Some("t2")));
    assert!(fetch(&effects).is_some(), "loading stopped before the end");
    app.update(page(0, 2, None));

    assert!(!app.loading_for_sort, "loading should end with the list");
    assert_eq!(app.mode(), Mode::Browsing);
    let first = app.row_in_view(0).expect("rows loaded");
    assert_eq!(first.noncompliant, 8, "the worst group comes first");
    assert_eq!(first.name, "000000000202", "ties go by name");
    assert_eq!(app.selection.selected, 0, "the sort selects the first row");
    assert!(!app.is_sort_partial(), "every page is loaded");
}

#[test]
fn esc_stops_loading_and_sorts_partial() {
    let mut app = app();
    app.update(page(0, 0, Some("t1")));
    app.update(Action::Command(Command::CycleSort));
    app.update(page(0, 1, Some("t2")));

    let effects = app.update(Action::Command(Command::Cancel));
    assert!(
        effects.contains(&Effect::CancelFetch),
        "Esc should abort the request in flight"
    );
    assert!(!app.loading_for_sort, "Esc should stop loading");
    assert_eq!(app.view_len(), 200, "loaded groups must be kept");
    assert!(app.is_sort_partial(), "the sort should be marked partial");
    let first = app.row_in_view(0).expect("rows loaded");
    assert_eq!(first.noncompliant, 7, "the loaded groups are sorted");
}

#[test]
fn late_page_keeps_selected_group() {
    let mut app = app();
    app.update(page(0, 0, Some("t1")));
    app.update(Action::Command(Command::CycleSort));
    app.update(Action::Command(Command::Cancel));

    let mut requested = false;
    for _ in 0..90 {
        requested |= fetch(&app.update(Action::Command(Command::Down))).is_some();
    }
    assert!(requested, "scrolling a partial sort should load more");
    let selected = app.selected_group().expect("selected").name.clone();
    let index = app.selection.selected;

    app.update(page(0, 1, None));
    let now = app.selected_group().expect("selected").name.clone();
    assert_eq!(now, selected, "the selection jumped to another group");
    assert_ne!(
        app.selection.selected, index,
        "worse groups arrived, so the row should move down"
    );
    assert!(!app.is_sort_partial(), "every page is loaded now");
}

#[test]
fn reverse_without_sort_does_nothing() {
    let mut app = app();
    app.update(page(0, 0, None));
    let effects = app.update(Action::Command(Command::ReverseSort));
    assert!(effects.is_empty(), "S requested {effects:?}");
    assert_eq!(app.sort, Sort::default());
}
