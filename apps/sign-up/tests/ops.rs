//! Operating the server: `/metrics` (Prometheus text), `/health/live`, `/health/ready`,
//! `/health/slo`, the development index page, and the built binary's operations port and log
//! formats.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use axum::body::Body;
use http::Request;
use serde_json::{Value, json};
use sign_up::config::Environment;
use sign_up::{ENDPOINT_PATH, app};
use support::Harness;
use tower::ServiceExt as _;
use tracing_subscriber::prelude::*;
use waflow::crypto::PublicKey;
use waflow::testing::FlowClient;

async fn get(router: axum::Router, path: &str, host: &str) -> (u16, String, String) {
    let res = router
        .oneshot(
            Request::get(path)
                .header("host", host)
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    let status = res.status().as_u16();
    let kind = res
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let body = axum::body::to_bytes(res.into_body(), 1 << 22)
        .await
        .unwrap();
    (status, kind, String::from_utf8(body.to_vec()).unwrap())
}

/// The value of the first sample line containing every needle.
fn sample(text: &str, needles: &[&str]) -> Option<f64> {
    text.lines()
        .find(|l| !l.starts_with('#') && needles.iter().all(|n| l.contains(n)))
        .and_then(|l| l.rsplit(' ').next()?.parse().ok())
}

#[tokio::test]
async fn metrics_count_the_endpoint_by_action_screen_and_status() {
    let installed = sign_up::ops::metrics::install().unwrap();
    // Global, as in main: a thread-local subscriber can lose the span's interest to the tests
    // that run beside it without one.
    let _ = tracing::subscriber::set_global_default(
        tracing_subscriber::registry().with(waflow::metrics::span_labels()),
    );
    let h = Harness::sqlite().await;
    let ops = sign_up::ops::router(&h.state);
    let (_, _, before) = get(ops.clone(), "/metrics", "127.0.0.1").await;
    let pings = |text: &str| {
        sample(
            text,
            &[
                "waflow_flow_requests_total{",
                "action=\"ping\"",
                "status=\"200\"",
            ],
        )
        .unwrap_or(0.0)
    };
    let slo_before = installed.slo.report().checks[1].requests;

    let client = h.client("15550007001").await;
    client.ping().await.unwrap();
    client.ping().await.unwrap();
    let start = client
        .data_exchange("START", json!({"intent": "sign_up"}))
        .await
        .unwrap();
    assert_eq!(start.status, 200);
    // A screen the flow does not have: its label is bounded to `other`.
    let _ = client
        .clone()
        .allow_contract_violations()
        .data_exchange("NOT_A_SCREEN_4711", json!({}))
        .await;

    let (status, kind, text) = get(ops.clone(), "/metrics", "127.0.0.1").await;
    assert_eq!(status, 200);
    assert!(kind.starts_with("text/plain; version=0.0.4"), "{kind}");
    assert!(pings(&text) >= pings(&before) + 2.0, "{text}");
    assert!(
        sample(
            &text,
            &[
                "waflow_flow_requests_total{",
                "endpoint=\"/sign-up-flow\"",
                "action=\"data_exchange\"",
                "screen=\"START\"",
                "status=\"200\""
            ]
        )
        .is_some_and(|v| v >= 1.0),
        "{text}"
    );
    assert!(!text.contains("NOT_A_SCREEN_4711"), "{text}");
    assert!(text.contains("screen=\"other\""), "{text}");
    assert!(
        sample(
            &text,
            &["waflow_flow_request_duration_seconds_bucket{", "le=\"1\""]
        )
        .is_some(),
        "Meta's 1 s threshold is a bucket bound: {text}"
    );
    assert!(
        text.contains("# TYPE waflow_flow_requests_total counter"),
        "{text}"
    );
    assert!(
        sample(
            &text,
            &["sign_up_slo_level{", "check=\"endpoint_error_rate\""]
        )
        .is_some(),
        "{text}"
    );
    assert!(installed.slo.report().checks[1].requests >= slo_before + 3);

    let (status, _, slo) = get(ops, "/health/slo", "127.0.0.1").await;
    assert_eq!(status, 200);
    let slo: Value = serde_json::from_str(&slo).unwrap();
    let names: Vec<&str> = slo["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "client_error_rate",
            "endpoint_error_rate",
            "endpoint_latency_p90",
            "endpoint_availability"
        ]
    );
    assert!(slo["checks"][1]["requests"].as_u64().unwrap() >= 3, "{slo}");
    h.finish().await;
}

