//! Runs the real packscope binary in a pseudo-terminal and reads its screen through a
//! terminal emulator.

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// How long a test waits for the screen to show something before it fails.
pub const SCREEN_TIMEOUT: Duration = Duration::from_secs(30);

/// A running packscope in a pseudo-terminal.
pub struct Session {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program wrote, for tests that look for raw escape sequences.
    pub output: Arc<Mutex<Vec<u8>>>,
}

impl Session {
    /// Starts packscope with `args` in a `cols` x `rows` terminal.
    pub fn start(args: &[&str], cols: u16, rows: u16) -> Session {
        Self::start_with_env(args, cols, rows, &[])
    }

    /// Starts packscope with extra environment variables.
    pub fn start_with_env(args: &[&str], cols: u16, rows: u16, env: &[(&str, &str)]) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("failed to open a pseudo-terminal");

        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_packscope"));
        command.args(args);
        command.env("TERM", "xterm-256color");
        command.env("AWS_EC2_METADATA_DISABLED", "true");
        command.env_remove("AWS_PROFILE");
        command.env_remove("NO_COLOR");
        for (key, value) in env {
            command.env(key, value);
        }
        let child = pty
            .slave
            .spawn_command(command)
            .expect("failed to start packscope");
        drop(pty.slave);

        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            nonzero(rows),
            nonzero(cols),
            0,
        )));
        let output = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let (parser_in, output_in) = (Arc::clone(&parser), Arc::clone(&output));
        thread::spawn(move || {
            let mut buffer = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                parser_in.lock().expect("parser lock").process(&buffer[..n]);
                output_in
                    .lock()
                    .expect("output lock")
                    .extend_from_slice(&buffer[..n]);
            }
        });

        let writer = pty.master.take_writer().expect("pty writer");
        Session {
            master: pty.master,
            writer,
            child,
            parser,
            output,
        }
    }

    /// Returns the screen's text, one line per row.
    pub fn contents(&self) -> String {
        self.parser.lock().expect("parser lock").screen().contents()
    }

    /// Runs `check` on the emulated screen.
    pub fn with_screen<T>(&self, check: impl FnOnce(&vt100::Screen) -> T) -> T {
        check(self.parser.lock().expect("parser lock").screen())
    }

    /// Waits until the screen satisfies `ready`, failing with `what` and the screen.
    pub fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + SCREEN_TIMEOUT;
        loop {
            let screen = self.contents();
            if ready(&screen) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; screen:\n{screen}\nlast output:\n{}",
                self.output_tail()
            );
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Returns the last bytes the program wrote, escaped, for failure messages.
    pub fn output_tail(&self) -> String {
        let output = self.output.lock().expect("output lock");
        let start = output.len().saturating_sub(2000);
        String::from_utf8_lossy(&output[start..])
            .escape_debug()
            .to_string()
    }

    /// Types raw bytes, as a terminal sends them for keys.
    pub fn send(&mut self, bytes: &str) {
        self.writer
            .write_all(bytes.as_bytes())
            .expect("write to pty");
        self.writer.flush().expect("flush pty");
    }

    /// Resizes the terminal, which sends SIGWINCH to the program.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize pty");
        self.parser
            .lock()
            .expect("parser lock")
            .screen_mut()
            .set_size(nonzero(rows), nonzero(cols));
    }

    pub fn process_id(&self) -> u32 {
        self.child.process_id().expect("child has a pid")
    }

    /// Waits for the program to exit and returns whether it exited with success.
    pub fn wait_exit(&mut self) -> bool {
        let deadline = Instant::now() + SCREEN_TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().expect("wait for packscope") {
                // Let the reader thread take the last bytes.
                thread::sleep(Duration::from_millis(100));
                return status.success();
            }
            assert!(
                Instant::now() < deadline,
                "packscope did not exit; screen:\n{}",
                self.contents()
            );
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Asserts the terminal is back to normal: main screen, cursor shown, cooked mode
    /// with echo, and bracketed paste off.
    pub fn assert_restored(&self) {
        self.with_screen(|screen| {
            assert!(!screen.alternate_screen(), "still on the alternate screen");
            assert!(!screen.hide_cursor(), "cursor left hidden");
            assert!(!screen.bracketed_paste(), "bracketed paste left on");
        });
        let termios = self.master.get_termios().expect("termios of the pty");
        let flags = termios.local_flags;
        use nix::sys::termios::LocalFlags;
        assert!(
            flags.contains(LocalFlags::ICANON),
            "terminal left in raw mode (no ICANON)"
        );
        assert!(
            flags.contains(LocalFlags::ECHO),
            "terminal left without echo"
        );
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("terminal sizes are at least 1")
}
