//! Builds `aws_sdk_config` clients that reach only a local emulator: static credentials,
//! an explicit region and an explicit endpoint URL, so no default provider chain runs.
#![allow(dead_code)]

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use aws_sdk_config::Client;
use aws_sdk_config::config::retry::{RetryConfig, RetryPartition};
use aws_sdk_config::config::timeout::TimeoutConfig;
use aws_sdk_config::config::{BehaviorVersion, Credentials, Region};
use packscope::emulator::{Emulator, FaultPlan, Organization};

/// Returns a loopback address with a port the OS picks.
pub fn loopback() -> SocketAddr {
    SocketAddr::from(([127, 0, 0, 1], 0))
}

/// Starts an emulator on loopback.
pub async fn start(organization: Organization, faults: FaultPlan) -> Emulator {
    Emulator::start(Arc::new(organization), loopback(), faults)
        .await
        .expect("the emulator must bind a loopback port")
}

/// Starts the demo organization on loopback with no faults.
pub async fn start_demo() -> Emulator {
    start(Organization::demo(), FaultPlan::default()).await
}

/// Returns a config builder for `endpoint` with static credentials and region us-east-1.
pub fn config_builder(endpoint: &str) -> aws_sdk_config::config::Builder {
    static PARTITION: AtomicUsize = AtomicUsize::new(0);
    // Each client gets its own retry quota, so throttling in one test cannot starve another.
    let partition = format!(
        "emulator-test-{}",
        PARTITION.fetch_add(1, Ordering::Relaxed)
    );
    let credentials = Credentials::new(
        "AKIDEMULATORTEST",
        "emulator-test-secret",
        None,
        None,
        "test",
    );
    aws_sdk_config::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new("us-east-1"))
        .credentials_provider(credentials)
        .endpoint_url(endpoint)
        .retry_partition(RetryPartition::new(partition))
        .timeout_config(
            TimeoutConfig::builder()
                .operation_timeout(Duration::from_secs(20))
                .build(),
        )
}

/// Builds a client with standard retries (3 attempts) and millisecond backoff.
pub fn client(endpoint: &str) -> Client {
    let retries = RetryConfig::standard()
        .with_max_attempts(3)
        .with_initial_backoff(Duration::from_millis(1))
        .with_max_backoff(Duration::from_millis(5));
    Client::from_conf(config_builder(endpoint).retry_config(retries).build())
}

/// Builds a client that makes exactly one attempt, to see faults as they arrive.
pub fn client_without_retries(endpoint: &str) -> Client {
    Client::from_conf(
        config_builder(endpoint)
            .retry_config(RetryConfig::disabled())
            .build(),
    )
}
