//! Starts the emulator on loopback and connects the real aws-sdk-config client to it.

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use packscope::aws::{self, Connection, Source, Timing};
use packscope::emulator::{Emulator, FaultPlan, Organization};
use packscope::query::{Filters, GroupBy, Query};

pub async fn start_emulator(organization: Arc<Organization>, faults: FaultPlan) -> Emulator {
    let listen = SocketAddr::from((Ipv4Addr::LOCALHOST, 0));
    Emulator::start(organization, listen, faults)
        .await
        .expect("emulator should bind a loopback port")
}

/// Timing for tests: the SDK's three attempts, with short backoff so retries are quick.
pub fn quick_timing() -> Timing {
    Timing {
        initial_backoff: Duration::from_millis(5),
        ..Timing::default()
    }
}

pub async fn connect(emulator: &Emulator) -> Source {
    connect_to(&emulator.endpoint_url(), quick_timing()).await
}

pub async fn connect_to(endpoint_url: &str, timing: Timing) -> Source {
    let connection = Connection {
        profile: None,
        region: Some("us-east-1".into()),
        endpoint_url: Some(endpoint_url.to_string()),
        static_credentials: Some(("AKIATEST".into(), "test-secret".into())),
        timing,
    };
    aws::connect(&connection)
        .await
        .expect("client for the emulator")
}

pub fn query(aggregator: &str, group_by: GroupBy, filters: Filters, page_size: u8) -> Query {
    Query {
        aggregator: aggregator.into(),
        group_by,
        filters,
        page_size,
    }
}
