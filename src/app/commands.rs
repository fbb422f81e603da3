//! Commands from the key table: which view takes each one, and the summary's own
//! movement, help and grouping.

use crate::action::{Command, Effect};

use super::selection::Selection;
use super::{App, Pane, TAB_ORDER};

impl App {
    pub(super) fn run(&mut self, command: Command) -> Option<Effect> {
        self.flash = None;
        if self.show_help {
            return self.run_in_help(command);
        }
        if self.prompt.is_some() {
            return self.run_in_prompt(command);
        }
        if self.picker.is_some() {
            return self.run_in_picker(command);
        }
        if self.show_sources {
            return self.run_in_sources(command);
        }
        if self.loading_for_sort {
            return self.run_while_loading(command);
        }
        if self.drilldown.is_some()
            && let Some(effect) = self.run_in_drilldown(command)
        {
            return effect;
        }
        match command {
            Command::Quit => self.quit(),
            Command::ToggleHelp => self.toggle_help(),
            Command::Up => self.move_by(-1),
            Command::Down => self.move_by(1),
            Command::PageUp => self.move_by(-(self.viewport_rows() as isize)),
            Command::PageDown => self.move_by(self.viewport_rows() as isize),
            Command::Top => self.move_to_top(),
            Command::Bottom => self.move_to_bottom(),
            Command::NextPane => self.cycle_focus(1),
            Command::PreviousPane => self.cycle_focus(TAB_ORDER.len() - 1),
            Command::EditFilter => self.focus_pane(Pane::AccountFilter),
            Command::Apply => self.apply(),
            Command::Cancel => self.cancel(),
            Command::ToggleGroupBy => self.toggle_group_by(),
            Command::Refresh => self.refresh(),
            Command::CycleCompliance => None,
            Command::CycleSort => self.cycle_sort(),
            Command::ReverseSort => self.reverse_sort(),
            Command::Export => self.open_export(),
            Command::Copy => self.copy_selected(),
            Command::Find => self.open_find(),
            Command::FindNext => self.find_again(true),
            Command::FindPrevious => self.find_again(false),
            Command::ShowSources => self.toggle_sources(),
            Command::ToggleAutoRefresh => self.toggle_auto_refresh(),
        }
    }

    /// While pages load for a sort, only Esc (stop) and quitting act.
    pub(super) fn run_while_loading(&mut self, command: Command) -> Option<Effect> {
        match command {
            Command::Cancel => self.stop_loading_for_sort(),
            Command::Quit => self.quit(),
            _ => None,
        }
    }

    pub(super) fn quit(&mut self) -> Option<Effect> {
        self.should_quit = true;
        Some(Effect::CancelFetch)
    }

    pub(super) fn toggle_help(&mut self) -> Option<Effect> {
        self.show_help = !self.show_help;
        self.help_scroll = 0;
        None
    }

    /// Up and Down scroll the help; drawing stops the scroll at the last line.
    pub(super) fn run_in_help(&mut self, command: Command) -> Option<Effect> {
        match command {
            Command::Down => self.help_scroll = self.help_scroll.saturating_add(1),
            Command::Up => self.help_scroll = self.help_scroll.saturating_sub(1),
            Command::ToggleHelp => return self.toggle_help(),
            Command::Quit => return self.quit(),
            _ => {}
        }
        None
    }

    pub(super) fn move_by(&mut self, delta: isize) -> Option<Effect> {
        self.follow_bottom = false;
        let len = self.paging.rows().len();
        self.selection.move_by(delta, len, self.viewport_rows());
        self.maybe_fetch()
    }

    pub(super) fn move_to_top(&mut self) -> Option<Effect> {
        self.follow_bottom = false;
        self.selection = Selection::default();
        None
    }

    pub(super) fn move_to_bottom(&mut self) -> Option<Effect> {
        self.follow_bottom = !self.paging.is_ended();
        self.select_last();
        self.maybe_fetch()
    }

    pub(super) fn select_last(&mut self) {
        let len = self.paging.rows().len();
        self.selection
            .select(len.saturating_sub(1), len, self.viewport_rows());
    }

    pub(super) fn toggle_group_by(&mut self) -> Option<Effect> {
        self.query.group_by = self.query.group_by.toggled();
        self.restart()
    }

    pub(super) fn resize(&mut self, width: u16, height: u16) -> Option<Effect> {
        self.width = width;
        self.height = height;
        self.selection.scroll_into_view(self.viewport_rows());
        self.maybe_fetch()
    }

    pub(super) fn tick(&mut self) -> Option<Effect> {
        self.spinner_frame = self.spinner_frame.wrapping_add(1);
        None
    }
}
