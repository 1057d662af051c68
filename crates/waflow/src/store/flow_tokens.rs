//! Flow tokens: issued when a flow is sent, bound to a phone number, a flow and an expiry.

use std::fmt;
use std::time::Duration;

use chrono::{DateTime, Utc};

use super::secret::{digest_hex, random_token};
use super::time::{after, now_ms, to_time};
use super::{Pool, StoreError, TokenError};

/// A freshly issued flow token: 128 random bits, URL-safe. Only its digest is stored, and its
/// `Debug` output is redacted so it cannot reach a log by accident.
#[derive(Clone, PartialEq, Eq)]
pub struct IssuedToken(String);

impl IssuedToken {
    /// The token, to put into the flow message (or print for a script).
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for IssuedToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("IssuedToken(<redacted>)")
    }
}

/// What a valid token stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenInfo {
    /// The phone number the flow was sent to.
    pub phone: String,
    /// The flow the token was issued for.
    pub flow_id: String,
    /// When the token was issued.
    pub issued_at: DateTime<Utc>,
    /// When the token stops being valid.
    pub expires_at: DateTime<Utc>,
}

/// Why a token was closed (recorded for operators).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CloseReason {
    /// The flow reached its end (`SUCCESS`).
    Completed,
    /// The user left the flow.
    Left,
    /// The server revoked it (for example on logout or a newer token).
    Revoked,
}

impl CloseReason {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Completed => "completed",
            Self::Left => "left",
            Self::Revoked => "revoked",
        }
    }
}

/// The flow-token repository of a [`Store`](super::Store).
#[derive(Debug, Clone)]
pub struct FlowTokens {
    pool: Pool,
}

impl FlowTokens {
    pub(crate) fn new(pool: Pool) -> Self {
        Self { pool }
    }

    /// Issues a new token for `phone` and `flow_id`, valid for `ttl`.
    pub async fn issue(
        &self,
        phone: &str,
        flow_id: &str,
        ttl: Duration,
    ) -> Result<IssuedToken, StoreError> {
        let token = random_token();
        let now = now_ms();
        let expires = after(now, ttl);
        let hash = digest_hex(&[&token]);
        on_pool!(&self.pool, |p| sqlx::query(
            "INSERT INTO waflow_flow_tokens (token_hash, phone, flow_id, issued_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5)"
        )
        .bind(&hash)
        .bind(phone)
        .bind(flow_id)
        .bind(now)
        .bind(expires)
        .execute(p)
        .await
        .map(|_| ()))?;
        tracing::debug!(flow_id, "flow token issued");
        Ok(IssuedToken(token))
    }

    /// What `token` stands for, or why it is refused.
    pub async fn resolve(&self, token: &str) -> Result<TokenInfo, TokenError> {
        let hash = digest_hex(&[token]);
        let row: Option<(String, String, i64, i64, Option<i64>)> = on_pool!(&self.pool, |p| {
            sqlx::query_as(
                "SELECT phone, flow_id, issued_at, expires_at, closed_at \
                 FROM waflow_flow_tokens WHERE token_hash = $1",
            )
            .bind(&hash)
            .fetch_optional(p)
            .await
        })?;
        let (phone, flow_id, issued_at, expires_at, closed_at) = row.ok_or(TokenError::Unknown)?;
        if closed_at.is_some() {
            return Err(TokenError::Closed);
        }
        if now_ms() >= expires_at {
            return Err(TokenError::Expired);
        }
        Ok(TokenInfo {
            phone,
            flow_id,
            issued_at: to_time(issued_at)?,
            expires_at: to_time(expires_at)?,
        })
    }

    /// Closes `token`. Returns `true` for the one call that closed it, `false` when it was
    /// unknown or already closed.
    pub async fn close(&self, token: &str, reason: CloseReason) -> Result<bool, StoreError> {
        let hash = digest_hex(&[token]);
        let done = on_pool!(&self.pool, |p| sqlx::query(
            "UPDATE waflow_flow_tokens SET closed_at = $1, close_reason = $2 \
             WHERE token_hash = $3 AND closed_at IS NULL"
        )
        .bind(now_ms())
        .bind(reason.as_str())
        .bind(&hash)
        .execute(p)
        .await
        .map(|r| r.rows_affected()))?;
        if done == 1 {
            tracing::debug!(reason = reason.as_str(), "flow token closed");
        }
        Ok(done == 1)
    }

    /// Deletes tokens that expired or closed before `older_than` ago; returns how many.
    pub async fn purge(&self, older_than: Duration) -> Result<u64, StoreError> {
        let limit = super::time::before(now_ms(), older_than);
        Ok(on_pool!(&self.pool, |p| sqlx::query(
            "DELETE FROM waflow_flow_tokens WHERE expires_at < $1 OR closed_at < $1"
        )
        .bind(limit)
        .execute(p)
        .await
        .map(|r| r.rows_affected()))?)
    }
}
