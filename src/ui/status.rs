//! The status bar and the message line beneath it.

use std::time::{SystemTime, UNIX_EPOCH};

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use crate::action::Command;
use crate::app::App;
use crate::app::list_state::ListState;
use crate::aws::FetchError;
use crate::keymap::{BINDINGS, Mode, applies, key_label};

/// The maximum number of rows an error or warning takes below the status bar.
pub const MAX_MESSAGE_ROWS: u16 = 3;

const SPINNER: [&str; 8] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧"];

/// Facts the status bar shows about the list on screen: the summary, the drill-down or
/// the aggregator picker.
struct ListFacts<'a> {
    rows: usize,
    /// The row noun, singular and plural.
    noun: (&'static str, &'static str),
    ended: bool,
    in_flight: bool,
    pages_loaded: u32,
    empty_streak: u32,
    retry_attempt: Option<u32>,
    error: Option<&'a FetchError>,
    notice: Option<&'a str>,
}

fn facts(app: &App) -> ListFacts<'_> {
    if let Some(picker) = &app.picker {
        return list_facts(&picker.list, ("aggregator", "aggregators"));
    }
    if let Some(drill) = &app.drilldown {
        return list_facts(&drill.list, ("pack", "packs"));
    }
    ListFacts {
        rows: app.paging.rows().len(),
        noun: ("group", "groups"),
        ended: app.paging.is_ended(),
        in_flight: app.paging.is_in_flight(),
        pages_loaded: app.paging.pages_loaded(),
        empty_streak: app.paging.empty_streak(),
        retry_attempt: app.retry_attempt,
        error: app.error.as_ref(),
        notice: app.notice.as_deref(),
    }
}

pub fn render(frame: &mut Frame, status: Rect, message: Rect, app: &App, theme: &Theme) {
    let bar = Paragraph::new(status_text(app, status.width)).style(theme.status);
    frame.render_widget(bar, status);
    let text = Paragraph::new(message_line(app, theme)).wrap(Wrap { trim: false });
    frame.render_widget(text, message);
}

/// Rows the message line needs at `width` columns, so a long error wraps instead of
/// being cut: from 1 to [`MAX_MESSAGE_ROWS`].
pub fn message_rows(app: &App, width: u16) -> u16 {
    let columns = message_line(app, &Theme::plain()).width().max(1);
    let rows = columns.div_ceil(usize::from(width.max(1)));
    rows.clamp(1, usize::from(MAX_MESSAGE_ROWS)) as u16
}

fn list_facts<'a, T>(list: &'a ListState<T>, noun: (&'static str, &'static str)) -> ListFacts<'a> {
    ListFacts {
        rows: list.rows().len(),
        noun,
        ended: list.paging.is_ended(),
        in_flight: list.paging.is_in_flight(),
        pages_loaded: list.paging.pages_loaded(),
        empty_streak: list.paging.empty_streak(),
        retry_attempt: list.retry_attempt,
        error: list.error.as_ref(),
        notice: list.notice.as_deref(),
    }
}

/// Joins the status bar's parts, dropping the least important ones (profile, region, fetch
/// time, aggregator, in that order) until the rest fits in `width` columns.
fn status_text(app: &App, width: u16) -> String {
    let mut parts: Vec<(u8, String)> = vec![
        (3, format!(" {}", aggregator_label(app))),
        (1, app.region.clone()),
        (0, app.profile.clone()),
        (9, groups_text(&facts(app))),
    ];
    if facts(app).in_flight {
        parts.push((9, loading_text(&facts(app), app.spinner_frame)));
    }
    if app.is_refreshing() {
        parts.push((4, "refreshing…".to_string()));
    } else if app.is_auto_refresh_on() {
        parts.push((4, format!("auto {} s", app.refresh_interval.as_secs())));
    }
    if let Some(warning) = super::sources::warning(app) {
        parts.push((8, warning));
    }
    if let Some(time) = app.last_fetch {
        parts.push((2, format!("updated {}", utc_clock(time))));
    }

    loop {
        let text = parts
            .iter()
            .map(|(_, part)| part.as_str())
            .collect::<Vec<_>>()
            .join(" │ ");
        let lowest = parts
            .iter()
            .enumerate()
            .min_by_key(|(_, (priority, _))| *priority);
        match lowest {
            Some((index, _)) if text.width() > usize::from(width) && parts.len() > 2 => {
                parts.remove(index);
            }
            _ => return text,
        }
    }
}

