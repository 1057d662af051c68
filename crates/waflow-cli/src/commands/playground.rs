//! `waflow playground FLOW.json [--endpoint URL --public-key PEM]`: serves the playground for
//! one flow on a local port and prints its URL.
//!
//! With `--endpoint`, data-exchange requests are encrypted with the public key and sent to the
//! endpoint, exactly as the WhatsApp client does. Without it, answers come from `--responses`
//! (a JSON object keyed `"ACTION:SCREEN"`, `"SCREEN"` or `"ACTION"`) or from an editor in the page.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use secrecy::SecretString;
use serde_json::Value;
use waflow::crypto::PublicKey;
use waflow::playground::{CannedResponses, Playground, Target};
use waflow::serve::{ServeConfig, shutdown_signal};
use waflow::testing::FlowClient;

/// Arguments of `waflow playground`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The Flow JSON file.
    #[arg(value_name = "FLOW.json")]
    flow: PathBuf,
    /// The data-exchange endpoint URL.
    #[arg(long, env = "WAFLOW_ENDPOINT", requires = "public_key")]
    endpoint: Option<String>,
    /// The business public key (PEM file) the endpoint decrypts for.
    #[arg(long, value_name = "PEM", env = "WAFLOW_PUBLIC_KEY")]
    public_key: Option<PathBuf>,
    /// Signs requests with `X-Hub-Signature-256` using this Meta app secret.
    #[arg(long, env = "WAFLOW_APP_SECRET", hide_env_values = true)]
    app_secret: Option<SecretString>,
    /// Canned answers when there is no endpoint (JSON object).
    #[arg(long, value_name = "FILE", conflicts_with = "endpoint")]
    responses: Option<PathBuf>,
    /// Where to listen.
    #[arg(long, default_value = "127.0.0.1:8787", env = "WAFLOW_PLAYGROUND_ADDR")]
    addr: SocketAddr,
}

fn read_json(path: &Path) -> anyhow::Result<Value> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("{} is not JSON", path.display()))
}

fn target(args: &Args) -> anyhow::Result<Target> {
    if let Some(url) = &args.endpoint {
        let Some(pem_path) = &args.public_key else {
            bail!("--endpoint needs --public-key");
        };
        let pem = std::fs::read_to_string(pem_path)
            .with_context(|| format!("cannot read {}", pem_path.display()))?;
        let key = PublicKey::from_pem(&pem)
            .with_context(|| format!("{} is not a public key", pem_path.display()))?;
        let mut client = FlowClient::for_url(url.clone(), key);
        if let Some(secret) = &args.app_secret {
            client = client.app_secret(secret.clone());
        }
        return Ok(Target::endpoint_labelled(client, url.clone()));
    }
    let canned = match &args.responses {
        Some(path) => CannedResponses::from_json(read_json(path)?)
            .with_context(|| format!("{} holds no responses object", path.display()))?,
        None => CannedResponses::new(),
    };
    Ok(canned.into())
}

async fn serve(args: Args) -> anyhow::Result<()> {
    let flow = read_json(&args.flow)?;
    if !flow.get("screens").is_some_and(Value::is_array) {
        bail!("{} has no `screens` array", args.flow.display());
    }
    let app = Playground::for_flow(flow, target(&args)?).into_router();
    let listener = tokio::net::TcpListener::bind(args.addr)
        .await
        .with_context(|| format!("cannot listen on {}", args.addr))?;
    let addr = listener.local_addr()?;
    println!("playground: http://{addr}/");
    waflow::serve::serve(listener, app, ServeConfig::default(), shutdown_signal()).await;
    Ok(())
}

/// Runs `waflow playground`.
pub(crate) fn run(args: Args) -> ExitCode {
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the runtime: {e}");
            return ExitCode::from(2);
        }
    };
    match runtime.block_on(serve(args)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}
