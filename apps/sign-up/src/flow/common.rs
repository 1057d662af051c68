//! Pieces every screen shares: the "Leave" link, the e-mail and password inputs.

use serde::Deserialize;
use waflow_json::prelude::*;

use crate::accounts::rules::{NEW_PASSWORD, PasswordRule};

/// The intent every "Leave" sends, from a link or a menu (the menus' `Leave` choices have this
/// id too; a unit test keeps them equal).
pub const LEAVE: &str = "leave";

/// The payload of the "Leave" link on every screen; the endpoint routes any request carrying it
/// to the leave handler, whatever the screen.
#[derive(Debug, Clone, Deserialize, FormData)]
pub struct LeaveLink {
    /// Always [`LEAVE`].
    #[flow(value = LEAVE)]
    pub intent: String,
}

/// "Leave": a data exchange, so the server learns the user left and closes the flow.
pub(crate) fn leave_link() -> EmbeddedLink {
    EmbeddedLink::new(
        "Leave",
        Action::data_exchange().payload(LeaveLink::payload()),
    )
}

/// A required e-mail input.
pub(crate) fn email_input(name: &str, label: &str) -> TextInput {
    TextInput::new(name, label)
        .input_type(InputType::Email)
        .required()
}

/// A password input that shows (and, on the server, is held to) `rule`.
pub(crate) fn password_input(name: &str, label: &str, rule: &PasswordRule) -> TextInput {
    TextInput::new(name, label)
        .input_type(InputType::Password)
        .required()
        .min_chars(rule.min_chars)
        .max_chars(rule.max_chars)
        .helper_text(rule.helper_text)
}

/// A new password, under the sign-up rule ([`NEW_PASSWORD`]).
pub(crate) fn new_password(name: &str, label: &str) -> TextInput {
    password_input(name, label, &NEW_PASSWORD)
}

/// A password field without rules (for checking the current password).
pub(crate) fn current_password(name: &str, label: &str) -> TextInput {
    TextInput::new(name, label)
        .input_type(InputType::Password)
        .required()
}
