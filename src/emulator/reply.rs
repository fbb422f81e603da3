//! The service's decision for one request, before it becomes HTTP.

use std::time::Duration;

use serde_json::Value;

use super::api_error::ApiError;

/// The way the bytes of a response reach the client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum ResponseShape {
    /// The whole response, as built.
    #[default]
    Intact,
    /// HTTP 200 with the JSON body cut in half, so it does not parse.
    MalformedJson,
    /// The headers and half the body, then the connection closes.
    ClosedMidway,
}

/// The outcome of one request.
#[derive(Debug, Clone)]
pub(crate) struct Reply {
    pub request_id: String,
    pub delay: Duration,
    pub outcome: Result<Value, ApiError>,
    pub shape: ResponseShape,
}
