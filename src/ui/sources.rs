//! Data freshness: the warning on the list's top border, and the view of the sources
//! that failed or are outdated.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Cell, Clear, Paragraph, Row, Table, TableState, Wrap};

use super::date::utc_date_time;
use super::placeholder;
use super::theme::Theme;
use crate::app::App;
use crate::app::sources::Sources;
use crate::query::{SourceRow, SourceUpdateStatus};
use crate::sanitize::sanitize;

/// The border line and three lines of the selected source's error message.
const DETAIL_HEIGHT: u16 = 4;

/// Builds the status bar's warning, such as "⚠ 2 failed, 5 outdated sources (d)", once
/// any source failed or is outdated, or when the status could not be listed.
pub fn warning(app: &App) -> Option<String> {
    let sources = app.sources.as_ref()?;
    if sources.list.error.is_some() {
        return Some("source status unavailable (d)".into());
    }
    let counts = match (sources.failed, sources.outdated) {
        (0, 0) => return None,
        (failed, 0) => format!("{failed} failed"),
        (0, outdated) => format!("{outdated} outdated"),
        (failed, outdated) => format!("{failed} failed, {outdated} outdated"),
    };
    let noun = if sources.failed + sources.outdated == 1 {
        "source"
    } else {
        "sources"
    };
    let partial = if sources.list.paging.is_ended() {
        ""
    } else {
        " so far"
    };
    Some(format!("⚠ {counts} {noun}{partial} (d)"))
}

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let block = Block::bordered()
        .title(Span::styled(
            " Sources that failed or are outdated (Esc closes) ",
            theme.title,
        ))
        .border_style(theme.border_focused);
    frame.render_widget(Clear, area);

    let Some(sources) = &app.sources else {
        return;
    };
    let rows = sources.list.rows();
    if rows.is_empty() {
        render_placeholder(frame, area, block, sources, theme);
        return;
    }

    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [table_area, detail_area] =
        Layout::vertical([Constraint::Min(2), Constraint::Length(DETAIL_HEIGHT)]).areas(inner);
    render_table(frame, table_area, sources, theme);
    render_detail(frame, detail_area, sources, theme);
}

/// Draws the rows that fit, keeping the selected row on screen in the shorter area.
fn render_table(frame: &mut Frame, area: Rect, sources: &Sources, theme: &Theme) {
    let rows = sources.list.rows();
    let fit = usize::from(area.height.saturating_sub(1)).max(1);
    let selected = sources.list.selection.selected;
    let mut start = sources.list.selection.offset.min(rows.len());
    if selected >= start + fit {
        start = selected + 1 - fit;
    }
    let end = (start + fit).min(rows.len());

    let visible = rows[start..end].iter().map(|source| row(source, theme));
    let header =
        Row::new(["Source", "Region", "Status", "Updated (UTC)", "Error"]).style(theme.header);
    let widths = [
        Constraint::Length(12),
        Constraint::Length(14),
        Constraint::Length(8),
        Constraint::Length(16),
        Constraint::Fill(1),
    ];
    let table = Table::new(visible, widths)
        .header(header)
        .row_highlight_style(theme.selected);
    let mut state = TableState::default().with_selected(Some(selected - start));
    frame.render_stateful_widget(table, area, &mut state);
}

/// Draws the selected source's whole error message, which the table cannot fit.
fn render_detail(frame: &mut Frame, area: Rect, sources: &Sources, theme: &Theme) {
    let selected = sources.list.selected();
    let code = selected.and_then(|source| source.error_code.as_deref());
    let message = selected.and_then(|source| source.error_message.as_deref());
    let text = match (code, message) {
        (Some(code), Some(message)) => format!("{code}: {message}"),
        (Some(text), None) | (None, Some(text)) => text.to_string(),
        (None, None) => "No error reported for this source.".to_string(),
    };
    let message = sanitize(&text).into_owned();
    let block = Block::new()
        .borders(Borders::TOP)
        .title(Span::styled(" Error of the selected source ", theme.title))
        .border_style(theme.border);
    let detail = Paragraph::new(message)
        .wrap(Wrap { trim: true })
        .block(block);
    frame.render_widget(detail, area);
}

fn row(source: &SourceRow, theme: &Theme) -> Row<'static> {
    let status_style = match source.status {
        SourceUpdateStatus::Failed => theme.noncompliant,
        _ => theme.warning,
    };
    Row::new([
        Cell::from(sanitize(&source.source_id).into_owned()),
        Cell::from(sanitize(&source.region).into_owned()),
        Cell::from(Span::styled(source.status.to_string(), status_style)),
        Cell::from(source.last_update.map(utc_date_time).unwrap_or_default()),
        Cell::from(sanitize(source.error_code.as_deref().unwrap_or_default()).into_owned()),
    ])
}

fn render_placeholder(
    frame: &mut Frame,
    area: Rect,
    block: Block,
    sources: &Sources,
    theme: &Theme,
) {
    let list = &sources.list;
    let (text, style) = if let Some(err) = &list.error {
        (
            format!("Listing the source status failed: {err}"),
            theme.error,
        )
    } else if list.paging.is_ended() {
        (
            "Every source reported successfully.".to_string(),
            theme.compliant,
        )
    } else {
        ("Loading the source status…".to_string(), theme.muted)
    };
    placeholder::render_message(frame, area, block, text, style);
}
