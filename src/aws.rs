//! AWS access: the aws-sdk-config client, one page request, and error classification.
//! Nothing here draws; the interactive view and the plain-text output both use it.

mod aggregators;
mod attempts;
mod client;
mod error;
mod fetch;
mod packs;
mod permission;
mod sources;

pub use aggregators::{fetch_aggregators_page, fetch_all_aggregators};
pub use attempts::RetryListener;
pub use client::{Connection, Source, Timing, connect};
pub use error::{ErrorKind, FetchError};
pub use fetch::{fetch_page, fetch_page_reporting_retries};
pub use packs::fetch_packs_page;
pub use sources::fetch_stale_sources_page;
