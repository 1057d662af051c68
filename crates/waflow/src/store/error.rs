//! Typed errors of the store.

/// A failure of the storage backend itself (connection, query, migration, data folder).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The database URL is not `sqlite:...`, `postgres://...` or `postgresql://...`, or cannot be
    /// parsed. The URL itself is not repeated because it may carry a password.
    #[error("invalid database URL: {0}")]
    InvalidUrl(&'static str),
    /// The data folder for the embedded SQLite database could not be created.
    #[error("cannot create the data folder {path}: {source}")]
    DataDir {
        /// The folder that was to be created.
        path: std::path::PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The database answered with an error or could not be reached.
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    /// Applying migrations failed.
    #[error("migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    /// A stored value is not what this version of waflow wrote (for example a time out of range).
    #[error("corrupt stored value: {0}")]
    Corrupt(&'static str),
}

impl StoreError {
    /// True when the error is a unique-constraint violation (useful to turn a race on an insert
    /// into a typed "already exists" answer).
    pub fn is_unique_violation(&self) -> bool {
        matches!(self, Self::Database(sqlx::Error::Database(e)) if e.is_unique_violation())
    }
}

/// Why a flow token was refused. Each of these is answered with HTTP 427 by the endpoint.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TokenError {
    /// No token like this was ever issued.
    #[error("this flow is not valid, please ask for a new one")]
    Unknown,
    /// The token's lifetime is over.
    #[error("this flow has expired, please ask for a new one")]
    Expired,
    /// The flow was completed or left; the token cannot be used again.
    #[error("this flow is already closed, please ask for a new one")]
    Closed,
    /// The token was issued for another flow than the one it was sent to.
    #[error("this flow is not valid, please ask for a new one")]
    OtherFlow,
    /// The store could not answer.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Why a one-time code was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum CodeError {
    /// No code is pending for this subject (never issued, already used, or replaced).
    #[error("no code is pending, please ask for a new one")]
    NotIssued,
    /// The code's lifetime is over.
    #[error("the code has expired, please ask for a new one")]
    Expired,
    /// The code is wrong; `tries_left` more attempts are allowed.
    #[error("the code is not correct")]
    Wrong {
        /// Attempts left before the code is void.
        tries_left: u32,
    },
    /// Too many wrong attempts; the code is void.
    #[error("too many wrong codes, please ask for a new one")]
    TooManyTries,
}

/// The outcome of verifying a one-time code when the store itself may fail.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum VerifyError {
    /// The code was refused.
    #[error(transparent)]
    Code(#[from] CodeError),
    /// The store could not answer.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for TokenError {
    fn from(e: sqlx::Error) -> Self {
        Self::Store(StoreError::Database(e))
    }
}

impl From<sqlx::Error> for VerifyError {
    fn from(e: sqlx::Error) -> Self {
        Self::Store(StoreError::Database(e))
    }
}

/// A store failure inside a handler: 500, the cause logged only (so handlers use bare `?`).
#[cfg(feature = "endpoint")]
impl From<StoreError> for crate::endpoint::FlowError {
    fn from(error: StoreError) -> Self {
        Self::internal(error)
    }
}
