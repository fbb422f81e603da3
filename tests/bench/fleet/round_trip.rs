//! One request round trip on a new connection, measured with a bare HTTP/1.1 client so
//! that no SDK cost is counted.

use std::io::{Read, Write};
use std::net::{Ipv4Addr, TcpStream};
use std::time::{Duration, Instant};

use crate::aws_env::AGGREGATOR;

const TIMEOUT: Duration = Duration::from_secs(30);

/// Returns the median of `samples` round trips of a first-page request to the emulator
/// on `port`, each on a new connection as packscope's first request is.
pub fn median_round_trip(port: u16, samples: usize) -> Result<Duration, String> {
    let mut times = Vec::with_capacity(samples);
    for _ in 0..samples {
        times.push(round_trip(port)?);
    }
    times.sort();
    Ok(times[times.len() / 2])
}

fn round_trip(port: u16) -> Result<Duration, String> {
    let body = format!(r#"{{"ConfigurationAggregatorName":"{AGGREGATOR}","Limit":100}}"#);
    let request = format!(
        "POST / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\
         Content-Type: application/x-amz-json-1.1\r\n\
         X-Amz-Target: StarlingDoveService.GetAggregateConformancePackComplianceSummary\r\n\
         Authorization: AWS4-HMAC-SHA256 Credential=AKIAPACKSCOPEBENCH/bench\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );

    let started = Instant::now();
    let mut stream = TcpStream::connect((Ipv4Addr::LOCALHOST, port))
        .map_err(|err| format!("failed to connect to 127.0.0.1:{port}: {err}"))?;
    stream.set_nodelay(true).map_err(|err| err.to_string())?;
    stream
        .set_read_timeout(Some(TIMEOUT))
        .map_err(|err| err.to_string())?;
    stream
        .write_all(request.as_bytes())
        .map_err(|err| format!("failed to send the round-trip request: {err}"))?;
    let mut response = Vec::new();
    stream
        .read_to_end(&mut response)
        .map_err(|err| format!("failed to read the round-trip response: {err}"))?;
    let elapsed = started.elapsed();

    if !response.starts_with(b"HTTP/1.1 200") {
        let head = String::from_utf8_lossy(&response[..response.len().min(200)]).into_owned();
        return Err(format!("the round-trip request failed: {head}"));
    }
    Ok(elapsed)
}
