//! The text a list shows in place of rows: its error, that nothing matched, or that the
//! first page is loading.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::theme::Theme;
use crate::aws::FetchError;

/// The state of a list with no rows loaded.
pub struct EmptyList<'a> {
    pub error: Option<&'a FetchError>,
    pub ended: bool,
    pub notice: Option<&'a str>,
    /// The plural noun of the rows, such as "groups".
    pub noun: &'a str,
    /// The sentence for a list that ended with no rows and no warning.
    pub no_match: &'a str,
}

pub fn render(frame: &mut Frame, area: Rect, block: Block, list: &EmptyList, theme: &Theme) {
    let (text, style) = if let Some(err) = list.error {
        (format!("{err}"), theme.error)
    } else if list.ended {
        let text = match list.notice {
            Some(notice) => format!("No {} loaded: {notice}", list.noun),
            None => list.no_match.to_string(),
        };
        (text, theme.muted)
    } else {
        ("Loading the first page…".to_string(), theme.muted)
    };

    render_message(frame, area, block, text, style);
}

/// Draws `text` centred and wrapped inside `block`, in place of a list's rows.
pub fn render_message(frame: &mut Frame, area: Rect, block: Block, text: String, style: Style) {
    let message = Paragraph::new(text)
        .style(style)
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true })
        .block(block);
    frame.render_widget(message, area);
}
