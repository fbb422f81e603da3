//! The events the application reacts to: user commands, edits, IO results and the work
//! that `App::update` requests from the event loop.

use std::time::SystemTime;

use crate::aws::FetchError;
use crate::export::ExportRequest;
use crate::query::{AggregatorInfo, PackQuery, PackRow, Page, Query, RowPage, SourceRow};

/// A user intent bound to a key; the keymap and the help screen share this list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Quit,
    ToggleHelp,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    NextPane,
    PreviousPane,
    EditFilter,
    Apply,
    Cancel,
    ToggleGroupBy,
    Refresh,
    /// In the drill-down: cycle the compliance filter.
    CycleCompliance,
    /// Sort the summary by the next key: noncompliant, compliance ratio, name, none.
    CycleSort,
    /// Reverse the direction of the summary's sort.
    ReverseSort,
    /// Ask for a path and write the view's loaded rows to it.
    Export,
    /// Copy the selected group's or pack's name to the clipboard.
    Copy,
    /// Ask for a text and select the next loaded row whose name contains it.
    Find,
    /// Select the next row that matches the last find.
    FindNext,
    /// Select the previous row that matches the last find.
    FindPrevious,
    /// Show or hide the sources that failed or are outdated.
    ShowSources,
    /// Switch the timed background reload on or off.
    ToggleAutoRefresh,
}

/// An edit of the focused text input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    Insert(char),
    Paste(String),
    Backspace,
    Delete,
    Left,
    Right,
    Start,
    End,
    ClearToStart,
}

/// Everything `App::update` reacts to.
#[derive(Debug)]
pub enum Action {
    Command(Command),
    Edit(Edit),
    Resize {
        width: u16,
        height: u16,
    },
    PageLoaded(PageResult),
    /// The SDK is retrying the request in flight; `attempt` counts from 1.
    Retrying {
        generation: u64,
        attempt: u32,
    },
    Tick,
    PacksLoaded(Loaded<PackRow>),
    AggregatorsLoaded(Loaded<AggregatorInfo>),
    SourcesLoaded(Loaded<SourceRow>),
    /// The auto-refresh interval has passed.
    AutoRefreshDue,
    /// An export finished: the number of rows written, or what went wrong.
    Exported(Result<ExportDone, String>),
    /// The SDK is retrying the drill-down request in flight.
    PacksRetrying {
        generation: u64,
        attempt: u32,
    },
}

/// The outcome of one page request, tagged with the query generation that asked for it.
#[derive(Debug)]
pub struct PageResult {
    pub generation: u64,
    pub result: Result<Page, FetchError>,
    pub received_at: SystemTime,
}

/// The outcome of one page request of a list other than the summary, tagged with the
/// generation of that list.
#[derive(Debug)]
pub struct Loaded<T> {
    pub generation: u64,
    pub result: Result<RowPage<T>, FetchError>,
}

/// One page request of the aggregator picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AggregatorsRequest {
    pub generation: u64,
    pub next_token: Option<String>,
}

/// One page request of the failed and outdated sources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourcesRequest {
    pub generation: u64,
    pub aggregator: String,
    pub next_token: Option<String>,
}

/// A written export file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportDone {
    pub path: std::path::PathBuf,
    pub rows: usize,
    /// The row noun for `rows`, such as "groups".
    pub noun: &'static str,
}

/// One drill-down page request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PacksRequest {
    pub generation: u64,
    pub query: PackQuery,
    pub next_token: Option<String>,
}

/// One page request for the event loop to run in the background.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchRequest {
    pub generation: u64,
    pub query: Query,
    pub next_token: Option<String>,
}

/// Work that `App::update` requests and the event loop carries out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Start a page request, aborting any request of an older generation.
    Fetch(FetchRequest),
    /// Abort the request in flight, if any.
    CancelFetch,
    /// Start a drill-down page request, aborting any older drill-down request.
    FetchPacks(PacksRequest),
    /// Abort the drill-down request in flight, if any.
    CancelPacks,
    /// Start a page request of the aggregator picker.
    FetchAggregators(AggregatorsRequest),
    /// Start a page request of the failed and outdated sources.
    FetchSources(SourcesRequest),
    /// Write rows to a file on a blocking thread.
    Export(ExportRequest),
    /// Put text on the terminal's clipboard with OSC 52.
    Copy(String),
}
