//! The `users` repository.

use chrono::{DateTime, Utc};
use secrecy::SecretString;
use waflow::store::{MigrationSet, Store, StoreError, now_ms, on_pool};

use super::{AccountError, password};

/// The app's migrations, tracked apart from waflow's.
pub fn migrations() -> MigrationSet {
    MigrationSet::new("_sign_up_migrations").step(
        1,
        "users",
        include_str!("../../migrations/sqlite/0001_users.sql"),
        include_str!("../../migrations/postgres/0001_users.sql"),
    )
}

/// A stored user (never the password hash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    /// Database id.
    pub id: i64,
    /// Normalised e-mail.
    pub email: String,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// The phone number that registered the account (reset codes go there).
    pub phone: String,
    /// When the account was created.
    pub created_at: DateTime<Utc>,
    /// Last change of e-mail or password.
    pub updated_at: DateTime<Utc>,
}

/// A sign-up, already checked by [`rules`](super::rules).
#[derive(Debug, Clone)]
pub struct NewAccount {
    /// Normalised e-mail.
    pub email: String,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// The registering phone number.
    pub phone: String,
    /// The password.
    pub password: SecretString,
}

type Row = (i64, String, String, String, String, i64, i64);

const COLUMNS: &str = "id, email, first_name, last_name, phone, created_at, updated_at";

fn account(
    (id, email, first_name, last_name, phone, created, updated): Row,
) -> Result<Account, AccountError> {
    let time = |ms| {
        DateTime::from_timestamp_millis(ms).ok_or(AccountError::Store(StoreError::Corrupt(
            "time out of range",
        )))
    };
    Ok(Account {
        id,
        email,
        first_name,
        last_name,
        phone,
        created_at: time(created)?,
        updated_at: time(updated)?,
    })
}

/// The account repository; cheap to clone.
#[derive(Debug, Clone)]
pub struct Accounts {
    store: Store,
}

impl Accounts {
    /// Applies the app's migrations on `store` and returns the repository.
    pub async fn open(store: Store) -> Result<Self, AccountError> {
        store.apply_migrations(&migrations()).await?;
        Ok(Self { store })
    }

    /// Creates an account; [`AccountError::AlreadyRegistered`] when the e-mail is taken (also
    /// when another sign-up with the same e-mail wins a race).
    pub async fn register(&self, new: NewAccount) -> Result<Account, AccountError> {
        let hash = password::hash(new.password).await?;
        let now = now_ms();
        let (id,): (i64,) = on_pool!(self.store.pool(), |p| {
            sqlx::query_as(
            "INSERT INTO users (email, first_name, last_name, phone, password_hash, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id"
        )
        .bind(&new.email)
        .bind(&new.first_name)
        .bind(&new.last_name)
        .bind(&new.phone)
        .bind(&hash)
        .bind(now)
        .fetch_one(p)
        .await
        })?;
        account((
            id,
            new.email,
            new.first_name,
            new.last_name,
            new.phone,
            now,
            now,
        ))
    }

    /// The account with this (normalised) e-mail.
    pub async fn find_by_email(&self, email: &str) -> Result<Option<Account>, AccountError> {
        let row: Option<Row> = on_pool!(self.store.pool(), |p| sqlx::query_as(
            sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM users WHERE email = $1"))
        )
        .bind(email)
        .fetch_optional(p)
        .await)?;
        row.map(account).transpose()
    }

    /// The account with this id.
    pub async fn get(&self, id: i64) -> Result<Option<Account>, AccountError> {
        let row: Option<Row> = on_pool!(self.store.pool(), |p| sqlx::query_as(
            sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM users WHERE id = $1"))
        )
        .bind(id)
        .fetch_optional(p)
        .await)?;
        row.map(account).transpose()
    }

    /// The account if `password` is right for `email`; `None` for an unknown e-mail or a wrong
    /// password (both cost one Argon2id verification).
    pub async fn authenticate(
        &self,
        email: &str,
        password: SecretString,
    ) -> Result<Option<Account>, AccountError> {
        let row: Option<(i64, String)> = on_pool!(self.store.pool(), |p| sqlx::query_as(
            "SELECT id, password_hash FROM users WHERE email = $1"
        )
        .bind(email)
        .fetch_optional(p)
        .await)?;
        let (id, phc) = match row {
            Some((id, phc)) => (Some(id), Some(phc)),
            None => (None, None),
        };
        if !password::verify(password, phc).await? {
            return Ok(None);
        }
        match id {
            Some(id) => self.get(id).await,
            None => Ok(None),
        }
    }

    /// Checks `password` for account `id`.
    pub async fn check_password(
        &self,
        id: i64,
        password: SecretString,
    ) -> Result<bool, AccountError> {
        let row: Option<(String,)> = on_pool!(self.store.pool(), |p| sqlx::query_as(
            "SELECT password_hash FROM users WHERE id = $1"
        )
        .bind(id)
        .fetch_optional(p)
        .await)?;
        password::verify(password, row.map(|(h,)| h)).await
    }

    /// Replaces the password of account `id`.
    pub async fn set_password(&self, id: i64, password: SecretString) -> Result<(), AccountError> {
        let hash = password::hash(password).await?;
        let n = on_pool!(self.store.pool(), |p| sqlx::query(
            "UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3"
        )
        .bind(&hash)
        .bind(now_ms())
        .bind(id)
        .execute(p)
        .await
        .map(|r| r.rows_affected()))?;
        if n == 1 {
            Ok(())
        } else {
            Err(AccountError::NotFound)
        }
    }

    /// Changes the (normalised) e-mail of account `id`; [`AccountError::AlreadyRegistered`] when
    /// another account uses it.
    pub async fn change_email(&self, id: i64, email: &str) -> Result<(), AccountError> {
        let n = on_pool!(self.store.pool(), |p| sqlx::query(
            "UPDATE users SET email = $1, updated_at = $2 WHERE id = $3"
        )
        .bind(email)
        .bind(now_ms())
        .bind(id)
        .execute(p)
        .await
        .map(|r| r.rows_affected()))?;
        if n == 1 {
            Ok(())
        } else {
            Err(AccountError::NotFound)
        }
    }
}
