//! Not a test: helpers shared by the `store_*` tests (included with `#[path]`).
#![allow(dead_code, unreachable_pub)]

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use waflow::store::{Pool, Store, StoreOptions};

/// A store on a fresh SQLite file; keep the returned folder alive while the store is used.
pub async fn sqlite_store() -> (Store, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in_dir(dir.path()).await.unwrap();
    (store, dir)
}

/// A store in a fresh PostgreSQL schema, or `None` (with a note) when `TEST_DATABASE_URL` is unset.
pub async fn postgres_store(test: &str) -> Option<PgGuard> {
    let Ok(url) = std::env::var("TEST_DATABASE_URL") else {
        eprintln!("note: TEST_DATABASE_URL is unset, skipping the PostgreSQL run of {test}");
        return None;
    };
    let schema = unique_schema();
    let store = Store::open_with(&url, &StoreOptions::default().postgres_schema(&schema))
        .await
        .unwrap();
    Some(PgGuard { store, schema })
}

/// A PostgreSQL store in its own schema; call [`PgGuard::drop_schema`] at the end of the test.
pub struct PgGuard {
    pub store: Store,
    schema: String,
}

impl PgGuard {
    /// Removes the test's schema.
    pub async fn drop_schema(self) {
        if let Pool::Postgres(pool) = self.store.pool() {
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "DROP SCHEMA IF EXISTS {} CASCADE",
                self.schema
            )))
            .execute(pool)
            .await
            .unwrap();
        }
        self.store.close().await;
    }
}

fn unique_schema() -> String {
    static N: AtomicU32 = AtomicU32::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!(
        "waflow_test_{}_{}_{}",
        std::process::id(),
        nanos % 1_000_000_000,
        N.fetch_add(1, Ordering::Relaxed)
    )
}
