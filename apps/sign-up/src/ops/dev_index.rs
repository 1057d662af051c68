//! `GET /` in development: a short page linking the playground and the endpoint, for loopback
//! `Host` names only (like the other development routes); production has no `/` (404).

use axum::Router;
use axum::middleware::from_fn;
use axum::response::Html;
use axum::routing::get;

use crate::ENDPOINT_PATH;

/// The page.
pub fn page() -> String {
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>sign-up (development)</title></head><body>\n\
         <h1>sign-up: development server</h1>\n<ul>\n\
         <li><a href=\"/playground\">Playground</a>: click through the flow in this browser</li>\n\
         <li>Flow endpoint: <code>POST {ENDPOINT_PATH}</code> (encrypted, as WhatsApp sends it)</li>\n\
         <li><a href=\"/dev/outbox\">Development outbox</a>: reset codes, when they are not sent through the Cloud API</li>\n\
         <li><a href=\"/health/ready\">Readiness</a></li>\n\
         </ul>\n</body></html>\n"
    )
}

/// `GET /`, answering loopback `Host` names only (403 otherwise).
pub fn router() -> Router {
    Router::new()
        .route("/", get(|| async { Html(page()) }))
        .route_layer(from_fn(waflow::playground::require_loopback_host))
}
