//! Graph API credentials shared by the lifecycle commands: flags, or the `WAFLOW_*` variables.

use std::time::Duration;

use anyhow::{Context as _, bail};
use secrecy::SecretString;
use waflow::cloud::Client;

/// Credentials and endpoint of the Graph API. Secret values are hidden from `--help`.
#[derive(Clone, clap::Args)]
pub(crate) struct Credentials {
    /// Graph API access token (system-user token); prefer the environment variable over the flag.
    #[arg(long, env = "WAFLOW_TOKEN", hide_env_values = true, global = true)]
    access_token: Option<String>,
    /// WhatsApp Business Account id.
    #[arg(long, env = "WAFLOW_WABA_ID", global = true)]
    waba_id: Option<String>,
    /// Business phone number id.
    #[arg(long, env = "WAFLOW_PHONE_ID", global = true)]
    phone_id: Option<String>,
    /// Meta app id (webhook registration).
    #[arg(long, env = "WAFLOW_APP_ID", global = true)]
    app_id: Option<String>,
    /// Meta app secret (webhook registration).
    #[arg(long, env = "WAFLOW_APP_SECRET", hide_env_values = true, global = true)]
    app_secret: Option<String>,
    /// Graph API base URL (for proxies and tests).
    #[arg(long, env = "WAFLOW_GRAPH_URL", global = true)]
    graph_url: Option<String>,
    /// Graph API version, e.g. v26.0.
    #[arg(long, env = "WAFLOW_GRAPH_VERSION", global = true)]
    graph_version: Option<String>,
    /// Seconds before one Graph API attempt times out.
    #[arg(long, default_value_t = 30, global = true)]
    timeout_secs: u64,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field(
                "access_token",
                &self.access_token.as_ref().map(|_| "[REDACTED]"),
            )
            .field("waba_id", &self.waba_id)
            .field("phone_id", &self.phone_id)
            .field("app_id", &self.app_id)
            .field(
                "app_secret",
                &self.app_secret.as_ref().map(|_| "[REDACTED]"),
            )
            .field("graph_url", &self.graph_url)
            .field("graph_version", &self.graph_version)
            .finish()
    }
}

/// Which ids a command cannot work without.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Needs {
    pub(crate) waba: bool,
    pub(crate) phone: bool,
    pub(crate) app: bool,
}

impl Credentials {
    /// The Meta app secret, when given (flag or `WAFLOW_APP_SECRET`).
    pub(crate) fn app_secret(&self) -> Option<SecretString> {
        self.app_secret
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| SecretString::from(s.to_owned()))
    }

    /// The Meta app id, when given.
    pub(crate) fn app_id(&self) -> Option<&str> {
        self.app_id.as_deref()
    }

    /// Builds the client, failing in plain words when something the command needs is missing.
    pub(crate) fn client(&self, needs: Needs) -> anyhow::Result<Client> {
        let Some(token) = self
            .access_token
            .as_deref()
            .filter(|t| !t.trim().is_empty())
        else {
            bail!("no access token: set WAFLOW_TOKEN (or pass --access-token)");
        };
        let mut missing = Vec::new();
        if needs.waba && self.waba_id.is_none() {
            missing.push("--waba-id / WAFLOW_WABA_ID");
        }
        if needs.phone && self.phone_id.is_none() {
            missing.push("--phone-id / WAFLOW_PHONE_ID");
        }
        if needs.app && self.app_id.is_none() {
            missing.push("--app-id / WAFLOW_APP_ID");
        }
        if needs.app && self.app_secret.is_none() {
            missing.push("--app-secret / WAFLOW_APP_SECRET");
        }
        if !missing.is_empty() {
            bail!("missing {}", missing.join(", "));
        }
        let mut b = Client::builder()
            .token(SecretString::from(token.trim().to_owned()))
            .timeout(Duration::from_secs(self.timeout_secs.max(1)));
        if let Some(v) = &self.waba_id {
            b = b.waba_id(v);
        }
        if let Some(v) = &self.phone_id {
            b = b.phone_id(v);
        }
        if let Some(v) = &self.app_id {
            b = b.app_id(v);
        }
        if let Some(v) = &self.app_secret {
            b = b.app_secret(SecretString::from(v.clone()));
        }
        if let Some(v) = &self.graph_url {
            b = b.graph_url(v);
        }
        if let Some(v) = &self.graph_version {
            b = b.api_version(v);
        }
        b.build().context("cannot set up the Graph API client")
    }
}

/// Runs an async command body on a fresh runtime and maps its outcome to an exit code; errors
/// are printed in plain words (with Meta's code when there is one).
pub(crate) fn block_on<F>(fut: F) -> std::process::ExitCode
where
    F: std::future::Future<Output = anyhow::Result<std::process::ExitCode>>,
{
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    match runtime.block_on(fut) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Prints a value as pretty JSON on stdout.
pub(crate) fn print_json<T>(value: &T) -> anyhow::Result<()>
where
    T: serde::Serialize + ?Sized,
{
    println!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}
