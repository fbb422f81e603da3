//! Find: jump to the next loaded row whose name contains a text, ignoring case. It
//! searches only loaded rows and never requests a page.

use crate::action::Effect;
use crate::query::PackRow;

use super::App;
use super::flash::Flash;
use super::prompt::PromptKind;

impl App {
    pub(super) fn open_find(&mut self) -> Option<Effect> {
        self.open_prompt(PromptKind::Find)
    }

    /// Stores the typed text and jumps to its next match.
    pub(super) fn find_typed(&mut self, typed: &str) -> Result<Option<Effect>, String> {
        if typed.is_empty() {
            return Err("missing text: type part of a name to find".into());
        }
        self.find_text = Some(typed.to_lowercase());
        Ok(self.find_again(true))
    }

    /// Jumps to the next (`forward`) or previous match of the stored text, wrapping
    /// around the loaded rows.
    pub(super) fn find_again(&mut self, forward: bool) -> Option<Effect> {
        let Some(text) = self.find_text.clone() else {
            self.flash = Some(Flash::error("nothing to repeat: press f to find a name"));
            return None;
        };
        let (len, current) = self.find_bounds();
        let found = (1..=len)
            .map(|step| step_from(current, step, len, forward))
            .find(|&index| self.row_matches(index, &text));

        let Some(index) = found else {
            self.flash = Some(Flash::error(format!("no loaded row contains '{text}'")));
            return None;
        };
        let wrapped = if forward {
            index <= current
        } else {
            index >= current
        };
        if wrapped && index != current {
            self.flash = Some(Flash::info("search wrapped around the loaded rows"));
        }
        self.select_found(index)
    }

    /// Returns the number of rows in the view and the selected row.
    fn find_bounds(&self) -> (usize, usize) {
        match &self.drilldown {
            Some(drill) => (drill.list.rows().len(), drill.list.selection.selected),
            None => (self.view_len(), self.selection.selected),
        }
    }

    fn row_matches(&self, index: usize, text: &str) -> bool {
        match &self.drilldown {
            Some(drill) => drill
                .list
                .rows()
                .get(index)
                .is_some_and(|pack| pack_matches(pack, text)),
            None => self
                .row_in_view(index)
                .is_some_and(|group| group.name.to_lowercase().contains(text)),
        }
    }

    /// Selects row `index` of the view; the paging rule may then request a page.
    fn select_found(&mut self, index: usize) -> Option<Effect> {
        let viewport = self.viewport_rows();
        if self.drilldown.is_some() {
            return self.select_pack(index, viewport);
        }
        self.follow_bottom = false;
        let len = self.view_len();
        self.selection.select(index, len, viewport);
        self.maybe_fetch()
    }
}

/// Checks whether the pack's name, account ID or region contains `text`.
fn pack_matches(pack: &PackRow, text: &str) -> bool {
    [&pack.name, &pack.account_id, &pack.region]
        .iter()
        .any(|field| field.to_lowercase().contains(text))
}

/// Returns the row `step` rows after (or before) `current`, wrapping within `len` rows.
fn step_from(current: usize, step: usize, len: usize, forward: bool) -> usize {
    if forward {
        (current + step) % len
    } else {
        (current + len - step % len) % len
    }
}

#[cfg(test)]
mod tests;
