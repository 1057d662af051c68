//! Errors of the playground's API, each with a fixed status.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// Why a playground request failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PlaygroundError {
    /// The flow given to [`Playground::for_flow`](super::Playground::for_flow) could not be
    /// turned into JSON.
    #[error("the flow could not be serialised: {0}")]
    Flow(String),
    /// The request body is not what the route expects.
    #[error("bad request: {0}")]
    BadRequest(String),
    /// An uploaded file is larger than the playground accepts.
    #[error("the file is {size} bytes, more than the {limit} bytes allowed")]
    TooLarge {
        /// Size of the upload.
        size: usize,
        /// Largest accepted size.
        limit: usize,
    },
    /// No uploaded file has this id.
    #[error("no media with id {0}")]
    UnknownMedia(String),
    /// Encrypting a file failed.
    #[error("media encryption failed")]
    Crypto,
    /// The endpoint could not be reached or answered nonsense.
    #[error("endpoint: {0}")]
    Endpoint(String),
    /// The request carries no session cookie the playground knows (it was never set, the
    /// server restarted, or the session was forgotten): the page starts the flow again.
    #[error("no playground session: start the flow again")]
    NoSession,
    /// The request comes from another site or origin.
    #[error("forbidden: {0}")]
    Forbidden(String),
    /// The request body has a content type the route does not accept.
    #[error("unsupported media type: {0}")]
    UnsupportedMediaType(String),
    /// A request body is larger than the route accepts.
    #[error("the request body is larger than the {limit} bytes allowed")]
    BodyTooLarge {
        /// Largest accepted size.
        limit: usize,
    },
    /// A completion refers to more uploads than a flow can hold.
    #[error("the payload refers to more than {limit} uploaded files")]
    TooManyMedia {
        /// Most media entries accepted in one completion.
        limit: usize,
    },
    /// Too many uploads are running at once; try again.
    #[error("another upload is still running, try again")]
    Busy,
}

impl PlaygroundError {
    /// The HTTP status this error is answered with.
    pub fn status(&self) -> StatusCode {
        match self {
            Self::Flow(_) | Self::Crypto => StatusCode::INTERNAL_SERVER_ERROR,
            Self::BadRequest(_) | Self::TooManyMedia { .. } => StatusCode::BAD_REQUEST,
            Self::TooLarge { .. } | Self::BodyTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            Self::NoSession => StatusCode::UNAUTHORIZED,
            Self::Forbidden(_) => StatusCode::FORBIDDEN,
            Self::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::Busy => StatusCode::SERVICE_UNAVAILABLE,
            Self::UnknownMedia(_) => StatusCode::NOT_FOUND,
            Self::Endpoint(_) => StatusCode::BAD_GATEWAY,
        }
    }
}

impl IntoResponse for PlaygroundError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({ "error": self.to_string() });
        (self.status(), Json(body)).into_response()
    }
}
