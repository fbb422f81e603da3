//! The help overlay, generated from the key table.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::theme::Theme;
use crate::keymap::{BINDINGS, Scope, key_label};

const KEY_COLUMN: usize = 20;

pub fn render(frame: &mut Frame, area: Rect, theme: &Theme) {
    let lines: Vec<Line> = BINDINGS
        .iter()
        .filter(|binding| binding.scope != Scope::Help)
        .map(|binding| {
            let keys: Vec<String> = binding.keys.iter().map(key_label).collect();
            Line::from(vec![
                Span::styled(format!(" {:<KEY_COLUMN$}", keys.join(", ")), theme.key),
                Span::raw(binding.description),
            ])
        })
        .collect();

    let height = (lines.len() as u16 + 2).min(area.height);
    let width = 70.min(area.width);
    let [popup] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::horizontal([Constraint::Length(width)])
        .flex(Flex::Center)
        .areas(popup);

    let block = Block::bordered()
        .title(Span::styled(" Keys (? or Esc closes) ", theme.title))
        .border_style(theme.border_focused);
    frame.render_widget(Clear, popup);
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}
