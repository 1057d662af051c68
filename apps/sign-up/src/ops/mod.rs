//! Operating the server: metrics, health, Meta's thresholds, logs, and the development index.
//!
//! - [`metrics`]: the Prometheus recorder (`metrics-exporter-prometheus`, installed once per
//!   process by [`metrics::install`]) and the `waflow::metrics` layers around the flow endpoint
//!   and the webhook; `/metrics` renders the Prometheus text format.
//! - [`health`]: `/health/live` (the process answers), `/health/ready` (the database answers
//!   and the key decrypts an encrypted ping; 503 otherwise) and `/health/slo` (Meta's
//!   thresholds over Meta's windows, computed from this instance's requests).
//! - [`logging`]: `--log-format text|json`, colours only on a terminal, the span-label layer
//!   the metrics need, and OpenTelemetry export behind the `otel` feature.
//! - [`dev_index`]: `GET /` in development, a page linking the playground and the endpoint.
//!
//! [`router`] is what the operations port (`--ops-addr`, loopback by default) serves; the main
//! port gets only [`health::routes`] (a load balancer probes it there).
//!
//! ```
//! # async fn run() {
//! let dir = tempfile::tempdir().unwrap();
//! let store = waflow::store::Store::open_in_dir(dir.path()).await.unwrap();
//! let key = waflow::crypto::KeyPair::generate().unwrap().private_key().clone();
//! let state = sign_up::AppState::with_outbox(key, store, sign_up::delivery::DevOutbox::quiet())
//!     .await
//!     .unwrap();
//! let ops: axum::Router = sign_up::ops::router(&state);
//! # drop(ops);
//! # }
//! ```

pub mod dev_index;
pub mod health;
pub mod logging;
pub mod metrics;
#[cfg(feature = "otel")]
pub mod otel;

use axum::Router;
use axum::routing::get;

use crate::AppState;

/// The operations port's routes: the health routes, `/health/slo`, and `/metrics` when the
/// recorder is installed.
pub fn router(state: &AppState) -> Router {
    let router = health::routes(state).route("/health/slo", get(health::slo));
    match metrics::installed() {
        Some(_) => router.route("/metrics", get(metrics::render)),
        None => router,
    }
}
