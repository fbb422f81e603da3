//! Paging shared by every list operation: token decoding, page slicing and the response.

use std::sync::atomic::{AtomicU32, Ordering};

use serde_json::{Map, Value};

use super::api_error::ApiError;
use super::faults::PageEffects;
use super::hostile::hostile_name;
use super::token::{PageToken, TokenError};

/// Reads `size` rows from `offset`; returns them and whether more rows follow.
pub(crate) type FetchRows<'a> = Box<dyn FnOnce(usize, usize) -> (Vec<Value>, bool) + 'a>;

/// A validated list request, ready to serve any page.
pub(crate) struct Listing<'a> {
    /// The response member that contains the rows.
    pub list_key: &'static str,
    /// The row member that names the row, rewritten by the hostile-names fault.
    pub name_key: &'static str,
    pub fingerprint: u64,
    pub page_size: usize,
    /// The `NextToken` sent by the client; an empty string counts as absent.
    pub next_token: Option<&'a str>,
    /// Response members besides the rows and `NextToken`, such as `GroupByKey`.
    pub extra: Vec<(&'static str, Value)>,
    pub fetch: FetchRows<'a>,
}

impl Listing<'_> {
    /// Returns the offset the request's `NextToken` points at, 0 without a token.
    pub(crate) fn offset(&self) -> Result<usize, ApiError> {
        let Some(text) = self.next_token else {
            return Ok(0);
        };
        match PageToken::decode(text, self.fingerprint) {
            Ok(token) => Ok(token.offset as usize),
            Err(TokenError::Malformed) => Err(ApiError::invalid_next_token(
                "it is malformed or was altered; start again without a NextToken",
            )),
            Err(TokenError::OtherQuery) => Err(ApiError::invalid_next_token(
                "it was issued for a different query; send the same aggregator, \
                 grouping and filters as the request that returned it",
            )),
        }
    }

    /// Builds the response body for the page at `offset`.
    pub(crate) fn render(self, offset: usize, effects: PageEffects, serial: &AtomicU32) -> Value {
        let (mut rows, more) = if effects.empty_page {
            (Vec::new(), true)
        } else {
            (self.fetch)(offset, self.page_size)
        };
        if effects.hostile_names {
            rewrite_names(&mut rows, self.name_key);
        }
        let next_offset = more.then_some(offset + rows.len());
        let next_token = if effects.empty_token {
            Some(String::new())
        } else if effects.repeated_token {
            self.next_token.map(str::to_string)
        } else {
            next_offset.map(|offset| {
                let serial = serial.fetch_add(1, Ordering::Relaxed);
                issue_token(offset, self.fingerprint, serial)
            })
        };
        let mut body = Map::new();
        body.insert(self.list_key.to_string(), Value::Array(rows));
        for (key, value) in self.extra {
            body.insert(key.to_string(), value);
        }
        if let Some(token) = next_token {
            body.insert("NextToken".to_string(), Value::String(token));
        }
        Value::Object(body)
    }
}

fn issue_token(offset: usize, fingerprint: u64, serial: u32) -> String {
    let token = PageToken {
        offset: u32::try_from(offset).unwrap_or(u32::MAX),
        fingerprint,
        serial,
    };
    token.encode()
}

fn rewrite_names(rows: &mut [Value], name_key: &str) {
    for (index, row) in rows.iter_mut().enumerate() {
        if let Some(Value::String(name)) = row.get_mut(name_key) {
            *name = hostile_name(index, name);
        }
    }
}

/// Reads one page from an iterator over all rows, in order.
pub(crate) fn page_of<T>(
    rows: impl Iterator<Item = T>,
    offset: usize,
    size: usize,
    to_json: impl Fn(T) -> Value,
) -> (Vec<Value>, bool) {
    let mut page: Vec<Value> = rows.skip(offset).take(size + 1).map(to_json).collect();
    let more = page.len() > size;
    page.truncate(size);
    (page, more)
}
