//! The local playground: click through any flow in a browser, exactly as a phone would,
//! before uploading it.
//!
//! [`Playground::for_flow`] takes the Flow JSON and a [`Target`] (an endpoint reached through
//! [`FlowClient`](crate::testing::FlowClient), or [`CannedResponses`]) and
//! [`into_router`](Playground::into_router) gives an axum [`Router`] serving:
//!
//! | route | what |
//! |---|---|
//! | `GET /` | the page: a phone-sized WhatsApp-like frame plus a log, the screen data and the routing graph |
//! | `GET /{asset}` | the embedded `app.js`, `render.js`, `expr.js`, `validate.js`, `graph.js`, `markdown.js`, `style.css` |
//! | `GET /api/flow` | the Flow JSON |
//! | `POST /api/session` | a new flow token (from [`Playground::flow_token`], random by default) |
//! | `POST /api/exchange` | `{action, screen, data, flow_token}` → encrypted to the endpoint → `{status, request, response}` decrypted |
//! | `POST /api/complete` | the completion payload in the `nfm_reply` webhook shape |
//! | `POST /api/media`, `GET /api/media/{id}` | picker uploads encrypted as WhatsApp's CDN serves them |
//!
//! ```
//! use serde_json::json;
//! use waflow::playground::{CannedResponses, Playground};
//!
//! let flow = json!({"version": "6.0", "screens": [{"id": "A", "terminal": true, "layout": {
//!     "type": "SingleColumnLayout", "children": [{"type": "Footer", "label": "Done",
//!     "on-click-action": {"name": "complete", "payload": {}}}]}}]});
//! let router: axum::Router = Playground::for_flow(&flow, CannedResponses::new())
//!     .flow_token(|| async { "token-1".to_owned() })
//!     .into_router();
//! # let _ = router;
//! ```

mod assets;
mod canned;
mod complete;
mod error;
mod flow_client;
mod media;
mod target;

use std::fmt;
use std::future::Future;
use std::sync::Arc;

use axum::extract::{DefaultBodyLimit, FromRef, State};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

pub use canned::CannedResponses;
pub use error::PlaygroundError;
pub use target::{BoxFuture, ExchangeOutcome, Exchanger, Target};

use media::MediaStore;

type TokenFn = dyn Fn() -> BoxFuture<String> + Send + Sync;

/// The playground for one flow; turn it into a router with [`Playground::into_router`].
#[derive(Clone)]
pub struct Playground {
    flow: Arc<Result<Value, String>>,
    target: Target,
    token: Arc<TokenFn>,
}

impl fmt::Debug for Playground {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Playground")
            .field("flow", &self.flow.as_ref().as_ref().map(|_| "Flow JSON"))
            .field("target", &self.target)
            .finish_non_exhaustive()
    }
}

fn random_token() -> String {
    let mut bytes = [0_u8; 16];
    if aws_lc_rs::rand::fill(&mut bytes).is_err() {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        return format!("playground-{nanos}");
    }
    format!("playground-{}", hex::encode(bytes))
}

impl Playground {
    /// A playground for `flow` (a `serde_json::Value`, a typed Flow JSON model or anything that
    /// serialises to Flow JSON) talking to `target`.
    pub fn for_flow<F, T>(flow: F, target: T) -> Self
    where
        F: Serialize,
        T: Into<Target>,
    {
        let flow = serde_json::to_value(flow).map_err(|e| e.to_string());
        Self {
            flow: Arc::new(flow),
            target: target.into(),
            token: Arc::new(|| Box::pin(async { random_token() })),
        }
    }

    /// Where flow tokens come from (one per playground session); random by default.
    #[must_use]
    pub fn flow_token<F, Fut>(mut self, provider: F) -> Self
    where
        F: Fn() -> Fut + Send + Sync + 'static,
        Fut: Future<Output = String> + Send + 'static,
    {
        self.token = Arc::new(move || Box::pin(provider()));
        self
    }

