#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(feature = "playground")]
//! What the playground refuses: foreign hosts (DNS rebinding, tunnels), tokens chosen by the
//! page, cross-site and non-JSON posts, framing, and requests that would pin memory or CPU.

use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderMap, Request, StatusCode, header};
use axum::middleware::from_fn;
use axum::routing::get;
use axum::{Router, http};
use http_body_util::BodyExt as _;
use serde_json::{Value, json};
use tower::ServiceExt as _;
use waflow::playground::{
    BoxFuture, CannedResponses, ExchangeOutcome, Exchanger, Playground, Target,
    require_loopback_host,
};

const HOST: &str = "127.0.0.1:9";

fn flow() -> Value {
    serde_json::from_str(include_str!(
        "../../../tests/browser/fixtures/signup_flow.json"
    ))
    .unwrap()
}

/// An endpoint that answers with the flow token it received.
struct Echo;

impl Exchanger for Echo {
    fn exchange(&self, request: Value) -> BoxFuture<ExchangeOutcome> {
        Box::pin(async move {
            let token = request["flow_token"].clone();
            ExchangeOutcome::answered(request, json!({"screen": "ECHO", "data": {"token": token}}))
        })
    }
}

/// A playground whose tokens are `tok-<phone>-<n>`, recording every phone it was asked for.
fn echo_playground() -> (Playground, Arc<Mutex<Vec<String>>>) {
    let phones = Arc::new(Mutex::new(Vec::new()));
    let counter = Arc::new(AtomicUsize::new(0));
    let seen = phones.clone();
    let playground = Playground::for_flow(flow(), Target::endpoint(Echo)).flow_token_for(
        move |phone: String| {
            let n = counter.fetch_add(1, Ordering::SeqCst);
            seen.lock().unwrap().push(phone.clone());
            async move { format!("tok-{phone}-{n}") }
        },
    );
    (playground, phones)
}

fn echo_app() -> Router {
    echo_playground().0.into_router()
}

fn get_req(uri: &str, host: &str) -> Request<Body> {
    Request::get(uri)
        .header(header::HOST, host)
        .body(Body::empty())
        .unwrap()
}

fn post(uri: &str) -> http::request::Builder {
    Request::post(uri).header(header::HOST, HOST)
}

fn json_post(uri: &str, body: &Value, cookie: Option<&str>) -> Request<Body> {
    let mut req = post(uri)
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::ORIGIN, format!("http://{HOST}"))
        .header("sec-fetch-site", "same-origin");
    if let Some(cookie) = cookie {
        req = req.header(header::COOKIE, cookie);
    }
    req.body(Body::from(body.to_string())).unwrap()
}

async fn send(app: &Router, req: Request<Body>) -> (StatusCode, HeaderMap, Vec<u8>) {
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let body = res.into_body().collect().await.unwrap().to_bytes().to_vec();
    (status, headers, body)
}

async fn send_json(app: &Router, req: Request<Body>) -> (StatusCode, Value) {
    let (status, _, body) = send(app, req).await;
    (
        status,
        serde_json::from_slice(&body)
            .unwrap_or_else(|_| json!({"raw": String::from_utf8_lossy(&body)})),
    )
}

/// `POST /api/session` with an optional cookie: (Set-Cookie header if any, answer).
async fn start(app: &Router, cookie: Option<&str>) -> (Option<String>, Value) {
    let (status, headers, body) = send(app, json_post("/api/session", &json!({}), cookie)).await;
    assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&body));
    let set = headers
        .get(header::SET_COOKIE)
        .map(|v| v.to_str().unwrap().to_owned());
    (set, serde_json::from_slice(&body).unwrap())
}

/// A fresh browser: its cookie (`name=value`) and the session answer.
async fn browser(app: &Router) -> (String, Value) {
    let (set, body) = start(app, None).await;
    let cookie = set.unwrap().split(';').next().unwrap().to_owned();
    (cookie, body)
}

