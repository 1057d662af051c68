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
            Self::TokenNoLongerValid(_) => TOKEN_NO_LONGER_VALID,
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
    /// No route and no fallback matched: 500. The message names the screens that do have a
    /// handler for the action, so a misspelt screen shows.
    #[error("no handler for {action} on screen {screen:?}; {}", handled_list(.handled))]
    NoHandler {
        /// The action, as WhatsApp writes it (`data_exchange`, `BACK`, ...).
        action: String,
        /// The screen.
        screen: String,
        /// The screens with a handler for this action (a guarded one marked `(guarded)`).
        handled: Vec<String>,
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
            Self::SignatureMissing | Self::SignatureInvalid => SIGNATURE_INVALID,
            Self::Decrypt(_) => DECRYPT_FAILED,
            Self::TokenSignature(_) => TOKEN_NO_LONGER_VALID,
            Self::NoHandler { .. } | Self::Panic | Self::Contract(_) | Self::Mismatch(_) => {
                StatusCode::INTERNAL_SERVER_ERROR
            }
            Self::Flow(e) => e.status(),
        }
    }

    /// The plain-text body this failure is answered with when the answer is not encrypted:
    /// short, fixed per kind, never the cause (which is logged).
    pub fn public_body(&self) -> &'static str {
        match self {
            Self::BodyTooLarge(_) => "payload too large",
            Self::BodyRead | Self::MalformedBody(_) | Self::MalformedRequest(_) => "bad request",
            Self::SignatureMissing | Self::SignatureInvalid => "request signature invalid",
            Self::Decrypt(_) => "cannot decrypt the request",
            Self::TokenSignature(_) | Self::Flow(FlowError::TokenNoLongerValid(_)) => {
                "flow token no longer valid"
            }
            Self::NoHandler { .. }
            | Self::Panic
            | Self::Contract(_)
            | Self::Mismatch(_)
            | Self::Flow(FlowError::Internal(_)) => "internal server error",
        }
    }

    /// The `error_msg` the client shows, sent encrypted when the request could be decrypted:
    /// only for the 427 answers.
    pub fn client_message(&self) -> Option<&str> {
        match self {
            Self::Flow(FlowError::TokenNoLongerValid(m)) => Some(m),
            Self::TokenSignature(_) => Some("Flow token signature is not valid"),
            _ => None,
        }
    }
}

fn handled_list(handled: &[String]) -> String {
    if handled.is_empty() {
        "no handler is registered for this action".to_owned()
    } else {
        format!("handlers exist for: {}", handled.join(", "))
    }
}

/// 421: the request cannot be decrypted (the client refetches the public key and retries).
pub const DECRYPT_FAILED: StatusCode = status(421);

/// 427: the flow token is no longer valid (or its signature does not verify).
pub const TOKEN_NO_LONGER_VALID: StatusCode = status(427);

/// 432: the request signature (`X-Hub-Signature-256`) is missing or invalid.
pub const SIGNATURE_INVALID: StatusCode = status(432);

const fn status(code: u16) -> StatusCode {
    match StatusCode::from_u16(code) {
        Ok(s) => s,
        Err(_) => panic!("not an HTTP status code"),
    }
}

/// 421: the request cannot be decrypted ([`DECRYPT_FAILED`]).
pub fn decrypt_status() -> StatusCode {
    DECRYPT_FAILED
}

/// 427: the flow token is no longer valid ([`TOKEN_NO_LONGER_VALID`]).
pub fn token_status() -> StatusCode {
    TOKEN_NO_LONGER_VALID
}

/// 432: the request signature is invalid ([`SIGNATURE_INVALID`]).
pub fn signature_status() -> StatusCode {
    SIGNATURE_INVALID
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_named_statuses_are_meta_s_numbers() {
        assert_eq!(DECRYPT_FAILED.as_u16(), 421);
        assert_eq!(TOKEN_NO_LONGER_VALID.as_u16(), 427);
        assert_eq!(SIGNATURE_INVALID.as_u16(), 432);
        assert_eq!(token_status(), TOKEN_NO_LONGER_VALID);
    }

    #[test]
    fn each_failure_has_one_public_body_and_only_427s_carry_a_message() {
        let cases = [
            (EndpointError::BodyTooLarge(1), 413, "payload too large"),
            (EndpointError::BodyRead, 400, "bad request"),
            (
                EndpointError::SignatureMissing,
                432,
                "request signature invalid",
            ),
            (
                EndpointError::TokenSignature(JwtError::Signature),
                427,
                "flow token no longer valid",
            ),
            (EndpointError::Panic, 500, "internal server error"),
            (
                EndpointError::Flow(FlowError::internal("secret cause")),
                500,
                "internal server error",
            ),
        ];
        for (err, status, body) in cases {
            assert_eq!(err.status().as_u16(), status, "{err}");
            assert_eq!(err.public_body(), body, "{err}");
            assert_eq!(err.client_message().is_some(), status == 427, "{err}");
        }
        let gone = EndpointError::Flow(FlowError::token_no_longer_valid("Session expired"));
        assert_eq!(gone.client_message(), Some("Session expired"));
    }
}
