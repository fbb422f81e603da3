//! Names that carry control characters and terminal escape sequences.
//!
//! A client that prints service data to a terminal must neutralize them. The fault plan
//! puts them into group, pack and source names to test that it does.

/// Sequences a terminal would act on, each with what it does if printed raw.
pub const HOSTILE_SEQUENCES: [&str; 8] = [
    // OSC 52: writes "packscope-test" to the clipboard.
    "\u{1b}]52;c;cGFja3Njb3BlLXRlc3Q=\u{7}",
    // CSI 2J and CSI H: clears the screen and moves the cursor home.
    "\u{1b}[2J\u{1b}[H",
    // Carriage return: the rest of the line overwrites the start.
    "\r",
    // NUL: ends the string early in C-based code.
    "\u{0}",
    // OSC 0: sets the window title.
    "\u{1b}]0;owned\u{7}",
    // C1 CSI (U+009B) followed by SGR 31: red text on terminals that honour C1 codes.
    "\u{9b}31m",
    // Right-to-left override: displays the rest of the name reversed.
    "\u{202e}",
    // Backspaces: erase what was printed before.
    "\u{8}\u{8}\u{8}",
];

/// Returns `name` with the hostile sequence for row `index` inserted after its first
/// character, so names stay distinct and keep their sort order among themselves.
pub(crate) fn hostile_name(index: usize, name: &str) -> String {
    let sequence = HOSTILE_SEQUENCES[index % HOSTILE_SEQUENCES.len()];
    let split = name.chars().next().map_or(0, char::len_utf8);
    format!("{}{sequence}{}", &name[..split], &name[split..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_original_characters() {
        let name = hostile_name(1, "us-east-1");
        let printable: String = name.chars().filter(|c| !c.is_control()).collect();
        assert!(
            printable.contains("s-east-1"),
            "the rest of the name must remain: {name:?}"
        );
    }

    #[test]
    fn every_sequence_holds_a_control_or_format_character() {
        for sequence in HOSTILE_SEQUENCES {
            let dangerous = sequence.chars().any(|c| c.is_control() || c == '\u{202e}');
            assert!(dangerous, "{sequence:?} must contain a control character");
        }
    }
}
