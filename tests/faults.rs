//! packscope under faults: the emulator scripts each fault, and the real SDK and the
//! app's paging react. Every test checks that no group is lost or repeated.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::demo::{connect, connect_to, query, quick_timing, start_emulator};
use common::drive::{load_all, new_app, press};
use packscope::action::Command;
use packscope::app::App;
use packscope::app::paging::{Cursor, EndReason, MAX_EMPTY_PAGES_IN_A_ROW};
use packscope::aws::{ErrorKind, Source, Timing};
use packscope::emulator::{Emulator, Fault, FaultPlan, FaultRule, Organization};
use packscope::query::{Filters, GroupBy, GroupSummary};

const SUMMARY: &str = "GetAggregateConformancePackComplianceSummary";

struct Setup {
    organization: Arc<Organization>,
    emulator: Emulator,
    source: Source,
    app: App,
}

async fn setup(plan: FaultPlan) -> Setup {
    let organization = Arc::new(Organization::demo());
    let emulator = start_emulator(Arc::clone(&organization), plan).await;
    let source = connect(&emulator).await;
    let aggregator = organization.aggregator_names()[0].clone();
    let app = new_app(query(
        &aggregator,
        GroupBy::Account,
        Filters::default(),
        100,
    ));
    Setup {
        organization,
        emulator,
        source,
        app,
    }
}

fn plan(rule: FaultRule) -> FaultPlan {
    FaultPlan::default().rule(rule)
}

fn all_groups(setup: &Setup) -> Vec<GroupSummary> {
    setup.organization.summaries(GroupBy::Account, None, None)
}

fn assert_exact(setup: &Setup) {
    let expected = all_groups(setup);
    let rows = setup.app.paging.rows();
    assert_eq!(rows.len(), expected.len(), "group count differs");
    assert_eq!(rows, &expected[..], "groups lost, repeated or reordered");
}

#[tokio::test]
async fn throttling_is_retried_by_sdk() {
    let mut s = setup(plan(FaultRule::on_request(2, Fault::Throttling).times(2))).await;
    let (_, retries) = load_all(&mut s.app, &s.source).await;
    assert_eq!(
        retries,
        vec![2, 3],
        "the status bar should hear of attempts 2 and 3"
    );
    assert!(s.app.error.is_none(), "two throttles fit in three attempts");
    assert_exact(&s);
}

#[tokio::test]
async fn exhausted_retries_keep_rows_and_r_resumes() {
    let mut s = setup(plan(FaultRule::on_request(2, Fault::Throttling).times(3))).await;
    load_all(&mut s.app, &s.source).await;

    let err = s
        .app
        .error
        .clone()
        .expect("three throttles exhaust the retries");
    assert_eq!(err.kind, ErrorKind::Throttled);
    assert!(
        err.message.contains("Rate exceeded"),
        "message: {}",
        err.message
    );
    assert_eq!(
        s.app.paging.rows().len(),
        100,
        "the first page must stay on screen"
    );

    let (requests, _) = press(&mut s.app, &s.source, Command::Refresh).await;
    assert!(requests > 0, "r should request the failed page again");
    press(&mut s.app, &s.source, Command::Bottom).await;
    assert_exact(&s);
}

#[tokio::test]
async fn server_errors_are_retried() {
    for fault in [Fault::InternalFailure, Fault::ServiceUnavailable] {
        let mut s = setup(plan(FaultRule::on_request(3, fault).times(2))).await;
        load_all(&mut s.app, &s.source).await;
        assert!(
            s.app.error.is_none(),
            "{fault:?} twice should be retried away"
        );
        assert_exact(&s);
    }
}

#[tokio::test]
async fn server_errors_past_retries_show_kind() {
    let mut s = setup(plan(
        FaultRule::on_request(1, Fault::ServiceUnavailable).times(3),
    ))
    .await;
    load_all(&mut s.app, &s.source).await;
    let err = s.app.error.clone().expect("three 503s exhaust the retries");
    assert_eq!(err.kind, ErrorKind::ServiceUnavailable);

    press(&mut s.app, &s.source, Command::Refresh).await;
    press(&mut s.app, &s.source, Command::Bottom).await;
    assert_exact(&s);
}

