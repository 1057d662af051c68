//! Where the playground's data-exchange requests go.

use std::fmt;
use std::sync::Arc;

use serde::Serialize;
use serde_json::Value;

use super::canned::CannedResponses;

/// The crate's boxed future, as returned by [`Exchanger::exchange`].
pub use crate::BoxFuture;

/// What happened to one data-exchange request, as the page shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExchangeOutcome {
    /// HTTP status of the endpoint's answer (`None` when there was no answer).
    pub status: Option<u16>,
    /// The decrypted request that was sent.
    pub request: Value,
    /// The decrypted response (for 427 the decrypted `{"error_msg": ...}` body).
    pub response: Option<Value>,
    /// Whether the request was sent twice (after a 421, as the WhatsApp client does).
    pub retried: bool,
    /// Why there was no usable answer.
    pub error: Option<String>,
    /// No canned answer exists: the page asks the developer for one.
    pub missing: bool,
}

impl ExchangeOutcome {
    /// A 200 answer.
    pub fn answered(request: Value, response: Value) -> Self {
        Self {
            status: Some(200),
            request,
            response: Some(response),
            retried: false,
            error: None,
            missing: false,
        }
    }

    /// No answer at all (connection refused, timeout, garbage).
    pub fn failed(request: Value, error: impl Into<String>) -> Self {
        Self {
            status: None,
            request,
            response: None,
            retried: false,
            error: Some(error.into()),
            missing: false,
        }
    }
}

/// Sends one decrypted request the way the WhatsApp client does and reports what came back.
///
/// [`FlowClient`](crate::testing::FlowClient) implements it: it encrypts the request, posts it to
/// the endpoint (in-process or over HTTP) and decrypts the answer.
pub trait Exchanger: Send + Sync + 'static {
    /// Sends `request` (`{version, action, screen, data, flow_token}`).
    fn exchange(&self, request: Value) -> BoxFuture<ExchangeOutcome>;

    /// A short description for the page, e.g. the endpoint URL.
    fn describe(&self) -> String {
        "endpoint".to_owned()
    }
}

/// The other side of the playground: a real endpoint or canned answers.
#[derive(Clone)]
#[non_exhaustive]
pub enum Target {
    /// Requests are encrypted and sent to an endpoint.
    Endpoint(Arc<dyn Exchanger>),
    /// Answers come from a JSON document or from the editor in the page.
    Canned(CannedResponses),
}

impl Target {
    /// An endpoint target from anything that can exchange requests.
    pub fn endpoint<E>(client: E) -> Self
    where
        E: Exchanger,
    {
        Self::Endpoint(Arc::new(client))
    }

    /// An endpoint target that the page describes as `label` (e.g. the endpoint's URL).
    pub fn endpoint_labelled<E>(client: E, label: impl Into<String>) -> Self
    where
        E: Exchanger,
    {
        Self::Endpoint(Arc::new(Labelled {
            inner: client,
            label: label.into(),
        }))
    }

    pub(crate) fn mode(&self) -> &'static str {
        match self {
            Self::Endpoint(_) => "endpoint",
            Self::Canned(_) => "canned",
        }
    }

    pub(crate) fn describe(&self) -> String {
        match self {
            Self::Endpoint(e) => e.describe(),
            Self::Canned(_) => "canned responses".to_owned(),
        }
    }

    pub(crate) async fn exchange(&self, request: Value) -> ExchangeOutcome {
        match self {
            Self::Endpoint(e) => e.exchange(request).await,
            Self::Canned(canned) => {
                let action = request.get("action").and_then(Value::as_str).unwrap_or("");
                let screen = request.get("screen").and_then(Value::as_str);
                match canned.lookup(action, screen) {
                    Some(Value::Object(mut response)) if response.contains_key("__status") => {
                        let status = response
                            .remove("__status")
                            .and_then(|s| s.as_u64())
                            .and_then(|s| u16::try_from(s).ok());
                        ExchangeOutcome {
                            status,
                            response: Some(Value::Object(response)),
                            ..ExchangeOutcome::failed(request, "simulated status")
                        }
                    }
                    Some(response) => ExchangeOutcome::answered(request, response),
                    None => ExchangeOutcome {
                        missing: true,
                        ..ExchangeOutcome::failed(request, "no canned response")
                    },
                }
            }
        }
    }
}

impl fmt::Debug for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Endpoint(e) => f.debug_tuple("Endpoint").field(&e.describe()).finish(),
            Self::Canned(c) => f.debug_tuple("Canned").field(c).finish(),
        }
    }
}

impl From<CannedResponses> for Target {
    fn from(canned: CannedResponses) -> Self {
        Self::Canned(canned)
    }
}

struct Labelled<E> {
    inner: E,
    label: String,
}

impl<E> Exchanger for Labelled<E>
where
    E: Exchanger,
{
    fn exchange(&self, request: Value) -> BoxFuture<ExchangeOutcome> {
        self.inner.exchange(request)
    }

    fn describe(&self) -> String {
        self.label.clone()
    }
}
