//! Typed failures of the account repository.

use waflow::store::StoreError;

/// Why an account operation failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AccountError {
    /// Another account already uses this e-mail.
    #[error("this e-mail is already registered")]
    AlreadyRegistered,
    /// No such account.
    #[error("no such account")]
    NotFound,
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Hashing failed (never carries the password).
    #[error("password hashing failed: {0}")]
    Hash(String),
}

impl From<sqlx::Error> for AccountError {
    fn from(e: sqlx::Error) -> Self {
        let e = StoreError::Database(e);
        if e.is_unique_violation() {
            Self::AlreadyRegistered
        } else {
            Self::Store(e)
        }
    }
}

/// An account failure inside a handler: 500, the cause logged only (so handlers use bare `?`).
impl From<AccountError> for waflow::endpoint::FlowError {
    fn from(error: AccountError) -> Self {
        Self::internal(error)
    }
}
