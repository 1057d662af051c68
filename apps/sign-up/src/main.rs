//! The sign-up / login flow server: `cargo run --release`, then point WhatsApp (or the
//! playground) at `http://ADDR/sign-up-flow`.

use anyhow::Context as _;
use axum::serve::ListenerExt as _;
use clap::Parser as _;
use sign_up::cli::Cli;
use sign_up::{AppState, ENDPOINT_PATH, app};

fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .init();
    let cli = Cli::parse();
    let private_key = cli.load_key()?;
    let state = AppState {
        private_key,
        app_secret: cli.app_secret.clone(),
        users: Default::default(),
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("starting the runtime")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(cli.addr)
            .await
            .with_context(|| format!("binding {}", cli.addr))?;
        tracing::info!("listening on http://{}{ENDPOINT_PATH}", cli.addr);
        let listener = listener.tap_io(|tcp| {
            if let Err(e) = tcp.set_nodelay(true) {
                tracing::warn!("cannot set TCP_NODELAY: {e}");
            }
        });
        axum::serve(listener, app(state))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .context("serving")
    })
}
