//! Runs an `App`'s effects against a real client, one request at a time, the way the
//! event loop would, until the app asks for nothing more.

use std::collections::VecDeque;
use std::time::SystemTime;

use packscope::action::{Action, Effect, Loaded, PageResult};
use packscope::app::App;
use packscope::aws::{self, Source};

/// The most requests one call sends, so a paging bug fails the test instead of hanging.
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
