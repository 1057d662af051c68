//! One-time codes (six digits) with an expiry and a limited number of tries; stored as salted
//! SHA-256 digests.

use std::fmt;
use std::time::Duration;

use super::secret::{digest_hex, random_six_digits, random_token, same_digest};
use super::time::{after, now_ms};
use super::{CodeError, Pool, StoreError, VerifyError};

/// A freshly issued code, to be delivered to the user. `Debug` is redacted.
#[derive(Clone, PartialEq, Eq)]
pub struct OneTimeCode(String);

impl OneTimeCode {
    /// The six digits.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for OneTimeCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("OneTimeCode(<redacted>)")
    }
}

/// The one-time-code repository of a [`Store`](super::Store).
#[derive(Debug, Clone)]
pub struct OneTimeCodes {
    pool: Pool,
}

impl OneTimeCodes {
    pub(crate) fn new(pool: Pool) -> Self {
        Self { pool }
    }

    /// Issues a new code for `subject` in `scope`, replacing any pending one.
    pub async fn issue(
        &self,
        scope: &str,
        subject: &str,
        ttl: Duration,
        max_tries: u32,
    ) -> Result<OneTimeCode, StoreError> {
        let code = random_six_digits();
        let salt = random_token();
        let hash = digest_hex(&[&salt, &code]);
        let tries = i32::try_from(max_tries).unwrap_or(i32::MAX);
        on_pool!(&self.pool, |p| {
            sqlx::query(
            "INSERT INTO waflow_one_time_codes (scope, subject, salt, code_hash, expires_at, tries_left) \
             VALUES ($1, $2, $3, $4, $5, $6) \
             ON CONFLICT (scope, subject) DO UPDATE SET salt = excluded.salt, \
             code_hash = excluded.code_hash, expires_at = excluded.expires_at, \
             tries_left = excluded.tries_left"
        )
        .bind(scope)
        .bind(subject)
        .bind(&salt)
        .bind(&hash)
        .bind(after(now_ms(), ttl))
        .bind(tries)
        .execute(p)
        .await
        .map(|_| ())
        })?;
        Ok(OneTimeCode(code))
    }

    /// Checks `code`; a correct code is consumed (it works once), a wrong one uses up a try.
    pub async fn verify(&self, scope: &str, subject: &str, code: &str) -> Result<(), VerifyError> {
        let row: Option<(String, String, i64, i32)> = on_pool!(&self.pool, |p| sqlx::query_as(
            "SELECT salt, code_hash, expires_at, tries_left FROM waflow_one_time_codes \
             WHERE scope = $1 AND subject = $2"
        )
        .bind(scope)
        .bind(subject)
        .fetch_optional(p)
        .await)?;
        let (salt, stored, expires_at, tries_left) = row.ok_or(CodeError::NotIssued)?;
        if now_ms() >= expires_at {
            self.discard(scope, subject).await?;
            return Err(CodeError::Expired.into());
        }
        if tries_left <= 0 {
            return Err(CodeError::TooManyTries.into());
        }
        if same_digest(&digest_hex(&[&salt, code]), &stored) {
            // Consume: only the caller whose DELETE removed the row wins a race.
            let n = on_pool!(&self.pool, |p| sqlx::query(
                "DELETE FROM waflow_one_time_codes \
                 WHERE scope = $1 AND subject = $2 AND code_hash = $3 AND tries_left > 0"
            )
            .bind(scope)
            .bind(subject)
            .bind(&stored)
            .execute(p)
            .await
            .map(|r| r.rows_affected()))?;
            return if n == 1 {
                Ok(())
            } else {
                Err(CodeError::NotIssued.into())
            };
        }
        let left: Option<(i32,)> = on_pool!(&self.pool, |p| sqlx::query_as(
            "UPDATE waflow_one_time_codes SET tries_left = tries_left - 1 \
             WHERE scope = $1 AND subject = $2 AND code_hash = $3 AND tries_left > 0 \
             RETURNING tries_left"
        )
        .bind(scope)
        .bind(subject)
        .bind(&stored)
        .fetch_optional(p)
        .await)?;
        match left {
            Some((n,)) if n > 0 => Err(CodeError::Wrong {
                tries_left: u32::try_from(n).unwrap_or(0),
            }
            .into()),
            _ => Err(CodeError::TooManyTries.into()),
        }
    }

    /// Forgets any pending code of `subject` in `scope` (for example when the user leaves).
    pub async fn discard(&self, scope: &str, subject: &str) -> Result<(), StoreError> {
        on_pool!(&self.pool, |p| sqlx::query(
            "DELETE FROM waflow_one_time_codes WHERE scope = $1 AND subject = $2"
        )
        .bind(scope)
        .bind(subject)
        .execute(p)
        .await
        .map(|_| ()))?;
        Ok(())
    }
}
