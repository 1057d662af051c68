//! The local playground: click through any flow in a browser, exactly as a phone would,
//! before uploading it.
//!
//! [`Playground::for_flow`] takes the Flow JSON and a [`Target`] (an endpoint reached through
//! [`FlowClient`](crate::testing::FlowClient), or [`CannedResponses`]) and
//! [`into_router`](Playground::into_router) gives an axum [`Router`] serving:
//!
//! | route | what |
//! |---|---|
//! | `GET /` | the page: a phone-sized WhatsApp-like frame (or a WhatsApp Web drawer), the Flow JSON editor with its findings, a log, the screen data and the routing graph |
//! | `GET /{asset}` | the embedded `app.js`, `render.js`, `expr.js`, `validate.js`, `graph.js`, `markdown.js`, `editor.js`, `frame.js`, `style.css` |
//! | `GET /api/flow` | the Flow JSON |
//! | `POST /api/session` | starts the flow: sets the session cookie, issues a new flow token (from [`Playground::flow_token_for`], random by default) for the browser's pseudo-phone and answers it for display |
//! | `POST /api/exchange` | `{action, screen, data}` + the session's flow token → encrypted to the endpoint → `{status, request, response}` decrypted |
//! | `POST /api/complete` | the completion payload in the `nfm_reply` webhook shape |
//! | `POST /api/validate` | `{text}` from the page's editor → waflow-json's findings (code, severity, message, JSON Pointer), each placed in the text: `from`/`to` in UTF-16 code units and `line`/`column`; text that is not JSON is one `INVALID_JSON` finding at the parser's line and column |
//! | `POST /api/media`, `GET /api/media/{id}` | picker uploads encrypted as WhatsApp's CDN serves them |
//!
//! The server keeps each browser's session (an HttpOnly, `SameSite=Strict` cookie naming a
//! pseudo-phone `playground-<hex>` and the current flow token); a `flow_token` the page sends is
//! ignored, and API calls without a session answer 401. Only requests addressed to `localhost`,
//! `127.0.0.1` or `[::1]` are answered ([`require_loopback_host`]; opt out with
//! [`Playground::allow_any_host`]); POSTs must be same-origin `application/json` (uploads carry the
//! page's `x-file-name` header instead); every response forbids framing and carries a strict
//! Content-Security-Policy; JSON bodies are capped at 256 KiB (the editor's text for
//! `/api/validate` at 2 MiB) and uploads at 25 MiB each, two at a
//! time and 128 MiB held.
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
mod guard;
mod host;
mod local;
mod media;
mod session;
mod spans;
mod target;
mod validate;

use std::fmt;
use std::future::Future;
use std::sync::Arc;

use axum::extract::{DefaultBodyLimit, FromRef, OriginalUri, State};
use axum::http::{HeaderMap, header};
use axum::middleware::from_fn;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

pub use canned::CannedResponses;
pub use error::PlaygroundError;
pub use host::require_loopback_host;
pub use local::{LOCAL_ENDPOINT_PATH, LOCAL_PLAYGROUND_PATH, local_router, serve_local};
pub use target::{BoxFuture, ExchangeOutcome, Exchanger, Target};

use media::MediaStore;
use session::{Browser, BrowserSession, HasSessions, Sessions};

type TokenFn = dyn Fn(String) -> BoxFuture<String> + Send + Sync;

/// Largest JSON body accepted by `/api/session`, `/api/exchange` and `/api/complete`.
const MAX_JSON_BODY: usize = 256 * 1024;

/// The playground for one flow; turn it into a router with [`Playground::into_router`].
#[derive(Clone)]
pub struct Playground {
    flow: Arc<Result<Value, String>>,
    target: Target,
    token: Arc<TokenFn>,
    any_host: bool,
    max_media_bytes: usize,
}

