//! TEMP STUB
use crate::query::{GroupBy, GroupSummary};
use std::net::SocketAddr;
use std::sync::Arc;
#[derive(Default)]
pub struct FaultPlan;
pub struct Organization;
impl Organization {
    pub fn demo() -> Self {
        Self
    }
    pub fn aggregator_names(&self) -> Vec<String> {
        vec![]
    }
    pub fn summaries(&self, _g: GroupBy, _a: Option<&str>, _r: Option<&str>) -> Vec<GroupSummary> {
        vec![]
    }
}
pub struct Emulator;
impl Emulator {
    pub async fn start(
        _o: Arc<Organization>,
        _l: SocketAddr,
        _f: FaultPlan,
    ) -> std::io::Result<Self> {
        Ok(Self)
    }
    pub fn endpoint_url(&self) -> String {
        String::new()
    }
    pub async fn shutdown(self) {}
}