    /// The axum router serving the page and its API; mount it anywhere (e.g. `/playground`).
    pub fn into_router(self) -> Router {
        let state = AppState {
            playground: self,
            media: MediaStore::default(),
        };
        Router::new()
            .route("/", get(assets::page))
            .route("/{asset}", get(assets::asset))
            .route("/api/flow", get(flow))
            .route("/api/session", post(session))
            .route("/api/exchange", post(exchange))
            .route("/api/complete", post(complete))
            .route(
                "/api/media",
                post(media::upload).layer(DefaultBodyLimit::max(media::MAX_MEDIA_BYTES + 1)),
            )
            .route("/api/media/{id}", get(media::download))
            .with_state(state)
    }
}

#[derive(Clone)]
struct AppState {
    playground: Playground,
    media: MediaStore,
}

impl FromRef<AppState> for MediaStore {
    fn from_ref(state: &AppState) -> Self {
        state.media.clone()
    }
}

async fn flow(State(state): State<AppState>) -> Result<Json<Value>, PlaygroundError> {
    match state.playground.flow.as_ref() {
        Ok(v) => Ok(Json(v.clone())),
        Err(e) => Err(PlaygroundError::Flow(e.clone())),
    }
}

async fn session(State(state): State<AppState>) -> Json<Value> {
    let token = (state.playground.token)().await;
    Json(json!({
        "flow_token": token,
        "mode": state.playground.target.mode(),
        "endpoint": state.playground.target.describe(),
    }))
}

/// What the page posts to `/api/exchange`.
#[derive(Debug, Deserialize)]
struct ExchangeBody {
    action: String,
    #[serde(default)]
    screen: Option<String>,
    #[serde(default)]
    data: Option<Value>,
    flow_token: String,
}

const ACTIONS: [&str; 4] = ["INIT", "BACK", "data_exchange", "ping"];

fn parse<T>(body: &[u8]) -> Result<T, PlaygroundError>
where
    T: for<'de> Deserialize<'de>,
{
    serde_json::from_slice(body).map_err(|e| PlaygroundError::BadRequest(e.to_string()))
}

async fn exchange(
    State(state): State<AppState>,
    body: axum::body::Bytes,
) -> Result<Json<ExchangeOutcome>, PlaygroundError> {
    let body: ExchangeBody = parse(&body)?;
    if !ACTIONS.contains(&body.action.as_str()) {
        return Err(PlaygroundError::BadRequest(format!(
            "unknown action `{}`, expected one of {ACTIONS:?}",
            body.action
        )));
    }
    let data = body.data.unwrap_or_else(|| json!({}));
    if !data.is_object() {
        return Err(PlaygroundError::BadRequest(
            "`data` must be a JSON object".into(),
        ));
    }
    let flow = state.playground.flow.as_ref().as_ref().ok();
    let version = flow
        .and_then(|f| f.get("data_api_version"))
        .and_then(Value::as_str)
        .unwrap_or("3.0");
    let mut request = json!({ "version": version, "action": body.action });
    if let Some(screen) = body.screen {
        request["screen"] = Value::String(screen);
    }
    if body.action != "ping" {
        request["data"] = data;
        request["flow_token"] = Value::String(body.flow_token);
    }
    Ok(Json(state.playground.target.exchange(request).await))
}

/// What the page posts to `/api/complete`.
#[derive(Debug, Deserialize)]
struct CompleteBody {
    flow_token: String,
    #[serde(default)]
    payload: Value,
}

async fn complete(
    State(state): State<AppState>,
    body: axum::body::Bytes,
) -> Result<Json<Value>, PlaygroundError> {
    let body: CompleteBody = parse(&body)?;
    if !(body.payload.is_object() || body.payload.is_null()) {
        return Err(PlaygroundError::BadRequest(
            "`payload` must be a JSON object".into(),
        ));
    }
    Ok(Json(complete::completion_webhook(
        &body.flow_token,
        body.payload,
        &state.media,
    )))
}
