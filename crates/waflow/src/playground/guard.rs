//! Browser hardening of the playground: cross-site requests are refused, API bodies must be
//! JSON (or a picker upload with the page's own header), and every answer forbids framing,
//! sniffing, referrers and anything the page does not load from its own origin.

use axum::extract::Request;
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::error::PlaygroundError;

/// What the page may load: its own scripts and styles (no inline code), images from data and
/// blob URLs (Flow JSON images are base64), and nothing may frame it.
pub(crate) const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; \
     style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; \
     object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/// The header the page sends with every picker upload; as a non-safelisted header it forces a
/// CORS preflight, which the playground never grants.
pub(crate) const FILE_NAME_HEADER: &str = "x-file-name";

/// Adds the security headers to every response.
pub(crate) async fn security_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    for (name, value) in [
        (
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CONTENT_SECURITY_POLICY),
        ),
        (header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")),
        (
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ),
        (
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ),
        (
            HeaderName::from_static("cross-origin-resource-policy"),
            HeaderValue::from_static("same-origin"),
        ),
    ] {
        headers.insert(name, value);
    }
    response
}

/// The host a request is addressed to: its `Host` header, else its URI authority.
fn request_host(request: &Request) -> Option<&str> {
    match request.headers().get(header::HOST) {
        Some(host) => host.to_str().ok(),
        None => request.uri().authority().map(|a| a.as_str()),
    }
}

/// Why a state-changing request looks cross-site, if it does.
fn cross_site(request: &Request) -> Option<&'static str> {
    let headers = request.headers();
    if let Some(site) = headers.get("sec-fetch-site") {
        let site = site.as_bytes();
        if site.eq_ignore_ascii_case(b"cross-site") || site.eq_ignore_ascii_case(b"same-site") {
            return Some("the request comes from another site");
        }
    }
    let origin = headers.get(header::ORIGIN)?;
    let origin_host = origin
        .to_str()
        .ok()
        .and_then(|o| o.split_once("://"))
        .map(|(_, authority)| authority);
    match (origin_host, request_host(request)) {
        (Some(origin), Some(host)) if origin.eq_ignore_ascii_case(host) => None,
        _ => Some("the request's Origin is not this playground"),
    }
}

/// Refuses state-changing requests (anything but GET, HEAD and OPTIONS) from another site or
/// origin with 403.
pub(crate) async fn same_origin(request: Request, next: Next) -> Response {
    let safe = [Method::GET, Method::HEAD, Method::OPTIONS].contains(request.method());
    if !safe && let Some(why) = cross_site(&request) {
        return PlaygroundError::Forbidden(why.to_owned()).into_response();
    }
    next.run(request).await
}

/// The media type of the body, lowercased, without parameters.
fn media_type(headers: &HeaderMap) -> Option<String> {
    let value = headers.get(header::CONTENT_TYPE)?.to_str().ok()?;
    let essence = value.split(';').next().unwrap_or_default().trim();
    Some(essence.to_ascii_lowercase())
}

/// Only `application/json` bodies (415 otherwise): a cross-site form or `no-cors` fetch cannot
/// send that type without a preflight.
pub(crate) async fn json_only(request: Request, next: Next) -> Response {
    if media_type(request.headers()).as_deref() != Some("application/json") {
        return PlaygroundError::UnsupportedMediaType(
            "the body must be sent as application/json".into(),
        )
        .into_response();
    }
    next.run(request).await
}

/// Picker uploads: the page's `x-file-name` header is required (400) and the body may not have
/// a type a cross-site form could send (415).
pub(crate) async fn upload_only(request: Request, next: Next) -> Response {
    let headers = request.headers();
    if let Some(essence) = media_type(headers)
        && [
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        ]
        .contains(&essence.as_str())
    {
        return PlaygroundError::UnsupportedMediaType(format!(
            "uploads are raw bytes, not {essence}"
        ))
        .into_response();
    }
    if !headers.contains_key(FILE_NAME_HEADER) {
        return PlaygroundError::BadRequest(format!(
            "an upload carries the file name in the `{FILE_NAME_HEADER}` header"
        ))
        .into_response();
    }
    next.run(request).await
}
