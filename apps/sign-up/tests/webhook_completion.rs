//! The app's completion webhook: a signed `nfm_reply` carrying a token issued by the app closes
//! that token, a duplicate delivery is acknowledged and ignored, a bad signature is refused.
//! The completion body is pywa's `tests/data/updates/flow_completion.json` (as Meta sends it)
//! with the app's own flow token in `response_json`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use secrecy::SecretString;
use serde_json::json;
use tower::ServiceExt as _;
use waflow::crypto::sign_body;
use waflow::store::{Store, TokenError};

fn completion(token: &str, message_id: &str) -> Vec<u8> {
    let response_json = json!({"flow_token": token, "email": "john.doe@example.com"}).to_string();
    serde_json::to_vec(&json!({
        "object": "whatsapp_business_account",
        "entry": [{"id": "1234567890987654321", "changes": [{"field": "messages", "value": {
            "messaging_product": "whatsapp",
            "metadata": {"display_phone_number": "972123456789", "phone_number_id": "1122334455667"},
            "contacts": [{"profile": {"name": "Test Name"}, "wa_id": "972987654321"}],
            "messages": [{"context": {"from": "972123456789", "id": "wamid.gvwegfretge=="},
                "from": "972987654321", "id": message_id, "timestamp": "1702502473", "type": "interactive",
                "interactive": {"type": "nfm_reply", "nfm_reply": {"response_json": response_json, "body": "Sent", "name": "flow"}}}]
        }}]}]
    }))
    .unwrap()
}

fn post(body: &[u8], secret: &str) -> Request<Body> {
    Request::post("/")
        .header(
            "x-hub-signature-256",
            sign_body(&SecretString::from(secret.to_owned()), body),
        )
        .body(Body::from(body.to_vec()))
        .unwrap()
}

#[tokio::test]
async fn completion_closes_the_flow_token() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in_dir(dir.path()).await.unwrap();
    let token = sign_up::issue_flow_token(&store, "972987654321")
        .await
        .unwrap();
    let router = sign_up::webhook::webhook(
        store.clone(),
        SecretString::from("verify"),
        SecretString::from("secret"),
    );

    let bad = router
        .clone()
        .oneshot(post(&completion(token.expose(), "wamid.1"), "wrong"))
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::FORBIDDEN);
    assert!(
        store.flow_tokens().resolve(token.expose()).await.is_ok(),
        "a refused delivery changes nothing"
    );

    let body = completion(token.expose(), "wamid.1");
    assert_eq!(
        router
            .clone()
            .oneshot(post(&body, "secret"))
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        router
            .clone()
            .oneshot(post(&body, "secret"))
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );

    // Handlers run after the 200: wait (bounded) for the token to close.
    let mut closed = false;
    for _ in 0..500 {
        if matches!(
            store.flow_tokens().resolve(token.expose()).await,
            Err(TokenError::Closed)
        ) {
            closed = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(closed, "the completion did not close the flow token");
    assert!(
        !store.first_delivery("message:wamid.1").await.unwrap(),
        "the delivery was recorded once"
    );
}

#[tokio::test]
async fn handshake_answers_with_the_verify_token() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in_dir(dir.path()).await.unwrap();
    let router = sign_up::webhook::webhook(
        store,
        SecretString::from("verify"),
        SecretString::from("secret"),
    );
    let ok = router
        .clone()
        .oneshot(
            Request::get("/?hub.mode=subscribe&hub.verify_token=verify&hub.challenge=42")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(ok.status(), StatusCode::OK);
    let bad = router
        .oneshot(
            Request::get("/?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=42")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_app_mounts_the_webhook_only_with_verify_token_and_app_secret() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in_dir(dir.path()).await.unwrap();
    let key = waflow::crypto::KeyPair::generate()
        .unwrap()
        .private_key()
        .clone();
    let handshake = || {
        Request::get("/webhook?hub.mode=subscribe&hub.verify_token=verify&hub.challenge=42")
            .body(Body::empty())
            .unwrap()
    };
    let mut state =
        sign_up::AppState::with_outbox(key, store, sign_up::delivery::DevOutbox::default())
            .await
            .unwrap();
    state.app_secret = Some(SecretString::from("secret"));
    let without = sign_up::app(state.clone())
        .oneshot(handshake())
        .await
        .unwrap();
    assert_eq!(without.status(), StatusCode::NOT_FOUND);

    state.verify_token = Some(SecretString::from("verify"));
    let with = sign_up::app(state).oneshot(handshake()).await.unwrap();
    assert_eq!(with.status(), StatusCode::OK);
    let body = axum::body::to_bytes(with.into_body(), 1024).await.unwrap();
    assert_eq!(&body[..], b"42");
}
