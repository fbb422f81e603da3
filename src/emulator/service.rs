//! The request pipeline: target, faults, authentication, body, operation and page.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, AtomicUsize};

use bytes::Bytes;

use super::api_error::ApiError;
use super::counters::RequestCounters;
use super::faults::{ArmedFaults, Fault, FaultEffects, FaultPlan, fault_error};
use super::operations::{Operation, TARGET_PREFIX};
use super::organization::Organization;
use super::reply::Reply;
use super::request_body::{self, RequestBody};

/// The parts of an HTTP request the service looks at.
#[derive(Debug, Clone)]
pub(crate) struct IncomingRequest {
    pub is_post: bool,
    /// The `X-Amz-Target` header, if present and valid UTF-8.
    pub target: Option<String>,
    /// Whether an `Authorization` header is present; signatures are not checked.
    pub signed: bool,
    pub body: Bytes,
}

/// The emulated AWS Config service, shared by every connection.
#[derive(Debug)]
pub(crate) struct Service {
    pub organization: Arc<Organization>,
    pub faults: ArmedFaults,
    /// The caller's account in access-denied messages.
    principal_account: String,
    pub counters: RequestCounters,
    /// Serial numbers that make every issued `NextToken` distinct.
    pub token_serial: AtomicU32,
    /// TCP connections accepted so far.
    pub connections: AtomicUsize,
}

impl Service {
    pub(crate) fn new(organization: Arc<Organization>, faults: FaultPlan) -> Service {
        Service {
            principal_account: organization.management_account_id(),
            organization,
            faults: ArmedFaults::new(faults),
            counters: RequestCounters::default(),
            token_serial: AtomicU32::new(0),
            connections: AtomicUsize::new(0),
        }
    }

    /// Serves one request.
    pub(crate) fn handle(&self, request: &IncomingRequest) -> Reply {
        let target = request.target.as_deref().unwrap_or_default();
        let operation_name = target.strip_prefix(TARGET_PREFIX).unwrap_or(target);
        let number = self.counters.record(operation_name);
        let mut effects = self.faults.for_request(operation_name, number);
        let outcome = match effects.error.take() {
            Some(fault) => Err(self.fault_error(fault, operation_name, request)),
            None => self.serve(request, operation_name, &mut effects),
        };
        if let Err(error) = &outcome {
            tracing::debug!(
                operation = operation_name,
                code = error.code,
                "request rejected"
            );
        }
        Reply {
            request_id: self.counters.request_id(),
            delay: effects.delay,
            outcome,
            shape: effects.shape,
        }
    }

    fn serve(
        &self,
        request: &IncomingRequest,
        operation_name: &str,
        effects: &mut FaultEffects,
    ) -> Result<serde_json::Value, ApiError> {
        let known = request
            .target
            .as_deref()
            .is_some_and(|target| target.starts_with(TARGET_PREFIX));
        let operation = Operation::from_name(operation_name)
            .filter(|_| known && request.is_post)
            .ok_or_else(|| ApiError::unknown_operation(request.target.as_deref().unwrap_or("")))?;
        if !request.signed {
            return Err(ApiError::missing_authentication());
        }
        let value = request_body::parse(&request.body)?;
        let body = RequestBody::new(&value)?;
        let listing = operation.listing(&self.organization, body)?;
        let offset = listing.offset()?;
        let page_effects = self.faults.for_page(operation_name, offset);
        effects.merge(page_effects);
        if let Some(fault) = effects.error.take() {
            return Err(self.fault_error(fault, operation_name, request));
        }
        Ok(listing.render(offset, effects.page, &self.token_serial))
    }

    fn fault_error(&self, fault: Fault, operation: &str, request: &IncomingRequest) -> ApiError {
        let body = request_body::parse(&request.body).ok();
        let aggregator = body
            .as_ref()
            .and_then(|body| body.get("ConfigurationAggregatorName"))
            .and_then(serde_json::Value::as_str);
        tracing::debug!(operation, ?fault, "error fault fired");
        fault_error(fault, operation, aggregator, &self.principal_account)
    }
}
