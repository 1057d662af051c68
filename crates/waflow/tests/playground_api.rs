#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(feature = "playground")]
//! The playground's HTTP API, driven without a socket.

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt as _;
use serde_json::{Value, json};
use tower::ServiceExt as _;
use waflow::crypto::media::{EncryptionMetadata, decrypt_media};
use waflow::playground::{
    BoxFuture, CannedResponses, ExchangeOutcome, Exchanger, Playground, PlaygroundError,
};

fn signup_flow() -> Value {
    serde_json::from_str(include_str!(
        "../../../tests/browser/fixtures/signup_flow.json"
    ))
    .unwrap()
}

fn canned() -> Playground {
    let canned = CannedResponses::from_json(json!({
        "INIT": {"screen": "START", "data": {}},
        "data_exchange:LOGIN": {"screen": "LOGIN_SUCCESS", "data": {}},
        "SIGN_UP": {"screen": "LOGIN", "data": {"email_initial_value": "a@b.c", "password_initial_value": ""}},
    }))
    .unwrap();
    Playground::for_flow(signup_flow(), canned).flow_token(|| async { "tok-42".to_owned() })
}

async fn call(
    app: &Router,
    method: &str,
    uri: &str,
    body: Option<Vec<u8>>,
    cookie: Option<&str>,
) -> (StatusCode, Vec<u8>) {
    let mut req = Request::builder()
        .method(method)
        .uri(uri)
        .header(header::HOST, "127.0.0.1:9");
    if body.is_some() {
        req = req.header(header::CONTENT_TYPE, "application/json");
    }
    if let Some(cookie) = cookie {
        req = req.header(header::COOKIE, cookie);
    }
    let req = req.body(body.map_or_else(Body::empty, Body::from)).unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let bytes = res.into_body().collect().await.unwrap().to_bytes().to_vec();
    (status, bytes)
}

async fn post_json(app: &Router, uri: &str, body: Value, cookie: &str) -> (StatusCode, Value) {
    let (status, bytes) = call(
        app,
        "POST",
        uri,
        Some(body.to_string().into_bytes()),
        Some(cookie),
    )
    .await;
    (status, serde_json::from_slice(&bytes).unwrap())
}

/// `POST /api/session` as the page sends it: the session cookie (`name=value`) and the answer.
async fn session(app: &Router) -> (String, Value) {
    let req = Request::post("/api/session")
        .header(header::HOST, "127.0.0.1:9")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from("{}"))
        .unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let cookie = res.headers()[header::SET_COOKIE].to_str().unwrap();
    let cookie = cookie.split(';').next().unwrap().to_owned();
    let body = res.into_body().collect().await.unwrap().to_bytes();
    (cookie, serde_json::from_slice(&body).unwrap())
}

