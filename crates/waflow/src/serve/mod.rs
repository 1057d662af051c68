//! The production HTTP serve loop: [`serve`] an axum [`Router`] on a [`TcpListener`] with the
//! limits a server facing the internet needs, and stop it on [`shutdown_signal`].
//!
//! Compared with `axum::serve`, [`serve`]:
//!
//! - speaks HTTP/1.1 and HTTP/2 (prior knowledge, as a TLS-terminating proxy or load balancer
//!   forwards it) on the same port, with `TCP_NODELAY` on every socket;
//! - closes a connection that has not delivered a complete first request head within
//!   [`ServeConfig::header_read`] of accept, whatever it sent: nothing, part of the HTTP/2
//!   preface, HTTP/1 headers a byte at a time. Later HTTP/1 request heads on a keep-alive
//!   connection get the same limit, which also closes idle keep-alive connections;
//! - fails the reading of a body that is not complete within [`ServeConfig::body_read`] (axum's
//!   body extractors answer it `400`);
//! - pings HTTP/2 connections and closes those that stop answering, and caps the concurrent
//!   streams of one HTTP/2 connection;
//! - keeps at most [`ServeConfig::max_connections`] connections open: when that many are open
//!   it stops accepting until one closes;
//! - backs off when `accept` fails for lack of resources (file descriptors, memory) instead of
//!   spinning;
//! - on shutdown stops accepting, lets in-flight requests finish for up to
//!   [`ServeConfig::shutdown_grace`], then drops what is left.
//!
//! ```no_run
//! use axum::Router;
//! use axum::routing::get;
//! use waflow::serve::{ServeConfig, serve, shutdown_signal};
//!
//! # async fn run() -> std::io::Result<()> {
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
//! let app = Router::new().route("/health", get(|| async { "ok" }));
//! let config = ServeConfig::default().max_connections(512);
//! serve(listener, app, config, shutdown_signal()).await; // returns after Ctrl-C or SIGTERM
//! # Ok(())
//! # }
//! ```

mod accept;
mod config;
mod connection;
mod signal;

use std::future::Future;
use std::pin::pin;
use std::sync::Arc;

use axum::Router;
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use tower_http::timeout::RequestBodyTimeoutLayer;

pub use config::ServeConfig;
pub use signal::shutdown_signal;

/// Serves `router` on `listener` with `config`'s limits until `shutdown` resolves, then shuts
/// down gracefully: it stops accepting (the listener is closed), asks every open connection to
/// finish its in-flight requests and close (HTTP/2 gets a `GOAWAY`), waits up to
/// [`ServeConfig::shutdown_grace`] for them, and drops the connections still open after that.
///
/// It returns once all connections are gone. It has no error to return: a failing `accept` is
/// logged and retried (after a pause when the cause is not the one connection), and a failing
/// connection is logged at DEBUG and closed. `shutdown` is polled at once, so
/// [`shutdown_signal`]'s handlers are installed as soon as the loop runs.
pub async fn serve<F>(listener: TcpListener, router: Router, config: ServeConfig, shutdown: F)
where
    F: Future<Output = ()>,
{
    let router = router.layer(RequestBodyTimeoutLayer::new(config.body_read));
    let builder = connection::builder(&config);
    let slots = Arc::new(Semaphore::new(
        config.max_connections.clamp(1, Semaphore::MAX_PERMITS),
    ));
    let graceful = GracefulShutdown::new();
    let mut connections = JoinSet::new();
    let mut shutdown = pin!(shutdown);
    loop {
        // A free slot first: while `max_connections` are open, nothing is accepted.
        let next = async {
            let slot = Arc::clone(&slots).acquire_owned().await;
            (slot, accept::next(&listener).await)
        };
        let (slot, (tcp, peer)) = tokio::select! {
            next = next => next,
            () = &mut shutdown => break,
        };
        // The semaphore is never closed, so this always holds a permit.
        let Ok(slot) = slot else { break };
        if let Err(e) = tcp.set_nodelay(true) {
            tracing::warn!(%peer, "cannot set TCP_NODELAY: {e}");
        }
        let task = connection::task(tcp, peer, &router, &builder, &graceful, config.header_read);
        connections.spawn(async move {
            task.await;
            drop(slot);
        });
        // Forget the connections that have ended since the last accept.
        while connections.try_join_next().is_some() {}
    }
    drop(listener);
    tracing::debug!(
        "stopped accepting; waiting up to {:?} for in-flight requests",
        config.shutdown_grace
    );
    if tokio::time::timeout(config.shutdown_grace, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!(
            "requests still running {:?} after the shutdown began: dropping them",
            config.shutdown_grace
        );
    }
    connections.shutdown().await;
}
