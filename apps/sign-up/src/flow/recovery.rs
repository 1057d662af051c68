//! FORGOT_PASSWORD and RESET_PASSWORD: a 6-digit one-time code sent to the account's WhatsApp.

use waflow_json::prelude::*;

use super::common::{INTENT, LEAVE, leave_link, new_password};
use super::{FORGOT_PASSWORD, RESET_PASSWORD};

pub(crate) fn forgot_password() -> Screen {
    let email = ScreenData::new("email_initial_value", "john.doe@gmail.com");
    let email_input = TextInput::new("email", "Email Address")
        .input_type(InputType::Email)
        .required()
        .init_value(email.r());
    Screen::new(FORGOT_PASSWORD)
        .title("Forgot password")
        .data([email])
        .child(TextHeading::new("Reset your password"))
        .child(TextBody::new(
            "We will send a 6-digit code to the WhatsApp number that registered this account.",
        ))
        .child(leave_link())
        .child(
            Form::new("form")
                .child(email_input.clone())
                .child(Footer::new(
                    "Send code",
                    Action::data_exchange().payload([("email", email_input.r())]),
                )),
        )
}

pub(crate) fn reset_password() -> Screen {
    let email = ScreenData::new("email", "john.doe@gmail.com");
    let code = TextInput::new("code", "6-digit code")
        .input_type(InputType::Number)
        .required()
        .min_chars(6)
        .max_chars(6)
        .helper_text("Valid for 10 minutes");
    let password = new_password("password", "New password");
    let confirm = new_password("confirm_password", "Confirm new password");
    let submit = Action::data_exchange().payload([
        ("email", email.r()),
        ("code", code.r()),
        ("password", password.r()),
        ("confirm_password", confirm.r()),
    ]);
    Screen::new(RESET_PASSWORD)
        .title("New password")
        .terminal(true)
        .data([email.clone()])
        .child(TextBody::new(
            "If an account uses this e-mail, its WhatsApp number has received a code.",
        ))
        .child(EmbeddedLink::new(
            "Leave",
            Action::data_exchange().payload([
                (INTENT, serde_json::Value::from(LEAVE)),
                ("email", email.r().into()),
            ]),
        ))
        .child(
            Form::new("form")
                .child(code)
                .child(password)
                .child(confirm)
                .child(Footer::new("Reset password", submit)),
        )
}
