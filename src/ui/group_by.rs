//! The group-by toggle.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::theme::Theme;
use crate::app::{App, Pane};
use crate::query::GroupBy;

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let focused = app.focus == Pane::GroupBy;
    let block = Block::bordered()
        .title(Span::styled(" Group by (t) ", theme.title))
        .border_style(theme.border_for(focused));

    let option = |group_by: GroupBy| {
        let chosen = app.query.group_by == group_by;
        let text = format!(" {} {group_by} ", if chosen { "(•)" } else { "( )" });
        let style = if chosen { theme.title } else { theme.muted };
        Span::styled(text, style)
    };
    let line = Line::from(vec![option(GroupBy::Account), option(GroupBy::Region)]);
    frame.render_widget(Paragraph::new(line).block(block), area);
}
