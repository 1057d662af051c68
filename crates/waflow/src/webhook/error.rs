//! Why the webhook refused a request, each with its HTTP status.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// A webhook failure. As a response it carries a fixed status and a short plain-text body.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum WebhookError {
    /// `X-Hub-Signature-256` is absent (403).
    #[error("missing X-Hub-Signature-256 header")]
    MissingSignature,
    /// `X-Hub-Signature-256` does not match the body (403).
    #[error("X-Hub-Signature-256 does not match the body")]
    BadSignature,
    /// GET handshake with a wrong mode or verify token (403).
    #[error("verify handshake refused")]
    HandshakeRefused,
    /// GET handshake without `hub.challenge` (400).
    #[error("verify handshake without hub.challenge")]
    MissingChallenge,
    /// The body is not a notification Meta would send (400).
    #[error("malformed notification: {0}")]
    Malformed(String),
    /// A completion's `response_json` does not fit the handler's type (logged, never sent).
    #[error("response_json does not fit the handler's type: {0}")]
    Response(String),
    /// The delivery log failed; answered 500 so Meta delivers again.
    #[error("delivery log failed: {0}")]
    DeliveryLog(String),
}

impl WebhookError {
    /// The HTTP status this error is answered with.
    pub fn status(&self) -> StatusCode {
        match self {
            Self::MissingSignature | Self::BadSignature | Self::HandshakeRefused => {
                StatusCode::FORBIDDEN
            }
            Self::MissingChallenge | Self::Malformed(_) | Self::Response(_) => {
                StatusCode::BAD_REQUEST
            }
            Self::DeliveryLog(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl IntoResponse for WebhookError {
    fn into_response(self) -> Response {
        let body = match &self {
            Self::DeliveryLog(_) => "temporary failure, deliver again".to_owned(),
            other => other.to_string(),
        };
        (self.status(), body).into_response()
    }
}
