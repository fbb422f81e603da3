//! The key table: it maps key presses to commands and is also the source of the help
//! screen, so the two cannot disagree.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::action::{Action, Command, Edit};

/// Which set of bindings applies, from the focused pane and any open overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The list or the group-by toggle has focus: single-letter shortcuts work.
    Browsing,
    /// A filter input has focus: printable keys are typed, never shortcuts.
    Editing,
    /// The drill-down is open: movement and the pack list's own keys work.
    Packs,
    /// Pages load for a sort: only Esc and Ctrl-C act.
    Loading,
    /// The aggregator picker is open.
    Picker,
    /// The view of failed and outdated sources is open.
    Sources,
    /// The help overlay is open.
    Help,
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// In every mode, inputs included.
    Everywhere,
    /// In any list: the summary, the drill-down or the aggregator picker.
    Lists,
    /// While browsing the summary or the drill-down.
    Browsing,
    /// While browsing the summary only.
    Summary,
    /// In the drill-down only.
    Packs,
    /// In the view of failed and outdated sources only.
    Sources,
    /// While the help overlay is open.
    Help,
}

/// A key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

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

/// One row of the key table.
#[derive(Debug)]
pub struct Binding {
    pub scope: Scope,
    pub keys: &'static [Key],
    pub command: Command,
    pub description: &'static str,
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

/// Every key packscope answers to, in the order the help screen lists them.
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

/// Resolves a key event to an action in the given mode, or `None` when it means nothing
/// there. Only presses and repeats act; releases are ignored so that terminals which
/// report them do not move twice.
pub fn resolve(event: KeyEvent, mode: Mode) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }

    let key = normalize(event);
    if let Some(command) = lookup(key, mode) {
        return Some(Action::Command(command));
    }

    match mode {
        Mode::Editing => edit_for(key).map(Action::Edit),
        Mode::Browsing
        | Mode::Packs
        | Mode::Loading
        | Mode::Picker
        | Mode::Sources
        | Mode::Help => None,
    }
}

fn lookup(key: Key, mode: Mode) -> Option<Command> {
    BINDINGS
        .iter()
        .filter(|binding| applies(binding.scope, mode))
        .find(|binding| binding.keys.contains(&key))
        .map(|binding| binding.command)
}

/// Whether bindings of `scope` act in `mode`.
pub fn applies(scope: Scope, mode: Mode) -> bool {
    match (scope, mode) {
        (Scope::Help, Mode::Help) => true,
        (Scope::Help, _) | (_, Mode::Help) => false,
        (Scope::Everywhere, _) => true,
        (Scope::Lists, mode) => matches!(
            mode,
            Mode::Browsing | Mode::Packs | Mode::Picker | Mode::Sources
        ),
        (Scope::Browsing, mode) => matches!(mode, Mode::Browsing | Mode::Packs),
        (Scope::Summary, mode) => mode == Mode::Browsing,
        (Scope::Packs, mode) => mode == Mode::Packs,
        (Scope::Sources, mode) => mode == Mode::Sources,
    }
}

/// Drops the Shift modifier where the key code already carries it (`G`, Shift-Tab).
fn normalize(event: KeyEvent) -> Key {
    let mut modifiers = event.modifiers;
    if matches!(event.code, KeyCode::Char(_) | KeyCode::BackTab) {
        modifiers.remove(KeyModifiers::SHIFT);
    }

    Key {
        code: event.code,
        modifiers,
    }
}

fn edit_for(key: Key) -> Option<Edit> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);

    match key.code {
        KeyCode::Char('a') if ctrl => Some(Edit::Start),
        KeyCode::Char('e') if ctrl => Some(Edit::End),
        KeyCode::Char('u') if ctrl => Some(Edit::ClearToStart),
        KeyCode::Char(c) if !ctrl && !alt => Some(Edit::Insert(c)),
        KeyCode::Backspace => Some(Edit::Backspace),
        KeyCode::Delete => Some(Edit::Delete),
        KeyCode::Left => Some(Edit::Left),
        KeyCode::Right => Some(Edit::Right),
        KeyCode::Home => Some(Edit::Start),
        KeyCode::End => Some(Edit::End),
        _ => None,
    }
}