fn response_json(hook: &Value) -> Value {
    let message = &hook["entry"][0]["changes"][0]["value"]["messages"][0];
    serde_json::from_str(
        message["interactive"]["nfm_reply"]["response_json"]
            .as_str()
            .unwrap(),
    )
    .unwrap()
}

// ------------------------------------------------------------------------------- hosts

#[tokio::test]
async fn foreign_hosts_get_403_for_the_page_and_the_api() {
    let app = echo_app();
    for host in [
        "attacker.example",
        "localhost.attacker.example",
        "127.0.0.1.nip.io",
        "127.0.0.1.nip.io:8080",
        "192.168.1.10:8080",
        "localhost:8080@attacker.example",
    ] {
        for uri in ["/", "/app.js", "/api/flow", "/api/media/1"] {
            let (status, headers, body) = send(&app, get_req(uri, host)).await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{host} {uri}");
            assert!(
                String::from_utf8(body).unwrap().contains("localhost"),
                "{host}"
            );
            assert!(
                headers[header::CONTENT_TYPE]
                    .to_str()
                    .unwrap()
                    .starts_with("text/plain")
            );
        }
        let req = Request::post("/api/session")
            .header(header::HOST, host)
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from("{}"))
            .unwrap();
        let (status, headers, _) = send(&app, req).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{host}");
        assert!(headers.get(header::SET_COOKIE).is_none());
    }
    // no Host at all
    let req = Request::get("/").body(Body::empty()).unwrap();
    assert_eq!(send(&app, req).await.0, StatusCode::FORBIDDEN);
    // a second, foreign Host header
    let req = Request::get("/")
        .header(header::HOST, "localhost")
        .header(header::HOST, "attacker.example")
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(&app, req).await.0, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn loopback_hosts_are_answered_with_or_without_a_port() {
    let app = echo_app();
    for host in [
        "localhost:8080",
        "LocalHost",
        "127.0.0.1",
        "[::1]:1",
        "[::1]",
    ] {
        assert_eq!(
            send(&app, get_req("/", host)).await.0,
            StatusCode::OK,
            "{host}"
        );
        assert_eq!(
            send(&app, get_req("/api/flow", host)).await.0,
            StatusCode::OK,
            "{host}"
        );
    }
}

#[tokio::test]
async fn http2_requests_are_judged_by_their_authority() {
    let app = echo_app();
    let req = |uri: &str| Request::get(uri).body(Body::empty()).unwrap();
    assert_eq!(
        send(&app, req("http://localhost:8080/")).await.0,
        StatusCode::OK
    );
    assert_eq!(
        send(&app, req("http://[::1]/api/flow")).await.0,
        StatusCode::OK
    );
    assert_eq!(
        send(&app, req("http://attacker.example/")).await.0,
        StatusCode::FORBIDDEN
    );
    // a loopback Host does not excuse a foreign authority
    let mixed = Request::get("http://attacker.example/")
        .header(header::HOST, "localhost")
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(&app, mixed).await.0, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn allow_any_host_opts_out_of_the_host_check() {
    let app = echo_playground().0.allow_any_host().into_router();
    assert_eq!(
        send(&app, get_req("/", "tunnel.example")).await.0,
        StatusCode::OK
    );
    // the rest of the hardening still applies: a same-origin POST through the tunnel works
    let req = Request::post("/api/session")
        .header(header::HOST, "tunnel.example")
        .header(header::ORIGIN, "https://tunnel.example")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from("{}"))
        .unwrap();
    assert_eq!(send(&app, req).await.0, StatusCode::OK);
    let foreign = Request::post("/api/session")
        .header(header::HOST, "tunnel.example")
        .header(header::ORIGIN, "https://attacker.example")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from("{}"))
        .unwrap();
    assert_eq!(send(&app, foreign).await.0, StatusCode::FORBIDDEN);
}

