//! Key resolution in every mode, and the key table's own consistency.

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
