//! Export and copy through `App::update`.

use std::path::PathBuf;
use std::time::SystemTime;

use crate::action::{Action, Command, Edit, Effect, ExportDone, PageResult};
use crate::app::App;
use crate::export::{ExportFormat, ExportRequest, ExportTable};
use crate::keymap::Mode;
use crate::query::{Filters, GroupBy, GroupSummary, Page, Query};

fn app_with(names: &[&str]) -> App {
    let query = Query {
        aggregator: "org".into(),
        group_by: GroupBy::Region,
        filters: Filters::default(),
        page_size: 100,
    };
    let mut app = App::new(query, "us-east-1".into(), "demo".into(), 80, 24);
    app.start();
    let groups = names
        .iter()
        .enumerate()
        .map(|(i, name)| GroupSummary {
            name: (*name).into(),
            compliant: 1,
            noncompliant: i as u32,
        })
        .collect();
    app.update(Action::PageLoaded(PageResult {
        generation: 0,
        result: Ok(Page {
            groups,
            next_token: None,
        }),
        received_at: SystemTime::UNIX_EPOCH,
    }));
    app
}

fn command(app: &mut App, command: Command) -> Vec<Effect> {
    app.update(Action::Command(command))
}

fn type_text(app: &mut App, text: &str) {
    app.update(Action::Edit(Edit::Paste(text.into())));
}

fn export_request(effects: &[Effect]) -> Option<&ExportRequest> {
    effects.iter().find_map(|effect| match effect {
        Effect::Export(request) => Some(request),
        _ => None,
    })
}

#[test]
fn export_writes_sorted_view() {
    let mut app = app_with(&["eu-west-1", "us-east-1", "ap-south-1"]);
    command(&mut app, Command::CycleSort);
    command(&mut app, Command::Export);
    assert_eq!(app.mode(), Mode::Editing, "the prompt takes the keys");
    type_text(&mut app, "/tmp/out.CSV");

    let effects = command(&mut app, Command::Apply);
    let request = export_request(&effects).expect("Enter should export");
    assert_eq!(request.format, ExportFormat::Csv);
    assert_eq!(request.path, PathBuf::from("/tmp/out.CSV"));
    let ExportTable::Groups { rows, group_by } = &request.table else {
        panic!("the summary exports groups: {:?}", request.table);
    };
    assert_eq!(*group_by, GroupBy::Region);
    let names: Vec<&str> = rows.iter().map(|group| group.name.as_str()).collect();
    assert_eq!(
        names,
        ["ap-south-1", "us-east-1", "eu-west-1"],
        "rows should follow the sorted view"
    );
    assert!(app.prompt.is_none(), "the prompt should close");
}

#[test]
fn unknown_extension_keeps_prompt() {
    let mut app = app_with(&["eu-west-1"]);
    command(&mut app, Command::Export);
    type_text(&mut app, "report.txt");
    let effects = command(&mut app, Command::Apply);
    assert!(
        effects.is_empty(),
        "an invalid path was exported: {effects:?}"
    );
    let message = app.input_error.as_deref().expect("a message");
    assert!(message.contains("report.txt"), "names the value: {message}");
    assert!(
        message.contains(".csv or .json"),
        "names the fix: {message}"
    );
    assert!(app.prompt.is_some(), "the prompt should stay open");
}

#[test]
fn esc_closes_prompt_without_export() {
    let mut app = app_with(&["eu-west-1"]);
    command(&mut app, Command::Export);
    type_text(&mut app, "q.csv");
    let effects = command(&mut app, Command::Cancel);
    assert!(effects.is_empty(), "Esc requested {effects:?}");
    assert!(app.prompt.is_none(), "Esc should close the prompt");
    assert!(!app.should_quit, "typing q quit");
}

#[test]
fn drilldown_exports_packs() {
    let mut app = app_with(&["eu-west-1"]);
    command(&mut app, Command::Apply);
    command(&mut app, Command::Export);
    type_text(&mut app, "packs.json");
    let effects = command(&mut app, Command::Apply);
    let request = export_request(&effects).expect("Enter should export");
    assert_eq!(request.format, ExportFormat::Json);
    assert!(
        matches!(request.table, ExportTable::Packs(_)),
        "the drill-down exports packs"
    );
}

#[test]
fn export_outcome_is_shown() {
    let mut app = app_with(&["eu-west-1"]);
    app.update(Action::Exported(Ok(ExportDone {
        path: PathBuf::from("/tmp/a.csv"),
        rows: 1200,
        noun: "groups",
    })));
    let flash = app.flash.as_ref().expect("a message");
    assert_eq!(flash.text, "exported 1,200 groups to /tmp/a.csv");
    assert!(!flash.is_error, "success shown as an error");

    app.update(Action::Exported(Err("disk full".into())));
    let flash = app.flash.as_ref().expect("a message");
    assert_eq!(flash.text, "export failed: disk full");
    assert!(flash.is_error, "failure not shown as an error");
}

#[test]
fn copy_sends_selected_name() {
    let mut app = app_with(&["eu-west-1", "us-east-1"]);
    command(&mut app, Command::Down);
    let effects = command(&mut app, Command::Copy);
    assert_eq!(effects, [Effect::Copy("us-east-1".into())]);
}

#[test]
fn copy_neutralises_control_characters() {
    let mut app = app_with(&["evil\nrm -rf ~"]);
    let effects = command(&mut app, Command::Copy);
    assert_eq!(effects, [Effect::Copy("evil\\u{a}rm -rf ~".into())]);
}
