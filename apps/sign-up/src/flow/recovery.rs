//! FORGOT_PASSWORD and RESET_PASSWORD: a 6-digit one-time code sent to the account's WhatsApp.

use serde::{Deserialize, Serialize};
use waflow_json::prelude::*;

use super::common::{LEAVE, email_input, leave_link, new_password};
use super::{FORGOT_PASSWORD, RESET_PASSWORD};
use crate::services::CODE_TTL;

/// FORGOT_PASSWORD's data: the e-mail to prefill.
#[derive(Debug, Clone, Default, Serialize, DataModel)]
pub struct ForgotPasswordData {
    /// E-mail.
    #[flow(example = "john.doe@gmail.com")]
    pub email_initial_value: String,
}

/// The FORGOT_PASSWORD form.
#[derive(Debug, Clone, Deserialize, FormData)]
pub struct ForgotPassword {
    /// E-mail.
    #[serde(default)]
    pub email: String,
}

pub(crate) fn forgot_password() -> Screen {
    let data = FORGOT_PASSWORD.refs();
    let form = ForgotPassword::names();
    Screen::new(FORGOT_PASSWORD)
        .title("Forgot password")
        .child(TextHeading::new("Reset your password"))
        .child(TextBody::new(
            "We will send a 6-digit code to the WhatsApp number that registered this account.",
        ))
        .child(leave_link())
        .child(
            Form::new("form")
                .child(
                    email_input(form.email, "Email Address").init_value(data.email_initial_value),
                )
                .child(Footer::new(
                    "Send code",
                    Action::data_exchange().payload(ForgotPassword::payload()),
                )),
        )
}

/// RESET_PASSWORD's data: the e-mail the code was asked for (sent back with the form).
#[derive(Debug, Clone, Serialize, DataModel)]
pub struct ResetPasswordData {
    /// E-mail.
    #[flow(example = "john.doe@gmail.com")]
    pub email: String,
}

/// The RESET_PASSWORD form.
#[derive(Debug, Clone, Deserialize, FormData)]
pub struct ResetPassword {
    /// The e-mail the code was asked for (from the screen's data).
    #[flow(data)]
    #[serde(default)]
    pub email: String,
    /// The 6-digit code.
    #[serde(default)]
    pub code: String,
    /// New password.
    #[serde(default)]
    pub password: String,
    /// New password again.
    #[serde(default)]
    pub confirm_password: String,
}

/// RESET_PASSWORD's "Leave": also names the e-mail whose pending code is to be discarded.
#[derive(Debug, Clone, Deserialize, FormData)]
pub struct LeaveReset {
    /// Always [`LEAVE`].
    #[flow(value = LEAVE)]
    pub intent: String,
    /// The e-mail of the pending reset (absent on the other screens' "Leave").
    #[flow(data)]
    #[serde(default)]
    pub email: String,
}

pub(crate) fn reset_password() -> Screen {
    let form = ResetPassword::names();
    Screen::new(RESET_PASSWORD)
        .title("New password")
        .terminal(true)
        .child(TextBody::new(
            "If an account uses this e-mail, its WhatsApp number has received a code.",
        ))
        .child(EmbeddedLink::new(
            "Leave",
            Action::data_exchange().payload(LeaveReset::payload()),
        ))
        .child(
            Form::new("form")
                .child(
                    TextInput::new(form.code, "6-digit code")
                        .input_type(InputType::Number)
                        .required()
                        .min_chars(6)
                        .max_chars(6)
                        .helper_text(format!("Valid for {} minutes", CODE_TTL.as_secs() / 60)),
                )
                .child(new_password(form.password, "New password"))
                .child(new_password(form.confirm_password, "Confirm new password"))
                .child(Footer::new(
                    "Reset password",
                    Action::data_exchange().payload(ResetPassword::payload()),
                )),
        )
}
