//! The results as a Markdown table, each next to its target.

use std::time::Duration;

use crate::SizeResults;
use crate::criterion_estimates::{LARGE_GROUPS, RenderEstimates, SMALL_GROUPS};
use crate::full_fetch::FetchRun;
use crate::interactive::ViewMeasurements;
use crate::settings::Settings;

/// Allowed slack over the paging bound: 10% plus 50 ms.
const FETCH_SLACK_RATIO: f64 = 1.10;
const FETCH_SLACK: Duration = Duration::from_millis(50);
const FIRST_ROW_SLACK: Duration = Duration::from_millis(50);
/// One frame at 60 frames per second.
const ONE_FRAME: Duration = Duration::from_micros(16_667);
const IDLE_CPU_LIMIT: Duration = Duration::from_millis(20);
const RENDER_RATIO_LIMIT: f64 = 1.5;
const MEMORY_LIMIT_MB: f64 = 50.0;
/// The organization size the memory target applies to.
const MEMORY_TARGET_ACCOUNTS: u32 = 100_000;

/// Table rows and the number of measurements that failed.
pub struct Table {
    rows: Vec<[String; 5]>,
    pub failures: usize,
}

impl Table {
    pub fn build(
        settings: &Settings,
        results: &[SizeResults],
        render: &Result<RenderEstimates, String>,
    ) -> Table {
        let mut table = Table {
            rows: Vec::new(),
            failures: 0,
        };
        for size in results {
            table.add_fetch_rows(size, settings.latency_ms);
            table.add_view_rows(size);
        }
        table.add_render_rows(render);
        table
    }

    /// Returns the number of rows with a measured figure.
    pub fn measured(&self) -> usize {
        self.rows.len() - self.failures
    }

    pub fn markdown(&self) -> String {
        let mut lines = vec![
            "| Measurement | Accounts | Result | Target | Met |".to_string(),
            "|---|---:|---|---|---|".to_string(),
        ];
        for row in &self.rows {
            lines.push(format!("| {} |", row.join(" | ")));
        }
        lines.join("\n")
    }

    fn push(&mut self, cells: [&str; 5]) {
        self.rows.push(cells.map(String::from));
    }

    fn push_failure(&mut self, name: &str, accounts: &str, message: &str) {
        self.failures += 1;
        let message = format!("failed: {}", message.replace(['\n', '|'], " "));
        self.push([name, accounts, &message, "", "no"]);
    }

    fn add_fetch_rows(&mut self, size: &SizeResults, latency_ms: u64) {
        let accounts = thousands(u64::from(size.accounts));
        let tools = [
            ("1. Full fetch: packscope --output json", &size.packscope),
            ("1. Full fetch: AWS CLI, --next-token loop", &size.aws_cli),
            ("1. Full fetch: boto3 loop", &size.boto3),
        ];
        for (name, run) in tools {
            match run {
                Ok(run) => {
                    let (target, met) = fetch_target(run, size, latency_ms, name);
                    let result = format!(
                        "{} ({} groups, {} pages)",
                        secs(run.elapsed),
                        thousands(run.groups as u64),
                        run.pages
                    );
                    self.push([name, &accounts, &result, &target, &met]);
                }
                Err(message) => self.push_failure(name, &accounts, message),
            }
        }
    }

    fn add_view_rows(&mut self, size: &SizeResults) {
        let accounts = thousands(u64::from(size.accounts));
        match (&size.view, &size.round_trip) {
            (Ok(view), Ok(round_trip)) => {
                self.add_view_measurements(view, *round_trip, size.accounts)
            }
            (Err(message), _) | (_, Err(message)) => {
                self.push_failure("2, 4, 5, 7. Interactive view", &accounts, message)
            }
        }
        let name = "6. Key to screen, request in flight";
        match &size.key_in_flight {
            Ok(latency) => {
                let target = format!("≤ {} (one frame at 60 Hz)", millis(ONE_FRAME));
                self.push([
                    name,
                    &accounts,
                    &millis(*latency),
                    &target,
                    yes_no(*latency <= ONE_FRAME),
                ]);
            }
            Err(message) => self.push_failure(name, &accounts, message),
        }
    }

