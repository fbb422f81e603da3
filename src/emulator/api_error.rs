//! Service errors as AWS JSON 1.1 sends them: an HTTP status, a code and a message.

use hyper::StatusCode;

/// An error response: `{"__type": code, "message": message}` with the code also in the
/// `X-Amzn-Errortype` header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
}

impl ApiError {
    /// Builds an HTTP 400 error, the status AWS Config uses for client errors,
    /// throttling and authentication failures alike.
    pub(crate) fn bad_request(code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            code,
            message: message.into(),
        }
    }

    pub(crate) fn serialization(message: impl Into<String>) -> ApiError {
        ApiError::bad_request("SerializationException", message)
    }

    pub(crate) fn unknown_operation(target: &str) -> ApiError {
        ApiError::bad_request(
            "UnknownOperationException",
            format!("The operation '{target}' is not supported by this endpoint."),
        )
    }

    pub(crate) fn missing_authentication() -> ApiError {
        ApiError::bad_request(
            "MissingAuthenticationTokenException",
            "Request is missing Authentication Token",
        )
    }

    pub(crate) fn no_such_aggregator(name: &str) -> ApiError {
        ApiError::bad_request(
            "NoSuchConfigurationAggregatorException",
            format!("The configuration aggregator '{name}' does not exist."),
        )
    }

    pub(crate) fn invalid_next_token(detail: &str) -> ApiError {
        ApiError::bad_request(
            "InvalidNextTokenException",
            format!("The nextToken provided is invalid: {detail}."),
        )
    }

    /// Builds the JSON body of the error response.
    pub(crate) fn body(&self) -> serde_json::Value {
        serde_json::json!({ "__type": self.code, "message": self.message })
    }
}
