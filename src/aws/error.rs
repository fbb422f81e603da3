//! Sorts AWS failures into kinds the user can act on, each with a plain message and
//! the next step.

use std::error::Error as StdError;
use std::fmt;

use aws_credential_types::provider::error::CredentialsError;
use aws_sdk_config::error::{ProvideErrorMetadata, SdkError};

use super::Source;
use crate::sanitize::sanitize;

/// The kind of failure, in terms of what the user can do about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    Throttled,
    ServiceUnavailable,
    Network,
    Timeout,
    CredentialsMissing,
    CredentialsExpired,
    CredentialsInvalid,
    AccessDenied,
    AggregatorNotFound,
    InvalidNextToken,
    InvalidRequest,
    MalformedResponse,
    Other,
}

/// A failed request, ready to show: the message is free of control characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchError {
    pub kind: ErrorKind,
    /// The service's error code, such as `ThrottlingException`, when there is one.
    pub code: Option<String>,
    pub message: String,
    /// The next step, such as the command that renews an SSO session.
    pub hint: String,
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.message)?;
        if !self.hint.is_empty() {
            write!(f, "; {}", self.hint)?;
        }
        Ok(())
    }
}

impl std::error::Error for FetchError {}

impl FetchError {
    /// Classifies an SDK error, naming the profile, region and aggregator in the hint.
    pub fn from_sdk<E, R>(err: &SdkError<E, R>, source: &Source, aggregator: &str) -> Self
    where
        E: ProvideErrorMetadata + StdError + 'static,
        R: fmt::Debug + 'static,
    {
        match err {
            SdkError::ServiceError(service) => {
                let code = service.err().code().unwrap_or("Unknown").to_string();
                let message = service.err().message().unwrap_or_default().to_string();
                from_service(&code, &message, source, aggregator)
            }
            SdkError::TimeoutError(_) => Self::new(
                ErrorKind::Timeout,
                None,
                "request timed out",
                "check the network or proxy, then retry",
            ),
            SdkError::DispatchFailure(failure) => from_dispatch(err, failure.is_timeout(), source),
            SdkError::ResponseError(_) => Self::new(
                ErrorKind::MalformedResponse,
                None,
                &format!("unreadable response from the service: {}", chain(err)),
                "",
            ),
            _ => Self::new(ErrorKind::Other, None, &chain(err), ""),
        }
    }

    fn new(kind: ErrorKind, code: Option<&str>, message: &str, hint: &str) -> Self {
        Self {
            kind,
            code: code.map(String::from),
            message: sanitize(message).into_owned(),
            hint: sanitize(hint).into_owned(),
        }
    }
}

fn from_service(code: &str, message: &str, source: &Source, aggregator: &str) -> FetchError {
    let profile = source.profile_label();
    let region = &source.region;
    let (kind, text, hint) = match code {
        "ThrottlingException" | "LimitExceededException" | "TooManyRequestsException" => (
            ErrorKind::Throttled,
            format!("AWS Config is throttling requests ({message})"),
            "wait a moment, then retry from the same page".to_string(),
        ),
        "InternalFailure"
        | "InternalServerError"
        | "ServiceUnavailable"
        | "ServiceUnavailableException" => (
            ErrorKind::ServiceUnavailable,
            format!("AWS Config failed to answer ({code})"),
            "retry from the same page".to_string(),
        ),
        "NoSuchConfigurationAggregatorException" => (
            ErrorKind::AggregatorNotFound,
            format!("aggregator {aggregator} not found in {region}"),
            "pass the aggregator's home region with --region or AWS_REGION, \
             or check the name with `aws configservice describe-configuration-aggregators`"
                .to_string(),
        ),
        "ExpiredTokenException" | "ExpiredToken" | "RequestExpired" => (
            ErrorKind::CredentialsExpired,
            format!("the session token of profile {profile} has expired"),
            format!("renew it (for SSO: aws sso login --profile {profile}), then retry"),
        ),
        "UnrecognizedClientException"
        | "InvalidClientTokenId"
        | "InvalidSignatureException"
        | "SignatureDoesNotMatch"
        | "MissingAuthenticationTokenException" => (
            ErrorKind::CredentialsInvalid,
            format!("AWS rejected the credentials of profile {profile} ({code})"),
            "check the access key and secret for this profile, then retry".to_string(),
        ),
        "AccessDeniedException" | "AccessDenied" => (
            ErrorKind::AccessDenied,
            format!("access denied for profile {profile}: {message}"),
            "grant config:GetAggregateConformancePackComplianceSummary on the aggregator, \
             then retry"
                .to_string(),
        ),
        "InvalidNextTokenException" => (
            ErrorKind::InvalidNextToken,
            "the service rejected the next token".to_string(),
            "reload from the first page".to_string(),
        ),
        "ValidationException" | "InvalidLimitException" => (
            ErrorKind::InvalidRequest,
            format!("the service rejected the request: {message}"),
            "correct the filter or option named above".to_string(),
        ),
        _ => (
            ErrorKind::Other,
            format!("{code}: {message}"),
            String::new(),
        ),
    };
    FetchError::new(kind, Some(code), &text, &hint)
}

