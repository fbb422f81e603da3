//! Screen snapshots at 80x24 of the views beyond the summary list.

use std::time::{Duration, SystemTime};

use packscope::action::{Action, Command, Effect, Loaded, PageResult};
use packscope::app::App;
use packscope::query::{
    Filters, GroupBy, GroupSummary, PackComplianceType, PackRow, Page, Query, RowPage,
};
use packscope::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app() -> App {
    let query = Query {
        aggregator: "org-aggregator".into(),
        group_by: GroupBy::Account,
        filters: Filters::default(),
        page_size: 100,
    };
    let mut app = App::new(query, "us-east-1".into(), "demo".into(), 80, 24);
    app.start();
    app
}

fn groups(count: usize, token: Option<&str>) -> Action {
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

fn packs(generation: u64, token: Option<&str>) -> Action {
    let kinds = [
        PackComplianceType::NonCompliant,
        PackComplianceType::Compliant,
        PackComplianceType::InsufficientData,
    ];
    let names = [
        "Operational-Best-Practices-for-CIS",
        "Security-Best-Practices-for-S3",
        "Operational-Best-Practices-for-PCI-DSS",
    ];
    let rows = (0..9)
        .map(|i| PackRow {
            name: names[i % 3].to_string(),
            account_id: "000004000000".into(),
            region: ["eu-west-1", "us-east-1", "ap-southeast-2"][i / 3].into(),
            compliance: kinds[i % 3],
            compliant_rules: 10 + i as u32,
            noncompliant_rules: if i % 3 == 0 { 3 } else { 0 },
            total_rules: 13 + i as u32,
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

fn open_packs(app: &mut App) -> u64 {
    let effects = app.update(Action::Command(Command::Apply));
    effects
        .iter()
        .find_map(|effect| match effect {
            Effect::FetchPacks(request) => Some(request.generation),
            _ => None,
        })
        .expect("Enter should request the packs")
}

fn draw(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("test terminal");
    terminal
        .draw(|frame| ui::render(frame, app, &Theme::plain()))
        .expect("draw");
    terminal.backend().to_string()
}

#[test]
fn drilldown_screen() {
    let mut app = app();
    app.update(groups(40, Some("t1")));
    let generation = open_packs(&mut app);
    app.update(packs(generation, None));
    let screen = draw(&app);
    assert!(
        screen.contains("Packs in account 000004000000"),
        "title lacks the group:\n{screen}"
    );
    assert!(
        screen.contains("insufficient data"),
        "compliance type missing:\n{screen}"
    );
    assert!(
        screen.contains("9 packs, all loaded"),
        "status lacks the pack count:\n{screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn drilldown_loading_screen() {
    let mut app = app();
    app.update(groups(40, Some("t1")));
    open_packs(&mut app);
    let screen = draw(&app);
    assert!(
        screen.contains("Loading the first page"),
        "no loading placeholder:\n{screen}"
    );
    assert!(
        screen.contains("loading page 1"),
        "no loading indicator:\n{screen}"
    );
}

#[test]
fn totals_marked_partial_until_end() {
    let mut app = app();
    app.update(groups(3, Some("t1")));
    let screen = draw(&app);
    assert!(
        screen.contains("6 compliant · 5 noncompliant packs in 3 groups · partial"),
        "no partial totals:\n{screen}"
    );

    let mut app = self::app();
    app.update(groups(3, None));
    let screen = draw(&app);
    assert!(
        screen.contains("6 compliant · 5 noncompliant packs in 3 groups "),
        "no totals:\n{screen}"
    );
    assert!(
        !screen.contains("partial"),
        "complete totals marked partial:\n{screen}"
    );
}

#[test]
fn pack_totals_by_compliance_type() {
    let mut app = app();
    app.update(groups(40, Some("t1")));
    let generation = open_packs(&mut app);
    app.update(packs(generation, Some("p1")));
    let screen = draw(&app);
    assert!(
        screen.contains("9 packs: 3 compliant · 3 noncompliant · 3 insufficient data · partial"),
        "no pack totals:\n{screen}"
    );
}

#[test]
fn sort_progress_screen() {
    let mut app = app();
    app.update(groups(40, Some("t1")));
    app.update(Action::Command(Command::CycleSort));
    let screen = draw(&app);
    assert!(
        screen.contains("Sorting by noncompliant ↓: loading every page"),
        "no progress box:\n{screen}"
    );
    assert!(
        screen.contains("1 page, 40 groups loaded"),
        "progress lacks pages and groups:\n{screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn sorted_title_marks_partial() {
    let mut app = app();
    app.update(groups(40, Some("t1")));
    app.update(Action::Command(Command::CycleSort));
    app.update(Action::Command(Command::Cancel));
    let screen = draw(&app);
    assert!(
        screen.contains("by account · noncompliant ↓ (s) · partial"),
        "title lacks the partial sort:\n{screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn export_prompt_screen() {
    let mut app = app();
    app.update(groups(40, Some("t1")));
    app.update(Action::Command(Command::Export));
    app.update(Action::Edit(packscope::action::Edit::Paste(
        "~/reports/packs.txt".into(),
    )));
    app.update(Action::Command(Command::Apply));
    let screen = draw(&app);
    assert!(
        screen.contains("Export to (.csv or .json): ~/reports/packs.txt"),
        "no prompt line:\n{screen}"
    );
    assert!(
        screen.contains("unknown export format"),
        "no reason for the rejection:\n{screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn export_done_message() {
    let mut app = app();
    app.update(groups(3, None));
    app.update(Action::Exported(Ok(packscope::action::ExportDone {
        path: "/tmp/groups.csv".into(),
        rows: 3,
        noun: "groups",
    })));
    let screen = draw(&app);
    assert!(
        screen.contains("exported 3 groups to /tmp/groups.csv"),
        "no confirmation:\n{screen}"
    );
}

#[test]
fn help_scrolls_to_last_key() {
    let mut app = app();
    app.update(Action::Command(Command::ToggleHelp));
    for _ in 0..50 {
        app.update(Action::Command(Command::Down));
    }
    let screen = draw(&app);
    let last = packscope::keymap::BINDINGS
        .iter()
        .rfind(|binding| binding.scope != packscope::keymap::Scope::Help)
        .expect("bindings")
        .description;
    assert!(
        screen.contains(last),
        "the last key is out of reach:\n{screen}"
    );
}

#[test]
fn find_prompt_screen() {
    let mut app = app();
    app.update(groups(40, Some("t1")));
    app.update(Action::Command(Command::Find));
    app.update(Action::Edit(packscope::action::Edit::Paste("4039".into())));
    let screen = draw(&app);
    assert!(screen.contains("Find: 4039"), "no find prompt:\n{screen}");
    insta::assert_snapshot!(screen);

    app.update(Action::Command(Command::Apply));
    let screen = draw(&app);
    assert_eq!(
        app.selected_group().map(|group| group.name.as_str()),
        Some("000004039595"),
        "Enter should select the match"
    );
    assert!(!screen.contains("Find:"), "the prompt stayed:\n{screen}");
}

fn picker_app() -> (App, u64) {
    let query = Query {
        aggregator: String::new(),
        group_by: GroupBy::Account,
        filters: Filters::default(),
        page_size: 100,
    };
    let mut app = App::new(query, "eu-west-1".into(), "default".into(), 80, 24);
    app.open_picker();
    let generation = app
        .start()
        .iter()
        .find_map(|effect| match effect {
            Effect::FetchAggregators(request) => Some(request.generation),
            _ => None,
        })
        .expect("the picker lists aggregators");
    (app, generation)
}

fn aggregator_page(generation: u64, rows: Vec<packscope::query::AggregatorInfo>) -> Action {
    Action::AggregatorsLoaded(Loaded {
        generation,
        result: Ok(RowPage {
            rows,
            next_token: None,
        }),
    })
}

#[test]
fn picker_screen() {
    use packscope::query::{AggregatorInfo, AggregatorRegions, AggregatorSource};
    let (mut app, generation) = picker_app();
    let rows = vec![
        AggregatorInfo {
            name: "org-conformance".into(),
            source: AggregatorSource::Organization,
            regions: AggregatorRegions::All,
        },
        AggregatorInfo {
            name: "security-ou-baseline".into(),
            source: AggregatorSource::Accounts(134),
            regions: AggregatorRegions::Listed(4),
        },
    ];
    app.update(aggregator_page(generation, rows));
    let screen = draw(&app);
    assert!(
        screen.contains("accounts (134)"),
        "no source type:\n{screen}"
    );
    assert!(
        screen.contains("no aggregator chosen"),
        "the status bar names an aggregator:\n{screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn picker_none_found_screen() {
    let (mut app, generation) = picker_app();
    app.update(aggregator_page(generation, Vec::new()));
    let screen = draw(&app);
    assert!(
        screen.contains("put-configuration-aggregator"),
        "no way to create one:\n{screen}"
    );
    assert!(
        screen.contains("--aggregator"),
        "no way to name one:\n{screen}"
    );
    insta::assert_snapshot!(screen);
}

fn stale_sources(app: &mut App, generation: u64) {
    use packscope::query::{SourceRow, SourceUpdateStatus};
    let row = |id: &str, status, error: Option<&str>| SourceRow {
        source_id: id.into(),
        source_type: "ACCOUNT".into(),
        region: "eu-west-1".into(),
        status,
        last_update: Some(1_735_732_800),
        error_code: error.map(|_| "AccessDeniedException".to_string()),
        error_message: error.map(String::from),
    };
    let rows = vec![
        row(
            "000004007919",
            SourceUpdateStatus::Failed,
            Some("Account 000004007919 has not authorized the aggregator account in eu-west-1."),
        ),
        row("000004015838", SourceUpdateStatus::Outdated, None),
        row("000004023757", SourceUpdateStatus::Outdated, None),
    ];
    app.update(Action::SourcesLoaded(Loaded {
        generation,
        result: Ok(RowPage {
            rows,
            next_token: None,
        }),
    }));
}

fn started_with_sources() -> (App, u64) {
    let query = Query {
        aggregator: "org-aggregator".into(),
        group_by: GroupBy::Account,
        filters: Filters::default(),
        page_size: 100,
    };
    let mut app = App::new(query, "us-east-1".into(), "demo".into(), 80, 24);
    let generation = app
        .start()
        .iter()
        .find_map(|effect| match effect {
            Effect::FetchSources(request) => Some(request.generation),
            _ => None,
        })
        .expect("start should list stale sources");
    (app, generation)
}

#[test]
fn freshness_warning_on_list() {
    let (mut app, generation) = started_with_sources();
    app.update(groups(40, Some("t1")));
    stale_sources(&mut app, generation);
    let screen = draw(&app);
    assert!(
        screen.contains("⚠ 1 failed, 2 outdated sources (d)"),
        "no freshness warning:\n{screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn sources_view_screen() {
    let (mut app, generation) = started_with_sources();
    app.update(groups(40, Some("t1")));
    stale_sources(&mut app, generation);
    app.update(Action::Command(Command::ShowSources));
    let screen = draw(&app);
    assert!(
        screen.contains("2025-01-01 12:00"),
        "no last update time:\n{screen}"
    );
    assert!(
        screen.contains("AccessDeniedException"),
        "no error code:\n{screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn auto_refresh_in_status_bar() {
    let mut app = app();
    app.set_auto_refresh(std::time::Duration::from_secs(30));
    app.update(groups(3, None));
    let screen = draw(&app);
    assert!(
        screen.contains("auto 30 s"),
        "no auto-refresh mark:\n{screen}"
    );

    app.update(Action::AutoRefreshDue);
    let screen = draw(&app);
    assert!(screen.contains("refreshing…"), "no reload mark:\n{screen}");
    assert!(
        screen.contains("000004007919"),
        "the rows vanished during the reload:\n{screen}"
    );
}
