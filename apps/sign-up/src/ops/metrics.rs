//! The Prometheus recorder and the metrics layers of the app.
//!
//! `metrics` + `metrics-exporter-prometheus` rather than `prometheus-client` or the older
//! `prometheus` crate: `waflow::metrics` records through the `metrics` facade, so any recorder
//! works and a library never picks one; the exporter renders the text format without an HTTP
//! listener of its own (its default features are off), so `/metrics` is an ordinary route on
//! the operations port. Its histograms need [`spawn_upkeep`].

use std::sync::OnceLock;
use std::time::Duration;

use axum::http::header::CONTENT_TYPE;
use axum::response::IntoResponse;
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use tower::Layer as _;
use tower::util::Either;
use waflow::metrics::{FlowMetrics, FlowMetricsLayer, LATENCY_BUCKETS, REQUEST_DURATION, Slo};

use crate::ENDPOINT_PATH;

/// Gauge: how many of Meta's thresholds a check of `/health/slo` crosses (0 = fine), label
/// `check`.
pub const SLO_LEVEL: &str = "sign_up_slo_level";
/// Gauge: the figure of a check of `/health/slo` (percent, or milliseconds for latency), label
/// `check`; NaN while its window holds no request.
pub const SLO_VALUE: &str = "sign_up_slo_value";

/// The installed recorder and the process's SLO windows.
#[derive(Debug, Clone)]
pub struct Installed {
    /// Renders the Prometheus text format.
    pub handle: PrometheusHandle,
    /// Meta's thresholds over this process's requests.
    pub slo: Slo,
}

static INSTALLED: OnceLock<Result<Installed, String>> = OnceLock::new();

/// Installs the Prometheus recorder for this process (once; later calls return the same one).
///
/// # Errors
/// Another recorder was installed first.
pub fn install() -> Result<&'static Installed, String> {
    INSTALLED
        .get_or_init(|| {
            let handle = PrometheusBuilder::new()
                .set_buckets_for_metric(Matcher::Full(REQUEST_DURATION.into()), LATENCY_BUCKETS)
                .and_then(PrometheusBuilder::install_recorder)
                .map_err(|e| format!("installing the Prometheus recorder: {e}"))?;
            waflow::metrics::describe();
            ::metrics::describe_gauge!(SLO_LEVEL, "Meta thresholds crossed by a local SLO check");
            ::metrics::describe_gauge!(SLO_VALUE, "Value of a local SLO check");
            Ok(Installed {
                handle,
                slo: Slo::new(),
            })
        })
        .as_ref()
        .map_err(Clone::clone)
}

/// The recorder, when [`install`] succeeded.
pub fn installed() -> Option<&'static Installed> {
    INSTALLED.get().and_then(|r| r.as_ref().ok())
}

/// `service` (the flow endpoint) counted and timed when the recorder is installed, else as it
/// is. Screen labels are the flow's own screens; any other reads `other`.
pub fn measured<S>(service: S) -> Either<FlowMetrics<S>, S> {
    match installed() {
        Some(installed) => Either::Left(
            FlowMetricsLayer::new(ENDPOINT_PATH)
                .slo(installed.slo.clone())
                .screens(screen_ids())
                .layer(service),
        ),
        None => Either::Right(service),
    }
}

/// The webhook router (`crate::webhook::mount` on an empty router) with
/// [`WebhookMetricsLayer`](waflow::metrics::WebhookMetricsLayer) when the recorder is
/// installed.
pub fn measured_webhook(router: axum::Router) -> axum::Router {
    match installed() {
        Some(_) => router.layer(waflow::metrics::WebhookMetricsLayer),
        None => router,
    }
}

fn screen_ids() -> Vec<String> {
    let flow = crate::flow::sign_up_flow().to_value();
    flow["screens"]
        .as_array()
        .map(|screens| {
            screens
                .iter()
                .filter_map(|s| s["id"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// Runs the exporter's upkeep (drains histogram buckets) every 5 seconds; spawn it once.
pub async fn spawn_upkeep(installed: &'static Installed) {
    let mut ticker = tokio::time::interval(Duration::from_secs(5));
    loop {
        ticker.tick().await;
        installed.handle.run_upkeep();
    }
}

/// `GET /metrics`: the Prometheus text format, with the SLO checks as [`SLO_LEVEL`] and
/// [`SLO_VALUE`] gauges computed at scrape time.
pub async fn render() -> axum::response::Response {
    let Some(installed) = installed() else {
        return axum::http::StatusCode::NOT_FOUND.into_response();
    };
    for check in installed.slo.report().checks {
        ::metrics::gauge!(SLO_LEVEL, "check" => check.name).set(check.level as f64);
        match check.value {
            Some(v) => ::metrics::gauge!(SLO_VALUE, "check" => check.name).set(v),
            None => ::metrics::gauge!(SLO_VALUE, "check" => check.name).set(f64::NAN),
        }
    }
    (
        [(CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")],
        installed.handle.render(),
    )
        .into_response()
}
