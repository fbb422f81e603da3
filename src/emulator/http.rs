//! Conversion between hyper messages and the service's request and reply types.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::combinators::BoxBody;
use http_body_util::{BodyExt, Full, Limited, StreamBody};
use hyper::body::{Frame, Incoming};
use hyper::header::{CONTENT_LENGTH, CONTENT_TYPE, HeaderValue};
use hyper::{Method, Request, Response, StatusCode};

use super::api_error::ApiError;
use super::reply::{Reply, ResponseShape};
use super::service::{IncomingRequest, Service};

/// The largest request body read; the SDK's requests are a few hundred bytes.
const MAX_REQUEST_BODY: usize = 1 << 20;

const JSON_1_1: &str = "application/x-amz-json-1.1";

pub(crate) type ResponseBody = BoxBody<Bytes, std::io::Error>;

/// Serves one hyper request through `service`.
pub(crate) async fn handle(
    service: Arc<Service>,
    request: Request<Incoming>,
) -> Result<Response<ResponseBody>, Infallible> {
    let (parts, body) = request.into_parts();
    let header = |name: &str| {
        parts
            .headers
            .get(name)
            .and_then(|value| value.to_str().ok())
            .map(str::to_string)
    };
    let incoming = IncomingRequest {
        is_post: parts.method == Method::POST && parts.uri.path() == "/",
        target: header("x-amz-target"),
        signed: parts.headers.contains_key("authorization"),
        body: Bytes::new(),
    };
    let reply = match Limited::new(body, MAX_REQUEST_BODY).collect().await {
        Ok(collected) => service.handle(&IncomingRequest {
            body: collected.to_bytes(),
            ..incoming
        }),
        Err(error) => {
            tracing::debug!(%error, "request body rejected");
            let mut reply = service.handle(&incoming);
            reply.outcome = Err(ApiError::serialization(
                "The request body could not be read or is larger than 1 MiB.",
            ));
            reply
        }
    };
    if !reply.delay.is_zero() {
        sleep_precisely(reply.delay).await;
    }
    Ok(to_response(reply))
}

/// The final part of a reply delay, slept on a blocking thread instead of tokio's timer.
const FINE_SLEEP: Duration = Duration::from_millis(2);

/// Sleeps for `delay` to within a fraction of a millisecond. Tokio's timer counts
/// whole milliseconds and rounds deadlines up, which added about a millisecond to every
/// delayed reply, so the last stretch is slept with the operating system's finer
/// sleep on a blocking thread. That stretch is kept short because a runtime that shuts
/// down waits for its blocking threads.
async fn sleep_precisely(delay: Duration) {
    let deadline = Instant::now() + delay;
    if let Some(coarse) = delay.checked_sub(FINE_SLEEP) {
        tokio::time::sleep(coarse).await;
    }
    let remaining = deadline.saturating_duration_since(Instant::now());
    if remaining.is_zero() {
        return;
    }
    if let Err(error) = tokio::task::spawn_blocking(move || std::thread::sleep(remaining)).await {
        tracing::warn!(%error, "sleeping for the reply delay failed");
    }
}

/// Builds the HTTP response, cutting the body short when the reply's shape requires it.
fn to_response(reply: Reply) -> Response<ResponseBody> {
    let (status, error_code, json) = match &reply.outcome {
        Ok(value) => (StatusCode::OK, None, value.to_string()),
        Err(error) => (error.status, Some(error.code), error.body().to_string()),
    };
    let bytes = Bytes::from(json);
    let full_length = bytes.len();
    let half = bytes.slice(..full_length / 2);
    let body = match reply.shape {
        ResponseShape::Intact => full(bytes),
        ResponseShape::MalformedJson => full(half),
        ResponseShape::ClosedMidway => closed_midway(half),
    };
    let mut response = Response::new(body);
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(JSON_1_1));
    if reply.shape == ResponseShape::ClosedMidway {
        // Promise the whole body so the client notices that it never arrives.
        headers.insert(CONTENT_LENGTH, HeaderValue::from(full_length));
    }
    if let Ok(id) = HeaderValue::from_str(&reply.request_id) {
        headers.insert("x-amzn-requestid", id);
    }
    if let Some(code) = error_code {
        headers.insert("x-amzn-errortype", HeaderValue::from_static(code));
    }
    response
}

fn full(bytes: Bytes) -> ResponseBody {
    Full::new(bytes).map_err(|never| match never {}).boxed()
}

/// Builds a body that sends `part` and then fails, so hyper closes the connection.
fn closed_midway(part: Bytes) -> ResponseBody {
    let frames = vec![
        Ok(Frame::data(part)),
        Err(std::io::Error::other("connection closed by the fault plan")),
    ];
    StreamBody::new(futures::stream::iter(frames)).boxed()
}
