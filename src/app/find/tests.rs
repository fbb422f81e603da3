//! Find through `App::update`.

use std::time::SystemTime;

use crate::action::{Action, Command, Edit, Effect, Loaded, PageResult};
use crate::app::App;
use crate::keymap::Mode;
use crate::query::{
    Filters, GroupBy, GroupSummary, PackComplianceType, PackRow, Page, Query, RowPage,
};

fn app() -> App {
    let query = Query {
        aggregator: "org".into(),
        group_by: GroupBy::Account,
        filters: Filters::default(),
        page_size: 100,
    };
    let mut app = App::new(query, "us-east-1".into(), "demo".into(), 80, 24);
    app.start();
    let groups = (0..100)
        .map(|i| GroupSummary {
            name: format!("{:012}", i * 1_000),
            compliant: 1,
            noncompliant: 0,
        })
        .collect();
    app.update(Action::PageLoaded(PageResult {
        generation: 0,
        result: Ok(Page {
            groups,
            next_token: Some("t1".into()),
        }),
        received_at: SystemTime::UNIX_EPOCH,
    }));
    app
}

fn command(app: &mut App, command: Command) -> Vec<Effect> {
    app.update(Action::Command(command))
}

fn find(app: &mut App, text: &str) -> Vec<Effect> {
    command(app, Command::Find);
    app.update(Action::Edit(Edit::Paste(text.into())));
    command(app, Command::Apply)
}

fn selected(app: &App) -> String {
    app.selected_group().expect("a selection").name.clone()
}

#[test]
fn find_jumps_to_next_match() {
    let mut app = app();
    find(&mut app, "5000");
    assert_eq!(selected(&app), "000000005000");
    assert!(app.prompt.is_none(), "the prompt should close");
    assert_eq!(app.mode(), Mode::Browsing);

    command(&mut app, Command::FindNext);
    assert_eq!(selected(&app), "000000015000", "n finds the next match");
    command(&mut app, Command::FindPrevious);
    assert_eq!(selected(&app), "000000005000", "N goes back");
}

#[test]
fn find_wraps_and_says_so() {
    let mut app = app();
    command(&mut app, Command::Bottom);
    find(&mut app, "000000000000");
    assert_eq!(selected(&app), "000000000000");
    let flash = app.flash.as_ref().expect("a message");
    assert!(
        flash.text.contains("wrapped"),
        "no wrap message: {}",
        flash.text
    );
}

#[test]
fn find_far_row_requests_next_page() {
    let mut app = app();
    let effects = find(&mut app, "99000");
    assert_eq!(selected(&app), "000000099000");
    assert!(
        effects.iter().any(|e| matches!(e, Effect::Fetch(_))),
        "a match near the end should load the next page"
    );
}

#[test]
fn no_match_keeps_selection() {
    let mut app = app();
    command(&mut app, Command::Down);
    find(&mut app, "zzz");
    assert_eq!(app.selection.selected, 1, "the selection moved");
    let flash = app.flash.as_ref().expect("a message");
    assert!(flash.is_error, "no match should read as a failure");
    assert!(
        flash.text.contains("zzz"),
        "message lacks the text: {}",
        flash.text
    );
}

#[test]
fn repeat_without_find_explains() {
    let mut app = app();
    command(&mut app, Command::FindNext);
    let flash = app.flash.as_ref().expect("a message");
    assert!(flash.text.contains("press f"), "no hint: {}", flash.text);
}

#[test]
fn find_in_drilldown_matches_packs() {
    let mut app = app();
    let effects = command(&mut app, Command::Apply);
    let generation = effects
        .iter()
        .find_map(|effect| match effect {
            Effect::FetchPacks(request) => Some(request.generation),
            _ => None,
        })
        .expect("drill-down request");
    let rows = ["Alpha-Pack", "Beta-Pack", "Gamma-Pack"]
        .iter()
        .map(|name| PackRow {
            name: (*name).into(),
            account_id: "000000000000".into(),
            region: "eu-west-1".into(),
            compliance: PackComplianceType::Compliant,
            compliant_rules: 1,
            noncompliant_rules: 0,
            total_rules: 1,
        })
        .collect();
    app.update(Action::PacksLoaded(Loaded {
        generation,
        result: Ok(RowPage {
            rows,
            next_token: None,
        }),
    }));

    find(&mut app, "gamma");
    let drill = app.drilldown.as_ref().expect("drill-down open");
    assert_eq!(drill.list.selection.selected, 2, "case is ignored");
}
