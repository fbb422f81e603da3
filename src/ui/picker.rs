//! The aggregator picker: name, source type and regions of each aggregator.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Block, Cell, Row, Table, TableState};

use super::placeholder;
use super::theme::Theme;
use crate::app::App;
use crate::app::picker::Picker;
use crate::query::AggregatorInfo;
use crate::sanitize::sanitize;

pub fn render(frame: &mut Frame, area: Rect, picker: &Picker, app: &App, theme: &Theme) {
    let block = Block::bordered()
        .title(Span::styled(" Choose an aggregator (Enter) ", theme.title))
        .border_style(theme.border_focused);

    let rows = picker.list.rows();
    if rows.is_empty() {
        render_placeholder(frame, area, block, picker, app, theme);
        return;
    }

    let viewport = app.viewport_rows();
    let start = picker.list.selection.offset.min(rows.len());
    let end = (start + viewport).min(rows.len());
    let visible = rows[start..end].iter().map(row);
    let header = Row::new(["Aggregator", "Source", "Regions"]).style(theme.header);
    let widths = [
        Constraint::Fill(1),
        Constraint::Length(18),
        Constraint::Length(12),
    ];
    let table = Table::new(visible, widths)
        .header(header)
        .block(block)
        .row_highlight_style(theme.selected);

    let selected = picker.list.selection.selected.saturating_sub(start);
    let mut state = TableState::default().with_selected(Some(selected));
    frame.render_stateful_widget(table, area, &mut state);
}

fn row(aggregator: &AggregatorInfo) -> Row<'static> {
    Row::new([
        Cell::from(sanitize(&aggregator.name).into_owned()),
        Cell::from(aggregator.source.to_string()),
        Cell::from(aggregator.regions.to_string()),
    ])
}

fn render_placeholder(
    frame: &mut Frame,
    area: Rect,
    block: Block,
    picker: &Picker,
    app: &App,
    theme: &Theme,
) {
    let list = &picker.list;
    let (text, style) = if let Some(err) = &list.error {
        (
            format!("Listing the aggregators failed: {err}"),
            theme.error,
        )
    } else if list.paging.is_ended() {
        (no_aggregators(&app.region), theme.warning)
    } else {
        ("Listing the aggregators…".to_string(), theme.muted)
    };

    placeholder::render_message(frame, area, block, text, style);
}

/// Explains what to do when the region has no aggregator.
fn no_aggregators(region: &str) -> String {
    format!(
        "No configuration aggregators in {region}. Run packscope in the aggregator's home \
         region (--region), pass --aggregator NAME, or create one with `aws configservice \
         put-configuration-aggregator --configuration-aggregator-name NAME \
         --organization-aggregation-source RoleArn=ROLE_ARN,AllAwsRegions=true`."
    )
}
