//! Paging of the summary: requests, results, retries and restarts.

use std::time::SystemTime;

use crate::action::{Effect, FetchRequest, PageResult};
use crate::aws::{ErrorKind, FetchError};

use super::App;
use super::paging::{self, Cursor, EndReason, Paging};
use super::selection::Selection;
use super::totals::GroupTotals;

impl App {
    /// Retries the failed page from the same token, or reloads from the first page in
    /// the background, keeping the shown rows until the reload has as many.
    pub(super) fn refresh(&mut self) -> Option<Effect> {
        if self.error.take().is_some() && !self.paging.is_ended() {
            return self.maybe_fetch();
        }
        if self.is_refreshing() {
            return None;
        }
        let reload_in_place =
            !self.paging.rows().is_empty() && !self.loading_for_sort && self.picker.is_none();
        if reload_in_place {
            return self.start_background_reload();
        }
        self.restart()
    }

    /// Starts the current query again from the first page. Any request of the old
    /// query is aborted by the event loop, and its late result is dropped.
    pub(super) fn restart(&mut self) -> Option<Effect> {
        self.generation += 1;
        self.paging = Paging::default();
        self.totals = GroupTotals::default();
        self.selection = Selection::default();
        self.error = None;
        self.notice = None;
        self.follow_bottom = false;
        self.restarted_on_invalid_token = false;
        self.retry_attempt = None;
        self.pending_refresh = None;
        self.order.clear();
        self.loading_for_sort = self.sort.is_active();
        self.maybe_fetch().or(Some(Effect::CancelFetch))
    }

    pub(super) fn note_retry(&mut self, generation: u64, attempt: u32) -> Option<Effect> {
        if generation == self.generation && self.paging.is_in_flight() {
            self.retry_attempt = Some(attempt);
        }
        None
    }

    pub(super) fn receive(&mut self, result: PageResult) -> Option<Effect> {
        if self.is_refresh_result(result.generation) {
            return self.receive_refresh(result);
        }
        if result.generation != self.generation {
            return None;
        }
        self.retry_attempt = None;

        match result.result {
            Ok(page) => self.accept_page(page, result.received_at),
            Err(err) => self.accept_error(err),
        }
    }

    pub(super) fn accept_page(
        &mut self,
        page: crate::query::Page,
        received_at: SystemTime,
    ) -> Option<Effect> {
        self.totals.add(&page.groups);
        let selected = self.selected_group().map(|group| group.name.clone());
        let outcome = self.paging.accept(page);
        if !self.finish_loading_for_sort() {
            self.resort_keeping_selection(selected);
        }
        self.last_fetch = Some(received_at);
        self.error = None;
        self.notice = end_notice(self.paging.cursor());

        if self.follow_bottom {
            self.select_last();
            self.follow_bottom = !self.paging.is_ended();
        }
        if outcome.follow_now {
            return self.request_next();
        }
        self.maybe_fetch()
    }

    pub(super) fn accept_error(&mut self, err: FetchError) -> Option<Effect> {
        self.paging.fail();

        if err.kind == ErrorKind::InvalidNextToken && !self.restarted_on_invalid_token {
            // A pending End keeps loading after the restart.
            let follow_bottom = self.follow_bottom;
            let effect = self.restart();
            self.follow_bottom = follow_bottom;
            self.restarted_on_invalid_token = true;
            self.notice =
                Some("the service rejected the next token; reloaded from the first page".into());
            return effect;
        }

        self.error = Some(err);
        self.finish_loading_for_sort();
        None
    }

    /// Requests the next page when the selection is within one screen of the last
    /// loaded row, which also covers rows that do not fill the screen.
    pub(super) fn maybe_fetch(&mut self) -> Option<Effect> {
        let last_row = self.paging.rows().len().saturating_sub(1);
        let near_end = self.selection.selected + self.viewport_rows() >= last_row;
        if !near_end && !self.follow_bottom && !self.loading_for_sort {
            return None;
        }
        self.request_next()
    }

    pub(super) fn request_next(&mut self) -> Option<Effect> {
        // While a background reload runs, the shown list's cursor is out of date.
        if self.pending_refresh.is_some() {
            return None;
        }
        if self.error.is_some() {
            return None;
        }
        let next_token = self.paging.start_request()?;
        Some(Effect::Fetch(FetchRequest {
            generation: self.generation,
            query: self.query.clone(),
            next_token,
        }))
    }
}

fn end_notice(cursor: &Cursor) -> Option<String> {
    match cursor {
        Cursor::End(EndReason::RepeatedToken) => Some(
            "the service returned the same next token twice; the list may be incomplete, press r to reload"
                .into(),
        ),
        Cursor::End(EndReason::TooManyEmptyPages) => Some(format!(
            "stopped after {} empty pages in a row; press r to reload",
            paging::MAX_EMPTY_PAGES_IN_A_ROW
        )),
        _ => None,
    }
}
