//! A small throttle: failures per (scope, subject) inside a sliding window.

use std::time::Duration;

use super::time::{before, now_ms};
use super::{Pool, StoreError};

/// The attempt counter of a [`Store`](super::Store), used for brute-force protection.
#[derive(Debug, Clone)]
pub struct Attempts {
    pool: Pool,
}

impl Attempts {
    pub(crate) fn new(pool: Pool) -> Self {
        Self { pool }
    }

    /// Records one failure of `subject` in `scope` (for example `"login"`, an e-mail).
    pub async fn record_failure(&self, scope: &str, subject: &str) -> Result<(), StoreError> {
        on_pool!(&self.pool, |p| sqlx::query(
            "INSERT INTO waflow_attempts (scope, subject, at) VALUES ($1, $2, $3)"
        )
        .bind(scope)
        .bind(subject)
        .bind(now_ms())
        .execute(p)
        .await
        .map(|_| ()))?;
        Ok(())
    }

    /// Records one attempt of `subject` in `scope`, deletes the subject's attempts older than
    /// `window` (they count for nothing any more), then counts the attempts within the last
    /// `window`, this one included.
    ///
    /// Recording before counting closes the check-then-record race: of N concurrent callers, the
    /// k-th to be recorded counts at least k, so at most `limit` of them see a count within a
    /// limit. A caller goes on when the count is at most its limit and resets the subject after
    /// a success.
    pub async fn record_and_count(
        &self,
        scope: &str,
        subject: &str,
        window: Duration,
    ) -> Result<u64, StoreError> {
        self.record_failure(scope, subject).await?;
        // Rows of this subject that left the window count for nothing any more.
        on_pool!(&self.pool, |p| sqlx::query(
            "DELETE FROM waflow_attempts WHERE scope = $1 AND subject = $2 AND at <= $3"
        )
        .bind(scope)
        .bind(subject)
        .bind(before(now_ms(), window))
        .execute(p)
        .await
        .map(|_| ()))?;
        self.failures_within(scope, subject, window).await
    }

    /// How many failures of `subject` in `scope` happened within the last `window`.
    pub async fn failures_within(
        &self,
        scope: &str,
        subject: &str,
        window: Duration,
    ) -> Result<u64, StoreError> {
        let since = before(now_ms(), window);
        let (n,): (i64,) = on_pool!(&self.pool, |p| sqlx::query_as(
            "SELECT COUNT(*) FROM waflow_attempts WHERE scope = $1 AND subject = $2 AND at > $3"
        )
        .bind(scope)
        .bind(subject)
        .bind(since)
        .fetch_one(p)
        .await)?;
        Ok(u64::try_from(n).unwrap_or(0))
    }

    /// True when `subject` reached `limit` failures within `window` and must wait.
    pub async fn is_locked(
        &self,
        scope: &str,
        subject: &str,
        limit: u64,
        window: Duration,
    ) -> Result<bool, StoreError> {
        Ok(self.failures_within(scope, subject, window).await? >= limit)
    }

    /// Forgets the failures of `subject` in `scope` (for example after a successful login).
    pub async fn reset(&self, scope: &str, subject: &str) -> Result<(), StoreError> {
        on_pool!(&self.pool, |p| sqlx::query(
            "DELETE FROM waflow_attempts WHERE scope = $1 AND subject = $2"
        )
        .bind(scope)
        .bind(subject)
        .execute(p)
        .await
        .map(|_| ()))?;
        Ok(())
    }

    /// Deletes every recorded attempt older than `older_than`, whatever its scope and subject;
    /// returns how many. Run it on a schedule with the longest window the application counts, so
    /// attempts on subjects that are never tried again (random e-mails) do not pile up.
    pub async fn purge(&self, older_than: Duration) -> Result<u64, StoreError> {
        Ok(on_pool!(&self.pool, |p| sqlx::query(
            "DELETE FROM waflow_attempts WHERE at <= $1"
        )
        .bind(before(now_ms(), older_than))
        .execute(p)
        .await
        .map(|r| r.rows_affected()))?)
    }
}
