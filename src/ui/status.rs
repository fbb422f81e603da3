//! The status bar and the message line beneath it.

use std::time::{SystemTime, UNIX_EPOCH};

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use crate::action::Command;
use crate::app::App;
use crate::keymap::{BINDINGS, Scope, key_label};

const SPINNER: [&str; 8] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧"];

pub fn render(frame: &mut Frame, status: Rect, message: Rect, app: &App, theme: &Theme) {
    let bar = Paragraph::new(status_text(app, status.width)).style(theme.status);
    frame.render_widget(bar, status);
    frame.render_widget(Paragraph::new(message_line(app, theme)), message);
}

/// Joins the status bar's parts, dropping the least important ones (profile, region, fetch
/// time, aggregator, in that order) until the rest fits in `width` columns.
fn status_text(app: &App, width: u16) -> String {
    let mut parts: Vec<(u8, String)> = vec![
        (3, format!(" {}", app.query.aggregator)),
        (1, app.region.clone()),
        (0, app.profile.clone()),
        (9, groups_text(app)),
    ];
    if app.paging.is_in_flight() {
        parts.push((9, loading_text(app)));
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

fn groups_text(app: &App) -> String {
    let count = app.paging.rows().len();
    let noun = if count == 1 { "group" } else { "groups" };
    let more = if app.paging.is_ended() {
        "all loaded"
    } else {
        "more to load"
    };
    format!("{count} {noun}, {more}")
}

fn loading_text(app: &App) -> String {
    let spinner = SPINNER[app.spinner_frame % SPINNER.len()];
    let page = app.paging.pages_loaded() + 1;
    if let Some(attempt) = app.retry_attempt {
        return format!("{spinner} page {page}: retrying, attempt {attempt}");
    }
    match app.paging.empty_streak() {
        0 => format!("{spinner} loading page {page}"),
        empty => format!("{spinner} loading page {page}, {empty} empty skipped"),
    }
}

fn message_line<'a>(app: &'a App, theme: &Theme) -> Line<'a> {
    if let Some(message) = &app.input_error {
        return Line::from(Span::styled(format!(" {message}"), theme.error));
    }
    if let Some(err) = &app.error {
        return Line::from(vec![
            Span::styled(" r", theme.key),
            Span::raw(" retry │ "),
            Span::styled(format!("Error: {err}"), theme.error),
        ]);
    }
    if let Some(notice) = &app.notice {
        return Line::from(Span::styled(format!(" Warning: {notice}"), theme.warning));
    }
    key_hints(theme)
}

/// Hints for the most used keys, with the key names taken from the key table.
fn key_hints(theme: &Theme) -> Line<'static> {
    let hints = [
        (Command::ToggleHelp, "help"),
        (Command::EditFilter, "filter"),
        (Command::ToggleGroupBy, "group by"),
        (Command::Refresh, "refresh"),
        (Command::Quit, "quit"),
    ];
    let mut spans = Vec::new();
    for (command, label) in hints {
        let Some(key) = first_key(command) else {
            continue;
        };
        spans.push(Span::styled(format!(" {key}"), theme.key));
        spans.push(Span::raw(format!(" {label} ")));
    }
    Line::from(spans)
}

fn first_key(command: Command) -> Option<String> {
    BINDINGS
        .iter()
        .find(|binding| binding.command == command && binding.scope == Scope::Browsing)
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
