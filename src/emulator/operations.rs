//! The AWS Config operations the emulator serves, by `X-Amz-Target` name.

mod aggregators;
mod packs;
mod sources_status;
mod summary;

use super::api_error::ApiError;
use super::organization::Organization;
use super::pager::Listing;
use super::request_body::RequestBody;

/// The prefix of every AWS Config `X-Amz-Target` value.
pub(crate) const TARGET_PREFIX: &str = "StarlingDoveService.";

/// A served operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Operation {
    GetAggregateConformancePackComplianceSummary,
    DescribeConfigurationAggregators,
    DescribeAggregateComplianceByConformancePacks,
    DescribeConfigurationAggregatorSourcesStatus,
}

impl Operation {
    pub(crate) const ALL: [Operation; 1] =
        [Operation::GetAggregateConformancePackComplianceSummary];

    pub(crate) fn name(self) -> &'static str {
        match self {
            Operation::GetAggregateConformancePackComplianceSummary => {
                "GetAggregateConformancePackComplianceSummary"
            }
            Operation::DescribeConfigurationAggregators => "DescribeConfigurationAggregators",
            Operation::DescribeAggregateComplianceByConformancePacks => {
                "DescribeAggregateComplianceByConformancePacks"
            }
            Operation::DescribeConfigurationAggregatorSourcesStatus => {
                "DescribeConfigurationAggregatorSourcesStatus"
            }
        }
    }

    pub(crate) fn from_name(name: &str) -> Option<Operation> {
        let operation = match name {
            "GetAggregateConformancePackComplianceSummary" => {
                Operation::GetAggregateConformancePackComplianceSummary
            }
            "DescribeConfigurationAggregators" => Operation::DescribeConfigurationAggregators,
            "DescribeAggregateComplianceByConformancePacks" => {
                Operation::DescribeAggregateComplianceByConformancePacks
            }
            "DescribeConfigurationAggregatorSourcesStatus" => {
                Operation::DescribeConfigurationAggregatorSourcesStatus
            }
            _ => return None,
        };
        Some(operation)
    }

    /// Validates a request and prepares its listing.
    pub(crate) fn listing<'a>(
        self,
        organization: &'a Organization,
        body: RequestBody<'a>,
    ) -> Result<Listing<'a>, ApiError> {
        match self {
            Operation::GetAggregateConformancePackComplianceSummary => {
                summary::listing(organization, body)
            }
            Operation::DescribeConfigurationAggregators => aggregators::listing(organization, body),
            Operation::DescribeAggregateComplianceByConformancePacks => {
                packs::listing(organization, body)
            }
            Operation::DescribeConfigurationAggregatorSourcesStatus => {
                sources_status::listing(organization, body)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for operation in Operation::ALL {
            let parsed = Operation::from_name(operation.name());
            assert_eq!(
                parsed,
                Some(operation),
                "{} must parse back",
                operation.name()
            );
        }
    }
}
