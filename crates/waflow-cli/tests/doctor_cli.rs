//! `waflow doctor` as the real binary against a wiremock Graph API and a data-exchange endpoint
//! served on 127.0.0.1: one all-green run, then each check failing once.
//!
//! Recorded Graph answers and the Meta pages they follow:
//! - `GET /{phone-number-id}/whatsapp_business_encryption`: WhatsApp/WhatsApp-Flows-Tools
//!   `postman/v1/whatsapp-flows-api.postman_collection.json`, "Get Encryption Public Key"
//!   (`data[{business_public_key, business_public_key_signature_status}]`), with our key.
//! - `GET /{waba-id}/flows`, `GET /{flow-id}?fields=…`, `GET /{flow-id}/assets`: same collection,
//!   "List Flows", "Get Flow" and "List Assets" (`data[{name, asset_type, download_url}]`); the
//!   `validation_errors` item follows Meta's Flows API reference ("Update Flow JSON"), the
//!   `health_status` block the shape in that reference (`can_send_message`,
//!   `entities[{entity_type,id,can_send_message,errors[{error_code,error_description,possible_solution}]}]`).
//! - `GET /{waba-id}/subscribed_apps`: Meta Graph API reference "WhatsApp Business Account
//!   Subscribed Apps" (`data[{whatsapp_business_api_data:{id,link,name}}]`).
//! - `GET /{app-id}/subscriptions`: Meta Graph API reference "/{app-id}/subscriptions" and the
//!   "Subscriptions Edge" page (`data[{object,callback_url,active,fields[{name,version}]}]`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;

