//! From parsed arguments to a running mode: the emulator alone, plain-text output, or
//! the interactive view.

mod checks;

use std::io::Write;
use std::net::{Ipv4Addr, SocketAddr};
use std::process::ExitCode;
use std::sync::Arc;

use color_eyre::eyre::{Result, WrapErr};

use crate::app::App;
use crate::aws::{self, Connection, Source};
use crate::cli::{Cli, CliCommand, EmulatorArgs};
use crate::emulator::{Emulator, FaultPlan, Organization};
use crate::output::Completeness;
use crate::query::{Filters, Query};
use crate::signals::Signals;
use crate::ui::theme::Theme;
use crate::{demo, event_loop, logging, output, terminal};

/// Credentials the demo signs with; the emulator checks that requests are signed,
/// but not which key signed them.
const DEMO_CREDENTIALS: (&str, &str) = ("AKIAPACKSCOPEDEMO", "packscope-demo-secret");
const DEMO_REGION: &str = "us-east-1";

/// Exit code for a usage error, as clap uses.
const USAGE_ERROR: u8 = 2;

pub async fn run(cli: Cli) -> Result<ExitCode> {
    if let Err(message) = checks::check_flags(&cli) {
        return Ok(usage_error(&message));
    }
    if let Some(path) = cli.log_file.as_ref().filter(|p| !p.as_os_str().is_empty()) {
        logging::init(path)?;
    }
    if let Some(CliCommand::ServeDemo { listen }) = cli.command {
        return serve_demo(listen, &cli.emulator).await;
    }
    if cli.emulator.is_set() && !cli.demo {
        return Ok(usage_error(
            "--fault-plan, --latency-ms and --demo-accounts apply to the emulator: \
             add --demo, or use `packscope serve-demo`",
        ));
    }

    // The embedded emulator lives as long as this function, which outlives the client.
    let (connection, aggregator, _emulator) = match cli.demo {
        true => match demo_connection(&cli).await? {
            Ok(demo) => demo,
            Err(message) => return Ok(usage_error(&message)),
        },
        false => match real_connection(&cli) {
            Ok((connection, aggregator)) => (connection, aggregator, None),
            Err(message) => return Ok(usage_error(&message)),
        },
    };
    let source = match aws::connect(&connection).await {
        Ok(source) => source,
        Err(message) => return Ok(usage_error(&message)),
    };
    // Without a name, --output takes the only aggregator and the view opens a picker.
    let aggregator = match (aggregator, cli.output) {
        (Some(name), _) => Some(name),
        (None, Some(_)) => match crate::pick::only_aggregator(&source).await {
            Ok(name) => Some(name),
            Err(message) => return Ok(usage_error(&message)),
        },
        (None, None) => None,
    };
    let open_picker = aggregator.is_none();
    let aggregator = aggregator.unwrap_or_default();

    let query = Query {
        aggregator,
        group_by: cli.group_by.into(),
        filters: Filters {
            account_id: cli.filter_account.clone(),
            region: cli.filter_region.clone(),
        },
        page_size: cli.page_size,
    };

    match cli.output {
        Some(format) => {
            let mut stdout = std::io::stdout().lock();
            match output::run(&source, &query, format, &mut stdout).await {
                Ok(Completeness::Complete) => {}
                Ok(Completeness::Incomplete(reason)) => {
                    eprintln!("packscope: {reason}");
                    return Ok(ExitCode::FAILURE);
                }
                Err(err) => {
                    eprintln!("packscope: {err:#}");
                    return Ok(ExitCode::FAILURE);
                }
            }
        }
        None => interactive(source, query, open_picker, cli.refresh).await?,
    }
    Ok(ExitCode::SUCCESS)
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("packscope: {message}");
    ExitCode::from(USAGE_ERROR)
}

fn real_connection(cli: &Cli) -> Result<(Connection, Option<String>), String> {
    let aggregator = cli.aggregator.clone();

    let connection = Connection {
        profile: cli.profile.clone(),
        region: cli.region.clone(),
        endpoint_url: cli.endpoint_url.clone(),
        static_credentials: None,
        timing: Default::default(),
    };
    Ok((connection, aggregator))
}

/// Starts the emulator on a free loopback port and points the client at it. The inner
/// error is a usage error, such as an unreadable fault plan.
async fn demo_connection(
    cli: &Cli,
) -> Result<Result<(Connection, Option<String>, Option<Emulator>), String>> {
    let (organization, faults) = match emulator_settings(&cli.emulator) {
        Ok(settings) => settings,
        Err(message) => return Ok(Err(message)),
    };
    let aggregator = match &cli.aggregator {
        Some(name) => name.clone(),
        None => organization
            .aggregator_names()
            .into_iter()
            .next()
            .unwrap_or_default(),
    };

    let listen = SocketAddr::from((Ipv4Addr::LOCALHOST, 0));
    let emulator = Emulator::start(organization, listen, faults)
        .await
        .wrap_err("failed to start the demo emulator on 127.0.0.1")?;

    let connection = Connection {
        profile: None,
        region: Some(DEMO_REGION.to_string()),
        endpoint_url: Some(emulator.endpoint_url()),
        static_credentials: Some((DEMO_CREDENTIALS.0.into(), DEMO_CREDENTIALS.1.into())),
        timing: Default::default(),
    };
    Ok(Ok((connection, Some(aggregator), Some(emulator))))
}

fn emulator_settings(args: &EmulatorArgs) -> Result<(Arc<Organization>, FaultPlan), String> {
    Ok((demo::organization(args)?, demo::fault_plan(args)?))
}

async fn serve_demo(listen: SocketAddr, args: &EmulatorArgs) -> Result<ExitCode> {
    let (organization, faults) = match emulator_settings(args) {
        Ok(settings) => settings,
        Err(message) => return Ok(usage_error(&message)),
    };
    let default_aggregator = organization.aggregator_names().into_iter().next();
    let emulator = Emulator::start(organization, listen, faults)
        .await
        .wrap_err_with(|| format!("failed to listen on {listen}"))?;
    // A banner that cannot be written (stderr closed) must not stop the emulator.
    let _ = writeln!(
        std::io::stderr(),
        "packscope: serving the demo organization at {url} (Ctrl-C stops)\n\
         try: aws configservice get-aggregate-conformance-pack-compliance-summary \
         --configuration-aggregator-name {} --endpoint-url {url} --region {DEMO_REGION}",
        default_aggregator.unwrap_or_default(),
        url = emulator.endpoint_url(),
    );

    let mut signals = Signals::new().wrap_err("failed to install signal handlers")?;
    let signal = signals.recv().await;
    tracing::info!(signal, "emulator stopping");
    emulator.shutdown().await;
    Ok(ExitCode::SUCCESS)
}

async fn interactive(
    source: Source,
    query: Query,
    open_picker: bool,
    refresh: Option<u64>,
) -> Result<()> {
    let mut guard = terminal::enter().wrap_err("failed to set up the terminal")?;
    let size = guard.terminal.size()?;
    let mut app = App::new(
        query,
        source.region.clone(),
        source.profile_label().to_string(),
        size.width,
        size.height,
    );
    if open_picker {
        app.open_picker();
    }
    if let Some(seconds) = refresh {
        app.set_auto_refresh(std::time::Duration::from_secs(seconds));
    }

    let theme = Theme::from_env();
    let result = event_loop::run(&mut guard.terminal, &mut app, source, &theme).await;
    drop(guard);
    result
}
