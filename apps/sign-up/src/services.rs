//! What the handlers share: the store, the accounts, the code sender, and the policy numbers.
//!
//! Policy (documented in the README and `docs/security.md`):
//! - a session lasts [`SESSION_DEFAULT`] (24 hours) after a login, and [`SESSION_REMEMBERED`]
//!   (30 days) when the user ticks "Stay logged in" on LOGIN_SUCCESS;
//! - throttles (OWASP Authentication Cheat Sheet: a lock-out must not become a denial of service)
//!   count failures per *(account, requesting phone)* with back-off tiers ([`LOGIN`]: 5 per
//!   15 minutes, 10 per hour, 20 per day), under a higher per-account ceiling that only other
//!   phones than the account's own count toward ([`LOGIN_OTHER_PHONES`]), so a stranger who
//!   hammers an account locks out only themselves; unknown e-mails are counted per phone
//!   ([`UNKNOWN_EMAIL`]), reset-code requests per (account, phone) ([`RESET_REQUEST`]) and wrong
//!   reset codes per account with a long-term cap ([`RESET_CODE`]: 5 per 15 minutes, 20 per
//!   day). Each try is recorded before it is checked, so concurrent tries cannot slip past a
//!   limit; a locked subject is refused without recording; a success resets its counter;
//! - reset codes have 6 digits, live [`CODE_TTL`] (10 minutes), allow [`CODE_TRIES`] tries, are
//!   sent only to the account's phone, are bound to the flow token that asked for them, and are
//!   accepted only from a flow token of the account's phone;
//! - flow tokens live [`FLOW_TOKEN_TTL`] (24 hours) and are closed when the flow ends or is left;
//!   [`purge_periodically`] deletes old tokens and throttle rows.

use std::sync::Arc;
use std::time::Duration;

use waflow::endpoint::FlowError;
use waflow::store::{IssuedToken, Store, StoreError};

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
/// Failures of one (account, phone) pair within [`THROTTLE_WINDOW`] before tries are refused.
pub const THROTTLE_LIMIT: u64 = 5;
/// The shortest throttle window.
pub const THROTTLE_WINDOW: Duration = Duration::from_secs(15 * 60);
const HOUR: Duration = Duration::from_secs(3600);
const DAY: Duration = Duration::from_secs(24 * 3600);
/// Lifetime of a reset code.
pub const CODE_TTL: Duration = Duration::from_secs(10 * 60);
/// Tries per reset code.
pub const CODE_TRIES: u32 = 5;

/// One throttle: failures of a subject in a scope, refused once any tier's limit is reached
/// within its window (longer windows allow fewer failures per hour: a back-off).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Throttle {
    /// The store scope its attempts are kept under.
    pub scope: &'static str,
    /// `(limit, window)` pairs.
    pub tiers: &'static [(u64, Duration)],
}

/// The longest window any throttle counts: older attempts are purged.
pub const LONGEST_WINDOW: Duration = DAY;

/// Wrong passwords (LOGIN, and the current password on CHANGE_EMAIL / CHANGE_PASSWORD) per
/// (account, requesting phone).
pub const LOGIN: Throttle = Throttle {
    scope: "login",
    tiers: &[(THROTTLE_LIMIT, THROTTLE_WINDOW), (10, HOUR), (20, DAY)],
};
/// Wrong passwords per account from every phone other than the account's own (the owner's phone
/// never counts toward it, nor is it refused by it).
pub const LOGIN_OTHER_PHONES: Throttle = Throttle {
    scope: "login-other-phones",
    tiers: &[(20, THROTTLE_WINDOW), (50, DAY)],
};
/// LOGIN with an e-mail that has no account, per requesting phone (against enumeration and
/// password spraying).
pub const UNKNOWN_EMAIL: Throttle = Throttle {
    scope: "unknown-email",
    tiers: &[(10, THROTTLE_WINDOW), (30, DAY)],
};
/// Reset-code requests (and resets tried from a phone that is not the account's) per
/// (e-mail, requesting phone).
pub const RESET_REQUEST: Throttle = Throttle {
    scope: "reset-request",
    tiers: &[(THROTTLE_LIMIT, THROTTLE_WINDOW), (10, DAY)],
};
/// Wrong reset codes per account: the long-term cap (NIST SP 800-63B asks for at most 100).
pub const RESET_CODE: Throttle = Throttle {
    scope: "reset-code",
    tiers: &[(THROTTLE_LIMIT, THROTTLE_WINDOW), (20, DAY)],
};