impl fmt::Debug for Playground {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Playground")
            .field("flow", &self.flow.as_ref().as_ref().map(|_| "Flow JSON"))
            .field("target", &self.target)
            .field("any_host", &self.any_host)
            .field("max_media_bytes", &self.max_media_bytes)
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
            token: Arc::new(|_phone| Box::pin(async { random_token() })),
            any_host: false,
            max_media_bytes: media::MAX_HELD_BYTES,
        }
    }

    /// Where flow tokens come from (one per start of the flow); random by default. Use
    /// [`flow_token_for`](Self::flow_token_for) to issue tokens for the browser's pseudo-phone.
    #[must_use]
    pub fn flow_token<F, Fut>(self, provider: F) -> Self
    where
        F: Fn() -> Fut + Send + Sync + 'static,
        Fut: Future<Output = String> + Send + 'static,
    {
        self.flow_token_for(move |_phone| provider())
    }

    /// Where flow tokens come from, given the pseudo-phone (`playground-<hex>`) of the browser
    /// starting the flow. Each browser keeps its phone while the playground runs, so an endpoint
    /// that ties state to the phone sees one user per browser.
    ///
    /// ```
    /// use waflow::playground::{CannedResponses, Playground};
    ///
    /// let playground = Playground::for_flow(serde_json::json!({"version": "7.3", "screens": []}),
    ///     CannedResponses::new())
    ///     .flow_token_for(|phone: String| async move { format!("token-for-{phone}") });
    /// # let _ = playground;
    /// ```
    #[must_use]
    pub fn flow_token_for<F, Fut>(mut self, provider: F) -> Self
    where
        F: Fn(String) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = String> + Send + 'static,
    {
        self.token = Arc::new(move |phone| Box::pin(provider(phone)));
        self
    }

    /// **Dangerous**: answers requests whatever their `Host` header says. By default only
    /// `localhost`, `127.0.0.1` and `[::1]` are answered (see [`require_loopback_host`]), which
    /// keeps DNS-rebinding pages and tunnels from reaching the endpoint through the playground.
    /// Opt out only behind your own authentication, e.g. to share the playground through a
    /// tunnel on purpose.
    #[must_use]
    pub fn allow_any_host(mut self) -> Self {
        self.any_host = true;
        self
    }

    /// How many bytes of encrypted uploads are kept in memory (128 MiB by default; at most 64
    /// files either way); the oldest are dropped first.
    #[must_use]
    pub fn max_media_bytes(mut self, bytes: usize) -> Self {
        self.max_media_bytes = bytes;
        self
    }

    /// The playground at `path` (e.g. `/playground`), merged into an app with
    /// `app.merge(playground.mount("/playground"))`. Unlike `Router::nest`, `path/` (with the
    /// trailing slash a user may type) answers too: it redirects to `path`, keeping the query.
    pub fn mount(self, path: &str) -> Router {
        let path = path.trim_end_matches('/');
        if path.is_empty() {
            return self.into_router();
        }
        let any_host = self.any_host;
        let bare = path.to_owned();
        let slash = Router::new().route(
            &format!("{path}/"),
            get(move |OriginalUri(uri): OriginalUri| async move {
                let query = uri.query().map(|q| format!("?{q}")).unwrap_or_default();
                Redirect::permanent(&format!("{bare}{query}"))
            }),
        );
        let slash = if any_host {
            slash
        } else {
            slash.route_layer(from_fn(require_loopback_host))
        };
        Router::new().nest(path, self.into_router()).merge(slash)
    }

    /// The axum router serving the page and its API; mount it anywhere (e.g. `/playground`,
    /// with [`mount`](Self::mount)).
    pub fn into_router(self) -> Router {
        let any_host = self.any_host;
        let state = AppState {
            media: MediaStore::new(self.max_media_bytes),
            sessions: Sessions::new(),
            playground: self,
        };
        let json = || from_fn(guard::json_only);
        let router = Router::new()
            .route("/", get(assets::page))
            .route("/{asset}", get(assets::asset))
            .route("/api/flow", get(flow))
            .route("/api/session", post(session).layer(json()))
            .route("/api/exchange", post(exchange).layer(json()))
            .route("/api/complete", post(complete).layer(json()))
            .route(
                "/api/validate",
                post(validate::validate)
                    .layer(DefaultBodyLimit::max(validate::MAX_VALIDATE_BODY))
                    .layer(json()),
            )
            .route(
                "/api/media",
                post(media::upload).layer(from_fn(guard::upload_only)),
            )
            .route("/api/media/{id}", get(media::download))
            .layer(DefaultBodyLimit::max(MAX_JSON_BODY))
            .layer(from_fn(guard::same_origin));
        let router = if any_host {
            router
        } else {
            router.layer(from_fn(require_loopback_host))
        };
        router
            .layer(from_fn(guard::security_headers))
            .with_state(state)
    }
}

