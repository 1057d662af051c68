//! Plain `async fn`s as handlers.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use super::extract::{FromFlowRequest, Rejection, RequestContext};
use super::{FlowError, FlowResponse};

/// The result of a handler.
pub type HandlerResult = Result<FlowResponse, FlowError>;

/// A boxed, sendable future.
pub type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send + 'static>>;

/// An `async fn` whose arguments are extractors and which returns [`HandlerResult`].
///
/// Implemented for functions of up to 6 extractor arguments.
pub trait Handler<T, S>: Clone + Send + Sync + 'static {
    /// Runs the handler.
    fn call(&self, ctx: &RequestContext, state: &S) -> BoxFuture<HandlerResult>;
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
            Fut: Future<Output = HandlerResult> + Send + 'static,
            $($t: FromFlowRequest<S>,)*
        {
            fn call(&self, ctx: &RequestContext, state: &S) -> BoxFuture<HandlerResult> {
                $(
                    let $t = match $t::from_flow_request(ctx, state) {
                        Ok(v) => v,
                        Err(r) => return reject(r),
                    };
                )*
                Box::pin((self)($($t),*))
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
