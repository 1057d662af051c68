//! [`serve_local`]: a flow's endpoint and its playground on one loopback address, for
//! `cargo run --example …` and a developer's own `main`.

use std::net::SocketAddr;

use axum::Router;
use axum::response::Redirect;
use axum::routing::get;
use serde::Serialize;

use super::Playground;
use crate::crypto::PublicKey;
use crate::endpoint::FlowEndpoint;
use crate::testing::FlowClient;

/// Where [`local_router`] serves the endpoint.
pub const LOCAL_ENDPOINT_PATH: &str = "/flow";
/// Where [`local_router`] serves the playground.
pub const LOCAL_PLAYGROUND_PATH: &str = "/playground";

/// The router [`serve_local`] serves: `endpoint` at `/flow` (what WhatsApp would call), the
/// playground for `flow` at `/playground` (talking to that endpoint in-process, encrypted as the
/// phone does), and `/` redirecting to the playground.
pub fn local_router<F: Serialize>(
    flow: &F,
    endpoint: FlowEndpoint,
    public_key: PublicKey,
) -> Router {
    let playground =
        Playground::for_flow(flow, FlowClient::for_service(endpoint.clone(), public_key));
    Router::new()
        .route_service(LOCAL_ENDPOINT_PATH, endpoint)
        .route("/", get(|| async { Redirect::to(LOCAL_PLAYGROUND_PATH) }))
        .merge(playground.mount(LOCAL_PLAYGROUND_PATH))
}

/// Serves [`local_router`] on `addr`, which must be a loopback address (`127.0.0.1:8080`,
/// `[::1]:8080`), until Ctrl-C. Prints the playground's URL.
///
/// ```no_run
/// use waflow::crypto::PrivateKey;
/// use waflow::endpoint::{FlowEndpoint, FlowResponse};
///
/// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
/// let key = PrivateKey::load_or_generate_dev("target/dev-keys/my-flow.pem")?;
/// let flow = serde_json::json!({"version": "7.3", "data_api_version": "3.0",
///     "routing_model": {"HELLO": []}, "screens": []});
/// let endpoint = FlowEndpoint::new(key.clone())
///     .on_init(|| async { FlowResponse::screen("HELLO") })
///     .with_state(());
/// waflow::playground::serve_local("127.0.0.1:8080", &flow, endpoint, key.public_key()).await?;
/// # Ok(()) }
/// ```
///
/// # Errors
/// `addr` is not a loopback socket address (`InvalidInput`: the playground is a development
/// surface), or it cannot be bound.
pub async fn serve_local<F: Serialize>(
    addr: &str,
    flow: &F,
    endpoint: FlowEndpoint,
    public_key: PublicKey,
) -> std::io::Result<()> {
    let addr = loopback(addr)?;
    let router = local_router(flow, endpoint, public_key);
    let listener = tokio::net::TcpListener::bind(addr).await?;
    let addr = listener.local_addr()?;
    println!("playground: http://{addr}{LOCAL_PLAYGROUND_PATH}");
    println!("endpoint:   http://{addr}{LOCAL_ENDPOINT_PATH} (loopback only; Ctrl-C stops)");
    axum::serve(listener, router)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}

/// `addr` parsed, when it is a loopback socket address.
fn loopback(addr: &str) -> std::io::Result<SocketAddr> {
    let parsed: SocketAddr = addr.parse().map_err(|e| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("`{addr}` is not a socket address such as 127.0.0.1:8080: {e}"),
        )
    })?;
    if !parsed.ip().is_loopback() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!(
                "`{addr}` is not a loopback address: the playground is a development surface and \
                 listens on 127.0.0.1 or [::1] only"
            ),
        ));
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn only_loopback_addresses_are_served() {
        assert_eq!(loopback("127.0.0.1:8080").unwrap().port(), 8080);
        assert!(loopback("[::1]:0").is_ok());
        for refused in ["0.0.0.0:8080", "192.168.1.2:8080", "localhost:8080", "8080"] {
            let err = loopback(refused).unwrap_err();
            assert_eq!(err.kind(), std::io::ErrorKind::InvalidInput, "{refused}");
            assert!(err.to_string().contains(refused), "{err}");
        }
    }
}
