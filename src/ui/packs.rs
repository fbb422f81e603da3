//! The drill-down: the conformance packs of one group. Only the rows on screen are
//! built.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Row, Table, TableState};

use super::fit::fit_middle;
use super::placeholder::{self, EmptyList};
use super::theme::Theme;
use crate::app::App;
use crate::app::drilldown::DrillDown;
use crate::query::{GroupBy, PackComplianceType, PackRow};
use crate::sanitize::sanitize;

/// Room for a 12-digit account ID or the longest region name, `ap-southeast-5`.
const PLACE_WIDTH: u16 = 14;
/// Room for "insufficient data".
const COMPLIANCE_WIDTH: u16 = 17;
/// The columns besides the pack name: widths, the gaps between the seven columns and
/// the two borders.
const FIXED_WIDTH: u16 = 1 + PLACE_WIDTH + COMPLIANCE_WIDTH + 4 + 4 + 5 + 6 + 2;

pub fn render(frame: &mut Frame, area: Rect, drill: &DrillDown, app: &App, theme: &Theme) {
    let block = Block::bordered()
        .title(Span::styled(title(drill, app.query.group_by), theme.title))
        .title_bottom(super::totals::packs_line(drill, theme))
        .border_style(theme.border_focused);

    let rows = drill.list.rows();
    if rows.is_empty() {
        render_placeholder(frame, area, block, drill, theme);
        return;
    }

    let viewport = app.viewport_rows();
    let start = drill.list.selection.offset.min(rows.len());
    let end = (start + viewport).min(rows.len());
    let name_width = usize::from(area.width.saturating_sub(FIXED_WIDTH));
    let visible = rows[start..end]
        .iter()
        .map(|pack| row(pack, app.query.group_by, name_width, theme));

    let place = match app.query.group_by {
        GroupBy::Account => "Region",
        GroupBy::Region => "Account ID",
    };
    let header = Row::new([
        Cell::from(""),
        Cell::from("Conformance pack"),
        Cell::from(place),
        Cell::from("Compliance"),
        Cell::from(Line::from("✓").alignment(Alignment::Right)),
        Cell::from(Line::from("✗").alignment(Alignment::Right)),
        Cell::from(Line::from("Rules").alignment(Alignment::Right)),
    ])
    .style(theme.header);
    let widths = [
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(PLACE_WIDTH),
        Constraint::Length(COMPLIANCE_WIDTH),
        Constraint::Length(4),
        Constraint::Length(4),
        Constraint::Length(5),
    ];
    let table = Table::new(visible, widths)
        .header(header)
        .block(block)
        .row_highlight_style(theme.selected);

    let selected = drill.list.selection.selected.saturating_sub(start);
    let mut state = TableState::default().with_selected(Some(selected));
    frame.render_stateful_widget(table, area, &mut state);
}

/// " Packs in account 000000000042 · noncompliant only (c) ".
fn title(drill: &DrillDown, group_by: GroupBy) -> String {
    let group = sanitize(&drill.group);
    let filter = match drill.query.compliance {
        None => "all (c)".to_string(),
        Some(kind) => format!("{kind} only (c)"),
    };
    format!(" Packs in {group_by} {group} · {filter} ")
}

fn row<'a>(pack: &'a PackRow, group_by: GroupBy, name_width: usize, theme: &Theme) -> Row<'a> {
    let (mark, style) = match pack.compliance {
        PackComplianceType::Compliant => ("✓", theme.compliant),
        PackComplianceType::NonCompliant => ("✗", theme.noncompliant),
        PackComplianceType::InsufficientData | PackComplianceType::Unknown => ("?", theme.muted),
    };
    let place = match group_by {
        GroupBy::Account => &pack.region,
        GroupBy::Region => &pack.account_id,
    };
    let right = |value: u32| Cell::from(Line::from(value.to_string()).alignment(Alignment::Right));

    Row::new([
        Cell::from(Span::styled(mark, style)),
        Cell::from(fit_middle(&sanitize(&pack.name), name_width)),
        Cell::from(sanitize(place).into_owned()),
        Cell::from(Span::styled(pack.compliance.to_string(), style)),
        right(pack.compliant_rules),
        right(pack.noncompliant_rules),
        right(pack.total_rules),
    ])
}

fn render_placeholder(
    frame: &mut Frame,
    area: Rect,
    block: Block,
    drill: &DrillDown,
    theme: &Theme,
) {
    let list = EmptyList {
        error: drill.list.error.as_ref(),
        ended: drill.list.paging.is_ended(),
        notice: drill.list.notice.as_deref(),
        noun: "packs",
        no_match: "No conformance packs match.",
    };
    placeholder::render(frame, area, block, &list, theme);
}
