//! The sign-up flow's Flow JSON, built with `waflow_json`'s builder: the tutorial's four screens
//! plus every "What's next" feature (a logo on START, FORGOT_PASSWORD / RESET_PASSWORD, a detailed
//! LOGIN_SUCCESS, ACCOUNT with log-out, change e-mail and change password, and a way to leave
//! from every screen that the server learns about).
//!
//! `cargo run --release -- flow-json` prints [`sign_up_flow`] as uploaded.
//!
//! ```
//! let flow = sign_up::flow::sign_up_flow();
//! assert!(flow.validate().iter().all(|f| f.severity != waflow_json::Severity::Error));
//! assert!(flow.find_screen(sign_up::flow::ACCOUNT).is_some());
//! ```

mod account;
mod common;
mod public;
mod recovery;

use waflow_json::prelude::*;

/// Home screen: logo and a choice (sign up, log in, forgot password, leave).
pub const START: &str = "START";
/// The tutorial's sign-up form.
pub const SIGN_UP: &str = "SIGN_UP";
/// The tutorial's login form.
pub const LOGIN: &str = "LOGIN";
/// Signed in: the user's details and "Stay logged in".
pub const LOGIN_SUCCESS: &str = "LOGIN_SUCCESS";
/// Ask for a reset code by e-mail.
pub const FORGOT_PASSWORD: &str = "FORGOT_PASSWORD";
/// Enter the code and a new password.
pub const RESET_PASSWORD: &str = "RESET_PASSWORD";
/// A signed-in user's home (chosen at INIT from the session).
pub const ACCOUNT: &str = "ACCOUNT";
/// Change the e-mail (asks for the current password).
pub const CHANGE_EMAIL: &str = "CHANGE_EMAIL";
/// Change the password (asks for the current password).
pub const CHANGE_PASSWORD: &str = "CHANGE_PASSWORD";

pub use common::{INTENT, LEAVE};

/// The whole flow.
pub fn sign_up_flow() -> FlowJson {
    FlowJson::new(FlowVersion::V7_3)
        .data_api_version(DataApiVersion::V3_0)
        .routing([
            (START, &[SIGN_UP, LOGIN, FORGOT_PASSWORD][..]),
            (SIGN_UP, &[LOGIN]),
            (LOGIN, &[LOGIN_SUCCESS, FORGOT_PASSWORD]),
            (FORGOT_PASSWORD, &[RESET_PASSWORD]),
            (RESET_PASSWORD, &[]),
            (LOGIN_SUCCESS, &[]),
            (ACCOUNT, &[CHANGE_EMAIL, CHANGE_PASSWORD]),
            (CHANGE_EMAIL, &[]),
            (CHANGE_PASSWORD, &[]),
        ])
        .screens([
            public::start(),
            public::sign_up(),
            public::login(),
            public::login_success(),
            recovery::forgot_password(),
            recovery::reset_password(),
            account::account(),
            account::change_email(),
            account::change_password(),
        ])
}
