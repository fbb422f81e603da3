//! packscope: a terminal browser for AWS Config conformance pack compliance across an
//! aggregator, with a local emulator of the AWS Config endpoint.

pub mod emulator;
pub mod query;
