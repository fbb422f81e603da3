//! The recipe for a generated organization: seed, sizes and aggregators.

use serde::{Deserialize, Serialize};

use super::catalog::{DEFAULT_REGIONS, PACKS};

/// The largest organization `Organization::generate` builds.
pub const MAX_ACCOUNTS: u32 = 100_000;

/// The largest number of regions, so a region set fits in a `u32` bit mask.
pub const MAX_REGIONS: usize = 32;

/// The recipe for a deterministic organization: the same spec always yields the same data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrgSpec {
    /// The seed of every random choice.
    pub seed: u64,
    /// The number of member accounts, 1 to 100,000.
    pub accounts: u32,
    /// The regions the organization uses, 1 to 32 distinct names.
    pub regions: Vec<String>,
    /// The maximum number of conformance packs in one account and region, 0 to 20.
    pub max_packs_per_region: u8,
    /// The AWS Organizations ID, reported as the source of organization aggregators.
    pub organization_id: String,
    /// The region that contains the aggregators, used in their ARNs.
    pub home_region: String,
    /// When the aggregators were created, in seconds since the Unix epoch.
    pub created_at: i64,
    /// The time the emulator reports as the latest data refresh, in seconds since the Unix epoch.
    pub refreshed_at: i64,
    /// The aggregators, the first of which is the default.
    pub aggregators: Vec<AggregatorSpec>,
}

/// One configuration aggregator of a generated organization.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AggregatorSpec {
    /// The aggregator name, 1 to 256 characters of `[\w\-]`.
    pub name: String,
    /// Whether the aggregator collects from the whole organization or from listed accounts.
    pub source: SourceKind,
    /// For `ACCOUNTS` sources: every Nth account (by account ID order) is a source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_stride: Option<u32>,
    /// The regions collected from; absent means all regions of the organization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regions: Option<Vec<String>>,
}

/// The source type of an aggregator, as the service names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum SourceKind {
    Organization,
    Accounts,
}

/// A reason an `OrgSpec` cannot be generated.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid organization spec: {field}: {problem}")]
pub struct SpecError {
    pub field: String,
    pub problem: String,
}

fn spec_error(field: impl Into<String>, problem: impl Into<String>) -> SpecError {
    SpecError {
        field: field.into(),
        problem: problem.into(),
    }
}

impl OrgSpec {
    /// Builds a spec with `accounts` accounts over the 16 default regions and two
    /// aggregators: `org-wide` (ORGANIZATION) and `security-baseline` (ACCOUNTS, every
    /// 7th account in four regions).
    pub fn new(seed: u64, accounts: u32) -> OrgSpec {
        OrgSpec {
            seed,
            accounts,
            regions: DEFAULT_REGIONS.iter().map(|r| r.to_string()).collect(),
            max_packs_per_region: 6,
            organization_id: "o-a1b2c3d4e5".to_string(),
            home_region: "us-east-1".to_string(),
            created_at: 1_650_000_000,
            refreshed_at: 1_735_689_600,
            aggregators: vec![
                AggregatorSpec {
                    name: "org-wide".to_string(),
                    source: SourceKind::Organization,
                    account_stride: None,
                    regions: None,
                },
                AggregatorSpec {
                    name: "security-baseline".to_string(),
                    source: SourceKind::Accounts,
                    account_stride: Some(7),
                    regions: Some(
                        ["eu-west-1", "us-east-1", "us-east-2", "us-west-2"]
                            .map(String::from)
                            .to_vec(),
                    ),
                },
            ],
        }
    }

    /// Checks every field against the limits documented on it.
    pub fn validate(&self) -> Result<(), SpecError> {
        if !(1..=MAX_ACCOUNTS).contains(&self.accounts) {
            return Err(spec_error(
                "accounts",
                format!("{} is out of range; use 1 to {MAX_ACCOUNTS}", self.accounts),
            ));
        }
        if usize::from(self.max_packs_per_region) > PACKS.len() {
            return Err(spec_error(
                "max_packs_per_region",
                format!(
                    "{} is above the {} known packs",
                    self.max_packs_per_region,
                    PACKS.len()
                ),
            ));
        }
        validate_regions(&self.regions)?;
        if !self.regions.contains(&self.home_region) {
            return Err(spec_error("home_region", "must be one of `regions`"));
        }
        self.validate_aggregators()
    }