#[tokio::test]
async fn readiness_needs_the_database_and_the_key() {
    let h = Harness::sqlite().await;
    let (status, _, body) = get(app(h.state.clone()), "/health/live", "example.com").await;
    assert_eq!((status, body.as_str()), (200, "live\n"));
    let (status, _, body) = get(app(h.state.clone()), "/health/ready", "example.com").await;
    assert_eq!(status, 200, "{body}");
    let report: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        report,
        json!({"status": "ready", "database": "ok", "key": "ok"})
    );

    h.store.close().await;
    let (status, _, body) = get(app(h.state.clone()), "/health/ready", "example.com").await;
    assert_eq!(status, 503, "{body}");
    let report: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(report["status"], "not ready");
    assert_ne!(report["database"], "ok", "{report}");
    assert_eq!(report["key"], "ok", "{report}");
}

#[tokio::test]
async fn readiness_signs_its_ping_when_the_endpoint_checks_signatures() {
    let mut h = Harness::sqlite().await;
    h.state.app_secret = Some("app-secret".to_owned().into());
    let (status, _, body) = get(app(h.state.clone()), "/health/ready", "example.com").await;
    assert_eq!(status, 200, "{body}");
    // An unsigned request to the same app is refused, so the probe really went through the
    // signature check.
    let unsigned = FlowClient::for_service(app(h.state.clone()), support::pair().public_key())
        .path(ENDPOINT_PATH);
    assert_eq!(unsigned.ping().await.unwrap().status, 432);
    h.finish().await;
}

#[tokio::test]
async fn the_index_page_is_for_development_on_loopback_only() {
    let mut h = Harness::sqlite().await;
    let (status, kind, page) = get(app(h.state.clone()), "/", "127.0.0.1:8080").await;
    assert_eq!(status, 200);
    assert!(kind.starts_with("text/html"), "{kind}");
    assert!(page.contains("href=\"/playground\""), "{page}");
    assert!(page.contains(ENDPOINT_PATH), "{page}");
    let (status, _, _) = get(app(h.state.clone()), "/", "localhost").await;
    assert_eq!(status, 200);
    let (status, _, _) = get(app(h.state.clone()), "/", "abc.trycloudflare.com").await;
    assert_eq!(status, 403);
    h.state.environment = Environment::Production;
    let (status, _, _) = get(app(h.state.clone()), "/", "127.0.0.1:8080").await;
    assert_eq!(status, 404);
    h.finish().await;
}

/// The built server on ephemeral ports, its stderr collected.
struct Server {
    child: Child,
    lines: mpsc::Receiver<String>,
    seen: Vec<String>,
    _dir: tempfile::TempDir,
}

impl Server {
    fn start(args: &[&str]) -> Self {
        Self::start_with_env(args, &[])
    }

