//! Login sessions: at most one per phone number, with a lifetime.

use std::time::Duration;

use chrono::{DateTime, Utc};

use super::time::{after, now_ms, to_time};
use super::{Pool, StoreError};

/// A signed-in phone number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// The phone number the session belongs to.
    pub phone: String,
    /// Who is signed in (an application's account id).
    pub subject: String,
    /// When the session was opened.
    pub opened_at: DateTime<Utc>,
    /// When the session ends.
    pub expires_at: DateTime<Utc>,
}

/// The session repository of a [`Store`](super::Store).
#[derive(Debug, Clone)]
pub struct Sessions {
    pool: Pool,
}

impl Sessions {
    pub(crate) fn new(pool: Pool) -> Self {
        Self { pool }
    }

    /// Opens (or replaces) the session of `phone` for `subject`, valid for `lifetime`.
    pub async fn open(
        &self,
        phone: &str,
        subject: &str,
        lifetime: Duration,
    ) -> Result<Session, StoreError> {
        let now = now_ms();
        let expires = after(now, lifetime);
        on_pool!(&self.pool, |p| sqlx::query(
            "INSERT INTO waflow_sessions (phone, subject, opened_at, expires_at) \
             VALUES ($1, $2, $3, $4) \
             ON CONFLICT (phone) DO UPDATE SET subject = excluded.subject, \
             opened_at = excluded.opened_at, expires_at = excluded.expires_at"
        )
        .bind(phone)
        .bind(subject)
        .bind(now)
        .bind(expires)
        .execute(p)
        .await
        .map(|_| ()))?;
        Ok(Session {
            phone: phone.to_owned(),
            subject: subject.to_owned(),
            opened_at: to_time(now)?,
            expires_at: to_time(expires)?,
        })
    }

    /// The live session of `phone`, if any (an expired one counts as none).
    pub async fn current(&self, phone: &str) -> Result<Option<Session>, StoreError> {
        let row: Option<(String, i64, i64)> = on_pool!(&self.pool, |p| sqlx::query_as(
            "SELECT subject, opened_at, expires_at FROM waflow_sessions \
             WHERE phone = $1 AND expires_at > $2"
        )
        .bind(phone)
        .bind(now_ms())
        .fetch_optional(p)
        .await)?;
        row.map(|(subject, opened, expires)| {
            Ok(Session {
                phone: phone.to_owned(),
                subject,
                opened_at: to_time(opened)?,
                expires_at: to_time(expires)?,
            })
        })
        .transpose()
    }

    /// Ends the session of `phone`; `true` when there was one.
    pub async fn close(&self, phone: &str) -> Result<bool, StoreError> {
        let n = on_pool!(&self.pool, |p| sqlx::query(
            "DELETE FROM waflow_sessions WHERE phone = $1"
        )
        .bind(phone)
        .execute(p)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(n > 0)
    }

    /// Ends every session of `subject` (for example after a password change); returns how many.
    pub async fn close_subject(&self, subject: &str) -> Result<u64, StoreError> {
        Ok(on_pool!(&self.pool, |p| sqlx::query(
            "DELETE FROM waflow_sessions WHERE subject = $1"
        )
        .bind(subject)
        .execute(p)
        .await
        .map(|r| r.rows_affected()))?)
    }
}