/// The throttle subject of an (e-mail, phone) pair.
pub fn pair(email: &str, phone: &str) -> String {
    format!("{email} {phone}")
}

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
    /// Records one try of `subject` under `throttle` and tells whether it must be refused: true
    /// when a tier's failures within its window, this try included, exceed its limit.
    /// Recording comes first, so concurrent tries cannot all pass the check before any of them
    /// is counted; a subject already at a limit is refused without recording (hammering a
    /// locked subject adds no rows). A success should reset the counter
    /// ([`succeeded`](Self::succeeded)).
    ///
    /// # Errors
    /// The store failed.
    pub async fn throttled(&self, throttle: &Throttle, subject: &str) -> Result<bool, FlowError> {
        // Already locked: this try would exceed a tier, so refuse it without recording.
        if self.over_a_tier(throttle, subject, 1).await? {
            return Ok(Self::refused(throttle));
        }
        self.store
            .attempts()
            .record_failure(throttle.scope, subject)
            .await?;
        if self.over_a_tier(throttle, subject, 0).await? {
            return Ok(Self::refused(throttle));
        }
        Ok(false)
    }

    /// Whether some tier of `throttle` holds more than its limit for `subject`, counting
    /// `pending` tries not yet recorded.
    async fn over_a_tier(
        &self,
        throttle: &Throttle,
        subject: &str,
        pending: u64,
    ) -> Result<bool, FlowError> {
        let attempts = self.store.attempts();
        for &(limit, window) in throttle.tiers {
            let recorded = attempts
                .failures_within(throttle.scope, subject, window)
                .await?;
            if recorded + pending > limit {
                return Ok(true);
            }
        }
        Ok(false)
    }

    fn refused(throttle: &Throttle) -> bool {
        tracing::warn!(throttle = throttle.scope, "try refused by the throttle");
        true
    }

    /// Forgets the tries of `subject` under `throttle` after a success.
    ///
    /// # Errors
    /// The store failed.
    pub async fn succeeded(&self, throttle: &Throttle, subject: &str) -> Result<(), FlowError> {
        self.store.attempts().reset(throttle.scope, subject).await?;
        Ok(())
    }
}

/// How often [`purge_periodically`] runs.
pub const PURGE_EVERY: Duration = Duration::from_secs(10 * 60);

/// Deletes flow tokens that expired or closed more than a day ago and throttle attempts older
/// than [`LONGEST_WINDOW`]; returns how many rows went.
///
/// # Errors
/// The store failed.
pub async fn purge(store: &Store) -> Result<(u64, u64), StoreError> {
    let tokens = store.flow_tokens().purge(DAY).await?;
    let attempts = store.attempts().purge(LONGEST_WINDOW).await?;
    Ok((tokens, attempts))
}

/// Runs [`purge`] every [`PURGE_EVERY`], forever (spawn it next to the server).
pub async fn purge_periodically(store: Store) {
    let mut every = tokio::time::interval(PURGE_EVERY);
    loop {
        every.tick().await;
        match purge(&store).await {
            Ok((tokens, attempts)) => {
                tracing::debug!(tokens, attempts, "purged old flow tokens and throttle rows");
            }
            Err(e) => tracing::warn!("purging old rows failed: {e}"),
        }
    }
}

/// Issues a flow token for `phone`: the one code path behind sending the flow, the playground
/// and `issue-token`.
///
/// # Errors
/// The store failed.
pub async fn issue_flow_token(store: &Store, phone: &str) -> Result<IssuedToken, StoreError> {
    store
        .flow_tokens()
        .issue(phone, FLOW_ID, FLOW_TOKEN_TTL)
        .await
}
