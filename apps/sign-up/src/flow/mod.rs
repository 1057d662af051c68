//! The sign-up flow's Flow JSON, built with `waflow_json`'s typed builder: the tutorial's four
//! screens plus every "What's next" feature (a logo on START, FORGOT_PASSWORD / RESET_PASSWORD,
//! a detailed LOGIN_SUCCESS, ACCOUNT with log-out, change e-mail and change password, and a way
//! to leave from every screen that the server learns about).
//!
//! Each screen is declared once, below, as a [`ScreenId`] with its data type; each form as a
//! `#[derive(FormData)]` struct, each menu as a `#[derive(DataSource)]` enum. The screens and the
//! handlers both use those declarations, so a key, a screen id or a choice cannot drift.
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

pub use account::{
    AccountChoice, AccountData, AccountIntent, ChangeEmail, ChangeEmailData, ChangePassword,
    NoticeData,
};
pub use common::{LEAVE, LeaveLink};
pub use public::{
    Login, LoginData, LoginSuccess, LoginSuccessData, SignUp, SignUpData, StartChoice, StartIntent,
};
pub use recovery::{
    ForgotPassword, ForgotPasswordData, LeaveReset, ResetPassword, ResetPasswordData,
};

/// Home screen: logo and a choice (sign up, log in, forgot password, leave).
pub const START: ScreenId = ScreenId::new("START");
/// The tutorial's sign-up form.
pub const SIGN_UP: ScreenId<SignUpData> = ScreenId::new("SIGN_UP");
/// The tutorial's login form.
pub const LOGIN: ScreenId<LoginData> = ScreenId::new("LOGIN");
/// Signed in: the user's details and "Stay logged in".
pub const LOGIN_SUCCESS: ScreenId<LoginSuccessData> = ScreenId::new("LOGIN_SUCCESS");
/// Ask for a reset code by e-mail.
pub const FORGOT_PASSWORD: ScreenId<ForgotPasswordData> = ScreenId::new("FORGOT_PASSWORD");
/// Enter the code and a new password.
pub const RESET_PASSWORD: ScreenId<ResetPasswordData> = ScreenId::new("RESET_PASSWORD");
/// A signed-in user's home (chosen at INIT from the session).
pub const ACCOUNT: ScreenId<AccountData> = ScreenId::new("ACCOUNT");
/// Change the e-mail (asks for the current password).
pub const CHANGE_EMAIL: ScreenId<ChangeEmailData> = ScreenId::new("CHANGE_EMAIL");
/// Change the password (asks for the current password).
pub const CHANGE_PASSWORD: ScreenId = ScreenId::new("CHANGE_PASSWORD");
/// How an account action ended (saved, unchanged, logged out, session over); "Done" closes.
pub const NOTICE: ScreenId<NoticeData> = ScreenId::new("NOTICE");

/// The whole flow. Meta's routing model has no loops and no way back, so every account action
/// ends on NOTICE and a finished reset signs the user in on LOGIN_SUCCESS.
pub fn sign_up_flow() -> FlowJson {
    FlowJson::new(FlowVersion::V7_3)
        .data_api_version(DataApiVersion::V3_0)
        .routing(routes! {
            START => [SIGN_UP, LOGIN, FORGOT_PASSWORD],
            SIGN_UP => [LOGIN],
            LOGIN => [LOGIN_SUCCESS, FORGOT_PASSWORD],
            FORGOT_PASSWORD => [RESET_PASSWORD],
            RESET_PASSWORD => [LOGIN_SUCCESS],
            LOGIN_SUCCESS => [],
            ACCOUNT => [CHANGE_EMAIL, CHANGE_PASSWORD, NOTICE],
            CHANGE_EMAIL => [NOTICE],
            CHANGE_PASSWORD => [NOTICE],
            NOTICE => [],
        })
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
            account::notice(),
        ])
}

#[cfg(test)]
mod tests {
    use waflow_json::DataSource as _;

    use super::*;

    #[test]
    fn every_leave_sends_the_same_intent() {
        assert_eq!(StartIntent::Leave.id(), LEAVE);
        assert_eq!(AccountIntent::Leave.id(), LEAVE);
    }
}
