//! Choosing the aggregator when none is named: the listing through the real
//! aws-sdk-config client, and `--output` from the real binary, both against the
//! emulator on loopback.

mod common;

use std::process::{Command, Output};
use std::sync::Arc;

use common::demo::{connect, start_emulator};
use packscope::aws::fetch_all_aggregators;
use packscope::emulator::{Emulator, FaultPlan, Organization};
use packscope::pick::only_aggregator;
use packscope::query::{AggregatorRegions, AggregatorSource, GroupBy};

/// Builds the demo organization with only its first aggregator.
fn one_aggregator_org() -> Organization {
    let mut spec = Organization::demo_spec();
    spec.aggregators.truncate(1);
    Organization::generate(&spec)
}

#[tokio::test]
async fn listing_shows_every_aggregator() {
    let organization = Arc::new(Organization::demo());
    let emulator = start_emulator(Arc::clone(&organization), FaultPlan::default()).await;
    let source = connect(&emulator).await;

    let aggregators = fetch_all_aggregators(&source).await.expect("listing works");
    let names: Vec<&str> = aggregators.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, organization.aggregator_names(), "names in order");
    assert_eq!(aggregators[0].source, AggregatorSource::Organization);
    assert_eq!(aggregators[0].regions, AggregatorRegions::All);
    assert!(
        matches!(aggregators[1].source, AggregatorSource::Accounts(count) if count > 0),
        "the second demo aggregator lists accounts: {:?}",
        aggregators[1].source
    );
    assert_eq!(
        aggregators[1].regions,
        AggregatorRegions::Listed(4),
        "the second demo aggregator has four regions"
    );
}

#[tokio::test]
async fn output_pick_needs_one_aggregator() {
    let emulator = start_emulator(Arc::new(Organization::demo()), FaultPlan::default()).await;
    let source = connect(&emulator).await;
    let message = only_aggregator(&source)
        .await
        .expect_err("three aggregators");
    for name in Organization::demo().aggregator_names() {
        assert!(message.contains(&name), "{name} missing from: {message}");
    }
    assert!(message.contains("--aggregator"), "no fix in: {message}");

    let emulator = start_emulator(Arc::new(one_aggregator_org()), FaultPlan::default()).await;
    let source = connect(&emulator).await;
    let name = only_aggregator(&source).await.expect("one aggregator");
    assert_eq!(name, "org-conformance");
}

/// Runs the binary against `emulator` with static credentials from the environment and
/// no AWS configuration files, so only the emulator can reply.
fn packscope_against(emulator: &Emulator, args: &[&str]) -> Output {
    let home = tempfile::tempdir().expect("temporary home");
    let endpoint = emulator.endpoint_url();
    let mut command = Command::new(env!("CARGO_BIN_EXE_packscope"));
    command
        .args(args)
        .args(["--endpoint-url", endpoint.as_str(), "--region", "us-east-1"])
        .env("HOME", home.path())
        .env_remove("PACKSCOPE_AGGREGATOR");
    for (key, _) in std::env::vars() {
        if key.starts_with("AWS_") {
            command.env_remove(key);
        }
    }
    command
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_ACCESS_KEY_ID", "AKIAPICKERTEST")
        .env("AWS_SECRET_ACCESS_KEY", "picker-test-secret")
        .output()
        .expect("run packscope")
}

// The binary blocks this thread, so the emulator needs a second one.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn output_lists_names_and_exits_2() {
    let emulator = start_emulator(Arc::new(Organization::demo()), FaultPlan::default()).await;
    let output = packscope_against(&emulator, &["--output", "csv"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "stderr: {stderr}");
    assert!(
        stderr.contains("security-ou-baseline"),
        "names missing: {stderr}"
    );
    assert!(
        output.stdout.is_empty(),
        "printed rows without an aggregator"
    );
}

// The binary blocks this thread, so the emulator needs a second one.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn output_uses_the_only_aggregator() {
    let organization = one_aggregator_org();
    let expected = organization.summaries(GroupBy::Account, None, None).len();
    let emulator = start_emulator(Arc::new(organization), FaultPlan::default()).await;
    let output = packscope_against(&emulator, &["--output", "csv"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "stderr: {stderr}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        stdout.lines().count(),
        expected + 1,
        "a header and one line per account"
    );
}
