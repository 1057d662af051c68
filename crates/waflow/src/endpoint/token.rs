//! The flow-token check run before routing (the persistence layer plugs in here).

use std::future::Future;

use super::FlowError;
use super::handler::BoxFuture;

/// Decides whether a flow token is still valid, before any handler runs.
///
/// Return `Err(FlowError::token_no_longer_valid(..))` to answer 427. Implemented for
/// `Fn(String) -> impl Future<Output = Result<(), FlowError>>`.
pub trait TokenResolver: Send + Sync + 'static {
    /// Checks one token.
    fn check(&self, flow_token: String) -> BoxFuture<Result<(), FlowError>>;
}

impl<F, Fut> TokenResolver for F
where
    F: Fn(String) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<(), FlowError>> + Send + 'static,
{
    fn check(&self, flow_token: String) -> BoxFuture<Result<(), FlowError>> {
        Box::pin(self(flow_token))
    }
}
