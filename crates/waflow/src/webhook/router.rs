//! [`Webhook`]: the builder of handlers and the axum router that serves them.

use std::collections::HashMap;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use secrecy::{ExposeSecret, SecretString};
use serde::de::DeserializeOwned;
use subtle::ConstantTimeEq;

use super::completion::{Completion, RawCompletion};
use super::dedupe::{DeliveryLog, MemoryDeliveryLog};
use super::error::WebhookError;
use super::update::{FlowEvent, Message, Status, Update};

type HandlerFuture = Pin<Box<dyn Future<Output = Result<(), String>> + Send>>;
type Handler<A> = Arc<dyn Fn(A) -> HandlerFuture + Send + Sync>;

/// What a webhook handler may return: `()` or `Result<(), E>`; an `Err` is logged.
pub trait IntoOutcome: Send {
    /// Converts to a loggable outcome.
    fn into_outcome(self) -> Result<(), String>;
}

impl IntoOutcome for () {
    fn into_outcome(self) -> Result<(), String> {
        Ok(())
    }
}

impl<E> IntoOutcome for Result<(), E>
where
    E: fmt::Display + Send,
{
    fn into_outcome(self) -> Result<(), String> {
        self.map_err(|e| e.to_string())
    }
}

fn boxed<A, F, Fut>(f: F) -> Handler<A>
where
    F: Fn(A) -> Fut + Send + Sync + 'static,
    Fut: Future + Send + 'static,
    Fut::Output: IntoOutcome,
{
    Arc::new(move |a| {
        let fut = f(a);
        Box::pin(async move { fut.await.into_outcome() })
    })
}

/// The webhook receiver: GET verify handshake, POST signed notifications dispatched to typed
/// handlers after the 200 is sent.
#[must_use]
pub struct Webhook {
    verify_token: SecretString,
    app_secret: SecretString,
    completion: Option<Handler<RawCompletion>>,
    message: Option<Handler<Message>>,
    status: Option<Handler<Status>>,
    flow_event: Option<Handler<FlowEvent>>,
    log: Arc<dyn DeliveryLog>,
}

impl fmt::Debug for Webhook {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Webhook")
            .field("on_flow_completion", &self.completion.is_some())
            .field("on_message", &self.message.is_some())
            .field("on_status", &self.status.is_some())
            .field("on_flow_event", &self.flow_event.is_some())
            .finish_non_exhaustive()
    }
}

impl Webhook {
    /// A webhook answering the handshake for `verify_token` and checking signatures with
    /// `app_secret`. Duplicate deliveries are dropped through an in-memory log until
    /// [`Self::dedupe`] sets another.
    pub fn new(verify_token: SecretString, app_secret: SecretString) -> Self {
        Self {
            verify_token,
            app_secret,
            completion: None,
            message: None,
            status: None,
            flow_event: None,
            log: Arc::new(MemoryDeliveryLog::new()),
        }
    }

    /// Handles flow completions, with `response_json` typed as `T` (use `serde_json::Value`
    /// for untyped). A completion that does not fit `T` is logged and dropped.
    pub fn on_flow_completion<T, F, Fut>(mut self, handler: F) -> Self
    where
        T: DeserializeOwned + Send + 'static,
        F: Fn(Completion<T>) -> Fut + Send + Sync + 'static,
        Fut: Future + Send + 'static,
        Fut::Output: IntoOutcome,
    {
        let handler = Arc::new(handler);
        self.completion = Some(Arc::new(move |raw: RawCompletion| {
            let handler = Arc::clone(&handler);
            Box::pin(async move {
                let typed = raw.parse::<T>().map_err(|e| e.to_string())?;
                handler(typed).await.into_outcome()
            })
        }));
        self
    }

    /// Handles every other incoming message.
    pub fn on_message<F, Fut>(mut self, handler: F) -> Self
    where
        F: Fn(Message) -> Fut + Send + Sync + 'static,
        Fut: Future + Send + 'static,
        Fut::Output: IntoOutcome,
    {
        self.message = Some(boxed(handler));
        self
    }

    /// Handles delivery statuses.
    pub fn on_status<F, Fut>(mut self, handler: F) -> Self
    where
        F: Fn(Status) -> Fut + Send + Sync + 'static,
        Fut: Future + Send + 'static,
        Fut::Output: IntoOutcome,
    {
        self.status = Some(boxed(handler));
        self
    }

    /// Handles `field: flows` events (status changes and endpoint alerts).
    pub fn on_flow_event<F, Fut>(mut self, handler: F) -> Self
    where
        F: Fn(FlowEvent) -> Fut + Send + Sync + 'static,
        Fut: Future + Send + 'static,
        Fut::Output: IntoOutcome,
    {
        self.flow_event = Some(boxed(handler));
        self
    }

