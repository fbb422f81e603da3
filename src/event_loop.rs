//! The interactive loop: terminal events, page results, ticks and signals in, effects
//! out. It never awaits the network, and draws only after something changed.

use std::time::Duration;

use color_eyre::eyre::{Result, WrapErr};
use crossterm::event::{Event, EventStream};
use futures::StreamExt;
use tokio::sync::mpsc;
use tokio::time::{Instant, MissedTickBehavior, interval, interval_at};

use crate::action::{Action, Command, Edit, Effect};
use crate::app::App;
use crate::aws::Source;
use crate::clipboard;
use crate::fetcher::Fetcher;
use crate::keymap::{self, Mode};
use crate::signals::Signals;
use crate::terminal::Tui;
use crate::ui::{self, theme::Theme};

/// How often the loading spinner moves while a request is in flight.
const TICK: Duration = Duration::from_millis(120);

/// Runs until the user quits, a signal arrives, or the terminal fails.
pub async fn run(terminal: &mut Tui, app: &mut App, source: Source, theme: &Theme) -> Result<()> {
    let (results_tx, mut results) = mpsc::unbounded_channel();
    let mut fetcher = Fetcher::new(source, results_tx);
    let mut events = EventStream::new();
    let mut signals = Signals::new().wrap_err("failed to install signal handlers")?;
    let mut ticker = interval(TICK);
    ticker.set_missed_tick_behavior(MissedTickBehavior::Skip);
    let mut refresh = interval_at(Instant::now() + app.refresh_interval, app.refresh_interval);
    refresh.set_missed_tick_behavior(MissedTickBehavior::Delay);

    fetcher.run_all(app.start());
    let mut dirty = true;

    while !app.should_quit {
        if dirty {
            terminal.draw(|frame| ui::render(frame, app, theme))?;
            dirty = false;
        }

        let action = tokio::select! {
            event = events.next() => translate(event, app.mode())?,
            Some(result) = results.recv() => Some(result),
            _ = ticker.tick(), if app.is_animating() => Some(Action::Tick),
            _ = refresh.tick(), if app.is_auto_refresh_on() => Some(Action::AutoRefreshDue),
            name = signals.recv() => quit_on_signal(name),
        };

        if let Some(action) = action {
            let effects = app.update(action);
            write_copies(terminal, &effects)?;
            fetcher.run_all(effects);
            dirty = true;
        }
    }
    Ok(())
}

fn translate(event: Option<std::io::Result<Event>>, mode: Mode) -> Result<Option<Action>> {
    let event = match event {
        Some(event) => event.wrap_err("failed to read from the terminal")?,
        None => return Ok(Some(Action::Command(Command::Quit))),
    };

    Ok(match event {
        Event::Key(key) => keymap::resolve(key, mode),
        Event::Paste(text) if mode == Mode::Editing => Some(Action::Edit(Edit::Paste(text))),
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        _ => None,
    })
}

/// Writes the clipboard copies among `effects` through the terminal's own output, so
/// the sequence reaches the user's terminal over SSH too.
fn write_copies(terminal: &mut Tui, effects: &[Effect]) -> Result<()> {
    for effect in effects {
        if let Effect::Copy(text) = effect {
            clipboard::copy(terminal.backend_mut(), text)
                .wrap_err("failed to write to the terminal")?;
        }
    }
    Ok(())
}

fn quit_on_signal(name: &str) -> Option<Action> {
    tracing::info!(signal = name, "quitting on signal");
    Some(Action::Command(Command::Quit))
}
