//! The filter pane: account ID and region inputs.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::theme::Theme;
use crate::app::input::TextInput;
use crate::app::{App, Pane};

const ACCOUNT_LABEL: &str = " Account ID ";
const REGION_LABEL: &str = "  Region ";
/// Room for a 12-digit ID typed with dashes.
const ACCOUNT_WIDTH: u16 = 16;
const REGION_WIDTH: u16 = 16;

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let editing = matches!(app.focus, Pane::AccountFilter | Pane::RegionFilter);
    let title = if editing {
        " Filter: Enter applies, Esc cancels "
    } else {
        " Filter (/) "
    };
    let block = Block::bordered()
        .title(Span::styled(title, theme.title))
        .border_style(theme.border_for(editing));
    let inner = block.inner(area);
    frame.render_widget(block, area);

    let account = field(
        &app.account_input,
        ACCOUNT_WIDTH,
        app.focus == Pane::AccountFilter,
        theme,
    );
    let region = field(
        &app.region_input,
        REGION_WIDTH,
        app.focus == Pane::RegionFilter,
        theme,
    );
    let mut spans = vec![Span::raw(ACCOUNT_LABEL)];
    spans.extend(account);
    spans.push(Span::raw(REGION_LABEL));
    spans.extend(region);
    frame.render_widget(Paragraph::new(Line::from(spans)), inner);

    if let Some(position) = cursor_position(app, inner) {
        frame.set_cursor_position(position);
    }
}

/// An input drawn as a fixed-width underlined field, scrolled so the cursor shows.
fn field<'a>(input: &'a TextInput, width: u16, focused: bool, theme: &Theme) -> Vec<Span<'a>> {
    let (visible, _) = visible_text(input, width);
    let style = if focused {
        theme.input.patch(theme.border_focused)
    } else {
        theme.input
    };
    let padding =
        usize::from(width).saturating_sub(unicode_width::UnicodeWidthStr::width(visible.as_str()));
    let mark = if input.is_edited() { "*" } else { " " };
    vec![
        Span::styled(format!("{visible}{}", " ".repeat(padding)), style),
        Span::styled(mark, theme.warning),
    ]
}

/// The part of the text that fits in `width` columns with the cursor inside, and the
/// cursor's column within it.
fn visible_text(input: &TextInput, width: u16) -> (String, u16) {
    let width = usize::from(width.saturating_sub(1));
    let cursor = input.cursor_column();
    let skip = cursor.saturating_sub(width);

    let mut columns = 0;
    let mut text = String::new();
    for c in input.text().chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if columns >= skip && columns + w <= skip + width + 1 {
            text.push(c);
        }
        columns += w;
    }
    (text, (cursor - skip) as u16)
}

fn cursor_position(app: &App, inner: Rect) -> Option<Position> {
    let label = ACCOUNT_LABEL.len() as u16;
    let (input, x) = match app.focus {
        Pane::AccountFilter => (&app.account_input, inner.x + label),
        Pane::RegionFilter => (
            &app.region_input,
            inner.x + label + ACCOUNT_WIDTH + 1 + REGION_LABEL.len() as u16,
        ),
        Pane::GroupBy | Pane::List => return None,
    };
    let width = if app.focus == Pane::AccountFilter {
        ACCOUNT_WIDTH
    } else {
        REGION_WIDTH
    };
    let (_, column) = visible_text(input, width);
    Some(Position::new(
        (x + column).min(inner.right().saturating_sub(1)),
        inner.y,
    ))
}
