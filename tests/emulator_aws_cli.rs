//! The emulator with the AWS CLI, whose botocore parser differs from the Rust SDK's.
//!
//! Ignored by default because it needs `aws` on PATH:
//! `cargo test --test emulator_aws_cli -- --ignored`.

#[path = "common/emulator_client.rs"]
mod emulator_client;

use emulator_client::start_demo;
use serde_json::Value;
use tokio::process::Command;

/// Runs `aws configservice ARGS` against `endpoint` with static credentials and no
/// configuration files, so nothing but the emulator is contacted.
async fn aws(endpoint: &str, args: &[&str]) -> (bool, String, String) {
    let output = Command::new("aws")
        .arg("configservice")
        .args(args)
        .args(["--endpoint-url", endpoint, "--output", "json"])
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOME", std::env::temp_dir())
        .env("AWS_ACCESS_KEY_ID", "AKIDEMULATORTEST")
        .env("AWS_SECRET_ACCESS_KEY", "emulator-test-secret")
        .env("AWS_DEFAULT_REGION", "us-east-1")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_CONFIG_FILE", "/dev/null")
        .env("AWS_SHARED_CREDENTIALS_FILE", "/dev/null")
        .env("AWS_MAX_ATTEMPTS", "1")
        .output()
        .await
        .expect("the aws command must start");
    let stdout = String::from_utf8_lossy(&output.stdout).to_string();
    let stderr = String::from_utf8_lossy(&output.stderr).to_string();
    (output.status.success(), stdout, stderr)
}

#[tokio::test]
#[ignore = "needs the AWS CLI on PATH"]
async fn aws_cli_reads_every_operation() {
    let emulator = start_demo().await;
    let endpoint = emulator.endpoint_url();
    let calls: [&[&str]; 4] = [
        &[
            "get-aggregate-conformance-pack-compliance-summary",
            "--configuration-aggregator-name",
            "org-conformance",
            "--limit",
            "5",
        ],
        &["describe-configuration-aggregators"],
        &[
            "describe-aggregate-compliance-by-conformance-packs",
            "--configuration-aggregator-name",
            "org-conformance",
            "--limit",
            "5",
        ],
        &[
            "describe-configuration-aggregator-sources-status",
            "--configuration-aggregator-name",
            "security-ou-baseline",
            "--limit",
            "5",
        ],
    ];
    for args in calls {
        let (ok, stdout, stderr) = aws(&endpoint, args).await;
        assert!(ok, "aws {} must succeed: {stderr}", args[0]);
        let json: Value = serde_json::from_str(&stdout).expect("the CLI prints JSON");
        assert!(
            json.is_object(),
            "aws {} must print an object: {stdout}",
            args[0]
        );
    }
}

#[tokio::test]
#[ignore = "needs the AWS CLI on PATH"]
async fn aws_cli_parses_errors() {
    let emulator = start_demo().await;
    let args = [
        "get-aggregate-conformance-pack-compliance-summary",
        "--configuration-aggregator-name",
        "org-conformance",
        "--limit",
        "101",
    ];
    let (ok, _, stderr) = aws(&emulator.endpoint_url(), &args).await;
    assert!(!ok, "Limit 101 must fail");
    assert!(
        stderr.contains("(InvalidLimitException)"),
        "the CLI must show the code: {stderr}"
    );
    assert!(
        stderr.contains("Value '101' at 'limit'"),
        "the CLI must show the message: {stderr}"
    );
}

#[tokio::test]
#[ignore = "needs the AWS CLI on PATH"]
async fn aws_cli_pages_by_hand() {
    let emulator = start_demo().await;
    let endpoint = emulator.endpoint_url();
    let mut token: Option<String> = None;
    let mut groups = 0;
    loop {
        let mut args = vec![
            "get-aggregate-conformance-pack-compliance-summary",
            "--configuration-aggregator-name",
            "org-conformance",
            "--group-by-key",
            "AWS_REGION",
            "--limit",
            "5",
        ];
        if let Some(token) = &token {
            args.extend(["--next-token", token.as_str()]);
        }
        let (ok, stdout, stderr) = aws(&endpoint, &args).await;
        assert!(ok, "every page must succeed: {stderr}");
        let json: Value = serde_json::from_str(&stdout).expect("the CLI prints JSON");
        groups += json["AggregateConformancePackComplianceSummaries"]
            .as_array()
            .map_or(0, Vec::len);
        match json["NextToken"].as_str() {
            Some(next) if !next.is_empty() => token = Some(next.to_string()),
            _ => break,
        }
    }
    assert_eq!(groups, 16, "the CLI must page through all 16 regions");
}
