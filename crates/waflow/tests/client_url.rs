//! `FlowClient::for_url` against a real loopback server.
#![cfg(feature = "testing")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use axum::Router;
use serde_json::json;
use waflow::crypto::KeyPair;
use waflow::endpoint::{FlowEndpoint, FlowError, FlowResponse, WholeRequest};
use waflow::testing::FlowClient;

async fn echo(WholeRequest(r): WholeRequest) -> Result<FlowResponse, FlowError> {
    Ok(FlowResponse::screen("ECHO").data(r.data))
}

#[tokio::test]
async fn client_talks_to_a_socket() {
    let pair = KeyPair::generate().unwrap();
    let endpoint = FlowEndpoint::new(pair.private_key().clone())
        .on_data_exchange("S", echo)
        .with_state(());
    let app = Router::new().route_service("/flow", endpoint);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = tokio::spawn(async move { axum::serve(listener, app).await });

    let client = FlowClient::for_url(format!("http://{addr}/flow"), pair.public_key());
    assert_eq!(client.ping().await.unwrap().status, 200);
    let ex = client.data_exchange("S", json!({"k": "v"})).await.unwrap();
    assert_eq!(ex.screen(), Some("ECHO"));
    assert_eq!(ex.data().unwrap()["k"], "v");
    assert_eq!(ex.request_plain["screen"], "S");
    let raw = client
        .post_raw("nope", http::HeaderMap::new())
        .await
        .unwrap();
    assert_eq!(raw.status, 400);
    server.abort();
}
