//! The sign-up / login flow server: `cargo run --release`, then point WhatsApp (or the
//! playground) at `http://ADDR/sign-up-flow`. Subcommands: `issue-token --phone P` prints a
//! fresh flow token, `flow-json` prints the flow as uploaded.

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use clap::Parser as _;
use sign_up::config::cli::{Cli, Command};
use sign_up::config::{Delivery, Settings};
use sign_up::delivery::{CloudSender, DevOutbox};
use sign_up::{AppState, ENDPOINT_PATH, app, flow, issue_flow_token};

/// How often the SLO watch compares the windows with Meta's thresholds.
const SLO_CHECK_EVERY: Duration = Duration::from_secs(30);

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    if let Some(Command::FlowJson) = cli.command {
        println!("{}", flow::sign_up_flow().to_json_pretty());
        return Ok(());
    }
    let serving = matches!(cli.command, Some(Command::Serve) | None);
    let metrics = serving && !cli.no_metrics;
    let _logs = sign_up::ops::logging::init(cli.log_format, metrics)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("starting the runtime")?;
    runtime.block_on(async move {
        match cli.command.clone() {
            Some(Command::IssueToken { phone }) => issue_token(&cli, &phone).await,
            Some(Command::Serve) | None => serve(cli).await,
            Some(Command::FlowJson) => Ok(()),
            Some(Command::Send(args)) => sign_up::send::run(&cli, &args).await.map(drop),
        }
    })
}

async fn issue_token(cli: &Cli, phone: &str) -> anyhow::Result<()> {
    let store = cli.open_store().await?;
    let token = issue_flow_token(&store, phone)
        .await
        .context("issuing the flow token")?;
    println!("{}", token.expose());
    store.close().await;
    Ok(())
}

async fn serve(cli: Cli) -> anyhow::Result<()> {
    let settings = match Settings::check(&cli) {
        Ok(s) => s,
        Err(errors) => {
            for line in &errors.0 {
                eprintln!("error: {line}");
            }
            anyhow::bail!(
                "refusing to start in {} with {} configuration problem(s)",
                cli.environment,
                errors.0.len()
            );
        }
    };
    let private_key = cli.load_key()?;
    let store = cli.open_store().await?;
    let mut state = match &settings.delivery {
        Delivery::Cloud { token, phone_id } => {
            let client = waflow::cloud::Client::builder()
                .token(token.clone())
                .phone_id(phone_id.clone())
                .build()
                .context("configuring the Cloud API client")?;
            AppState::with_sender(
                private_key,
                store.clone(),
                Arc::new(CloudSender::new(client)),
            )
            .await?
        }
        Delivery::DevOutbox => {
            AppState::with_outbox(private_key, store.clone(), DevOutbox::printing()).await?
        }
    };
    sign_up::server::check_flow(&state)?;
    state.environment = settings.environment;
    state.app_secret = cli.app_secret.clone();
    state.verify_token = cli.verify_token.clone();
    if state.app_secret.is_none() {
        tracing::warn!(
            "no app secret: requests to the endpoint are not signature-checked (required in production)"
        );
    }
    tokio::spawn(sign_up::services::purge_periodically(store.clone()));
    if !cli.no_metrics {
        let installed = sign_up::ops::metrics::install().map_err(anyhow::Error::msg)?;
        tokio::spawn(sign_up::ops::metrics::spawn_upkeep(installed));
        tokio::spawn(installed.slo.clone().watch(SLO_CHECK_EVERY));
    }
    let listener = tokio::net::TcpListener::bind(cli.addr)
        .await
        .with_context(|| format!("binding {}", cli.addr))?;
    let addr = listener.local_addr().unwrap_or(cli.addr);
    tracing::info!("sign-up server, {settings}");
    tracing::info!("flow endpoint: http://{addr}{ENDPOINT_PATH}");
    if settings.environment.is_development() {
        tracing::info!(
            "playground:    http://{addr}/playground (answers localhost Host names only)"
        );
    }
    let ops = serve_ops(&cli, &state).await;
    waflow::serve::serve(
        listener,
        app(state),
        waflow::serve::ServeConfig::default(),
        waflow::serve::shutdown_signal(),
    )
    .await;
    if let Some(ops) = ops {
        ops.abort();
    }
    let served: anyhow::Result<()> = Ok(());
    store.close().await;
    served
}

/// Serves the operations port (`--ops-addr`): metrics and health. A port already in use is
/// logged at ERROR and the flow endpoint is served without it: two instances on one host must
/// not take each other down over a monitoring port.
async fn serve_ops(cli: &Cli, state: &AppState) -> Option<tokio::task::JoinHandle<()>> {
    let listener = match tokio::net::TcpListener::bind(cli.ops_addr).await {
        Ok(l) => l,
        Err(e) => {
            tracing::error!(
                "operations port not served: binding {}: {e} (set --ops-addr / WAFLOW_OPS_ADDR)",
                cli.ops_addr
            );
            return None;
        }
    };
    let addr = listener.local_addr().unwrap_or(cli.ops_addr);
    tracing::info!(
        "operations:    http://{addr}/metrics, /health/live, /health/ready, /health/slo"
    );
    let router = sign_up::ops::router(state);
    Some(tokio::spawn(waflow::serve::serve(
        listener,
        router,
        waflow::serve::ServeConfig::default(),
        std::future::pending(),
    )))
}
