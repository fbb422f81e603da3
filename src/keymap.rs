//! The key table: it maps key presses to commands and is also the source of the help
//! screen, so the two cannot disagree.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::action::{Action, Command, Edit};

/// The set of bindings in force, from the focused pane and any open overlay.
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

/// The modes a binding applies in.
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

/// One row of the key table.
#[derive(Debug)]
pub struct Binding {
    pub scope: Scope,
    pub keys: &'static [Key],
    pub command: Command,
    pub description: &'static str,
}

mod bindings;

pub use bindings::BINDINGS;

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

/// Returns whether bindings of `scope` act in `mode`.
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

/// Returns the label the help screen shows for a key, such as `Ctrl-f` or `PgDn`.
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
mod tests;
