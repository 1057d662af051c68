//! Migrations in both dialects, for waflow's own tables and for an application's.

use std::borrow::Cow;

use sqlx::migrate::{Migration, MigrationType, Migrator};
use sqlx::{AssertSqlSafe, SqlSafeStr};

use super::{Pool, StoreError};

/// One migration step, written once per dialect with the same intent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MigrationStep {
    /// Increasing version number, unique inside its [`MigrationSet`].
    pub version: i64,
    /// A short description, recorded in the migrations table.
    pub description: &'static str,
    /// The SQL for SQLite.
    pub sqlite: &'static str,
    /// The SQL for PostgreSQL.
    pub postgres: &'static str,
}

/// An ordered set of migrations tracked in its own table, so that an application can keep its
/// tables next to waflow's without the two histories interfering.
///
/// ```
/// use waflow::store::MigrationSet;
///
/// let set = MigrationSet::new("_my_app_migrations").step(
///     1,
///     "notes",
///     "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)",
///     "CREATE TABLE notes (id BIGSERIAL PRIMARY KEY, body TEXT NOT NULL)",
/// );
/// assert_eq!(set.steps().len(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MigrationSet {
    table: &'static str,
    steps: Vec<MigrationStep>,
}

impl MigrationSet {
    /// An empty set whose history lives in `table`.
    pub fn new(table: &'static str) -> Self {
        Self {
            table,
            steps: Vec::new(),
        }
    }

    /// Adds a step.
    #[must_use]
    pub fn step(
        mut self,
        version: i64,
        description: &'static str,
        sqlite: &'static str,
        postgres: &'static str,
    ) -> Self {
        self.steps.push(MigrationStep {
            version,
            description,
            sqlite,
            postgres,
        });
        self
    }

    /// The steps, in the order they were added.
    pub fn steps(&self) -> &[MigrationStep] {
        &self.steps
    }

    /// Applies every step not yet recorded in the set's table.
    pub(crate) async fn apply(&self, pool: &Pool) -> Result<(), StoreError> {
        let migrations = self
            .steps
            .iter()
            .map(|step| {
                let sql = match pool {
                    Pool::Sqlite(_) => step.sqlite,
                    Pool::Postgres(_) => step.postgres,
                };
                Migration::new(
                    step.version,
                    Cow::Borrowed(step.description),
                    MigrationType::Simple,
                    AssertSqlSafe(sql).into_sql_str(),
                    false,
                )
            })
            .collect();
        let mut migrator = Migrator::with_migrations(migrations);
        migrator.dangerous_set_table_name(self.table);
        match pool {
            Pool::Sqlite(pool) => migrator.run(pool).await?,
            Pool::Postgres(pool) => migrator.run(pool).await?,
        }
        Ok(())
    }
}

/// waflow's own tables.
pub(crate) fn waflow_migrations() -> MigrationSet {
    MigrationSet::new("_waflow_migrations")
        .step(
            1,
            "flow tokens, sessions, deliveries, attempts, one-time codes",
            include_str!("../../migrations/sqlite/0001_store.sql"),
            include_str!("../../migrations/postgres/0001_store.sql"),
        )
        .step(
            2,
            "one-time codes remember their requester",
            include_str!("../../migrations/sqlite/0002_code_requester.sql"),
            include_str!("../../migrations/postgres/0002_code_requester.sql"),
        )
}
