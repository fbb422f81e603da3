//! The summary rows in the order the list shows them: loaded order, or sorted.

use super::App;
use crate::query::GroupSummary;

impl App {
    /// Returns whether the sort covers only part of the groups.
    pub fn is_sort_partial(&self) -> bool {
        self.sort.is_active() && !self.paging.is_ended()
    }

    /// Returns the number of rows in the summary list.
    pub fn view_len(&self) -> usize {
        self.paging.rows().len()
    }

    /// Returns the summary group shown at row `index`, in sorted order when sorted.
    pub fn row_in_view(&self, index: usize) -> Option<&GroupSummary> {
        let rows = self.paging.rows();
        if self.order.len() != rows.len() {
            return rows.get(index);
        }
        rows.get(*self.order.get(index)?)
    }

    /// Returns the summary group under the selection, if any is loaded.
    pub fn selected_group(&self) -> Option<&GroupSummary> {
        self.row_in_view(self.selection.selected)
    }

    /// Selects the group named `name`, scrolling it into view; returns whether it is
    /// loaded.
    pub fn select_group_named(&mut self, name: &str) -> bool {
        let found = (0..self.view_len()).find(|&index| {
            self.row_in_view(index)
                .is_some_and(|group| group.name == name)
        });
        let Some(index) = found else {
            return false;
        };
        let (len, viewport) = (self.view_len(), self.viewport_rows());
        self.selection.select(index, len, viewport);
        true
    }
}
