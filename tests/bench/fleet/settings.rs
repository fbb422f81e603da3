//! Command-line settings of the fleet benchmark.

use std::path::PathBuf;
use std::time::Duration;

/// The benchmark's sizes, repetitions and tool paths, from the command line and the
/// environment.
pub struct Settings {
    pub accounts: Vec<u32>,
    pub latency_ms: u64,
    /// The emulator latency that keeps a request in flight while a key is pressed.
    pub slow_latency_ms: u64,
    /// Runs of packscope and boto3 per size. The AWS CLI runs once.
    pub fetch_runs: usize,
    /// Launches of the interactive view for the first-row time.
    pub launches: usize,
    pub idle: Duration,
    /// The `aws` executable, from `PACKSCOPE_AWS_CLI`.
    pub aws_cli: Option<PathBuf>,
    /// A Python with boto3 installed, from `PACKSCOPE_BOTO3_PYTHON`.
    pub boto3_python: Option<PathBuf>,
    /// Where criterion stored the render bench's estimates.
    pub criterion_dir: Option<PathBuf>,
}

const USAGE: &str = "usage: fleet [--quick] [--accounts N,N,...] [--criterion-dir DIR]";

impl Settings {
    /// Reads the arguments. `cargo bench` adds `--bench`, which is ignored.
    pub fn from_args(args: impl Iterator<Item = String>) -> Result<Settings, String> {
        let mut quick = false;
        let mut accounts = None;
        let mut criterion_dir = None;
        let mut args = args.skip(1);
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--quick" => quick = true,
                "--bench" => {}
                "--accounts" => accounts = Some(parse_accounts(args.next())?),
                "--criterion-dir" => criterion_dir = args.next().map(PathBuf::from),
                other => return Err(format!("unknown argument {other:?}; {USAGE}")),
            }
        }
        let default_accounts = if quick {
            vec![300]
        } else {
            vec![1_000, 10_000, 100_000]
        };
        Ok(Settings {
            accounts: accounts.unwrap_or(default_accounts),
            latency_ms: 20,
            slow_latency_ms: if quick { 1_000 } else { 2_000 },
            fetch_runs: if quick { 1 } else { 3 },
            launches: if quick { 1 } else { 3 },
            idle: Duration::from_secs(if quick { 1 } else { 10 }),
            aws_cli: path_from_env("PACKSCOPE_AWS_CLI"),
            boto3_python: path_from_env("PACKSCOPE_BOTO3_PYTHON"),
            criterion_dir,
        })
    }
}

fn parse_accounts(value: Option<String>) -> Result<Vec<u32>, String> {
    let value = value.ok_or(format!("--accounts needs a value; {USAGE}"))?;
    value
        .split(',')
        .map(|n| {
            n.trim()
                .parse()
                .map_err(|_| format!("invalid --accounts value {n:?}: expected a number"))
        })
        .collect()
}

fn path_from_env(name: &str) -> Option<PathBuf> {
    std::env::var_os(name)
        .filter(|value| !value.is_empty())
        .map(PathBuf::from)
}
