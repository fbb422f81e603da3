//! Measurements 2 and 4 to 7, on the interactive view in a 120x40 pseudo-terminal.

use std::thread;
use std::time::Duration;

use crate::proc_stat;
use crate::repaint::{self, Repaint};
use crate::terminal::Session;

const COLS: u16 = 120;
const ROWS: u16 = 40;
/// The first list row: three rows of filter panes, the list's top border and header.
const FIRST_LIST_ROW: usize = 5;
const END_KEY: &str = "\x1b[F";
/// ratatui hides the cursor once per frame when no text input has focus.
const HIDE_CURSOR: &[u8] = b"\x1b[?25l";
const SCREEN_TIMEOUT: Duration = Duration::from_secs(60);
/// Output that stops for this long marks the end of a screen update.
const QUIET: Duration = Duration::from_millis(300);

/// What the interactive view measured against one emulator.
pub struct ViewMeasurements {
    /// The median time from launch to the first row on screen.
    pub first_row: Duration,
    pub idle: Idle,
    pub selection_bytes: usize,
    pub selection_bound: Repaint,
    /// The peak resident set size with every group loaded, in KiB.
    pub peak_memory_kib: u64,
}

/// Terminal output and CPU time while nothing changes.
pub struct Idle {
    pub duration: Duration,
    pub bytes: usize,
    pub frames: usize,
    pub cpu: Duration,
}

/// Launches packscope `launches` times for the first-row time, then, in the last
/// session, measures idling for `idle`, one `j`, and End with every page loaded.
pub fn measure(
    endpoint_url: &str,
    launches: usize,
    idle: Duration,
    load_all_timeout: Duration,
) -> Result<ViewMeasurements, String> {
    let mut first_rows = Vec::new();
    let mut session = None;
    for _ in 0..launches.max(1) {
        let launched = Session::start(endpoint_url, COLS, ROWS)?;
        let drawn_at = launched.wait_for("the first row", SCREEN_TIMEOUT, has_first_row)?;
        first_rows.push(drawn_at - launched.started);
        session = Some(launched);
    }
    first_rows.sort();
    let mut session = session.ok_or("packscope was never launched")?;

    session.wait_quiet(QUIET, SCREEN_TIMEOUT)?;
    let idle = measure_idle(&session, idle)?;
    let (selection_bytes, selection_bound) = measure_selection_move(&mut session)?;
    let peak_memory_kib = measure_peak_memory(&mut session, load_all_timeout)?;
    Ok(ViewMeasurements {
        first_row: first_rows[first_rows.len() / 2],
        idle,
        selection_bytes,
        selection_bound,
        peak_memory_kib,
    })
}

fn has_first_row(screen: &vt100::Screen) -> bool {
    screen
        .rows(0, COLS)
        .nth(FIRST_LIST_ROW)
        .is_some_and(|row| row.contains('%'))
}

fn measure_idle(session: &Session, duration: Duration) -> Result<Idle, String> {
    let status = session.screen().contents();
    if status.contains("loading page") {
        return Err(format!("a page is still loading:\n{status}"));
    }
    let pid = session.process_id()?;
    let bytes_before = session.bytes_written();
    let cpu_before = proc_stat::cpu_time(pid)?;
    thread::sleep(duration);
    let cpu = proc_stat::cpu_time(pid)?.saturating_sub(cpu_before);
    let written = session.output_since(bytes_before);
    Ok(Idle {
        duration,
        bytes: written.len(),
        frames: count(&written, HIDE_CURSOR),
        cpu,
    })
}

/// Presses `j` once and returns the bytes written for it and the repaint bound.
fn measure_selection_move(session: &mut Session) -> Result<(usize, Repaint), String> {
    let before = session.screen();
    let bytes_before = session.bytes_written();
    let unchanged = before.clone();
    session.send("j")?;
    session.wait_for("the selection to move", SCREEN_TIMEOUT, move |screen| {
        !repaint::lower_bound(&unchanged, screen)
            .changed_rows
            .is_empty()
    })?;
    session.wait_quiet(QUIET, SCREEN_TIMEOUT)?;
    let bytes = session.bytes_written() - bytes_before;
    Ok((bytes, repaint::lower_bound(&before, &session.screen())))
}

/// Presses End, waits for every page, and returns VmHWM in KiB.
fn measure_peak_memory(session: &mut Session, timeout: Duration) -> Result<u64, String> {
    session.send(END_KEY)?;
    session.wait_for("every page to load", timeout, |screen| {
        screen.contents().contains("all loaded")
    })?;
    session.wait_quiet(QUIET, SCREEN_TIMEOUT)?;
    proc_stat::peak_resident_kib(session.process_id()?)
}

/// Measures the time from a key press to its effect on screen while a page request is
/// in flight, against an emulator slow enough to keep it in flight.
pub fn key_during_request(slow_endpoint_url: &str) -> Result<Duration, String> {
    let mut session = Session::start(slow_endpoint_url, COLS, ROWS)?;
    session.wait_for("the first request", SCREEN_TIMEOUT, |screen| {
        screen.contents().contains("loading page 1")
    })?;
    thread::sleep(Duration::from_millis(200));
    let pressed = session.send("?")?;
    let drawn_at = session.wait_for("the help overlay", SCREEN_TIMEOUT, |screen| {
        screen.contents().contains("Keys (? or Esc closes)")
    })?;
    let screen = session.screen().contents();
    if !screen.contains("loading page 1") {
        return Err(format!(
            "the request ended before the key was drawn:\n{screen}"
        ));
    }
    Ok(drawn_at.saturating_duration_since(pressed))
}

fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|window| *window == needle)
        .count()
}
