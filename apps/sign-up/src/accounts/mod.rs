//! Persistent user accounts on the same [`Store`](waflow::store::Store) as waflow's own state.
//!
//! The `users` table comes from the app's own [`MigrationSet`](waflow::store::MigrationSet)
//! (history table `_sign_up_migrations`, SQL in `apps/sign-up/migrations/{sqlite,postgres}`),
//! applied by [`Accounts::open`]. E-mails are stored normalised (trimmed, lowercase) under a
//! UNIQUE constraint, so two concurrent sign-ups with the same address create exactly one user.

mod error;
pub mod password;
mod repo;
pub mod rules;

pub use error::AccountError;
pub use repo::{Account, Accounts, NewAccount, migrations};
