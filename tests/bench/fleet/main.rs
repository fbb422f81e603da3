//! The fleet benchmark: packscope against `serve-demo` organizations of several sizes,
//! next to the AWS CLI and boto3, printed as one Markdown table.
//!
//! Run it through `bash .ci/bench`, which builds in release (in the dev profile with
//! `--quick`), installs the AWS CLI and boto3, runs the render bench first, and passes
//! `--criterion-dir`. It asserts no timing: it fails only when a measurement produced
//! no number.

mod aws_env;
mod criterion_estimates;
mod full_fetch;
mod interactive;
mod proc_stat;
mod repaint;
mod report;
mod round_trip;
mod serve;
mod settings;
mod terminal;

use std::process::ExitCode;
use std::time::Duration;

use full_fetch::{FetchRun, PAGE_SIZE, Target};
use interactive::ViewMeasurements;
use serve::ServeDemo;
use settings::Settings;

/// The packscope binary that `cargo bench` built with this bench.
pub const PACKSCOPE: &str = env!("CARGO_BIN_EXE_packscope");

/// Round trips sampled for the first-row target.
const ROUND_TRIP_SAMPLES: usize = 5;

/// Everything measured against one organization size.
pub struct SizeResults {
    pub accounts: u32,
    pub round_trip: Result<Duration, String>,
    pub packscope: Result<FetchRun, String>,
    pub aws_cli: Result<FetchRun, String>,
    pub boto3: Result<FetchRun, String>,
    pub view: Result<ViewMeasurements, String>,
    pub key_in_flight: Result<Duration, String>,
}

fn main() -> ExitCode {
    let settings = match Settings::from_args(std::env::args()) {
        Ok(settings) => settings,
        Err(message) => {
            eprintln!("fleet: {message}");
            return ExitCode::from(2);
        }
    };

    let results: Vec<SizeResults> = settings
        .accounts
        .iter()
        .map(|&accounts| {
            eprintln!("fleet: measuring an organization of {accounts} accounts");
            measure_size(&settings, accounts)
        })
        .collect();
    let render = match &settings.criterion_dir {
        Some(dir) => criterion_estimates::read(dir),
        None => Err("no --criterion-dir given".to_string()),
    };

    let table = report::Table::build(&settings, &results, &render);
    if cfg!(debug_assertions) {
        println!("build: unoptimized, so the figures only show that each measurement runs");
    }
    println!("{}", table.markdown());
    println!("load after: {}", load_average());
    // The closing line counts measurements that produced a number, not targets met.
    println!(
        "measurements: {} passed, {} failed",
        table.measured(),
        table.failures
    );
    if table.failures > 0 {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// Returns the 1, 5 and 15 minute load averages from `/proc/loadavg`.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|text| {
            text.split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_else(|err| format!("unknown ({err})"))
}

fn measure_size(settings: &Settings, accounts: u32) -> SizeResults {
    let max_pages = accounts as usize / PAGE_SIZE + 10;
    let server = match ServeDemo::start(accounts, settings.latency_ms) {
        Ok(server) => server,
        Err(message) => return SizeResults::failed(accounts, &message),
    };
    let scratch = match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(err) => return SizeResults::failed(accounts, &format!("no scratch directory: {err}")),
    };
    let target = Target {
        endpoint_url: &server.endpoint_url,
        scratch: scratch.path(),
        max_pages,
        time_limit: Duration::from_secs(60 + 3 * max_pages as u64),
    };

    let round_trip = round_trip::median_round_trip(server.port, ROUND_TRIP_SAMPLES);
    let packscope = median_run(settings.fetch_runs, || full_fetch::packscope(&target));
    let boto3 = match &settings.boto3_python {
        Some(python) => median_run(settings.fetch_runs, || full_fetch::boto3(python, &target)),
        None => Err("PACKSCOPE_BOTO3_PYTHON is not set".to_string()),
    };
    let aws_cli = match &settings.aws_cli {
        Some(cli) => full_fetch::aws_cli(cli, &target),
        None => Err("PACKSCOPE_AWS_CLI is not set".to_string()),
    };
    let load_all_timeout = Duration::from_secs(60) + Duration::from_millis(200) * max_pages as u32;
    let view = interactive::measure(
        &server.endpoint_url,
        settings.launches,
        settings.idle,
        load_all_timeout,
    );
    drop(server);

    let key_in_flight = ServeDemo::start(accounts, settings.slow_latency_ms)
        .and_then(|slow| interactive::key_during_request(&slow.endpoint_url));
    SizeResults {
        accounts,
        round_trip,
        packscope,
        aws_cli,
        boto3,
        view,
        key_in_flight,
    }
}

/// Runs a fetch `runs` times and returns the run with the median time.
fn median_run(
    runs: usize,
    mut fetch: impl FnMut() -> Result<FetchRun, String>,
) -> Result<FetchRun, String> {
    let mut completed = (0..runs.max(1))
        .map(|_| fetch())
        .collect::<Result<Vec<_>, _>>()?;
    completed.sort_by_key(|run| run.elapsed);
    Ok(completed[completed.len() / 2])
}

impl SizeResults {
    fn failed(accounts: u32, message: &str) -> SizeResults {
        let message = message.to_string();
        SizeResults {
            accounts,
            round_trip: Err(message.clone()),
            packscope: Err(message.clone()),
            aws_cli: Err(message.clone()),
            boto3: Err(message.clone()),
            view: Err(message.clone()),
            key_in_flight: Err(message),
        }
    }
}
