//! Tracing to a file, off unless asked for. The terminal belongs to the interactive
//! view, so nothing is ever logged there.

use std::fs::OpenOptions;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::Path;
use std::sync::Mutex;

use color_eyre::eyre::{Result, WrapErr};
use tracing_subscriber::EnvFilter;

/// Levels used unless `PACKSCOPE_LOG` overrides them. Request signing stays off, so no
/// signature or canonical request reaches the file.
const DEFAULT_FILTER: &str =
    "packscope=debug,aws_config=warn,aws_smithy_runtime=warn,aws_sigv4=off,hyper=warn,info";

/// Starts logging to `path`, creating the file with mode 0600 and appending to it.
pub fn init(path: &Path) -> Result<()> {
    let file = OpenOptions::new()
        .create(true)
        .append(true)
        .mode(0o600)
        .open(path)
        .wrap_err_with(|| format!("failed to open the log file {}", path.display()))?;
    // An existing file keeps its mode on open, so narrow it as well.
    file.set_permissions(std::fs::Permissions::from_mode(0o600))
        .wrap_err_with(|| format!("failed to make the log file {} private", path.display()))?;

    let filter =
        EnvFilter::try_from_env("PACKSCOPE_LOG").unwrap_or_else(|_| EnvFilter::new(DEFAULT_FILTER));
    tracing_subscriber::fmt()
        .with_writer(Mutex::new(file))
        .with_ansi(false)
        .with_env_filter(filter)
        .try_init()
        .map_err(|err| color_eyre::eyre::eyre!("failed to start logging: {err}"))?;
    Ok(())
}
