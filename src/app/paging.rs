//! The paging cursor of one query: loaded rows, the next token, and the rule for
//! when the list has ended. The summary, the drill-down and the other lists share it.

use crate::query::{GroupSummary, Page};

/// How many empty pages that carry a NextToken are followed in a row before the list
/// is ended with a warning, so a misbehaving service cannot keep packscope looping.
pub const MAX_EMPTY_PAGES_IN_A_ROW: u32 = 50;

/// The source of the next page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cursor {
    /// No page requested yet.
    Start,
    /// The service returned this NextToken.
    Next(String),
    /// No more pages.
    End(EndReason),
}

/// The reason the list ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EndReason {
    /// The last page had no NextToken, or an empty one.
    Complete,
    /// The service returned the same NextToken it was sent.
    RepeatedToken,
    /// Too many empty pages with a NextToken in a row.
    TooManyEmptyPages,
}

/// The effect of a received page on the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageOutcome {
    pub added: usize,
    /// The page was empty but carried a NextToken, so the next one should follow now.
    pub follow_now: bool,
}

/// Loaded rows and paging cursor for one query.
#[derive(Debug, Clone)]
pub struct Paging<T = GroupSummary> {
    rows: Vec<T>,
    cursor: Cursor,
    /// The token of the request in flight (`Some(None)` for the first page).
    in_flight: Option<Option<String>>,
    pages_loaded: u32,
    empty_streak: u32,
}

impl<T> Default for Paging<T> {
    fn default() -> Self {
        Self {
            rows: Vec::new(),
            cursor: Cursor::Start,
            in_flight: None,
            pages_loaded: 0,
            empty_streak: 0,
        }
    }
}

impl Paging<GroupSummary> {
    /// Adds a received summary page; see [`Paging::accept_rows`].
    pub fn accept(&mut self, page: Page) -> PageOutcome {
        self.accept_rows(page.groups, page.next_token)
    }
}

impl<T> Paging<T> {
    pub fn rows(&self) -> &[T] {
        &self.rows
    }

    /// Returns the loaded groups, consuming the cursor.
    pub fn into_rows(self) -> Vec<T> {
        self.rows
    }

    pub fn cursor(&self) -> &Cursor {
        &self.cursor
    }

    pub fn is_in_flight(&self) -> bool {
        self.in_flight.is_some()
    }

    pub fn pages_loaded(&self) -> u32 {
        self.pages_loaded
    }

    /// Empty pages with a token followed in a row so far.
    pub fn empty_streak(&self) -> u32 {
        self.empty_streak
    }

    /// Returns whether every page has been loaded.
    pub fn is_ended(&self) -> bool {
        matches!(self.cursor, Cursor::End(_))
    }

    /// Marks the next page as requested and returns its token (`None` for the first
    /// page), or returns `None` when a request is already in flight or the list ended.
    pub fn start_request(&mut self) -> Option<Option<String>> {
        if self.in_flight.is_some() {
            return None;
        }

        let token = match &self.cursor {
            Cursor::Start => None,
            Cursor::Next(token) => Some(token.clone()),
            Cursor::End(_) => return None,
        };
        self.in_flight = Some(token.clone());
        Some(token)
    }

    /// Adds a received page of rows and moves the cursor. Stopping is decided by the
    /// token alone, never by an empty page.
    pub fn accept_rows(&mut self, rows: Vec<T>, next_token: Option<String>) -> PageOutcome {
        let sent = self.in_flight.take().flatten();
        let added = rows.len();
        self.rows.extend(rows);
        self.pages_loaded += 1;

        self.cursor = match next_token {
            None => Cursor::End(EndReason::Complete),
            Some(token) if token.is_empty() => Cursor::End(EndReason::Complete),
            Some(token) if sent.as_deref() == Some(token.as_str()) => {
                Cursor::End(EndReason::RepeatedToken)
            }
            Some(token) => Cursor::Next(token),
        };

        let more = matches!(self.cursor, Cursor::Next(_));
        if added > 0 || !more {
            self.empty_streak = 0;
            return PageOutcome {
                added,
                follow_now: false,
            };
        }

        self.empty_streak += 1;
        if self.empty_streak >= MAX_EMPTY_PAGES_IN_A_ROW {
            self.cursor = Cursor::End(EndReason::TooManyEmptyPages);
            return PageOutcome {
                added,
                follow_now: false,
            };
        }
        PageOutcome {
            added,
            follow_now: true,
        }
    }

    /// Clears the in-flight mark after a failed request, keeping the cursor so a retry
    /// requests the same page again.
    pub fn fail(&mut self) {
        self.in_flight = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(name: &str) -> GroupSummary {
        GroupSummary {
            name: name.into(),
            compliant: 1,
            noncompliant: 0,
        }
    }

    fn page(names: &[&str], token: Option<&str>) -> Page {
        Page {
            groups: names.iter().map(|n| group(n)).collect(),
            next_token: token.map(String::from),
        }
    }

    #[test]
    fn one_request_in_flight() {
        let mut paging: Paging = Paging::default();
        assert_eq!(
            paging.start_request(),
            Some(None),
            "first page has no token"
        );
        assert_eq!(
            paging.start_request(),
            None,
            "second request started while in flight"
        );
    }

    #[test]
    fn follows_token_then_ends() {
        let mut paging = Paging::default();
        paging.start_request();
        paging.accept(page(&["a"], Some("t1")));
        assert_eq!(paging.start_request(), Some(Some("t1".into())));
        paging.accept(page(&["b"], None));
        assert!(paging.is_ended(), "missing token should end the list");
        assert_eq!(paging.start_request(), None, "request after the end");
        assert_eq!(paging.rows().len(), 2);
    }

    #[test]
    fn empty_string_token_ends() {
        let mut paging = Paging::default();
        paging.start_request();
        paging.accept(page(&["a"], Some("")));
        assert_eq!(paging.cursor(), &Cursor::End(EndReason::Complete));
    }

    #[test]
    fn repeated_token_ends_with_reason() {
        let mut paging = Paging::default();
        paging.start_request();
        paging.accept(page(&["a"], Some("t1")));
        paging.start_request();
        paging.accept(page(&["b"], Some("t1")));
        assert_eq!(paging.cursor(), &Cursor::End(EndReason::RepeatedToken));
        assert_eq!(paging.rows().len(), 2, "rows of the repeated page are kept");
    }

    #[test]
    fn empty_page_with_token_is_followed() {
        let mut paging = Paging::default();
        paging.start_request();
        let outcome = paging.accept(page(&[], Some("t1")));
        assert!(
            outcome.follow_now,
            "empty page with a token must be followed"
        );
        assert!(!paging.is_ended(), "an empty page is not the end");
    }

    #[test]
    fn empty_pages_stop_at_bound() {
        let mut paging = Paging::default();
        for i in 0..MAX_EMPTY_PAGES_IN_A_ROW {
            assert!(paging.start_request().is_some(), "request {i} refused");
            paging.accept(page(&[], Some(&format!("t{i}"))));
        }
        assert_eq!(paging.cursor(), &Cursor::End(EndReason::TooManyEmptyPages));
    }

    #[test]
    fn failure_keeps_token_for_retry() {
        let mut paging = Paging::default();
        paging.start_request();
        paging.accept(page(&["a"], Some("t1")));
        paging.start_request();
        paging.fail();
        assert_eq!(
            paging.start_request(),
            Some(Some("t1".into())),
            "retry lost its token"
        );
    }
}
