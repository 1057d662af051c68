//! Command line and environment variables; loads the key (or, in development only, creates it).

use std::fs;
use std::io::Write as _;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use clap::{Parser, Subcommand};
use secrecy::{ExposeSecret as _, SecretString};
use waflow::crypto::{KeyPair, PrivateKey};
use waflow::store::Store;
use zeroize::Zeroizing;

use super::Environment;
use crate::ops::logging::LogFormat;

/// The sign-up / login flow server.
#[derive(Debug, Clone, Parser)]
#[command(
    version,
    about,
    after_help = "Environments: `development` (the default) generates a development key, sends \
                  reset codes to the development outbox and mounts /playground and /dev/outbox \
                  for loopback Host names only; `production` needs --private-key, --app-secret \
                  and the Cloud API credentials, and mounts neither."
)]
pub struct Cli {
    /// What to do (default: serve).
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Where this server runs: `development` (playground, dev outbox, generated key; loopback
    /// only) or `production` (fails closed on missing configuration).
    #[arg(
        long = "env",
        env = "WAFLOW_ENV",
        value_enum,
        default_value_t = Environment::Development,
        global = true
    )]
    pub environment: Environment,
    /// Development only: allow a non-loopback `--addr` (the development routes still answer only
    /// `localhost` Host names).
    #[arg(long, env = "WAFLOW_DEV_ALLOW_REMOTE", global = true)]
    pub dev_allow_remote: bool,
    /// Address to listen on.
    #[arg(
        long,
        env = "WAFLOW_ADDR",
        default_value = "127.0.0.1:8080",
        global = true
    )]
    pub addr: SocketAddr,
    /// Folder for the development key pair and the embedded SQLite database.
    #[arg(long, env = "WAFLOW_DATA_DIR", default_value = "./data", global = true)]
    pub data_dir: PathBuf,
    /// PostgreSQL instead of the embedded SQLite database (`postgres://user:pass@host/db`), for
    /// several instances sharing state.
    #[arg(long, env = "DATABASE_URL", hide_env_values = true, global = true)]
    pub database_url: Option<SecretString>,
    /// The business private key: a PEM file path, or the PEM itself.
    #[arg(
        long,
        env = "WAFLOW_PRIVATE_KEY",
        hide_env_values = true,
        global = true
    )]
    pub private_key: Option<SecretString>,
    /// Passphrase of an encrypted private key.
    #[arg(long, env = "WAFLOW_PASSPHRASE", hide_env_values = true, global = true)]
    pub passphrase: Option<SecretString>,
    /// The Meta app secret: enables the X-Hub-Signature-256 check (432).
    #[arg(long, env = "WAFLOW_APP_SECRET", hide_env_values = true, global = true)]
    pub app_secret: Option<SecretString>,
    /// Verify token of the webhook handshake: with the app secret, mounts the completion webhook
    /// at `/webhook`.
    #[arg(
        long,
        env = "WAFLOW_VERIFY_TOKEN",
        hide_env_values = true,
        global = true
    )]
    pub verify_token: Option<SecretString>,
    /// Cloud API access token: reset codes are sent as WhatsApp messages (development without
    /// it: the development outbox). Needs `--phone-id` too.
    #[arg(long, env = "WAFLOW_TOKEN", hide_env_values = true, global = true)]
    pub access_token: Option<SecretString>,
    /// Cloud API phone number id that sends the reset codes and the flow.
    #[arg(long, env = "WAFLOW_PHONE_ID", global = true)]
    pub phone_id: Option<String>,
    /// Log lines as `text` (colours only on a terminal) or `json` (one object per line).
    #[arg(
        long,
        env = "WAFLOW_LOG_FORMAT",
        value_enum,
        default_value_t = LogFormat::Text,
        global = true
    )]
    pub log_format: LogFormat,
    /// Listen address of the operations port: `/metrics` (Prometheus text format),
    /// `/health/live`, `/health/ready` and `/health/slo`. Keep it off the internet.
    #[arg(
        long,
        env = "WAFLOW_OPS_ADDR",
        default_value = "127.0.0.1:9464",
        global = true
    )]
    pub ops_addr: SocketAddr,
    /// No metrics: no Prometheus recorder, no metrics layer, no `/metrics` (health stays).
    #[arg(long, env = "WAFLOW_NO_METRICS", global = true)]
    pub no_metrics: bool,
}

