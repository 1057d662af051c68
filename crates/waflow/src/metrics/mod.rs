//! Metrics for operating a flow endpoint (feature `metrics`, off by default), through the
//! [`metrics`] facade: install any recorder (e.g. `metrics-exporter-prometheus` for the
//! Prometheus text format) and add the layers.
//!
//! - [`FlowMetricsLayer`] around a `FlowEndpoint`: [`REQUESTS`] by action, screen and status
//!   (`200`, `421`, `427`, `432`, `4xx`, `500`), [`REQUEST_DURATION`] (histogram, buckets
//!   [`LATENCY_BUCKETS`]), [`DECRYPT_FAILURES`], [`SIGNATURE_FAILURES`], [`HANDLER_ERRORS`],
//!   [`TOKEN_OUTCOMES`], [`CLIENT_ERRORS`]; optionally feeds an [`Slo`].
//! - [`span_labels`], a `tracing-subscriber` layer that gives it the action and screen (they
//!   are inside the encrypted body; the endpoint records them on its `flow_request` span).
//! - [`WebhookMetricsLayer`] around the webhook router (feature `webhook`):
//!   [`WEBHOOK_DELIVERIES`], [`WEBHOOK_UPDATES`], [`WEBHOOK_DUPLICATES`], and Meta's `flows`
//!   alerts as [`FLOWS_STATUS`], [`FLOWS_ALERT_ACTIVE`], [`FLOWS_ALERT_VALUE`], [`FLOWS_EVENTS`].
//! - [`Slo`]: Meta's thresholds over Meta's windows, computed locally (`/health/slo`).
//!
//! ```
//! use axum::Router;
//! use tower::Layer as _;
//! use waflow::crypto::PrivateKey;
//! use waflow::endpoint::FlowEndpoint;
//! use waflow::metrics::{FlowMetricsLayer, Slo};
//!
//! let key = waflow::crypto::KeyPair::generate().unwrap().private_key().clone();
//! let slo = Slo::new();
//! let layer = FlowMetricsLayer::new("/flow").slo(slo.clone());
//! let app: Router = Router::new().route_service("/flow", layer.layer(FlowEndpoint::new(key)));
//! assert!(slo.report().healthy);
//! # drop(app);
//! ```

mod labels;
mod layer;
mod names;
mod slo;
#[cfg(feature = "webhook")]
mod webhook;

pub use labels::{SpanLabels, SpanLabelsLayer, span_labels};
pub use layer::{FlowMetrics, FlowMetricsLayer};
pub use names::*;
pub use slo::{Sample, Slo, SloCheck, SloReport};
#[cfg(feature = "webhook")]
pub use webhook::{WebhookMetrics, WebhookMetricsLayer, fold};
