//! Checks of flag combinations that clap cannot express, run before anything starts.

use std::io::IsTerminal;

use crate::cli::Cli;
use crate::validate::validate_region;

/// Returns a usage error naming the flag and the fix, or `Ok` when the flags make sense
/// together.
pub fn check_flags(cli: &Cli) -> Result<(), String> {
    if let Some(region) = &cli.region {
        validate_region(region).map_err(|message| format!("--region: {message}"))?;
    }
    if let Some(url) = &cli.endpoint_url {
        check_endpoint_url(url)?;
    }
    if cli.demo {
        check_demo_flags(cli)?;
    }
    if cli.output.is_none() && cli.command.is_none() {
        check_terminal()?;
    }
    Ok(())
}

fn check_endpoint_url(url: &str) -> Result<(), String> {
    let rest = url
        .strip_prefix("http://")
        .or_else(|| url.strip_prefix("https://"));
    match rest {
        Some(host) if !host.is_empty() && !host.starts_with('/') => Ok(()),
        _ => Err(format!(
            "invalid --endpoint-url '{url}': expected an http:// or https:// URL with a host, \
             such as http://127.0.0.1:4510"
        )),
    }
}

fn check_demo_flags(cli: &Cli) -> Result<(), String> {
    let conflicting = [
        ("--endpoint-url", cli.endpoint_url.is_some()),
        ("--region", cli.region.is_some()),
        ("--profile", cli.profile.is_some()),
    ];
    match conflicting.iter().find(|(_, given)| *given) {
        Some((flag, _)) => Err(format!(
            "{flag} does not apply to --demo, which runs its own emulator in us-east-1: \
             drop {flag}, or drop --demo and point --endpoint-url at `packscope serve-demo`"
        )),
        None => Ok(()),
    }
}

fn check_terminal() -> Result<(), String> {
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        return Ok(());
    }
    Err(
        "the interactive view needs a terminal on standard input and output: \
         run packscope in a terminal, or pass --output json, csv or table to print instead"
            .to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoint_url_needs_scheme_and_host() {
        assert!(check_endpoint_url("http://127.0.0.1:4510").is_ok());
        assert!(check_endpoint_url("https://config.eu-west-1.amazonaws.com").is_ok());
        for bad in ["not a url", "127.0.0.1:4510", "http://", "ftp://host"] {
            let err = check_endpoint_url(bad).expect_err(bad);
            assert!(err.contains(bad), "message should name {bad:?}: {err}");
        }
    }
}
