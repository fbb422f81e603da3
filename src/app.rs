//! Application state and the one place it changes: [`App::update`].

pub mod drilldown;
pub mod input;
pub mod list_state;
pub mod paging;
pub mod selection;

use std::time::SystemTime;

use crate::action::{Action, Command, Edit, Effect, FetchRequest, PageResult};
use crate::aws::{ErrorKind, FetchError};
use crate::keymap::Mode;
use crate::query::{Filters, GroupSummary, Query};
use crate::validate::{normalize_account_id, validate_region};
use drilldown::DrillDown;
use input::TextInput;
use paging::{Cursor, EndReason, Paging};
use selection::Selection;

/// The panes that take focus, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    AccountFilter,
    RegionFilter,
    GroupBy,
    List,
}

const TAB_ORDER: [Pane; 4] = [
    Pane::AccountFilter,
    Pane::RegionFilter,
    Pane::GroupBy,
    Pane::List,
];

/// Everything the screen shows.
#[derive(Debug)]
pub struct App {
    /// The region requests go to, for the status bar.
    pub region: String,
    /// "demo", the profile name, or "default".
    pub profile: String,
    pub query: Query,
    /// Increases with every new query; results of older generations are dropped.
    generation: u64,
    pub paging: Paging,
    pub selection: Selection,
    pub focus: Pane,
    pub account_input: TextInput,
    pub region_input: TextInput,
    /// The validation message for typed filters that were not applied.
    pub input_error: Option<String>,
    /// The latest failed request; paging waits for `r` while it is set.
    pub error: Option<FetchError>,
    /// A warning about how the list ended, such as a repeated next token.
    pub notice: Option<String>,
    pub last_fetch: Option<SystemTime>,
    pub show_help: bool,
    pub width: u16,
    pub height: u16,
    pub spinner_frame: usize,
    /// The SDK's attempt number while it retries the request in flight.
    pub retry_attempt: Option<u32>,
    /// Set by End: keep loading and keep the last row selected until the list ends.
    follow_bottom: bool,
    /// Whether this query already restarted after InvalidNextTokenException.
    restarted_on_invalid_token: bool,
    pub should_quit: bool,
    /// The packs of one group, shown in place of the summary while open.
    pub drilldown: Option<DrillDown>,
    /// Increases with every drill-down query; results of older ones are dropped.
    drill_generation: u64,
}

impl App {
    pub fn new(query: Query, region: String, profile: String, width: u16, height: u16) -> Self {
        let account = query.filters.account_id.clone().unwrap_or_default();
        let region_filter = query.filters.region.clone().unwrap_or_default();
        Self {
            region,
            profile,
            query,
            generation: 0,
            paging: Paging::default(),
            selection: Selection::default(),
            focus: Pane::List,
            account_input: TextInput::with_value(&account),
            region_input: TextInput::with_value(&region_filter),
            input_error: None,
            error: None,
            notice: None,
            last_fetch: None,
            show_help: false,
            width,
            height,
            spinner_frame: 0,
            retry_attempt: None,
            follow_bottom: false,
            restarted_on_invalid_token: false,
            should_quit: false,
            drilldown: None,
            drill_generation: 0,
        }
    }

    /// Requests the first page.
    pub fn start(&mut self) -> Vec<Effect> {
        self.maybe_fetch().into_iter().collect()
    }

    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Returns the key binding mode for the focused pane and open overlay.
    pub fn mode(&self) -> Mode {
        if self.show_help {
            Mode::Help
        } else if self.focused_input().is_some() {
            Mode::Editing
        } else if self.drilldown.is_some() {
            Mode::Packs
        } else {
            Mode::Browsing
        }
    }

    /// Whether something on screen animates, so the loop must send ticks.
    pub fn is_animating(&self) -> bool {
        let packs_in_flight = self
            .drilldown
            .as_ref()
            .is_some_and(|drill| drill.list.paging.is_in_flight());
        self.paging.is_in_flight() || packs_in_flight
    }

