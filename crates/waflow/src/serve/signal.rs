//! [`shutdown_signal`]: the future that ends a server on Ctrl-C or SIGTERM.

/// Resolves when the process receives Ctrl-C (SIGINT) or, on Unix, SIGTERM (what systemd,
/// `docker stop` and Kubernetes send), and logs which one at INFO.
///
/// The handlers are installed when the future is first polled (`serve` polls its shutdown
/// future at once); from then on neither signal ends the process by itself. A handler that
/// cannot be installed is logged at WARN and that signal is not waited for.
///
/// ```no_run
/// # async fn run() {
/// waflow::serve::shutdown_signal().await;
/// println!("shutting down");
/// # }
/// ```
pub async fn shutdown_signal() {
    tokio::select! {
        () = ctrl_c() => tracing::info!("received SIGINT (Ctrl-C): shutting down"),
        () = terminate() => tracing::info!("received SIGTERM: shutting down"),
    }
}

async fn ctrl_c() {
    if let Err(e) = tokio::signal::ctrl_c().await {
        tracing::warn!("cannot listen for Ctrl-C: {e}");
        std::future::pending::<()>().await;
    }
}

#[cfg(unix)]
async fn terminate() {
    use tokio::signal::unix::{SignalKind, signal};
    match signal(SignalKind::terminate()) {
        Ok(mut term) => {
            // `None` only when the runtime shuts down; then nothing is waited for any more.
            if term.recv().await.is_none() {
                std::future::pending::<()>().await;
            }
        }
        Err(e) => {
            tracing::warn!("cannot listen for SIGTERM: {e}");
            std::future::pending::<()>().await;
        }
    }
}

#[cfg(not(unix))]
async fn terminate() {
    std::future::pending::<()>().await;
}
