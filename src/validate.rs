//! Checks for values the user types, so bad input never reaches the API.

/// Normalises an account ID filter: spaces and dashes are dropped, and the rest must be
/// exactly 12 digits. Leading zeros are kept, because they are part of the ID.
pub fn normalize_account_id(input: &str) -> Result<String, String> {
    let digits: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();

    if digits.len() == 12 && digits.chars().all(|c| c.is_ascii_digit()) {
        return Ok(digits);
    }

    Err(format!(
        "invalid account ID '{}': expected 12 digits, such as 012345678901 or 0123-4567-8901",
        input.trim()
    ))
}

/// Checks that a region filter has the shape of a region name, such as `eu-west-1`.
pub fn validate_region(input: &str) -> Result<String, String> {
    let region = input.trim();

    if is_region_shaped(region) {
        return Ok(region.to_string());
    }

    Err(format!(
        "invalid region '{region}': expected a region name such as us-east-1 or eu-central-2"
    ))
}

/// Checks an aggregator name against the service's rule: 1 to 256 characters of letters,
/// digits, `_` and `-`.
pub fn validate_aggregator_name(input: &str) -> Result<String, String> {
    let valid_chars = input
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');

    if !input.is_empty() && input.len() <= 256 && valid_chars {
        return Ok(input.to_string());
    }

    Err(format!(
        "invalid aggregator name '{input}': use 1 to 256 letters, digits, '_' or '-' \
         (list them with `aws configservice describe-configuration-aggregators`)"
    ))
}

/// Region names are lowercase words joined by dashes, starting with a two-letter
/// partition prefix and ending in a number: `us-east-1`, `us-gov-west-1`, `ap-southeast-3`.
fn is_region_shaped(region: &str) -> bool {
    if region.len() > 64 {
        return false;
    }

    let parts: Vec<&str> = region.split('-').collect();
    let Some((last, rest)) = parts.split_last() else {
        return false;
    };

    let number_ok = !last.is_empty() && last.chars().all(|c| c.is_ascii_digit());
    let prefix_ok = rest.first().is_some_and(|p| p.len() == 2);
    let words_ok = rest.len() >= 2
        && rest
            .iter()
            .all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase()));

    number_ok && prefix_ok && words_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_id_strips_dashes_and_spaces() {
        assert_eq!(
            normalize_account_id("0123-4567-8901"),
            Ok("012345678901".into())
        );
        assert_eq!(
            normalize_account_id(" 012 345 678 901 "),
            Ok("012345678901".into())
        );
    }

    #[test]
    fn account_id_keeps_leading_zeros() {
        assert_eq!(
            normalize_account_id("000000000001"),
            Ok("000000000001".into())
        );
    }

    #[test]
    fn account_id_rejects_wrong_length_and_letters() {
        for bad in [
            "",
            "12345678901",
            "1234567890123",
            "12345678901a",
            "1234_5678_9012",
        ] {
            let err = normalize_account_id(bad).expect_err(bad);
            assert!(
                err.contains("12 digits"),
                "message for {bad:?} lacks the fix: {err}"
            );
        }
    }

    #[test]
    fn region_accepts_real_names() {
        for good in [
            "us-east-1",
            "eu-central-2",
            "us-gov-west-1",
            "ap-southeast-3",
            "il-central-1",
        ] {
            assert_eq!(
                validate_region(good),
                Ok(good.to_string()),
                "{good} rejected"
            );
        }
    }

    #[test]
    fn region_rejects_malformed_names() {
        for bad in [
            "",
            "us-east",
            "US-EAST-1",
            "useast1",
            "us--east-1",
            "us-east-1a",
            "east-1",
        ] {
            let err = validate_region(bad).expect_err(bad);
            assert!(
                err.contains("us-east-1"),
                "message for {bad:?} lacks an example: {err}"
            );
        }
    }

    #[test]
    fn aggregator_name_rule() {
        assert!(validate_aggregator_name("org-aggregator_1").is_ok());
        assert!(validate_aggregator_name("").is_err(), "empty name accepted");
        assert!(
            validate_aggregator_name("has space").is_err(),
            "space accepted"
        );
        assert!(
            validate_aggregator_name(&"a".repeat(257)).is_err(),
            "257 chars accepted"
        );
    }
}
