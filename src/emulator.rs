//! Local AWS Config endpoint.
//!
//! Serves the AWS JSON 1.1 protocol over HTTP/1.1, so the real `aws-sdk-config` client,
//! the AWS CLI and boto3 can talk to it with an endpoint URL override. Requests must carry
//! an `Authorization` header, but signatures are not checked.

mod api_error;
mod counters;
mod faults;
mod hostile;
mod http;
mod operations;
mod organization;
mod pager;
mod reply;
mod request_body;
mod rng;
mod server;
mod service;
mod token;
mod validation;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;

use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub use faults::{DEFAULT_FAULT_OPERATION, Fault, FaultPlan, FaultPlanError, FaultRule, Trigger};
pub use hostile::HOSTILE_SEQUENCES;
pub use organization::{
    Aggregator, AggregatorSpec, ComplianceType, DEFAULT_REGIONS, MAX_ACCOUNTS, OrgSpec,
    Organization, PackCompliance, PackFilter, RegionScope, SourceKind, SourceStatus, SpecError,
    UpdateStatus, format_account_id,
};

use service::Service;

/// A running emulator; it stops on [`Emulator::shutdown`] or when dropped.
#[derive(Debug)]
pub struct Emulator {
    local_addr: SocketAddr,
    service: Arc<Service>,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

impl Emulator {
    /// Binds `listen` (e.g. 127.0.0.1:0) and serves in a background tokio task.
    pub async fn start(
        org: Arc<Organization>,
        listen: SocketAddr,
        faults: FaultPlan,
    ) -> std::io::Result<Emulator> {
        let listener = TcpListener::bind(listen).await?;
        let local_addr = listener.local_addr()?;
        let service = Arc::new(Service::new(org, faults));
        let (stop, stopped) = oneshot::channel();
        let task = tokio::spawn(server::run(listener, Arc::clone(&service), stopped));
        tracing::info!(%local_addr, "emulator listening");
        Ok(Emulator {
            local_addr,
            service,
            stop: Some(stop),
            task: Some(task),
        })
    }

    /// Returns the address the emulator listens on.
    pub fn local_addr(&self) -> SocketAddr {
        self.local_addr
    }

    /// Returns the endpoint URL for clients, such as `http://127.0.0.1:PORT`.
    pub fn endpoint_url(&self) -> String {
        format!("http://{}", self.local_addr)
    }

    /// Returns how many requests named `operation` arrived, whatever their outcome.
    pub fn request_count(&self, operation: &str) -> usize {
        self.service.counters.count(operation)
    }

    /// Returns how many TCP connections the emulator accepted, to check connection reuse.
    pub fn connection_count(&self) -> usize {
        self.service
            .connections
            .load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Returns the organization the emulator serves.
    pub fn organization(&self) -> &Organization {
        &self.service.organization
    }

    /// Stops accepting, closes open connections and waits for the server task.
    pub async fn shutdown(mut self) {
        if let Some(stop) = self.stop.take() {
            // An error means the server task already ended.
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take()
            && let Err(error) = task.await
        {
            tracing::warn!(%error, "emulator task failed");
        }
    }

    /// Serves until `signal` completes (for example `tokio::signal::ctrl_c()`), then shuts down.
    pub async fn serve_until<F: Future>(self, signal: F) {
        signal.await;
        self.shutdown().await;
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            task.abort();
        }
    }
}
