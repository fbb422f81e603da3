//! Measurement 1: fetch every group of the organization with `packscope --output json`,
//! with the AWS CLI called once per page with `--next-token`, and with a boto3 loop.

use std::fs::File;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::aws_env::{self, AGGREGATOR, REGION};

/// The maximum groups per request, which is the page size packscope requests by default.
pub const PAGE_SIZE: usize = 100;
const SUMMARIES: &str = "AggregateConformancePackComplianceSummaries";

/// One complete fetch of every group.
#[derive(Debug, Clone, Copy)]
pub struct FetchRun {
    pub elapsed: Duration,
    pub groups: usize,
    pub pages: usize,
}

/// Where and how long a fetch may run.
pub struct Target<'a> {
    pub endpoint_url: &'a str,
    pub scratch: &'a Path,
    /// Requests beyond this many pages end the run as a failure.
    pub max_pages: usize,
    pub time_limit: Duration,
}

/// Runs `packscope --output json` to a file and counts the groups in it.
pub fn packscope(target: &Target) -> Result<FetchRun, String> {
    let path = target.scratch.join("packscope.json");
    let mut command = Command::new(crate::PACKSCOPE);
    command
        .args(["--output", "json"])
        .args(aws_env::packscope_args(target.endpoint_url));
    aws_env::apply(&mut command);
    let elapsed = run_to_file(&mut command, &path, target.time_limit)?;
    let groups = count_groups(&path)?;
    Ok(FetchRun {
        elapsed,
        groups,
        pages: groups.div_ceil(PAGE_SIZE).max(1),
    })
}

/// Runs the boto3 loop in `tests/bench/boto3_pages.py` with `python` and counts the
/// groups it wrote.
pub fn boto3(python: &Path, target: &Target) -> Result<FetchRun, String> {
    let path = target.scratch.join("boto3.json");
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/bench/boto3_pages.py");
    let mut command = Command::new(python);
    command
        .arg(script)
        .args(["--endpoint-url", target.endpoint_url])
        .args(["--region", REGION, "--aggregator", AGGREGATOR])
        .args(["--max-pages", &target.max_pages.to_string()])
        .args(["--time-limit", &target.time_limit.as_secs().to_string()]);
    aws_env::apply(&mut command);
    let elapsed = run_to_file(&mut command, &path, target.time_limit)?;
    let groups = count_groups(&path)?;
    Ok(FetchRun {
        elapsed,
        groups,
        pages: groups.div_ceil(PAGE_SIZE).max(1),
    })
}

/// Calls the AWS CLI once per page, passing each `NextToken` back with `--next-token`
/// as a shell loop would, since the CLI has no paginator for this operation.
pub fn aws_cli(cli: &Path, target: &Target) -> Result<FetchRun, String> {
    let started = Instant::now();
    let mut token: Option<String> = None;
    let (mut groups, mut pages) = (0, 0);
    loop {
        if pages >= target.max_pages || started.elapsed() > target.time_limit {
            return Err(format!(
                "the AWS CLI loop stopped unfinished after {pages} pages in {:.1} s",
                started.elapsed().as_secs_f64()
            ));
        }
        let page = aws_cli_page(cli, target.endpoint_url, token.as_deref())?;
        pages += 1;
        groups += page[SUMMARIES].as_array().map_or(0, Vec::len);
        match page.get("NextToken").and_then(Value::as_str) {
            Some(next) if !next.is_empty() => token = Some(next.to_string()),
            _ => break,
        }
    }
    Ok(FetchRun {
        elapsed: started.elapsed(),
        groups,
        pages,
    })
}

fn aws_cli_page(cli: &Path, endpoint_url: &str, token: Option<&str>) -> Result<Value, String> {
    let mut command = Command::new(cli);
    command
        .args([
            "configservice",
            "get-aggregate-conformance-pack-compliance-summary",
        ])
        .args(["--configuration-aggregator-name", AGGREGATOR])
        .args(["--limit", &PAGE_SIZE.to_string()])
        .args(["--endpoint-url", endpoint_url, "--region", REGION])
        .args(["--output", "json"]);
    if let Some(token) = token {
        command.args(["--next-token", token]);
    }
    aws_env::apply(&mut command);
    let output = command
        .stdin(Stdio::null())
        .output()
        .map_err(|err| format!("failed to run {}: {err}", cli.display()))?;
    if !output.status.success() {
        return Err(format!(
            "the AWS CLI failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    serde_json::from_slice(&output.stdout)
        .map_err(|err| format!("the AWS CLI printed invalid JSON: {err}"))
}

/// Runs `command` with stdout to `path` and returns the time from start to exit. The
/// process is killed when it runs past `time_limit`.
fn run_to_file(
    command: &mut Command,
    path: &Path,
    time_limit: Duration,
) -> Result<Duration, String> {
    let file = File::create(path).map_err(|err| format!("{}: {err}", path.display()))?;
    command
        .stdin(Stdio::null())
        .stdout(file)
        .stderr(Stdio::piped());
    let started = Instant::now();
    let child = command
        .spawn()
        .map_err(|err| format!("failed to start {command:?}: {err}"))?;
    let watchdog = kill_after(child.id(), time_limit);
    let output = child
        .wait_with_output()
        .map_err(|err| format!("failed to wait for {command:?}: {err}"))?;
    let elapsed = started.elapsed();
    let _ = watchdog.send(());

    if !output.status.success() {
        return Err(format!(
            "{:?} failed ({}): {}",
            command.get_program(),
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    Ok(elapsed)
}

/// Kills process `pid` unless the returned sender is used or dropped within `limit`.
fn kill_after(pid: u32, limit: Duration) -> mpsc::Sender<()> {
    let (done, finished) = mpsc::channel::<()>();
    thread::spawn(move || {
        if finished.recv_timeout(limit) == Err(mpsc::RecvTimeoutError::Timeout) {
            let _ = Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .status();
        }
    });
    done
}

fn count_groups(path: &Path) -> Result<usize, String> {
    let text = std::fs::read_to_string(path).map_err(|err| format!("{}: {err}", path.display()))?;
    let document: Value = serde_json::from_str(&text)
        .map_err(|err| format!("{} is not valid JSON: {err}", path.display()))?;
    document[SUMMARIES]
        .as_array()
        .map(Vec::len)
        .ok_or_else(|| format!("{} has no {SUMMARIES} array", path.display()))
}
