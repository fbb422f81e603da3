//! Typed access to the members of a JSON request body.

use serde_json::{Map, Value};

use super::api_error::ApiError;

/// One JSON object of a request: the body itself or a nested structure.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RequestBody<'a> {
    members: &'a Map<String, Value>,
}

/// Parses the raw body; an empty body counts as `{}`.
pub(crate) fn parse(bytes: &[u8]) -> Result<Value, ApiError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(Value::Object(Map::new()));
    }
    let value: Value = serde_json::from_slice(bytes).map_err(|error| {
        ApiError::serialization(format!("The request body is not valid JSON: {error}"))
    })?;
    if !value.is_object() {
        return Err(ApiError::serialization(
            "The request body must be a JSON object.",
        ));
    }
    Ok(value)
}

fn wrong_type(key: &str, expected: &str, found: &Value) -> ApiError {
    let found = match found {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    };
    ApiError::serialization(format!(
        "Expected {expected} for '{key}' but found {found}."
    ))
}

impl<'a> RequestBody<'a> {
    /// Wraps a parsed body; `value` must be an object, as `parse` guarantees.
    pub(crate) fn new(value: &'a Value) -> Result<RequestBody<'a>, ApiError> {
        match value {
            Value::Object(members) => Ok(RequestBody { members }),
            other => Err(wrong_type("body", "an object", other)),
        }
    }

    /// Returns a member, treating JSON `null` as absent.
    fn member(&self, key: &str) -> Option<&'a Value> {
        self.members.get(key).filter(|value| !value.is_null())
    }

    pub(crate) fn string(&self, key: &str) -> Result<Option<&'a str>, ApiError> {
        match self.member(key) {
            None => Ok(None),
            Some(Value::String(text)) => Ok(Some(text)),
            Some(other) => Err(wrong_type(key, "a string", other)),
        }
    }

    pub(crate) fn integer(&self, key: &str) -> Result<Option<i64>, ApiError> {
        match self.member(key) {
            None => Ok(None),
            Some(value @ Value::Number(number)) => number
                .as_i64()
                .filter(|n| i32::try_from(*n).is_ok())
                .map(Some)
                .ok_or_else(|| wrong_type(key, "a 32-bit integer", value)),
            Some(other) => Err(wrong_type(key, "an integer", other)),
        }
    }

    pub(crate) fn structure(&self, key: &str) -> Result<Option<RequestBody<'a>>, ApiError> {
        match self.member(key) {
            None => Ok(None),
            Some(Value::Object(members)) => Ok(Some(RequestBody { members })),
            Some(other) => Err(wrong_type(key, "an object", other)),
        }
    }

    pub(crate) fn string_list(&self, key: &str) -> Result<Option<Vec<&'a str>>, ApiError> {
        let items = match self.member(key) {
            None => return Ok(None),
            Some(Value::Array(items)) => items,
            Some(other) => return Err(wrong_type(key, "a list", other)),
        };
        let strings = items
            .iter()
            .map(|item| match item {
                Value::String(text) => Ok(text.as_str()),
                other => Err(wrong_type(key, "a list of strings", other)),
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Some(strings))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_body_is_empty_object() {
        let value = parse(b"").expect("an empty body must parse");
        assert_eq!(
            value,
            Value::Object(Map::new()),
            "an empty body must mean {{}}"
        );
    }

    #[test]
    fn rejects_truncated_json() {
        let error = parse(b"{\"Limit\": 1").err().map(|e| e.code);
        assert_eq!(
            error,
            Some("SerializationException"),
            "broken JSON must be rejected"
        );
    }

    #[test]
    fn rejects_string_limit() {
        let value = parse(br#"{"Limit": "10"}"#).expect("valid JSON");
        let body = RequestBody::new(&value).expect("an object");
        let error = body.integer("Limit").err().map(|e| e.message);
        let expected = "Expected an integer for 'Limit' but found a string.";
        assert_eq!(
            error.as_deref(),
            Some(expected),
            "the message must name the member"
        );
    }

    #[test]
    fn null_is_absent() {
        let value = parse(br#"{"NextToken": null}"#).expect("valid JSON");
        let body = RequestBody::new(&value).expect("an object");
        assert_eq!(
            body.string("NextToken").ok(),
            Some(None),
            "null must read as absent"
        );
    }
}
