//! Application state and the one place it changes: [`App::update`].

mod auto_refresh;
mod commands;
pub mod drilldown;
mod export;
mod filters;
mod find;
pub mod flash;
pub mod input;
pub mod list_state;
pub mod paging;
pub mod picker;
pub mod prompt;
pub mod selection;
pub mod sort;
pub mod sources;
mod summary_paging;
pub mod totals;
mod view;

use std::time::{Duration, SystemTime};

use crate::action::{Action, Effect};
use crate::aws::FetchError;
use crate::keymap::Mode;
use crate::query::Query;
use auto_refresh::PendingRefresh;
use drilldown::DrillDown;
use flash::Flash;
use input::TextInput;
use paging::Paging;
use picker::Picker;
use prompt::Prompt;
use selection::Selection;
use sort::Sort;
use sources::Sources;
use totals::GroupTotals;

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
    /// Totals of the loaded summary groups.
    pub totals: GroupTotals,
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
    /// Lines the help overlay is scrolled down by.
    pub help_scroll: u16,
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
    pub sort: Sort,
    /// Indices into the loaded groups in sorted order; empty in loaded order.
    order: Vec<usize>,
    /// Set while the remaining pages load for a sort; Esc stops it.
    pub loading_for_sort: bool,
    /// The export or find prompt, while open.
    pub prompt: Option<Prompt>,
    /// The outcome of the last export or copy, until the next command.
    pub flash: Option<Flash>,
    /// The last text searched for, in lowercase, for `n` and `N`.
    pub find_text: Option<String>,
    /// The aggregator picker, open until an aggregator is chosen.
    pub picker: Option<Picker>,
    picker_generation: u64,
    /// The failed and outdated sources, once the summary started.
    pub sources: Option<Sources>,
    sources_generation: u64,
    /// Whether the source view is open.
    pub show_sources: bool,
    /// Effects that a command requests besides its main one, returned after it.
    queued: Vec<Effect>,
    /// Whether the summary reloads on a timer.
    auto_refresh: bool,
    /// The time between background reloads.
    pub refresh_interval: Duration,
    pending_refresh: Option<PendingRefresh>,
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
            totals: GroupTotals::default(),
            selection: Selection::default(),
            focus: Pane::List,
            account_input: TextInput::with_value(&account),
            region_input: TextInput::with_value(&region_filter),
            input_error: None,
            error: None,
            notice: None,
            last_fetch: None,
            show_help: false,
            help_scroll: 0,
            width,
            height,
            spinner_frame: 0,
            retry_attempt: None,
            follow_bottom: false,
            restarted_on_invalid_token: false,
            should_quit: false,
            drilldown: None,
            drill_generation: 0,
            sort: Sort::default(),
            order: Vec::new(),
            loading_for_sort: false,
            prompt: None,
            flash: None,
            find_text: None,
            picker: None,
            picker_generation: 0,
            sources: None,
            sources_generation: 0,
            show_sources: false,
            queued: Vec::new(),
            auto_refresh: false,
            refresh_interval: auto_refresh::DEFAULT_REFRESH,
            pending_refresh: None,
        }
    }

    /// Switches auto-refresh on with a reload every `interval`.
    pub fn set_auto_refresh(&mut self, interval: Duration) {
        self.auto_refresh = true;
        self.refresh_interval = interval;
    }

    /// Requests the first page, of the aggregators while the picker is open.
    pub fn start(&mut self) -> Vec<Effect> {
        if self.picker.is_some() {
            return self.start_picker().into_iter().collect();
        }
        let summary = self.maybe_fetch();
        let sources = self.start_sources();
        summary.into_iter().chain(sources).collect()
    }

    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Returns the key binding mode for the focused pane and open overlay.
    pub fn mode(&self) -> Mode {
        if self.show_help {
            Mode::Help
        } else if self.prompt.is_some() || self.focused_input().is_some() {
            Mode::Editing
        } else if self.picker.is_some() {
            Mode::Picker
        } else if self.show_sources {
            Mode::Sources
        } else if self.loading_for_sort {
            Mode::Loading
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

    /// Rows of the list that fit on screen.
    pub fn viewport_rows(&self) -> usize {
        crate::ui::list_rows(self)
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
            Action::Exported(outcome) => self.receive_export(outcome),
            Action::AggregatorsLoaded(loaded) => self.receive_aggregators(loaded),
            Action::SourcesLoaded(loaded) => self.receive_sources(loaded),
            Action::AutoRefreshDue => self.auto_refresh_due(),
            Action::PacksRetrying {
                generation,
                attempt,
            } => self.note_packs_retry(generation, attempt),
        };
        let mut effects: Vec<Effect> = effect.into_iter().collect();
        effects.append(&mut self.queued);
        effects
    }
}

#[cfg(test)]
mod tests;
