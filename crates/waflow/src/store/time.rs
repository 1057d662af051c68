//! Wall-clock helpers: the store keeps times as Unix milliseconds so both dialects compare them alike.

use chrono::{DateTime, Utc};
use std::time::Duration;

use super::StoreError;

/// Now, in Unix milliseconds: how the store keeps times (an `i64` column in both dialects).
///
/// ```
/// let before = waflow::store::now_ms();
/// assert!(before > 1_700_000_000_000);
/// assert!(waflow::store::now_ms() >= before);
/// ```
pub fn now_ms() -> i64 {
    Utc::now().timestamp_millis()
}

/// `start + span`, saturating instead of overflowing.
pub(crate) fn after(start: i64, span: Duration) -> i64 {
    start.saturating_add(i64::try_from(span.as_millis()).unwrap_or(i64::MAX))
}

/// `start - span`, saturating instead of overflowing.
pub(crate) fn before(start: i64, span: Duration) -> i64 {
    start.saturating_sub(i64::try_from(span.as_millis()).unwrap_or(i64::MAX))
}

/// A stored millisecond value as a UTC time.
pub(crate) fn to_time(ms: i64) -> Result<DateTime<Utc>, StoreError> {
    DateTime::from_timestamp_millis(ms).ok_or(StoreError::Corrupt("time out of range"))
}
