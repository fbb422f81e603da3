//! Focus and the filter inputs: typing, applying and dropping an edit.

use crate::action::{Edit, Effect};
use crate::query::Filters;
use crate::validate::{normalize_account_id, validate_region};

use super::input::TextInput;
use super::{App, Pane, TAB_ORDER};

impl App {
    pub(super) fn cycle_focus(&mut self, step: usize) -> Option<Effect> {
        let index = TAB_ORDER.iter().position(|p| *p == self.focus).unwrap_or(0);
        self.focus = TAB_ORDER[(index + step) % TAB_ORDER.len()];
        None
    }

    pub(super) fn focus_pane(&mut self, pane: Pane) -> Option<Effect> {
        self.focus = pane;
        None
    }

    pub(super) fn focused_input(&self) -> Option<&TextInput> {
        match self.focus {
            Pane::AccountFilter => Some(&self.account_input),
            Pane::RegionFilter => Some(&self.region_input),
            Pane::GroupBy | Pane::List => None,
        }
    }

    pub(super) fn edit(&mut self, edit: &Edit) -> Option<Effect> {
        if self.prompt.is_some() {
            return self.edit_prompt(edit);
        }
        let input = match self.focus {
            Pane::AccountFilter => &mut self.account_input,
            Pane::RegionFilter => &mut self.region_input,
            Pane::GroupBy | Pane::List => return None,
        };
        input.apply_edit(edit);
        self.input_error = None;
        None
    }

    pub(super) fn apply(&mut self) -> Option<Effect> {
        match self.focus {
            Pane::AccountFilter | Pane::RegionFilter => self.apply_filters(),
            Pane::GroupBy => self.toggle_group_by(),
            Pane::List => self.open_drilldown(),
        }
    }

    /// Validates both filter inputs and, when both are valid, starts a new query.
    /// An invalid value stays in its input with a message, and nothing is requested.
    pub(super) fn apply_filters(&mut self) -> Option<Effect> {
        let filters = match self.parse_filters() {
            Ok(filters) => filters,
            Err(message) => {
                self.input_error = Some(message);
                return None;
            }
        };

        self.account_input
            .set_applied(filters.account_id.as_deref().unwrap_or_default());
        self.region_input
            .set_applied(filters.region.as_deref().unwrap_or_default());
        self.input_error = None;
        self.focus = Pane::List;

        if filters == self.query.filters {
            return None;
        }
        self.query.filters = filters;
        self.restart()
    }

    pub(super) fn parse_filters(&self) -> Result<Filters, String> {
        let account = self.account_input.text().trim();
        let region = self.region_input.text().trim();

        let account_id = match account.is_empty() {
            true => None,
            false => Some(normalize_account_id(account)?),
        };
        let region = match region.is_empty() {
            true => None,
            false => Some(validate_region(region)?),
        };
        Ok(Filters { account_id, region })
    }

    pub(super) fn cancel(&mut self) -> Option<Effect> {
        if self.focused_input().is_some() {
            self.account_input.revert();
            self.region_input.revert();
            self.input_error = None;
            self.focus = Pane::List;
        }
        None
    }
}
