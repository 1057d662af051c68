//! Plain `async fn`s as handlers.

use std::future::Future;
use std::sync::Arc;

use super::extract::{FromFlowRequest, Rejection, RequestContext};
use super::{FlowError, FlowResponse};

/// The result of a handler.
pub type HandlerResult = Result<FlowResponse, FlowError>;

pub use crate::BoxFuture;

/// What a handler may return: a bare [`FlowResponse`], or a `Result` of one whose error converts
/// into [`FlowError`] (so `?` works on your own error types once they have `From` for it).
pub trait IntoFlowResult {
    /// Converts into the endpoint's result.
    ///
    /// # Errors
    /// The handler's error as a [`FlowError`].
    fn into_flow_result(self) -> HandlerResult;
}

impl IntoFlowResult for FlowResponse {
    fn into_flow_result(self) -> HandlerResult {
        Ok(self)
    }
}

impl<T, E> IntoFlowResult for Result<T, E>
where
    T: IntoFlowResult,
    E: Into<FlowError>,
{
    fn into_flow_result(self) -> HandlerResult {
        self.map_err(Into::into)?.into_flow_result()
    }
}

/// An `async fn` whose arguments are extractors and which returns a [`FlowResponse`] or a
/// `Result<FlowResponse, E>` with `E: Into<FlowError>` ([`IntoFlowResult`]).
///
/// Implemented for functions of up to 6 extractor arguments.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a flow handler",
    label = "not a flow handler",
    note = "a handler is an `async fn` taking up to 6 extractors (`State<S>`, `Payload<T>` with `T: Deserialize`, `WholeRequest`, `FlowToken`, `Resolved<T>`, `VerifiedClaims`, `Option<_>` of them, or your own `FromFlowRequest`) and returning `FlowResponse` or `Result<FlowResponse, E>` where `E: Into<FlowError>`",
    note = "with `with_state(s)`, every `State<S>` argument must have the same `S` as `s`"
)]
pub trait Handler<T, S>: Clone + Send + Sync + 'static {
    /// Runs the handler.
    fn call(&self, ctx: &RequestContext, state: &S) -> BoxFuture<HandlerResult>;

    /// The payload fields its extractors read as a struct (see
    /// [`FromFlowRequest::payload_fields`]).
    fn payload_fields(&self) -> Option<&'static [&'static str]> {
        None
    }

    /// The types its extractors need the token check to resolve to (see
    /// [`FromFlowRequest::token_info_type`]).
    fn token_info_types(&self) -> Vec<(std::any::TypeId, &'static str)> {
        Vec::new()
    }
}

fn reject(r: Rejection) -> BoxFuture<HandlerResult> {
    Box::pin(std::future::ready(match r {
        Rejection::Respond(resp) => Ok(resp),
        Rejection::Fail(e) => Err(e),
    }))
}

macro_rules! impl_handler {
    ($($t:ident),*) => {
        #[allow(non_snake_case, unused_variables)]
        impl<F, Fut, S, $($t,)*> Handler<($($t,)*), S> for F
        where
            F: Fn($($t),*) -> Fut + Clone + Send + Sync + 'static,
            Fut: Future + Send + 'static,
            Fut::Output: IntoFlowResult,
            $($t: FromFlowRequest<S>,)*
        {
            fn call(&self, ctx: &RequestContext, state: &S) -> BoxFuture<HandlerResult> {
                $(
                    let $t = match $t::from_flow_request(ctx, state) {
                        Ok(v) => v,
                        Err(r) => return reject(r),
                    };
                )*
                let fut = (self)($($t),*);
                Box::pin(async move { fut.await.into_flow_result() })
            }

            fn payload_fields(&self) -> Option<&'static [&'static str]> {
                let fields = None;
                $(let fields = fields.or_else($t::payload_fields);)*
                fields
            }

            fn token_info_types(&self) -> Vec<(std::any::TypeId, &'static str)> {
                let types: [Option<(std::any::TypeId, &'static str)>; 0 $(+ { let _ = stringify!($t); 1 })*] =
                    [$($t::token_info_type()),*];
                types.into_iter().flatten().collect()
            }
        }
    };
}

impl_handler!();
impl_handler!(T1);
impl_handler!(T1, T2);
impl_handler!(T1, T2, T3);
impl_handler!(T1, T2, T3, T4);
impl_handler!(T1, T2, T3, T4, T5);
impl_handler!(T1, T2, T3, T4, T5, T6);

/// A type-erased handler that still needs the state `S`.
pub(crate) type ErasedHandler<S> =
    Arc<dyn Fn(&RequestContext, &S) -> BoxFuture<HandlerResult> + Send + Sync>;

pub(crate) fn erase<H, T, S>(handler: H) -> ErasedHandler<S>
where
    H: Handler<T, S>,
    T: 'static,
    S: 'static,
{
    Arc::new(move |ctx, state| handler.call(ctx, state))
}

/// Binds a state to an erased handler.
pub(crate) fn bind<S>(handler: ErasedHandler<S>, state: S) -> ErasedHandler<()>
where
    S: Send + Sync + 'static,
{
    Arc::new(move |ctx, ()| handler(ctx, &state))
}