    fn validate_aggregators(&self) -> Result<(), SpecError> {
        if self.aggregators.is_empty() {
            return Err(spec_error("aggregators", "add at least one aggregator"));
        }
        for (index, aggregator) in self.aggregators.iter().enumerate() {
            aggregator.validate(&format!("aggregators[{index}]"), &self.regions)?;
            let duplicate = self.aggregators[..index]
                .iter()
                .any(|earlier| earlier.name == aggregator.name);
            if duplicate {
                return Err(spec_error(
                    format!("aggregators[{index}].name"),
                    format!("'{}' is used twice; names must be unique", aggregator.name),
                ));
            }
        }
        Ok(())
    }
}

fn validate_regions(regions: &[String]) -> Result<(), SpecError> {
    if regions.is_empty() || regions.len() > MAX_REGIONS {
        return Err(spec_error(
            "regions",
            format!("{} regions given; use 1 to {MAX_REGIONS}", regions.len()),
        ));
    }
    for (index, region) in regions.iter().enumerate() {
        if region.is_empty() || region.len() > 64 {
            return Err(spec_error(
                format!("regions[{index}]"),
                "use 1 to 64 characters",
            ));
        }
        if regions[..index].contains(region) {
            return Err(spec_error(
                format!("regions[{index}]"),
                format!("'{region}' is listed twice"),
            ));
        }
    }
    Ok(())
}

impl AggregatorSpec {
    fn validate(&self, path: &str, org_regions: &[String]) -> Result<(), SpecError> {
        let name_ok = (1..=256).contains(&self.name.chars().count())
            && self
                .name
                .chars()
                .all(|c| c == '-' || c == '_' || c.is_alphanumeric());
        if !name_ok {
            return Err(spec_error(
                format!("{path}.name"),
                format!(
                    "'{}' must be 1 to 256 letters, digits, '_' or '-'",
                    self.name
                ),
            ));
        }
        match (self.source, self.account_stride) {
            (SourceKind::Accounts, None | Some(0)) => {
                return Err(spec_error(
                    format!("{path}.account_stride"),
                    "an ACCOUNTS aggregator needs a stride of 1 or more",
                ));
            }
            (SourceKind::Organization, Some(_)) => {
                return Err(spec_error(
                    format!("{path}.account_stride"),
                    "remove it: an ORGANIZATION aggregator covers every account",
                ));
            }
            _ => {}
        }
        for region in self.regions.iter().flatten() {
            if !org_regions.contains(region) {
                return Err(spec_error(
                    format!("{path}.regions"),
                    format!("'{region}' is not one of the organization's regions"),
                ));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_spec_is_valid() {
        assert_eq!(
            OrgSpec::new(1, 10).validate(),
            Ok(()),
            "OrgSpec::new must be valid"
        );
    }

    #[test]
    fn rejects_too_many_accounts() {
        let error = OrgSpec::new(1, MAX_ACCOUNTS + 1).validate().err();
        let field = error.map(|e| e.field);
        assert_eq!(
            field.as_deref(),
            Some("accounts"),
            "the error must name the field"
        );
    }

    #[test]
    fn rejects_unknown_aggregator_region() {
        let mut spec = OrgSpec::new(1, 10);
        spec.aggregators[1].regions = Some(vec!["mars-north-1".to_string()]);
        let field = spec.validate().err().map(|e| e.field);
        assert_eq!(
            field.as_deref(),
            Some("aggregators[1].regions"),
            "the error must name the field"
        );
    }

    #[test]
    fn rejects_duplicate_aggregator_name() {
        let mut spec = OrgSpec::new(1, 10);
        spec.aggregators[1].name = spec.aggregators[0].name.clone();
        let field = spec.validate().err().map(|e| e.field);
        assert_eq!(
            field.as_deref(),
            Some("aggregators[1].name"),
            "the error must name the field"
        );
    }
}