    /// The log that recognises duplicate deliveries (e.g. a `waflow::store::Store`).
    pub fn dedupe<L>(mut self, log: L) -> Self
    where
        L: DeliveryLog,
    {
        self.log = Arc::new(log);
        self
    }

    /// Same as [`Self::dedupe`] for a log already shared.
    pub fn dedupe_shared(mut self, log: Arc<dyn DeliveryLog>) -> Self {
        self.log = log;
        self
    }

    /// The router: `GET /` (handshake) and `POST /` (notifications). Nest it, e.g. at `/webhook`.
    pub fn into_router<S>(self) -> Router<S>
    where
        S: Clone + Send + Sync + 'static,
    {
        Router::new()
            .route("/", get(handshake).post(receive))
            .with_state(Arc::new(self))
    }

    async fn dispatch(self: Arc<Self>, update: Update) {
        let (kind, id, fut): (&str, String, Option<HandlerFuture>) = match update {
            Update::FlowCompletion(c) => (
                "flow completion",
                c.message_id.clone(),
                self.completion.as_ref().map(|h| h(c)),
            ),
            Update::Message(m) => ("message", m.id.clone(), self.message.as_ref().map(|h| h(m))),
            Update::Status(s) => ("status", s.id.clone(), self.status.as_ref().map(|h| h(s))),
            Update::FlowEvent(e) => {
                let id = e.flow_id().unwrap_or_default().to_owned();
                ("flow event", id, self.flow_event.as_ref().map(|h| h(e)))
            }
            Update::Other { field, .. } => {
                tracing::debug!(%field, "webhook change of an unhandled field");
                return;
            }
        };
        let Some(fut) = fut else {
            tracing::debug!(kind, %id, "no handler registered; update dropped");
            return;
        };
        match tokio::spawn(fut).await {
            Ok(Ok(())) => tracing::debug!(kind, %id, "webhook update handled"),
            Ok(Err(error)) => tracing::error!(kind, %id, %error, "webhook handler failed"),
            Err(join) => tracing::error!(kind, %id, error = %join, "webhook handler panicked"),
        }
    }
}

async fn handshake(
    State(hook): State<Arc<Webhook>>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let mode_ok = q.get("hub.mode").map(String::as_str) == Some("subscribe");
    let token = q
        .get("hub.verify_token")
        .map(String::as_str)
        .unwrap_or_default();
    let expected = hook.verify_token.expose_secret().as_bytes();
    // An empty configured token would let anyone pass the handshake: refuse instead.
    let token_ok: bool = !expected.is_empty() && bool::from(token.as_bytes().ct_eq(expected));
    if !(mode_ok && token_ok) {
        tracing::warn!("webhook verify handshake refused");
        return WebhookError::HandshakeRefused.into_response();
    }
    match q.get("hub.challenge") {
        Some(challenge) => (StatusCode::OK, challenge.clone()).into_response(),
        None => WebhookError::MissingChallenge.into_response(),
    }
}

async fn receive(
    State(hook): State<Arc<Webhook>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<StatusCode, WebhookError> {
    let signature = headers
        .get("x-hub-signature-256")
        .ok_or(WebhookError::MissingSignature)?
        .to_str()
        .map_err(|_| WebhookError::BadSignature)?;
    if !crate::crypto::verify_signature(&hook.app_secret, &body, signature) {
        tracing::warn!("webhook signature mismatch");
        return Err(WebhookError::BadSignature);
    }
    let updates = Update::parse_body(&body)
        .inspect_err(|e| tracing::warn!(error = %e, "malformed webhook body"))?;
    let mut failure = None;
    for update in updates {
        if failure.is_none() {
            if let Some(key) = update.delivery_key() {
                match hook.log.first_delivery(&key).await {
                    Ok(true) => {}
                    Ok(false) => {
                        tracing::debug!(%key, "duplicate delivery ignored");
                        #[cfg(feature = "metrics")]
                        metrics::counter!(crate::metrics::WEBHOOK_DUPLICATES).increment(1);
                        continue;
                    }
                    Err(e) => {
                        tracing::error!(error = %e, "delivery log failed; asking Meta to deliver again");
                        failure = Some(WebhookError::DeliveryLog(e.0));
                        continue;
                    }
                }
            }
            tokio::spawn(Arc::clone(&hook).dispatch(update));
        }
    }
    match failure {
        Some(e) => Err(e),
        None => Ok(StatusCode::OK),
    }
}
