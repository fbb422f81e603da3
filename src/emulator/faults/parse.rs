//! The JSON form of a fault plan, checked field by field.

use std::time::Duration;

use serde::Deserialize;

use super::{DEFAULT_FAULT_OPERATION, Fault, FaultPlan, FaultRule, Trigger};
use crate::emulator::operations::Operation;

/// The largest added delay a plan accepts, in milliseconds (10 minutes).
const MAX_DELAY_MS: u64 = 600_000;

/// Fault names as the JSON form spells them, for every fault but `latency`.
const FIXED_FAULTS: [(&str, Fault); 14] = [
    ("throttling", Fault::Throttling),
    ("internal_failure", Fault::InternalFailure),
    ("service_unavailable", Fault::ServiceUnavailable),
    ("close_connection", Fault::CloseConnection),
    ("malformed_json", Fault::MalformedJson),
    ("empty_page", Fault::EmptyPage),
    ("empty_token", Fault::EmptyToken),
    ("repeated_token", Fault::RepeatedToken),
    ("invalid_next_token", Fault::InvalidNextToken),
    ("expired_token", Fault::ExpiredToken),
    ("unrecognized_client", Fault::UnrecognizedClient),
    ("access_denied", Fault::AccessDenied),
    ("no_such_aggregator", Fault::NoSuchAggregator),
    ("hostile_names", Fault::HostileNames),
];

/// A reason a fault plan cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum FaultPlanError {
    #[error("reading fault plan {path} failed: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("fault plan is not valid JSON for this format: {0}")]
    Json(#[from] serde_json::Error),
    #[error("invalid fault plan: {field}: {problem}")]
    Invalid { field: String, problem: String },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlan {
    #[serde(default)]
    latency_ms: u64,
    #[serde(default)]
    faults: Vec<RawRule>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    request: Option<u32>,
    page: Option<u32>,
    operation: Option<String>,
    fault: String,
    times: Option<u32>,
    ms: Option<u64>,
}

fn invalid(field: String, problem: impl Into<String>) -> FaultPlanError {
    FaultPlanError::Invalid {
        field,
        problem: problem.into(),
    }
}

pub(super) fn parse_plan(text: &str) -> Result<FaultPlan, FaultPlanError> {
    let raw: RawPlan = serde_json::from_str(text)?;
    if raw.latency_ms > MAX_DELAY_MS {
        return Err(invalid(
            "latency_ms".to_string(),
            format!("{} is above the maximum of {MAX_DELAY_MS}", raw.latency_ms),
        ));
    }
    let rules = raw
        .faults
        .iter()
        .enumerate()
        .map(|(index, rule)| parse_rule(rule, &format!("faults[{index}]")))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(FaultPlan {
        latency: Duration::from_millis(raw.latency_ms),
        rules,
    })
}

fn parse_rule(raw: &RawRule, path: &str) -> Result<FaultRule, FaultPlanError> {
    let trigger = parse_trigger(raw, path)?;
    let times = raw.times.unwrap_or(1);
    if times == 0 {
        return Err(invalid(
            format!("{path}.times"),
            "use 1 or more, or leave it out for 1",
        ));
    }
    let operation = raw.operation.as_deref().unwrap_or(DEFAULT_FAULT_OPERATION);
    if Operation::from_name(operation).is_none() {
        let known: Vec<&str> = Operation::ALL.iter().map(|op| op.name()).collect();
        return Err(invalid(
            format!("{path}.operation"),
            format!(
                "unknown operation '{operation}'; use one of: {}",
                known.join(", ")
            ),
        ));
    }
    Ok(FaultRule {
        operation: operation.to_string(),
        trigger,
        times,
        fault: parse_fault(raw, path)?,
    })
}

fn parse_trigger(raw: &RawRule, path: &str) -> Result<Trigger, FaultPlanError> {
    match (raw.request, raw.page) {
        (Some(0), None) => Err(invalid(
            format!("{path}.request"),
            "requests are numbered from 1; use 1 for the first request",
        )),
        (Some(number), None) => Ok(Trigger::Request(number)),
        (None, Some(offset)) => Ok(Trigger::Page(offset)),
        (Some(_), Some(_)) => Err(invalid(
            path.to_string(),
            "give either \"request\" or \"page\", not both",
        )),
        (None, None) => Err(invalid(
            path.to_string(),
            "missing trigger; add \"request\": N (the Nth request, from 1) or \"page\": OFFSET \
             (the page starting at that row, from 0)",
        )),
    }
}

fn parse_fault(raw: &RawRule, path: &str) -> Result<Fault, FaultPlanError> {
    if raw.fault == "latency" {
        let Some(ms) = raw.ms else {
            return Err(invalid(
                format!("{path}.ms"),
                "missing; a latency fault needs \"ms\", the added delay in milliseconds",
            ));
        };
        if ms > MAX_DELAY_MS {
            return Err(invalid(
                format!("{path}.ms"),
                format!("{ms} is above the maximum of {MAX_DELAY_MS}"),
            ));
        }
        return Ok(Fault::Latency(Duration::from_millis(ms)));
    }
    if raw.ms.is_some() {
        return Err(invalid(
            format!("{path}.ms"),
            format!(
                "only a latency fault takes \"ms\"; remove it from this '{}' fault",
                raw.fault
            ),
        ));
    }
    FIXED_FAULTS
        .iter()
        .find(|(name, _)| *name == raw.fault)
        .map(|(_, fault)| *fault)
        .ok_or_else(|| {
            let names: Vec<&str> = FIXED_FAULTS.iter().map(|(name, _)| *name).collect();
            invalid(
                format!("{path}.fault"),
                format!(
                    "unknown fault '{}'; use latency or one of: {}",
                    raw.fault,
                    names.join(", ")
                ),
            )
        })
}

#[cfg(test)]
mod tests;
