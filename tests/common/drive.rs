//! Runs an `App`'s effects through the real SDK, one request at a time, the way the
//! event loop does, so tests can follow a whole paging run.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use packscope::action::{Action, Command, Effect, Loaded, PageResult};
use packscope::app::App;
use packscope::aws::{self, Source};
use packscope::query::Query;

/// Runs effects, and the effects their results cause, until none is left. Returns the
/// number of page requests made and the retry attempts the SDK reported.
pub async fn run_effects(
    app: &mut App,
    source: &Source,
    effects: Vec<Effect>,
) -> (usize, Vec<u32>) {
    let mut queue = effects;
    let mut requests = 0;
    let retries = Arc::new(Mutex::new(Vec::new()));

    while let Some(effect) = queue.pop() {
        let Effect::Fetch(request) = effect else {
            continue;
        };
        requests += 1;
        let seen = Arc::clone(&retries);
        let listener: aws::RetryListener = Arc::new(move |attempt| {
            seen.lock().expect("retry log").push(attempt);
        });
        let result = aws::fetch_page_reporting_retries(
            source,
            &request.query,
            request.next_token,
            Some(listener),
        )
        .await;
        queue.extend(app.update(Action::PageLoaded(PageResult {
            generation: request.generation,
            result,
            received_at: SystemTime::now(),
        })));
    }

    let retries = retries.lock().expect("retry log").clone();
    (requests, retries)
}

/// Starts the app's query and presses End, which loads pages until the list ends or a
/// request fails.
pub async fn load_all(app: &mut App, source: &Source) -> (usize, Vec<u32>) {
    let mut effects = app.start();
    effects.extend(app.update(Action::Command(Command::Bottom)));
    run_effects(app, source, effects).await
}

/// Presses a key command and runs what it causes.
pub async fn press(app: &mut App, source: &Source, command: Command) -> (usize, Vec<u32>) {
    let effects = app.update(Action::Command(command));
    run_effects(app, source, effects).await
}

pub fn new_app(query: Query) -> App {
    App::new(query, "us-east-1".into(), "demo".into(), 80, 24)
}

/// The maximum number of requests one call sends, so a paging bug fails the test
/// instead of hanging.
const MAX_REQUESTS: usize = 5_000;

/// Carries out `effects` and every effect their results cause; returns the number of
/// requests sent.
pub async fn settle(app: &mut App, source: &Source, effects: Vec<Effect>) -> usize {
    let mut queue: VecDeque<Effect> = effects.into();
    let mut requests = 0;
    while let Some(effect) = queue.pop_front() {
        assert!(requests < MAX_REQUESTS, "more than {MAX_REQUESTS} requests");
        let Some(action) = perform(source, effect).await else {
            continue;
        };
        requests += 1;
        queue.extend(app.update(action));
    }
    requests
}

/// Sends the request an effect names and returns its result as an action.
pub async fn perform(source: &Source, effect: Effect) -> Option<Action> {
    match effect {
        Effect::Fetch(request) => {
            let result = aws::fetch_page(source, &request.query, request.next_token).await;
            Some(Action::PageLoaded(PageResult {
                generation: request.generation,
                result,
                received_at: SystemTime::now(),
            }))
        }
        Effect::FetchSources(request) => {
            let result = aws::fetch_stale_sources_page(
                source,
                &request.aggregator,
                request.next_token,
                None,
            )
            .await;
            Some(Action::SourcesLoaded(Loaded {
                generation: request.generation,
                result,
            }))
        }
        Effect::FetchAggregators(request) => {
            let result = aws::fetch_aggregators_page(source, request.next_token, None).await;
            Some(Action::AggregatorsLoaded(Loaded {
                generation: request.generation,
                result,
            }))
        }
        Effect::FetchPacks(request) => {
            let result =
                aws::fetch_packs_page(source, &request.query, request.next_token, None).await;
            Some(Action::PacksLoaded(Loaded {
                generation: request.generation,
                result,
            }))
        }
        _ => None,
    }
}
