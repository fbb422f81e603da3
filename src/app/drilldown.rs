//! The drill-down: the conformance packs behind one summary group, opened with Enter
//! and closed with Esc, which leaves the summary's selection and scroll as they were.

use crate::action::{Command, Effect, Loaded, PacksRequest};
use crate::aws::FetchError;
use crate::query::{PackComplianceType, PackQuery, PackRow, RowPage};

use super::App;
use super::list_state::{ListState, NextPage};
use super::totals::PackTotals;

/// The open drill-down.
#[derive(Debug, Clone)]
pub struct DrillDown {
    /// The summary group it belongs to: an account ID or a region.
    pub group: String,
    pub query: PackQuery,
    pub list: ListState<PackRow>,
    /// Totals of the loaded packs.
    pub totals: PackTotals,
}

impl App {
    /// Opens the packs of the selected group, or does nothing with no group loaded.
    pub(super) fn open_drilldown(&mut self) -> Option<Effect> {
        let group = self.selected_group()?.name.clone();
        let query = PackQuery::for_group(&self.query, &group);
        self.drill_generation += 1;
        self.drilldown = Some(DrillDown {
            group,
            query,
            list: ListState::new(self.drill_generation),
            totals: PackTotals::default(),
        });
        self.drill_next(|list, _| list.next_now())
    }

    /// Runs a command in the drill-down; `None` hands it to the summary.
    pub(super) fn run_in_drilldown(&mut self, command: Command) -> Option<Option<Effect>> {
        let viewport = self.viewport_rows() as isize;
        let effect = match command {
            Command::Up => self.drill_next(|list, rows| list.move_by(-1, rows)),
            Command::Down => self.drill_next(|list, rows| list.move_by(1, rows)),
            Command::PageUp => self.drill_next(|list, rows| list.move_by(-viewport, rows)),
            Command::PageDown => self.drill_next(|list, rows| list.move_by(viewport, rows)),
            Command::Top => self.drill_next(|list, _| list_top(list)),
            Command::Bottom => self.drill_next(|list, rows| list.move_to_bottom(rows)),
            Command::Refresh => self.refresh_drilldown(),
            Command::CycleCompliance => self.cycle_compliance(),
            Command::Export => self.open_export(),
            Command::Copy => self.copy_selected(),
            Command::Find => self.open_find(),
            Command::FindNext => self.find_again(true),
            Command::FindPrevious => self.find_again(false),
            Command::ShowSources => self.toggle_sources(),
            Command::ToggleAutoRefresh => self.toggle_auto_refresh(),
            Command::Cancel => self.close_drilldown(),
            Command::Apply | Command::NextPane | Command::PreviousPane => None,
            _ => return None,
        };
        Some(effect)
    }

    /// Selects pack `index`; the paging rule may then request a page.
    pub(super) fn select_pack(&mut self, index: usize, viewport: usize) -> Option<Effect> {
        self.drill_next(|list, rows| {
            let len = list.rows().len();
            list.selection.select(index, len, viewport);
            list.next_if_near(rows)
        })
    }

    fn close_drilldown(&mut self) -> Option<Effect> {
        self.drilldown = None;
        Some(Effect::CancelPacks)
    }

    fn cycle_compliance(&mut self) -> Option<Effect> {
        let drill = self.drilldown.as_mut()?;
        drill.query.compliance = PackComplianceType::next_filter(drill.query.compliance);
        self.restart_drilldown()
    }

    /// Retries the failed page, or reloads the packs from the first page.
    fn refresh_drilldown(&mut self) -> Option<Effect> {
        let drill = self.drilldown.as_mut()?;
        if !drill.list.paging.is_ended()
            && let Some(next) = drill.list.retry()
        {
            return self.packs_request(next);
        }
        self.restart_drilldown()
    }

    fn restart_drilldown(&mut self) -> Option<Effect> {
        if let Some(drill) = self.drilldown.as_mut() {
            drill.totals = PackTotals::default();
        }
        self.drill_generation += 1;
        let generation = self.drill_generation;
        self.drill_next(|list, _| list.restart(generation))
            .or(Some(Effect::CancelPacks))
    }

    pub(super) fn receive_packs(&mut self, loaded: Loaded<PackRow>) -> Option<Effect> {
        let current = self.drilldown.as_ref()?.list.generation();
        if loaded.generation != current {
            return None;
        }
        self.drill_generation += 1;
        let generation = self.drill_generation;
        match loaded.result {
            Ok(page) => self.accept_packs(page),
            Err(err) => self.fail_packs(err, generation),
        }
    }

    /// Records a failed pack request; a restart after a rejected token empties the list,
    /// so the totals start over with it.
    fn fail_packs(&mut self, err: FetchError, generation: u64) -> Option<Effect> {
        let effect = self.drill_next(|list, _| list.fail(err, generation));
        let drill = self.drilldown.as_mut()?;
        if drill.list.rows().is_empty() {
            drill.totals = PackTotals::default();
        }
        effect
    }

    fn accept_packs(&mut self, page: RowPage<PackRow>) -> Option<Effect> {
        let drill = self.drilldown.as_mut()?;
        drill.totals.add(&page.rows);
        self.drill_next(|list, rows| list.accept(page, rows))
    }

    pub(super) fn note_packs_retry(&mut self, generation: u64, attempt: u32) -> Option<Effect> {
        let drill = self.drilldown.as_mut()?;
        if drill.list.generation() == generation {
            drill.list.note_retry(attempt);
        }
        None
    }

    /// Applies `change` to the open drill-down and turns the page it needs into a
    /// request.
    fn drill_next(
        &mut self,
        change: impl FnOnce(&mut ListState<PackRow>, usize) -> NextPage,
    ) -> Option<Effect> {
        let viewport = self.viewport_rows();
        let drill = self.drilldown.as_mut()?;
        let next = change(&mut drill.list, viewport);
        self.packs_request(next)
    }

    fn packs_request(&self, next: NextPage) -> Option<Effect> {
        let drill = self.drilldown.as_ref()?;
        let next_token = next?;
        Some(Effect::FetchPacks(PacksRequest {
            generation: drill.list.generation(),
            query: drill.query.clone(),
            next_token,
        }))
    }
}

fn list_top(list: &mut ListState<PackRow>) -> NextPage {
    list.move_to_top();
    None
}

#[cfg(test)]
mod tests;
