//! Typed failures and their fixed HTTP statuses.

use http::StatusCode;

use crate::crypto::DecryptError;
use crate::crypto::jwt::JwtError;

/// What a handler (or the token check) can fail with.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FlowError {
    /// The flow token is no longer valid: HTTP 427, body (encrypted) `{"error_msg": message}`.
    #[error("flow token no longer valid: {0}")]
    TokenNoLongerValid(String),
    /// Anything else: HTTP 500 with a generic body; the cause is logged, never sent.
    #[error("internal error: {0}")]
    Internal(Box<dyn std::error::Error + Send + Sync>),
}

impl FlowError {
    /// 427 with the message the client shows.
    pub fn token_no_longer_valid(message: impl Into<String>) -> Self {
        Self::TokenNoLongerValid(message.into())
    }

    /// 500; the cause is logged only.
    pub fn internal(cause: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Self {
        Self::Internal(cause.into())
    }

    /// The HTTP status this error is answered with.
    pub fn status(&self) -> StatusCode {
        match self {
            Self::TokenNoLongerValid(_) => token_status(),
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

/// Every way a request can fail before or around the handler, with its fixed status.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EndpointError {
    /// The body is over the limit: 413.
    #[error("request body over {0} bytes")]
    BodyTooLarge(usize),
    /// The body could not be read: 400.
    #[error("request body could not be read")]
    BodyRead,
    /// `X-Hub-Signature-256` is missing while an app secret is configured: 432.
    #[error("X-Hub-Signature-256 missing")]
    SignatureMissing,
    /// `X-Hub-Signature-256` does not match: 432.
    #[error("X-Hub-Signature-256 does not match")]
    SignatureInvalid,
    /// The body is not the encrypted-request JSON: 400.
    #[error("malformed request body: {0}")]
    MalformedBody(String),
    /// The request cannot be decrypted: 421 (the client refetches the public key and retries).
    #[error("cannot decrypt the request: {0}")]
    Decrypt(#[from] DecryptError),
    /// The decrypted payload is not a flow request: 400.
    #[error("malformed decrypted request: {0}")]
    MalformedRequest(String),
    /// `flow_token_signature` does not verify: 427.
    #[error("flow_token_signature rejected: {0}")]
    TokenSignature(#[from] JwtError),
    /// No route and no fallback matched: 500.
    #[error("no handler for action {action:?} on screen {screen:?}")]
    NoHandler {
        /// The action.
        action: String,
        /// The screen.
        screen: String,
    },
    /// The handler panicked: 500.
    #[error("handler panicked")]
    Panic,
    /// The response breaks the flow's contract and the policy refuses it: 500.
    #[error("the response breaks the flow's contract: {0}")]
    Contract(String),
    /// The endpoint's handlers do not match its flow (built with `with_state`): 500.
    #[error("{0}")]
    Mismatch(std::sync::Arc<super::FlowMismatch>),
    /// A handler or the token check failed.
    #[error(transparent)]
    Flow(#[from] FlowError),
}

impl EndpointError {
    /// The HTTP status of this failure.
    pub fn status(&self) -> StatusCode {
        match self {
            Self::BodyTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            Self::BodyRead | Self::MalformedBody(_) | Self::MalformedRequest(_) => {
                StatusCode::BAD_REQUEST
            }
            Self::SignatureMissing | Self::SignatureInvalid => signature_status(),
            Self::Decrypt(_) => decrypt_status(),
            Self::TokenSignature(_) => token_status(),
            Self::NoHandler { .. } | Self::Panic | Self::Contract(_) | Self::Mismatch(_) => {
                StatusCode::INTERNAL_SERVER_ERROR
            }
            Self::Flow(e) => e.status(),
        }
    }
}

fn code(n: u16) -> StatusCode {
    StatusCode::from_u16(n).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// 421: the request cannot be decrypted.
pub fn decrypt_status() -> StatusCode {
    code(421)
}

/// 427: the flow token is no longer valid.
pub fn token_status() -> StatusCode {
    code(427)
}

/// 432: the request signature is invalid.
pub fn signature_status() -> StatusCode {
    code(432)
}
