//! Names the IAM action a denied request needs, because the shared classifier names
//! only the summary operation's action.

use super::{ErrorKind, FetchError};

/// Replaces the hint of an access-denied error with the `config:` action of
/// `operation`; other errors pass unchanged.
pub(super) fn hint_action(mut err: FetchError, operation: &str) -> FetchError {
    if err.kind == ErrorKind::AccessDenied {
        err.hint = format!("grant config:{operation} on the aggregator, then retry");
    }
    err
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(kind: ErrorKind) -> FetchError {
        FetchError {
            kind,
            code: None,
            message: "denied".into(),
            hint: "old hint".into(),
        }
    }

    #[test]
    fn access_denied_names_the_operation() {
        let err = hint_action(error(ErrorKind::AccessDenied), "DescribeX");
        assert!(
            err.hint.contains("config:DescribeX"),
            "hint lacks the action: {}",
            err.hint
        );
    }

    #[test]
    fn other_errors_keep_their_hint() {
        let err = hint_action(error(ErrorKind::Throttled), "DescribeX");
        assert_eq!(err.hint, "old hint");
    }
}
