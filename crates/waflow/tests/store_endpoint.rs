//! The store's flow tokens plugged into the endpoint's token check, driven by `FlowClient`.
#![cfg(all(feature = "store", feature = "testing"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "store_support/mod.rs"]
mod support;

use std::time::Duration;

use waflow::crypto::KeyPair;
use waflow::endpoint::{FlowAction, FlowEndpoint, FlowError, FlowResponse};
use waflow::store::{CloseReason, Store};
use waflow::testing::FlowClient;

async fn hello() -> Result<FlowResponse, FlowError> {
    Ok(FlowResponse::screen("NEXT"))
}

async fn token_check(store: Store) {
    let pair = KeyPair::generate().unwrap();
    let endpoint = FlowEndpoint::new(pair.private_key().clone())
        .on_data_exchange("START", hello)
        .flow_token_check(store.flow_tokens())
        .with_state(());
    let tokens = store.flow_tokens();
    let good = tokens
        .issue("+15550100", "f", Duration::from_secs(60))
        .await
        .unwrap();
    let client = |token: &str| {
        FlowClient::for_service(endpoint.clone(), pair.public_key()).flow_token(token.to_owned())
    };

    let ok = client(good.expose())
        .data_exchange("START", serde_json::json!({}))
        .await
        .unwrap();
    assert_eq!(ok.status, 200);
    assert_eq!(ok.screen(), Some("NEXT"));
    assert!(
        !format!("{:?}", client(good.expose())).contains(good.expose()),
        "FlowClient's Debug hides the token"
    );

    let unknown = client("0123456789abcdef0123456789abcdef")
        .data_exchange("START", serde_json::json!({}))
        .await
        .unwrap();
    assert_eq!(unknown.status, 427);
    assert!(unknown.error_msg().unwrap().contains("not valid"));

    let expired = tokens
        .issue("+15550100", "f", Duration::ZERO)
        .await
        .unwrap();
    let answer = client(expired.expose())
        .data_exchange("START", serde_json::json!({}))
        .await
        .unwrap();
    assert_eq!(answer.status, 427);
    assert!(answer.error_msg().unwrap().contains("expired"));

    tokens
        .close(good.expose(), CloseReason::Completed)
        .await
        .unwrap();
    let closed = client(good.expose())
        .data_exchange("START", serde_json::json!({}))
        .await
        .unwrap();
    assert_eq!(closed.status, 427);
    assert!(closed.error_msg().unwrap().contains("closed"));

    // ping is never checked.
    assert_eq!(client("whatever").ping().await.unwrap().status, 200);

    // No token at all: refused too (fail closed), unless the route opted out.
    let anonymous =
        FlowClient::for_service(endpoint.clone(), pair.public_key()).without_flow_token();
    let missing = anonymous
        .data_exchange("START", serde_json::json!({}))
        .await
        .unwrap();
    assert_eq!(missing.status, 427);
    assert_eq!(missing.error_msg(), Some("Missing flow token"));
    let opted_out = FlowEndpoint::new(pair.private_key().clone())
        .on_data_exchange("START", hello)
        .on_data_exchange("OTHER", hello)
        .flow_token_check(store.flow_tokens())
        .allow_missing_flow_token(FlowAction::DataExchange, Some("START"))
        .with_state(());
    let anonymous = FlowClient::for_service(opted_out, pair.public_key()).without_flow_token();
    let allowed = anonymous
        .data_exchange("START", serde_json::json!({}))
        .await
        .unwrap();
    assert_eq!(allowed.status, 200);
    let other = anonymous
        .data_exchange("OTHER", serde_json::json!({}))
        .await
        .unwrap();
    assert_eq!(other.status, 427, "the opt-out names one screen");
    let bad = anonymous
        .clone()
        .flow_token("0123456789abcdef0123456789abcdef".to_owned())
        .data_exchange("START", serde_json::json!({}))
        .await
        .unwrap();
    assert_eq!(bad.status, 427, "a token that is sent is still checked");

    // Bound to one flow: a token of another flow is refused like an unknown one.
    let one_flow = FlowEndpoint::new(pair.private_key().clone())
        .on_data_exchange("START", hello)
        .flow_token_check(store.flow_tokens().for_flow("f"))
        .with_state(());
    let other_flow = tokens
        .issue("+15550100", "g", Duration::from_secs(60))
        .await
        .unwrap();
    let own_flow = tokens
        .issue("+15550100", "f", Duration::from_secs(60))
        .await
        .unwrap();
    let with = |token: &str| {
        FlowClient::for_service(one_flow.clone(), pair.public_key()).flow_token(token.to_owned())
    };
    let refused = with(other_flow.expose())
        .data_exchange("START", serde_json::json!({}))
        .await
        .unwrap();
    assert_eq!(refused.status, 427);
    assert!(refused.error_msg().unwrap().contains("not valid"));
    let accepted = with(own_flow.expose())
        .data_exchange("START", serde_json::json!({}))
        .await
        .unwrap();
    assert_eq!(accepted.status, 200);
}

#[tokio::test]
async fn sqlite_token_check() {
    let (store, _dir) = support::sqlite_store().await;
    token_check(store).await;
}

#[tokio::test]
async fn postgres_token_check() {
    let Some(guard) = support::postgres_store("token_check").await else {
        return;
    };
    token_check(guard.store.clone()).await;
    guard.drop_schema().await;
}
