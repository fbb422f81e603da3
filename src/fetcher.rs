//! Runs page requests as background tasks and posts their results to the event loop.

use std::time::SystemTime;

use tokio::sync::mpsc::UnboundedSender;
use tokio::task::JoinHandle;

use std::sync::Arc;

use crate::action::{Action, Effect, FetchRequest, PageResult};
use crate::aws::{self, Source};

/// Owns the one request in flight; starting another aborts it.
pub struct Fetcher {
    source: Source,
    results: UnboundedSender<Action>,
    task: Option<JoinHandle<()>>,
}

impl Fetcher {
    pub fn new(source: Source, results: UnboundedSender<Action>) -> Self {
        Self {
            source,
            results,
            task: None,
        }
    }

    pub fn run_all(&mut self, effects: Vec<Effect>) {
        for effect in effects {
            self.run(effect);
        }
    }

    fn run(&mut self, effect: Effect) {
        match effect {
            Effect::Fetch(request) => self.start(request),
            Effect::CancelFetch => self.cancel(),
        }
    }

    /// Aborts the task in flight. The app allows one request per query, so any task
    /// still running here belongs to a replaced query.
    fn cancel(&mut self) {
        if let Some(task) = self.task.take() {
            task.abort();
        }
    }

    fn start(&mut self, request: FetchRequest) {
        self.cancel();

        let source = self.source.clone();
        let results = self.results.clone();
        self.task = Some(tokio::spawn(async move {
            let FetchRequest {
                generation,
                query,
                next_token,
            } = request;

            let retries = results.clone();
            let on_retry: aws::RetryListener = Arc::new(move |attempt| {
                let _ = retries.send(Action::Retrying {
                    generation,
                    attempt,
                });
            });
            let result =
                aws::fetch_page_reporting_retries(&source, &query, next_token, Some(on_retry))
                    .await;

            let _ = results.send(Action::PageLoaded(PageResult {
                generation,
                result,
                received_at: SystemTime::now(),
            }));
        }));
    }
}
