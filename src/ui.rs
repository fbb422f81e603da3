//! Drawing. Every function here reads the state and draws; none changes it.

mod date;
mod filter;
mod fit;
mod group_by;
mod help;
pub mod layout;
mod packs;
mod picker;
mod placeholder;
mod progress;
mod prompt;
mod sources;
mod status;
mod table;
pub mod theme;
mod totals;

use ratatui::Frame;
use ratatui::layout::Alignment;
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::App;
use layout::ScreenLayout;
use theme::Theme;

/// Rows of the list on screen for the app's terminal size and message.
pub fn list_rows(app: &App) -> usize {
    layout::list_rows(app.width, app.height, status::message_rows(app, app.width))
}

/// Draws the whole screen, or a "too small" message when the terminal cannot hold it.
pub fn render(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    let Some(layout) = ScreenLayout::new(area, status::message_rows(app, area.width)) else {
        render_too_small(frame, theme);
        return;
    };

    filter::render(frame, layout.filter, app, theme);
    group_by::render(frame, layout.group_by, app, theme);
    match (&app.picker, &app.drilldown) {
        (Some(picker), _) => picker::render(frame, layout.list, picker, app, theme),
        (None, Some(drill)) => packs::render(frame, layout.list, drill, app, theme),
        (None, None) => table::render(frame, layout.list, app, theme),
    }
    status::render(frame, layout.status, layout.message, app, theme);
    prompt::render(frame, layout.status, layout.message, app, theme);

    if app.loading_for_sort {
        progress::render(frame, layout.list, app, theme);
    }
    if app.show_sources {
        sources::render(frame, layout.list, app, theme);
    }

    if app.show_help {
        help::render(frame, area, app.help_scroll, theme);
    }
}

fn render_too_small(frame: &mut Frame, theme: &Theme) {
    let area = frame.area();
    let text = format!(
        "Terminal too small: {}x{}. packscope needs at least {}x{}.",
        area.width,
        area.height,
        layout::MIN_WIDTH,
        layout::MIN_HEIGHT
    );
    let message = Paragraph::new(text)
        .style(theme.warning)
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true });
    frame.render_widget(message, area);
}