    fn start_with_env(args: &[&str], env: &[(&str, &str)]) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_sign-up"));
        for (key, _) in std::env::vars() {
            if key.starts_with("WAFLOW_") || key == "DATABASE_URL" || key == "NO_COLOR" {
                cmd.env_remove(key);
            }
        }
        cmd.env("RUST_LOG", "info")
            .arg("--data-dir")
            .arg(dir.path().join("data"))
            .args(["--addr", "127.0.0.1:0", "--ops-addr", "127.0.0.1:0"])
            .args(args)
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().unwrap();
        let stderr = child.stderr.take().unwrap();
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Self {
            child,
            lines,
            seen: Vec::new(),
            _dir: dir,
        }
    }

    /// Waits for a stderr line containing `needle`.
    fn wait_for(&mut self, needle: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(60);
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    self.seen.push(line.clone());
                    if line.contains(needle) {
                        return line;
                    }
                }
                Err(_) => break,
            }
        }
        panic!("no line with {needle:?} in {:#?}", self.seen);
    }

    /// `host:port` after `http://` on the line containing `needle`.
    fn addr(&mut self, needle: &str) -> String {
        let line = self.wait_for(needle);
        let rest = &line[line.find("http://").unwrap() + 7..];
        rest[..rest.find('/').unwrap()].to_owned()
    }

    fn public_key(&self) -> PublicKey {
        let pem =
            std::fs::read_to_string(self._dir.path().join("data/dev_public_key.pem")).unwrap();
        PublicKey::from_pem(&pem).unwrap()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A plain HTTP/1.1 GET: status and body.
fn http_get(addr: &str, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut text = String::new();
    stream.read_to_string(&mut text).unwrap();
    let status = text.split(' ').nth(1).unwrap().parse().unwrap();
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_owned())
        .unwrap_or_default();
    (status, body)
}

#[tokio::test]
async fn the_binary_serves_metrics_on_the_operations_port_only() {
    let mut server = Server::start(&[]);
    let main = server.addr("flow endpoint:");
    let ops = server.addr("operations:");
    assert_ne!(main, ops);
    let client = FlowClient::for_url(format!("http://{main}{ENDPOINT_PATH}"), server.public_key());
    assert_eq!(client.ping().await.unwrap().status, 200);

    let (status, text) = tokio::task::spawn_blocking({
        let ops = ops.clone();
        move || http_get(&ops, "/metrics")
    })
    .await
    .unwrap();
    assert_eq!(status, 200);
    // The label comes from the span-label layer main installs next to the log layer.
    assert_eq!(
        sample(
            &text,
            &[
                "waflow_flow_requests_total{",
                "action=\"ping\"",
                "status=\"200\""
            ]
        ),
        Some(1.0),
        "{text}"
    );
    let main2 = main.clone();
    let (metrics_on_main, ready_on_main) = tokio::task::spawn_blocking(move || {
        (
            http_get(&main2, "/metrics").0,
            http_get(&main2, "/health/ready"),
        )
    })
    .await
    .unwrap();
    assert_eq!(
        metrics_on_main, 404,
        "/metrics must not be on the public port"
    );
    assert_eq!(ready_on_main.0, 200, "{}", ready_on_main.1);
    let (status, slo) = tokio::task::spawn_blocking(move || http_get(&ops, "/health/slo"))
        .await
        .unwrap();
    assert_eq!(status, 200);
    assert!(slo.contains("\"endpoint_availability\""), "{slo}");
}

#[tokio::test]
async fn without_metrics_the_operations_port_keeps_health_only() {
    let mut server = Server::start(&["--no-metrics"]);
    let ops = server.addr("operations:");
    let (metrics, ready) = tokio::task::spawn_blocking(move || {
        (
            http_get(&ops, "/metrics").0,
            http_get(&ops, "/health/ready").0,
        )
    })
    .await
    .unwrap();
    assert_eq!((metrics, ready), (404, 200));
}

#[test]
fn logs_carry_no_colour_codes_when_stderr_is_not_a_terminal() {
    let mut server = Server::start(&[]);
    server.wait_for("operations:");
    let all = server.seen.join("\n");
    assert!(all.contains(" INFO "), "{all}");
    assert!(
        !all.contains('\u{1b}'),
        "ANSI escape in piped logs: {all:?}"
    );
}