#[tokio::test]
async fn broken_responses_recover() {
    for fault in [Fault::CloseConnection, Fault::MalformedJson] {
        let mut s = setup(plan(FaultRule::on_request(2, fault))).await;
        load_all(&mut s.app, &s.source).await;
        if s.app.error.is_some() {
            press(&mut s.app, &s.source, Command::Refresh).await;
            press(&mut s.app, &s.source, Command::Bottom).await;
        }
        assert!(
            s.app.error.is_none(),
            "{fault:?}: error after retry: {:?}",
            s.app.error
        );
        assert_exact(&s);
    }
}

#[tokio::test]
async fn empty_pages_with_token_are_followed() {
    let mut s = setup(plan(FaultRule::on_page(0, Fault::EmptyPage).times(3))).await;
    load_all(&mut s.app, &s.source).await;
    assert_exact(&s);
    let pages = all_groups(&s).len().div_ceil(100) + 3;
    assert_eq!(
        s.emulator.request_count(SUMMARY),
        pages,
        "three extra empty pages"
    );
}

#[tokio::test]
async fn first_empty_page_is_not_no_results() {
    let mut s = setup(plan(FaultRule::on_page(0, Fault::EmptyPage))).await;
    let effects = s.app.start();
    let request = match effects.first() {
        Some(packscope::action::Effect::Fetch(request)) => request.clone(),
        other => panic!("start should fetch, got {other:?}"),
    };
    let page = packscope::aws::fetch_page(&s.source, &request.query, None)
        .await
        .expect("empty page");
    assert!(
        page.groups.is_empty(),
        "the plan should make the first page empty"
    );
    assert!(
        page.next_token.is_some(),
        "an empty page with more to come carries a token"
    );
    s.app.update(packscope::action::Action::PageLoaded(
        packscope::action::PageResult {
            generation: request.generation,
            result: Ok(page),
            received_at: std::time::SystemTime::now(),
        },
    ));
    assert!(
        !s.app.paging.is_ended(),
        "an empty first page ended the list"
    );
}

#[tokio::test]
async fn endless_empty_pages_stop_at_bound() {
    let times = MAX_EMPTY_PAGES_IN_A_ROW + 10;
    let mut s = setup(plan(FaultRule::on_page(100, Fault::EmptyPage).times(times))).await;
    load_all(&mut s.app, &s.source).await;
    assert_eq!(
        s.app.paging.cursor(),
        &Cursor::End(EndReason::TooManyEmptyPages)
    );
    assert_eq!(s.app.paging.rows().len(), 100, "the rows found before stay");
    let notice = s.app.notice.clone().expect("a visible warning");
    assert!(notice.contains("empty pages"), "notice: {notice}");
}

#[tokio::test]
async fn empty_string_token_ends_list() {
    let mut s = setup(plan(FaultRule::on_request(2, Fault::EmptyToken))).await;
    let (requests, _) = load_all(&mut s.app, &s.source).await;
    assert_eq!(requests, 2, "an empty token must end paging");
    assert_eq!(s.app.paging.cursor(), &Cursor::End(EndReason::Complete));
    assert_eq!(s.app.paging.rows(), &all_groups(&s)[..200]);
}

#[tokio::test]
async fn repeated_token_ends_with_warning() {
    let mut s = setup(plan(FaultRule::on_request(3, Fault::RepeatedToken))).await;
    let (requests, _) = load_all(&mut s.app, &s.source).await;
    assert_eq!(requests, 3, "a repeated token must not loop");
    assert_eq!(
        s.app.paging.cursor(),
        &Cursor::End(EndReason::RepeatedToken)
    );
    assert!(
        s.app.notice.is_some(),
        "a repeated token needs a visible warning"
    );
    assert_eq!(
        s.app.paging.rows(),
        &all_groups(&s)[..300],
        "rows repeated or lost"
    );
}

