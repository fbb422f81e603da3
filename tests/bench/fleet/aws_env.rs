//! The environment of every process the benchmark starts: static credentials, no
//! shared config files, no instance metadata, no proxy, and one region, so that no
//! client looks past the emulator on 127.0.0.1.

use std::process::Command;

use portable_pty::CommandBuilder;

pub const REGION: &str = "us-east-1";
/// The demo organization's aggregator, which covers every account.
pub const AGGREGATOR: &str = "org-conformance";

const SET: [(&str, &str); 9] = [
    ("AWS_EC2_METADATA_DISABLED", "true"),
    ("AWS_ACCESS_KEY_ID", "AKIAPACKSCOPEBENCH"),
    ("AWS_SECRET_ACCESS_KEY", "packscope-bench-secret"),
    ("AWS_CONFIG_FILE", "/dev/null"),
    ("AWS_SHARED_CREDENTIALS_FILE", "/dev/null"),
    ("AWS_REGION", REGION),
    ("AWS_DEFAULT_REGION", REGION),
    ("NO_PROXY", "127.0.0.1"),
    ("no_proxy", "127.0.0.1"),
];

const REMOVED: [&str; 14] = [
    "AWS_PROFILE",
    "AWS_DEFAULT_PROFILE",
    "AWS_SESSION_TOKEN",
    "AWS_ENDPOINT_URL",
    "AWS_ENDPOINT_URL_CONFIG_SERVICE",
    "AWS_CA_BUNDLE",
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "ALL_PROXY",
    "http_proxy",
    "https_proxy",
    "all_proxy",
    "PACKSCOPE_AGGREGATOR",
    "PACKSCOPE_LOG_FILE",
];

/// Sets the benchmark's AWS environment on a process command.
pub fn apply(command: &mut Command) -> &mut Command {
    for name in REMOVED {
        command.env_remove(name);
    }
    command.envs(SET)
}

/// Sets the benchmark's AWS environment on a pseudo-terminal command.
pub fn apply_to_pty(command: &mut CommandBuilder) {
    for name in REMOVED {
        command.env_remove(name);
    }
    for (name, value) in SET {
        command.env(name, value);
    }
}

/// Returns the arguments that point packscope at the emulator.
pub fn packscope_args(endpoint_url: &str) -> Vec<String> {
    [
        "--aggregator",
        AGGREGATOR,
        "--region",
        REGION,
        "--endpoint-url",
        endpoint_url,
    ]
    .map(String::from)
    .to_vec()
}
