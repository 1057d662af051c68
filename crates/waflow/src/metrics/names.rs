//! Metric names, label values and their descriptions.

/// Data-exchange requests, labels `endpoint`, `action`, `screen`, `status`.
pub const REQUESTS: &str = "waflow_flow_requests_total";
/// Request latency in seconds (histogram), labels `endpoint`, `action`.
pub const REQUEST_DURATION: &str = "waflow_flow_request_duration_seconds";
/// Requests answered 421 (cannot decrypt), label `endpoint`.
pub const DECRYPT_FAILURES: &str = "waflow_flow_decrypt_failures_total";
/// Requests answered 432 (`X-Hub-Signature-256` missing or wrong), label `endpoint`.
pub const SIGNATURE_FAILURES: &str = "waflow_flow_signature_failures_total";
/// Requests answered 5xx (a handler, the token check or the database failed), labels
/// `endpoint`, `action`, `screen`.
pub const HANDLER_ERRORS: &str = "waflow_flow_handler_errors_total";
/// Flow-token outcomes of INIT / BACK / `data_exchange` requests, labels `endpoint`, `outcome`
/// (`accepted` when answered 200, `rejected` when answered 427).
pub const TOKEN_OUTCOMES: &str = "waflow_flow_token_outcomes_total";
/// Error notifications sent by the WhatsApp client, labels `endpoint`, `screen`.
pub const CLIENT_ERRORS: &str = "waflow_flow_client_errors_total";
/// Webhook POSTs by answer, label `status` (`200`, `403`, `400`, `500`, ...).
pub const WEBHOOK_DELIVERIES: &str = "waflow_webhook_deliveries_total";
/// Updates in accepted webhook POSTs, label `kind` (`message`, `flow_completion`, `status`,
/// `flow_event`, `other`).
pub const WEBHOOK_UPDATES: &str = "waflow_webhook_updates_total";
/// Webhook updates recognised as duplicate deliveries and ignored.
pub const WEBHOOK_DUPLICATES: &str = "waflow_webhook_duplicates_total";
/// `field: flows` events, label `event` (`FLOW_STATUS_CHANGE`, `ENDPOINT_ERROR_RATE`, ...).
pub const FLOWS_EVENTS: &str = "waflow_flows_events_total";
/// 1 for a flow's current status (last `FLOW_STATUS_CHANGE`), 0 for its previous one, labels
/// `flow_id`, `status`.
pub const FLOWS_STATUS: &str = "waflow_flows_status";
/// 1 while Meta's alert is `ACTIVATED`, 0 once `DEACTIVATED`, labels `flow_id`, `alert`.
pub const FLOWS_ALERT_ACTIVE: &str = "waflow_flows_alert_active";
/// The value Meta reported with its alert, labels `flow_id`, `alert`: error rates and
/// availability in percent, latency as p90 in milliseconds.
pub const FLOWS_ALERT_VALUE: &str = "waflow_flows_alert_value";

/// Histogram buckets for [`REQUEST_DURATION`] in seconds; they include Meta's p90 thresholds
/// (1 s, 5 s, 7 s). Hand them to the exporter, e.g. `PrometheusBuilder::set_buckets_for_metric`.
pub const LATENCY_BUCKETS: &[f64] = &[
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 7.0, 10.0,
];

/// Registers the unit and help text of every waflow metric with the installed recorder. Call it
/// once after installing the recorder.
///
/// ```
/// waflow::metrics::describe();
/// ```
pub fn describe() {
    use metrics::{Unit, describe_counter, describe_gauge, describe_histogram};
    describe_counter!(
        REQUESTS,
        "Flow data-exchange requests by action, screen and status"
    );
    describe_histogram!(REQUEST_DURATION, Unit::Seconds, "Flow request latency");
    describe_counter!(DECRYPT_FAILURES, "Requests answered 421 (cannot decrypt)");
    describe_counter!(SIGNATURE_FAILURES, "Requests answered 432 (bad signature)");
    describe_counter!(HANDLER_ERRORS, "Requests answered 5xx");
    describe_counter!(
        TOKEN_OUTCOMES,
        "Flow token checks: accepted (200) or rejected (427)"
    );
    describe_counter!(
        CLIENT_ERRORS,
        "Error notifications sent by WhatsApp clients"
    );
    describe_counter!(WEBHOOK_DELIVERIES, "Webhook POSTs by HTTP status");
    describe_counter!(WEBHOOK_UPDATES, "Updates in accepted webhook POSTs by kind");
    describe_counter!(WEBHOOK_DUPLICATES, "Duplicate webhook deliveries ignored");
    describe_counter!(FLOWS_EVENTS, "field=flows webhook events by event");
    describe_gauge!(
        FLOWS_STATUS,
        "1 for the flow's current status, 0 for the previous one"
    );
    describe_gauge!(FLOWS_ALERT_ACTIVE, "1 while Meta's flow alert is ACTIVATED");
    describe_gauge!(FLOWS_ALERT_VALUE, "Value reported with Meta's flow alert");
}

/// The `status` label of a response: `200`, `421`, `427`, `432`, `4xx` (other client errors),
/// `500` (any server error) or `other`.
pub fn status_label(status: http::StatusCode) -> &'static str {
    match status.as_u16() {
        200 => "200",
        421 => "421",
        427 => "427",
        432 => "432",
        400..=499 => "4xx",
        500..=599 => "500",
        _ => "other",
    }
}
