use std::process::ExitCode;

use clap::Parser;
use packscope::cli::Cli;

#[tokio::main]
async fn main() -> ExitCode {
    if let Err(err) = packscope::terminal::install_hooks() {
        eprintln!("packscope: failed to install error hooks: {err}");
        return ExitCode::FAILURE;
    }

    let cli = Cli::parse();
    match packscope::startup::run(cli).await {
        Ok(code) => code,
        Err(err) => {
            // The terminal is restored by now, so one plain line is readable.
            eprintln!("packscope: {err:#}");
            ExitCode::FAILURE
        }
    }
}
