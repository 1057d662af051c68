//! The sign-up / login flow server: `cargo run --release`, then point WhatsApp (or the
//! playground) at `http://ADDR/sign-up-flow`. Subcommands: `issue-token --phone P` prints a
//! fresh flow token, `flow-json` prints the flow as uploaded.

use std::sync::Arc;

use anyhow::Context as _;
use clap::Parser as _;
use sign_up::config::cli::{Cli, Command};
use sign_up::config::{Delivery, Settings};
use sign_up::delivery::{CloudSender, DevOutbox};
use sign_up::{AppState, ENDPOINT_PATH, app, flow, issue_flow_token};

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    if let Some(Command::FlowJson) = cli.command {
        println!("{}", flow::sign_up_flow().to_json_pretty());
        return Ok(());
    }
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .init();
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
    let listener = tokio::net::TcpListener::bind(cli.addr)
        .await
        .with_context(|| format!("binding {}", cli.addr))?;
    tracing::info!("sign-up server, {settings}");
    tracing::info!("flow endpoint: http://{}{ENDPOINT_PATH}", cli.addr);
    if settings.environment.is_development() {
        tracing::info!(
            "playground:    http://{}/playground (answers localhost Host names only)",
            cli.addr
        );
    }
    waflow::serve::serve(
        listener,
        app(state),
        waflow::serve::ServeConfig::default(),
        waflow::serve::shutdown_signal(),
    )
    .await;
    let served: anyhow::Result<()> = Ok(());
    store.close().await;
    served
}
