//! A paged list with its own selection: the drill-down and the other lists that open
//! over the summary. The summary keeps its own fields on `App`.

use crate::aws::{ErrorKind, FetchError};
use crate::query::RowPage;

use super::paging::{Cursor, EndReason, MAX_EMPTY_PAGES_IN_A_ROW, Paging};
use super::selection::Selection;

/// The page a list requests after a change: `Some(token)` requests the page at `token`
/// (`None` for the first page).
pub type NextPage = Option<Option<String>>;

/// Loaded rows, selection and paging state of one list query.
#[derive(Debug, Clone)]
pub struct ListState<T> {
    pub paging: Paging<T>,
    pub selection: Selection,
    /// The latest failed request; paging waits for a retry while it is set.
    pub error: Option<FetchError>,
    /// A warning about how the list ended.
    pub notice: Option<String>,
    /// The SDK's attempt number while it retries the request in flight.
    pub retry_attempt: Option<u32>,
    generation: u64,
    /// Set by End: keep loading and keep the last row selected until the list ends.
    follow_bottom: bool,
    restarted_on_invalid_token: bool,
}

impl<T> ListState<T> {
    pub fn new(generation: u64) -> Self {
        Self {
            paging: Paging::default(),
            selection: Selection::default(),
            error: None,
            notice: None,
            retry_attempt: None,
            generation,
            follow_bottom: false,
            restarted_on_invalid_token: false,
        }
    }

    pub fn generation(&self) -> u64 {
        self.generation
    }

    pub fn rows(&self) -> &[T] {
        self.paging.rows()
    }

    /// Returns the selected row, if any is loaded.
    pub fn selected(&self) -> Option<&T> {
        self.rows().get(self.selection.selected)
    }

    /// Starts over from the first page under a new generation.
    pub fn restart(&mut self, generation: u64) -> NextPage {
        let restarted = self.restarted_on_invalid_token;
        *self = Self::new(generation);
        self.restarted_on_invalid_token = restarted;
        self.next_now()
    }

    pub fn move_by(&mut self, delta: isize, viewport: usize) -> NextPage {
        self.follow_bottom = false;
        let len = self.rows().len();
        self.selection.move_by(delta, len, viewport);
        self.next_if_near(viewport)
    }

    pub fn move_to_top(&mut self) {
        self.follow_bottom = false;
        self.selection = Selection::default();
    }

    /// Selects the last loaded row and keeps loading until the list ends.
    pub fn move_to_bottom(&mut self, viewport: usize) -> NextPage {
        self.follow_bottom = !self.paging.is_ended();
        self.select_last(viewport);
        self.next_if_near(viewport)
    }

    fn select_last(&mut self, viewport: usize) {
        let len = self.rows().len();
        self.selection.select(len.saturating_sub(1), len, viewport);
    }

    /// Asks for the next page when the selection is within one screen of the last
    /// loaded row, the same rule as the summary.
    pub fn next_if_near(&mut self, viewport: usize) -> NextPage {
        let last_row = self.rows().len().saturating_sub(1);
        let near_end = self.selection.selected + viewport >= last_row;
        if !near_end && !self.follow_bottom {
            return None;
        }
        self.next_now()
    }

    /// Asks for the next page unless a failure waits for a retry.
    pub fn next_now(&mut self) -> NextPage {
        if self.error.is_some() {
            return None;
        }
        self.paging.start_request()
    }

    /// Adds a received page and requests the next one if it is due.
    pub fn accept(&mut self, page: RowPage<T>, viewport: usize) -> NextPage {
        self.retry_attempt = None;
        let outcome = self.paging.accept_rows(page.rows, page.next_token);
        self.error = None;
        self.notice = end_notice(self.paging.cursor());

        if self.follow_bottom {
            self.select_last(viewport);
            self.follow_bottom = !self.paging.is_ended();
        }
        if outcome.follow_now {
            return self.next_now();
        }
        self.next_if_near(viewport)
    }