#[tokio::test]
async fn invalid_next_token_restarts_once() {
    let mut s = setup(plan(FaultRule::on_request(3, Fault::InvalidNextToken))).await;
    load_all(&mut s.app, &s.source).await;
    assert!(
        s.app.error.is_none(),
        "one invalid token should restart, not fail"
    );
    press(&mut s.app, &s.source, Command::Bottom).await;
    assert_exact(&s);
}

#[tokio::test]
async fn credential_errors_name_next_step() {
    let cases = [
        (
            Fault::ExpiredToken,
            ErrorKind::CredentialsExpired,
            "aws sso login",
        ),
        (
            Fault::UnrecognizedClient,
            ErrorKind::CredentialsInvalid,
            "access key",
        ),
        (
            Fault::AccessDenied,
            ErrorKind::AccessDenied,
            "config:GetAggregateConformancePackComplianceSummary",
        ),
    ];
    for (fault, kind, next_step) in cases {
        let mut s = setup(plan(FaultRule::on_request(1, fault))).await;
        load_all(&mut s.app, &s.source).await;
        let err = s.app.error.clone().expect("the fault should surface");
        assert_eq!(err.kind, kind, "{fault:?}");
        assert!(
            err.message.contains("demo"),
            "{fault:?}: message should name the profile: {}",
            err.message
        );
        assert!(
            err.hint.contains(next_step),
            "{fault:?}: hint should say {next_step}: {}",
            err.hint
        );

        press(&mut s.app, &s.source, Command::Refresh).await;
        press(&mut s.app, &s.source, Command::Bottom).await;
        assert_exact(&s);
    }
}

#[tokio::test]
async fn unknown_aggregator_names_region() {
    let mut s = setup(plan(FaultRule::on_request(1, Fault::NoSuchAggregator))).await;
    load_all(&mut s.app, &s.source).await;
    let err = s.app.error.clone().expect("the fault should surface");
    assert_eq!(err.kind, ErrorKind::AggregatorNotFound);
    assert_eq!(
        err.message,
        "aggregator org-conformance not found in us-east-1"
    );
    assert!(err.hint.contains("home region"), "hint: {}", err.hint);
}

#[tokio::test]
async fn closed_port_fails_as_network_error() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let address = listener.local_addr().expect("address");
    drop(listener);

    let timing = Timing {
        max_attempts: 1,
        ..quick_timing()
    };
    let source = connect_to(&format!("http://{address}"), timing).await;
    let q = query("org-conformance", GroupBy::Account, Filters::default(), 100);
    let err = packscope::aws::fetch_page(&source, &q, None)
        .await
        .expect_err("nothing listens");
    assert_eq!(err.kind, ErrorKind::Network, "{err}");
}

#[tokio::test]
async fn silent_server_times_out() {
    // Accepts connections and never responds, like a link that dropped mid-request.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let address = listener.local_addr().expect("address");
    let server = tokio::spawn(async move {
        let mut open = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            open.push(socket);
        }
    });

    let timing = Timing {
        attempt_timeout: Duration::from_millis(300),
        max_attempts: 1,
        ..quick_timing()
    };
    let source = connect_to(&format!("http://{address}"), timing).await;
    let q = query("org-conformance", GroupBy::Account, Filters::default(), 100);
    let err = packscope::aws::fetch_page(&source, &q, None)
        .await
        .expect_err("no answer");
    assert_eq!(err.kind, ErrorKind::Timeout, "{err}");
    server.abort();
}

#[tokio::test]
async fn hostile_names_never_reach_screen() {
    let mut s = setup(plan(FaultRule::on_page(0, Fault::HostileNames))).await;
    load_all(&mut s.app, &s.source).await;

    let hostile = s
        .app
        .paging
        .rows()
        .iter()
        .filter(|g| g.name.chars().any(char::is_control))
        .count();
    assert!(
        hostile > 0,
        "the plan should inject control characters into names"
    );

    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).expect("terminal");
    terminal
        .draw(|frame| packscope::ui::render(frame, &s.app, &packscope::ui::theme::Theme::colored()))
        .expect("draw");
    let screen = terminal.backend().to_string();
    for c in screen.chars() {
        assert!(
            !c.is_control() || c == '\n',
            "control character {c:?} reached the screen"
        );
    }
}