    /// The summary group under the selection, if any is loaded.
    pub fn selected_group(&self) -> Option<&GroupSummary> {
        self.paging.rows().get(self.selection.selected)
    }

    /// Rows of the list that fit on screen.
    pub fn viewport_rows(&self) -> usize {
        crate::ui::layout::list_rows(self.width, self.height)
    }

    /// Applies one action and returns the effects it requests.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        let effect = match action {
            Action::Command(command) => self.run(command),
            Action::Edit(edit) => self.edit(&edit),
            Action::Resize { width, height } => self.resize(width, height),
            Action::PageLoaded(result) => self.receive(result),
            Action::Retrying {
                generation,
                attempt,
            } => self.note_retry(generation, attempt),
            Action::Tick => self.tick(),
            Action::PacksLoaded(loaded) => self.receive_packs(loaded),
            Action::PacksRetrying {
                generation,
                attempt,
            } => self.note_packs_retry(generation, attempt),
        };
        effect.into_iter().collect()
    }

    fn run(&mut self, command: Command) -> Option<Effect> {
        if self.drilldown.is_some()
            && let Some(effect) = self.run_in_drilldown(command)
        {
            return effect;
        }
        match command {
            Command::Quit => self.quit(),
            Command::ToggleHelp => self.toggle_help(),
            Command::Up => self.move_by(-1),
            Command::Down => self.move_by(1),
            Command::PageUp => self.move_by(-(self.viewport_rows() as isize)),
            Command::PageDown => self.move_by(self.viewport_rows() as isize),
            Command::Top => self.move_to_top(),
            Command::Bottom => self.move_to_bottom(),
            Command::NextPane => self.cycle_focus(1),
            Command::PreviousPane => self.cycle_focus(TAB_ORDER.len() - 1),
            Command::EditFilter => self.focus_pane(Pane::AccountFilter),
            Command::Apply => self.apply(),
            Command::Cancel => self.cancel(),
            Command::ToggleGroupBy => self.toggle_group_by(),
            Command::Refresh => self.refresh(),
            Command::CycleCompliance => None,
        }
    }

    fn quit(&mut self) -> Option<Effect> {
        self.should_quit = true;
        Some(Effect::CancelFetch)
    }

    fn toggle_help(&mut self) -> Option<Effect> {
        self.show_help = !self.show_help;
        None
    }

    fn move_by(&mut self, delta: isize) -> Option<Effect> {
        self.follow_bottom = false;
        let len = self.paging.rows().len();
        self.selection.move_by(delta, len, self.viewport_rows());
        self.maybe_fetch()
    }

    fn move_to_top(&mut self) -> Option<Effect> {
        self.follow_bottom = false;
        self.selection = Selection::default();
        None
    }

    fn move_to_bottom(&mut self) -> Option<Effect> {
        self.follow_bottom = !self.paging.is_ended();
        self.select_last();
        self.maybe_fetch()
    }

    fn select_last(&mut self) {
        let len = self.paging.rows().len();
        self.selection
            .select(len.saturating_sub(1), len, self.viewport_rows());
    }

    fn cycle_focus(&mut self, step: usize) -> Option<Effect> {
        let index = TAB_ORDER.iter().position(|p| *p == self.focus).unwrap_or(0);
        self.focus = TAB_ORDER[(index + step) % TAB_ORDER.len()];
        None
    }

    fn focus_pane(&mut self, pane: Pane) -> Option<Effect> {
        self.focus = pane;
        None
    }

    fn focused_input(&self) -> Option<&TextInput> {
        match self.focus {
            Pane::AccountFilter => Some(&self.account_input),
            Pane::RegionFilter => Some(&self.region_input),
            Pane::GroupBy | Pane::List => None,
        }
    }

    fn edit(&mut self, edit: &Edit) -> Option<Effect> {
        let input = match self.focus {
            Pane::AccountFilter => &mut self.account_input,
            Pane::RegionFilter => &mut self.region_input,
            Pane::GroupBy | Pane::List => return None,
        };
        input.apply_edit(edit);
        self.input_error = None;
        None
    }

    fn apply(&mut self) -> Option<Effect> {
        match self.focus {
            Pane::AccountFilter | Pane::RegionFilter => self.apply_filters(),
            Pane::GroupBy => self.toggle_group_by(),
            Pane::List => self.open_drilldown(),
        }
    }

    /// Validates both filter inputs and, when both are valid, starts a new query.
    /// An invalid value stays in its input with a message, and nothing is requested.
    fn apply_filters(&mut self) -> Option<Effect> {
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

    fn parse_filters(&self) -> Result<Filters, String> {
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

    fn cancel(&mut self) -> Option<Effect> {
        if self.focused_input().is_some() {
            self.account_input.revert();
            self.region_input.revert();
            self.input_error = None;
            self.focus = Pane::List;
        }
        None
    }

    fn toggle_group_by(&mut self) -> Option<Effect> {
        self.query.group_by = self.query.group_by.toggled();
        self.restart()
    }

    /// Retries the failed page from the same token, or reloads from the first page.
    fn refresh(&mut self) -> Option<Effect> {
        if self.error.take().is_some() && !self.paging.is_ended() {
            return self.maybe_fetch();
        }
        self.restart()
    }

    /// Starts the current query again from the first page. Any request of the old
    /// query is aborted by the event loop, and its late result is dropped.
    fn restart(&mut self) -> Option<Effect> {
        self.generation += 1;
        self.paging = Paging::default();
        self.selection = Selection::default();
        self.error = None;
        self.notice = None;
        self.follow_bottom = false;
        self.restarted_on_invalid_token = false;
        self.retry_attempt = None;
        self.maybe_fetch().or(Some(Effect::CancelFetch))
    }

    fn resize(&mut self, width: u16, height: u16) -> Option<Effect> {
        self.width = width;
        self.height = height;
        self.selection.scroll_into_view(self.viewport_rows());
        self.maybe_fetch()
    }

    fn tick(&mut self) -> Option<Effect> {
        self.spinner_frame = self.spinner_frame.wrapping_add(1);
        None
    }

    fn note_retry(&mut self, generation: u64, attempt: u32) -> Option<Effect> {
        if generation == self.generation && self.paging.is_in_flight() {
            self.retry_attempt = Some(attempt);
        }
        None
    }

    fn receive(&mut self, result: PageResult) -> Option<Effect> {
        if result.generation != self.generation {
            return None;
        }
        self.retry_attempt = None;

        match result.result {
            Ok(page) => self.accept_page(page, result.received_at),
            Err(err) => self.accept_error(err),
        }
    }

    fn accept_page(&mut self, page: crate::query::Page, received_at: SystemTime) -> Option<Effect> {
        let outcome = self.paging.accept(page);
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

    fn accept_error(&mut self, err: FetchError) -> Option<Effect> {
        self.paging.fail();

        if err.kind == ErrorKind::InvalidNextToken && !self.restarted_on_invalid_token {
            let effect = self.restart();
            self.restarted_on_invalid_token = true;
            self.notice =
                Some("the service rejected the next token; reloaded from the first page".into());
            return effect;
        }

        self.error = Some(err);
        None
    }

    /// Requests the next page when the selection is within one screen of the last
    /// loaded row, which also covers rows that do not fill the screen.
    fn maybe_fetch(&mut self) -> Option<Effect> {
        let last_row = self.paging.rows().len().saturating_sub(1);
        let near_end = self.selection.selected + self.viewport_rows() >= last_row;
        if !near_end && !self.follow_bottom {
            return None;
        }
        self.request_next()
    }

    fn request_next(&mut self) -> Option<Effect> {
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

#[cfg(test)]
mod tests;
