//! The flow-token check run before routing (the persistence layer plugs in here), and what it
//! learned, handed to handlers as [`Resolved<T>`](super::Resolved).

use std::any::{Any, TypeId};
use std::future::Future;
use std::sync::Arc;

use super::FlowError;
use crate::BoxFuture;

/// Decides whether a flow token is still valid, before any handler runs, and returns what it
/// learned about it ([`Info`](Self::Info): e.g. the phone the flow was sent to), which handlers
/// take as [`Resolved<Info>`](super::Resolved) without a second lookup.
///
/// Return `Err(FlowError::token_no_longer_valid(..))` to answer 427. Implemented for
/// `Fn(String) -> impl Future<Output = Result<T, FlowError>>` (`T = ()` for a plain check) and
/// by the store's `FlowTokens` (`Info = TokenInfo`).
pub trait TokenResolver: Send + Sync + 'static {
    /// What a valid token resolves to.
    type Info: Clone + Send + Sync + 'static;

    /// Checks one token.
    fn resolve(&self, flow_token: String) -> BoxFuture<Result<Self::Info, FlowError>>;
}

impl<F, Fut, T> TokenResolver for F
where
    F: Fn(String) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<T, FlowError>> + Send + 'static,
    T: Clone + Send + Sync + 'static,
{
    type Info = T;

    fn resolve(&self, flow_token: String) -> BoxFuture<Result<T, FlowError>> {
        Box::pin(self(flow_token))
    }
}

/// A resolved token's info, type-erased while it travels through the pipeline.
pub(crate) type ResolvedInfo = Arc<dyn Any + Send + Sync>;

/// A [`TokenResolver`] with its `Info` erased.
pub(crate) trait ErasedResolver: Send + Sync {
    fn resolve(&self, flow_token: String) -> BoxFuture<Result<ResolvedInfo, FlowError>>;

    /// The type handlers may ask for with `Resolved<T>`.
    fn info_type(&self) -> (TypeId, &'static str);
}

struct Erased<R>(R);

impl<R: TokenResolver> ErasedResolver for Erased<R> {
    fn resolve(&self, flow_token: String) -> BoxFuture<Result<ResolvedInfo, FlowError>> {
        let fut = self.0.resolve(flow_token);
        Box::pin(async move { fut.await.map(|info| Arc::new(info) as ResolvedInfo) })
    }

    fn info_type(&self) -> (TypeId, &'static str) {
        (TypeId::of::<R::Info>(), std::any::type_name::<R::Info>())
    }
}

pub(crate) fn erase_resolver<R: TokenResolver>(resolver: R) -> Arc<dyn ErasedResolver> {
    Arc::new(Erased(resolver))
}
