//! The effects of fired faults on one request, and the error responses they produce.

use std::time::Duration;

use hyper::StatusCode;

use super::Fault;
use crate::emulator::api_error::ApiError;
use crate::emulator::reply::ResponseShape;

/// Changes to how one page is built.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct PageEffects {
    /// No rows, and a `NextToken` that points at the same offset.
    pub empty_page: bool,
    /// `NextToken` is the empty string.
    pub empty_token: bool,
    /// `NextToken` is the token the request sent.
    pub repeated_token: bool,
    /// Row names carry control characters and escape sequences.
    pub hostile_names: bool,
}

/// Everything the fired faults do to one request.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct FaultEffects {
    pub delay: Duration,
    /// A fault that replaces the response with an error.
    pub error: Option<Fault>,
    pub shape: ResponseShape,
    pub page: PageEffects,
}

impl FaultEffects {
    /// Adds the effects of `other`; its error and shape, if any, replace earlier ones.
    pub(crate) fn merge(&mut self, other: FaultEffects) {
        self.delay += other.delay;
        self.error = other.error.or(self.error);
        if other.shape != ResponseShape::Intact {
            self.shape = other.shape;
        }
        self.page.empty_page |= other.page.empty_page;
        self.page.empty_token |= other.page.empty_token;
        self.page.repeated_token |= other.page.repeated_token;
        self.page.hostile_names |= other.page.hostile_names;
    }

    /// Adds the effect of one fired fault; a later error or shape replaces an earlier one.
    pub(crate) fn apply(&mut self, fault: Fault) {
        match fault {
            Fault::Latency(delay) => self.delay += delay,
            Fault::CloseConnection => self.shape = ResponseShape::ClosedMidway,
            Fault::MalformedJson => self.shape = ResponseShape::MalformedJson,
            Fault::EmptyPage => self.page.empty_page = true,
            Fault::EmptyToken => self.page.empty_token = true,
            Fault::RepeatedToken => self.page.repeated_token = true,
            Fault::HostileNames => self.page.hostile_names = true,
            Fault::Throttling
            | Fault::InternalFailure
            | Fault::ServiceUnavailable
            | Fault::InvalidNextToken
            | Fault::ExpiredToken
            | Fault::UnrecognizedClient
            | Fault::AccessDenied
            | Fault::NoSuchAggregator => self.error = Some(fault),
        }
    }
}

/// Builds the error response the service sends for an error fault.
///
/// `aggregator` is the aggregator name from the request, if it could be read, and
/// `account_id` is the account of the caller named in access-denied messages.
pub(crate) fn fault_error(
    fault: Fault,
    operation: &str,
    aggregator: Option<&str>,
    account_id: &str,
) -> ApiError {
    match fault {
        Fault::Throttling => ApiError::bad_request("ThrottlingException", "Rate exceeded"),
        Fault::InternalFailure => ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            code: "InternalFailure",
            message: "The request processing has failed because of an unknown error, \
                      exception or failure."
                .to_string(),
        },
        Fault::ServiceUnavailable => ApiError {
            status: StatusCode::SERVICE_UNAVAILABLE,
            code: "ServiceUnavailable",
            message: "The request has failed due to a temporary failure of the server.".to_string(),
        },
        Fault::InvalidNextToken => {
            ApiError::invalid_next_token("it has expired; start again without a NextToken")
        }
        Fault::ExpiredToken => ApiError::bad_request(
            "ExpiredTokenException",
            "The security token included in the request is expired",
        ),
        Fault::UnrecognizedClient => ApiError::bad_request(
            "UnrecognizedClientException",
            "The security token included in the request is invalid.",
        ),
        Fault::AccessDenied => ApiError::bad_request(
            "AccessDeniedException",
            format!(
                "User: arn:aws:iam::{account_id}:user/packscope-reader is not authorized to \
                 perform: config:{operation} because no identity-based policy allows the \
                 config:{operation} action"
            ),
        ),
        Fault::NoSuchAggregator => ApiError::no_such_aggregator(aggregator.unwrap_or("")),
        // The remaining faults change a successful response and `apply` never records them
        // as errors, so this arm only runs on a bug; it replies as the service does then.
        _ => fault_error(Fault::InternalFailure, operation, aggregator, account_id),
    }
}