fn aggregator_label(app: &App) -> &str {
    if app.query.aggregator.is_empty() {
        "no aggregator chosen"
    } else {
        &app.query.aggregator
    }
}

fn groups_text(list: &ListFacts) -> String {
    let count = list.rows;
    let noun = if count == 1 { list.noun.0 } else { list.noun.1 };
    let more = if list.ended {
        "all loaded"
    } else {
        "more to load"
    };
    format!("{count} {noun}, {more}")
}

fn loading_text(list: &ListFacts, spinner_frame: usize) -> String {
    let spinner = SPINNER[spinner_frame % SPINNER.len()];
    let page = list.pages_loaded + 1;
    if let Some(attempt) = list.retry_attempt {
        return format!("{spinner} page {page}: retrying, attempt {attempt}");
    }
    match list.empty_streak {
        0 => format!("{spinner} loading page {page}"),
        empty => format!("{spinner} loading page {page}, {empty} empty skipped"),
    }
}

fn message_line<'a>(app: &'a App, theme: &Theme) -> Line<'a> {
    if let Some(message) = &app.input_error {
        return Line::from(Span::styled(format!(" {message}"), theme.error));
    }
    let list = facts(app);
    if let Some(err) = list.error {
        return Line::from(vec![
            Span::styled(" r", theme.key),
            Span::raw(" retry │ "),
            Span::styled(format!("Error: {err}"), theme.error),
        ]);
    }
    if let Some(flash) = &app.flash {
        let style = if flash.is_error {
            theme.error
        } else {
            theme.compliant
        };
        return Line::from(Span::styled(format!(" {}", flash.text), style));
    }
    if let Some(notice) = list.notice {
        return Line::from(Span::styled(format!(" Warning: {notice}"), theme.warning));
    }
    key_hints(app, theme)
}

/// Hints for the most used keys of the view on screen, with the key names taken from
/// the key table.
fn key_hints(app: &App, theme: &Theme) -> Line<'static> {
    let mode = app.mode();
    let hints = match mode {
        Mode::Packs => PACK_HINTS,
        Mode::Loading => LOADING_HINTS,
        Mode::Picker => PICKER_HINTS,
        Mode::Sources => SOURCES_HINTS,
        _ => SUMMARY_HINTS,
    };
    let mut spans = Vec::new();
    for &(command, label) in hints {
        let Some(key) = first_key(command, mode) else {
            continue;
        };
        spans.push(Span::styled(format!(" {key}"), theme.key));
        spans.push(Span::raw(format!(" {label} ")));
    }
    Line::from(spans)
}

const SUMMARY_HINTS: &[(Command, &str)] = &[
    (Command::ToggleHelp, "help"),
    (Command::EditFilter, "filter"),
    (Command::ToggleGroupBy, "group by"),
    (Command::Refresh, "refresh"),
    (Command::Quit, "quit"),
];

const PACK_HINTS: &[(Command, &str)] = &[
    (Command::ToggleHelp, "help"),
    (Command::CycleCompliance, "compliance"),
    (Command::Cancel, "back"),
    (Command::Refresh, "refresh"),
    (Command::Quit, "quit"),
];

const PICKER_HINTS: &[(Command, &str)] = &[
    (Command::Apply, "choose"),
    (Command::Refresh, "reload"),
    (Command::Quit, "quit"),
];

const SOURCES_HINTS: &[(Command, &str)] = &[
    (Command::Cancel, "close"),
    (Command::Refresh, "reload"),
    (Command::Quit, "quit"),
];

const LOADING_HINTS: &[(Command, &str)] = &[
    (Command::Cancel, "stop and sort what is loaded"),
    (Command::Quit, "quit"),
];

fn first_key(command: Command, mode: Mode) -> Option<String> {
    BINDINGS
        .iter()
        .find(|binding| binding.command == command && applies(binding.scope, mode))
        .and_then(|binding| binding.keys.first())
        .map(key_label)
}

/// Formats a time as `HH:MM:SS UTC`, which needs no time zone database.
fn utc_clock(time: SystemTime) -> String {
    let seconds = time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs()) % 86_400;
    format!(
        "{:02}:{:02}:{:02} UTC",
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}
