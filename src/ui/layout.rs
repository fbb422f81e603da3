//! Screen geometry, shared by drawing and by the paging rule that needs the list height.

use ratatui::layout::{Constraint, Layout, Rect};

pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 12;

/// Height of the filter and group-by panes, borders included.
const TOP_HEIGHT: u16 = 3;
/// The list's two borders and its header row.
const LIST_CHROME: u16 = 3;
/// Width of the group-by pane.
const GROUP_BY_WIDTH: u16 = 26;

/// The area of each pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScreenLayout {
    pub filter: Rect,
    pub group_by: Rect,
    pub list: Rect,
    pub status: Rect,
    pub message: Rect,
}

impl ScreenLayout {
    /// Splits the screen, giving the message line `message_rows` rows, or returns `None`
    /// when the screen is below the minimum size.
    pub fn new(area: Rect, message_rows: u16) -> Option<Self> {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            return None;
        }

        let [top, list, status, message] = Layout::vertical([
            Constraint::Length(TOP_HEIGHT),
            Constraint::Min(0),
            Constraint::Length(1),
            Constraint::Length(message_rows),
        ])
        .areas(area);
        let [filter, group_by] =
            Layout::horizontal([Constraint::Min(0), Constraint::Length(GROUP_BY_WIDTH)]).areas(top);

        Some(Self {
            filter,
            group_by,
            list,
            status,
            message,
        })
    }
}

/// Rows of groups visible in the list at this terminal size (at least 1).
pub fn list_rows(width: u16, height: u16, message_rows: u16) -> usize {
    let area = Rect::new(0, 0, width, height);
    ScreenLayout::new(area, message_rows).map_or(1, |layout| {
        layout.list.height.saturating_sub(LIST_CHROME).max(1) as usize
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_rows_at_80x24() {
        assert_eq!(
            list_rows(80, 24, 1),
            16,
            "24 rows minus 3 top, 2 bottom, 3 list chrome"
        );
    }

    #[test]
    fn too_small_has_no_layout() {
        assert!(
            ScreenLayout::new(Rect::new(0, 0, 59, 24), 1).is_none(),
            "59 columns accepted"
        );
        assert!(
            ScreenLayout::new(Rect::new(0, 0, 80, 11), 1).is_none(),
            "11 rows accepted"
        );
        assert_eq!(list_rows(1, 1, 1), 1);
    }
}
