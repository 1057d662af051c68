//! Errors of the Graph API client: Meta's typed error object and everything that can go wrong
//! before one arrives.

use serde::Deserialize;

/// The `error` object Meta returns with every failed Graph API call.
///
/// ```json
/// {"error":{"message":"…","type":"OAuthException","code":100,"error_subcode":2494010,
///           "error_user_title":"…","error_user_msg":"…","fbtrace_id":"A…"}}
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct GraphError {
    /// Meta's error code, e.g. `100`, `139002`, `131009`.
    pub code: i64,
    /// The finer error subcode when Meta gives one.
    #[serde(default, rename = "error_subcode")]
    pub subcode: Option<i64>,
    /// Meta's message.
    #[serde(default)]
    pub message: String,
    /// The error type, e.g. `OAuthException`.
    #[serde(default, rename = "type")]
    pub error_type: Option<String>,
    /// The title Meta suggests showing to a person.
    #[serde(default)]
    pub error_user_title: Option<String>,
    /// The message Meta suggests showing to a person.
    #[serde(default)]
    pub error_user_msg: Option<String>,
    /// Extra data (`error_data`), kept raw: its shape varies by error.
    #[serde(default)]
    pub error_data: Option<serde_json::Value>,
    /// Meta's trace id, quote it when asking Meta for help.
    #[serde(default)]
    pub fbtrace_id: Option<String>,
}

impl std::fmt::Display for GraphError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Meta error {}", self.code)?;
        if let Some(sub) = self.subcode {
            write!(f, " (subcode {sub})")?;
        }
        write!(f, ": {}", self.message)?;
        if let Some(msg) = &self.error_user_msg {
            write!(f, " — {msg}")?;
        }
        if let Some(trace) = &self.fbtrace_id {
            write!(f, " [fbtrace_id {trace}]")?;
        }
        Ok(())
    }
}

/// Envelope `{"error": {...}}`.
#[derive(Debug, Deserialize)]
pub(crate) struct GraphErrorEnvelope {
    pub(crate) error: GraphError,
}

/// Everything a [`Client`](super::Client) call can fail with.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CloudError {
    /// Meta answered with its error object.
    #[error("{error} (HTTP {status})")]
    Graph {
        /// The HTTP status of the answer.
        status: u16,
        /// Meta's error (boxed: it is large).
        error: Box<GraphError>,
    },
    /// Meta answered with a non-success status and a body that is not its error object.
    #[error("HTTP {status} from the Graph API: {body}")]
    Http {
        /// The HTTP status.
        status: u16,
        /// The start of the body (at most 500 characters).
        body: String,
    },
    /// The request did not complete within the configured timeout.
    #[error("the Graph API did not answer within the timeout")]
    Timeout,
    /// The request could not be sent or the answer could not be read.
    #[error("transport error talking to the Graph API: {0}")]
    Transport(#[source] reqwest::Error),
    /// A success answer whose JSON does not have the expected shape.
    #[error("unexpected answer from the Graph API: {0}")]
    Decode(#[source] serde_json::Error),
    /// A call needs a setting the client was built without (e.g. `waba_id`).
    #[error("the client has no {0}; set it on the builder (or the matching WAFLOW_* variable)")]
    MissingConfig(&'static str),
    /// The builder was given a value that cannot work (e.g. an unparsable base URL).
    #[error("invalid client configuration: {0}")]
    InvalidConfig(String),
    /// A request was rejected before it was sent (e.g. a `flow_cta` over 20 characters).
    #[error("invalid request: {0}")]
    InvalidRequest(String),
}

impl CloudError {
    /// Meta's error when the call failed with one.
    pub fn graph(&self) -> Option<&GraphError> {
        match self {
            Self::Graph { error, .. } => Some(error),
            _ => None,
        }
    }
}
