//! The progress box shown while the remaining pages load for a sort. The service does
//! not say how many groups there are, so the bar sweeps instead of filling.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::theme::Theme;
use crate::app::App;
use crate::app::totals::with_separators;

/// Cells of the moving part of the bar.
const SWEEP_WIDTH: usize = 8;
const BOX_WIDTH: u16 = 60;
/// The bar, the counts and two borders.
const BOX_HEIGHT: u16 = 4;

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let [popup] = Layout::vertical([Constraint::Length(BOX_HEIGHT)])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::horizontal([Constraint::Length(BOX_WIDTH.min(area.width))])
        .flex(Flex::Center)
        .areas(popup);

    let label = app.sort.label().unwrap_or_default();
    let block = Block::bordered()
        .title(Span::styled(
            format!(" Sorting by {label}: loading every page "),
            theme.title,
        ))
        .title_bottom(Line::from(vec![
            Span::styled(" Esc", theme.key),
            Span::raw(" stops and sorts what is loaded "),
        ]))
        .border_style(theme.border_focused);
    let bar_width = usize::from(popup.width.saturating_sub(2));
    let pages = app.paging.pages_loaded();
    let groups = with_separators(app.paging.rows().len() as u64);
    let page_noun = if pages == 1 { "page" } else { "pages" };
    let lines = vec![
        sweep(bar_width, app.spinner_frame, theme),
        Line::from(format!("{pages} {page_noun}, {groups} groups loaded")),
    ];
    frame.render_widget(Clear, popup);
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}

/// Builds a bar of `width` cells with a block of `SWEEP_WIDTH` cells that moves each
/// frame.
fn sweep(width: usize, frame: usize, theme: &Theme) -> Line<'static> {
    if width == 0 {
        return Line::default();
    }
    let start = frame * 2 % width;
    let cells: String = (0..width)
        .map(|cell| {
            let inside = (cell + width - start) % width < SWEEP_WIDTH;
            if inside { '█' } else { '░' }
        })
        .collect();
    Line::from(Span::styled(cells, theme.compliant))
}
