//! The prompt on the message line, with the reason it was rejected on the status bar
//! above it.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use crate::app::App;
use crate::app::prompt::Prompt;

pub fn render(frame: &mut Frame, status: Rect, message: Rect, app: &App, theme: &Theme) {
    let Some(prompt) = &app.prompt else {
        return;
    };
    if let Some(error) = &app.input_error {
        let line = Paragraph::new(format!(" {error}")).style(theme.error);
        frame.render_widget(Clear, status);
        frame.render_widget(line, status);
    }

    let label = format!(" {}", prompt.kind.label());
    let (visible, cursor) = visible_tail(prompt, message.width, label.width());
    let line = Line::from(vec![
        Span::styled(label.clone(), theme.key),
        Span::styled(visible, theme.input),
    ]);
    frame.render_widget(Clear, message);
    frame.render_widget(Paragraph::new(line), message);

    let x = message.x + (label.width() + cursor) as u16;
    let x = x.min(message.right().saturating_sub(1));
    frame.set_cursor_position(Position::new(x, message.y));
}

/// Returns the end of the text that fits after the label, and the cursor's column in
/// it. A long path scrolls left so the cursor stays on screen.
fn visible_tail(prompt: &Prompt, width: u16, label: usize) -> (String, usize) {
    let room = usize::from(width).saturating_sub(label + 1);
    let text = prompt.input.text();
    let cursor = prompt.input.cursor_column();
    let skip = cursor.saturating_sub(room);

    let mut columns = 0;
    let mut visible = String::new();
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if columns >= skip && columns + w <= skip + room {
            visible.push(c);
        }
        columns += w;
    }
    (visible, cursor - skip)
}