#[derive(Clone)]
struct Outbox(&'static str);

#[tokio::test]
async fn the_middleware_guards_any_router_and_state() {
    let app: Router = Router::new()
        .route(
            "/dev/outbox",
            get(|State(outbox): State<Outbox>| async move { outbox.0 }),
        )
        .layer(from_fn(require_loopback_host))
        .with_state(Outbox("[]"));
    let (status, _, body) = send(&app, get_req("/dev/outbox", "localhost:8080")).await;
    assert_eq!(
        (status, body.as_slice()),
        (StatusCode::OK, b"[]".as_slice())
    );
    let (status, _, body) = send(&app, get_req("/dev/outbox", "rebound.attacker.example")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(String::from_utf8(body).unwrap().contains("localhost"));
}

// ---------------------------------------------------------------------------- sessions

#[tokio::test]
async fn the_flow_token_in_the_body_is_ignored() {
    let app = echo_app();
    let (cookie, started) = browser(&app).await;
    let token = started["flow_token"].as_str().unwrap().to_owned();
    assert!(token.starts_with("tok-playground-"), "{token}");

    let (status, body) = send_json(
        &app,
        json_post(
            "/api/exchange",
            &json!({"action": "INIT", "flow_token": "a-leaked-token"}),
            Some(&cookie),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["request"]["flow_token"], token.as_str());
    assert_eq!(body["response"]["data"]["token"], token.as_str());

    // the page no longer sends one
    let (_, body) = send_json(
        &app,
        json_post("/api/exchange", &json!({"action": "INIT"}), Some(&cookie)),
    )
    .await;
    assert_eq!(body["response"]["data"]["token"], token.as_str());

    // nor does the completion webhook take the body's or the payload's token
    let (status, hook) = send_json(
        &app,
        json_post(
            "/api/complete",
            &json!({"flow_token": "a-leaked-token", "payload": {"flow_token": "a-leaked-token", "ok": 1}}),
            Some(&cookie),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        response_json(&hook),
        json!({"ok": 1, "flow_token": token.as_str()})
    );
}

#[tokio::test]
async fn api_calls_without_a_known_session_are_401() {
    let app = echo_app();
    let (cookie, _) = browser(&app).await;
    let name = cookie.split('=').next().unwrap();
    let other_app = echo_app();
    let (foreign_cookie, _) = browser(&other_app).await;
    for cookie in [
        None,
        Some(format!("{name}=00000000000000000000000000000000")),
        Some(format!("{name}=")),
        Some(foreign_cookie),
    ] {
        for (uri, body) in [
            (
                "/api/exchange",
                json!({"action": "INIT", "flow_token": "t"}),
            ),
            ("/api/complete", json!({"flow_token": "t", "payload": {}})),
        ] {
            let (status, answer) = send_json(&app, json_post(uri, &body, cookie.as_deref())).await;
            assert_eq!(status, StatusCode::UNAUTHORIZED, "{uri} {cookie:?}");
            assert!(
                answer["error"].as_str().unwrap().contains("session"),
                "{answer}"
            );
        }
    }
    // the real cookie, among others, works
    let (status, _) = send_json(
        &app,
        json_post(
            "/api/exchange",
            &json!({"action": "INIT"}),
            Some(&format!("theme=dark; {cookie}; lang=en")),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn each_browser_has_its_own_phone_kept_across_restarts() {
    let (playground, phones) = echo_playground();
    let app = Router::new().nest("/playground", playground.into_router());
    let fresh = |uri: &str, cookie: Option<&str>| {
        json_post(&format!("/playground{uri}"), &json!({}), cookie)
    };

    let (status, headers, body) = send(&app, fresh("/api/session", None)).await;
    assert_eq!(status, StatusCode::OK);
    let set_cookie = headers[header::SET_COOKIE].to_str().unwrap().to_owned();
    let first: Value = serde_json::from_slice(&body).unwrap();
    let cookie = set_cookie.split(';').next().unwrap().to_owned();
    let (name, id) = cookie.split_once('=').unwrap();
    assert!(name.starts_with("waflow_playground"), "{set_cookie}");
    assert_eq!(id.len(), 32, "128 random bits: {set_cookie}");
    assert!(id.bytes().all(|b| b.is_ascii_hexdigit()));
    let attributes: HashSet<&str> = set_cookie.split(';').skip(1).map(str::trim).collect();
    assert_eq!(
        attributes,
        HashSet::from(["Path=/playground/api", "HttpOnly", "SameSite=Strict"])
    );

    let phone = first["phone"].as_str().unwrap().to_owned();
    let hex = phone.strip_prefix("playground-").unwrap();
    assert!(
        hex.len() >= 16 && hex.bytes().all(|b| b.is_ascii_hexdigit()),
        "{phone}"
    );

    // Restart in the same browser: same phone, new token, which is the one now used
    let (status, headers, body) = send(&app, fresh("/api/session", Some(&cookie))).await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers.get(header::SET_COOKIE).is_none());
    let second: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(second["phone"], phone.as_str());
    assert_ne!(second["flow_token"], first["flow_token"]);
    let (_, echoed) = send_json(
        &app,
        json_post(
            "/playground/api/exchange",
            &json!({"action": "INIT"}),
            Some(&cookie),
        ),
    )
    .await;
    assert_eq!(echoed["request"]["flow_token"], second["flow_token"]);

    // Another browser: another phone
    let (_, headers, body) = send(&app, fresh("/api/session", None)).await;
    let other: Value = serde_json::from_slice(&body).unwrap();
    assert_ne!(other["phone"], phone.as_str());
    assert!(headers.get(header::SET_COOKIE).is_some());
    assert_eq!(
        *phones.lock().unwrap(),
        vec![
            phone.clone(),
            phone.clone(),
            other["phone"].as_str().unwrap().to_owned()
        ]
    );

    // The completion webhook comes from the browser's phone
    let (_, hook) = send_json(
        &app,
        json_post(
            "/playground/api/complete",
            &json!({"payload": {}}),
            Some(&cookie),
        ),
    )
    .await;
    let value = &hook["entry"][0]["changes"][0]["value"];
    assert_eq!(value["messages"][0]["from"], phone.as_str());
    assert_eq!(value["contacts"][0]["wa_id"], phone.as_str());
    assert_eq!(response_json(&hook)["flow_token"], second["flow_token"]);
}

#[tokio::test]
async fn flow_token_without_a_phone_still_works() {
    let app = Playground::for_flow(flow(), Target::endpoint(Echo))
        .flow_token(|| async { "fixed".to_owned() })
        .into_router();
    let (cookie, started) = browser(&app).await;
    assert_eq!(started["flow_token"], "fixed");
    let (_, echoed) = send_json(
        &app,
        json_post("/api/exchange", &json!({"action": "INIT"}), Some(&cookie)),
    )
    .await;
    assert_eq!(echoed["response"]["data"]["token"], "fixed");
}

#[tokio::test]
async fn at_most_256_browsers_are_remembered_the_oldest_forgotten() {
    let app = echo_app();
    let init = |cookie: &str| json_post("/api/exchange", &json!({"action": "INIT"}), Some(cookie));
    let (oldest, _) = browser(&app).await;
    let (second, _) = browser(&app).await;
    for _ in 2..256 {
        browser(&app).await;
    }
    // 256 browsers: all known; restarting the oldest makes it the most recent
    assert_eq!(send(&app, init(&oldest)).await.0, StatusCode::OK);
    assert_eq!(send(&app, init(&second)).await.0, StatusCode::OK);
    start(&app, Some(&oldest)).await;
    let (newest, _) = browser(&app).await;
    assert_eq!(send(&app, init(&second)).await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(send(&app, init(&oldest)).await.0, StatusCode::OK);
    assert_eq!(send(&app, init(&newest)).await.0, StatusCode::OK);
}

// ------------------------------------------------------------------ CSRF and the browser

#[tokio::test]
async fn posts_must_be_application_json() {
    let app = echo_app();
    let (cookie, _) = browser(&app).await;
    for uri in ["/api/session", "/api/exchange", "/api/complete"] {
        for content_type in [
            Some("text/plain"),
            Some("text/plain;charset=UTF-8"),
            Some("application/x-www-form-urlencoded"),
            Some("multipart/form-data; boundary=x"),
            Some("application/jsonx"),
            None,
        ] {
            let mut req = post(uri).header(header::COOKIE, &cookie);
            if let Some(t) = content_type {
                req = req.header(header::CONTENT_TYPE, t);
            }
            let req = req
                .body(Body::from(r#"{"action":"INIT","payload":{}}"#))
                .unwrap();
            let (status, answer) = send_json(&app, req).await;
            assert_eq!(
                status,
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "{uri} {content_type:?}"
            );
            assert!(
                answer["error"]
                    .as_str()
                    .unwrap()
                    .contains("application/json")
            );
        }
        let req = post(uri)
            .header(header::COOKIE, &cookie)
            .header(header::CONTENT_TYPE, "Application/JSON; charset=utf-8")
            .body(Body::from(r#"{"action":"INIT","payload":{}}"#))
            .unwrap();
        assert_eq!(send(&app, req).await.0, StatusCode::OK, "{uri}");
    }
}

#[tokio::test]
async fn cross_site_posts_are_403() {
    let app = echo_app();
    let (cookie, _) = browser(&app).await;
    let attempt = |uri: &str, headers: &[(&str, &str)], content_type: &str| {
        let mut req = post(uri)
            .header(header::COOKIE, &cookie)
            .header(header::CONTENT_TYPE, content_type);
        for (name, value) in headers {
            req = req.header(*name, *value);
        }
        req.body(Body::from(r#"{"action":"INIT","payload":{}}"#))
            .unwrap()
    };
    for uri in [
        "/api/session",
        "/api/exchange",
        "/api/complete",
        "/api/media",
    ] {
        for headers in [
            &[("origin", "https://attacker.example")][..],
            &[("origin", "http://127.0.0.1:10")],
            &[("origin", "http://localhost:9")],
            &[("origin", "null")],
            &[("sec-fetch-site", "cross-site")],
            &[("sec-fetch-site", "same-site")],
            &[
                ("origin", "http://127.0.0.1:9"),
                ("sec-fetch-site", "cross-site"),
            ],
        ] {
            let (status, answer) = send_json(&app, attempt(uri, headers, "application/json")).await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{uri} {headers:?}");
            assert!(answer["error"].as_str().unwrap().starts_with("forbidden"));
        }
    }
    // T10: a cross-site "simple" request is refused before it reaches the endpoint
    let simple = attempt(
        "/api/exchange",
        &[("origin", "https://attacker.example")],
        "text/plain",
    );
    assert_eq!(send(&app, simple).await.0, StatusCode::FORBIDDEN);
    // the page's own requests pass
    for headers in [
        &[
            ("origin", "http://127.0.0.1:9"),
            ("sec-fetch-site", "same-origin"),
        ][..],
        &[("origin", "HTTP://127.0.0.1:9")],
        &[],
    ] {
        let (status, _) =
            send_json(&app, attempt("/api/exchange", headers, "application/json")).await;
        assert_eq!(status, StatusCode::OK, "{headers:?}");
    }
}

fn upload() -> http::request::Builder {
    post("/api/media")
}

fn upload_req(body: Body) -> Request<Body> {
    post("/api/media")
        .header("x-file-name", "a.bin")
        .header(header::CONTENT_TYPE, "application/octet-stream")
        .body(body)
        .unwrap()
}

#[tokio::test]
async fn uploads_must_carry_the_pages_file_name_header() {
    let app = echo_app();
    let without = upload()
        .header(header::CONTENT_TYPE, "application/octet-stream")
        .body(Body::from("data"))
        .unwrap();
    assert_eq!(send(&app, without).await.0, StatusCode::BAD_REQUEST);
    for simple in [
        "text/plain",
        "multipart/form-data; boundary=x",
        "application/x-www-form-urlencoded",
    ] {
        let req = upload()
            .header("x-file-name", "a.txt")
            .header(header::CONTENT_TYPE, simple)
            .body(Body::from("data"))
            .unwrap();
        assert_eq!(
            send(&app, req).await.0,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "{simple}"
        );
    }
    assert_eq!(
        send(&app, upload_req(Body::from("data"))).await.0,
        StatusCode::OK
    );
}

#[tokio::test]
async fn every_response_forbids_framing_and_foreign_code() {
    let app = echo_app();
    let (_, headers, page) = send(&app, get_req("/", HOST)).await;
    let mut all = vec![headers];
    for req in [
        get_req("/app.js", HOST),
        get_req("/api/flow", HOST),
        get_req("/nope.js", HOST),
        get_req("/", "attacker.example"),
        json_post("/api/exchange", &json!({"action": "INIT"}), None),
    ] {
        all.push(send(&app, req).await.1);
    }
    for headers in &all {
        let csp = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
        let directives: HashSet<&str> = csp.split(';').map(str::trim).collect();
        for wanted in [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "frame-ancestors 'none'",
            "object-src 'none'",
            "base-uri 'self'",
            "img-src 'self' data: blob:",
        ] {
            assert!(directives.contains(wanted), "{wanted} missing from {csp}");
        }
        assert!(!csp.contains("unsafe"), "{csp}");
        assert_eq!(headers[header::X_FRAME_OPTIONS], "DENY");
        assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        assert_eq!(headers[header::REFERRER_POLICY], "no-referrer");
    }
    // the page needs no inline code under that policy
    let page = String::from_utf8(page).unwrap();
    assert!(
        !page.contains("<style") && !page.contains(" style="),
        "{page}"
    );
    for script in page.split("<script").skip(1) {
        assert!(
            script.split('>').next().unwrap().contains(" src="),
            "{script}"
        );
    }
    assert!(!page.contains(" onclick=") && !page.contains(" onload="));
}

#[tokio::test]
async fn the_page_opens_only_http_urls_and_sends_its_cookie() {
    let app = echo_app();
    let (_, _, app_js) = send(&app, get_req("/app.js", HOST)).await;
    let app_js = String::from_utf8(app_js).unwrap();
    assert!(app_js.contains("url.protocol !== 'https:' && url.protocol !== 'http:'"));
    assert!(!app_js.contains("window.open(action.url"));
    assert!(app_js.contains("credentials = 'same-origin'"));
    assert!(!app_js.contains("flow_token: S.token"));
    let (_, _, render_js) = send(&app, get_req("/render.js", HOST)).await;
    assert!(
        String::from_utf8(render_js)
            .unwrap()
            .contains("el.style.cssText = v")
    );
}

// --------------------------------------------------------------------------- resources

async fn one_upload(app: &Router, bytes: Vec<u8>) -> (StatusCode, Value) {
    send_json(app, upload_req(Body::from(bytes))).await
}

#[tokio::test]
async fn a_completion_amplifying_one_upload_is_refused_a_small_one_is_correct() {
    let app = echo_app();
    let (cookie, started) = browser(&app).await;
    let (status, upload) = one_upload(&app, vec![7_u8; 1 << 20]).await;
    assert_eq!(status, StatusCode::OK);
    let id = upload["media_id"].as_str().unwrap().to_owned();
    let entries = |n: usize| json!({"payload": {"f": vec![json!({"media_id": id}); n]}});

    // T8's body: 50,000 references in about 1.8 MB
    let t8 = entries(50_000);
    assert!(t8.to_string().len() > 1_500_000);
    let (status, _) = send_json(&app, json_post("/api/complete", &t8, Some(&cookie))).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);

    // As many as fit in 256 KiB are still too many lookups
    let packed = entries(6_000);
    assert!(packed.to_string().len() < 256 * 1024);
    let (status, answer) =
        send_json(&app, json_post("/api/complete", &packed, Some(&cookie))).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        answer["error"].as_str().unwrap().contains("128"),
        "{answer}"
    );
    let (status, _) = send_json(
        &app,
        json_post("/api/complete", &entries(129), Some(&cookie)),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    // Two full pickers are fine, and each entry is the webhook's media shape
    let (status, hook) = send_json(
        &app,
        json_post("/api/complete", &entries(128), Some(&cookie)),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let reply = response_json(&hook);
    let files = reply["f"].as_array().unwrap();
    assert_eq!(files.len(), 128);
    assert!(files.iter().all(|f| f["id"] == id.as_str()
        && f["file_name"] == "a.bin"
        && f["sha256"] == upload["encryption_metadata"]["plaintext_hash"]));
    assert_eq!(reply["flow_token"], started["flow_token"]);

    // and the upload is still served
    let (status, _, cdn) = send(&app, get_req(&format!("/api/media/{id}"), HOST)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(cdn.len(), (1 << 20) + 16 + 10);
}

#[tokio::test]
async fn exchange_bodies_over_256_kib_are_413() {
    let app = echo_app();
    let (cookie, _) = browser(&app).await;
    let big =
        json!({"action": "data_exchange", "screen": "A", "data": {"x": "a".repeat(256 * 1024)}});
    let (status, _) = send_json(&app, json_post("/api/exchange", &big, Some(&cookie))).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    let fits =
        json!({"action": "data_exchange", "screen": "A", "data": {"x": "a".repeat(200 * 1024)}});
    let (status, _) = send_json(&app, json_post("/api/exchange", &fits, Some(&cookie))).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn held_media_stays_under_the_byte_cap() {
    const CAP: usize = 10_000;
    let app = Playground::for_flow(flow(), CannedResponses::new())
        .max_media_bytes(CAP)
        .into_router();
    // 3,000 bytes encrypt to 3,018 (padding and the 10-byte MAC): three fit in 10,000
    let mut ids = Vec::new();
    for i in 0..20_u8 {
        let (status, upload) = one_upload(&app, vec![i; 3_000]).await;
        assert_eq!(status, StatusCode::OK);
        ids.push(upload["media_id"].as_str().unwrap().to_owned());
        let mut held = 0;
        for id in &ids {
            let (status, _, cdn) = send(&app, get_req(&format!("/api/media/{id}"), HOST)).await;
            if status == StatusCode::OK {
                held += cdn.len();
            }
        }
        assert!(held <= CAP, "{held} bytes held after {} uploads", i + 1);
        assert_eq!(held, 3_018 * ids.len().min(3));
    }
    let (status, _, _) = send(&app, get_req(&format!("/api/media/{}", ids[16]), HOST)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, answer) = one_upload(&app, vec![1; CAP]).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{answer}");
}

/// A request body that stays open until its sender is dropped.
fn open_body() -> (
    tokio::sync::mpsc::Sender<Result<Bytes, std::io::Error>>,
    Body,
) {
    let (tx, rx) = tokio::sync::mpsc::channel(4);
    let stream = futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|item| (item, rx))
    });
    (tx, Body::from_stream(stream))
}

#[tokio::test]
async fn at_most_two_uploads_run_at_once() {
    let app = echo_app();
    let (tx1, body1) = open_body();
    let (tx2, body2) = open_body();
    let first = tokio::spawn(app.clone().oneshot(upload_req(body1)));
    let second = tokio::spawn(app.clone().oneshot(upload_req(body2)));
    // On this single-threaded runtime the two uploads run up to their (open) bodies as soon as
    // the test yields.
    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    assert!(!first.is_finished() && !second.is_finished());
    let (status, busy) = one_upload(&app, b"third".to_vec()).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{busy}");
    assert!(busy["error"].as_str().unwrap().contains("upload"), "{busy}");
    for tx in [tx1, tx2] {
        tx.send(Ok(Bytes::from_static(b"slow file"))).await.unwrap();
        drop(tx);
    }
    assert_eq!(first.await.unwrap().unwrap().status(), StatusCode::OK);
    assert_eq!(second.await.unwrap().unwrap().status(), StatusCode::OK);
    assert_eq!(one_upload(&app, b"later".to_vec()).await.0, StatusCode::OK);
}
