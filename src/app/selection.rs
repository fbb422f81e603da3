//! The selected row and the first visible row of the list.

/// Selection and scroll offset, kept so the selected row is always visible.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Selection {
    pub selected: usize,
    /// Index of the first row on screen.
    pub offset: usize,
}

impl Selection {
    /// Moves by `delta` rows within `len` rows and scrolls to keep the row visible.
    pub fn move_by(&mut self, delta: isize, len: usize, viewport: usize) {
        if len == 0 {
            *self = Self::default();
            return;
        }

        let target = self.selected.saturating_add_signed(delta);
        self.selected = target.min(len - 1);
        self.scroll_into_view(viewport);
    }

    pub fn select(&mut self, index: usize, len: usize, viewport: usize) {
        self.selected = 0;
        self.move_by(index as isize, len, viewport);
    }

    /// Adjusts the offset so that the selected row lies inside a viewport of `rows`.
    pub fn scroll_into_view(&mut self, rows: usize) {
        let rows = rows.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + rows {
            self.offset = self.selected + 1 - rows;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_clamp_to_rows() {
        let mut selection = Selection::default();
        selection.move_by(-3, 10, 5);
        assert_eq!(selection.selected, 0);
        selection.move_by(100, 10, 5);
        assert_eq!(selection.selected, 9);
    }

    #[test]
    fn offset_follows_selection() {
        let mut selection = Selection::default();
        selection.move_by(7, 20, 5);
        assert_eq!(
            selection.offset, 3,
            "row 7 should be the last of five visible rows"
        );
        selection.move_by(-6, 20, 5);
        assert_eq!(selection.offset, 1, "row 1 should be the first visible row");
    }
}
