//! Persistent state shared by the endpoint, the webhook and applications: flow tokens, login
//! sessions, webhook delivery ids, a failure throttle and one-time codes.
//!
//! A [`Store`] is embedded SQLite by default (one file in a data folder, WAL journal, busy
//! timeout, foreign keys) or PostgreSQL when given a `postgres://` URL, so several instances behind
//! a load balancer share state. Migrations run when the store opens. Times are stored as Unix
//! milliseconds and secrets (tokens, codes) only as SHA-256 digests.
//!
//! ```
//! use std::time::Duration;
//! use waflow::store::{CloseReason, Store, TokenError};
//!
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! let dir = tempfile::tempdir()?;
//! let store = Store::open_in_dir(dir.path()).await?;
//! let token = store
//!     .flow_tokens()
//!     .issue("+15550001", "sign-up", Duration::from_secs(3600))
//!     .await?;
//! let info = store.flow_tokens().resolve(token.expose()).await?;
//! assert_eq!(info.phone, "+15550001");
//! store.flow_tokens().close(token.expose(), CloseReason::Completed).await?;
//! assert!(matches!(
//!     store.flow_tokens().resolve(token.expose()).await,
//!     Err(TokenError::Closed)
//! ));
//! # Ok(())
//! # }
//! # tokio::runtime::Runtime::new().unwrap().block_on(demo()).unwrap();
//! ```
//!
//! Applications keep their own tables on the same database with a [`MigrationSet`] (tracked in
//! its own history table) applied by [`Store::apply_migrations`], and query them through
//! [`Store::pool`] with [`on_pool!`] (one query expression for both backends) and [`now_ms`]
//! (times as the store keeps them).

/// Runs the same query expression on whichever [`Pool`] backs the store: `$p` is bound to the
/// `SqlitePool` or the `PgPool` in turn, so write the query once with `$1`-style placeholders
/// (both dialects take them) and column types both share (`i64`, text).
///
/// ```
/// use waflow::store::{MigrationSet, Store, now_ms, on_pool};
///
/// # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
/// let dir = tempfile::tempdir()?;
/// let store = Store::open_in_dir(dir.path()).await?;
/// let notes = MigrationSet::new("_notes_migrations").step(
///     1,
///     "notes",
///     "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL, created_at INTEGER NOT NULL)",
///     "CREATE TABLE notes (id BIGSERIAL PRIMARY KEY, body TEXT NOT NULL, created_at BIGINT NOT NULL)",
/// );
/// store.apply_migrations(&notes).await?;
///
/// on_pool!(store.pool(), |p| {
///     sqlx::query("INSERT INTO notes (body, created_at) VALUES ($1, $2)")
///         .bind("hello")
///         .bind(now_ms())
///         .execute(p)
///         .await
///         .map(|_| ())
/// })?;
/// let (count,): (i64,) = on_pool!(store.pool(), |p| {
///     sqlx::query_as("SELECT COUNT(*) FROM notes").fetch_one(p).await
/// })?;
/// assert_eq!(count, 1);
/// # Ok(())
/// # }
/// # tokio::runtime::Runtime::new().unwrap().block_on(demo()).unwrap();
/// ```
#[doc(hidden)]
#[macro_export]
macro_rules! on_pool {
    ($pool:expr, |$p:ident| $body:expr) => {
        match $pool {
            $crate::store::Pool::Sqlite($p) => $body,
            $crate::store::Pool::Postgres($p) => $body,
        }
    };
}

#[doc(inline)]
pub use crate::on_pool;

mod attempts;
mod deliveries;
mod error;
mod flow_tokens;
mod migrate;
mod one_time_codes;
mod pool;
mod secret;
mod sessions;
mod time;
#[cfg(feature = "endpoint")]
mod token_check;

use std::path::Path;

