//! The metrics layer around a real `FlowEndpoint`, read back in the Prometheus text format.
#![cfg(feature = "metrics")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::OnceLock;
use std::time::Duration;

use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use serde_json::json;
use tower::{Layer as _, ServiceExt as _};
use tracing_subscriber::prelude::*;
use waflow::endpoint::{FlowEndpoint, FlowError, FlowResponse};
use waflow::metrics::{FlowMetricsLayer, Sample, Slo, span_labels};
use waflow::testing::FlowClient;

fn handle() -> PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            PrometheusBuilder::new()
                .set_buckets_for_metric(
                    metrics_exporter_prometheus::Matcher::Full(
                        waflow::metrics::REQUEST_DURATION.into(),
                    ),
                    waflow::metrics::LATENCY_BUCKETS,
                )
                .unwrap()
                .install_recorder()
                .unwrap()
        })
        .clone()
}

fn line(text: &str, needles: &[&str]) -> Option<f64> {
    text.lines()
        .find(|l| !l.starts_with('#') && needles.iter().all(|n| l.contains(n)))
        .and_then(|l| l.rsplit(' ').next()?.parse().ok())
}

async fn failing() -> Result<FlowResponse, FlowError> {
    Err(FlowError::internal("database down"))
}

#[tokio::test]
async fn counts_requests_by_action_screen_and_status() {
    let handle = handle();
    let _guard =
        tracing::subscriber::set_default(tracing_subscriber::registry().with(span_labels()));
    let key = waflow::crypto::KeyPair::generate()
        .unwrap()
        .private_key()
        .clone();
    let slo = Slo::new();
    let endpoint = FlowEndpoint::new(key.clone())
        .on_data_exchange("BROKEN", failing)
        .with_state(());
    let service = FlowMetricsLayer::new("/t1")
        .slo(slo.clone())
        .layer(endpoint);
    let client = FlowClient::for_service(service.clone(), key.public_key());
    client.ping().await.unwrap();
    let _ = client.data_exchange("BROKEN", json!({})).await;
    // garbage: 400, no action
    let res = service
        .oneshot(
            http::Request::post("/")
                .body(axum::body::Body::from("nope"))
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(res.status(), 400);

    let text = handle.render();
    let ep = "endpoint=\"/t1\"";
    assert_eq!(
        line(
            &text,
            &[
                "waflow_flow_requests_total{",
                ep,
                "action=\"ping\"",
                "status=\"200\""
            ]
        ),
        Some(1.0),
        "{text}"
    );
    assert_eq!(
        line(
            &text,
            &[
                "waflow_flow_requests_total{",
                ep,
                "screen=\"BROKEN\"",
                "status=\"500\""
            ]
        ),
        Some(1.0),
        "{text}"
    );
    assert_eq!(
        line(
            &text,
            &["waflow_flow_handler_errors_total{", ep, "screen=\"BROKEN\""]
        ),
        Some(1.0)
    );
    assert_eq!(
        line(
            &text,
            &[
                "waflow_flow_requests_total{",
                ep,
                "action=\"unknown\"",
                "status=\"4xx\""
            ]
        ),
        Some(1.0)
    );
    assert_eq!(
        line(
            &text,
            &[
                "waflow_flow_request_duration_seconds_count{",
                ep,
                "action=\"ping\""
            ]
        ),
        Some(1.0)
    );
    let report = slo.report();
    let errors = &report.checks[1];
    assert_eq!(errors.name, "endpoint_error_rate");
    assert!(errors.requests >= 2, "{errors:?}");
    assert!(errors.value.is_some_and(|v| v > 5.0), "{errors:?}");
    assert!(errors.level >= 1);
    assert!(!report.healthy);
}

#[test]
fn slo_crosses_meta_thresholds_over_its_windows() {
    let slo = Slo::new();
    let t0 = 1_800_000_000;
    for i in 0..100 {
        slo.record_at(
            t0 + i,
            Sample {
                latency: Duration::from_millis(if i < 85 { 20 } else { 6_000 }),
                error: i % 10 == 0,
                client_error: i % 50 == 0,
            },
        );
    }
    let r = slo.report_at(t0 + 120);
    let by = |n: &str| r.checks.iter().find(|c| c.name == n).unwrap().clone();
    assert_eq!(by("endpoint_error_rate").value, Some(10.0));
    assert_eq!(by("endpoint_error_rate").level, 2);
    assert_eq!(by("client_error_rate").value, Some(2.0));
    assert_eq!(by("client_error_rate").level, 0);
    assert_eq!(by("endpoint_latency_p90").value, Some(7_000.0));
    assert_eq!(by("endpoint_latency_p90").level, 3);
    assert_eq!(by("endpoint_availability").value, Some(90.0));
    assert_eq!(by("endpoint_availability").level, 0);
    // 31 minutes later the 30-minute windows are empty, the hour still counts.
    let later = slo.report_at(t0 + 31 * 60 + 100);
    assert_eq!(later.checks[1].requests, 0);
    assert_eq!(later.checks[0].requests, 100);
    assert!(later.healthy);
}

/// A `MakeWriter` into a shared buffer.
#[derive(Clone, Default)]
struct Captured(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Captured {
    type Writer = Self;
    fn make_writer(&'a self) -> Self {
        self.clone()
    }
}

#[tokio::test]
async fn the_watch_warns_once_when_a_threshold_is_crossed() {
    let logs = Captured::default();
    let _guard = tracing::subscriber::set_default(
        tracing_subscriber::fmt()
            .with_writer(logs.clone())
            .with_ansi(false)
            .finish(),
    );
    let slo = Slo::new();
    for i in 0..20 {
        slo.record(Sample {
            latency: Duration::from_millis(5),
            error: i % 10 == 0, // 10 %: Meta's second error-rate level; availability stays at 90 %
            client_error: false,
        });
    }
    let watch = tokio::spawn(slo.clone().watch(Duration::from_millis(5)));
    tokio::time::sleep(Duration::from_millis(60)).await;
    watch.abort();
    let text = String::from_utf8(logs.0.lock().unwrap().clone()).unwrap();
    let warns: Vec<&str> = text.lines().filter(|l| l.contains("WARN")).collect();
    assert_eq!(
        warns.len(),
        1,
        "one WARN for one crossing, not one per tick: {text}"
    );
    assert!(warns[0].contains("check=\"endpoint_error_rate\""), "{text}");
    assert!(
        warns[0].contains("meta_alert=\"ENDPOINT_ERROR_RATE\""),
        "{text}"
    );
    assert!(warns[0].contains("value=10"), "{text}");
    assert!(warns[0].contains("threshold=10"), "{text}");
}
