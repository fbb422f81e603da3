//! Runs page requests as background tasks and posts their results to the event loop.

use std::collections::HashMap;
use std::future::Future;
use std::sync::Arc;
use std::time::SystemTime;

use tokio::sync::mpsc::UnboundedSender;
use tokio::task::JoinHandle;

use crate::action::{
    Action, AggregatorsRequest, Effect, ExportDone, FetchRequest, Loaded, PacksRequest, PageResult,
    SourcesRequest,
};
use crate::aws::{self, Source};
use crate::export::{self, ExportRequest};

/// A list whose requests run one at a time; a new request in a lane aborts the old.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Lane {
    Summary,
    Packs,
    Aggregators,
    Sources,
}

/// Owns the request in flight of each lane.
pub struct Fetcher {
    source: Source,
    results: UnboundedSender<Action>,
    tasks: HashMap<Lane, JoinHandle<()>>,
}

impl Fetcher {
    pub fn new(source: Source, results: UnboundedSender<Action>) -> Self {
        Self {
            source,
            results,
            tasks: HashMap::new(),
        }
    }

    pub fn run_all(&mut self, effects: Vec<Effect>) {
        for effect in effects {
            self.run(effect);
        }
    }

    fn run(&mut self, effect: Effect) {
        match effect {
            Effect::Fetch(request) => self.fetch_summary(request),
            Effect::CancelFetch => self.cancel(Lane::Summary),
            Effect::FetchPacks(request) => self.fetch_packs(request),
            Effect::CancelPacks => self.cancel(Lane::Packs),
            Effect::FetchAggregators(request) => self.fetch_aggregators(request),
            Effect::FetchSources(request) => self.fetch_sources(request),
            Effect::Export(request) => self.export(request),
            // The event loop writes copies to the terminal itself.
            Effect::Copy(_) => {}
        }
    }

    /// Aborts the task in flight in `lane`. The app allows one request per query, so
    /// any task still running there belongs to a replaced query.
    fn cancel(&mut self, lane: Lane) {
        if let Some(task) = self.tasks.remove(&lane) {
            task.abort();
        }
    }

    fn spawn(&mut self, lane: Lane, task: impl Future<Output = ()> + Send + 'static) {
        self.cancel(lane);
        self.tasks.insert(lane, tokio::spawn(task));
    }

    /// Writes an export file on a blocking thread; an export is never aborted.
    fn export(&mut self, request: ExportRequest) {
        let results = self.results.clone();
        tokio::task::spawn_blocking(move || {
            let outcome = export::write(&request).map(|rows| ExportDone {
                noun: request.table.noun(rows),
                path: request.path.clone(),
                rows,
            });
            let _ = results.send(Action::Exported(outcome));
        });
    }

    fn fetch_summary(&mut self, request: FetchRequest) {
        let source = self.source.clone();
        let results = self.results.clone();
        self.spawn(Lane::Summary, async move {
            let FetchRequest {
                generation,
                query,
                next_token,
            } = request;

            let on_retry = retry_listener(&results, move |attempt| Action::Retrying {
                generation,
                attempt,
            });
            let result =
                aws::fetch_page_reporting_retries(&source, &query, next_token, Some(on_retry))
                    .await;

            let _ = results.send(Action::PageLoaded(PageResult {
                generation,
                result,
                received_at: SystemTime::now(),
            }));
        });
    }

    fn fetch_aggregators(&mut self, request: AggregatorsRequest) {
        let source = self.source.clone();
        let results = self.results.clone();
        self.spawn(Lane::Aggregators, async move {
            let AggregatorsRequest {
                generation,
                next_token,
            } = request;
            let result = aws::fetch_aggregators_page(&source, next_token, None).await;
            let _ = results.send(Action::AggregatorsLoaded(Loaded { generation, result }));
        });
    }

    fn fetch_sources(&mut self, request: SourcesRequest) {
        let source = self.source.clone();
        let results = self.results.clone();
        self.spawn(Lane::Sources, async move {
            let SourcesRequest {
                generation,
                aggregator,
                next_token,
            } = request;
            let result =
                aws::fetch_stale_sources_page(&source, &aggregator, next_token, None).await;
            let _ = results.send(Action::SourcesLoaded(Loaded { generation, result }));
        });
    }

    fn fetch_packs(&mut self, request: PacksRequest) {
        let source = self.source.clone();
        let results = self.results.clone();
        self.spawn(Lane::Packs, async move {
            let PacksRequest {
                generation,
                query,
                next_token,
            } = request;

            let on_retry = retry_listener(&results, move |attempt| Action::PacksRetrying {
                generation,
                attempt,
            });
            let result = aws::fetch_packs_page(&source, &query, next_token, Some(on_retry)).await;
            let _ = results.send(Action::PacksLoaded(Loaded { generation, result }));
        });
    }
}

/// Builds a listener that posts the action `retrying` makes for each SDK retry.
fn retry_listener(
    results: &UnboundedSender<Action>,
    retrying: impl Fn(u32) -> Action + Send + Sync + 'static,
) -> aws::RetryListener {
    let results = results.clone();
    Arc::new(move |attempt| {
        let _ = results.send(retrying(attempt));
    })
}