pub use attempts::Attempts;
pub use error::{CodeError, StoreError, TokenError, VerifyError};
pub use flow_tokens::{CloseReason, FlowTokens, IssuedToken, TokenInfo};
pub use migrate::{MigrationSet, MigrationStep};
pub use one_time_codes::{OneTimeCode, OneTimeCodes};
pub use pool::{Backend, Pool, StoreOptions};
pub use sessions::{Session, Sessions};
pub use time::now_ms;
#[cfg(feature = "endpoint")]
pub use token_check::FlowTokenCheck;

/// The handle to the database; cheap to clone (it shares one pool).
#[derive(Debug, Clone)]
pub struct Store {
    pool: Pool,
}

impl Store {
    /// Opens `url` (`sqlite://path/to/file`, `postgres://...`) with default options and applies
    /// waflow's migrations.
    pub async fn open(url: &str) -> Result<Self, StoreError> {
        Self::open_with(url, &StoreOptions::default()).await
    }

    /// Opens `url` with `options` and applies waflow's migrations.
    pub async fn open_with(url: &str, options: &StoreOptions) -> Result<Self, StoreError> {
        Self::ready(pool::connect(url, options).await?).await
    }

    /// Opens (creating it if needed) the embedded SQLite database `waflow.sqlite3` in `data_dir`
    /// and applies waflow's migrations.
    pub async fn open_in_dir(data_dir: impl AsRef<Path>) -> Result<Self, StoreError> {
        let dir = data_dir.as_ref();
        std::fs::create_dir_all(dir).map_err(|source| StoreError::DataDir {
            path: dir.to_path_buf(),
            source,
        })?;
        let file = pool::sqlite_file(dir);
        Self::ready(pool::connect_file(&file, &StoreOptions::default()).await?).await
    }

    /// Opens `database_url` when given, else the SQLite database in `data_dir`: the usual
    /// `DATABASE_URL` / `--data-dir` choice of a server.
    pub async fn open_default(
        database_url: Option<&str>,
        data_dir: impl AsRef<Path>,
    ) -> Result<Self, StoreError> {
        match database_url {
            Some(url) if !url.is_empty() => Self::open(url).await,
            _ => Self::open_in_dir(data_dir).await,
        }
    }

    async fn ready(pool: Pool) -> Result<Self, StoreError> {
        migrate::waflow_migrations().apply(&pool).await?;
        Ok(Self { pool })
    }

    /// Applies an application's migrations (each set keeps its own history table).
    pub async fn apply_migrations(&self, set: &MigrationSet) -> Result<(), StoreError> {
        set.apply(&self.pool).await
    }

    /// The pool, for an application's own queries.
    pub fn pool(&self) -> &Pool {
        &self.pool
    }

    /// Which database this store talks to.
    pub fn backend(&self) -> Backend {
        self.pool.backend()
    }

    /// Flow tokens: issue, resolve, close.
    pub fn flow_tokens(&self) -> FlowTokens {
        FlowTokens::new(self.pool.clone())
    }

    /// Login sessions per phone number.
    pub fn sessions(&self) -> Sessions {
        Sessions::new(self.pool.clone())
    }

    /// The failure throttle.
    pub fn attempts(&self) -> Attempts {
        Attempts::new(self.pool.clone())
    }

    /// One-time codes.
    pub fn one_time_codes(&self) -> OneTimeCodes {
        OneTimeCodes::new(self.pool.clone())
    }

    /// Records `key` (for example a webhook message id); `true` the first time it is seen,
    /// `false` for every repeated delivery, even across instances sharing a database.
    pub async fn first_delivery(&self, key: &str) -> Result<bool, StoreError> {
        deliveries::first_delivery(&self.pool, key).await
    }

    /// Closes the pool, waiting for connections to finish (call before the process exits so
    /// SQLite checkpoints its WAL).
    pub async fn close(&self) {
        match &self.pool {
            Pool::Sqlite(p) => p.close().await,
            Pool::Postgres(p) => p.close().await,
        }
    }
}
