//! The emulator settings shared by `--demo` and `serve-demo`: which organization to
//! serve and which faults to inject.

use std::sync::Arc;
use std::time::Duration;

use crate::cli::EmulatorArgs;
use crate::emulator::{FaultPlan, Organization};

/// Builds the organization: the built-in demo, or the demo's shape with another
/// number of accounts.
pub fn organization(args: &EmulatorArgs) -> Result<Arc<Organization>, String> {
    let Some(accounts) = args.demo_accounts else {
        return Ok(Arc::new(Organization::demo()));
    };

    let mut spec = Organization::demo_spec();
    spec.accounts = accounts;
    Organization::try_generate(&spec)
        .map(Arc::new)
        .map_err(|err| format!("invalid --demo-accounts {accounts}: {err}"))
}

/// Reads the fault plan file, if any, and adds the fixed latency on top.
pub fn fault_plan(args: &EmulatorArgs) -> Result<FaultPlan, String> {
    let mut plan = match &args.fault_plan {
        Some(path) => FaultPlan::from_file(path).map_err(|err| err.to_string())?,
        None => FaultPlan::default(),
    };

    if let Some(ms) = args.latency_ms {
        plan.latency = Duration::from_millis(ms);
    }
    Ok(plan)
}
