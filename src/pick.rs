//! Picks the aggregator for `--output` when none is named: the only one in the
//! region, or a usage error that lists the names.

use crate::aws::{self, Source};
use crate::sanitize::sanitize;

/// Returns the name of the only aggregator, or a message naming `--aggregator` and,
/// with several aggregators, every name.
pub async fn only_aggregator(source: &Source) -> Result<String, String> {
    let region = &source.region;
    let aggregators = aws::fetch_all_aggregators(source).await.map_err(|err| {
        format!(
            "missing aggregator: pass --aggregator NAME, because listing the aggregators \
             in {region} to pick one failed: {err}"
        )
    })?;

    match aggregators.as_slice() {
        [only] => {
            tracing::info!(aggregator = %only.name, "picked the only aggregator");
            Ok(only.name.clone())
        }
        [] => Err(format!(
            "missing aggregator: there are no configuration aggregators in {region}; pass \
             --aggregator NAME with --region set to its home region, or create one with \
             `aws configservice put-configuration-aggregator`"
        )),
        several => {
            let names: Vec<String> = several
                .iter()
                .map(|aggregator| sanitize(&aggregator.name).into_owned())
                .collect();
            Err(format!(
                "missing aggregator: {} aggregators in {region}; pass --aggregator with one \
                 of: {}",
                several.len(),
                names.join(", ")
            ))
        }
    }
}
