//! The filter pane: account ID and region inputs.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::theme::Theme;
use crate::app::input::TextInput;
use crate::app::{App, Pane};

const ACCOUNT_LABEL: &str = " Account ";
const REGION_LABEL: &str = " Region ";
/// Room for a 12-digit ID typed with dashes; narrower panes scroll the text instead.
const MAX_FIELD_WIDTH: u16 = 16;
const MIN_FIELD_WIDTH: u16 = 4;

/// The width of each input in a pane of `inner` columns: both labels, both fields and
/// their edit marks must fit.
fn field_width(inner: u16) -> u16 {
    let labels = (ACCOUNT_LABEL.len() + REGION_LABEL.len()) as u16 + 2;
    (inner.saturating_sub(labels) / 2).clamp(MIN_FIELD_WIDTH, MAX_FIELD_WIDTH)
}

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
    let width = field_width(inner.width);

    let account = field(
        &app.account_input,
        width,
        app.focus == Pane::AccountFilter,
        theme,
    );
    let region = field(
        &app.region_input,
        width,
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

/// Builds the spans of an input as a fixed-width underlined field, scrolled so the
/// cursor shows.
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

/// Returns the part of the text that fits in `width` columns with the cursor inside, and the
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
    let width = field_width(inner.width);
    let label = ACCOUNT_LABEL.len() as u16;
    let (input, x) = match app.focus {
        Pane::AccountFilter => (&app.account_input, inner.x + label),
        Pane::RegionFilter => (
            &app.region_input,
            inner.x + label + width + 1 + REGION_LABEL.len() as u16,
        ),
        Pane::GroupBy | Pane::List => return None,
    };
    let (_, column) = visible_text(input, width);
    Some(Position::new(
        (x + column).min(inner.right().saturating_sub(1)),
        inner.y,
    ))
}
