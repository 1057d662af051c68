//! The completion webhook at [`WEBHOOK_PATH`], as in the tutorial: Meta's handshake answered
//! with the verify token (`--verify-token` / `WAFLOW_VERIFY_TOKEN`), signatures checked with the app secret (`--app-secret` /
//! `WAFLOW_APP_SECRET`), duplicate deliveries dropped through the store, and each flow
//! completion handed to the app: the flow token is closed and the phone's session logged.
//!
//! Mounted only when both the verify token and the app secret are set.

use axum::Router;
use secrecy::{ExposeSecret as _, SecretString};
use serde_json::Value;
use waflow::store::{CloseReason, Store, StoreError};
use waflow::webhook::{Completion, FlowEvent, Webhook};

use crate::AppState;

/// Where the webhook is mounted.
pub const WEBHOOK_PATH: &str = "/webhook";
/// Adds the webhook to `router` when the verify token and the app secret are both set.
pub fn mount(router: Router, state: &AppState) -> Router {
    let verify = state
        .verify_token
        .clone()
        .filter(|v| !v.expose_secret().trim().is_empty());
    match (verify, &state.app_secret) {
        (Some(verify), Some(secret)) => router.nest(
            WEBHOOK_PATH,
            webhook(state.services.store.clone(), verify, secret.clone()),
        ),
        _ => {
            tracing::info!(
                "webhook not mounted: set --verify-token and --app-secret to receive completions"
            );
            router
        }
    }
}

/// The webhook router for `store`.
pub fn webhook(store: Store, verify_token: SecretString, app_secret: SecretString) -> Router {
    let completions = store.clone();
    Webhook::new(verify_token, app_secret)
        .dedupe(store)
        .on_flow_completion(move |c: Completion<Value>| on_completion(completions.clone(), c))
        .on_flow_event(|e: FlowEvent| async move {
            tracing::warn!(event = ?e, "flow alert from Meta");
        })
        .into_router()
}

/// A finished flow: close its token (if the endpoint has not already) and log who finished it.
///
/// # Errors
/// The store fails; the webhook logs it (the delivery was already acknowledged).
pub async fn on_completion(store: Store, c: Completion<Value>) -> Result<(), StoreError> {
    let fields: Vec<&str> = c
        .response
        .as_object()
        .map(|o| o.keys().map(String::as_str).collect())
        .unwrap_or_default();
    // No phone numbers at INFO (data minimisation): the message id and the session subject
    // identify the completion for an operator.
    tracing::info!(message_id = %c.message_id, ?fields, media = c.media.len(), "flow completed");
    match &c.flow_token {
        Some(token) => {
            let closed = store
                .flow_tokens()
                .close(token, CloseReason::Completed)
                .await?;
            tracing::info!(closed, "flow token closed on completion");
        }
        None => {
            tracing::warn!(message_id = %c.message_id, "completion without a flow token (some clients omit it)")
        }
    }
    match store.sessions().current(&c.from).await? {
        Some(s) => {
            tracing::info!(subject = %s.subject, "completion from a signed-in phone")
        }
        None => tracing::info!("completion from a phone without a session"),
    }
    Ok(())
}
