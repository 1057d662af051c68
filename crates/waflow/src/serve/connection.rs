//! One accepted connection: the hyper builder for both protocols, and the task that serves the
//! connection with a deadline on its first request head.

use std::future::Future;
use std::net::SocketAddr;
use std::pin::pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use axum::Router;
use http::Request;
use hyper::body::Incoming;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto::Builder;
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpStream;
use tower::ServiceExt as _;

use super::ServeConfig;

/// The HTTP/1 + HTTP/2 connection builder with `config`'s limits.
pub(super) fn builder(config: &ServeConfig) -> Builder<TokioExecutor> {
    let mut builder = Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        // Counted from the start of each request head after the first (the first one is bounded
        // from accept by `first_request_within`); this also closes idle keep-alive connections.
        .header_read_timeout(config.header_read);
    builder
        .http2()
        .timer(TokioTimer::new())
        .keep_alive_interval(config.h2_keep_alive_interval)
        .keep_alive_timeout(config.h2_keep_alive_timeout)
        .max_concurrent_streams(config.h2_max_concurrent_streams);
    builder
}

/// The task serving one accepted connection until it ends, it misses the first-request deadline
/// (`header_read` from now), or a graceful shutdown `graceful` signals ends it.
pub(super) fn task(
    tcp: TcpStream,
    peer: SocketAddr,
    router: &Router,
    builder: &Builder<TokioExecutor>,
    graceful: &GracefulShutdown,
    header_read: Duration,
) -> impl Future<Output = ()> + Send + 'static {
    let first_head = Arc::new(AtomicBool::new(false));
    let seen = Arc::clone(&first_head);
    // hyper calls the service once a request head is complete, for HTTP/1 and HTTP/2 alike.
    let service = router
        .clone()
        .map_request(move |request: Request<Incoming>| {
            seen.store(true, Ordering::Release);
            request
        });
    let connection = builder
        .serve_connection_with_upgrades(TokioIo::new(tcp), TowerToHyperService::new(service))
        .into_owned();
    let connection = graceful.watch(connection);
    async move {
        match first_request_within(connection, header_read, &first_head).await {
            Some(Ok(())) => {}
            Some(Err(e)) => tracing::debug!(%peer, "connection ended: {e}"),
            None => tracing::debug!(
                %peer,
                "no complete request head within {header_read:?} of accept: closing"
            ),
        }
    }
}

/// Runs `connection` to its end, unless `first_head` is still unset `limit` after the call:
/// then `connection` is dropped (which closes its socket) and the answer is `None`.
pub(super) async fn first_request_within<F>(
    connection: F,
    limit: Duration,
    first_head: &AtomicBool,
) -> Option<F::Output>
where
    F: Future,
{
    let mut connection = pin!(connection);
    tokio::select! {
        output = &mut connection => return Some(output),
        () = tokio::time::sleep(limit) => {}
    }
    if first_head.load(Ordering::Acquire) {
        Some(connection.await)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMIT: Duration = Duration::from_millis(50);

    #[tokio::test]
    async fn a_connection_that_ends_in_time_gives_its_output() {
        let unset = AtomicBool::new(false);
        assert_eq!(
            first_request_within(async { 7 }, LIMIT, &unset).await,
            Some(7)
        );
    }

    #[tokio::test]
    async fn a_connection_without_a_request_head_is_dropped_at_the_limit() {
        let unset = AtomicBool::new(false);
        let never = std::future::pending::<()>();
        let out = tokio::time::timeout(LIMIT * 40, first_request_within(never, LIMIT, &unset));
        assert_eq!(out.await, Ok(None));
    }

    #[tokio::test]
    async fn a_connection_with_a_request_head_runs_past_the_limit() {
        let set = AtomicBool::new(true);
        let slow = async {
            tokio::time::sleep(LIMIT * 3).await;
            7
        };
        assert_eq!(first_request_within(slow, LIMIT, &set).await, Some(7));
    }
}