    fn add_view_measurements(
        &mut self,
        view: &ViewMeasurements,
        round_trip: Duration,
        accounts_count: u32,
    ) {
        let accounts = thousands(u64::from(accounts_count));
        let limit = round_trip + FIRST_ROW_SLACK;
        let target = format!(
            "≤ {} (round trip {} + 50 ms)",
            millis(limit),
            millis(round_trip)
        );
        self.push([
            "2. Launch to first row",
            &accounts,
            &millis(view.first_row),
            &target,
            yes_no(view.first_row <= limit),
        ]);

        let idle = &view.idle;
        let name = format!("4. Idle {} s: bytes, frames, CPU", idle.duration.as_secs());
        let result = format!(
            "{} B, {} frames, {}",
            idle.bytes,
            idle.frames,
            millis(idle.cpu)
        );
        let met = idle.bytes == 0 && idle.frames == 0 && idle.cpu < IDLE_CPU_LIMIT;
        self.push([
            &name,
            &accounts,
            &result,
            "0 B, 0 frames, < 20 ms",
            yes_no(met),
        ]);

        let bound = &view.selection_bound;
        let result = format!(
            "{} B (bound {} B, {} rows changed)",
            view.selection_bytes,
            bound.bytes,
            bound.changed_rows.len()
        );
        let target = format!("≤ {} B (twice the bound)", 2 * bound.bytes);
        self.push([
            "5. Bytes for one j at 120x40",
            &accounts,
            &result,
            &target,
            yes_no(view.selection_bytes <= 2 * bound.bytes),
        ]);

        let megabytes = view.peak_memory_kib as f64 * 1024.0 / 1e6;
        let (target, met) = if accounts_count == MEMORY_TARGET_ACCOUNTS {
            ("< 50 MB", yes_no(megabytes < MEMORY_LIMIT_MB))
        } else {
            ("< 50 MB at 100,000", "")
        };
        let result = format!("{megabytes:.1} MB");
        self.push([
            "7. Peak memory, all loaded (VmHWM)",
            &accounts,
            &result,
            target,
            met,
        ]);
    }

    fn add_render_rows(&mut self, render: &Result<RenderEstimates, String>) {
        let name = "3. Draw one frame (TestBackend 120x40)";
        let Ok(render) = render else {
            let message = render.as_ref().err().map_or("", String::as_str);
            self.push_failure(name, "", message);
            return;
        };
        let ratio = render.large.as_secs_f64() / render.small.as_secs_f64();
        let small = format!(
            "{} with {} groups",
            micros(render.small),
            thousands(SMALL_GROUPS as u64)
        );
        self.push([name, "", &small, "", ""]);
        let large = format!(
            "{} with {} groups ({ratio:.2}x)",
            micros(render.large),
            thousands(LARGE_GROUPS as u64)
        );
        self.push([
            name,
            "",
            &large,
            "≤ 1.5x the 100-group frame",
            yes_no(ratio <= RENDER_RATIO_LIMIT),
        ]);
    }
}

/// Returns the target text and whether packscope met it, for the packscope row only.
fn fetch_target(
    run: &FetchRun,
    size: &SizeResults,
    latency_ms: u64,
    name: &str,
) -> (String, String) {
    if !name.contains("packscope") {
        return (String::new(), String::new());
    }
    let bound = Duration::from_millis(latency_ms) * run.pages as u32;
    let limit = bound.mul_f64(FETCH_SLACK_RATIO) + FETCH_SLACK;
    let target = format!(
        "≤ {} (bound {} + 10% + 50 ms), ahead of both",
        secs(limit),
        secs(bound)
    );
    let others = [&size.aws_cli, &size.boto3];
    let ahead = others.iter().all(|other| {
        other
            .as_ref()
            .is_ok_and(|other| other.elapsed > run.elapsed)
    });
    let differing_groups = others
        .iter()
        .any(|other| other.as_ref().is_ok_and(|other| other.groups != run.groups));
    let met = if differing_groups {
        "no: group counts differ".to_string()
    } else {
        yes_no(run.elapsed <= limit && ahead).to_string()
    };
    (target, met)
}

fn yes_no(met: bool) -> &'static str {
    if met { "yes" } else { "no" }
}

fn secs(duration: Duration) -> String {
    format!("{:.3} s", duration.as_secs_f64())
}

fn millis(duration: Duration) -> String {
    format!("{:.1} ms", duration.as_secs_f64() * 1e3)
}

fn micros(duration: Duration) -> String {
    format!("{:.1} µs", duration.as_secs_f64() * 1e6)
}

/// Formats a count with commas between thousands.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}
