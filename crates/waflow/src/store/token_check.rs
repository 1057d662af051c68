//! The store's flow tokens as the endpoint's token check: unknown, expired or closed tokens are
//! answered 427 with a clear message before any handler runs.

use crate::endpoint::{BoxFuture, FlowError, TokenResolver};

use super::{FlowTokens, TokenError};

impl TokenResolver for FlowTokens {
    fn check(&self, flow_token: String) -> BoxFuture<Result<(), FlowError>> {
        let tokens = self.clone();
        Box::pin(async move {
            match tokens.resolve(&flow_token).await {
                Ok(_) => Ok(()),
                Err(TokenError::Store(e)) => Err(FlowError::internal(e)),
                Err(refused) => Err(FlowError::token_no_longer_valid(refused.to_string())),
            }
        })
    }
}
