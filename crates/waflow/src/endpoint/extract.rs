//! Handler arguments: [`State`], [`Payload`], [`WholeRequest`], [`FlowToken`], [`Resolved`],
//! [`VerifiedClaims`].

use std::any::{TypeId, type_name};

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::token::ResolvedInfo;
use super::{FlowError, FlowRequest, FlowResponse};

/// What extractors read from: the decrypted request, the token claims when verified, and what
/// the endpoint's token check resolved the token to.
#[derive(Clone)]
pub struct RequestContext {
    /// The decrypted request.
    pub request: FlowRequest,
    /// Claims of a verified `flow_token_signature`.
    pub claims: Option<Value>,
    pub(crate) token_info: Option<ResolvedInfo>,
}

impl RequestContext {
    pub(crate) fn new(request: FlowRequest, claims: Option<Value>) -> Self {
        Self {
            request,
            claims,
            token_info: None,
        }
    }

    /// What the endpoint's token check resolved this request's token to, if it was of type `T`.
    pub fn token_info<T: 'static>(&self) -> Option<&T> {
        self.token_info.as_deref()?.downcast_ref::<T>()
    }
}

impl std::fmt::Debug for RequestContext {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RequestContext")
            .field("request", &self.request)
            .field("claims", &self.claims)
            .field("token_info", &self.token_info.is_some())
            .finish()
    }
}

/// Why an extractor refused; turned into a response without calling the handler.
#[derive(Debug)]
#[non_exhaustive]
pub enum Rejection {
    /// Answer with this response (e.g. the same screen with an `error_message`).
    Respond(FlowResponse),
    /// Fail with this error.
    Fail(FlowError),
}

/// Builds a handler argument from the request.
pub trait FromFlowRequest<S>: Sized {
    /// Extracts the value.
    ///
    /// # Errors
    /// A [`Rejection`] that answers the request instead of the handler.
    fn from_flow_request(ctx: &RequestContext, state: &S) -> Result<Self, Rejection>;

    /// The payload fields this extractor reads, when it reads the payload as a struct; the
    /// endpoint checks them against the flow's `data_exchange` payloads at start-up.
    fn payload_fields() -> Option<&'static [&'static str]> {
        None
    }

    /// The type this extractor needs the token check to resolve tokens to ([`Resolved<T>`]);
    /// the endpoint checks it against its [`TokenResolver`](super::TokenResolver) at start-up.
    fn token_info_type() -> Option<(TypeId, &'static str)> {
        None
    }
}

/// The endpoint's shared state (set with `FlowEndpoint::with_state`).
#[derive(Debug, Clone, Copy, Default)]
pub struct State<S>(pub S);

impl<S> FromFlowRequest<S> for State<S>
where
    S: Clone,
{
    fn from_flow_request(_: &RequestContext, state: &S) -> Result<Self, Rejection> {
        Ok(Self(state.clone()))
    }
}

/// The screen's payload as your own `#[derive(Deserialize)]` type.
///
/// A payload that does not fit is answered with the same screen and an `error_message`
/// (never a 500).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payload<T>(pub T);

impl<S, T> FromFlowRequest<S> for Payload<T>
where
    T: DeserializeOwned,
{
    fn from_flow_request(ctx: &RequestContext, _: &S) -> Result<Self, Rejection> {
        let data = match &ctx.request.data {
            Value::Null => &Value::Object(serde_json::Map::new()),
            other => other,
        };
        serde_path_to_error::deserialize(data)
            .map(Self)
            .map_err(|e| {
                let message = payload_error_message(&e);
                tracing::debug!(field = %e.path(), "payload does not fit the handler's type");
                Rejection::Respond(
                    FlowResponse::screen(ctx.request.screen()).error_message(message),
                )
            })
    }

    fn payload_fields() -> Option<&'static [&'static str]> {
        super::fields::struct_fields::<T>()
    }
}

/// What the user sees when the payload does not fit: neutral text, never the developer's
/// (`missing field …`); the field's path goes to the DEBUG log instead (never the value sent,
/// which may be a password).
pub(crate) const PAYLOAD_MISMATCH_MESSAGE: &str = "Please check the form and try again.";

fn payload_error_message(_: &serde_path_to_error::Error<serde_json::Error>) -> &'static str {
    PAYLOAD_MISMATCH_MESSAGE
}

/// The whole decrypted request.
#[derive(Debug, Clone, PartialEq)]
pub struct WholeRequest(pub FlowRequest);

impl<S> FromFlowRequest<S> for WholeRequest {
    fn from_flow_request(ctx: &RequestContext, _: &S) -> Result<Self, Rejection> {
        Ok(Self(ctx.request.clone()))
    }
}

/// The request's flow token; a request without one is answered 427.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlowToken(pub String);

impl<S> FromFlowRequest<S> for FlowToken {
    fn from_flow_request(ctx: &RequestContext, _: &S) -> Result<Self, Rejection> {
        ctx.request
            .flow_token
            .clone()
            .map(Self)
            .ok_or_else(|| Rejection::Fail(FlowError::token_no_longer_valid("Missing flow token")))
    }
}

/// What the endpoint's token check ([`flow_token_check`](super::FlowEndpoint::flow_token_check))
/// resolved the request's token to, e.g. the store's `TokenInfo` with the phone the flow was
/// sent to: one lookup per request, shared by the check and the handler. A handler that asks
/// for a type the check does not produce is refused when the endpoint is built; a request
/// without a token (on a route that allows one to be missing) is answered 427.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved<T>(pub T);

impl<S, T> FromFlowRequest<S> for Resolved<T>
where
    T: Clone + Send + Sync + 'static,
{
    fn from_flow_request(ctx: &RequestContext, _: &S) -> Result<Self, Rejection> {
        match &ctx.token_info {
            None => Err(Rejection::Fail(FlowError::token_no_longer_valid(
                "Missing flow token",
            ))),
            Some(info) => info.downcast_ref::<T>().cloned().map(Self).ok_or_else(|| {
                Rejection::Fail(FlowError::internal(format!(
                    "the handler takes Resolved<{}>, which the token check does not produce",
                    type_name::<T>()
                )))
            }),
        }
    }

    fn token_info_type() -> Option<(TypeId, &'static str)> {
        Some((TypeId::of::<T>(), type_name::<T>()))
    }
}

/// Claims of a verified `flow_token_signature`; a request without a verified signature is
/// answered 427. Use `Option<VerifiedClaims>` to make it optional.
#[derive(Debug, Clone, PartialEq)]
pub struct VerifiedClaims(pub Value);

impl<S> FromFlowRequest<S> for VerifiedClaims {
    fn from_flow_request(ctx: &RequestContext, _: &S) -> Result<Self, Rejection> {
        ctx.claims.clone().map(Self).ok_or_else(|| {
            Rejection::Fail(FlowError::token_no_longer_valid(
                "Flow token signature missing",
            ))
        })
    }
}

impl<S, T> FromFlowRequest<S> for Option<T>
where
    T: FromFlowRequest<S>,
{
    fn from_flow_request(ctx: &RequestContext, state: &S) -> Result<Self, Rejection> {
        Ok(T::from_flow_request(ctx, state).ok())
    }

    fn payload_fields() -> Option<&'static [&'static str]> {
        T::payload_fields()
    }

    fn token_info_type() -> Option<(TypeId, &'static str)> {
        T::token_info_type()
    }
}
