//! `--output json` and `csv` from the real binary, checked against the demo
//! organization's own totals.

use std::process::{Command, Output};

use packscope::emulator::Organization;
use packscope::query::GroupBy;

fn packscope(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_packscope"))
        .args(args)
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .output()
        .expect("run packscope")
}

fn stdout_of(args: &[&str]) -> String {
    let output = packscope(args);
    assert!(
        output.status.success(),
        "packscope {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

#[test]
fn json_matches_demo_totals() {
    let out = stdout_of(&["--demo", "--output", "json"]);
    let document: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    let summaries = document["AggregateConformancePackComplianceSummaries"]
        .as_array()
        .expect("summaries array");
    let expected = Organization::demo().summaries(GroupBy::Account, None, None);

    assert_eq!(summaries.len(), expected.len(), "group count");
    assert_eq!(document["GroupByKey"], "ACCOUNT_ID");
    assert!(
        document.get("NextToken").is_none(),
        "merged output carries a NextToken"
    );
    for (row, group) in summaries.iter().zip(&expected) {
        assert_eq!(row["GroupName"], group.name.as_str());
        assert_eq!(
            row["ComplianceSummary"]["CompliantConformancePackCount"],
            group.compliant
        );
        assert_eq!(
            row["ComplianceSummary"]["NonCompliantConformancePackCount"],
            group.noncompliant
        );
    }
}

#[test]
fn csv_matches_demo_totals_by_region() {
    let out = stdout_of(&[
        "--demo",
        "--output",
        "csv",
        "--group-by",
        "region",
        "--page-size",
        "7",
    ]);
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some("group,compliant,noncompliant,total"));

    let expected = Organization::demo().summaries(GroupBy::Region, None, None);
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), expected.len(), "one row per region");
    for (row, group) in rows.iter().zip(&expected) {
        let line = format!(
            "{},{},{},{}",
            group.name,
            group.compliant,
            group.noncompliant,
            group.total()
        );
        assert_eq!(*row, line);
    }
}

#[test]
fn filters_apply_to_output() {
    let out = stdout_of(&["--demo", "--output", "csv", "--filter-region", "eu-west-1"]);
    let expected = Organization::demo().summaries(GroupBy::Account, None, Some("eu-west-1"));
    assert_eq!(
        out.lines().count(),
        expected.len() + 1,
        "header plus one row per account"
    );
}

#[test]
fn invalid_arguments_exit_2_naming_value() {
    let cases: [(&[&str], &str); 6] = [
        (&["--demo", "--page-size", "101"], "101"),
        (&["--demo", "--page-size", "0"], "0"),
        (&["--demo", "--filter-account", "1234"], "1234"),
        (&["--demo", "--filter-region", "eu-west"], "eu-west"),
        (&["--demo", "--aggregator", "bad name!"], "bad name!"),
        (
            &["--demo", "--aggregator", ""],
            "invalid aggregator name ''",
        ),
    ];
    for (args, value) in cases {
        let output = packscope(args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?} should exit 2; stderr: {stderr}"
        );
        assert!(
            stderr.contains(value),
            "{args:?}: message should name {value:?}: {stderr}"
        );
    }
}

#[test]
fn missing_aggregator_exits_2() {
    let output = Command::new(env!("CARGO_BIN_EXE_packscope"))
        .args(["--output", "json", "--region", "us-east-1"])
        .env_remove("PACKSCOPE_AGGREGATOR")
        // Listing aggregators must not reach AWS: aim it at a closed loopback port.
        .env("AWS_ENDPOINT_URL", "http://127.0.0.1:9")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .output()
        .expect("run packscope");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "stderr: {stderr}");
    assert!(
        stderr.contains("--aggregator"),
        "message should name the fix: {stderr}"
    );
}

#[test]
fn help_names_every_option() {
    let out = stdout_of(&["--help"]);
    for option in [
        "--aggregator",
        "--profile",
        "--region",
        "--endpoint-url",
        "--group-by",
        "--filter-account",
        "--filter-region",
        "--page-size",
        "--output",
        "--demo",
        "--log-file",
        "serve-demo",
    ] {
        assert!(out.contains(option), "--help lacks {option}:\n{out}");
    }
    assert!(
        out.contains("[default: 100]"),
        "--help lacks the page size default:\n{out}"
    );
}