/// The subcommands.
#[derive(Debug, Clone, Subcommand)]
pub enum Command {
    /// Serve the flow endpoint (the default).
    Serve,
    /// Print a fresh flow token for a phone number (works while the server runs on the same data).
    IssueToken {
        /// The phone number the flow is for.
        #[arg(long)]
        phone: String,
    },
    /// Print the flow's JSON, exactly what would be uploaded.
    FlowJson,
    /// Issue a flow token and send the sign-up flow to a phone number (`--to PHONE`).
    Send(crate::send::SendArgs),
}

/// File names of the development key pair inside the data folder.
pub const DEV_PRIVATE_KEY: &str = "dev_private_key.pem";
/// See [`DEV_PRIVATE_KEY`].
pub const DEV_PUBLIC_KEY: &str = "dev_public_key.pem";

impl Cli {
    /// Loads the configured key; without one, in development only, the development key from
    /// the data folder (created, with mode 0600, on first run; its public key is printed).
    ///
    /// # Errors
    /// The key cannot be read, decrypted or written; production without a configured key.
    pub fn load_key(&self) -> anyhow::Result<PrivateKey> {
        let passphrase = self.passphrase.as_ref();
        if let Some(key) = &self.private_key {
            let key = key.expose_secret();
            let pem = if key.trim_start().starts_with("-----BEGIN") {
                Zeroizing::new(key.to_owned())
            } else {
                warn_if_readable_by_others(Path::new(key));
                Zeroizing::new(
                    fs::read_to_string(key)
                        .with_context(|| format!("reading the private key {key}"))?,
                )
            };
            return PrivateKey::from_pem(&pem, passphrase).context("loading the private key");
        }
        anyhow::ensure!(
            self.environment.is_development(),
            "production needs --private-key / WAFLOW_PRIVATE_KEY; no development key is generated"
        );
        load_or_create_dev_key(&self.data_dir, passphrase)
    }

    /// Opens the store: `DATABASE_URL` when set, else SQLite in the data folder.
    ///
    /// # Errors
    /// The database cannot be opened or migrated.
    pub async fn open_store(&self) -> anyhow::Result<Store> {
        if self.database_url.is_none() {
            create_private_dir(&self.data_dir)?;
        }
        let url = self
            .database_url
            .as_ref()
            .map(|u| u.expose_secret().to_owned());
        Store::open_default(url.as_deref(), &self.data_dir)
            .await
            .context("opening the database")
    }
}

/// The development key pair in `dir`, created on first use.
///
/// # Errors
/// The folder or key cannot be read or written.
pub fn load_or_create_dev_key(
    dir: &Path,
    passphrase: Option<&SecretString>,
) -> anyhow::Result<PrivateKey> {
    let private_path = dir.join(DEV_PRIVATE_KEY);
    if private_path.exists() {
        warn_if_readable_by_others(&private_path);
        let pem = Zeroizing::new(
            fs::read_to_string(&private_path)
                .with_context(|| format!("reading {}", private_path.display()))?,
        );
        return PrivateKey::from_pem(&pem, passphrase).context("loading the development key");
    }
    create_private_dir(dir)?;
    let pair = KeyPair::generate()?;
    let pem = pair.private_key_pem(passphrase)?;
    write_private(&private_path, pem.expose_secret().as_bytes())?;
    let public = pair.public_key_pem();
    fs::write(dir.join(DEV_PUBLIC_KEY), &public)?;
    println!(
        "Generated a development key pair in {}. Upload this public key to WhatsApp:\n{public}",
        dir.display()
    );
    Ok(pair.private_key().clone())
}

/// Creates `dir` (and its parents) readable by the owner only (0700 on unix); an existing
/// folder is left as it is.
///
/// # Errors
/// The folder cannot be created.
pub fn create_private_dir(dir: &Path) -> anyhow::Result<()> {
    if dir.exists() {
        return Ok(());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt as _;
        builder.mode(0o700);
    }
    builder
        .create(dir)
        .with_context(|| format!("creating {}", dir.display()))
}

/// Warns when a key file can be read by the group or others (OpenSSH refuses such keys).
fn warn_if_readable_by_others(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        if let Ok(meta) = fs::metadata(path)
            && meta.permissions().mode() & 0o077 != 0
        {
            tracing::warn!(
                path = %path.display(),
                "the private key file can be read by other users; run `chmod 600` on it"
            );
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}

fn write_private(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    let mut file = options
        .open(path)
        .with_context(|| format!("creating {}", path.display()))?;
    file.write_all(bytes)?;
    Ok(())
}