#[test]
fn json_logs_are_one_object_per_line() {
    let mut server = Server::start(&["--log-format", "json"]);
    server.wait_for("operations:");
    assert!(server.seen.len() >= 3, "{:#?}", server.seen);
    for line in &server.seen {
        let v: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        assert!(v["level"].is_string(), "{line}");
        assert!(v["fields"]["message"].is_string(), "{line}");
        assert!(v["timestamp"].is_string(), "{line}");
    }
    assert!(!server.seen.join("").contains('\u{1b}'));

    let mut from_env = Server::start_with_env(&[], &[("WAFLOW_LOG_FORMAT", "json")]);
    let line = from_env.wait_for("operations:");
    assert!(serde_json::from_str::<Value>(&line).is_ok(), "{line}");
}

/// Metric names (`waflow_…`, `sign_up_…`) a text mentions, without histogram suffixes.
fn metric_names(text: &str) -> std::collections::BTreeSet<String> {
    let mut names = std::collections::BTreeSet::new();
    let bytes = text.as_bytes();
    for prefix in ["waflow_", "sign_up_slo_"] {
        let mut from = 0;
        while let Some(at) = text[from..].find(prefix) {
            let start = from + at;
            let mut end = start;
            while end < bytes.len()
                && (bytes[end].is_ascii_lowercase()
                    || bytes[end] == b'_'
                    || bytes[end].is_ascii_digit())
            {
                end += 1;
            }
            let boundary = start == 0
                || !(bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'_');
            if boundary {
                let name = &text[start..end];
                let name = ["_bucket", "_count", "_sum"]
                    .iter()
                    .find_map(|s| name.strip_suffix(s))
                    .unwrap_or(name);
                names.insert(name.to_owned());
            }
            from = end.max(start + 1);
        }
    }
    names
}

#[test]
fn the_alert_rules_and_the_dashboard_use_only_metrics_that_exist() {
    use waflow::metrics::*;
    let known = [
        REQUESTS,
        REQUEST_DURATION,
        DECRYPT_FAILURES,
        SIGNATURE_FAILURES,
        HANDLER_ERRORS,
        TOKEN_OUTCOMES,
        CLIENT_ERRORS,
        WEBHOOK_DELIVERIES,
        WEBHOOK_UPDATES,
        WEBHOOK_DUPLICATES,
        FLOWS_EVENTS,
        FLOWS_STATUS,
        FLOWS_ALERT_ACTIVE,
        FLOWS_ALERT_VALUE,
        sign_up::ops::metrics::SLO_LEVEL,
        sign_up::ops::metrics::SLO_VALUE,
    ];
    let docs = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/ops");
    let rules = std::fs::read_to_string(docs.join("alerts.yml")).unwrap();
    let dashboard = std::fs::read_to_string(docs.join("grafana-dashboard.json")).unwrap();
    let parsed: Value = serde_json::from_str(&dashboard).unwrap();
    assert!(parsed["panels"].as_array().unwrap().len() >= 8);
    for (file, text) in [
        ("alerts.yml", &rules),
        ("grafana-dashboard.json", &dashboard),
    ] {
        let used = metric_names(text);
        assert!(used.contains(REQUESTS), "{file}: {used:?}");
        for name in &used {
            assert!(
                known.contains(&name.as_str()),
                "{file} names unknown metric {name}"
            );
        }
    }
    // Meta's four alerts, each at its own window.
    for (alert, window) in [
        ("FlowClientErrorRate", "60m"),
        ("FlowEndpointErrorRate", "30m"),
        ("FlowEndpointLatencyP90", "30m"),
        ("FlowEndpointAvailability", "10m"),
    ] {
        let at = rules
            .find(&format!("alert: {alert}\n"))
            .unwrap_or_else(|| panic!("{alert}"));
        let expr = rules[at..].lines().nth(1).unwrap();
        assert!(expr.contains(window), "{alert}: {expr}");
    }
}
