//! packscope in a pseudo-terminal, with every byte it writes timed as it arrives.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

use crate::aws_env;

/// A screen condition, checked after every read from the terminal.
type Condition = Box<dyn Fn(&vt100::Screen) -> bool + Send>;

/// State shared by the reader thread and the benchmark.
struct Shared {
    parser: vt100::Parser,
    /// Every byte packscope wrote.
    output: Vec<u8>,
    /// When the last read arrived.
    last_read: Instant,
    watch: Option<(Condition, Option<Instant>)>,
}

/// A running packscope. Dropping it kills the process.
pub struct Session {
    _master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    shared: Arc<Mutex<Shared>>,
    /// When the process was started.
    pub started: Instant,
}

impl Session {
    /// Starts packscope against `endpoint_url` in a `cols` x `rows` terminal.
    pub fn start(endpoint_url: &str, cols: u16, rows: u16) -> Result<Session, String> {
        let size = PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        };
        let pty = native_pty_system()
            .openpty(size)
            .map_err(|err| format!("failed to open a pseudo-terminal: {err}"))?;
        let mut command = CommandBuilder::new(crate::PACKSCOPE);
        command.args(aws_env::packscope_args(endpoint_url));
        command.env("TERM", "xterm-256color");
        command.env_remove("NO_COLOR");
        aws_env::apply_to_pty(&mut command);

        let (Some(screen_rows), Some(screen_cols)) = (NonZeroU16::new(rows), NonZeroU16::new(cols))
        else {
            return Err(format!("invalid terminal size {cols}x{rows}"));
        };
        let shared = Arc::new(Mutex::new(Shared {
            parser: vt100::Parser::new(screen_rows, screen_cols, 0),
            output: Vec::new(),
            last_read: Instant::now(),
            watch: None,
        }));
        let reader = pty
            .master
            .try_clone_reader()
            .map_err(|err| err.to_string())?;
        let writer = pty.master.take_writer().map_err(|err| err.to_string())?;

        let started = Instant::now();
        let child = pty
            .slave
            .spawn_command(command)
            .map_err(|err| format!("failed to start packscope: {err}"))?;
        drop(pty.slave);
        spawn_reader(reader, Arc::clone(&shared));

        Ok(Session {
            _master: pty.master,
            writer,
            child,
            shared,
            started,
        })
    }

    pub fn process_id(&self) -> Result<u32, String> {
        self.child
            .process_id()
            .ok_or("packscope has no process id".into())
    }

    /// Sends bytes as typed keys and returns when they were written.
    pub fn send(&mut self, keys: &str) -> Result<Instant, String> {
        self.writer
            .write_all(keys.as_bytes())
            .and_then(|()| self.writer.flush())
            .map_err(|err| format!("failed to type into the terminal: {err}"))?;
        Ok(Instant::now())
    }

    /// Returns the number of bytes packscope has written so far.
    pub fn bytes_written(&self) -> usize {
        self.lock().output.len()
    }

    /// Returns the bytes written from offset `from` on.
    pub fn output_since(&self, from: usize) -> Vec<u8> {
        self.lock().output[from..].to_vec()
    }

    pub fn screen(&self) -> vt100::Screen {
        self.lock().parser.screen().clone()
    }

    /// Waits until the screen meets `condition`, and returns when the read that made it
    /// so arrived.
    pub fn wait_for(
        &self,
        description: &str,
        timeout: Duration,
        condition: impl Fn(&vt100::Screen) -> bool + Send + 'static,
    ) -> Result<Instant, String> {
        {
            let mut shared = self.lock();
            let met = condition(shared.parser.screen()).then(Instant::now);
            shared.watch = Some((Box::new(condition), met));
        }
        let deadline = Instant::now() + timeout;
        loop {
            if let Some((_, Some(at))) = &self.lock().watch {
                return Ok(*at);
            }
            if Instant::now() > deadline {
                let screen = self.screen().contents();
                return Err(format!(
                    "timed out waiting for {description}; screen:\n{screen}"
                ));
            }
            thread::sleep(Duration::from_millis(2));
        }
    }

    /// Waits until packscope has written nothing for `quiet`.
    pub fn wait_quiet(&self, quiet: Duration, timeout: Duration) -> Result<(), String> {
        let deadline = Instant::now() + timeout;
        while self.lock().last_read.elapsed() < quiet {
            if Instant::now() > deadline {
                return Err("the screen kept changing".into());
            }
            thread::sleep(Duration::from_millis(10));
        }
        Ok(())
    }

    fn lock(&self) -> MutexGuard<'_, Shared> {
        self.shared
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn spawn_reader(mut reader: Box<dyn Read + Send>, shared: Arc<Mutex<Shared>>) {
    thread::spawn(move || {
        let mut buffer = vec![0u8; 64 * 1024];
        while let Ok(n) = reader.read(&mut buffer) {
            if n == 0 {
                break;
            }
            let now = Instant::now();
            let mut shared = shared.lock().unwrap_or_else(|p| p.into_inner());
            shared.parser.process(&buffer[..n]);
            shared.output.extend_from_slice(&buffer[..n]);
            shared.last_read = now;
            let Shared { parser, watch, .. } = &mut *shared;
            if let Some((condition, met @ None)) = watch
                && condition(parser.screen())
            {
                *met = Some(now);
            }
        }
    });
}
