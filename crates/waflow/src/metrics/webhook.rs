//! [`WebhookMetricsLayer`]: deliveries by answer, updates by kind, and Meta's `field: flows`
//! alerts folded into gauges.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use axum::body::Body;
use http_body_util::BodyExt as _;
use metrics::{counter, gauge};

use super::names::{
    FLOWS_ALERT_ACTIVE, FLOWS_ALERT_VALUE, FLOWS_EVENTS, FLOWS_STATUS, WEBHOOK_DELIVERIES,
    WEBHOOK_UPDATES,
};
use crate::webhook::{FlowEvent, Update};

/// Largest webhook body the layer reads (Meta's notifications are a few KiB); larger ones are
/// answered 413.
const MAX_BODY: usize = 1 << 20;

/// Wraps the webhook router (`Webhook::into_router`): counts POSTs by status, the updates of
/// accepted ones by kind, and folds `field: flows` events into [`FLOWS_STATUS`],
/// [`FLOWS_ALERT_ACTIVE`] and [`FLOWS_ALERT_VALUE`]. Only bodies the webhook accepted (200,
/// so signed by Meta) are folded. Duplicates are counted by the webhook itself
/// ([`WEBHOOK_DUPLICATES`](super::WEBHOOK_DUPLICATES)).
///
/// ```
/// use axum::Router;
/// use secrecy::SecretString;
/// use waflow::metrics::WebhookMetricsLayer;
/// use waflow::webhook::Webhook;
///
/// let webhook = Webhook::new(SecretString::from("verify"), SecretString::from("secret"));
/// let app: Router = Router::new().nest("/webhook", webhook.into_router().layer(WebhookMetricsLayer));
/// # drop(app);
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct WebhookMetricsLayer;

impl<S> tower::Layer<S> for WebhookMetricsLayer {
    type Service = WebhookMetrics<S>;

    fn layer(&self, inner: S) -> WebhookMetrics<S> {
        WebhookMetrics { inner }
    }
}

/// The service made by [`WebhookMetricsLayer`].
#[derive(Debug, Clone)]
pub struct WebhookMetrics<S> {
    inner: S,
}

type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send>>;

impl<S, RB> tower::Service<http::Request<Body>> for WebhookMetrics<S>
where
    S: tower::Service<http::Request<Body>, Response = http::Response<RB>> + Clone + Send + 'static,
    S::Future: Send + 'static,
    S::Error: Send + 'static,
    RB: From<&'static str> + Send + 'static,
{
    type Response = http::Response<RB>;
    type Error = S::Error;
    type Future = BoxFuture<Result<Self::Response, Self::Error>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: http::Request<Body>) -> Self::Future {
        let clone = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, clone);
        Box::pin(async move {
            if req.method() != http::Method::POST {
                return inner.call(req).await;
            }
            let (parts, body) = req.into_parts();
            let Ok(collected) = http_body_util::Limited::new(body, MAX_BODY).collect().await else {
                counter!(WEBHOOK_DELIVERIES, "status" => "413").increment(1);
                let mut res = http::Response::new(RB::from("payload too large"));
                *res.status_mut() = http::StatusCode::PAYLOAD_TOO_LARGE;
                return Ok(res);
            };
            let bytes = collected.to_bytes();
            let result = inner
                .call(http::Request::from_parts(parts, Body::from(bytes.clone())))
                .await;
            if let Ok(res) = &result {
                let status = res.status();
                counter!(WEBHOOK_DELIVERIES, "status" => status.as_u16().to_string()).increment(1);
                if status == http::StatusCode::OK {
                    for update in Update::parse_body(&bytes).unwrap_or_default() {
                        fold(&update);
                    }
                }
            }
            result
        })
    }
}

/// Counts one accepted update; a flow event also sets the flow's gauges.
pub fn fold(update: &Update) {
    let kind = match update {
        Update::Message(_) => "message",
        Update::FlowCompletion(_) => "flow_completion",
        Update::Status(_) => "status",
        Update::FlowEvent(_) => "flow_event",
        Update::Other { .. } => "other",
    };
    counter!(WEBHOOK_UPDATES, "kind" => kind).increment(1);
    if let Update::FlowEvent(event) = update {
        fold_event(event);
    }
}

fn fold_event(event: &FlowEvent) {
    let active = |state: &str| if state == "ACTIVATED" { 1.0 } else { 0.0 };
    let (name, alert): (String, Option<(&str, &str, f64)>) = match event {
        FlowEvent::StatusChange {
            flow_id,
            old_status,
            new_status,
            ..
        } => {
            if let Some(old) = old_status {
                gauge!(FLOWS_STATUS, "flow_id" => flow_id.clone(), "status" => old.clone())
                    .set(0.0);
            }
            gauge!(FLOWS_STATUS, "flow_id" => flow_id.clone(), "status" => new_status.clone())
                .set(1.0);
            ("FLOW_STATUS_CHANGE".into(), None)
        }
        FlowEvent::ClientErrorRate(a) => (
            "CLIENT_ERROR_RATE".into(),
            Some((&a.flow_id, &a.alert_state, a.error_rate)),
        ),
        FlowEvent::EndpointErrorRate(a) => (
            "ENDPOINT_ERROR_RATE".into(),
            Some((&a.flow_id, &a.alert_state, a.error_rate)),
        ),
        FlowEvent::EndpointLatency {
            flow_id,
            p90_latency,
            alert_state,
            ..
        } => (
            "ENDPOINT_LATENCY".into(),
            Some((flow_id, alert_state, *p90_latency)),
        ),
        FlowEvent::EndpointAvailability {
            flow_id,
            availability,
            alert_state,
            ..
        } => (
            "ENDPOINT_AVAILABILITY".into(),
            Some((flow_id, alert_state, *availability)),
        ),
        FlowEvent::VersionExpiryWarning { .. } => ("FLOW_VERSION_EXPIRY_WARNING".into(), None),
        FlowEvent::Other { event, .. } => (bounded(event), None),
    };
    if let Some((flow_id, state, value)) = alert {
        gauge!(FLOWS_ALERT_ACTIVE, "flow_id" => flow_id.to_owned(), "alert" => name.clone())
            .set(active(state));
        gauge!(FLOWS_ALERT_VALUE, "flow_id" => flow_id.to_owned(), "alert" => name.clone())
            .set(value);
    }
    counter!(FLOWS_EVENTS, "event" => name).increment(1);
}

fn bounded(text: &str) -> String {
    text.chars().take(64).collect()
}
