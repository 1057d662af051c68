//! The sign-up / login tutorial (`seed/000_7819b6628e333546.txt`) as a real application on
//! waflow: persistent accounts (Argon2id), flow tokens, sessions, password reset by WhatsApp
//! code, an account screen, brute-force throttling.
//!
//! [`app`] builds the router, so tests drive it with `oneshot` and no socket; `main.rs` only
//! reads the configuration ([`config`]) and serves it.

pub mod accounts;
pub mod config;
pub mod delivery;
pub mod flow;
pub mod handlers;
pub mod ops;
pub mod send;
pub mod server;
pub mod services;
pub mod webhook;

pub use server::{AppState, ENDPOINT_PATH, app, endpoint};
pub use services::{Services, issue_flow_token};