use assert_cmd::Command;
use axum::Router;
use axum::body::Bytes;
use axum::routing::post;
use secrecy::SecretString;
use serde_json::{Value, json};
use waflow::crypto::{EncryptedRequest, KeyPair, decrypt_request};
use waflow::endpoint::FlowEndpoint;
use wiremock::matchers::{header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const APP_SECRET: &str = "app-secret";

/// A Flow JSON 7.3 flow with an endpoint that validates offline without errors.
fn good_flow_json() -> Value {
    json!({
        "version": "7.3",
        "data_api_version": "3.0",
        "routing_model": {"DONE": []},
        "screens": [{
            "id": "DONE",
            "title": "Done",
            "terminal": true,
            "layout": {"type": "SingleColumnLayout", "children": [
                {"type": "TextBody", "text": "Thanks"},
                {"type": "Footer", "label": "Done",
                 "on-click-action": {"name": "complete", "payload": {}}}
            ]}
        }]
    })
}

/// What the Graph stand-in answers; each test changes one thing.
#[derive(Clone)]
struct Graph {
    key_pem: String,
    key_status: &'static str,
    flow_exists: bool,
    status: &'static str,
    json_version: &'static str,
    endpoint_uri: Option<String>,
    validation_errors: Value,
    flow_json: String,
    health: Value,
    subscribed_apps: Value,
    fields: Value,
}

impl Graph {
    fn green(key_pem: String, endpoint_uri: String) -> Self {
        Self {
            key_pem,
            key_status: "VALID",
            flow_exists: true,
            status: "DRAFT",
            json_version: "7.3",
            endpoint_uri: Some(endpoint_uri),
            validation_errors: json!([]),
            flow_json: good_flow_json().to_string(),
            health: json!({"can_send_message": "AVAILABLE", "entities": [
                {"entity_type": "FLOW", "id": "1001", "can_send_message": "AVAILABLE"},
                {"entity_type": "WABA", "id": "111", "can_send_message": "AVAILABLE"}]}),
            subscribed_apps: json!([{"whatsapp_business_api_data": {
                "id": "333", "link": "https://www.facebook.com/games/?app_id=333", "name": "Sign-up app"}}]),
            fields: json!([{"name": "messages", "version": "v26.0"}, {"name": "flows", "version": "v26.0"}]),
        }
    }

    async fn mount(&self, server: &MockServer) {
        let ok = |body: Value| ResponseTemplate::new(200).set_body_json(body);
        Mock::given(method("GET"))
            .and(path("/v26.0/222/whatsapp_business_encryption"))
            .respond_with(ok(json!({"data": [{
                "business_public_key": self.key_pem,
                "business_public_key_signature_status": self.key_status}]})))
            .mount(server)
            .await;
        let mut flow = json!({
            "id": "1001", "name": "sign_up", "status": self.status,
            "json_version": self.json_version, "data_api_version": "3.0",
            "validation_errors": self.validation_errors,
            "health_status": self.health,
        });
        if let Some(uri) = &self.endpoint_uri {
            flow["endpoint_uri"] = json!(uri);
        }
        let list = if self.flow_exists {
            json!({"data": [{"id": "1001", "name": "sign_up", "status": self.status, "categories": ["SIGN_UP"]}]})
        } else {
            json!({"data": []})
        };
        Mock::given(method("GET"))
            .and(path("/v26.0/111/flows"))
            .respond_with(ok(list))
            .mount(server)
            .await;
        if self.flow_exists {
            Mock::given(method("GET"))
                .and(path("/v26.0/1001"))
                .and(query_param(
                    "fields",
                    "id,name,status,json_version,data_api_version,endpoint_uri,validation_errors,health_status",
                ))
                .respond_with(ok(flow))
                .mount(server)
                .await;
        } else {
            // Meta's answer for an id that is not a flow the token can see (error code 100).
            Mock::given(method("GET"))
                .and(path("/v26.0/1001"))
                .respond_with(ResponseTemplate::new(400).set_body_json(json!({"error": {
                    "message": "Unsupported get request. Object with ID '1001' does not exist, cannot be loaded due to missing permissions, or does not support this operation.",
                    "type": "GraphMethodException", "code": 100, "error_subcode": 33,
                    "fbtrace_id": "AbCdEf"}})))
                .mount(server)
                .await;
        }
        Mock::given(method("GET"))
            .and(path("/v26.0/1001/assets"))
            .respond_with(ok(
                json!({"data": [{"name": "flow.json", "asset_type": "FLOW_JSON",
                "download_url": format!("{}/download/flow.json", server.uri())}]}),
            ))
            .mount(server)
            .await;
        Mock::given(method("GET"))
            .and(path("/download/flow.json"))
            .respond_with(ResponseTemplate::new(200).set_body_string(self.flow_json.clone()))
            .mount(server)
            .await;
        Mock::given(method("GET"))
            .and(path("/v26.0/111/subscribed_apps"))
            .respond_with(ok(json!({"data": self.subscribed_apps})))
            .mount(server)
            .await;
        Mock::given(method("GET"))
            .and(path("/v26.0/333/subscriptions"))
            .and(header("authorization", "Bearer 333|app-secret"))
            .respond_with(ok(json!({"data": [{"object": "whatsapp_business_account",
                "callback_url": "https://example.com/webhook", "active": true, "fields": self.fields}]})))
            .mount(server)
            .await;
    }
}

/// How the locally served endpoint behaves.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Endpoint {
    /// `FlowEndpoint` with the app secret: answers ping, 432 without a signature.
    Good,
    /// `FlowEndpoint` without an app secret: accepts unsigned requests.
    NoSignatureCheck,
    /// Decrypts and answers ping with `{"data":{"status":"inactive"}}`.
    WrongAnswer,
    /// `Good`, but every answer waits 1.2 s.
    Slow,
}

/// Serves the endpoint on 127.0.0.1:0; returns its URL.
async fn serve(pair: &KeyPair, kind: Endpoint) -> String {
    let app = match kind {
        Endpoint::Good | Endpoint::NoSignatureCheck | Endpoint::Slow => {
            let mut endpoint = FlowEndpoint::new(pair.private_key().clone());
            if kind != Endpoint::NoSignatureCheck {
                endpoint = endpoint.app_secret(SecretString::from(APP_SECRET));
            }
            let router = Router::new().route_service("/flow", endpoint.with_state(()));
            if kind == Endpoint::Slow {
                router.layer(axum::middleware::from_fn(
                    |req: axum::extract::Request, next: axum::middleware::Next| async move {
                        tokio::time::sleep(std::time::Duration::from_millis(1200)).await;
                        next.run(req).await
                    },
                ))
            } else {
                router
            }
        }
        Endpoint::WrongAnswer => {
            let key = pair.private_key().clone();
            Router::new().route(
                "/flow",
                post(move |body: Bytes| {
                    let key = key.clone();
                    async move {
                        let request: EncryptedRequest = serde_json::from_slice(&body).unwrap();
                        let (_, cipher) = decrypt_request(&key, &request).unwrap();
                        cipher.encrypt(br#"{"data":{"status":"inactive"}}"#)
                    }
                }),
            )
        }
    };
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await });
    format!("http://{addr}/flow")
}

