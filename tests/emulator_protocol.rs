//! The AWS JSON 1.1 wire protocol, checked with raw HTTP/1.1 on a loopback socket.

#[path = "common/emulator_client.rs"]
mod emulator_client;

use emulator_client::start_demo;
use serde_json::Value;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

const SUMMARY_TARGET: &str = "StarlingDoveService.GetAggregateConformancePackComplianceSummary";
const SIGNED: &str = "AWS4-HMAC-SHA256 Credential=AKIDEMULATORTEST/20250101/us-east-1/config/aws4_request, SignedHeaders=host, Signature=00";

struct RawResponse {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl RawResponse {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.body).expect("the body must be JSON")
    }
}

fn request(target: Option<&str>, authorization: Option<&str>, body: &str) -> String {
    let mut text = String::from("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    text.push_str("Content-Type: application/x-amz-json-1.1\r\n");
    if let Some(target) = target {
        text.push_str(&format!("X-Amz-Target: {target}\r\n"));
    }
    if let Some(authorization) = authorization {
        text.push_str(&format!("Authorization: {authorization}\r\n"));
    }
    text.push_str(&format!("Content-Length: {}\r\n\r\n{body}", body.len()));
    text
}

/// Sends one request on `stream` and reads one response, leaving the connection open.
async fn exchange(stream: &mut BufReader<TcpStream>, request: &str) -> RawResponse {
    stream
        .get_mut()
        .write_all(request.as_bytes())
        .await
        .expect("write request");
    let mut status_line = String::new();
    stream
        .read_line(&mut status_line)
        .await
        .expect("read status line");
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .expect("a status code");
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        stream.read_line(&mut line).await.expect("read header");
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        let (key, value) = line.split_once(':').expect("a header line");
        headers.push((key.trim().to_string(), value.trim().to_string()));
    }
    let mut response = RawResponse {
        status,
        headers,
        body: String::new(),
    };
    let length: usize = response
        .header("content-length")
        .and_then(|value| value.parse().ok())
        .expect("a Content-Length");
    let mut body = vec![0; length];
    stream.read_exact(&mut body).await.expect("read body");
    response.body = String::from_utf8(body).expect("a UTF-8 body");
    response
}

async fn connect(endpoint: std::net::SocketAddr) -> BufReader<TcpStream> {
    BufReader::new(
        TcpStream::connect(endpoint)
            .await
            .expect("connect to the emulator"),
    )
}

/// Checks that `response` is an error with `code` in the status, header and body.
fn assert_error(response: &RawResponse, code: &str) {
    let body = response.json();
    assert_eq!(response.status, 400, "{code} must be HTTP 400");
    assert_eq!(
        response.header("x-amzn-errortype"),
        Some(code),
        "header must carry {code}"
    );
    assert_eq!(body["__type"], code, "__type must be {code}");
    assert!(body["message"].is_string(), "{code} must have a message");
}

#[tokio::test]
async fn success_has_json_headers() {
    let emulator = start_demo().await;
    let mut stream = connect(emulator.local_addr()).await;
    let body = r#"{"ConfigurationAggregatorName":"org-conformance","Limit":2}"#;
    let response = exchange(
        &mut stream,
        &request(Some(SUMMARY_TARGET), Some(SIGNED), body),
    )
    .await;
    let json = response.json();
    assert_eq!(
        response.status, 200,
        "a valid request must succeed: {}",
        response.body
    );
    assert_eq!(
        response.header("content-type"),
        Some("application/x-amz-json-1.1"),
        "responses use the JSON 1.1 media type"
    );
    assert!(
        response.header("x-amzn-requestid").is_some(),
        "a request ID header is required"
    );
    let rows = json["AggregateConformancePackComplianceSummaries"]
        .as_array()
        .map(Vec::len);
    assert_eq!(rows, Some(2), "Limit 2 returns two rows");
    assert!(
        json["NextToken"].is_string(),
        "more groups remain, so NextToken is present"
    );
    assert_eq!(json["GroupByKey"], "ACCOUNT_ID", "GroupByKey is echoed");
}

#[tokio::test]
async fn last_page_has_no_token_member() {
    let emulator = start_demo().await;
    let mut stream = connect(emulator.local_addr()).await;
    let body = r#"{"ConfigurationAggregatorName":"org-conformance","GroupByKey":"AWS_REGION"}"#;
    let response = exchange(
        &mut stream,
        &request(Some(SUMMARY_TARGET), Some(SIGNED), body),
    )
    .await;
    let json = response.json();
    assert_eq!(
        response.status, 200,
        "a valid request must succeed: {}",
        response.body
    );
    assert!(
        json.get("NextToken").is_none(),
        "the only page must not carry NextToken"
    );
}

#[tokio::test]
async fn unknown_target_is_unknown_operation() {
    let emulator = start_demo().await;
    let mut stream = connect(emulator.local_addr()).await;
    let targets = [
        Some("StarlingDoveService.DeleteEverything"),
        Some("Other.GetThing"),
        None,
    ];
    for target in targets {
        let response = exchange(&mut stream, &request(target, Some(SIGNED), "{}")).await;
        assert_error(&response, "UnknownOperationException");
    }
}

#[tokio::test]
async fn malformed_json_is_serialization_error() {
    let emulator = start_demo().await;
    let mut stream = connect(emulator.local_addr()).await;
    for body in [
        r#"{"ConfigurationAggregatorName": "org-"#,
        "[1, 2]",
        r#"{"Limit": "ten"}"#,
    ] {
        let response = exchange(
            &mut stream,
            &request(Some(SUMMARY_TARGET), Some(SIGNED), body),
        )
        .await;
        assert_error(&response, "SerializationException");
    }
}

#[tokio::test]
async fn unsigned_request_is_rejected() {
    let emulator = start_demo().await;
    let mut stream = connect(emulator.local_addr()).await;
    let body = r#"{"ConfigurationAggregatorName":"org-conformance"}"#;
    let response = exchange(&mut stream, &request(Some(SUMMARY_TARGET), None, body)).await;
    assert_error(&response, "MissingAuthenticationTokenException");
}

#[tokio::test]
async fn connection_serves_several_requests() {
    let emulator = start_demo().await;
    let mut stream = connect(emulator.local_addr()).await;
    let body = r#"{"ConfigurationAggregatorName":"org-conformance","Limit":1}"#;
    for round in 1..=3 {
        let response = exchange(
            &mut stream,
            &request(Some(SUMMARY_TARGET), Some(SIGNED), body),
        )
        .await;
        assert_eq!(
            response.status, 200,
            "request {round} on one connection must succeed"
        );
    }
    let counted = emulator.request_count("GetAggregateConformancePackComplianceSummary");
    assert_eq!(counted, 3, "all three requests must be counted");
}

#[tokio::test]
async fn shutdown_closes_the_port() {
    let emulator = start_demo().await;
    let address = emulator.local_addr();
    emulator.shutdown().await;
    let connected = TcpStream::connect(address).await;
    assert!(
        connected.is_err(),
        "after shutdown nothing may listen on {address}"
    );
}