#[test]
fn log_file_is_private_and_holds_no_secrets() {
    use std::os::unix::fs::PermissionsExt;

    let dir = tempfile::tempdir().expect("temp dir");
    let log = dir.path().join("packscope.log");
    let log_arg = log.to_str().expect("UTF-8 path");
    stdout_of(&["--demo", "--output", "csv", "--log-file", log_arg]);

    let mode = std::fs::metadata(&log)
        .expect("log file exists")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600, "log file mode is {:o}", mode & 0o777);

    let text = std::fs::read_to_string(&log).expect("read log");
    assert!(
        text.contains("page received"),
        "the log should record page requests:\n{text}"
    );
    for secret in [
        "packscope-demo-secret",
        "Signature=",
        "AWS4-HMAC-SHA256",
        "x-amz-security-token",
    ] {
        assert!(!text.contains(secret), "log contains {secret:?}");
    }
}

/// Runs packscope with no AWS configuration at all: an empty home folder and no AWS
/// variables, so nothing outside the test can respond.
fn packscope_without_aws_config(args: &[&str]) -> Output {
    let home = tempfile::tempdir().expect("temp home");
    let mut command = Command::new(env!("CARGO_BIN_EXE_packscope"));
    command
        .args(args)
        .env("HOME", home.path())
        .env("AWS_EC2_METADATA_DISABLED", "true");
    for (key, _) in std::env::vars() {
        if key.starts_with("AWS_") && key != "AWS_EC2_METADATA_DISABLED" {
            command.env_remove(key);
        }
    }
    command.output().expect("run packscope")
}

#[test]
fn missing_region_names_the_fix() {
    let output = packscope_without_aws_config(&["--aggregator", "org", "--output", "json"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "stderr: {stderr}");
    assert!(
        stderr.contains("--region"),
        "message should name --region: {stderr}"
    );
    assert!(
        stderr.contains("AWS_REGION"),
        "message should name AWS_REGION: {stderr}"
    );
    assert!(
        stderr.contains("home region"),
        "message should explain the home region: {stderr}"
    );
}

#[test]
fn missing_credentials_names_the_fix() {
    let output = packscope_without_aws_config(&[
        "--aggregator",
        "org",
        "--region",
        "us-east-1",
        "--endpoint-url",
        "http://127.0.0.1:9",
        "--output",
        "json",
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "stderr: {stderr}");
    assert!(
        stderr.contains("no AWS credentials found"),
        "stderr: {stderr}"
    );
    assert!(
        stderr.contains("--profile"),
        "message should name the fix: {stderr}"
    );
}

#[test]
fn expired_sso_session_names_login_command() {
    let home = tempfile::tempdir().expect("temp home");
    let aws = home.path().join(".aws");
    std::fs::create_dir_all(aws.join("sso/cache")).expect("create ~/.aws/sso/cache");
    std::fs::write(
        aws.join("config"),
        "[profile expired-sso]\nsso_session = corp\nsso_account_id = 123456789012\n\
         sso_role_name = ReadOnly\nregion = us-east-1\n\n[sso-session corp]\n\
         sso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\n",
    )
    .expect("write config");
    // The SDK names the cached token after the SHA-1 of the session name, "corp".
    std::fs::write(
        aws.join("sso/cache/ee0bfd2552fbd840c02cc48b6e823320543c450f.json"),
        r#"{"accessToken": "expired", "expiresAt": "2020-01-01T00:00:00Z", "region": "us-east-1", "startUrl": "https://example.awsapps.com/start"}"#,
    )
    .expect("write cached token");

    let mut command = Command::new(env!("CARGO_BIN_EXE_packscope"));
    command
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default());
    // Every AWS endpoint, SSO's included, points at a closed loopback port, so nothing
    // leaves the machine even if the SDK tried to refresh the session.
    let output = command
        .env("HOME", home.path())
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_ENDPOINT_URL", "http://127.0.0.1:9")
        .args([
            "--profile",
            "expired-sso",
            "--aggregator",
            "org",
            "--output",
            "json",
        ])
        .output()
        .expect("run packscope");

    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "stderr: {stderr}");
    assert!(
        stderr.contains("SSO session of profile expired-sso has expired"),
        "stderr: {stderr}"
    );
    assert!(
        stderr.contains("aws sso login --profile expired-sso"),
        "stderr: {stderr}"
    );
}

fn write_plan(dir: &tempfile::TempDir, json: &str) -> String {
    let path = dir.path().join("plan.json");
    std::fs::write(&path, json).expect("write fault plan");
    path.to_str().expect("UTF-8 path").to_string()
}

#[test]
fn incomplete_output_exits_1_keeping_rows() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = write_plan(
        &dir,
        r#"{"faults": [{"request": 2, "fault": "repeated_token"}]}"#,
    );
    let output = packscope(&["--demo", "--fault-plan", &plan, "--output", "csv"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        output.status.code(),
        Some(1),
        "an incomplete list must fail; stderr: {stderr}"
    );
    assert!(stderr.contains("incomplete"), "stderr: {stderr}");
    let rows = String::from_utf8_lossy(&output.stdout).lines().count();
    assert_eq!(
        rows, 201,
        "header and the two pages fetched before the repeated token"
    );
}

