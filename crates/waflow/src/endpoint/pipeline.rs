//! The HTTP pipeline of [`FlowEndpoint<()>`] as a `tower::Service`: body limit, signature,
//! decryption, ping and error notifications, flow-token checks, the handler, the contract
//! check, encryption. Every failure is answered by [`failure`] from the error's own status and
//! public body.

use std::convert::Infallible;
use std::panic::AssertUnwindSafe;
use std::sync::atomic::Ordering;
use std::task::{Context, Poll};

use axum::body::Body;
use bytes::Bytes;
use futures_util::FutureExt as _;
use http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use http::{HeaderValue, StatusCode};
use http_body_util::BodyExt as _;
use serde_json::Value;
use tracing::Instrument as _;

use super::builder::{Config, FlowEndpoint};
use super::contract::{ResponsePolicy, Violation};
use super::diagnostics::{Diagnostics, InProcessClient};
use super::extract::RequestContext;
use super::handler::BoxFuture;
use super::route::dispatch;
use super::{EndpointError, FlowAction, FlowError, FlowRequest, FlowResponse};
use crate::crypto::jwt::{JwtError, verify_hs256};
use crate::crypto::{EncryptedRequest, ResponseCipher, decrypt_request, verify_signature};

impl tower::Service<http::Request<Body>> for FlowEndpoint<()> {
    type Response = http::Response<Body>;
    type Error = Infallible;
    type Future = BoxFuture<Result<Self::Response, Infallible>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, req: http::Request<Body>) -> Self::Future {
        let config = self.config.clone();
        let span = tracing::info_span!(
            "flow_request",
            action = tracing::field::Empty,
            screen = tracing::field::Empty,
            status = tracing::field::Empty,
        );
        Box::pin(
            async move {
                let response = handle(&config, req).await;
                tracing::Span::current().record("status", response.status().as_u16());
                Ok(response)
            }
            .instrument(span),
        )
    }
}

fn plain(status: StatusCode, body: &'static str) -> http::Response<Body> {
    let mut res = http::Response::new(Body::from(body));
    *res.status_mut() = status;
    res.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    res
}

fn encrypted(status: StatusCode, cipher: &ResponseCipher, json: &[u8]) -> http::Response<Body> {
    let mut res = http::Response::new(Body::from(cipher.encrypt(json)));
    *res.status_mut() = status;
    res.headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
    res
}

/// Answers a failure: 427 encrypted `{"error_msg"}` when a cipher exists, a short plain body
/// otherwise. Nothing sensitive is sent; server-side causes are logged.
fn failure(err: &EndpointError, cipher: Option<&ResponseCipher>) -> http::Response<Body> {
    let status = err.status();
    if status.is_server_error() {
        tracing::error!(error = %err, "request failed");
        if no_subscriber() {
            // Without a tracing subscriber the line above goes nowhere: a 500 must not be silent.
            let line: String = err.to_string().chars().take(1000).collect();
            eprintln!(
                "waflow: request failed ({status}): {} (install a tracing subscriber for waflow's full log)",
                line.escape_debug()
            );
        }
    } else {
        tracing::info!(error = %err, "request rejected");
    }
    match (err.client_message(), cipher) {
        (Some(m), Some(c)) => {
            let body = serde_json::json!({ "error_msg": m }).to_string();
            encrypted(status, c, body.as_bytes())
        }
        _ => plain(status, err.public_body()),
    }
}

async fn read_body(
    config: &Config<()>,
    req: http::Request<Body>,
) -> Result<(http::HeaderMap, Bytes), EndpointError> {
    let limit = config.body_limit;
    let (parts, body) = req.into_parts();
    if let Some(len) = parts
        .headers
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<u64>().ok())
        && len > limit as u64
    {
        return Err(EndpointError::BodyTooLarge(limit));
    }
    let collected = http_body_util::Limited::new(body, limit)
        .collect()
        .await
        .map_err(|e| {
            if e.is::<http_body_util::LengthLimitError>() {
                EndpointError::BodyTooLarge(limit)
            } else {
                EndpointError::BodyRead
            }
        })?;
    Ok((parts.headers, collected.to_bytes()))
}

async fn handle(config: &Config<()>, req: http::Request<Body>) -> http::Response<Body> {
    let in_process = req.extensions().get::<InProcessClient>().is_some();
    let mut diagnostics = Diagnostics::default();
    let mut response = pipeline(config, req, &mut diagnostics).await;
    if in_process && !diagnostics.is_empty() {
        response.extensions_mut().insert(diagnostics);
    }
    response
}