/// A loopback URL nobody listens on.
fn unreachable_uri() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    format!("http://{addr}/flow")
}

/// The binary pointed at `server`; nothing from the caller's environment leaks in.
fn waflow(server: &MockServer) -> Command {
    let mut cmd = Command::cargo_bin("waflow").unwrap();
    for var in [
        "WAFLOW_TOKEN",
        "WAFLOW_WABA_ID",
        "WAFLOW_PHONE_ID",
        "WAFLOW_APP_ID",
        "WAFLOW_APP_SECRET",
        "WAFLOW_GRAPH_URL",
        "WAFLOW_GRAPH_VERSION",
        "WAFLOW_FLOW",
        "RUST_LOG",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("WAFLOW_TOKEN", "EAAG-test")
        .env("WAFLOW_WABA_ID", "111")
        .env("WAFLOW_PHONE_ID", "222")
        .env("WAFLOW_APP_ID", "333")
        .env("WAFLOW_APP_SECRET", APP_SECRET)
        .env("WAFLOW_GRAPH_URL", server.uri())
        .env("WAFLOW_GRAPH_VERSION", "v26.0")
        .timeout(std::time::Duration::from_secs(60));
    cmd
}

struct Run {
    code: Option<i32>,
    checks: Vec<Value>,
}

impl Run {
    /// check name → status.
    fn statuses(&self) -> BTreeMap<String, String> {
        self.checks
            .iter()
            .map(|c| {
                (
                    c["check"].as_str().unwrap().to_owned(),
                    c["status"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    }

    fn check(&self, name: &str) -> &Value {
        self.checks
            .iter()
            .find(|c| c["check"] == name)
            .unwrap_or_else(|| panic!("no check {name}"))
    }

    /// The checks with `status`, sorted.
    fn with(&self, status: &str) -> Vec<String> {
        self.statuses()
            .into_iter()
            .filter(|(_, s)| s == status)
            .map(|(c, _)| c)
            .collect()
    }
}

const ALL: [&str; 11] = [
    "public-key",
    "flow",
    "meta-validation",
    "flow-json",
    "flow-version",
    "endpoint-uri",
    "endpoint-reachable",
    "endpoint-ping",
    "endpoint-signature",
    "waba-subscription",
    "webhook-fields",
];

async fn doctor_json(server: &MockServer, flow: &str, extra: &[&str]) -> Run {
    let mut cmd = waflow(server);
    cmd.args(["doctor", "--json", "--flow", flow]).args(extra);
    let out = tokio::task::spawn_blocking(move || cmd.output().unwrap())
        .await
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let checks: Vec<Value> = serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {stdout}\nstderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let names: Vec<&str> = checks
        .iter()
        .map(|c| c["check"].as_str().unwrap())
        .collect();
    assert_eq!(names, ALL, "one entry per check, in order");
    for c in &checks {
        let fix = &c["fix"];
        match c["status"].as_str().unwrap() {
            "ok" => assert!(fix.is_null(), "{c}"),
            "fail" => assert!(fix.as_str().is_some_and(|f| !f.is_empty()), "{c}"),
            "skip" => {}
            other => panic!("unexpected status {other}"),
        }
        assert!(!c["detail"].as_str().unwrap().is_empty(), "{c}");
    }
    Run {
        code: out.status.code(),
        checks,
    }
}

/// Graph stand-in + endpoint with everything right, then `change` applied.
async fn setup(kind: Endpoint, change: impl FnOnce(&mut Graph, &KeyPair)) -> MockServer {
    let server = MockServer::start().await;
    let pair = KeyPair::generate().unwrap();
    let uri = serve(&pair, kind).await;
    let mut graph = Graph::green(pair.public_key_pem(), uri);
    change(&mut graph, &pair);
    graph.mount(&server).await;
    server
}

fn assert_only_failing(run: &Run, failing: &[&str]) {
    assert_eq!(run.with("fail"), failing, "{:#?}", run.checks);
    assert_eq!(run.code, Some(1));
}

#[tokio::test(flavor = "multi_thread")]
async fn all_green_prints_one_ok_line_per_check_and_exits_0() {
    let server = setup(Endpoint::Good, |_, _| {}).await;
    let run = doctor_json(&server, "sign_up", &[]).await;
    assert_eq!(run.with("ok"), {
        let mut all: Vec<String> = ALL.iter().map(|s| (*s).to_owned()).collect();
        all.sort();
        all
    });
    assert_eq!(run.code, Some(0));
    let ping = run.check("endpoint-ping")["detail"].as_str().unwrap();
    assert!(ping.starts_with("active in "), "{ping}");
    assert!(
        run.check("endpoint-signature")["detail"]
            .as_str()
            .unwrap()
            .contains("432")
    );

    // The same run as text: one line per check, then the tally.
    let mut cmd = waflow(&server);
    cmd.args(["doctor", "--flow", "1001"]);
    let out = tokio::task::spawn_blocking(move || cmd.output().unwrap())
        .await
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), ALL.len() + 1, "{text}");
    for (line, name) in lines.iter().zip(ALL) {
        assert!(line.starts_with("ok    "), "{line}");
        assert_eq!(line.split_whitespace().nth(1), Some(name), "{line}");
        assert!(!line.contains("fix:"), "{line}");
    }
    assert_eq!(lines[ALL.len()], "11 ok, 0 FAIL, 0 skip");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_failing_check_is_a_fail_line_with_a_fix_and_exit_1() {
    let server = setup(Endpoint::Good, |g, _| g.key_status = "MISMATCH").await;
    let mut cmd = waflow(&server);
    cmd.args(["doctor", "--flow", "1001"]);
    let out = tokio::task::spawn_blocking(move || cmd.output().unwrap())
        .await
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let line = text.lines().next().unwrap();
    assert!(line.starts_with("FAIL  public-key"), "{line}");
    assert!(
        line.contains("MISMATCH; fix: upload the key again"),
        "{line}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn key_signature_mismatch_fails_public_key() {
    let server = setup(Endpoint::Good, |g, _| g.key_status = "MISMATCH").await;
    let run = doctor_json(&server, "1001", &[]).await;
    assert_only_failing(&run, &["public-key"]);
    assert!(
        run.check("public-key")["detail"]
            .as_str()
            .unwrap()
            .contains("MISMATCH")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_key_other_than_the_endpoints_fails_the_encrypted_ping_with_421() {
    let other = KeyPair::generate().unwrap();
    let server = setup(Endpoint::Good, |g, _| g.key_pem = other.public_key_pem()).await;
    let run = doctor_json(&server, "1001", &[]).await;
    assert_only_failing(&run, &["endpoint-ping"]);
    let ping = &run.check("endpoint-ping");
    assert!(ping["detail"].as_str().unwrap().contains("421"), "{ping}");
    assert!(ping["fix"].as_str().unwrap().contains("waflow key upload"));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_missing_flow_fails_flow_and_skips_what_depends_on_it() {
    let server = setup(Endpoint::Good, |g, _| g.flow_exists = false).await;
    let run = doctor_json(&server, "sign_up", &[]).await;
    assert_only_failing(&run, &["flow"]);
    assert!(
        run.check("flow")["detail"]
            .as_str()
            .unwrap()
            .contains("no flow named \"sign_up\"")
    );
    for name in [
        "meta-validation",
        "flow-json",
        "flow-version",
        "endpoint-uri",
        "endpoint-reachable",
        "endpoint-ping",
        "endpoint-signature",
    ] {
        assert_eq!(run.check(name)["status"], "skip", "{name}");
    }
    // By id: Meta's error 100 is named.
    let run = doctor_json(&server, "1001", &[]).await;
    assert_only_failing(&run, &["flow"]);
    assert!(
        run.check("flow")["detail"]
            .as_str()
            .unwrap()
            .contains("does not exist")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn flow_json_with_errors_fails_the_offline_validation() {
    let server = setup(Endpoint::Good, |g, _| {
        let mut doc = good_flow_json();
        // A terminal screen without a Footer.
        doc["screens"][0]["layout"]["children"]
            .as_array_mut()
            .unwrap()
            .pop();
        g.flow_json = doc.to_string();
    })
    .await;
    let run = doctor_json(&server, "1001", &[]).await;
    assert_only_failing(&run, &["flow-json"]);
    let detail = run.check("flow-json")["detail"].as_str().unwrap();
    assert!(
        detail.contains("MISSING_FOOTER_ON_TERMINAL_SCREEN"),
        "{detail}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn metas_blocked_health_status_fails_the_flow_with_its_reason() {
    let server = setup(Endpoint::Good, |g, _| {
        g.health = json!({"can_send_message": "BLOCKED", "entities": [
            {"entity_type": "FLOW", "id": "1001", "can_send_message": "BLOCKED", "errors": [
                {"error_code": 139002, "error_description": "(#139002) Publishing failed: Endpoint not available",
                 "possible_solution": "Make sure your endpoint is reachable and answers the health check"}]},
            {"entity_type": "WABA", "id": "111", "can_send_message": "AVAILABLE"}]});
    })
    .await;
    let run = doctor_json(&server, "1001", &[]).await;
    assert_only_failing(&run, &["flow"]);
    let check = run.check("flow");
    assert!(
        check["detail"]
            .as_str()
            .unwrap()
            .contains("FLOW 1001: 139002 (#139002) Publishing failed: Endpoint not available"),
        "{check}"
    );
    assert_eq!(
        check["fix"],
        "Make sure your endpoint is reachable and answers the health check"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn metas_validation_errors_are_surfaced() {
    let server = setup(Endpoint::Good, |g, _| {
        g.validation_errors = json!([{"error": "INVALID_PROPERTY_VALUE", "error_type": "FLOW_JSON_ERROR",
            "message": "Invalid value found for property 'type'.", "line_start": 10, "line_end": 10,
            "column_start": 21, "column_end": 34,
            "pointers": [{"line_start": 10, "line_end": 10, "column_start": 21, "column_end": 34,
                "path": "screens[0].layout.children[0].type"}]}]);
    })
    .await;
    let run = doctor_json(&server, "1001", &[]).await;
    assert_only_failing(&run, &["meta-validation"]);
    let detail = run.check("meta-validation")["detail"].as_str().unwrap();
    assert!(
        detail.contains("/screens/0/layout/children/0/type: INVALID_PROPERTY_VALUE"),
        "{detail}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_deprecated_flow_fails_flow_version() {
    let server = setup(Endpoint::Good, |g, _| g.status = "DEPRECATED").await;
    let run = doctor_json(&server, "1001", &[]).await;
    assert_only_failing(&run, &["flow-version"]);
    assert!(
        run.check("flow-version")["detail"]
            .as_str()
            .unwrap()
            .contains("DEPRECATED")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_frozen_json_version_fails_flow_version() {
    let server = setup(Endpoint::Good, |g, _| g.json_version = "5.0").await;
    let run = doctor_json(&server, "1001", &[]).await;
    assert_only_failing(&run, &["flow-version"]);
    let check = run.check("flow-version");
    assert!(check["detail"].as_str().unwrap().contains("5.0 is frozen"));
    assert!(check["fix"].as_str().unwrap().contains("7.3"));
}

#[tokio::test(flavor = "multi_thread")]
async fn no_endpoint_uri_fails_and_skips_the_endpoint_checks() {
    let server = setup(Endpoint::Good, |g, _| g.endpoint_uri = None).await;
    let run = doctor_json(&server, "1001", &[]).await;
    assert_only_failing(&run, &["endpoint-uri"]);
    assert!(
        run.check("endpoint-uri")["fix"]
            .as_str()
            .unwrap()
            .contains("--endpoint-uri")
    );
    for name in ["endpoint-reachable", "endpoint-ping", "endpoint-signature"] {
        assert_eq!(run.check(name)["status"], "skip", "{name}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn an_unreachable_endpoint_fails_reachable() {
    let server = setup(Endpoint::Good, |g, _| {
        g.endpoint_uri = Some(unreachable_uri())
    })
    .await;
    let run = doctor_json(&server, "1001", &[]).await;
    assert_only_failing(&run, &["endpoint-reachable"]);
    assert_eq!(run.check("endpoint-ping")["status"], "skip");
    assert_eq!(run.check("endpoint-signature")["status"], "skip");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_wrong_ping_answer_fails_the_ping() {
    let server = setup(Endpoint::WrongAnswer, |_, _| {}).await;
    let run = doctor_json(&server, "1001", &[]).await;
    // This endpoint does not check signatures either.
    assert_only_failing(&run, &["endpoint-ping", "endpoint-signature"]);
    let detail = run.check("endpoint-ping")["detail"].as_str().unwrap();
    assert!(detail.contains("inactive"), "{detail}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_ping_slower_than_1_s_fails() {
    let server = setup(Endpoint::Slow, |_, _| {}).await;
    let run = doctor_json(&server, "1001", &[]).await;
    assert_only_failing(&run, &["endpoint-ping"]);
    let detail = run.check("endpoint-ping")["detail"].as_str().unwrap();
    assert!(detail.starts_with("active, but in "), "{detail}");
    assert!(detail.ends_with("(budget 1000 ms)"), "{detail}");
    // A larger budget accepts it.
    let run = doctor_json(&server, "1001", &["--ping-budget-ms", "5000"]).await;
    assert_eq!(run.code, Some(0), "{:#?}", run.checks);
}

#[tokio::test(flavor = "multi_thread")]
async fn an_endpoint_that_accepts_unsigned_requests_fails_the_signature_check() {
    let server = setup(Endpoint::NoSignatureCheck, |_, _| {}).await;
    let run = doctor_json(&server, "1001", &[]).await;
    assert_only_failing(&run, &["endpoint-signature"]);
    assert!(
        run.check("endpoint-signature")["detail"]
            .as_str()
            .unwrap()
            .contains("instead of 432")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn without_the_app_secret_the_signature_and_fields_checks_are_skipped() {
    let server = setup(Endpoint::NoSignatureCheck, |_, _| {}).await;
    let mut cmd = waflow(&server);
    cmd.env_remove("WAFLOW_APP_SECRET")
        .args(["doctor", "--json", "--flow", "1001"]);
    let out = tokio::task::spawn_blocking(move || cmd.output().unwrap())
        .await
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let checks: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let status = |name: &str| {
        checks
            .iter()
            .find(|c| c["check"] == name)
            .map(|c| c["status"].as_str().unwrap().to_owned())
    };
    assert_eq!(status("endpoint-signature").as_deref(), Some("skip"));
    assert_eq!(status("webhook-fields").as_deref(), Some("skip"));
    assert_eq!(status("endpoint-ping").as_deref(), Some("ok"));
}

#[tokio::test(flavor = "multi_thread")]
async fn an_app_not_subscribed_to_the_waba_fails() {
    let server = setup(Endpoint::Good, |g, _| g.subscribed_apps = json!([])).await;
    let run = doctor_json(&server, "1001", &[]).await;
    assert_only_failing(&run, &["waba-subscription"]);
    assert!(
        run.check("waba-subscription")["fix"]
            .as_str()
            .unwrap()
            .contains("--subscribe-waba")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_webhook_without_the_flows_field_fails() {
    let server = setup(Endpoint::Good, |g, _| {
        g.fields = json!([{"name": "messages", "version": "v26.0"}]);
    })
    .await;
    let run = doctor_json(&server, "1001", &[]).await;
    assert_only_failing(&run, &["webhook-fields"]);
    assert!(
        run.check("webhook-fields")["detail"]
            .as_str()
            .unwrap()
            .contains("flows")
    );
}
