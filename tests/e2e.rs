//! End to end: the real binary with `--demo` in a pseudo-terminal.

mod common;

use common::pty::Session;
use packscope::emulator::Organization;
use packscope::query::GroupBy;

const END: &str = "\u{1b}[F";

fn demo_groups() -> usize {
    Organization::demo()
        .summaries(GroupBy::Account, None, None)
        .len()
}

#[test]
fn rows_appear_and_q_restores_terminal() {
    let mut session = Session::start(&["--demo"], 80, 24);
    session.wait_for("the first rows", |s| {
        s.contains("more to load") && s.contains('%')
    });
    session.with_screen(|screen| {
        assert!(
            screen.alternate_screen(),
            "the view should use the alternate screen"
        );
    });

    session.send("q");
    assert!(session.wait_exit(), "q should exit with success");
    session.assert_restored();
}

#[test]
fn end_loads_every_page() {
    let total = demo_groups();
    let mut session = Session::start(&["--demo"], 80, 24);
    session.wait_for("the first rows", |s| s.contains("more to load"));

    session.send(END);
    let expected = format!("{total} groups, all loaded");
    let screen = session.wait_for(&expected, |s| s.contains(&expected));
    let last = Organization::demo()
        .summaries(GroupBy::Account, None, None)
        .last()
        .map(|g| g.name.clone())
        .expect("demo has groups");
    assert!(
        screen.contains(&last),
        "End should show the last group {last}:\n{screen}"
    );

    session.send("q");
    assert!(session.wait_exit(), "q should exit with success");
    session.assert_restored();
}

#[test]
fn ctrl_c_in_filter_quits() {
    let mut session = Session::start(&["--demo"], 80, 24);
    session.wait_for("the first rows", |s| s.contains("more to load"));
    session.send("/q");
    session.wait_for("q typed into the filter", |s| s.contains("Enter applies"));
    session.send("\u{3}");
    assert!(session.wait_exit(), "Ctrl-C should exit with success");
    session.assert_restored();
}

#[test]
fn filter_applies_from_keyboard() {
    let mut session = Session::start(&["--demo"], 80, 24);
    session.wait_for("the first rows", |s| s.contains("more to load"));
    session.send("\t\teu-west-1\r");
    session.wait_for("the region filter applied", |s| {
        s.contains("Region eu-west-1")
    });
    session.send(END);

    let expected = Organization::demo()
        .summaries(GroupBy::Account, None, Some("eu-west-1"))
        .len();
    let status = format!("{expected} groups, all loaded");
    session.wait_for(&status, |s| s.contains(&status));
    session.send("q");
    assert!(session.wait_exit(), "q should exit with success");
}

#[test]
fn signals_restore_terminal() {
    for signal in ["TERM", "HUP"] {
        let mut session = Session::start(&["--demo"], 80, 24);
        session.wait_for("the first rows", |s| s.contains("more to load"));
        let status = std::process::Command::new("kill")
            .args([format!("-{signal}"), session.process_id().to_string()])
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -{signal} failed");
        session.wait_exit();
        session.assert_restored();
    }
}

#[test]
fn resize_to_tiny_and_back() {
    let mut session = Session::start(&["--demo"], 80, 24);
    session.wait_for("the first rows", |s| s.contains("more to load"));
    session.resize(20, 5);
    session.wait_for("the too-small message", |s| s.contains("too small"));
    session.resize(80, 24);
    session.wait_for("the normal layout", |s| s.contains("Group by"));
    session.send("q");
    assert!(session.wait_exit(), "q should exit with success");
}

#[test]
fn paste_goes_into_filter_only() {
    let mut session = Session::start(&["--demo"], 80, 24);
    session.wait_for("the first rows", |s| s.contains("more to load"));

    // Pasted while browsing: must not act as the keys q, t or r.
    session.send("\u{1b}[200~qtr\u{1b}[201~");
    session.send("/");
    session.send("\u{1b}[200~0000-0000-0000\u{1b}[201~");
    let screen = session.wait_for("the pasted account ID", |s| s.contains("0000-0000-0000"));
    assert!(
        screen.contains("(•) account"),
        "a paste toggled the grouping:\n{screen}"
    );

    session.send("\u{1b}");
    session.wait_for("the edit dropped", |s| !s.contains("0000-0000-0000"));
    session.send("q");
    assert!(session.wait_exit(), "q should exit with success");
}

#[test]
fn no_color_draws_without_colours() {
    let mut session = Session::start_with_env(&["--demo"], 80, 24, &[("NO_COLOR", "1")]);
    session.wait_for("the first rows", |s| {
        s.contains("more to load") && s.contains('✗')
    });
    let coloured = session.with_screen(|screen| {
        let (rows, cols) = screen.size();
        (0..rows.get())
            .flat_map(|row| (0..cols.get()).map(move |col| (row, col)))
            .filter(|&(row, col)| {
                screen.cell(row, col).is_some_and(|cell| {
                    cell.fgcolor() != vt100::Color::Default
                        || cell.bgcolor() != vt100::Color::Default
                })
            })
            .count()
    });
    assert_eq!(coloured, 0, "cells drawn in colour despite NO_COLOR");
    session.send("q");
    assert!(session.wait_exit(), "q should exit with success");
}

#[test]
fn hostile_names_never_reach_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = dir.path().join("hostile.json");
    std::fs::write(
        &plan,
        r#"{"faults": [{"page": 0, "fault": "hostile_names"}]}"#,
    )
    .expect("write plan");

    let plan_arg = plan.to_str().expect("UTF-8 path");
    let mut session = Session::start(&["--demo", "--fault-plan", plan_arg], 80, 24);
    session.wait_for("the escaped names", |s| s.contains("\\u{1b}"));
    session.send("q");
    assert!(session.wait_exit(), "q should exit with success");

    let output = session.output.lock().expect("output lock").clone();
    let text = String::from_utf8_lossy(&output);
    for sequence in [
        "\u{1b}]52;",
        "\u{1b}]0;owned",
        "\u{9b}",
        "\u{202e}",
        "\u{8}",
    ] {
        assert!(
            !text.contains(sequence),
            "{sequence:?} from a group name reached the terminal"
        );
    }
}

#[test]
fn slow_credentials_do_not_block_quit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = dir.path().join("config");
    std::fs::write(
        &config,
        "[profile slow]\ncredential_process = sleep 30\nregion = us-east-1\n",
    )
    .expect("write config");
    let config_arg = config.to_str().expect("UTF-8 path");

    let mut session = Session::start_with_env(
        &[
            "--profile",
            "slow",
            "--aggregator",
            "org",
            "--endpoint-url",
            "http://127.0.0.1:9",
        ],
        80,
        24,
        &[
            ("AWS_CONFIG_FILE", config_arg),
            ("AWS_SHARED_CREDENTIALS_FILE", "/dev/null"),
        ],
    );
    session.wait_for("the loading screen", |s| {
        s.contains("Loading the first page")
    });
    session.send("q");
    assert!(
        session.wait_exit(),
        "q should exit while credentials still load"
    );
    session.assert_restored();
}
