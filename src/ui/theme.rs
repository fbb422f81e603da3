//! Styles, in one place. Without colour (`NO_COLOR`), bold, reverse video and the
//! status marks keep compliant and noncompliant apart.

use ratatui::style::{Color, Modifier, Style};

/// Every style the screen uses.
#[derive(Debug, Clone)]
pub struct Theme {
    pub border: Style,
    pub border_focused: Style,
    pub title: Style,
    pub header: Style,
    pub selected: Style,
    pub compliant: Style,
    pub noncompliant: Style,
    pub muted: Style,
    pub error: Style,
    pub warning: Style,
    pub key: Style,
    pub input: Style,
    pub status: Style,
}

impl Theme {
    /// Returns the theme for this environment: plain when `NO_COLOR` is set and not empty.
    pub fn from_env() -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        if no_color {
            Self::plain()
        } else {
            Self::colored()
        }
    }

    pub fn colored() -> Self {
        Self {
            border: Style::new().fg(Color::DarkGray),
            border_focused: Style::new().fg(Color::Cyan),
            title: Style::new().add_modifier(Modifier::BOLD),
            header: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            compliant: Style::new().fg(Color::Green),
            noncompliant: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            muted: Style::new().fg(Color::DarkGray),
            error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            warning: Style::new().fg(Color::Yellow),
            key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            input: Style::new().add_modifier(Modifier::UNDERLINED),
            status: Style::new().add_modifier(Modifier::REVERSED),
        }
    }

    pub fn plain() -> Self {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Self {
            border: Style::new(),
            border_focused: bold,
            title: bold,
            header: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            compliant: Style::new(),
            noncompliant: bold,
            muted: Style::new(),
            error: bold,
            warning: bold,
            key: bold,
            input: Style::new().add_modifier(Modifier::UNDERLINED),
            status: Style::new().add_modifier(Modifier::REVERSED),
        }
    }

    pub fn border_for(&self, focused: bool) -> Style {
        if focused {
            self.border_focused
        } else {
            self.border
        }
    }
}
