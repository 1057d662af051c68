//! ACCOUNT (a signed-in user's home), CHANGE_EMAIL, CHANGE_PASSWORD and NOTICE, the terminal
//! screen that tells how an account action ended.

use serde::{Deserialize, Serialize};
use waflow_json::prelude::*;

use super::common::{current_password, email_input, leave_link, new_password};
use super::{ACCOUNT, CHANGE_EMAIL, CHANGE_PASSWORD, NOTICE};

/// ACCOUNT's data.
#[derive(Debug, Clone, Serialize, DataModel)]
pub struct AccountData {
    /// `Hello …`
    #[flow(example = "Hello John Doe")]
    pub greeting: String,
    /// `E-mail: …`
    #[flow(example = "E-mail: john.doe@gmail.com")]
    pub email_line: String,
    /// A line about the session.
    #[flow(example = "You are logged in on this phone.")]
    pub notice: String,
}

/// ACCOUNT's menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, DataSource)]
#[serde(rename_all = "snake_case")]
pub enum AccountIntent {
    /// Go to CHANGE_EMAIL.
    #[flow(title = "Change my e-mail")]
    ChangeEmail,
    /// Go to CHANGE_PASSWORD.
    #[flow(title = "Change my password")]
    ChangePassword,
    /// End the session.
    #[flow(title = "Log out")]
    Logout,
    /// Close the flow.
    #[flow(title = "Leave")]
    Leave,
    /// Nothing chosen, or a value the menu does not offer.
    #[default]
    #[serde(other)]
    Unknown,
}

/// ACCOUNT's form.
#[derive(Debug, Clone, Deserialize, FormData)]
pub struct AccountChoice {
    /// The choice.
    #[serde(default)]
    pub intent: AccountIntent,
}

pub(crate) fn account() -> Screen {
    let data = ACCOUNT.refs();
    let form = AccountChoice::names();
    let choice = RadioButtonsGroup::new(form.intent, AccountIntent::data_source())
        .label("What would you like to do?")
        .required();
    Screen::new(ACCOUNT)
        .title("My account")
        .terminal(true)
        .child(TextHeading::new(data.greeting))
        .child(TextBody::new(data.email_line))
        .child(TextCaption::new(data.notice))
        .child(Form::new("form").child(choice).child(Footer::new(
            "Continue",
            Action::data_exchange().payload(AccountChoice::payload()),
        )))
}

/// CHANGE_EMAIL's data: the e-mail to prefill.
#[derive(Debug, Clone, Serialize, DataModel)]
pub struct ChangeEmailData {
    /// E-mail.
    #[flow(example = "john.doe@gmail.com")]
    pub email_initial_value: String,
}

/// The CHANGE_EMAIL form.
#[derive(Debug, Clone, Deserialize, FormData)]
pub struct ChangeEmail {
    /// The new e-mail.
    #[serde(default)]
    pub email: String,
    /// The current password.
    #[serde(default)]
    pub current_password: String,
}

pub(crate) fn change_email() -> Screen {
    let data = CHANGE_EMAIL.refs();
    let form = ChangeEmail::names();
    Screen::new(CHANGE_EMAIL)
        .title("Change e-mail")
        .terminal(true)
        .child(leave_link())
        .child(
            Form::new("form")
                .child(
                    email_input(form.email, "New e-mail address")
                        .init_value(data.email_initial_value),
                )
                .child(current_password(form.current_password, "Current password"))
                .child(Footer::new(
                    "Save",
                    Action::data_exchange().payload(ChangeEmail::payload()),
                )),
        )
}

/// The CHANGE_PASSWORD form.
#[derive(Debug, Clone, Deserialize, FormData)]
pub struct ChangePassword {
    /// The current password.
    #[serde(default)]
    pub current_password: String,
    /// The new password.
    #[serde(default)]
    pub password: String,
    /// The new password again.
    #[serde(default)]
    pub confirm_password: String,
}

pub(crate) fn change_password() -> Screen {
    let form = ChangePassword::names();
    Screen::new(CHANGE_PASSWORD)
        .title("Change password")
        .terminal(true)
        .child(leave_link())
        .child(
            Form::new("form")
                .child(current_password(form.current_password, "Current password"))
                .child(new_password(form.password, "New password"))
                .child(new_password(form.confirm_password, "Confirm new password"))
                .child(Footer::new(
                    "Save",
                    Action::data_exchange().payload(ChangePassword::payload()),
                )),
        )
}

/// NOTICE's data: how the account action ended.
#[derive(Debug, Clone, Serialize, DataModel)]
pub struct NoticeData {
    /// One line, e.g. "Your e-mail was changed."
    #[flow(example = "Your e-mail was changed.")]
    pub notice: String,
}

impl NoticeData {
    /// NOTICE saying `notice`.
    pub fn new(notice: impl Into<String>) -> Self {
        Self {
            notice: notice.into(),
        }
    }
}

pub(crate) fn notice() -> Screen {
    let data = NOTICE.refs();
    Screen::new(NOTICE)
        .title("My account")
        .terminal(true)
        .child(TextBody::new(data.notice))
        .child(Footer::new("Done", Action::data_exchange()))
}
