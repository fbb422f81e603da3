//! Opaque `NextToken` values: an offset bound to one query and protected by a checksum.
//!
//! A token is 25 bytes in URL-safe base64 without padding: a format version, the offset
//! of the next row, a fingerprint of the query, a serial number and a checksum of the
//! rest. The serial makes every issued token distinct, so a page that does not advance
//! (an empty page that still has rows after it) never repeats the token it was sent.
//! This matters because SDK paginators stop when the service returns the token they sent.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

const VERSION: u8 = 1;
const LENGTH: usize = 25;
const CHECKSUM_KEY: u64 = 0x7061_636B_7363_6F70;

/// The reason a `NextToken` was rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenError {
    /// The text is not base64, has the wrong length or version, or fails its checksum.
    Malformed,
    /// The token is intact but was issued for another query.
    OtherQuery,
}

/// The decoded content of a `NextToken`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PageToken {
    pub offset: u32,
    pub fingerprint: u64,
    pub serial: u32,
}

impl PageToken {
    pub(crate) fn encode(self) -> String {
        let mut bytes = Vec::with_capacity(LENGTH);
        bytes.push(VERSION);
        bytes.extend_from_slice(&self.offset.to_be_bytes());
        bytes.extend_from_slice(&self.fingerprint.to_be_bytes());
        bytes.extend_from_slice(&self.serial.to_be_bytes());
        let checksum = fnv1a(CHECKSUM_KEY, &bytes);
        bytes.extend_from_slice(&checksum.to_be_bytes());
        URL_SAFE_NO_PAD.encode(bytes)
    }

    /// Decodes `text` and checks it belongs to the query with `fingerprint`.
    pub(crate) fn decode(text: &str, fingerprint: u64) -> Result<PageToken, TokenError> {
        let bytes = URL_SAFE_NO_PAD
            .decode(text)
            .map_err(|_| TokenError::Malformed)?;
        if bytes.len() != LENGTH || bytes[0] != VERSION {
            return Err(TokenError::Malformed);
        }
        let (body, checksum) = bytes.split_at(LENGTH - 8);
        if fnv1a(CHECKSUM_KEY, body).to_be_bytes() != checksum {
            return Err(TokenError::Malformed);
        }
        let token = PageToken {
            offset: u32::from_be_bytes(array(&body[1..5])),
            fingerprint: u64::from_be_bytes(array(&body[5..13])),
            serial: u32::from_be_bytes(array(&body[13..17])),
        };
        if token.fingerprint != fingerprint {
            return Err(TokenError::OtherQuery);
        }
        Ok(token)
    }
}

fn array<const N: usize>(bytes: &[u8]) -> [u8; N] {
    let mut out = [0; N];
    out.copy_from_slice(bytes);
    out
}

/// FNV-1a over `bytes`, started from `basis` instead of the standard offset basis.
fn fnv1a(basis: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(basis, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01B3)
    })
}

/// Fingerprints a query from its operation and named parts; `None` and `Some("")` differ.
pub(crate) fn fingerprint(operation: &str, parts: &[(&str, Option<&str>)]) -> u64 {
    let mut hash = fnv1a(0xCBF2_9CE4_8422_2325, operation.as_bytes());
    for (name, value) in parts {
        hash = fnv1a(hash, &[0xFF]);
        hash = fnv1a(hash, name.as_bytes());
        hash = match value {
            None => fnv1a(hash, &[0xFE]),
            Some(value) => fnv1a(fnv1a(hash, &[0xFD]), value.as_bytes()),
        };
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> PageToken {
        PageToken {
            offset: 300,
            fingerprint: 0xDEAD_BEEF_0123_4567,
            serial: 9,
        }
    }

    #[test]
    fn round_trips() {
        let token = sample();
        let decoded = PageToken::decode(&token.encode(), token.fingerprint);
        assert_eq!(
            decoded,
            Ok(token),
            "a token must decode to what was encoded"
        );
    }

    #[test]
    fn is_url_safe_text() {
        let text = sample().encode();
        assert!(
            text.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
            "token {text} must use only the URL-safe base64 alphabet"
        );
    }

    #[test]
    fn rejects_other_query() {
        let token = sample();
        let decoded = PageToken::decode(&token.encode(), token.fingerprint ^ 1);
        assert_eq!(
            decoded,
            Err(TokenError::OtherQuery),
            "the fingerprint must match"
        );
    }

    #[test]
    fn rejects_every_flipped_byte() {
        let token = sample();
        let bytes = URL_SAFE_NO_PAD
            .decode(token.encode())
            .expect("own token decodes");
        for index in 0..bytes.len() {
            let mut tampered = bytes.clone();
            tampered[index] ^= 0x04;
            let text = URL_SAFE_NO_PAD.encode(&tampered);
            let decoded = PageToken::decode(&text, token.fingerprint);
            assert!(
                decoded.is_err(),
                "a change to byte {index} must be rejected"
            );
        }
    }

    #[test]
    fn rejects_garbage() {
        for text in ["", "not a token", "AAAA", "%%%%", &"A".repeat(34)] {
            let decoded = PageToken::decode(text, 0);
            assert_eq!(
                decoded,
                Err(TokenError::Malformed),
                "{text:?} must be malformed"
            );
        }
    }

    #[test]
    fn rejects_truncated() {
        let text = sample().encode();
        let decoded = PageToken::decode(&text[..text.len() - 2], sample().fingerprint);
        assert_eq!(
            decoded,
            Err(TokenError::Malformed),
            "a cut token must be malformed"
        );
    }

    #[test]
    fn serial_changes_text() {
        let first = sample();
        let second = PageToken {
            serial: 10,
            ..first
        };
        assert_ne!(
            first.encode(),
            second.encode(),
            "serials must give distinct tokens"
        );
    }

    #[test]
    fn fingerprint_separates_parts() {
        let a = fingerprint("Op", &[("AccountId", Some("1")), ("AwsRegion", None)]);
        let b = fingerprint("Op", &[("AccountId", None), ("AwsRegion", Some("1"))]);
        let c = fingerprint("Op", &[("AccountId", Some("")), ("AwsRegion", None)]);
        let d = fingerprint("Op", &[("AccountId", None), ("AwsRegion", None)]);
        assert_ne!(a, b, "the same value in another field must differ");
        assert_ne!(c, d, "an empty value must differ from an absent one");
    }
}
