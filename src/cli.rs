//! The command line.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::query::GroupBy;
use crate::validate::{normalize_account_id, validate_aggregator_name, validate_region};

/// Browse AWS Config conformance pack compliance across an aggregator, per account or
/// per region.
#[derive(Debug, Parser)]
#[command(name = "packscope", version, about, long_about = None)]
pub struct Cli {
    /// Name of the AWS Config aggregator to query.
    #[arg(long, env = "PACKSCOPE_AGGREGATOR", value_name = "NAME", value_parser = parse_aggregator)]
    pub aggregator: Option<String>,

    /// AWS profile from the shared config files [default: AWS_PROFILE, else the default chain].
    #[arg(long, value_name = "NAME")]
    pub profile: Option<String>,

    /// The aggregator's home region [default: AWS_REGION, else the profile's region].
    #[arg(long, value_name = "REGION")]
    pub region: Option<String>,

    /// Send requests to this URL instead of AWS [default: AWS_ENDPOINT_URL if set].
    #[arg(long, value_name = "URL")]
    pub endpoint_url: Option<String>,

    /// Count conformance packs per account or per region.
    #[arg(long, value_enum, default_value_t = GroupByArg::Account, value_name = "KEY")]
    pub group_by: GroupByArg,

    /// Only this 12-digit account ID (dashes and spaces are ignored).
    #[arg(long, value_name = "ID", value_parser = parse_account)]
    pub filter_account: Option<String>,

    /// Only this source region, such as eu-west-1.
    #[arg(long, value_name = "REGION", value_parser = parse_region)]
    pub filter_region: Option<String>,

    /// Groups per request (the API's Limit), 1 to 100.
    #[arg(long, default_value_t = 100, value_name = "N",
          value_parser = clap::value_parser!(u8).range(1..=100))]
    pub page_size: u8,

    /// Print every group in this format and exit, with no interactive view.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub output: Option<OutputFormat>,

    /// Use the built-in demo organization: no AWS account or credentials needed.
    #[arg(long)]
    pub demo: bool,

    /// Reload the list in the background every this many seconds, 10 to 86400 (the a key
    /// switches it on or off).
    #[arg(long, value_name = "SECONDS",
          value_parser = clap::value_parser!(u64).range(10..=86_400))]
    pub refresh: Option<u64>,

    /// Write a debug log to this file (created readable by its owner only).
    #[arg(long, env = "PACKSCOPE_LOG_FILE", value_name = "PATH", value_parser = parse_log_file)]
    pub log_file: Option<PathBuf>,

    #[command(flatten)]
    pub emulator: EmulatorArgs,

    #[command(subcommand)]
    pub command: Option<CliCommand>,
}

#[derive(Debug, Subcommand)]
pub enum CliCommand {
    /// Serve the demo organization over the AWS Config JSON 1.1 protocol, for any AWS
    /// client: `aws configservice ... --endpoint-url http://127.0.0.1:PORT`.
    ServeDemo {
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1:4510", value_name = "ADDR:PORT")]
        listen: SocketAddr,
    },
}

/// Settings of the local emulator, for `--demo` and `serve-demo`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct EmulatorArgs {
    /// JSON file of faults the emulator injects (see the README's fault plan section).
    #[arg(long, global = true, value_name = "FILE")]
    pub fault_plan: Option<PathBuf>,

    /// Milliseconds of latency the emulator adds to every request.
    #[arg(long, global = true, value_name = "MS")]
    pub latency_ms: Option<u64>,

    /// Number of accounts in the demo organization, 1 to 100000 [default: 1200].
    #[arg(long, global = true, value_name = "N",
          value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub demo_accounts: Option<u32>,
}

impl EmulatorArgs {
    /// Returns whether any emulator setting was given.
    pub fn is_set(&self) -> bool {
        self.fault_plan.is_some() || self.latency_ms.is_some() || self.demo_accounts.is_some()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GroupByArg {
    Account,
    Region,
}

impl From<GroupByArg> for GroupBy {
    fn from(arg: GroupByArg) -> Self {
        match arg {
            GroupByArg::Account => GroupBy::Account,
            GroupByArg::Region => GroupBy::Region,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// The AWS CLI's document shape, with the pages merged.
    Json,
    /// Header `group,compliant,noncompliant,total`.
    Csv,
    /// Aligned columns for reading.
    Table,
}

/// Accepts any path; an empty one (`PACKSCOPE_LOG_FILE=` in the environment) means no
/// log, which `startup` checks, instead of clap's "a value is required".
fn parse_log_file(value: &str) -> Result<PathBuf, String> {
    Ok(PathBuf::from(value))
}

fn parse_aggregator(value: &str) -> Result<String, String> {
    validate_aggregator_name(value)
}

fn parse_account(value: &str) -> Result<String, String> {
    normalize_account_id(value)
}

fn parse_region(value: &str) -> Result<String, String> {
    validate_region(value)
}
