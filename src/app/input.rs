//! A single-line text input with a cursor that stays in the right column for wide
//! characters.

use unicode_width::UnicodeWidthStr;

use crate::action::Edit;

/// The maximum number of characters an input keeps. Longer pastes are cut here.
const MAX_CHARS: usize = 128;

/// Text being typed and the value last applied, so Esc can drop the edit.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    text: String,
    /// Cursor position in characters, from 0 to the number of characters.
    cursor: usize,
    applied: String,
}

impl TextInput {
    /// Creates an input whose applied value and text both start as `value`.
    pub fn with_value(value: &str) -> Self {
        let mut input = Self::default();
        input.set_applied(value);
        input.revert();
        input
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Returns whether the text differs from the applied value.
    pub fn is_edited(&self) -> bool {
        self.text != self.applied
    }

    /// Records `value` as applied and shows it.
    pub fn set_applied(&mut self, value: &str) {
        self.applied = value.to_string();
        self.text = value.to_string();
        self.cursor = self.char_count();
    }

    /// Drops the unapplied edit.
    pub fn revert(&mut self) {
        self.text = self.applied.clone();
        self.cursor = self.char_count();
    }

    /// Display columns before the cursor, which is where the terminal cursor goes.
    pub fn cursor_column(&self) -> usize {
        self.text[..self.byte_index(self.cursor)].width()
    }

    pub fn apply_edit(&mut self, edit: &Edit) {
        match edit {
            Edit::Insert(c) => self.insert_str(&c.to_string()),
            Edit::Paste(text) => self.insert_str(text),
            Edit::Backspace => self.backspace(),
            Edit::Delete => self.delete(),
            Edit::Left => self.cursor = self.cursor.saturating_sub(1),
            Edit::Right => self.cursor = (self.cursor + 1).min(self.char_count()),
            Edit::Start => self.cursor = 0,
            Edit::End => self.cursor = self.char_count(),
            Edit::ClearToStart => self.clear_to_start(),
        }
    }

    /// Inserts text at the cursor, leaving out control characters (a pasted newline
    /// must not act as Enter) and anything past the length cap.
    fn insert_str(&mut self, text: &str) {
        let room = MAX_CHARS.saturating_sub(self.char_count());
        let clean: String = text
            .chars()
            .filter(|c| !c.is_control())
            .take(room)
            .collect();

        let at = self.byte_index(self.cursor);
        self.text.insert_str(at, &clean);
        self.cursor += clean.chars().count();
    }

    fn backspace(&mut self) {
        if self.cursor == 0 {
            return;
        }
        self.cursor -= 1;
        self.delete();
    }

    fn delete(&mut self) {
        if self.cursor < self.char_count() {
            let at = self.byte_index(self.cursor);
            self.text.remove(at);
        }
    }

    fn clear_to_start(&mut self) {
        let at = self.byte_index(self.cursor);
        self.text.drain(..at);
        self.cursor = 0;
    }

    fn char_count(&self) -> usize {
        self.text.chars().count()
    }

    fn byte_index(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(index, _)| index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str) -> TextInput {
        let mut input = TextInput::default();
        input.apply_edit(&Edit::Paste(text.into()));
        input
    }

    #[test]
    fn typing_and_backspace() {
        let mut input = typed("12a");
        input.apply_edit(&Edit::Backspace);
        assert_eq!(input.text(), "12");
        assert_eq!(input.cursor_column(), 2);
    }

    #[test]
    fn wide_characters_move_cursor_two_columns() {
        let mut input = typed("東京😀");
        assert_eq!(input.cursor_column(), 6, "three wide characters");
        input.apply_edit(&Edit::Left);
        assert_eq!(input.cursor_column(), 4);
        input.apply_edit(&Edit::Insert('x'));
        assert_eq!(input.text(), "東京x😀");
        assert_eq!(input.cursor_column(), 5);
    }

    #[test]
    fn paste_drops_control_characters() {
        let input = typed("0123\n4567\u{1b}[2J8901");
        assert_eq!(input.text(), "01234567[2J8901");
    }

    #[test]
    fn revert_restores_applied_value() {
        let mut input = TextInput::with_value("eu-west-1");
        input.apply_edit(&Edit::ClearToStart);
        assert!(input.is_edited(), "clearing should count as an edit");
        input.revert();
        assert_eq!(input.text(), "eu-west-1");
        assert!(!input.is_edited(), "revert should leave no edit");
    }

    #[test]
    fn length_is_capped() {
        let input = typed(&"9".repeat(1000));
        assert_eq!(input.text().len(), MAX_CHARS);
    }
}
