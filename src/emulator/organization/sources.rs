//! The status of each aggregator source: when it last reported and whether that worked.

use super::spec::SourceKind;
use super::{Aggregator, Organization};
use crate::emulator::rng::mix_all;

/// The outcome of a source's last data transfer to the aggregator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UpdateStatus {
    Failed,
    Succeeded,
    Outdated,
}

impl UpdateStatus {
    /// All statuses in their wire order.
    pub const ALL: [UpdateStatus; 3] = [
        UpdateStatus::Failed,
        UpdateStatus::Succeeded,
        UpdateStatus::Outdated,
    ];

    /// Returns the `LastUpdateStatus` value on the wire.
    pub fn wire_name(self) -> &'static str {
        match self {
            UpdateStatus::Failed => "FAILED",
            UpdateStatus::Succeeded => "SUCCEEDED",
            UpdateStatus::Outdated => "OUTDATED",
        }
    }

    /// Parses a `LastUpdateStatus` value from the wire.
    pub fn from_wire_name(name: &str) -> Option<UpdateStatus> {
        UpdateStatus::ALL
            .into_iter()
            .find(|status| status.wire_name() == name)
    }
}

/// One source of an aggregator in one region.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceStatus {
    /// An account ID for `ACCOUNT` sources, the organization ID for `ORGANIZATION` ones.
    pub source_id: String,
    /// `ACCOUNT` or `ORGANIZATION`.
    pub source_type: &'static str,
    pub region: String,
    pub status: UpdateStatus,
    /// Seconds since the Unix epoch.
    pub last_update_time: i64,
    /// Set for `FAILED` sources only.
    pub error_code: Option<&'static str>,
    pub error_message: Option<String>,
}

impl Organization {
    /// Returns the sources of `aggregator` whose status is in `statuses` (all when empty),
    /// sorted by source and region.
    pub fn source_statuses(
        &self,
        aggregator: &Aggregator,
        statuses: &[UpdateStatus],
    ) -> Vec<SourceStatus> {
        self.source_rows(aggregator, statuses.to_vec()).collect()
    }

    /// Iterates the sources of `aggregator` in the order the pages use.
    ///
    /// An organization aggregator reports one source per region, named by the
    /// organization ID. An account aggregator reports each account in each region.
    // NOTE: this per-region shape for organization sources is inferred from the API
    // reference ("the source account ID or an organization"), not observed.
    pub(crate) fn source_rows<'a>(
        &'a self,
        aggregator: &'a Aggregator,
        statuses: Vec<UpdateStatus>,
    ) -> impl Iterator<Item = SourceStatus> + 'a {
        let sources = match aggregator.source {
            SourceKind::Organization => 1,
            SourceKind::Accounts => aggregator.account_count(self.accounts.len()),
        };
        let regions = self.regions.len() as u32;
        (0..sources)
            .flat_map(move |source| {
                (0..regions)
                    .filter(move |region| aggregator.regions.contains(*region))
                    .map(move |region| self.source_status(aggregator, source, region))
            })
            .filter(move |row| statuses.is_empty() || statuses.contains(&row.status))
    }

    fn source_status(&self, aggregator: &Aggregator, source: usize, region: u32) -> SourceStatus {
        let hash = mix_all(&[aggregator.salt, source as u64, u64::from(region)]);
        let (source_id, source_type) = match aggregator.source {
            SourceKind::Organization => (self.spec.organization_id.clone(), "ORGANIZATION"),
            SourceKind::Accounts => (self.account_id(aggregator.account_at(source)), "ACCOUNT"),
        };
        let region_name = self.region_name(region).to_string();
        let refreshed = self.spec.refreshed_at;
        let mut row = SourceStatus {
            source_id,
            source_type,
            region: region_name,
            status: UpdateStatus::Succeeded,
            last_update_time: refreshed - (hash % 3_600) as i64,
            error_code: None,
            error_message: None,
        };
        match hash % 100 {
            // About 2% of sources fail and 4% lag by days.
            0..2 => self.fail_source(&mut row, hash),
            2..6 => {
                row.status = UpdateStatus::Outdated;
                row.last_update_time = refreshed - 2 * 86_400 - (hash % (8 * 86_400)) as i64;
            }
            _ => {}
        }
        row
    }

    /// Marks a source as failed with one of two authorization errors.
    fn fail_source(&self, row: &mut SourceStatus, hash: u64) {
        // NOTE: the service does not document which codes it reports for failed sources.
        // These are AWS Config exception names, with messages written for the emulator.
        row.status = UpdateStatus::Failed;
        row.last_update_time = self.spec.refreshed_at - (hash % 86_400) as i64;
        let (code, message) = if row.source_type == "ORGANIZATION" {
            (
                "OrganizationAccessDeniedException",
                format!(
                    "The aggregator account lost access to organization {} in {}. Check that \
                     AWS Config has trusted access in AWS Organizations.",
                    row.source_id, row.region
                ),
            )
        } else {
            (
                "AccessDeniedException",
                format!(
                    "Account {} has not authorized the aggregator account in {}. Add an \
                     aggregation authorization in the source account.",
                    row.source_id, row.region
                ),
            )
        };
        row.error_code = Some(code);
        row.error_message = Some(message);
    }
}
