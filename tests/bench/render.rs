//! The cost of drawing one frame of the interactive view, by number of loaded groups.
//!
//! Each case fills an `App` through `App::update` with `Action::PageLoaded`, the way
//! the event loop does after End, then times `ui::render` into ratatui's TestBackend at
//! 120x40. Drawing builds only the rows on screen, so the cases should cost the same.
//!
//! `bash .ci/bench` runs this bench and reads criterion's estimates from
//! `$CRITERION_HOME/render/<groups>/new/estimates.json`.

use std::hint::black_box;
use std::time::SystemTime;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use packscope::action::{Action, Command, Effect, PageResult};
use packscope::app::App;
use packscope::query::{Filters, GroupBy, GroupSummary, Page, Query};
use packscope::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const WIDTH: u16 = 120;
const HEIGHT: u16 = 40;
/// The service's maximum page size, which packscope requests by default.
const PAGE_SIZE: usize = 100;
const GROUP_COUNTS: [usize; 2] = [100, 100_000];

fn query() -> Query {
    Query {
        aggregator: "org-conformance".into(),
        group_by: GroupBy::Account,
        filters: Filters::default(),
        page_size: PAGE_SIZE as u8,
    }
}

fn page(first: usize, count: usize, last: bool) -> Page {
    let groups = (first..first + count)
        .map(|i| GroupSummary {
            name: format!("{:012}", 100_000_000 + i * 7919),
            compliant: (i % 29) as u32 + 1,
            noncompliant: (i % 4) as u32,
        })
        .collect();
    Page {
        groups,
        next_token: (!last).then(|| format!("token-{first}")),
    }
}

/// Returns an app with `groups` groups loaded, End pressed and the list ended.
fn loaded_app(groups: usize) -> App {
    let mut app = App::new(query(), "us-east-1".into(), "bench".into(), WIDTH, HEIGHT);
    let mut pending = app.start();
    pending.extend(app.update(Action::Command(Command::Bottom)));

    let mut loaded = 0;
    while let Some(effect) = pending.pop() {
        // Effects other than summary pages, such as the source status request, are
        // not needed to draw the list.
        let Effect::Fetch(request) = effect else {
            continue;
        };
        let count = PAGE_SIZE.min(groups - loaded);
        let last = loaded + count == groups;
        let result = PageResult {
            generation: request.generation,
            result: Ok(page(loaded, count, last)),
            received_at: SystemTime::now(),
        };
        loaded += count;
        pending.extend(app.update(Action::PageLoaded(result)));
    }
    assert_eq!(app.paging.rows().len(), groups, "every page must load");
    assert!(app.paging.is_ended(), "the list must end");
    app
}

fn render_frame(c: &mut Criterion) {
    let theme = Theme::colored();
    let mut group = c.benchmark_group("render");
    for groups in GROUP_COUNTS {
        let app = loaded_app(groups);
        let backend = TestBackend::new(WIDTH, HEIGHT);
        let mut terminal = Terminal::new(backend).expect("a TestBackend terminal");
        group.bench_with_input(BenchmarkId::from_parameter(groups), &app, |b, app| {
            b.iter(|| {
                terminal
                    .draw(|frame| ui::render(frame, black_box(app), &theme))
                    .expect("drawing to a TestBackend");
            });
        });
    }
    group.finish();
}

criterion_group!(benches, render_frame);
criterion_main!(benches);
