//! Raw mode and the alternate screen, restored on every way out: return, error, panic
//! and signal (the event loop turns SIGTERM, SIGHUP and SIGINT into a normal quit).

use std::io::{self, Stdout, stdout};
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::cursor::Show;
use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::execute;
use crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

pub type Tui = Terminal<CrosstermBackend<Stdout>>;

/// Whether the terminal is in raw mode on the alternate screen, so restoring twice
/// (from the guard and from the panic hook) writes nothing the second time.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Restores the terminal when dropped.
pub struct TerminalGuard {
    pub terminal: Tui,
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// Switches to raw mode and the alternate screen, with bracketed paste on.
pub fn enter() -> io::Result<TerminalGuard> {
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    // Clear with a plain escape sequence: ratatui's own clear requests the
    // cursor position from the terminal, and a slow SSH link may not answer within crossterm's time limit.
    execute!(
        stdout(),
        EnterAlternateScreen,
        EnableBracketedPaste,
        Clear(ClearType::All)
    )?;

    let terminal = Terminal::new(CrosstermBackend::new(stdout()))?;
    Ok(TerminalGuard { terminal })
}

/// Leaves raw mode and the alternate screen and shows the cursor. Errors are ignored,
/// because after a dropped SSH connection there may be no terminal left to write to.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let _ = execute!(stdout(), DisableBracketedPaste, LeaveAlternateScreen, Show);
    let _ = disable_raw_mode();
}

/// Installs color-eyre's report hooks, with a panic hook that restores the terminal
/// first so the report is readable on the main screen.
pub fn install_hooks() -> color_eyre::Result<()> {
    let (panic_hook, eyre_hook) = color_eyre::config::HookBuilder::default()
        .display_env_section(false)
        .into_hooks();
    eyre_hook.install()?;

    let panic_hook = panic_hook.into_panic_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        panic_hook(info);
    }));
    Ok(())
}