async fn pipeline(
    config: &Config<()>,
    req: http::Request<Body>,
    diagnostics: &mut Diagnostics,
) -> http::Response<Body> {
    let (headers, body) = match read_body(config, req).await {
        Ok(v) => v,
        Err(e) => return failure(&e, None),
    };
    if let Some(secret) = &config.app_secret {
        let Some(header) = headers.get("x-hub-signature-256") else {
            return failure(&EndpointError::SignatureMissing, None);
        };
        let ok = header
            .to_str()
            .is_ok_and(|h| verify_signature(secret, &body, h));
        if !ok {
            return failure(&EndpointError::SignatureInvalid, None);
        }
    }
    let envelope: EncryptedRequest = match serde_json::from_slice(&body) {
        Ok(v) => v,
        Err(e) => return failure(&EndpointError::MalformedBody(e.to_string()), None),
    };
    let (plaintext, cipher) = match decrypt_request(&config.key, &envelope) {
        Ok(v) => v,
        Err(e) => return failure(&EndpointError::Decrypt(e), None),
    };
    drop(body);
    let request: FlowRequest = match serde_json::from_slice(&plaintext) {
        Ok(v) => v,
        Err(e) => return failure(&EndpointError::MalformedRequest(e.to_string()), None),
    };
    let span = tracing::Span::current();
    span.record("action", tracing::field::debug(request.action));
    if let Some(screen) = &request.screen {
        span.record("screen", screen.as_str());
    }
    let answered = match respond(config, request, &mut diagnostics.violations).await {
        Ok(response) => {
            serde_json::to_vec(&response).map_err(|e| EndpointError::Flow(FlowError::internal(e)))
        }
        Err(e) => Err(e),
    };
    match answered {
        Ok(json) => encrypted(StatusCode::OK, &cipher, &json),
        Err(e) => {
            if e.status().is_server_error() {
                diagnostics.server_error = Some(e.to_string());
            }
            failure(&e, Some(&cipher))
        }
    }
}

async fn respond(
    config: &Config<()>,
    request: FlowRequest,
    violations: &mut Vec<Violation>,
) -> Result<FlowResponse, EndpointError> {
    if request.action == FlowAction::Ping {
        return Ok(FlowResponse::data_only(single("status", "active")));
    }
    if let Some(mismatch) = &config.mismatch {
        return Err(EndpointError::Mismatch(mismatch.clone()));
    }
    if let Some(notification) = request.error_notification() {
        // Client-chosen text: bounded and `Debug`-quoted, so it cannot forge or flood log lines.
        let error: String = notification.error.chars().take(200).collect();
        tracing::warn!(?error, "client reported an error");
        if let Some(handler) = &config.notification
            && AssertUnwindSafe(handler(notification))
                .catch_unwind()
                .await
                .is_err()
        {
            tracing::error!("error-notification handler panicked");
        }
        return Ok(FlowResponse::data_only(single("acknowledged", true)));
    }
    let claims = match (&config.app_secret, &request.flow_token_signature) {
        (Some(secret), Some(jwt)) => {
            let claims = verify_hs256(secret, jwt)?;
            // A signature vouches for one token: the request's.
            if claims.get("flow_token").and_then(Value::as_str) != request.flow_token.as_deref() {
                return Err(EndpointError::TokenSignature(JwtError::Signature));
            }
            Some(claims)
        }
        _ => None,
    };
    let mut token_info = None;
    if let Some(check) = &config.token_check {
        match &request.flow_token {
            Some(token) => token_info = Some(check.resolve(token.clone()).await?),
            None if config.token_may_be_missing(&request) => {}
            None => return Err(FlowError::token_no_longer_valid("Missing flow token").into()),
        }
    }
    let handler = dispatch(&config.routes, config.fallback.as_ref(), &request)?;
    let mut ctx = RequestContext::new(request, claims);
    ctx.token_info = token_info;
    let fut = std::panic::catch_unwind(AssertUnwindSafe(|| handler(&ctx, &())))
        .map_err(|_| EndpointError::Panic)?;
    let result = AssertUnwindSafe(fut)
        .catch_unwind()
        .await
        .map_err(|_| EndpointError::Panic)?;
    let response = match (result, &config.error_handler) {
        (Ok(r), _) => r,
        (Err(e), Some(map)) => map(&ctx.request, e)?,
        (Err(e), None) => return Err(e.into()),
    };
    if let Some(Ok(contract)) = &config.contract {
        let found = contract.check_response(&ctx.request, &response);
        if !found.is_empty() {
            config
                .violations
                .fetch_add(found.len() as u64, Ordering::Relaxed);
            for v in &found {
                tracing::warn!(
                    rule = v.rule,
                    "response breaks the flow's contract: {}",
                    v.message
                );
            }
            let refuse = config.policy == ResponsePolicy::Refuse;
            let joined = found.iter().map(ToString::to_string).collect::<Vec<_>>();
            violations.extend(found);
            if refuse {
                return Err(EndpointError::Contract(joined.join("; ")));
            }
        }
    }
    Ok(response)
}

fn single(key: &str, value: impl Into<Value>) -> serde_json::Map<String, Value> {
    let mut map = serde_json::Map::new();
    map.insert(key.to_owned(), value.into());
    map
}

/// Whether no tracing subscriber is in effect here (so `tracing` events are dropped).
fn no_subscriber() -> bool {
    tracing::dispatcher::get_default(|d| d.is::<tracing::subscriber::NoSubscriber>())
}

#[cfg(test)]
mod tests {
    use super::no_subscriber;

    #[test]
    fn a_missing_subscriber_is_noticed() {
        assert!(no_subscriber());
        let subscriber = tracing_subscriber::fmt()
            .with_writer(std::io::sink)
            .finish();
        tracing::subscriber::with_default(subscriber, || assert!(!no_subscriber()));
    }
}
