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

    /// Issues a new code for `subject` in `scope`, replacing any pending one, with no requester
    /// recorded (see [`issue_requested_by`](Self::issue_requested_by)).
    pub async fn issue(
        &self,
        scope: &str,
        subject: &str,
        ttl: Duration,
        max_tries: u32,
    ) -> Result<OneTimeCode, StoreError> {
        self.insert(scope, subject, "", ttl, max_tries).await
    }

    /// Issues a new code for `subject` in `scope` on behalf of `requester` (for example the flow
    /// token that asked for it), replacing any pending one. The requester is stored as its
    /// SHA-256 only; [`discard_requested_by`](Self::discard_requested_by) then discards the code
    /// only for that same requester, so nobody else can throw it away.
    pub async fn issue_requested_by(
        &self,
        scope: &str,
        subject: &str,
        requester: &str,
        ttl: Duration,
        max_tries: u32,
    ) -> Result<OneTimeCode, StoreError> {
        self.insert(scope, subject, &digest_hex(&[requester]), ttl, max_tries)
            .await
    }

    async fn insert(
        &self,
        scope: &str,
        subject: &str,
        requester: &str,
        ttl: Duration,
        max_tries: u32,
    ) -> Result<OneTimeCode, StoreError> {
        let code = random_six_digits();
        let salt = random_token();
        let hash = digest_hex(&[&salt, &code]);
        let tries = i32::try_from(max_tries).unwrap_or(i32::MAX);
        on_pool!(&self.pool, |p| {
            sqlx::query(
            "INSERT INTO waflow_one_time_codes (scope, subject, salt, code_hash, expires_at, tries_left, requester) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (scope, subject) DO UPDATE SET salt = excluded.salt, \
             code_hash = excluded.code_hash, expires_at = excluded.expires_at, \
             tries_left = excluded.tries_left, requester = excluded.requester"
        )
        .bind(scope)
        .bind(subject)
        .bind(&salt)
        .bind(&hash)
        .bind(after(now_ms(), ttl))
        .bind(tries)
        .bind(requester)
        .execute(p)
        .await
        .map(|_| ())
        })?;
        Ok(OneTimeCode(code))
    }

    /// Checks `code`; a correct code is consumed (it works once), a wrong one uses up a try.
    ///
    /// The try is taken first, atomically (`UPDATE … SET tries_left = tries_left - 1 … RETURNING`),
    /// and only then is the code compared: of N concurrent guesses, each one is counted, so no
    /// more than the issued number of tries are ever compared.
    pub async fn verify(&self, scope: &str, subject: &str, code: &str) -> Result<(), VerifyError> {
        let now = now_ms();
        let taken: Option<(String, String, i32)> = on_pool!(&self.pool, |p| sqlx::query_as(
            "UPDATE waflow_one_time_codes SET tries_left = tries_left - 1 \
             WHERE scope = $1 AND subject = $2 AND tries_left > 0 AND expires_at > $3 \
             RETURNING salt, code_hash, tries_left"
        )
        .bind(scope)
        .bind(subject)
        .bind(now)
        .fetch_optional(p)
        .await)?;
        let Some((salt, stored, tries_left)) = taken else {
            return Err(self.why_refused(scope, subject, now).await?.into());
        };
        if !same_digest(&digest_hex(&[&salt, code]), &stored) {
            return Err(match u32::try_from(tries_left) {
                Ok(n) if n > 0 => CodeError::Wrong { tries_left: n },
                _ => CodeError::TooManyTries,
            }
            .into());
        }
        // Consume: only the caller whose DELETE removed the row wins a race.
        let n = on_pool!(&self.pool, |p| sqlx::query(
            "DELETE FROM waflow_one_time_codes \
             WHERE scope = $1 AND subject = $2 AND code_hash = $3"
        )
        .bind(scope)
        .bind(subject)
        .bind(&stored)
        .execute(p)
        .await
        .map(|r| r.rows_affected()))?;
        if n == 1 {
            Ok(())
        } else {
            Err(CodeError::NotIssued.into())
        }
    }

    /// Why no try could be taken: no code, an expired one (then discarded), or no tries left.
    async fn why_refused(
        &self,
        scope: &str,
        subject: &str,
        now: i64,
    ) -> Result<CodeError, StoreError> {
        let row: Option<(i64,)> = on_pool!(&self.pool, |p| sqlx::query_as(
            "SELECT expires_at FROM waflow_one_time_codes WHERE scope = $1 AND subject = $2"
        )
        .bind(scope)
        .bind(subject)
        .fetch_optional(p)
        .await)?;
        Ok(match row {
            None => CodeError::NotIssued,
            Some((expires_at,)) if now >= expires_at => {
                self.discard(scope, subject).await?;
                CodeError::Expired
            }
            Some(_) => CodeError::TooManyTries,
        })
    }

    /// Forgets any pending code of `subject` in `scope`, whoever asked for it.
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

    /// Forgets the pending code of `subject` in `scope` only when `requester` asked for it
    /// ([`issue_requested_by`](Self::issue_requested_by)); returns whether a code was discarded.
    /// A code someone else asked for stays valid (for example when a user leaves a flow).
    pub async fn discard_requested_by(
        &self,
        scope: &str,
        subject: &str,
        requester: &str,
    ) -> Result<bool, StoreError> {
        let n = on_pool!(&self.pool, |p| sqlx::query(
            "DELETE FROM waflow_one_time_codes \
             WHERE scope = $1 AND subject = $2 AND requester = $3"
        )
        .bind(scope)
        .bind(subject)
        .bind(digest_hex(&[requester]))
        .execute(p)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(n > 0)
    }
}
