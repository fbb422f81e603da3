//! Screen snapshots at 80x24 on ratatui's TestBackend.

use std::time::{Duration, SystemTime};

use packscope::action::{Action, Command, PageResult};
use packscope::app::App;
use packscope::aws::{ErrorKind, FetchError};
use packscope::query::{Filters, GroupBy, GroupSummary, Page, Query};
use packscope::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app_at(width: u16, height: u16) -> App {
    let query = Query {
        aggregator: "org-aggregator".into(),
        group_by: GroupBy::Account,
        filters: Filters::default(),
        page_size: 100,
    };
    App::new(query, "us-east-1".into(), "demo".into(), width, height)
}

fn page(count: usize, token: Option<&str>) -> Action {
    let groups = (0..count)
        .map(|i| GroupSummary {
            name: format!("{:012}", 4_000_000 + i * 7919),
            compliant: (i % 5) as u32 + 1,
            noncompliant: ((i * 3) % 4) as u32,
        })
        .collect();
    Action::PageLoaded(PageResult {
        generation: 0,
        result: Ok(Page {
            groups,
            next_token: token.map(String::from),
        }),
        received_at: SystemTime::UNIX_EPOCH + Duration::from_secs(14 * 3600 + 3 * 60 + 22),
    })
}

fn draw(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|frame| ui::render(frame, app, &Theme::plain()))
        .expect("draw");
    terminal.backend().to_string()
}

#[test]
fn loading_screen() {
    let mut app = app_at(80, 24);
    app.start();
    let screen = draw(&app, 80, 24);
    assert!(
        screen.contains("Loading the first page"),
        "no loading placeholder:\n{screen}"
    );
    assert!(
        screen.contains("loading page 1"),
        "no loading indicator:\n{screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn loaded_screen() {
    let mut app = app_at(80, 24);
    app.start();
    app.update(page(40, Some("t1")));
    let screen = draw(&app, 80, 24);
    assert!(
        screen.contains("40 groups, more to load"),
        "status lacks counts:\n{screen}"
    );
    assert!(
        screen.contains("updated 14:03:22 UTC"),
        "status lacks fetch time:\n{screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn empty_screen() {
    let mut app = app_at(80, 24);
    app.start();
    app.update(page(0, None));
    let screen = draw(&app, 80, 24);
    assert!(
        screen.contains("No groups match these filters."),
        "no empty message:\n{screen}"
    );
    assert!(
        screen.contains("0 groups, all loaded"),
        "status lacks the end:\n{screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn error_screen() {
    let mut app = app_at(80, 24);
    app.start();
    app.update(page(3, Some("t1")));
    app.update(Action::PageLoaded(PageResult {
        generation: 0,
        result: Err(FetchError {
            kind: ErrorKind::Throttled,
            code: Some("ThrottlingException".into()),
            message: "AWS Config is throttling requests (Rate exceeded)".into(),
            hint: "wait a moment, then retry from the same page".into(),
        }),
        received_at: SystemTime::UNIX_EPOCH,
    }));
    let screen = draw(&app, 80, 24);
    assert!(
        screen.contains("Error: AWS Config is throttling"),
        "no error line:\n{screen}"
    );
    assert!(
        screen.contains("000004000000"),
        "loaded rows vanished after the error:\n{screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn help_screen() {
    let mut app = app_at(80, 24);
    app.update(Action::Command(Command::ToggleHelp));
    let screen = draw(&app, 80, 24);
    for key in ["Down, j", "PgDn, Ctrl-f", "End, G", "Shift-Tab", "Ctrl-c"] {
        assert!(screen.contains(key), "help lacks {key}:\n{screen}");
    }
    insta::assert_snapshot!(screen);
}

#[test]
fn too_small_screen() {
    let app = app_at(40, 10);
    let screen = draw(&app, 40, 10);
    assert!(
        screen.contains("Terminal too small"),
        "no too-small message:\n{screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn tiny_sizes_do_not_panic() {
    for (width, height) in [(1, 1), (20, 5), (80, 2), (2, 80), (60, 12)] {
        let mut app = app_at(width, height);
        app.start();
        app.update(page(30, Some("t1")));
        app.update(Action::Command(Command::Bottom));
        draw(&app, width, height);
    }
}

#[test]
fn escape_sequence_in_group_name_is_neutralised() {
    let mut app = app_at(80, 24);
    app.start();
    app.update(Action::PageLoaded(PageResult {
        generation: 0,
        result: Ok(Page {
            groups: vec![GroupSummary {
                name: "\u{1b}]52;c;aGk=\u{7}\u{1b}[2J".into(),
                compliant: 1,
                noncompliant: 1,
            }],
            next_token: None,
        }),
        received_at: SystemTime::UNIX_EPOCH,
    }));
    let screen = draw(&app, 80, 24);
    assert!(
        !screen.contains('\u{1b}'),
        "an escape byte reached the screen"
    );
    assert!(
        screen.contains("\\u{1b}"),
        "the name should show escaped:\n{screen}"
    );
    assert!(
        screen.contains('…'),
        "a long escaped name should be shortened visibly:\n{screen}"
    );
}

#[test]
fn region_input_visible_at_minimum_width() {
    use packscope::action::Edit;
    use ratatui::backend::Backend;

    let mut app = app_at(60, 12);
    app.update(Action::Command(Command::EditFilter));
    app.update(Action::Command(Command::NextPane));
    app.update(Action::Edit(Edit::Paste("eu-west-1".into())));

    let mut terminal = Terminal::new(TestBackend::new(60, 12)).expect("test terminal");
    terminal
        .draw(|frame| ui::render(frame, &app, &Theme::plain()))
        .expect("draw");
    let screen = terminal.backend().to_string();
    let filter_row = screen.lines().nth(1).expect("filter row");
    assert!(
        filter_row.contains("Region"),
        "region label cut off: {filter_row}"
    );
    assert!(
        filter_row.contains("est-1"),
        "the end of the typed region should show: {filter_row}"
    );

    let cursor = terminal
        .backend_mut()
        .get_cursor_position()
        .expect("cursor");
    let filter_right = 60 - 26 - 1;
    assert!(
        cursor.x < filter_right,
        "cursor at column {} is outside the filter pane",
        cursor.x
    );
    assert_eq!(cursor.y, 1, "cursor should be on the input row");
}
