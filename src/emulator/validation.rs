//! Input validation with the service's messages, such as
//! "1 validation error detected: Value '101' at 'limit' failed to satisfy constraint:
//! Member must have value less than or equal to 100".

use super::api_error::ApiError;
use crate::query::MAX_PAGE_SIZE;

/// Constraint violations collected over one request, reported together.
#[derive(Debug, Default)]
pub(crate) struct Violations {
    messages: Vec<String>,
}

impl Violations {
    fn add(&mut self, value: Option<&str>, path: &str, constraint: &str) {
        let value = match value {
            Some(value) => format!("'{value}'"),
            None => "null".to_string(),
        };
        self.messages.push(format!(
            "Value {value} at '{path}' failed to satisfy constraint: Member must {constraint}"
        ));
    }

    /// Records a missing required member.
    pub(crate) fn require<'v>(&mut self, value: Option<&'v str>, path: &str) -> Option<&'v str> {
        if value.is_none() {
            self.add(None, path, "not be null");
        }
        value
    }

    /// Checks a string length in characters.
    pub(crate) fn length(&mut self, value: &str, path: &str, min: usize, max: usize) {
        let length = value.chars().count();
        if length < min {
            self.add(
                Some(value),
                path,
                &format!("have length greater than or equal to {min}"),
            );
        }
        if length > max {
            self.add(
                Some(value),
                path,
                &format!("have length less than or equal to {max}"),
            );
        }
    }

    /// Checks a pattern, given as the service writes it and as a predicate on the value.
    pub(crate) fn pattern(&mut self, value: &str, path: &str, pattern: &str, matches: bool) {
        if !matches {
            let constraint = format!("satisfy regular expression pattern: {pattern}");
            self.add(Some(value), path, &constraint);
        }
    }

    /// Checks that a value is one of `allowed`.
    pub(crate) fn one_of(&mut self, value: &str, path: &str, allowed: &[&str]) {
        if !allowed.contains(&value) {
            let constraint = format!("satisfy enum value set: [{}]", allowed.join(", "));
            self.add(Some(value), path, &constraint);
        }
    }

    /// Checks the number of members of a list and returns whether it is in range.
    pub(crate) fn count(&mut self, list: &[&str], path: &str, min: usize, max: usize) -> bool {
        let value = format!("[{}]", list.join(", "));
        if list.len() < min {
            self.add(
                Some(&value),
                path,
                &format!("have length greater than or equal to {min}"),
            );
        }
        if list.len() > max {
            self.add(
                Some(&value),
                path,
                &format!("have length less than or equal to {max}"),
            );
        }
        (min..=max).contains(&list.len())
    }

    /// Checks an aggregator name: required, 1 to 256 characters, pattern `[\w\-]+`.
    pub(crate) fn aggregator_name<'v>(&mut self, value: Option<&'v str>, path: &str) -> &'v str {
        let Some(name) = self.require(value, path) else {
            return "";
        };
        self.length(name, path, 1, 256);
        self.pattern(name, path, r"[\w\-]+", is_word_pattern(name));
        name
    }

    /// Checks an optional account ID filter: exactly 12 ASCII digits.
    pub(crate) fn account_id(&mut self, value: Option<&str>, path: &str) {
        if let Some(id) = value {
            let matches = id.len() == 12 && id.bytes().all(|b| b.is_ascii_digit());
            self.pattern(id, path, r"\d{12}", matches);
        }
    }

    /// Checks an optional region filter: 1 to 64 characters.
    pub(crate) fn region(&mut self, value: Option<&str>, path: &str) {
        if let Some(region) = value {
            self.length(region, path, 1, 64);
        }
    }

    /// Returns a `ValidationException` listing every violation, if any.
    pub(crate) fn finish(self) -> Result<(), ApiError> {
        let count = self.messages.len();
        match count {
            0 => Ok(()),
            1 => Err(validation_error(format!(
                "1 validation error detected: {}",
                self.messages[0]
            ))),
            _ => Err(validation_error(format!(
                "{count} validation errors detected: {}",
                self.messages.join("; ")
            ))),
        }
    }
}

fn validation_error(message: String) -> ApiError {
    ApiError::bad_request("ValidationException", message)
}

/// Matches `[\w\-]+` as Java reads it: ASCII letters, digits, `_` and `-`.
fn is_word_pattern(value: &str) -> bool {
    !value.is_empty()
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// Checks `Limit` (0 to 100, where 0 or absent means 100) and returns the page size.
pub(crate) fn page_size(limit: Option<i64>) -> Result<usize, ApiError> {
    let max = i64::from(MAX_PAGE_SIZE);
    let constraint = match limit {
        None | Some(0) => return Ok(usize::from(MAX_PAGE_SIZE)),
        Some(value) if (1..=max).contains(&value) => return Ok(value as usize),
        Some(value) if value < 0 => "greater than or equal to 0".to_string(),
        Some(_) => format!("less than or equal to {max}"),
    };
    let value = limit.unwrap_or_default();
    Err(ApiError::bad_request(
        "InvalidLimitException",
        format!(
            "1 validation error detected: Value '{value}' at 'limit' failed to satisfy \
             constraint: Member must have value {constraint}"
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limit_message_names_value() {
        let error = page_size(Some(101)).err().map(|e| e.message);
        let expected = "1 validation error detected: Value '101' at 'limit' failed to satisfy \
                        constraint: Member must have value less than or equal to 100";
        assert_eq!(
            error.as_deref(),
            Some(expected),
            "message must match the service's"
        );
    }

    #[test]
    fn limit_zero_means_maximum() {
        assert_eq!(page_size(Some(0)), Ok(100), "0 must mean the maximum");
    }

    #[test]
    fn two_violations_are_joined() {
        let mut violations = Violations::default();
        violations.aggregator_name(Some(""), "configurationAggregatorName");
        let message = violations
            .finish()
            .err()
            .map(|e| e.message)
            .unwrap_or_default();
        assert!(
            message.starts_with("2 validation errors detected: "),
            "got {message}"
        );
    }

    #[test]
    fn word_pattern_is_ascii() {
        assert!(
            is_word_pattern("org_wide-1"),
            "letters, digits, _ and - match"
        );
        assert!(!is_word_pattern("org wide"), "a space must not match");
        assert!(!is_word_pattern("orgé"), "non-ASCII letters must not match");
    }
}
