//! The sign-up / login tutorial (`seed/000_7819b6628e333546.txt`) served by waflow.
//!
//! [`app`] builds the router, so tests drive it with `oneshot` and no socket; `main.rs` only
//! reads the configuration ([`cli`]) and serves it.

pub mod cli;
pub mod handlers;
pub mod server;
pub mod users;

pub use server::{AppState, ENDPOINT_PATH, app, endpoint};
pub use users::Users;
