//! Sorting the summary by noncompliant count, compliance ratio or name. A sort needs
//! every group, so choosing one loads the remaining pages first. Esc stops that and
//! sorts what is loaded, marked partial.

use std::cmp::Ordering;

use crate::action::Effect;
use crate::query::GroupSummary;

use super::App;

/// The key the summary is sorted by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortKey {
    /// The order the service returned.
    #[default]
    Loaded,
    Noncompliant,
    /// The compliant share of scored packs.
    Ratio,
    Name,
}

/// A sort key and its direction.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

impl Sort {
    /// Returns the next key in the cycle, in the direction that puts the worst groups
    /// first.
    pub fn next_key(self) -> Self {
        let (key, descending) = match self.key {
            SortKey::Loaded => (SortKey::Noncompliant, true),
            SortKey::Noncompliant => (SortKey::Ratio, false),
            SortKey::Ratio => (SortKey::Name, false),
            SortKey::Name => (SortKey::Loaded, false),
        };
        Self { key, descending }
    }

    pub fn reversed(self) -> Self {
        Self {
            descending: !self.descending,
            ..self
        }
    }

    pub fn is_active(self) -> bool {
        self.key != SortKey::Loaded
    }

    /// "noncompliant ↓", or `None` in loaded order.
    pub fn label(self) -> Option<String> {
        let name = match self.key {
            SortKey::Loaded => return None,
            SortKey::Noncompliant => "noncompliant",
            SortKey::Ratio => "compliance",
            SortKey::Name => "name",
        };
        let arrow = if self.descending { "↓" } else { "↑" };
        Some(format!("{name} {arrow}"))
    }

    /// Returns the indices of `rows` in sorted order. Ties go by name, ascending.
    pub fn order(self, rows: &[GroupSummary]) -> Vec<usize> {
        let mut order: Vec<usize> = (0..rows.len()).collect();
        if !self.is_active() {
            return order;
        }
        order.sort_by(|&a, &b| self.compare(&rows[a], &rows[b]));
        order
    }

    fn compare(self, a: &GroupSummary, b: &GroupSummary) -> Ordering {
        if let Some(unscored) = unscored_last(self.key, a, b) {
            return unscored.then_with(|| a.name.cmp(&b.name));
        }
        let primary = match self.key {
            SortKey::Loaded => Ordering::Equal,
            SortKey::Noncompliant => a.noncompliant.cmp(&b.noncompliant),
            SortKey::Ratio => compare_ratio(a, b),
            SortKey::Name => a.name.cmp(&b.name),
        };
        let primary = if self.descending {
            primary.reverse()
        } else {
            primary
        };
        primary.then_with(|| a.name.cmp(&b.name))
    }
}

/// Orders a ratio sort when either group has no scored pack: such groups come after
/// every ratio in both directions, so they never look like the worst or the best.
/// Returns `None` when both have a ratio.
fn unscored_last(key: SortKey, a: &GroupSummary, b: &GroupSummary) -> Option<Ordering> {
    if key != SortKey::Ratio {
        return None;
    }
    match (a.compliance_percent(), b.compliance_percent()) {
        (Some(_), Some(_)) => None,
        (Some(_), None) => Some(Ordering::Less),
        (None, Some(_)) => Some(Ordering::Greater),
        (None, None) => Some(Ordering::Equal),
    }
}

fn compare_ratio(a: &GroupSummary, b: &GroupSummary) -> Ordering {
    let percent = |group: &GroupSummary| group.compliance_percent().unwrap_or(f64::NAN);
    percent(a).total_cmp(&percent(b))
}

impl App {
    pub(super) fn cycle_sort(&mut self) -> Option<Effect> {
        self.sort = self.sort.next_key();
        self.start_sort()
    }

    pub(super) fn reverse_sort(&mut self) -> Option<Effect> {
        if !self.sort.is_active() {
            return None;
        }
        self.sort = self.sort.reversed();
        self.start_sort()
    }

    /// Sorts now when every page is loaded, or starts loading the rest first.
    pub(super) fn start_sort(&mut self) -> Option<Effect> {
        if !self.sort.is_active() {
            self.order.clear();
            return None;
        }
        if self.paging.is_ended() || self.error.is_some() {
            self.sort_loaded();
            return None;
        }
        self.loading_for_sort = true;
        self.request_next()
    }

    /// Stops loading for a sort, keeping what was loaded, and sorts it.
    pub(super) fn stop_loading_for_sort(&mut self) -> Option<Effect> {
        self.loading_for_sort = false;
        self.paging.fail();
        self.sort_loaded();
        Some(Effect::CancelFetch)
    }

    /// Finishes a sort whose pages were loading, once the list ended or failed, and
    /// returns whether it did.
    pub(super) fn finish_loading_for_sort(&mut self) -> bool {
        let done = self.paging.is_ended() || self.error.is_some();
        if !self.loading_for_sort || !done {
            return false;
        }
        self.loading_for_sort = false;
        self.sort_loaded();
        true
    }

    /// Sorts the loaded groups and selects the first.
    fn sort_loaded(&mut self) {
        self.order = self.sort.order(self.paging.rows());
        self.selection = super::selection::Selection::default();
    }

    /// Sorts again after more groups arrived, keeping `selected` (the group that was
    /// selected before they arrived) selected.
    pub(super) fn resort_keeping_selection(&mut self, selected: Option<String>) {
        if !self.sort.is_active() || self.loading_for_sort {
            return;
        }
        self.order = self.sort.order(self.paging.rows());
        if let Some(name) = selected {
            self.select_group_named(&name);
        }
    }
}

#[cfg(test)]
mod tests;
