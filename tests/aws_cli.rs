//! A cross-check by a client packscope did not write: the AWS CLI, paging by hand with
//! `--next-token` against `packscope serve-demo`, must read the same groups and the same
//! errors as packscope. `.ci/test` installs the CLI and sets `PACKSCOPE_AWS_CLI`.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Output, Stdio};

use packscope::emulator::Organization;
use packscope::query::GroupBy;
use serde_json::Value;

const AGGREGATOR: &str = "org-conformance";

/// `packscope serve-demo` on a free loopback port, stopped when dropped.
struct ServeDemo {
    child: Child,
    endpoint: String,
}

impl ServeDemo {
    fn start() -> ServeDemo {
        let mut child = Command::new(env!("CARGO_BIN_EXE_packscope"))
            .args(["serve-demo", "--listen", "127.0.0.1:0"])
            .stderr(Stdio::piped())
            .spawn()
            .expect("start packscope serve-demo");
        let stderr = child.stderr.take().expect("serve-demo stderr");
        let mut reader = BufReader::new(stderr);
        let mut first_line = String::new();
        reader
            .read_line(&mut first_line)
            .expect("read serve-demo banner");
        // Keep reading, so serve-demo never writes to a closed pipe.
        std::thread::spawn(move || std::io::copy(&mut reader, &mut std::io::sink()));

        let endpoint = first_line
            .split_whitespace()
            .find(|word| word.starts_with("http://127.0.0.1:"))
            .unwrap_or_else(|| panic!("no endpoint in the banner: {first_line}"))
            .to_string();
        ServeDemo { child, endpoint }
    }
}

