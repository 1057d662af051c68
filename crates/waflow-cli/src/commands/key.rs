//! `waflow key upload|show`: the business public key Meta encrypts endpoint requests with.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use secrecy::SecretString;
use waflow::crypto::{PrivateKey, PublicKey};

use super::credentials::{Credentials, Needs, block_on, print_json};

/// Arguments of `waflow key`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(subcommand)]
    action: Action,
    #[command(flatten)]
    credentials: Credentials,
    /// Print results as JSON.
    #[arg(long, global = true)]
    json: bool,
}

#[derive(Debug, clap::Subcommand)]
enum Action {
    /// Upload the public key for the phone number (from `public.pem`, or derived from a private key).
    Upload(UploadArgs),
    /// Show the key Meta holds and its signature status.
    Show,
}

#[derive(clap::Args)]
struct UploadArgs {
    /// PEM file: a public key, or a private key whose public half is uploaded.
    #[arg(long, default_value = "public.pem")]
    public_key: PathBuf,
    /// Passphrase when the file is an encrypted private key.
    #[arg(long, env = "WAFLOW_KEY_PASSPHRASE", hide_env_values = true)]
    passphrase: Option<String>,
}

impl std::fmt::Debug for UploadArgs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UploadArgs")
            .field("public_key", &self.public_key)
            .finish_non_exhaustive()
    }
}

/// Runs `waflow key`.
pub(crate) fn run(args: Args) -> ExitCode {
    block_on(async move {
        let client = args.credentials.client(Needs {
            phone: true,
            ..Needs::default()
        })?;
        match args.action {
            Action::Upload(up) => {
                let text = std::fs::read_to_string(&up.public_key)
                    .with_context(|| format!("cannot read {}", up.public_key.display()))?;
                let pem = if text.contains("PRIVATE KEY") {
                    let pass = up.passphrase.map(SecretString::from);
                    PrivateKey::from_pem(&text, pass.as_ref())
                        .with_context(|| {
                            format!("{} is not a usable private key", up.public_key.display())
                        })?
                        .public_key()
                        .to_pem()
                } else {
                    PublicKey::from_pem(&text)
                        .with_context(|| {
                            format!("{} is not a PEM public key", up.public_key.display())
                        })?
                        .to_pem()
                };
                client
                    .set_business_public_key(&pem)
                    .await
                    .context("uploading the public key failed")?;
                if args.json {
                    print_json(&serde_json::json!({"uploaded": true}))?;
                } else {
                    println!("public key uploaded; check it with `waflow key show`");
                }
            }
            Action::Show => {
                let key = client
                    .get_business_public_key()
                    .await
                    .context("reading the public key failed")?;
                match (key, args.json) {
                    (Some(k), true) => print_json(&k)?,
                    (None, true) => print_json(&serde_json::Value::Null)?,
                    (Some(k), false) => {
                        println!(
                            "signature status: {}",
                            k.business_public_key_signature_status
                                .as_deref()
                                .unwrap_or("unknown")
                        );
                        println!("{}", k.business_public_key.trim_end());
                    }
                    (None, false) => println!("no public key is set for this phone number"),
                }
            }
        }
        Ok(ExitCode::SUCCESS)
    })
}
