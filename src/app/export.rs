//! Export and copy: the app prepares the rows and the text, and the event loop writes
//! them.

use std::path::PathBuf;

use crate::action::{Effect, ExportDone};
use crate::export::{ExportFormat, ExportRequest, ExportTable, expand_home};
use crate::sanitize::sanitize;

use super::App;
use super::flash::Flash;
use super::prompt::PromptKind;
use super::totals::with_separators;

impl App {
    pub(super) fn open_export(&mut self) -> Option<Effect> {
        self.open_prompt(PromptKind::Export)
    }

    /// Checks the typed path and requests the export of every loaded row of the view.
    pub(super) fn export_to(&mut self, typed: &str) -> Result<Option<Effect>, String> {
        if typed.is_empty() {
            return Err("missing file path: type one ending in .csv or .json".into());
        }
        let home = std::env::var_os("HOME").map(PathBuf::from);
        let path = expand_home(typed, home.as_deref());
        let Some(format) = ExportFormat::from_path(&path) else {
            return Err(format!(
                "unknown export format '{typed}': end the file name in .csv or .json"
            ));
        };

        let table = self.export_table();
        self.flash = Some(Flash::info(format!(
            "exporting {} {}…",
            with_separators(table.len() as u64),
            table.noun(table.len())
        )));
        Ok(Some(Effect::Export(ExportRequest {
            path,
            format,
            table,
        })))
    }

    /// Copies every loaded row of the view, in the order shown.
    fn export_table(&self) -> ExportTable {
        if let Some(drill) = &self.drilldown {
            return ExportTable::Packs(drill.list.rows().to_vec());
        }
        let rows = (0..self.view_len())
            .filter_map(|index| self.row_in_view(index))
            .cloned()
            .collect();
        ExportTable::Groups {
            group_by: self.query.group_by,
            rows,
        }
    }

    pub(super) fn receive_export(&mut self, outcome: Result<ExportDone, String>) -> Option<Effect> {
        self.flash = Some(match outcome {
            Ok(done) => Flash::info(format!(
                "exported {} {} to {}",
                with_separators(done.rows as u64),
                done.noun,
                sanitize(&done.path.display().to_string())
            )),
            Err(message) => Flash::error(format!("export failed: {}", sanitize(&message))),
        });
        None
    }

    /// Copies the selected pack's name in the drill-down, or the selected group's name.
    pub(super) fn copy_selected(&mut self) -> Option<Effect> {
        let name = match &self.drilldown {
            Some(drill) => drill.list.selected()?.name.clone(),
            None => self.selected_group()?.name.clone(),
        };
        // Control characters from the service would reach the clipboard and, pasted
        // into a shell, could run a command, so they are copied as visible escapes.
        let text = sanitize(&name).into_owned();
        self.flash = Some(Flash::info(format!("copied {text} to the clipboard")));
        Some(Effect::Copy(text))
    }
}

#[cfg(test)]
mod tests;
