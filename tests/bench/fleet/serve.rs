//! A `packscope serve-demo` process on a free loopback port.

use std::io::{BufRead, BufReader};
use std::net::{Ipv4Addr, TcpListener};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use crate::aws_env;

/// How long the emulator may take to build its organization and listen.
const START_TIMEOUT: Duration = Duration::from_secs(120);
/// How long the emulator may take to stop after SIGTERM before it is killed.
const STOP_TIMEOUT: Duration = Duration::from_secs(5);
/// The emulator stops by itself after this long, even if the benchmark dies.
const LIFETIME_SECONDS: &str = "3600";

/// A running emulator. Dropping it stops the process.
pub struct ServeDemo {
    child: Child,
    pub endpoint_url: String,
    pub port: u16,
}

impl ServeDemo {
    /// Starts `serve-demo` with `accounts` accounts and `latency_ms` of latency per
    /// request, and waits until it listens.
    pub fn start(accounts: u32, latency_ms: u64) -> Result<ServeDemo, String> {
        let port = free_port()?;
        let listen = format!("127.0.0.1:{port}");
        let mut command = Command::new("timeout");
        command
            .args([LIFETIME_SECONDS, crate::PACKSCOPE, "serve-demo", "--listen"])
            .arg(&listen)
            .args(["--latency-ms", &latency_ms.to_string()])
            .args(["--demo-accounts", &accounts.to_string()])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        aws_env::apply(&mut command);
        let mut child = command
            .spawn()
            .map_err(|err| format!("failed to start serve-demo: {err}"))?;

        let stderr = child.stderr.take().ok_or("serve-demo has no stderr pipe")?;
        let (ready_tx, ready) = mpsc::channel();
        thread::spawn(move || {
            // Reads every line so the pipe never fills, and reports the first one.
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let _ = ready_tx.send(line);
            }
        });
        let server = ServeDemo {
            child,
            endpoint_url: format!("http://{listen}"),
            port,
        };
        match ready.recv_timeout(START_TIMEOUT) {
            Ok(line) if line.contains("serving the demo organization") => Ok(server),
            Ok(line) => Err(format!("serve-demo on {listen} failed: {line}")),
            Err(_) => Err(format!("serve-demo on {listen} did not start")),
        }
    }
}

impl Drop for ServeDemo {
    fn drop(&mut self) {
        // `timeout` passes SIGTERM on, and serve-demo stops cleanly on it.
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let deadline = Instant::now() + STOP_TIMEOUT;
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Returns a loopback port that was free a moment ago.
fn free_port() -> Result<u16, String> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .map_err(|err| format!("failed to find a free port on 127.0.0.1: {err}"))?;
    listener
        .local_addr()
        .map(|addr| addr.port())
        .map_err(|err| err.to_string())
}
