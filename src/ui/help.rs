//! The help overlay, generated from the key table.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::theme::Theme;
use crate::keymap::{BINDINGS, Scope, key_label};

const KEY_COLUMN: usize = 14;

/// Draws the key table, scrolled down by `scroll` lines at most as far as its last line.
pub fn render(frame: &mut Frame, area: Rect, scroll: u16, theme: &Theme) {
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

    let line_count = lines.len() as u16;
    let height = (line_count + 2).min(area.height);
    let scroll = scroll.min(line_count.saturating_sub(height.saturating_sub(2)));
    let title = if height < line_count + 2 {
        " Keys (? or Esc closes, Up and Down scroll) "
    } else {
        " Keys (? or Esc closes) "
    };
    let width = 78.min(area.width);
    let [popup] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::horizontal([Constraint::Length(width)])
        .flex(Flex::Center)
        .areas(popup);

    let block = Block::bordered()
        .title(Span::styled(title, theme.title))
        .border_style(theme.border_focused);
    frame.render_widget(Clear, popup);
    let help = Paragraph::new(lines).block(block).scroll((scroll, 0));
    frame.render_widget(help, popup);
}