/// The label the help screen shows for a key, such as `Ctrl-f` or `PgDn`.
pub fn key_label(key: &Key) -> String {
    let name = match key.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Up => "Up".into(),
        KeyCode::Down => "Down".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        other => format!("{other:?}"),
    };

    if key.modifiers.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{name}")
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyEventState;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    fn command(event: KeyEvent, mode: Mode) -> Option<Command> {
        match resolve(event, mode) {
            Some(Action::Command(command)) => Some(command),
            _ => None,
        }
    }

    #[test]
    fn vim_and_less_keys_move() {
        let cases = [
            (KeyCode::Char('j'), KeyModifiers::NONE, Command::Down),
            (KeyCode::Down, KeyModifiers::NONE, Command::Down),
            (KeyCode::Char('k'), KeyModifiers::NONE, Command::Up),
            (KeyCode::Char('f'), KeyModifiers::CONTROL, Command::PageDown),
            (KeyCode::Char('b'), KeyModifiers::CONTROL, Command::PageUp),
            (KeyCode::Char('g'), KeyModifiers::NONE, Command::Top),
            (KeyCode::Char('G'), KeyModifiers::SHIFT, Command::Bottom),
            (KeyCode::End, KeyModifiers::NONE, Command::Bottom),
            (KeyCode::BackTab, KeyModifiers::SHIFT, Command::PreviousPane),
        ];
        for (code, modifiers, expected) in cases {
            let got = command(press(code, modifiers), Mode::Browsing);
            assert_eq!(got, Some(expected), "{code:?} with {modifiers:?}");
        }
    }

    #[test]
    fn typing_never_fires_shortcuts() {
        for c in ['q', 'j', 'k', 'g', 'G', 't', 'r', '/', '?'] {
            let action = resolve(press(KeyCode::Char(c), KeyModifiers::NONE), Mode::Editing);
            assert!(
                matches!(action, Some(Action::Edit(Edit::Insert(typed))) if typed == c),
                "'{c}' in an input gave {action:?} instead of inserting it"
            );
        }
    }

    #[test]
    fn ctrl_c_quits_while_editing() {
        let got = command(
            press(KeyCode::Char('c'), KeyModifiers::CONTROL),
            Mode::Editing,
        );
        assert_eq!(got, Some(Command::Quit));
    }

    #[test]
    fn releases_are_ignored() {
        let release = KeyEvent {
            code: KeyCode::Char('j'),
            modifiers: KeyModifiers::NONE,
            kind: KeyEventKind::Release,
            state: KeyEventState::NONE,
        };
        assert!(
            resolve(release, Mode::Browsing).is_none(),
            "a release moved the selection"
        );
    }

    #[test]
    fn help_swallows_other_keys() {
        assert_eq!(
            command(press(KeyCode::Char('j'), KeyModifiers::NONE), Mode::Help),
            None
        );
        assert_eq!(
            command(press(KeyCode::Esc, KeyModifiers::NONE), Mode::Help),
            Some(Command::ToggleHelp)
        );
    }

    /// Every mode, for checks that must hold in each.
    const ALL_MODES: [Mode; 7] = [
        Mode::Browsing,
        Mode::Editing,
        Mode::Packs,
        Mode::Loading,
        Mode::Picker,
        Mode::Sources,
        Mode::Help,
    ];

    #[test]
    fn no_key_is_bound_twice_in_any_mode() {
        for mode in ALL_MODES {
            let keys: Vec<Key> = BINDINGS
                .iter()
                .filter(|b| applies(b.scope, mode))
                .flat_map(|b| b.keys.iter().copied())
                .collect();
            for (i, key) in keys.iter().enumerate() {
                assert!(
                    !keys[i + 1..].contains(key),
                    "{key:?} bound twice in {mode:?}"
                );
            }
        }
    }

    #[test]
    fn pack_list_keys() {
        let cases = [
            (KeyCode::Char('c'), Command::CycleCompliance),
            (KeyCode::Esc, Command::Cancel),
            (KeyCode::Char('j'), Command::Down),
            (KeyCode::Char('r'), Command::Refresh),
        ];
        for (code, expected) in cases {
            let got = command(press(code, KeyModifiers::NONE), Mode::Packs);
            assert_eq!(got, Some(expected), "{code:?} in the pack list");
        }
    }

    #[test]
    fn sort_keys_in_summary() {
        let got = command(
            press(KeyCode::Char('s'), KeyModifiers::NONE),
            Mode::Browsing,
        );
        assert_eq!(got, Some(Command::CycleSort));
        let got = command(
            press(KeyCode::Char('S'), KeyModifiers::SHIFT),
            Mode::Browsing,
        );
        assert_eq!(got, Some(Command::ReverseSort));
    }

    #[test]
    fn loading_takes_only_esc_and_ctrl_c() {
        let esc = command(press(KeyCode::Esc, KeyModifiers::NONE), Mode::Loading);
        assert_eq!(esc, Some(Command::Cancel));
        let ctrl_c = command(
            press(KeyCode::Char('c'), KeyModifiers::CONTROL),
            Mode::Loading,
        );
        assert_eq!(ctrl_c, Some(Command::Quit));
        for c in ['j', 's', 'q', '/'] {
            let got = command(press(KeyCode::Char(c), KeyModifiers::NONE), Mode::Loading);
            assert_eq!(got, None, "{c} acted while loading for a sort");
        }
    }

    #[test]
    fn export_and_copy_in_both_lists() {
        for mode in [Mode::Browsing, Mode::Packs] {
            let export = command(press(KeyCode::Char('e'), KeyModifiers::NONE), mode);
            assert_eq!(export, Some(Command::Export), "e in {mode:?}");
            let copy = command(press(KeyCode::Char('y'), KeyModifiers::NONE), mode);
            assert_eq!(copy, Some(Command::Copy), "y in {mode:?}");
        }
    }

    #[test]
    fn find_keys_in_both_lists() {
        let cases = [
            (KeyCode::Char('f'), KeyModifiers::NONE, Command::Find),
            (KeyCode::Char('n'), KeyModifiers::NONE, Command::FindNext),
            (
                KeyCode::Char('N'),
                KeyModifiers::SHIFT,
                Command::FindPrevious,
            ),
            (KeyCode::Char('f'), KeyModifiers::CONTROL, Command::PageDown),
        ];
        for mode in [Mode::Browsing, Mode::Packs] {
            for (code, modifiers, expected) in cases {
                let got = command(press(code, modifiers), mode);
                assert_eq!(got, Some(expected), "{code:?} {modifiers:?} in {mode:?}");
            }
        }
    }

    #[test]
    fn picker_moves_chooses_and_quits() {
        let cases = [
            (KeyCode::Char('j'), Command::Down),
            (KeyCode::Char('k'), Command::Up),
            (KeyCode::Enter, Command::Apply),
            (KeyCode::Char('r'), Command::Refresh),
            (KeyCode::Char('q'), Command::Quit),
        ];
        for (code, expected) in cases {
            let got = command(press(code, KeyModifiers::NONE), Mode::Picker);
            assert_eq!(got, Some(expected), "{code:?} in the picker");
        }
        for c in ['s', 'e', 'f', '/'] {
            let got = command(press(KeyCode::Char(c), KeyModifiers::NONE), Mode::Picker);
            assert_eq!(got, None, "{c} acted in the picker");
        }
    }

    #[test]
    fn freshness_view_opens_and_closes() {
        for mode in [Mode::Browsing, Mode::Packs, Mode::Sources] {
            let got = command(press(KeyCode::Char('d'), KeyModifiers::NONE), mode);
            assert_eq!(got, Some(Command::ShowSources), "d in {mode:?}");
        }
        let esc = command(press(KeyCode::Esc, KeyModifiers::NONE), Mode::Sources);
        assert_eq!(esc, Some(Command::Cancel));
        let down = command(press(KeyCode::Char('j'), KeyModifiers::NONE), Mode::Sources);
        assert_eq!(down, Some(Command::Down), "j should scroll the sources");
    }

    #[test]
    fn auto_refresh_key_in_both_lists() {
        for mode in [Mode::Browsing, Mode::Packs] {
            let got = command(press(KeyCode::Char('a'), KeyModifiers::NONE), mode);
            assert_eq!(got, Some(Command::ToggleAutoRefresh), "a in {mode:?}");
        }
        let typed = resolve(press(KeyCode::Char('a'), KeyModifiers::NONE), Mode::Editing);
        assert!(
            matches!(typed, Some(Action::Edit(Edit::Insert('a')))),
            "a should be typed in an input: {typed:?}"
        );
    }

    #[test]
    fn help_scrolls_with_arrows() {
        let down = command(press(KeyCode::Down, KeyModifiers::NONE), Mode::Help);
        assert_eq!(down, Some(Command::Down));
        let up = command(press(KeyCode::Up, KeyModifiers::NONE), Mode::Help);
        assert_eq!(up, Some(Command::Up));
    }

    #[test]
    fn compliance_key_is_off_in_summary() {
        let got = command(
            press(KeyCode::Char('c'), KeyModifiers::NONE),
            Mode::Browsing,
        );
        assert_eq!(got, None, "c acted in the summary");
    }

    #[test]
    fn no_key_is_bound_twice_in_one_mode() {
        for mode in [Mode::Browsing, Mode::Editing, Mode::Help] {
            let keys: Vec<Key> = BINDINGS
                .iter()
                .filter(|b| applies(b.scope, mode))
                .flat_map(|b| b.keys.iter().copied())
                .collect();
            for (i, key) in keys.iter().enumerate() {
                assert!(
                    !keys[i + 1..].contains(key),
                    "{key:?} bound twice in {mode:?}"
                );
            }
        }
    }
}
