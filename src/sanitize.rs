//! Neutralises text from the service before it reaches a terminal or a file.

use std::borrow::Cow;

/// Replaces control characters (C0, DEL and C1, which include ESC and CSI) with their
/// visible `\u{..}` escape, so a group name or error message cannot move the cursor,
/// change colours or send an OSC sequence to the user's terminal.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }

    let mut clean = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() {
            clean.push_str(&c.escape_unicode().to_string());
        } else {
            clean.push(c);
        }
    }
    Cow::Owned(clean)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(sanitize("123456789012"), Cow::Borrowed(_)));
    }

    #[test]
    fn escape_sequences_become_visible() {
        let cleaned = sanitize("evil\u{1b}]52;c;aGk=\u{7}\u{1b}[2J\r\u{9b}x");
        assert!(
            !cleaned.chars().any(char::is_control),
            "control left in {cleaned:?}"
        );
        assert_eq!(
            cleaned,
            "evil\\u{1b}]52;c;aGk=\\u{7}\\u{1b}[2J\\u{d}\\u{9b}x"
        );
    }
}
