//! Shortens text to a column width, keeping both ends, because conformance pack names
//! share long prefixes and differ at the end.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Returns `text` unchanged when it fits in `width` columns, or its start and end
/// joined by "…" in exactly that many columns or fewer.
pub fn fit_middle(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }

    let room = width - 1;
    let head_room = room.div_ceil(2);
    let tail_room = room - head_room;
    let head = take_columns(text.chars(), head_room);
    let mut tail: Vec<char> = take_columns(text.chars().rev(), tail_room)
        .chars()
        .collect();
    tail.reverse();
    format!("{head}…{}", tail.into_iter().collect::<String>())
}

/// Takes characters from `chars` while they fit in `columns`.
fn take_columns(chars: impl Iterator<Item = char>, columns: usize) -> String {
    let mut used = 0;
    let mut taken = String::new();
    for c in chars {
        let w = c.width().unwrap_or(0);
        if used + w > columns {
            break;
        }
        used += w;
        taken.push(c);
    }
    taken
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_unchanged() {
        assert_eq!(fit_middle("Amazon-S3", 20), "Amazon-S3");
    }

    #[test]
    fn long_text_keeps_both_ends() {
        let fitted = fit_middle("Operational-Best-Practices-for-Amazon-S3", 21);
        assert_eq!(fitted, "Operationa…-Amazon-S3");
        assert_eq!(fitted.width(), 21, "the result must fill the column");
    }

    #[test]
    fn wide_characters_never_overflow() {
        let fitted = fit_middle("東京東京東京東京", 7);
        assert!(fitted.width() <= 7, "{fitted} is wider than 7 columns");
    }

    #[test]
    fn zero_width_gives_nothing() {
        assert_eq!(fit_middle("abc", 0), "");
    }
}