impl Drop for ServeDemo {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Sets static credentials, a region and no configuration files, so only the emulator
/// is contacted.
fn isolated(command: &mut Command) -> &mut Command {
    command
        .env("AWS_ACCESS_KEY_ID", "AKIACROSSCHECK")
        .env("AWS_SECRET_ACCESS_KEY", "cross-check-secret")
        .env("AWS_DEFAULT_REGION", "us-east-1")
        .env("AWS_REGION", "us-east-1")
        .env("AWS_CONFIG_FILE", "/dev/null")
        .env("AWS_SHARED_CREDENTIALS_FILE", "/dev/null")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_MAX_ATTEMPTS", "1")
        .env_remove("AWS_PROFILE")
}

fn aws(endpoint: &str, args: &[&str]) -> Output {
    let program = std::env::var("PACKSCOPE_AWS_CLI").unwrap_or_else(|_| "aws".into());
    let mut command = Command::new(&program);
    command
        .args([
            "configservice",
            "get-aggregate-conformance-pack-compliance-summary",
        ])
        .args(args)
        .args(["--endpoint-url", endpoint, "--output", "json"]);
    isolated(&mut command).output().unwrap_or_else(|err| {
        panic!("could not run the AWS CLI ({program}): {err}; run the tests with .ci/test, which installs it")
    })
}

fn packscope(endpoint: &str, args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_packscope"));
    command
        .args(["--endpoint-url", endpoint, "--region", "us-east-1"])
        .args(args);
    isolated(&mut command).output().expect("run packscope")
}

fn json(output: &Output) -> Value {
    assert!(
        output.status.success(),
        "command failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("JSON output")
}

/// Pages by hand the way CLI users must, returning every summary and the page count.
fn aws_all_pages(endpoint: &str, group_by: &str) -> (Vec<Value>, usize) {
    let mut summaries = Vec::new();
    let mut token: Option<String> = None;
    let mut pages = 0;
    loop {
        let mut args = vec![
            "--configuration-aggregator-name",
            AGGREGATOR,
            "--group-by-key",
            group_by,
            "--limit",
            "100",
        ];
        if let Some(token) = &token {
            args.extend(["--next-token", token.as_str()]);
        }
        let page = json(&aws(endpoint, &args));
        pages += 1;
        summaries.extend(
            page["AggregateConformancePackComplianceSummaries"]
                .as_array()
                .cloned()
                .unwrap_or_default(),
        );
        match page["NextToken"].as_str() {
            Some(next) if !next.is_empty() => token = Some(next.to_string()),
            _ => return (summaries, pages),
        }
    }
}

#[test]
#[ignore = "needs the AWS CLI: run .ci/test, which installs it"]
fn aws_cli_and_packscope_read_same_groups() {
    let server = ServeDemo::start();
    for (key, group_by, flag) in [
        ("ACCOUNT_ID", GroupBy::Account, "account"),
        ("AWS_REGION", GroupBy::Region, "region"),
    ] {
        let (cli_rows, pages) = aws_all_pages(&server.endpoint, key);
        let ours = json(&packscope(
            &server.endpoint,
            &[
                "--aggregator",
                AGGREGATOR,
                "--group-by",
                flag,
                "--output",
                "json",
            ],
        ));
        let our_rows = ours["AggregateConformancePackComplianceSummaries"]
            .as_array()
            .cloned()
            .unwrap_or_default();

        let expected = Organization::demo().summaries(group_by, None, None);
        assert_eq!(
            cli_rows.len(),
            expected.len(),
            "{key}: the AWS CLI read a different number of groups"
        );
        assert_eq!(
            pages,
            expected.len().div_ceil(100),
            "{key}: page count of the AWS CLI"
        );
        assert_eq!(
            cli_rows, our_rows,
            "{key}: the AWS CLI and packscope read different groups"
        );
        assert_eq!(
            ours["GroupByKey"], key,
            "{key}: GroupByKey of packscope's document"
        );
    }
}

#[test]
#[ignore = "needs the AWS CLI: run .ci/test, which installs it"]
fn aws_cli_and_packscope_read_same_errors() {
    let server = ServeDemo::start();

    let cli = aws(
        &server.endpoint,
        &["--configuration-aggregator-name", "missing-aggregator"],
    );
    let cli_err = String::from_utf8_lossy(&cli.stderr);
    assert!(
        !cli.status.success(),
        "the AWS CLI accepted an unknown aggregator"
    );
    assert!(
        cli_err.contains("NoSuchConfigurationAggregatorException"),
        "AWS CLI: {cli_err}"
    );

    let ours = packscope(
        &server.endpoint,
        &["--aggregator", "missing-aggregator", "--output", "json"],
    );
    let our_err = String::from_utf8_lossy(&ours.stderr);
    assert!(
        !ours.status.success(),
        "packscope accepted an unknown aggregator"
    );
    assert!(
        our_err.contains("aggregator missing-aggregator not found in us-east-1"),
        "packscope: {our_err}"
    );

    let cli = aws(
        &server.endpoint,
        &[
            "--configuration-aggregator-name",
            AGGREGATOR,
            "--limit",
            "101",
        ],
    );
    let cli_err = String::from_utf8_lossy(&cli.stderr);
    assert!(
        cli_err.contains("InvalidLimitException"),
        "AWS CLI: {cli_err}"
    );
    let ours = packscope(
        &server.endpoint,
        &[
            "--aggregator",
            AGGREGATOR,
            "--page-size",
            "101",
            "--output",
            "json",
        ],
    );
    assert_eq!(
        ours.status.code(),
        Some(2),
        "packscope must reject the limit before any request"
    );

    let first = json(&aws(
        &server.endpoint,
        &[
            "--configuration-aggregator-name",
            AGGREGATOR,
            "--limit",
            "5",
        ],
    ));
    let token = first["NextToken"]
        .as_str()
        .expect("a first page of 5 has a token");
    let cli = aws(
        &server.endpoint,
        &[
            "--configuration-aggregator-name",
            AGGREGATOR,
            "--group-by-key",
            "AWS_REGION",
            "--next-token",
            token,
        ],
    );
    let cli_err = String::from_utf8_lossy(&cli.stderr);
    assert!(
        cli_err.contains("InvalidNextTokenException"),
        "a token of another query: {cli_err}"
    );
}
