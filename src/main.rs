use std::process::ExitCode;

use clap::Parser;
use packscope::cli::Cli;

#[tokio::main]
async fn main() -> color_eyre::Result<ExitCode> {
    packscope::terminal::install_hooks()?;
    let cli = Cli::parse();
    packscope::startup::run(cli).await
}
