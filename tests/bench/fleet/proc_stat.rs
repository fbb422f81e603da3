//! CPU time and peak memory of a process, from Linux's `/proc`.

use std::process::Command;
use std::time::Duration;

/// Returns the process's user plus system CPU time, from fields 14 and 15 of
/// `/proc/PID/stat`, which count clock ticks.
pub fn cpu_time(pid: u32) -> Result<Duration, String> {
    let path = format!("/proc/{pid}/stat");
    let stat = std::fs::read_to_string(&path).map_err(|err| format!("{path}: {err}"))?;
    // The command name in field 2 may contain spaces, so count from the ')' closing it.
    let after_name = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest)
        .ok_or(format!("{path} has no command name"))?;
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let ticks = |index: usize| -> Result<u64, String> {
        fields
            .get(index)
            .and_then(|field| field.parse().ok())
            .ok_or(format!("{path} has no field {}", index + 3))
    };
    // Field 3 (the state) is the first after the name, so field 14 is at index 11.
    let total = ticks(11)? + ticks(12)?;
    Ok(Duration::from_secs_f64(
        total as f64 / clock_ticks_per_second()? as f64,
    ))
}

/// Returns VmHWM, the peak resident set size, from `/proc/PID/status`, in KiB.
pub fn peak_resident_kib(pid: u32) -> Result<u64, String> {
    let path = format!("/proc/{pid}/status");
    let status = std::fs::read_to_string(&path).map_err(|err| format!("{path}: {err}"))?;
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
        .ok_or(format!("{path} has no VmHWM line"))
}

fn clock_ticks_per_second() -> Result<u64, String> {
    let output = Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .map_err(|err| format!("failed to run getconf CLK_TCK: {err}"))?;
    String::from_utf8_lossy(&output.stdout)
        .trim()
        .parse()
        .map_err(|err| format!("getconf CLK_TCK printed no number: {err}"))
}
