//! Auto-refresh: the summary reloads in the background on a timer and replaces the
//! shown rows only once it has as many, keeping the selected group and its screen row.
//! It skips a turn while the user types in any input.

use std::time::{Duration, SystemTime};

use crate::action::{Effect, FetchRequest, PageResult};

use super::App;
use super::flash::Flash;
use super::paging::Paging;
use super::totals::GroupTotals;

/// The interval when auto-refresh is switched on without `--refresh`.
pub const DEFAULT_REFRESH: Duration = Duration::from_secs(60);

/// A reload of the summary that has not replaced the shown rows yet.
#[derive(Debug, Clone)]
pub struct PendingRefresh {
    generation: u64,
    paging: Paging,
    totals: GroupTotals,
    /// Rows to load before the swap: as many as are shown, or every row for a sort.
    target_rows: usize,
}

impl App {
    /// Switches auto-refresh on or off.
    pub(super) fn toggle_auto_refresh(&mut self) -> Option<Effect> {
        self.auto_refresh = !self.auto_refresh;
        let state = if self.auto_refresh { "on" } else { "off" };
        self.flash = Some(Flash::info(format!(
            "auto-refresh {state}, every {} s",
            self.refresh_interval.as_secs()
        )));
        None
    }

    /// Returns whether the event loop should send refresh ticks.
    pub fn is_auto_refresh_on(&self) -> bool {
        self.auto_refresh
    }

    /// Returns whether a background reload is under way.
    pub fn is_refreshing(&self) -> bool {
        self.pending_refresh.is_some()
    }

    /// Starts a background reload, unless the user is typing, the picker is open, the
    /// pages load for a sort, or a reload is already under way.
    pub(super) fn auto_refresh_due(&mut self) -> Option<Effect> {
        let typing = self.prompt.is_some() || self.focused_input().is_some();
        let busy = self.picker.is_some() || self.loading_for_sort || self.is_refreshing();
        if !self.auto_refresh || typing || busy {
            return None;
        }
        self.start_background_reload()
    }

    /// Reloads the summary from the first page in the background. The shown rows stay
    /// until the reload has as many, so a failed reload loses nothing.
    pub(super) fn start_background_reload(&mut self) -> Option<Effect> {
        // The new request replaces any summary request in flight, which the event loop
        // aborts, so the shown list must not wait for it.
        self.paging.fail();
        self.generation += 1;
        let target_rows = if self.sort.is_active() {
            usize::MAX
        } else {
            self.paging.rows().len().max(self.viewport_rows())
        };
        let mut paging = Paging::default();
        let next_token = paging.start_request()?;
        self.pending_refresh = Some(PendingRefresh {
            generation: self.generation,
            paging,
            totals: GroupTotals::default(),
            target_rows,
        });
        if let Some(sources) = self.start_sources() {
            self.queued.push(sources);
        }
        Some(Effect::Fetch(FetchRequest {
            generation: self.generation,
            query: self.query.clone(),
            next_token,
        }))
    }

    /// Returns whether `generation` belongs to the background reload.
    pub(super) fn is_refresh_result(&self, generation: u64) -> bool {
        self.pending_refresh
            .as_ref()
            .is_some_and(|pending| pending.generation == generation)
    }

    /// Adds a page to the background reload, and swaps it in once it has enough rows.
    /// A failure keeps the shown rows and shows the error.
    pub(super) fn receive_refresh(&mut self, result: PageResult) -> Option<Effect> {
        let page = match result.result {
            Ok(page) => page,
            Err(err) => {
                self.pending_refresh = None;
                self.flash = Some(Flash::error(format!(
                    "refresh failed, showing the earlier data: {err}"
                )));
                return None;
            }
        };
        let pending = self.pending_refresh.as_mut()?;
        pending.totals.add(&page.groups);
        pending.paging.accept(page);

        let enough = pending.paging.rows().len() >= pending.target_rows;
        if !enough && !pending.paging.is_ended() {
            let next_token = pending.paging.start_request()?;
            return Some(Effect::Fetch(FetchRequest {
                generation: pending.generation,
                query: self.query.clone(),
                next_token,
            }));
        }
        self.swap_in_refresh(result.received_at)
    }

    /// Replaces the shown rows with the reload, keeping the selected group on the same
    /// screen row when it is still there.
    fn swap_in_refresh(&mut self, received_at: SystemTime) -> Option<Effect> {
        let pending = self.pending_refresh.take()?;
        let selected = self.selected_group().map(|group| group.name.clone());
        let screen_row = self
            .selection
            .selected
            .saturating_sub(self.selection.offset);

        self.paging = pending.paging;
        self.totals = pending.totals;
        self.last_fetch = Some(received_at);
        self.error = None;
        self.order = if self.sort.is_active() {
            self.sort.order(self.paging.rows())
        } else {
            Vec::new()
        };

        let found = selected.is_some_and(|name| self.select_group_named(&name));
        let len = self.view_len();
        if !found {
            let index = self.selection.selected.min(len.saturating_sub(1));
            self.selection.select(index, len, self.viewport_rows());
        }
        self.selection.offset = self.selection.selected.saturating_sub(screen_row);
        self.selection.scroll_into_view(self.viewport_rows());
        self.maybe_fetch()
    }
}

#[cfg(test)]
mod tests;