    /// Records a failed request. A first rejected next token restarts the list from the
    /// first page (under `generation`); any other failure waits for a retry.
    pub fn fail(&mut self, err: FetchError, generation: u64) -> NextPage {
        self.retry_attempt = None;
        self.paging.fail();
        if err.kind == ErrorKind::InvalidNextToken && !self.restarted_on_invalid_token {
            self.restarted_on_invalid_token = true;
            // A pending End keeps loading after the restart.
            let follow_bottom = self.follow_bottom;
            let next = self.restart(generation);
            self.follow_bottom = follow_bottom;
            self.notice =
                Some("the service rejected the next token; reloaded from the first page".into());
            return next;
        }
        self.error = Some(err);
        None
    }

    /// Retries the failed page, or returns `None` when nothing failed.
    pub fn retry(&mut self) -> Option<NextPage> {
        self.error.take()?;
        Some(self.next_now())
    }

    /// Records a retry of the request in flight.
    pub fn note_retry(&mut self, attempt: u32) {
        if self.paging.is_in_flight() {
            self.retry_attempt = Some(attempt);
        }
    }
}

fn end_notice(cursor: &Cursor) -> Option<String> {
    match cursor {
        Cursor::End(EndReason::RepeatedToken) => Some(
            "the service returned the same next token twice; the list may be incomplete, press r to reload"
                .into(),
        ),
        Cursor::End(EndReason::TooManyEmptyPages) => Some(format!(
            "stopped after {MAX_EMPTY_PAGES_IN_A_ROW} empty pages in a row; press r to reload"
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(range: std::ops::Range<u32>, token: Option<&str>) -> RowPage<u32> {
        RowPage {
            rows: range.collect(),
            next_token: token.map(String::from),
        }
    }

    fn error(kind: ErrorKind) -> FetchError {
        FetchError {
            kind,
            code: None,
            message: "boom".into(),
            hint: String::new(),
        }
    }

    #[test]
    fn short_page_asks_for_more() {
        let mut list = ListState::new(0);
        assert_eq!(list.next_now(), Some(None), "first page has no token");
        let next = list.accept(page(0..5, Some("t1")), 16);
        assert_eq!(next, Some(Some("t1".into())), "five rows do not fill 16");
    }

    #[test]
    fn full_page_waits_for_scrolling() {
        let mut list = ListState::new(0);
        list.next_now();
        assert_eq!(list.accept(page(0..100, Some("t1")), 16), None);
        assert_eq!(list.move_by(83, 16), Some(Some("t1".into())));
    }

    #[test]
    fn failure_waits_for_retry() {
        let mut list = ListState::new(0);
        list.next_now();
        list.accept(page(0..3, Some("t1")), 16);
        assert_eq!(list.fail(error(ErrorKind::Throttled), 1), None);
        assert_eq!(list.move_by(1, 16), None, "paged on after a failure");
        assert_eq!(list.retry(), Some(Some(Some("t1".into()))));
    }

    #[test]
    fn invalid_token_restarts_once() {
        let mut list = ListState::new(0);
        list.next_now();
        list.accept(page(0..3, Some("t1")), 16);
        list.next_now();
        assert_eq!(list.fail(error(ErrorKind::InvalidNextToken), 1), Some(None));
        assert_eq!(list.generation(), 1, "the restart needs a new generation");
        list.accept(page(0..3, Some("t1")), 16);
        list.next_now();
        assert_eq!(list.fail(error(ErrorKind::InvalidNextToken), 2), None);
        assert!(list.error.is_some(), "the second failure should be shown");
    }

    #[test]
    fn bottom_follows_every_page() {
        let mut list = ListState::new(0);
        list.next_now();
        list.accept(page(0..100, Some("t1")), 16);
        assert!(list.move_to_bottom(16).is_some(), "End should load more");
        list.accept(page(100..150, None), 16);
        assert_eq!(list.selection.selected, 149, "End keeps the last row");
    }
}
