//! The key table: every key packscope responds to, in the order the help lists them.

use crossterm::event::{KeyCode, KeyModifiers};

use super::{Binding, Key, Scope};
use crate::action::Command;

const fn plain(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::NONE,
    }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
    }
}

const fn chr(c: char) -> Key {
    plain(KeyCode::Char(c))
}

const fn bind(
    scope: Scope,
    keys: &'static [Key],
    command: Command,
    description: &'static str,
) -> Binding {
    Binding {
        scope,
        keys,
        command,
        description,
    }
}

/// Every key packscope responds to, in the order the help screen lists them.
pub const BINDINGS: &[Binding] = &[
    bind(
        Scope::Lists,
        &[plain(KeyCode::Down), chr('j')],
        Command::Down,
        "move down one group",
    ),
    bind(
        Scope::Lists,
        &[plain(KeyCode::Up), chr('k')],
        Command::Up,
        "move up one group",
    ),
    bind(
        Scope::Lists,
        &[plain(KeyCode::PageDown), ctrl('f')],
        Command::PageDown,
        "move down one screen",
    ),
    bind(
        Scope::Lists,
        &[plain(KeyCode::PageUp), ctrl('b')],
        Command::PageUp,
        "move up one screen",
    ),
    bind(
        Scope::Lists,
        &[plain(KeyCode::Home), chr('g')],
        Command::Top,
        "go to the first group",
    ),
    bind(
        Scope::Lists,
        &[plain(KeyCode::End), chr('G')],
        Command::Bottom,
        "go to the last group, loading every page",
    ),
    bind(
        Scope::Summary,
        &[chr('/')],
        Command::EditFilter,
        "edit the account ID and region filters",
    ),
    bind(
        Scope::Summary,
        &[chr('t')],
        Command::ToggleGroupBy,
        "group by account or by region",
    ),
    bind(
        Scope::Lists,
        &[chr('r')],
        Command::Refresh,
        "reload, or retry the page that failed",
    ),
    bind(
        Scope::Everywhere,
        &[plain(KeyCode::Tab)],
        Command::NextPane,
        "focus the next pane",
    ),
    bind(
        Scope::Everywhere,
        &[plain(KeyCode::BackTab)],
        Command::PreviousPane,
        "focus the previous pane",
    ),
    bind(
        Scope::Everywhere,
        &[plain(KeyCode::Enter)],
        Command::Apply,
        "apply filters, toggle grouping, or open the group's packs",
    ),
    bind(
        Scope::Everywhere,
        &[plain(KeyCode::Esc)],
        Command::Cancel,
        "leave the input and drop the edit, or close the pack list",
    ),
    bind(
        Scope::Lists,
        &[chr('?')],
        Command::ToggleHelp,
        "show or hide this help",
    ),
    bind(
        Scope::Help,
        &[chr('?'), plain(KeyCode::Esc), chr('q')],
        Command::ToggleHelp,
        "close this help",
    ),
    bind(
        Scope::Help,
        &[plain(KeyCode::Down)],
        Command::Down,
        "scroll this help down",
    ),
    bind(
        Scope::Help,
        &[plain(KeyCode::Up)],
        Command::Up,
        "scroll this help up",
    ),
    bind(Scope::Lists, &[chr('q')], Command::Quit, "quit"),
    bind(
        Scope::Everywhere,
        &[ctrl('c')],
        Command::Quit,
        "quit, from anywhere",
    ),
    bind(
        Scope::Packs,
        &[chr('c')],
        Command::CycleCompliance,
        "pack list: cycle the compliance filter",
    ),
    bind(
        Scope::Summary,
        &[chr('s')],
        Command::CycleSort,
        "sort by noncompliant, compliance, name, or as loaded",
    ),
    bind(
        Scope::Summary,
        &[chr('S')],
        Command::ReverseSort,
        "reverse the sort",
    ),
    bind(
        Scope::Browsing,
        &[chr('e')],
        Command::Export,
        "export the loaded rows to a .csv or .json file",
    ),
    bind(
        Scope::Browsing,
        &[chr('y')],
        Command::Copy,
        "copy the selected name to the clipboard (OSC 52)",
    ),
    bind(
        Scope::Browsing,
        &[chr('f')],
        Command::Find,
        "find a loaded group or pack by part of its name",
    ),
    bind(
        Scope::Browsing,
        &[chr('n')],
        Command::FindNext,
        "go to the next match of the find",
    ),
    bind(
        Scope::Browsing,
        &[chr('N')],
        Command::FindPrevious,
        "go to the previous match of the find",
    ),
    bind(
        Scope::Browsing,
        &[chr('d')],
        Command::ShowSources,
        "show the sources that failed or are outdated (data freshness)",
    ),
    bind(
        Scope::Browsing,
        &[chr('a')],
        Command::ToggleAutoRefresh,
        "switch auto-refresh on or off (--refresh sets the interval)",
    ),
    bind(
        Scope::Sources,
        &[chr('d')],
        Command::ShowSources,
        "close the source list",
    ),
];
