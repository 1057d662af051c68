//! [`DeliveryLog`]: remembers which deliveries were already handled, so Meta's retries of the
//! same message are handled once.

use std::collections::{HashSet, VecDeque};
use std::future::Future;
use std::pin::Pin;
use std::sync::Mutex;

/// Boxed future returned by [`DeliveryLog::first_delivery`].
pub type DeliveryFuture<'a> =
    Pin<Box<dyn Future<Output = Result<bool, DeliveryLogError>> + Send + 'a>>;

/// The delivery log could not answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct DeliveryLogError(pub String);

/// Records delivery keys; `first_delivery` answers `true` only the first time it sees a key.
pub trait DeliveryLog: Send + Sync + 'static {
    /// Records `key`; `Ok(true)` if it was new.
    fn first_delivery<'a>(&'a self, key: &'a str) -> DeliveryFuture<'a>;
}

/// An in-memory [`DeliveryLog`] that remembers the most recent `capacity` keys. One process
/// only; use the store-backed log when several instances share the webhook.
#[derive(Debug)]
pub struct MemoryDeliveryLog {
    inner: Mutex<Seen>,
    capacity: usize,
}

#[derive(Debug, Default)]
struct Seen {
    set: HashSet<String>,
    order: VecDeque<String>,
}

impl MemoryDeliveryLog {
    /// Remembers up to 100 000 keys.
    pub fn new() -> Self {
        Self::with_capacity(100_000)
    }

    /// Remembers up to `capacity` keys (at least 1), forgetting the oldest first.
    pub fn with_capacity(capacity: usize) -> Self {
        Self {
            inner: Mutex::new(Seen::default()),
            capacity: capacity.max(1),
        }
    }

    fn record(&self, key: &str) -> Result<bool, DeliveryLogError> {
        let mut seen = self
            .inner
            .lock()
            .map_err(|_| DeliveryLogError("delivery log lock poisoned".into()))?;
        if seen.set.contains(key) {
            return Ok(false);
        }
        seen.set.insert(key.to_owned());
        seen.order.push_back(key.to_owned());
        while seen.order.len() > self.capacity {
            if let Some(old) = seen.order.pop_front() {
                seen.set.remove(&old);
            }
        }
        Ok(true)
    }
}

impl Default for MemoryDeliveryLog {
    fn default() -> Self {
        Self::new()
    }
}

impl DeliveryLog for MemoryDeliveryLog {
    fn first_delivery<'a>(&'a self, key: &'a str) -> DeliveryFuture<'a> {
        let result = self.record(key);
        Box::pin(async move { result })
    }
}

#[cfg(feature = "store")]
impl DeliveryLog for crate::store::Store {
    fn first_delivery<'a>(&'a self, key: &'a str) -> DeliveryFuture<'a> {
        Box::pin(async move {
            Self::first_delivery(self, key)
                .await
                .map_err(|e| DeliveryLogError(e.to_string()))
        })
    }
}
