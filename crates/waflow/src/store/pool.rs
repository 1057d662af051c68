//! The connection pool: SQLite or PostgreSQL, chosen at run time from the URL.

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{ConnectOptions, Connection};

use super::StoreError;

/// The pool behind a [`Store`](super::Store). Applications that keep their own tables next to
/// waflow's (see [`MigrationSet`](super::MigrationSet)) run their queries on it; `$1, $2, ...`
/// placeholders work in both dialects.
#[derive(Debug, Clone)]
pub enum Pool {
    /// The embedded SQLite database (one file, WAL journal).
    Sqlite(SqlitePool),
    /// A PostgreSQL server, for several instances sharing state.
    Postgres(PgPool),
}

/// Which database a [`Store`](super::Store) talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Backend {
    /// Embedded SQLite.
    Sqlite,
    /// PostgreSQL.
    Postgres,
}

impl Pool {
    /// The backend of this pool.
    pub fn backend(&self) -> Backend {
        match self {
            Self::Sqlite(_) => Backend::Sqlite,
            Self::Postgres(_) => Backend::Postgres,
        }
    }
}

/// Connection settings; the defaults suit one server process.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreOptions {
    /// Most connections the pool opens (default 8).
    pub max_connections: u32,
    /// How long SQLite waits for a lock held by another connection or process (default 5 s).
    pub busy_timeout: Duration,
    /// PostgreSQL only: keep every table in this schema (created if missing) instead of the
    /// connection's default `search_path`. Lets several applications or test runs share a database.
    pub postgres_schema: Option<String>,
}

impl Default for StoreOptions {
    fn default() -> Self {
        Self {
            max_connections: 8,
            busy_timeout: Duration::from_secs(5),
            postgres_schema: None,
        }
    }
}

impl StoreOptions {
    /// Uses `schema` on PostgreSQL (see [`StoreOptions::postgres_schema`]).
    #[must_use]
    pub fn postgres_schema(mut self, schema: impl Into<String>) -> Self {
        self.postgres_schema = Some(schema.into());
        self
    }
}

/// The SQLite file used inside a data folder.
pub(crate) fn sqlite_file(data_dir: &Path) -> PathBuf {
    data_dir.join("waflow.sqlite3")
}

pub(crate) async fn connect(url: &str, options: &StoreOptions) -> Result<Pool, StoreError> {
    if url.starts_with("sqlite:") {
        let connect = SqliteConnectOptions::from_str(url)
            .map_err(|_| StoreError::InvalidUrl("not a valid sqlite URL"))?;
        connect_sqlite(connect, options).await
    } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        let connect = PgConnectOptions::from_str(url)
            .map_err(|_| StoreError::InvalidUrl("not a valid postgres URL"))?;
        connect_postgres(connect, options).await
    } else {
        Err(StoreError::InvalidUrl(
            "expected sqlite:..., postgres://... or postgresql://...",
        ))
    }
}

pub(crate) async fn connect_file(path: &Path, options: &StoreOptions) -> Result<Pool, StoreError> {
    connect_sqlite(SqliteConnectOptions::new().filename(path), options).await
}

async fn connect_sqlite(
    connect: SqliteConnectOptions,
    options: &StoreOptions,
) -> Result<Pool, StoreError> {
    let connect = connect
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .busy_timeout(options.busy_timeout)
        .foreign_keys(true);
    let pool = SqlitePoolOptions::new()
        .max_connections(options.max_connections)
        .connect_with(connect)
        .await?;
    Ok(Pool::Sqlite(pool))
}

async fn connect_postgres(
    connect: PgConnectOptions,
    options: &StoreOptions,
) -> Result<Pool, StoreError> {
    let connect = match &options.postgres_schema {
        Some(schema) => {
            if schema.is_empty()
                || !schema
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            {
                return Err(StoreError::InvalidUrl(
                    "postgres schema must be lowercase letters, digits and _",
                ));
            }
            let mut conn = connect.connect().await?;
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "CREATE SCHEMA IF NOT EXISTS {schema}"
            )))
            .execute(&mut conn)
            .await?;
            conn.close().await?;
            connect.options([("search_path", schema.as_str())])
        }
        None => connect,
    };
    let pool = PgPoolOptions::new()
        .max_connections(options.max_connections)
        .connect_with(connect)
        .await?;
    Ok(Pool::Postgres(pool))
}