#[derive(Clone)]
struct AppState {
    playground: Playground,
    media: MediaStore,
    sessions: Sessions,
}

impl FromRef<AppState> for MediaStore {
    fn from_ref(state: &AppState) -> Self {
        state.media.clone()
    }
}

impl HasSessions for AppState {
    fn sessions(&self) -> &Sessions {
        &self.sessions
    }
}

async fn flow(State(state): State<AppState>) -> Result<Json<Value>, PlaygroundError> {
    match state.playground.flow.as_ref() {
        Ok(v) => Ok(Json(v.clone())),
        Err(e) => Err(PlaygroundError::Flow(e.clone())),
    }
}

/// `POST /api/session`: starts the flow for this browser. A browser without a known session
/// cookie gets a new session and pseudo-phone; either way a new flow token is issued for the
/// browser's phone and kept on the server (the page only shows it).
async fn session(
    State(state): State<AppState>,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
) -> Result<Response, PlaygroundError> {
    let sessions = &state.sessions;
    let known = sessions
        .cookie_id(&headers)
        .and_then(|id| Some((id.to_owned(), sessions.get(id)?.phone)));
    let (id, phone, fresh) = match known {
        Some((id, phone)) => (id, phone, false),
        None => (Sessions::new_id()?, Sessions::new_phone()?, true),
    };
    let token = (state.playground.token)(phone.clone()).await;
    sessions.store(
        &id,
        BrowserSession {
            phone: phone.clone(),
            token: token.clone(),
        },
    );
    let mut response = Json(json!({
        "flow_token": token,
        "phone": phone,
        "mode": state.playground.target.mode(),
        "endpoint": state.playground.target.describe(),
    }))
    .into_response();
    if fresh && let Some(cookie) = sessions.set_cookie(&id, session::mount_point(uri.path())) {
        response.headers_mut().insert(header::SET_COOKIE, cookie);
    }
    Ok(response)
}

/// What the page posts to `/api/exchange`. A `flow_token` the body may carry (older pages sent
/// one) is ignored: the session's token is used.
#[derive(Debug, Deserialize)]
struct ExchangeBody {
    action: String,
    #[serde(default)]
    screen: Option<String>,
    #[serde(default)]
    data: Option<Value>,
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
    Browser(browser): Browser,
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
        request["flow_token"] = Value::String(browser.token);
    }
    Ok(Json(state.playground.target.exchange(request).await))
}

/// What the page posts to `/api/complete` (a `flow_token` in it is ignored, as for exchanges).
#[derive(Debug, Deserialize)]
struct CompleteBody {
    #[serde(default)]
    payload: Value,
}

async fn complete(
    State(state): State<AppState>,
    Browser(browser): Browser,
    body: axum::body::Bytes,
) -> Result<Json<Value>, PlaygroundError> {
    let body: CompleteBody = parse(&body)?;
    if !(body.payload.is_object() || body.payload.is_null()) {
        return Err(PlaygroundError::BadRequest(
            "`payload` must be a JSON object".into(),
        ));
    }
    complete::completion_webhook(&browser.token, &browser.phone, body.payload, &state.media)
        .map(Json)
}
