//! Data freshness: the aggregator's sources that failed or are outdated, loaded in the
//! background when the summary starts, and a view that lists them.

use crate::action::{Command, Effect, Loaded, SourcesRequest};
use crate::query::{SourceRow, SourceUpdateStatus};

use super::App;
use super::list_state::{ListState, NextPage};

/// The failed and outdated sources of the aggregator.
#[derive(Debug, Clone)]
pub struct Sources {
    pub list: ListState<SourceRow>,
    pub failed: usize,
    pub outdated: usize,
}

impl App {
    /// Lists the failed and outdated sources again, from the first page.
    pub(super) fn start_sources(&mut self) -> Option<Effect> {
        self.sources_generation += 1;
        self.sources = Some(Sources {
            list: ListState::new(self.sources_generation),
            failed: 0,
            outdated: 0,
        });
        self.sources_next(|list, _| list.next_now())
    }

    /// Adds a page of sources and requests the next at once, because the warning
    /// counts every page.
    pub(super) fn receive_sources(&mut self, loaded: Loaded<SourceRow>) -> Option<Effect> {
        let current = self.sources.as_ref()?.list.generation();
        if loaded.generation != current {
            return None;
        }
        self.sources_generation += 1;
        let generation = self.sources_generation;
        match loaded.result {
            Ok(page) => {
                self.count_stale(&page.rows);
                self.sources_next(|list, rows| {
                    let next = list.accept(page, rows);
                    next.or_else(|| list.next_now())
                })
            }
            Err(err) => self.sources_next(|list, _| list.fail(err, generation)),
        }
    }

    fn count_stale(&mut self, rows: &[SourceRow]) {
        let Some(sources) = self.sources.as_mut() else {
            return;
        };
        for row in rows {
            match row.status {
                SourceUpdateStatus::Failed => sources.failed += 1,
                SourceUpdateStatus::Outdated => sources.outdated += 1,
                SourceUpdateStatus::Succeeded | SourceUpdateStatus::Unknown => {}
            }
        }
    }

    pub(super) fn toggle_sources(&mut self) -> Option<Effect> {
        self.show_sources = !self.show_sources;
        None
    }

    /// Runs a command in the source view: movement scrolls, Esc or d closes it, and r
    /// lists the sources again.
    pub(super) fn run_in_sources(&mut self, command: Command) -> Option<Effect> {
        let viewport = self.viewport_rows() as isize;
        match command {
            Command::Up => self.sources_next(|list, rows| list.move_by(-1, rows)),
            Command::Down => self.sources_next(|list, rows| list.move_by(1, rows)),
            Command::PageUp => self.sources_next(|list, rows| list.move_by(-viewport, rows)),
            Command::PageDown => self.sources_next(|list, rows| list.move_by(viewport, rows)),
            Command::Top => self.sources_next(|list, rows| list.move_by(isize::MIN, rows)),
            Command::Bottom => self.sources_next(|list, rows| list.move_to_bottom(rows)),
            Command::Cancel | Command::ShowSources => self.toggle_sources(),
            Command::Refresh => self.start_sources(),
            Command::ToggleHelp => self.toggle_help(),
            Command::Quit => self.quit(),
            _ => None,
        }
    }

    fn sources_next(
        &mut self,
        change: impl FnOnce(&mut ListState<SourceRow>, usize) -> NextPage,
    ) -> Option<Effect> {
        let viewport = self.viewport_rows();
        let sources = self.sources.as_mut()?;
        let next = change(&mut sources.list, viewport);
        let next_token = next?;
        Some(Effect::FetchSources(SourcesRequest {
            generation: sources.list.generation(),
            aggregator: self.query.aggregator.clone(),
            next_token,
        }))
    }
}

#[cfg(test)]
mod tests;
