//! End to end beyond the summary: the real binary with `--demo` in a pseudo-terminal,
//! sorted, drilled into, copied from and exported, checked against the demo data.

mod common;

use common::pty::Session;
use packscope::clipboard::osc52;
use packscope::emulator::Organization;
use packscope::query::{GroupBy, GroupSummary};

const ESC: &str = "\u{1b}";
const ENTER: &str = "\r";

/// Returns the demo's account groups as the noncompliant sort orders them: most
/// noncompliant first, ties by account ID.
fn sorted_demo_groups() -> Vec<GroupSummary> {
    let mut groups = Organization::demo().summaries(GroupBy::Account, None, None);
    groups.sort_by(|a, b| {
        b.noncompliant
            .cmp(&a.noncompliant)
            .then_with(|| a.name.cmp(&b.name))
    });
    groups
}

#[test]
fn sort_drill_export_walk() {
    let groups = sorted_demo_groups();
    let worst = &groups[0];
    let folder = tempfile::tempdir().expect("temporary folder");
    let path = folder.path().join("worst-first.csv");

    let mut session = Session::start(&["--demo"], 80, 24);
    session.wait_for("the first rows", |s| s.contains("more to load"));

    session.send("s");
    let all_loaded = format!("{} groups, all loaded", groups.len());
    let screen = session.wait_for("the sorted list", |s| {
        s.contains("noncompliant ↓ (s)") && s.contains(&all_loaded)
    });
    assert!(
        !screen.contains("partial"),
        "a complete sort was marked partial:\n{screen}"
    );

    session.send(ENTER);
    let title = format!("Packs in account {}", worst.name);
    session.wait_for(&title, |s| s.contains(&title) && s.contains("all loaded"));

    session.send("c");
    let failing = format!("{} noncompliant", worst.noncompliant);
    let screen = session.wait_for("the failing packs", |s| {
        s.contains("noncompliant only (c)") && s.contains(&failing) && s.contains("all loaded")
    });
    let packs_line = format!("{} packs: 0 compliant", worst.noncompliant);
    assert!(
        screen.contains(&packs_line),
        "only the worst account's failing packs should be listed:\n{screen}"
    );

    session.send(ESC);
    let screen = session.wait_for("the summary again", |s| s.contains("Conformance packs by"));
    assert!(
        screen.contains(&worst.name),
        "the worst account should still be on screen:\n{screen}"
    );

    session.send("y");
    session.wait_for("the copy message", |s| s.contains("to the clipboard"));
    let copied = osc52(&worst.name);
    let output = session.output.lock().expect("output lock").clone();
    assert!(
        String::from_utf8_lossy(&output).contains(&copied),
        "no OSC 52 sequence for {} in the output",
        worst.name
    );

    session.send("e");
    session.wait_for("the export prompt", |s| s.contains("Export to"));
    session.send(&path.display().to_string());
    session.send(ENTER);
    let done = format!("exported {} groups", with_separators(groups.len()));
    session.wait_for(&done, |s| s.contains(&done));

    session.send("q");
    assert!(session.wait_exit(), "q should exit with success");
    session.assert_restored();

    let text = std::fs::read_to_string(&path).expect("the export file");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "group,compliant,noncompliant,total");
    assert_eq!(lines.len(), groups.len() + 1, "one line per group");
    for (line, group) in lines[1..].iter().zip(&groups) {
        let want = format!(
            "{},{},{},{}",
            group.name,
            group.compliant,
            group.noncompliant,
            group.total()
        );
        assert_eq!(*line, want, "rows should follow the sorted view");
    }
}

#[test]
fn picker_chooses_an_aggregator() {
    let runtime = tokio::runtime::Runtime::new().expect("tokio runtime");
    let organization = std::sync::Arc::new(Organization::demo());
    let emulator = runtime.block_on(common::demo::start_emulator(
        std::sync::Arc::clone(&organization),
        packscope::emulator::FaultPlan::default(),
    ));
    let endpoint = emulator.endpoint_url();
    let home = tempfile::tempdir().expect("temporary home");
    let home_path = home.path().display().to_string();
    let env = [
        ("HOME", home_path.as_str()),
        ("AWS_ACCESS_KEY_ID", "AKIAPICKERTEST"),
        ("AWS_SECRET_ACCESS_KEY", "picker-test-secret"),
    ];
    let args = ["--endpoint-url", endpoint.as_str(), "--region", "us-east-1"];
    let mut session = Session::start_with_env(&args, 80, 24, &env);

    let names = organization.aggregator_names();
    let screen = session.wait_for("the aggregator picker", |s| {
        s.contains("Choose an aggregator") && s.contains(&names[2])
    });
    assert!(
        screen.contains("organization"),
        "the source type is missing:\n{screen}"
    );

    session.send("j");
    session.send(ENTER);
    session.wait_for("the summary", |s| {
        s.contains("Conformance packs by account")
    });

    // The status bar may drop the aggregator's name for the source warning, so the
    // group count identifies the chosen aggregator.
    let chosen = organization
        .aggregator(&names[1])
        .expect("the second demo aggregator");
    let groups = organization
        .aggregator_summaries(chosen, GroupBy::Account, None, None)
        .len();
    session.send("G");
    let status = format!("{groups} groups, all loaded");
    let screen = session.wait_for(&status, |s| s.contains(&status));
    assert!(
        !screen.contains("Choose an aggregator"),
        "the picker stayed open:\n{screen}"
    );

    session.send("q");
    assert!(session.wait_exit(), "q should exit with success");
    session.assert_restored();
}

fn with_separators(count: usize) -> String {
    packscope::app::totals::with_separators(count as u64)
}
