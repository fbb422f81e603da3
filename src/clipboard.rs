//! Copies text to the clipboard of the terminal the user sits at with OSC 52, which
//! travels through the same output as the screen, so it works over SSH. Inside tmux it
//! reaches the outer terminal when tmux's `set-clipboard` option is `on`.

use std::io::{self, Write};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

/// Returns the OSC 52 sequence that puts `text` on the clipboard:
/// `ESC ] 52 ; c ; BASE64 BEL`.
pub fn osc52(text: &str) -> String {
    format!("\u{1b}]52;c;{}\u{7}", STANDARD.encode(text))
}

/// Writes the sequence for `text` and flushes, so it is not held back until the next
/// frame is drawn.
pub fn copy(out: &mut impl Write, text: &str) -> io::Result<()> {
    out.write_all(osc52(text).as_bytes())?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sequence_has_osc52_shape() {
        assert_eq!(osc52("000056709458"), "\u{1b}]52;c;MDAwMDU2NzA5NDU4\u{7}");
    }

    #[test]
    fn copy_writes_sequence() {
        let mut out = Vec::new();
        copy(&mut out, "eu-west-1").expect("writing to a Vec cannot fail");
        assert_eq!(out, osc52("eu-west-1").into_bytes());
    }
}
