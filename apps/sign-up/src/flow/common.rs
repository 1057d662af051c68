//! Pieces every screen shares.

use waflow_json::prelude::*;

/// The payload key that carries a non-form intent (`leave`, a menu choice).
pub const INTENT: &str = "intent";
/// The intent of the "Leave" link on every screen.
pub const LEAVE: &str = "leave";

/// "Leave": a data exchange, so the server learns the user left and closes the flow.
pub(crate) fn leave_link() -> EmbeddedLink {
    EmbeddedLink::new("Leave", Action::data_exchange().payload([(INTENT, LEAVE)]))
}

/// `key: ""` for each key: the blank data a navigation hands to a form screen.
pub(crate) fn blank<const N: usize>(keys: [&'static str; N]) -> Vec<(&'static str, &'static str)> {
    keys.iter().map(|k| (*k, "")).collect()
}

/// A password field as on the tutorial's SIGN_UP screen (8-16 characters, one digit).
pub(crate) fn new_password(name: &str, label: &str) -> TextInput {
    TextInput::new(name, label)
        .input_type(InputType::Password)
        .required()
        .min_chars(8)
        .max_chars(16)
        .helper_text("8 to 16 characters, at least one number")
}

/// A password field without rules (for checking the current password).
pub(crate) fn current_password(name: &str, label: &str) -> TextInput {
    TextInput::new(name, label)
        .input_type(InputType::Password)
        .required()
}
