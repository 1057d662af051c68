//! What the handlers share: the store, the accounts, the code sender, and the policy numbers.
//!
//! Policy (documented in the README):
//! - a session lasts [`SESSION_DEFAULT`] (24 hours) after a login, and [`SESSION_REMEMBERED`]
//!   (30 days) when the user ticks "Stay logged in" on LOGIN_SUCCESS;
//! - [`THROTTLE_LIMIT`] (5) tries of a login, current password or reset code (or code requests)
//!   for one e-mail within [`THROTTLE_WINDOW`] (15 minutes); further tries are refused without
//!   being checked until the window passes. Each try is recorded before it is counted, so
//!   concurrent tries cannot slip past the limit; a success resets the counter;
//! - reset codes have 6 digits, live [`CODE_TTL`] (10 minutes) and allow [`CODE_TRIES`] tries;
//! - flow tokens live [`FLOW_TOKEN_TTL`] (24 hours) and are closed when the flow ends or is left.

use std::sync::Arc;
use std::time::Duration;

use waflow::endpoint::FlowError;
use waflow::store::{FlowToken, Store, StoreError};

use crate::accounts::Accounts;
use crate::delivery::CodeSender;

/// The flow id flow tokens are bound to.
pub const FLOW_ID: &str = "sign-up";
/// Lifetime of a flow token.
pub const FLOW_TOKEN_TTL: Duration = Duration::from_secs(24 * 3600);
/// Session after a login without "Stay logged in".
pub const SESSION_DEFAULT: Duration = Duration::from_secs(24 * 3600);
/// Session after "Stay logged in".
pub const SESSION_REMEMBERED: Duration = Duration::from_secs(30 * 24 * 3600);
/// Failures per e-mail before tries are refused.
pub const THROTTLE_LIMIT: u64 = 5;
/// The throttle's window.
pub const THROTTLE_WINDOW: Duration = Duration::from_secs(15 * 60);
/// Lifetime of a reset code.
pub const CODE_TTL: Duration = Duration::from_secs(10 * 60);
/// Tries per reset code.
pub const CODE_TRIES: u32 = 5;
/// Throttle scope of logins (and current-password checks).
pub const SCOPE_LOGIN: &str = "login";
/// Throttle scope of reset codes (wrong codes and code requests).
pub const SCOPE_RESET: &str = "reset";
/// The message of a refused try.
pub const TRY_LATER: &str = "Too many attempts. Please try again later.";

/// The handlers' state; cheap to clone.
#[derive(Clone)]
pub struct Services {
    /// waflow's store (tokens, sessions, throttle, codes).
    pub store: Store,
    /// The users.
    pub accounts: Accounts,
    /// Where reset codes go.
    pub codes: Arc<dyn CodeSender>,
}

impl std::fmt::Debug for Services {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Services")
            .field("store", &self.store)
            .finish_non_exhaustive()
    }
}

impl Services {
    /// The phone number a (valid) flow token was issued for.
    ///
    /// # Errors
    /// 427 when the token is not valid (the endpoint's check normally answers first).
    pub async fn phone_of(&self, token: &str) -> Result<String, FlowError> {
        match self.store.flow_tokens().resolve(token).await {
            Ok(info) => Ok(info.phone),
            Err(waflow::store::TokenError::Store(e)) => Err(FlowError::internal(e)),
            Err(e) => Err(FlowError::token_no_longer_valid(e.to_string())),
        }
    }

    /// Records one attempt of `email` in `scope` and tells whether it must be refused: true
    /// when the attempts within [`THROTTLE_WINDOW`], this one included, exceed
    /// [`THROTTLE_LIMIT`]. Recording comes first, so concurrent tries cannot all pass the check
    /// before any of them is counted; a success should reset the counter ([`succeeded`](Self::succeeded)).
    ///
    /// # Errors
    /// The store failed.
    pub async fn throttled(&self, scope: &str, email: &str) -> Result<bool, FlowError> {
        let attempts = self.store.attempts();
        // Already locked: refuse without recording, so hammering a locked e-mail adds no rows.
        if attempts
            .failures_within(scope, email, THROTTLE_WINDOW)
            .await
            .map_err(FlowError::internal)?
            >= THROTTLE_LIMIT
        {
            return Ok(true);
        }
        let counted = attempts
            .record_and_count(scope, email, THROTTLE_WINDOW)
            .await
            .map_err(FlowError::internal)?;
        Ok(counted > THROTTLE_LIMIT)
    }

    /// Forgets the attempts of `email` in `scope` after a success.
    ///
    /// # Errors
    /// The store failed.
    pub async fn succeeded(&self, scope: &str, email: &str) -> Result<(), FlowError> {
        self.store
            .attempts()
            .reset(scope, email)
            .await
            .map_err(FlowError::internal)
    }
}

/// Issues a flow token for `phone`: the one code path behind sending the flow, the playground
/// and `issue-token`.
///
/// # Errors
/// The store failed.
pub async fn issue_flow_token(store: &Store, phone: &str) -> Result<FlowToken, StoreError> {
    store
        .flow_tokens()
        .issue(phone, FLOW_ID, FLOW_TOKEN_TTL)
        .await
}