fn from_dispatch<E: StdError + 'static, R: fmt::Debug + 'static>(
    err: &SdkError<E, R>,
    is_timeout: bool,
    source: &Source,
) -> FetchError {
    if let Some(credentials) = find_source::<CredentialsError>(err) {
        return from_credentials(credentials, source);
    }

    if is_timeout {
        return FetchError::new(
            ErrorKind::Timeout,
            None,
            "connecting to AWS Config timed out",
            "check the network, VPN or proxy, then retry",
        );
    }

    FetchError::new(
        ErrorKind::Network,
        None,
        &format!("could not reach AWS Config: {}", chain(err)),
        "check the network, VPN, proxy or --endpoint-url, then retry",
    )
}

fn from_credentials(err: &CredentialsError, source: &Source) -> FetchError {
    let profile = source.profile_label();
    let detail = chain(err);
    let sso_expired = detail.contains("SSO") && detail.to_lowercase().contains("expired");

    if sso_expired {
        return FetchError::new(
            ErrorKind::CredentialsExpired,
            None,
            &format!("the SSO session of profile {profile} has expired"),
            &format!("run `aws sso login --profile {profile}`, then retry"),
        );
    }

    match err {
        CredentialsError::CredentialsNotLoaded(_) if source.profile.is_some() => FetchError::new(
            ErrorKind::CredentialsMissing,
            None,
            &format!("no AWS credentials found for profile {profile}"),
            &format!(
                "check that profile {profile} exists in ~/.aws/config or AWS_CONFIG_FILE \
                 (`aws configure list-profiles` lists them) and has credentials, then retry"
            ),
        ),
        CredentialsError::CredentialsNotLoaded(_) => FetchError::new(
            ErrorKind::CredentialsMissing,
            None,
            &format!("no AWS credentials found for profile {profile}"),
            "pass --profile, set AWS_PROFILE or run `aws configure`, then retry",
        ),
        CredentialsError::ProviderTimedOut(_) => FetchError::new(
            ErrorKind::CredentialsMissing,
            None,
            &format!("loading the credentials of profile {profile} timed out"),
            "pass --profile or set AWS_PROFILE to a profile with credentials, then retry",
        ),
        _ => FetchError::new(
            ErrorKind::CredentialsInvalid,
            None,
            &format!("could not load the credentials of profile {profile}: {detail}"),
            "fix the profile in ~/.aws/config, then retry",
        ),
    }
}

/// Walks the error's source chain for the first error of type `T`.
fn find_source<'a, T: StdError + 'static>(err: &'a (dyn StdError + 'static)) -> Option<&'a T> {
    let mut current = Some(err);
    while let Some(e) = current {
        if let Some(found) = e.downcast_ref::<T>() {
            return Some(found);
        }
        current = e.source();
    }
    None
}

/// Joins the error and its sources on one line, because the SDK's own Display shows
/// only the top error.
fn chain(err: &(dyn StdError + 'static)) -> String {
    let mut parts = vec![err.to_string()];
    let mut current = err.source();
    while let Some(e) = current {
        let text = e.to_string();
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        current = e.source();
    }
    parts.join(": ")
}
