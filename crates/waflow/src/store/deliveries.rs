//! Insert-if-absent of delivery keys, so a webhook handles a message id only once.

use super::time::now_ms;
use super::{Pool, StoreError};

pub(crate) async fn first_delivery(pool: &Pool, key: &str) -> Result<bool, StoreError> {
    let n = on_pool!(pool, |p| sqlx::query(
        "INSERT INTO waflow_deliveries (delivery_key, received_at) VALUES ($1, $2) \
         ON CONFLICT (delivery_key) DO NOTHING"
    )
    .bind(key)
    .bind(now_ms())
    .execute(p)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}