#[tokio::test]
async fn serves_the_page_with_a_base_for_its_mount_point() {
    let app = Router::new().nest("/playground", canned().into_router());
    let (status, body) = call(&app, "GET", "/playground", None, None).await;
    assert_eq!(status, StatusCode::OK);
    let html = String::from_utf8(body).unwrap();
    assert!(html.contains(r#"<base href="/playground/">"#), "{html}");
    assert!(html.contains(r#"src="app.js""#));
}

#[tokio::test]
async fn serves_every_script_the_page_imports() {
    let app = canned().into_router();
    for name in [
        "app.js",
        "render.js",
        "expr.js",
        "validate.js",
        "graph.js",
        "markdown.js",
        "style.css",
    ] {
        let (status, body) = call(&app, "GET", &format!("/{name}"), None, None).await;
        assert_eq!(status, StatusCode::OK, "{name}");
        assert!(!body.is_empty(), "{name}");
    }
    let (status, _) = call(&app, "GET", "/nope.js", None, None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_page_loads_nothing_from_another_host_and_never_evals() {
    let app = canned().into_router();
    let (_, page) = call(&app, "GET", "/", None, None).await;
    let page = String::from_utf8(page).unwrap();
    assert!(
        !page.contains("http://") && !page.contains("https://"),
        "{page}"
    );
    for name in [
        "app.js",
        "render.js",
        "expr.js",
        "validate.js",
        "graph.js",
        "markdown.js",
    ] {
        let (_, body) = call(&app, "GET", &format!("/{name}"), None, None).await;
        let text = String::from_utf8(body).unwrap();
        assert!(
            !text.contains("eval(") && !text.contains("new Function"),
            "{name}"
        );
        for line in text.lines().filter(|l| l.starts_with("import ")) {
            assert!(line.contains("from './"), "{name}: {line}");
        }
    }
}

#[tokio::test]
async fn api_flow_returns_the_flow_json() {
    let app = canned().into_router();
    let (status, body) = call(&app, "GET", "/api/flow", None, None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        serde_json::from_slice::<Value>(&body).unwrap(),
        signup_flow()
    );
}

#[tokio::test]
async fn session_uses_the_token_provider() {
    let app = canned().into_router();
    let (_, body) = session(&app).await;
    assert_eq!(body["flow_token"], "tok-42");
    assert_eq!(body["mode"], "canned");
}

#[tokio::test]
async fn default_tokens_are_random() {
    let app = Playground::for_flow(signup_flow(), CannedResponses::new()).into_router();
    let (_, a) = session(&app).await;
    let (_, b) = session(&app).await;
    assert_ne!(a["flow_token"], b["flow_token"]);
    assert!(a["flow_token"].as_str().unwrap().len() > 16);
}

#[tokio::test]
async fn canned_answers_are_looked_up_by_action_and_screen() {
    let app = canned().into_router();
    let (cookie, _) = session(&app).await;
    let (status, body) = post_json(
        &app,
        "/api/exchange",
        json!({"action": "data_exchange", "screen": "SIGN_UP", "data": {"email": "a@b.c"}}),
        &cookie,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["status"], 200);
    assert_eq!(body["response"]["screen"], "LOGIN");
    assert_eq!(
        body["request"],
        json!({"version": "3.0", "action": "data_exchange", "screen": "SIGN_UP", "data": {"email": "a@b.c"}, "flow_token": "tok-42"})
    );
    let (_, init) = post_json(&app, "/api/exchange", json!({"action": "INIT"}), &cookie).await;
    assert_eq!(init["response"]["screen"], "START");
    let (_, missing) = post_json(
        &app,
        "/api/exchange",
        json!({"action": "BACK", "screen": "LOGIN"}),
        &cookie,
    )
    .await;
    assert_eq!(missing["missing"], true);
    assert_eq!(missing["status"], Value::Null);
}

#[tokio::test]
async fn bad_exchange_bodies_are_typed_400s() {
    let app = canned().into_router();
    let (cookie, _) = session(&app).await;
    for body in [
        json!({"action": "navigate", "flow_token": "t"}),
        json!({"action": "data_exchange", "data": [1], "flow_token": "t"}),
        json!({"screen": "A"}),
    ] {
        let (status, answer) = post_json(&app, "/api/exchange", body.clone(), &cookie).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
        assert!(
            answer["error"].as_str().unwrap().starts_with("bad request"),
            "{answer}"
        );
    }
    let (status, _) = call(
        &app,
        "POST",
        "/api/exchange",
        Some(b"{not json".to_vec()),
        Some(&cookie),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn complete_answers_the_nfm_reply_webhook() {
    let app = canned().into_router();
    let (cookie, _) = session(&app).await;
    let (status, hook) = post_json(
        &app,
        "/api/complete",
        json!({"payload": {"stay_logged_in": true}}),
        &cookie,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let message = &hook["entry"][0]["changes"][0]["value"]["messages"][0];
    assert_eq!(message["type"], "interactive");
    assert_eq!(message["interactive"]["type"], "nfm_reply");
    assert_eq!(message["interactive"]["nfm_reply"]["name"], "flow");
    let response: Value = serde_json::from_str(
        message["interactive"]["nfm_reply"]["response_json"]
            .as_str()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(
        response,
        json!({"stay_logged_in": true, "flow_token": "tok-42"})
    );
    let (status, _) = post_json(&app, "/api/complete", json!({"payload": [1, 2]}), &cookie).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn uploads_are_encrypted_as_the_cdn_serves_them() {
    let app = canned().into_router();
    let (cookie, _) = session(&app).await;
    let plain = b"%PDF-1.4 a small contract".to_vec();
    let req = Request::post("/api/media")
        .header(header::HOST, "127.0.0.1:9")
        .header("x-file-name", "contract%20v1.pdf")
        .header("x-mime-type", "application/pdf")
        .body(Body::from(plain.clone()))
        .unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let upload: Value =
        serde_json::from_slice(&res.into_body().collect().await.unwrap().to_bytes()).unwrap();
    assert_eq!(upload["file_name"], "contract v1.pdf");
    let id = upload["media_id"].as_str().unwrap();
    assert_eq!(
        upload["cdn_url"],
        format!("http://127.0.0.1:9/api/media/{id}")
    );
    let (status, cdn_file) = call(&app, "GET", &format!("/api/media/{id}"), None, None).await;
    assert_eq!(status, StatusCode::OK);
    assert_ne!(cdn_file, plain);
    let meta: EncryptionMetadata =
        serde_json::from_value(upload["encryption_metadata"].clone()).unwrap();
    assert_eq!(decrypt_media(&cdn_file, &meta).unwrap(), plain);

    // the completion webhook carries media the way WhatsApp does
    let (_, hook) = post_json(
        &app,
        "/api/complete",
        json!({"payload": {"docs": [upload]}}),
        &cookie,
    )
    .await;
    let rj = hook["entry"][0]["changes"][0]["value"]["messages"][0]["interactive"]["nfm_reply"]["response_json"].as_str().unwrap();
    let rj: Value = serde_json::from_str(rj).unwrap();
    assert_eq!(rj["docs"][0]["file_name"], "contract v1.pdf");
    assert_eq!(rj["docs"][0]["mime_type"], "application/pdf");
    assert_eq!(rj["docs"][0]["sha256"], meta.plaintext_hash);

    let (status, _) = call(&app, "GET", "/api/media/404", None, None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let empty = Request::post("/api/media")
        .header(header::HOST, "127.0.0.1:9")
        .header("x-file-name", "empty.txt")
        .body(Body::empty())
        .unwrap();
    assert_eq!(
        app.clone().oneshot(empty).await.unwrap().status(),
        StatusCode::BAD_REQUEST
    );
}

struct Fixed(u16);

impl Exchanger for Fixed {
    fn exchange(&self, request: Value) -> BoxFuture<ExchangeOutcome> {
        let status = self.0;
        Box::pin(async move {
            ExchangeOutcome {
                status: Some(status),
                response: Some(json!({"error_msg": "expired"})),
                ..ExchangeOutcome::failed(request, "status")
            }
        })
    }
}

#[tokio::test]
async fn endpoint_statuses_reach_the_page() {
    let app = Playground::for_flow(
        signup_flow(),
        waflow::playground::Target::endpoint(Fixed(427)),
    )
    .into_router();
    let (cookie, started) = session(&app).await;
    assert_eq!(started["mode"], "endpoint");
    let (status, body) = post_json(
        &app,
        "/api/exchange",
        json!({"action": "data_exchange", "screen": "LOGIN", "data": {}}),
        &cookie,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["status"], 427);
    assert_eq!(body["response"]["error_msg"], "expired");
}

#[test]
fn canned_files_must_be_objects_of_objects() {
    assert!(matches!(
        CannedResponses::from_json(json!([1])),
        Err(PlaygroundError::BadRequest(_))
    ));
    assert!(matches!(
        CannedResponses::from_json(json!({"A": 1})),
        Err(PlaygroundError::BadRequest(_))
    ));
    assert_eq!(
        CannedResponses::new().lookup("ping", None),
        Some(json!({"data": {"status": "active"}}))
    );
}

#[tokio::test]
async fn canned_entries_can_simulate_a_status() {
    let canned = CannedResponses::new().answer(
        "data_exchange:LOGIN",
        json!({"__status": 427, "error_msg": "This flow has expired"}),
    );
    let app = Playground::for_flow(signup_flow(), canned).into_router();
    let (cookie, _) = session(&app).await;
    let (_, body) = post_json(
        &app,
        "/api/exchange",
        json!({"action": "data_exchange", "screen": "LOGIN", "data": {}}),
        &cookie,
    )
    .await;
    assert_eq!(body["status"], 427);
    assert_eq!(
        body["response"],
        json!({"error_msg": "This flow has expired"})
    );
}
