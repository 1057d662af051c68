//! `waflow keygen`: an RSA-2048 key pair for the endpoint, as PEM files (private key mode 0600).

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use secrecy::{ExposeSecret, SecretString};
use waflow::crypto::KeyPair;

/// Arguments of `waflow keygen`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// Encrypt the private key (PKCS#8) with this passphrase; prefer the environment variable.
    #[arg(long, env = "WAFLOW_KEY_PASSPHRASE", hide_env_values = true)]
    passphrase: Option<String>,
    /// Folder for `private.pem` and `public.pem`.
    #[arg(long, default_value = ".")]
    out_dir: PathBuf,
    /// Overwrite existing files.
    #[arg(long)]
    force: bool,
    /// Print the result as JSON.
    #[arg(long)]
    json: bool,
}

impl std::fmt::Debug for Args {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Args")
            .field(
                "passphrase",
                &self.passphrase.as_ref().map(|_| "[REDACTED]"),
            )
            .field("out_dir", &self.out_dir)
            .field("force", &self.force)
            .finish()
    }
}

/// Runs `waflow keygen`.
pub(crate) fn run(args: Args) -> ExitCode {
    match generate(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn generate(args: &Args) -> anyhow::Result<()> {
    let private_path = args.out_dir.join("private.pem");
    let public_path = args.out_dir.join("public.pem");
    if !args.force {
        for p in [&private_path, &public_path] {
            if p.exists() {
                bail!(
                    "{} already exists; pass --force to overwrite it",
                    p.display()
                );
            }
        }
    }
    std::fs::create_dir_all(&args.out_dir)
        .with_context(|| format!("cannot create {}", args.out_dir.display()))?;
    let pair = KeyPair::generate().context("cannot generate the RSA key pair")?;
    let passphrase = args
        .passphrase
        .as_ref()
        .filter(|p| !p.is_empty())
        .map(|p| SecretString::from(p.clone()));
    let private_pem = pair
        .private_key_pem(passphrase.as_ref())
        .context("cannot encode the private key")?;
    write_private(&private_path, private_pem.expose_secret())?;
    std::fs::write(&public_path, pair.public_key_pem())
        .with_context(|| format!("cannot write {}", public_path.display()))?;
    if args.json {
        crate::commands::credentials::print_json(&serde_json::json!({
            "private_key": private_path.display().to_string(),
            "public_key": public_path.display().to_string(),
            "encrypted": passphrase.is_some(),
        }))?;
    } else {
        println!(
            "wrote {} (mode 0600{})",
            private_path.display(),
            if passphrase.is_some() {
                ", encrypted"
            } else {
                ""
            }
        );
        println!("wrote {}", public_path.display());
        println!(
            "next: waflow key upload --public-key {}",
            public_path.display()
        );
    }
    Ok(())
}

/// Writes the private key readable by its owner only (created 0600, never world-readable).
fn write_private(path: &Path, pem: &str) -> anyhow::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    let mut file = options
        .open(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        file.set_permissions(std::fs::Permissions::from_mode(0o600))
            .with_context(|| format!("cannot restrict {}", path.display()))?;
    }
    file.write_all(pem.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}
