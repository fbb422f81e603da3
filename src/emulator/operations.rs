//! The AWS Config operations the emulator serves, by `X-Amz-Target` name.

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
}

impl Operation {
    pub(crate) const ALL: [Operation; 1] =
        [Operation::GetAggregateConformancePackComplianceSummary];

    pub(crate) fn name(self) -> &'static str {
        match self {
            Operation::GetAggregateConformancePackComplianceSummary => {
                "GetAggregateConformancePackComplianceSummary"
            }
        }
    }

    pub(crate) fn from_name(name: &str) -> Option<Operation> {
        Operation::ALL
            .into_iter()
            .find(|operation| operation.name() == name)
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
        }
    }
}
