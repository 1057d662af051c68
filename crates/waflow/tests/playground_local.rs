#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(feature = "playground")]
//! `Playground::mount` (the trailing slash a user types) and `local_router` (what
//! `serve_local` and `cargo run --example …` serve), driven without a socket.

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::json;
use tower::ServiceExt as _;
use waflow::crypto::KeyPair;
use waflow::endpoint::{FlowEndpoint, FlowResponse};
use waflow::playground::{CannedResponses, Playground, local_router};
use waflow::testing::FlowClient;

fn flow() -> serde_json::Value {
    json!({"version": "7.3", "data_api_version": "3.0", "routing_model": {"HELLO": []},
        "screens": [{"id": "HELLO", "title": "Hello", "terminal": true, "layout": {
            "type": "SingleColumnLayout", "children": [{"type": "Footer", "label": "Done",
            "on-click-action": {"name": "complete", "payload": {}}}]}}]})
}

async fn get(app: &Router, uri: &str, host: &str) -> (StatusCode, Option<String>, String) {
    let req = Request::builder()
        .uri(uri)
        .header(header::HOST, host)
        .body(Body::empty())
        .unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    let location = res
        .headers()
        .get(header::LOCATION)
        .map(|v| v.to_str().unwrap().to_owned());
    let status = res.status();
    let body = axum::body::to_bytes(res.into_body(), 1 << 20)
        .await
        .unwrap();
    (
        status,
        location,
        String::from_utf8_lossy(&body).into_owned(),
    )
}

#[tokio::test]
async fn the_trailing_slash_redirects_to_the_page_keeping_the_query() {
    let app = Playground::for_flow(flow(), CannedResponses::new()).mount("/playground/");
    let (status, _, html) = get(&app, "/playground", "127.0.0.1:8080").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(r#"<base href="/playground/">"#), "{html}");
    let (status, location, _) = get(&app, "/playground/?open=init", "127.0.0.1:8080").await;
    assert_eq!(status, StatusCode::PERMANENT_REDIRECT);
    assert_eq!(location.as_deref(), Some("/playground?open=init"));
    let (_, location, _) = get(&app, "/playground/", "localhost").await;
    assert_eq!(location.as_deref(), Some("/playground"));
    let (status, _, _) = get(&app, "/playground/app.js", "localhost").await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn the_redirect_answers_loopback_hosts_only_unless_any_host_is_allowed() {
    let guarded = Playground::for_flow(flow(), CannedResponses::new()).mount("/playground");
    let (status, location, _) = get(&guarded, "/playground/", "evil.example").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(location, None);
    let open = Playground::for_flow(flow(), CannedResponses::new())
        .allow_any_host()
        .mount("/playground");
    let (status, _, _) = get(&open, "/playground/", "evil.example").await;
    assert_eq!(status, StatusCode::PERMANENT_REDIRECT);
}

#[tokio::test]
async fn mounting_at_the_root_is_the_plain_router() {
    let app = Playground::for_flow(flow(), CannedResponses::new()).mount("/");
    let (status, _, html) = get(&app, "/", "127.0.0.1").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(r#"<base href="/">"#), "{html}");
}

#[tokio::test]
async fn the_local_router_serves_the_endpoint_the_playground_and_a_way_to_it() {
    let pair = KeyPair::generate().unwrap();
    let endpoint = FlowEndpoint::new(pair.private_key().clone())
        .flow(&flow())
        .on_init(|| async { FlowResponse::screen("HELLO") })
        .try_with_state(())
        .unwrap();
    let app = local_router(&flow(), endpoint, pair.public_key());

    let (status, location, _) = get(&app, "/", "127.0.0.1:8080").await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location.as_deref(), Some("/playground"));
    let (status, _, html) = get(&app, "/playground", "127.0.0.1:8080").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<base href=\"/playground/\">"));
    let (_, location, _) = get(&app, "/playground/", "127.0.0.1:8080").await;
    assert_eq!(location.as_deref(), Some("/playground"));

    let client = FlowClient::for_service(app, pair.public_key()).path("/flow");
    assert_eq!(client.ping().await.unwrap().status, 200);
    assert_eq!(client.init().await.unwrap().screen(), Some("HELLO"));
}

#[tokio::test]
async fn serve_local_refuses_a_non_loopback_address_and_serves_a_loopback_one() {
    let pair = KeyPair::generate().unwrap();
    let endpoint = || {
        FlowEndpoint::new(pair.private_key().clone())
            .on_init(|| async { FlowResponse::screen("HELLO") })
            .with_state(())
    };
    let refused =
        waflow::playground::serve_local("0.0.0.0:0", &flow(), endpoint(), pair.public_key())
            .await
            .unwrap_err();
    assert_eq!(refused.kind(), std::io::ErrorKind::InvalidInput);

    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let addr = format!("127.0.0.1:{port}");
    let server = tokio::spawn({
        let (addr, endpoint, public) = (addr.clone(), endpoint(), pair.public_key());
        async move { waflow::playground::serve_local(&addr, &flow(), endpoint, public).await }
    });
    let url = format!("http://{addr}/playground");
    let mut answered = None;
    for _ in 0..100 {
        if let Ok(res) = reqwest::get(&url).await {
            answered = Some(res.status());
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(answered, Some(reqwest::StatusCode::OK));
    let client = FlowClient::for_url(format!("http://{addr}/flow"), pair.public_key());
    assert_eq!(client.init().await.unwrap().screen(), Some("HELLO"));
    server.abort();
}
