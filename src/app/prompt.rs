//! The one-line prompt under the list, for an export path or a search text. While it
//! is open every printable key is typed into it.

use crate::action::{Command, Edit, Effect};

use super::App;
use super::input::TextInput;

/// The value a prompt requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    /// A file path ending in .csv or .json.
    Export,
    /// Part of a group or pack name.
    Find,
}

impl PromptKind {
    /// Returns the label before the input.
    pub fn label(self) -> &'static str {
        match self {
            PromptKind::Export => "Export to (.csv or .json): ",
            PromptKind::Find => "Find: ",
        }
    }
}

/// An open prompt and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub kind: PromptKind,
    pub input: TextInput,
}

impl App {
    pub(super) fn open_prompt(&mut self, kind: PromptKind) -> Option<Effect> {
        self.input_error = None;
        self.prompt = Some(Prompt {
            kind,
            input: TextInput::default(),
        });
        None
    }

    /// Runs a command while the prompt is open: Enter submits, Esc closes.
    pub(super) fn run_in_prompt(&mut self, command: Command) -> Option<Effect> {
        match command {
            Command::Apply => self.submit_prompt(),
            Command::Cancel => self.close_prompt(),
            Command::Quit => self.quit(),
            _ => None,
        }
    }

    pub(super) fn edit_prompt(&mut self, edit: &Edit) -> Option<Effect> {
        let prompt = self.prompt.as_mut()?;
        prompt.input.apply_edit(edit);
        self.input_error = None;
        None
    }

    fn close_prompt(&mut self) -> Option<Effect> {
        self.prompt = None;
        self.input_error = None;
        None
    }

    /// Hands the typed text to the prompt's action. The prompt stays open with a
    /// message when the text is invalid.
    fn submit_prompt(&mut self) -> Option<Effect> {
        let prompt = self.prompt.as_ref()?;
        let text = prompt.input.text().trim().to_string();
        let result = match prompt.kind {
            PromptKind::Export => self.export_to(&text),
            PromptKind::Find => self.find_typed(&text),
        };
        match result {
            Ok(effect) => {
                self.prompt = None;
                effect
            }
            Err(message) => {
                self.input_error = Some(message);
                None
            }
        }
    }
}
