//! Drill-down state through `App::update`.

use std::time::SystemTime;

use crate::action::{Action, Command, Effect, Loaded, PacksRequest, PageResult};
use crate::app::App;
use crate::keymap::Mode;
use crate::query::{
    Filters, GroupBy, GroupSummary, PackComplianceType, PackRow, Page, Query, RowPage,
};

fn app() -> App {
    let query = Query {
        aggregator: "org".into(),
        group_by: GroupBy::Account,
        filters: Filters {
            account_id: None,
            region: Some("eu-west-1".into()),
        },
        page_size: 100,
    };
    let mut app = App::new(query, "us-east-1".into(), "demo".into(), 80, 24);
    app.start();
    let groups = (0..100)
        .map(|i| GroupSummary {
            name: format!("{i:012}"),
            compliant: 3,
            noncompliant: 1,
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

fn packs_request(effects: &[Effect]) -> Option<&PacksRequest> {
    effects.iter().find_map(|effect| match effect {
        Effect::FetchPacks(request) => Some(request),
        _ => None,
    })
}

fn packs(generation: u64, count: usize, token: Option<&str>) -> Action {
    let rows = (0..count)
        .map(|i| PackRow {
            name: format!("pack-{i}"),
            account_id: "000000000003".into(),
            region: "eu-west-1".into(),
            compliance: PackComplianceType::Compliant,
            compliant_rules: 4,
            noncompliant_rules: 0,
            total_rules: 4,
        })
        .collect();
    Action::PacksLoaded(Loaded {
        generation,
        result: Ok(RowPage {
            rows,
            next_token: token.map(String::from),
        }),
    })
}

#[test]
fn enter_opens_selected_group() {
    let mut app = app();
    command(&mut app, Command::Down);
    command(&mut app, Command::Down);
    command(&mut app, Command::Down);
    let effects = command(&mut app, Command::Apply);
    let request = packs_request(&effects).expect("Enter should request the group's packs");
    assert_eq!(request.query.account_id.as_deref(), Some("000000000003"));
    assert_eq!(
        request.query.region.as_deref(),
        Some("eu-west-1"),
        "the summary's region filter should narrow the packs"
    );
    assert_eq!(request.next_token, None, "the first page has no token");
    assert_eq!(app.mode(), Mode::Packs);
}

#[test]
fn esc_keeps_summary_position() {
    let mut app = app();
    command(&mut app, Command::PageDown);
    command(&mut app, Command::PageDown);
    let before = app.selection;
    let generation = packs_request(&command(&mut app, Command::Apply))
        .expect("drill-down request")
        .generation;
    app.update(packs(generation, 40, None));
    command(&mut app, Command::PageDown);

    let effects = command(&mut app, Command::Cancel);
    assert!(
        effects.contains(&Effect::CancelPacks),
        "closing should abort the drill-down request"
    );
    assert!(app.drilldown.is_none(), "Esc should close the drill-down");
    assert_eq!(app.selection, before, "selection and scroll moved");
}

#[test]
fn compliance_filter_restarts_packs() {
    let mut app = app();
    let first = packs_request(&command(&mut app, Command::Apply))
        .expect("drill-down request")
        .clone();
    app.update(packs(first.generation, 5, Some("p1")));

    let effects = command(&mut app, Command::CycleCompliance);
    let request = packs_request(&effects).expect("a new filter reloads the packs");
    assert_eq!(
        request.query.compliance,
        Some(PackComplianceType::NonCompliant)
    );
    assert_eq!(request.next_token, None, "the reload starts at page one");
    assert_ne!(
        request.generation, first.generation,
        "same generation reused"
    );

    app.update(packs(first.generation, 7, None));
    let drill = app.drilldown.as_ref().expect("drill-down open");
    assert!(
        drill.list.rows().is_empty(),
        "a late page of the old filter was shown"
    );
}

#[test]
fn short_pack_page_asks_for_more() {
    let mut app = app();
    let generation = packs_request(&command(&mut app, Command::Apply))
        .expect("drill-down request")
        .generation;
    let effects = app.update(packs(generation, 5, Some("p1")));
    let request = packs_request(&effects).expect("five packs do not fill the screen");
    assert_eq!(request.next_token.as_deref(), Some("p1"));
}

#[test]
fn summary_keys_are_off_in_drilldown() {
    let mut app = app();
    command(&mut app, Command::Apply);
    let key = crossterm::event::KeyEvent::new(
        crossterm::event::KeyCode::Char('t'),
        crossterm::event::KeyModifiers::NONE,
    );
    let action = crate::keymap::resolve(key, app.mode());
    assert!(action.is_none(), "t acted in the drill-down: {action:?}");
}

#[test]
fn enter_without_rows_does_nothing() {
    let query = Query {
        aggregator: "org".into(),
        group_by: GroupBy::Region,
        filters: Filters::default(),
        page_size: 100,
    };
    let mut app = App::new(query, "us-east-1".into(), "demo".into(), 80, 24);
    let effects = command(&mut app, Command::Apply);
    assert!(
        effects.is_empty(),
        "Enter with no rows requested {effects:?}"
    );
    assert!(app.drilldown.is_none(), "opened a drill-down with no group");
}
