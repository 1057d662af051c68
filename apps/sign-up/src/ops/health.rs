//! `/health/live`, `/health/ready` and `/health/slo`.
//!
//! Liveness says only that the process answers HTTP. Readiness checks what a request needs:
//! the database answers `SELECT 1` and the business key decrypts an encrypted ping sent
//! in-process through the real endpoint (signed with the app secret when one is configured),
//! each within [`PROBE_TIMEOUT`]; 503 with the failing check otherwise. `/health/slo` is the
//! local view of Meta's thresholds ([`waflow::metrics::Slo`]).

use std::time::Duration;

use axum::Json;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Serialize;
use waflow::store::{Pool, Store};
use waflow::testing::FlowClient;

use crate::AppState;

/// Longest a readiness check may take before it counts as failed.
pub const PROBE_TIMEOUT: Duration = Duration::from_secs(2);

/// What readiness probes.
#[derive(Debug, Clone)]
pub struct Readiness {
    store: Store,
    ping: FlowClient,
}

/// The answer of `/health/ready`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReadyReport {
    /// `ready` or `not ready`.
    pub status: &'static str,
    /// `ok`, or why the database is not usable.
    pub database: String,
    /// `ok`, or why the key did not answer an encrypted ping.
    pub key: String,
}

impl ReadyReport {
    /// Both checks passed.
    pub fn ready(&self) -> bool {
        self.status == "ready"
    }
}

impl Readiness {
    /// Probes `state`'s store and key (through the endpoint `state` serves).
    pub fn new(state: &AppState) -> Self {
        let ping = FlowClient::for_service(crate::endpoint(state), state.private_key.public_key());
        let ping = match &state.app_secret {
            Some(secret) => ping.app_secret(secret.clone()),
            None => ping,
        };
        Self {
            store: state.services.store.clone(),
            ping,
        }
    }

    /// Runs both checks.
    pub async fn check(&self) -> ReadyReport {
        let (database, key) = tokio::join!(self.database(), self.key());
        let ok = |r: &Result<(), String>| r.as_ref().err().map_or("ok".into(), Clone::clone);
        let (database_text, key_text) = (ok(&database), ok(&key));
        ReadyReport {
            status: if database.is_ok() && key.is_ok() {
                "ready"
            } else {
                "not ready"
            },
            database: database_text,
            key: key_text,
        }
    }

    async fn database(&self) -> Result<(), String> {
        let query = async {
            match self.store.pool() {
                Pool::Sqlite(p) => sqlx::query("SELECT 1").execute(p).await.map(drop),
                Pool::Postgres(p) => sqlx::query("SELECT 1").execute(p).await.map(drop),
            }
        };
        match tokio::time::timeout(PROBE_TIMEOUT, query).await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(format!("database error: {e}")),
            Err(_) => Err(format!("no answer within {PROBE_TIMEOUT:?}")),
        }
    }

    async fn key(&self) -> Result<(), String> {
        match tokio::time::timeout(PROBE_TIMEOUT, self.ping.ping()).await {
            Ok(Ok(ex))
                if ex.status == 200 && ex.data().is_some_and(|d| d["status"] == "active") =>
            {
                Ok(())
            }
            Ok(Ok(ex)) => Err(format!("an encrypted ping was answered {}", ex.status)),
            Ok(Err(e)) => Err(format!("an encrypted ping failed: {e}")),
            Err(_) => Err(format!("no answer within {PROBE_TIMEOUT:?}")),
        }
    }
}

/// `/health/live` and `/health/ready` for `state` (the main port mounts these too, for load
/// balancers).
pub fn routes(state: &AppState) -> Router {
    Router::new()
        .route("/health/live", get(live))
        .route("/health/ready", get(ready))
        .with_state(Readiness::new(state))
}

/// `GET /health/live`: 200 while the process serves HTTP.
pub async fn live() -> &'static str {
    "live\n"
}

/// `GET /health/ready`: 200 with [`ReadyReport`] when the database answers and the key decrypts,
/// 503 otherwise.
pub async fn ready(State(readiness): State<Readiness>) -> Response {
    let report = readiness.check().await;
    if !report.ready() {
        tracing::warn!(database = %report.database, key = %report.key, "not ready");
    }
    let status = if report.ready() {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (status, Json(report)).into_response()
}

/// `GET /health/slo`: Meta's four checks over this process's requests
/// ([`waflow::metrics::SloReport`]); 404 without the metrics recorder.
pub async fn slo() -> Response {
    match super::metrics::installed() {
        Some(installed) => Json(installed.slo.report()).into_response(),
        None => (StatusCode::NOT_FOUND, "metrics are off (--no-metrics)\n").into_response(),
    }
}
