//! The aggregator picker, shown when no aggregator was named: it lists every
//! aggregator, picks the only one by itself, and otherwise lets the user choose.

use crate::action::{AggregatorsRequest, Command, Effect, Loaded};
use crate::query::AggregatorInfo;

use super::App;
use super::list_state::{ListState, NextPage};

/// The open picker.
#[derive(Debug, Clone)]
pub struct Picker {
    pub list: ListState<AggregatorInfo>,
}

impl App {
    /// Shows the picker in place of the summary. [`App::start`] then lists the
    /// aggregators.
    pub fn open_picker(&mut self) {
        self.picker_generation += 1;
        self.picker = Some(Picker {
            list: ListState::new(self.picker_generation),
        });
    }

    pub(super) fn run_in_picker(&mut self, command: Command) -> Option<Effect> {
        let viewport = self.viewport_rows() as isize;
        match command {
            Command::Up => self.picker_next(|list, rows| list.move_by(-1, rows)),
            Command::Down => self.picker_next(|list, rows| list.move_by(1, rows)),
            Command::PageUp => self.picker_next(|list, rows| list.move_by(-viewport, rows)),
            Command::PageDown => self.picker_next(|list, rows| list.move_by(viewport, rows)),
            Command::Top => self.picker_next(|list, rows| list.move_by(isize::MIN, rows)),
            Command::Bottom => self.picker_next(|list, rows| list.move_to_bottom(rows)),
            Command::Apply => self.choose_aggregator(),
            Command::Refresh => self.reload_picker(),
            Command::ToggleHelp => self.toggle_help(),
            Command::Quit => self.quit(),
            _ => None,
        }
    }

    /// Starts the summary of the selected aggregator.
    fn choose_aggregator(&mut self) -> Option<Effect> {
        let picker = self.picker.as_ref()?;
        let name = picker.list.selected()?.name.clone();
        tracing::info!(aggregator = %name, "aggregator chosen");
        self.picker = None;
        self.query.aggregator = name;
        if let Some(sources) = self.start_sources() {
            self.queued.push(sources);
        }
        self.restart()
    }

    /// Retries the failed page, or lists the aggregators again.
    fn reload_picker(&mut self) -> Option<Effect> {
        let picker = self.picker.as_mut()?;
        if let Some(next) = picker.list.retry() {
            return self.aggregators_request(next);
        }
        self.open_picker();
        self.picker_next(|list, _| list.next_now())
    }

    /// Requests the first page of aggregators.
    pub(super) fn start_picker(&mut self) -> Option<Effect> {
        self.picker_next(|list, _| list.next_now())
    }

    /// Adds a page of aggregators and requests the next at once, because the list is
    /// short and the choice needs all of it. With exactly one aggregator in the
    /// complete list, it is chosen.
    pub(super) fn receive_aggregators(&mut self, loaded: Loaded<AggregatorInfo>) -> Option<Effect> {
        let current = self.picker.as_ref()?.list.generation();
        if loaded.generation != current {
            return None;
        }
        self.picker_generation += 1;
        let generation = self.picker_generation;
        let effect = match loaded.result {
            Ok(page) => self.picker_next(|list, rows| {
                let next = list.accept(page, rows);
                next.or_else(|| list.next_now())
            }),
            Err(err) => self.picker_next(|list, _| list.fail(err, generation)),
        };

        let list = &self.picker.as_ref()?.list;
        if list.paging.is_ended() && list.rows().len() == 1 {
            return self.choose_aggregator();
        }
        effect
    }

    fn picker_next(
        &mut self,
        change: impl FnOnce(&mut ListState<AggregatorInfo>, usize) -> NextPage,
    ) -> Option<Effect> {
        let viewport = self.viewport_rows();
        let picker = self.picker.as_mut()?;
        let next = change(&mut picker.list, viewport);
        self.aggregators_request(next)
    }

    fn aggregators_request(&self, next: NextPage) -> Option<Effect> {
        let picker = self.picker.as_ref()?;
        let next_token = next?;
        Some(Effect::FetchAggregators(AggregatorsRequest {
            generation: picker.list.generation(),
            next_token,
        }))
    }
}

#[cfg(test)]
mod tests;
