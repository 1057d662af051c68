//! The sign-up / login flow server: `cargo run --release`, then point WhatsApp (or the
//! playground) at `http://ADDR/sign-up-flow`. Subcommands: `issue-token --phone P` prints a
//! fresh flow token, `flow-json` prints the flow as uploaded.

use std::sync::Arc;

use anyhow::Context as _;
use clap::Parser as _;
use sign_up::cli::{Cli, Command};
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
    let private_key = cli.load_key()?;
    let store = cli.open_store().await?;
    let mut state = match (&cli.access_token, &cli.phone_id) {
        (Some(token), Some(phone_id)) => {
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
        _ => {
            tracing::warn!(
                "no WAFLOW_TOKEN / WAFLOW_PHONE_ID: reset codes go to the DEVELOPMENT outbox \
                 (console and GET /dev/outbox)"
            );
            AppState::with_outbox(private_key, store.clone(), DevOutbox::printing()).await?
        }
    };
    state.app_secret = cli.app_secret.clone();
    state.verify_token = cli.verify_token.clone();
    let listener = tokio::net::TcpListener::bind(cli.addr)
        .await
        .with_context(|| format!("binding {}", cli.addr))?;
    tracing::info!("flow endpoint: http://{}{ENDPOINT_PATH}", cli.addr);
    tracing::info!("playground:    http://{}/playground", cli.addr);
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