#[test]
fn output_recovers_like_the_view() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = write_plan(
        &dir,
        r#"{"faults": [{"request": 2, "fault": "invalid_next_token"},
                       {"request": 4, "fault": "malformed_json"}]}"#,
    );
    let out = stdout_of(&["--demo", "--fault-plan", &plan, "--output", "csv"]);
    let expected = Organization::demo().summaries(GroupBy::Account, None, None);
    assert_eq!(
        out.lines().count(),
        expected.len() + 1,
        "every group once, after recovery"
    );
}

#[test]
fn broken_pipe_exits_quietly() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;

    let mut child = Command::new(env!("CARGO_BIN_EXE_packscope"))
        // JSON of the demo is larger than a pipe's buffer, so the write really fails.
        .args(["--demo", "--output", "json"])
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run packscope");
    let stdout = child.stdout.take().expect("stdout");
    let mut first = String::new();
    BufReader::new(stdout)
        .read_line(&mut first)
        .expect("read the header");
    // Dropping the reader closes the pipe, as `| head -1` does.

    let output = child.wait_with_output().expect("wait for packscope");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(first.trim_end(), "{");
    assert!(
        output.status.success(),
        "a closed pipe is not an error; stderr: {stderr}"
    );
    assert!(
        stderr.is_empty(),
        "nothing to report on a closed pipe: {stderr}"
    );
}

#[test]
fn interactive_without_terminal_exits_2() {
    let output = packscope(&["--demo"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "stderr: {stderr}");
    assert!(
        stderr.contains("--output"),
        "message should offer --output: {stderr}"
    );
}

#[test]
fn conflicting_and_malformed_flags_exit_2() {
    let cases: [(&[&str], &str); 4] = [
        (
            &["--demo", "--region", "eu-west-1", "--output", "csv"],
            "--region does not apply to --demo",
        ),
        (
            &[
                "--demo",
                "--endpoint-url",
                "http://127.0.0.1:9",
                "--output",
                "csv",
            ],
            "--endpoint-url does not apply",
        ),
        (
            &[
                "--aggregator",
                "a",
                "--region",
                "bad region!",
                "--output",
                "csv",
            ],
            "invalid region 'bad region!'",
        ),
        (
            &[
                "--aggregator",
                "a",
                "--region",
                "us-east-1",
                "--endpoint-url",
                "not a url",
                "--output",
                "csv",
            ],
            "invalid --endpoint-url 'not a url'",
        ),
    ];
    for (args, message) in cases {
        let output = packscope(args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: stderr: {stderr}");
        assert!(
            stderr.contains(message),
            "{args:?}: expected {message:?} in {stderr}"
        );
    }
}

#[test]
fn startup_errors_are_one_line() {
    let output = packscope(&[
        "--demo",
        "--output",
        "csv",
        "--log-file",
        "/nonexistent-folder/x.log",
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "stderr: {stderr}");
    assert_eq!(
        stderr.lines().count(),
        1,
        "expected one line, got: {stderr}"
    );
    assert!(
        stderr.contains("/nonexistent-folder/x.log"),
        "message should name the path: {stderr}"
    );
}

#[test]
fn named_profile_wins_over_environment() {
    let home = tempfile::tempdir().expect("temp home");
    std::fs::create_dir_all(home.path().join(".aws")).expect("create ~/.aws");
    std::fs::write(
        home.path().join(".aws/config"),
        "[profile other]\nregion = us-east-1\n",
    )
    .expect("write config");

    // Credentials in the environment must not stand in for a profile that does not exist.
    let output = Command::new(env!("CARGO_BIN_EXE_packscope"))
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOME", home.path())
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_ENDPOINT_URL", "http://127.0.0.1:9")
        .env("AWS_ACCESS_KEY_ID", "AKIAFROMENVIRONMENT")
        .env("AWS_SECRET_ACCESS_KEY", "environment-secret")
        .args([
            "--profile",
            "nosuch",
            "--region",
            "us-east-1",
            "--aggregator",
            "org",
            "--output",
            "json",
        ])
        .output()
        .expect("run packscope");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "stderr: {stderr}");
    assert!(
        stderr.contains("no AWS credentials found for profile nosuch"),
        "stderr: {stderr}"
    );
    assert!(
        stderr.contains("aws configure list-profiles"),
        "stderr: {stderr}"
    );
}

#[test]
fn empty_log_file_variable_means_no_log() {
    let output = Command::new(env!("CARGO_BIN_EXE_packscope"))
        .args(["--demo", "--output", "csv"])
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("PACKSCOPE_LOG_FILE", "")
        .output()
        .expect("run packscope");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "an empty PACKSCOPE_LOG_FILE was rejected: {stderr}"
    );
}
