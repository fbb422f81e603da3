//! The list of groups. Only the rows on screen are built, so drawing costs the same
//! with a hundred groups loaded as with a hundred thousand.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Row, Table, TableState};

use super::fit::fit_middle;
use super::placeholder::{self, EmptyList};
use super::theme::Theme;
use crate::app::{App, Pane};
use crate::query::{GroupBy, GroupSummary};
use crate::sanitize::sanitize;

/// Cells of the compliance bar.
const BAR_WIDTH: usize = 10;
/// Room for a 12-digit account ID or the longest region name, `ap-southeast-5`.
const GROUP_WIDTH: u16 = 16;

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let block = Block::bordered()
        .title(Span::styled(title(app), theme.title))
        .title_bottom(super::totals::summary_line(app, theme))
        .border_style(theme.border_for(app.focus == Pane::List));

    let len = app.view_len();
    if len == 0 {
        render_placeholder(frame, area, block, app, theme);
        return;
    }

    let viewport = app.viewport_rows();
    let start = app.selection.offset.min(len);
    let end = (start + viewport).min(len);
    let visible = (start..end)
        .filter_map(|index| app.row_in_view(index))
        .map(|group| row(group, theme));

    let group_header = match app.query.group_by {
        GroupBy::Account => "Account ID",
        GroupBy::Region => "Region",
    };
    let header = Row::new([
        Cell::from(""),
        Cell::from(group_header),
        Cell::from(Line::from("Compliant").alignment(Alignment::Right)),
        Cell::from(Line::from("Noncompliant").alignment(Alignment::Right)),
        Cell::from(Line::from("Total").alignment(Alignment::Right)),
        Cell::from("Compliance"),
    ])
    .style(theme.header);

    let widths = [
        Constraint::Length(1),
        Constraint::Length(GROUP_WIDTH),
        Constraint::Length(9),
        Constraint::Length(12),
        Constraint::Length(6),
        Constraint::Fill(1),
    ];
    let table = Table::new(visible, widths)
        .header(header)
        .block(block)
        .row_highlight_style(theme.selected);

    let mut state = TableState::default().with_selected(Some(app.selection.selected - start));
    frame.render_stateful_widget(table, area, &mut state);
}

/// " Conformance packs by account · noncompliant ↓ (s) ", with "partial" while the
/// sort covers only the loaded groups.
fn title(app: &App) -> String {
    let mut title = format!(" Conformance packs by {} ", app.query.group_by);
    if let Some(label) = app.sort.label() {
        title.push_str(&format!("· {label} (s) "));
    }
    if app.is_sort_partial() && !app.loading_for_sort {
        title.push_str("· partial ");
    }
    title
}

fn row<'a>(group: &'a GroupSummary, theme: &Theme) -> Row<'a> {
    let (mark, mark_style) = match (group.noncompliant, group.total()) {
        (0, 0) => ("-", theme.muted),
        (0, _) => ("✓", theme.compliant),
        _ => ("✗", theme.noncompliant),
    };
    let noncompliant_style = if group.noncompliant > 0 {
        theme.noncompliant
    } else {
        theme.muted
    };

    Row::new([
        Cell::from(Span::styled(mark, mark_style)),
        Cell::from(fit_middle(&sanitize(&group.name), usize::from(GROUP_WIDTH))),
        Cell::from(Line::from(group.compliant.to_string()).alignment(Alignment::Right)),
        Cell::from(
            Line::from(Span::styled(
                group.noncompliant.to_string(),
                noncompliant_style,
            ))
            .alignment(Alignment::Right),
        ),
        Cell::from(Line::from(group.total().to_string()).alignment(Alignment::Right)),
        Cell::from(compliance_bar(group, theme)),
    ])
}

/// "80% ████████░░": filled cells for compliant packs, shaded cells for noncompliant.
fn compliance_bar(group: &GroupSummary, theme: &Theme) -> Line<'static> {
    let Some(percent) = group.compliance_percent() else {
        return Line::from(Span::styled(" n/a", theme.muted));
    };

    // Rounding down keeps one shaded cell for any noncompliant pack.
    let filled = ((percent / 100.0) * BAR_WIDTH as f64).floor() as usize;
    Line::from(vec![
        Span::raw(format!("{:>3.0}% ", percent.floor())),
        Span::styled("█".repeat(filled), theme.compliant),
        Span::styled("░".repeat(BAR_WIDTH - filled), theme.noncompliant),
    ])
}

fn render_placeholder(frame: &mut Frame, area: Rect, block: Block, app: &App, theme: &Theme) {
    let list = EmptyList {
        error: app.error.as_ref(),
        ended: app.paging.is_ended(),
        notice: app.notice.as_deref(),
        noun: "groups",
        no_match: "No groups match these filters.",
    };
    placeholder::render(frame, area, block, &list, theme);
}
