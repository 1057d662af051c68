//! The store's flow tokens as the endpoint's token check: unknown, expired, closed tokens (and,
//! with [`FlowTokens::for_flow`], tokens of another flow) are answered 427 with a clear message
//! before any handler runs.

use crate::endpoint::{BoxFuture, FlowError, TokenResolver};

use super::{FlowTokens, TokenError, TokenInfo};

/// [`FlowTokens`] as a token check that also requires the token's flow id; see
/// [`FlowTokens::for_flow`].
#[derive(Debug, Clone)]
pub struct FlowTokenCheck {
    tokens: FlowTokens,
    flow_id: String,
}

impl FlowTokens {
    /// The endpoint's token check for one flow: a token issued for another `flow_id` is refused
    /// like an unknown one (427), so a token of one flow cannot drive another on the same store.
    pub fn for_flow(&self, flow_id: impl Into<String>) -> FlowTokenCheck {
        FlowTokenCheck {
            tokens: self.clone(),
            flow_id: flow_id.into(),
        }
    }
}

fn refused(e: TokenError) -> FlowError {
    match e {
        TokenError::Store(e) => FlowError::internal(e),
        refused => FlowError::token_no_longer_valid(refused.to_string()),
    }
}

/// Handlers take the resolved token as `Resolved<TokenInfo>` (one lookup per request).
impl TokenResolver for FlowTokens {
    type Info = TokenInfo;

    fn resolve(&self, flow_token: String) -> BoxFuture<Result<TokenInfo, FlowError>> {
        let tokens = self.clone();
        Box::pin(async move { tokens.resolve(&flow_token).await.map_err(refused) })
    }
}

/// Handlers take the resolved token as `Resolved<TokenInfo>` (one lookup per request).
impl TokenResolver for FlowTokenCheck {
    type Info = TokenInfo;

    fn resolve(&self, flow_token: String) -> BoxFuture<Result<TokenInfo, FlowError>> {
        let check = self.clone();
        Box::pin(async move {
            let info = check.tokens.resolve(&flow_token).await.map_err(refused)?;
            if info.flow_id == check.flow_id {
                Ok(info)
            } else {
                Err(refused(TokenError::OtherFlow))
            }
        })
    }
}
