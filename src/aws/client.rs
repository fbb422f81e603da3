//! Builds the aws-sdk-config client from the command line and aws-config's standard
//! chain: environment, shared config and credentials files, SSO, credential_process,
//! container and instance roles.

use std::time::Duration;

use aws_config::environment::EnvironmentVariableRegionProvider;
use aws_config::meta::region::RegionProviderChain;
use aws_config::profile::{ProfileFileCredentialsProvider, ProfileFileRegionProvider};
use aws_config::retry::RetryConfig;
use aws_config::timeout::TimeoutConfig;
use aws_config::{BehaviorVersion, Region};
use aws_credential_types::Credentials;

/// Time limits and retry settings of every request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timing {
    /// A TCP connection that takes longer is reported as a network error.
    pub connect_timeout: Duration,
    /// One HTTP attempt, from sending the request to reading the whole response.
    pub attempt_timeout: Duration,
    /// One page request, retries included.
    pub operation_timeout: Duration,
    /// Attempts per request, the first included.
    pub max_attempts: u32,
    /// The first retry's backoff; the SDK's standard mode grows it with jitter.
    pub initial_backoff: Duration,
}

impl Default for Timing {
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_secs(5),
            attempt_timeout: Duration::from_secs(20),
            operation_timeout: Duration::from_secs(60),
            max_attempts: 3,
            initial_backoff: Duration::from_secs(1),
        }
    }
}

/// The endpoint, region and credentials given on the command line, before the
/// standard chain fills the gaps.
#[derive(Debug, Clone, Default)]
pub struct Connection {
    pub profile: Option<String>,
    pub region: Option<String>,
    pub endpoint_url: Option<String>,
    /// Fixed credentials, used for the demo so no AWS account is needed.
    pub static_credentials: Option<(String, String)>,
    pub timing: Timing,
}

/// A ready client and the facts the status bar and error hints show.
#[derive(Debug, Clone)]
pub struct Source {
    pub client: aws_sdk_config::Client,
    pub region: String,
    /// The profile in use, `None` for the default chain.
    pub profile: Option<String>,
    pub demo: bool,
}

impl Source {
    /// Returns the status bar's name for the credentials: "demo", the profile, or
    /// "default".
    pub fn profile_label(&self) -> &str {
        if self.demo {
            return "demo";
        }
        self.profile.as_deref().unwrap_or("default")
    }
}

/// Builds the client. The region comes from the flag, the environment or the profile,
/// never from the instance metadata service, so a start on a laptop cannot stall.
/// Credentials are resolved lazily on the first request, inside the background task.
pub async fn connect(connection: &Connection) -> Result<Source, String> {
    let profile = connection
        .profile
        .clone()
        .or_else(|| std::env::var("AWS_PROFILE").ok().filter(|p| !p.is_empty()));
    let region = resolve_region(connection.region.clone(), profile.as_deref()).await?;

    let timing = connection.timing;
    let timeouts = TimeoutConfig::builder()
        .connect_timeout(timing.connect_timeout)
        .operation_attempt_timeout(timing.attempt_timeout)
        .operation_timeout(timing.operation_timeout)
        .build();
    let retries = RetryConfig::standard()
        .with_max_attempts(timing.max_attempts)
        .with_initial_backoff(timing.initial_backoff);
    let mut loader = aws_config::defaults(BehaviorVersion::latest())
        .region(Region::new(region.clone()))
        .timeout_config(timeouts)
        .retry_config(retries);

    if let Some(name) = &profile {
        loader = loader.profile_name(name);
    }
    if let Some(url) = &connection.endpoint_url {
        loader = loader.endpoint_url(url);
    }
    // A profile named on the command line wins over credentials in the environment, as
    // it does for the AWS CLI; AWS_PROFILE keeps the standard chain's order.
    if let Some(name) = &connection.profile {
        let provider = ProfileFileCredentialsProvider::builder()
            .profile_name(name)
            .build();
        loader = loader.credentials_provider(provider);
    }
    if let Some((key_id, secret)) = &connection.static_credentials {
        let credentials = Credentials::new(key_id, secret, None, None, "packscope-static");
        loader = loader.credentials_provider(credentials);
    }

    let config = loader.load().await;
    Ok(Source {
        client: aws_sdk_config::Client::new(&config),
        region,
        profile,
        demo: connection.static_credentials.is_some(),
    })
}

async fn resolve_region(explicit: Option<String>, profile: Option<&str>) -> Result<String, String> {
    let mut profile_region = ProfileFileRegionProvider::builder();
    if let Some(name) = profile {
        profile_region = profile_region.profile_name(name);
    }

    let chain = RegionProviderChain::first_try(explicit.map(Region::new))
        .or_else(EnvironmentVariableRegionProvider::new())
        .or_else(profile_region.build());

    match chain.region().await {
        Some(region) => Ok(region.to_string()),
        None => Err(
            "no AWS region is configured: pass --region or set AWS_REGION to the \
             aggregator's home region (the region where the aggregator was created)"
                .to_string(),
        ),
    }
}
