//! Neutralises text from the service before it reaches a terminal or a file.

use std::borrow::Cow;

/// Replaces control characters (C0, DEL and C1, which include ESC and CSI) and bidi
/// controls with their visible `\u{..}` escape. A group name or error message then cannot
/// move the cursor, change colours, send an OSC sequence to the user's terminal or
/// display reversed.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }

    let mut clean = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) {
            clean.push_str(&c.escape_unicode().to_string());
        } else {
            clean.push(c);
        }
    }
    Cow::Owned(clean)
}

/// Control characters, and the Unicode bidi marks, embeddings, overrides and isolates.
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(sanitize("123456789012"), Cow::Borrowed(_)));
    }

    #[test]
    fn bidi_override_becomes_visible() {
        assert_eq!(sanitize("ab\u{202e}cd"), "ab\\u{202e}cd");
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
