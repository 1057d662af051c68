//! ACCOUNT (a signed-in user's home), CHANGE_EMAIL and CHANGE_PASSWORD.

use waflow_json::prelude::*;

use super::common::{INTENT, current_password, leave_link, new_password};
use super::{ACCOUNT, CHANGE_EMAIL, CHANGE_PASSWORD};

pub(crate) fn account() -> Screen {
    let greeting = ScreenData::new("greeting", "Hello John Doe");
    let email = ScreenData::new("email_line", "E-mail: john.doe@gmail.com");
    let notice = ScreenData::new("notice", "You are logged in on this phone.");
    let choice = RadioButtonsGroup::new(
        INTENT,
        [
            DataSourceItem::new("change_email", "Change my e-mail"),
            DataSourceItem::new("change_password", "Change my password"),
            DataSourceItem::new("logout", "Log out"),
            DataSourceItem::new("leave", "Leave"),
        ],
    )
    .label("What would you like to do?")
    .required();
    Screen::new(ACCOUNT)
        .title("My account")
        .terminal(true)
        .data([greeting.clone(), email.clone(), notice.clone()])
        .child(TextHeading::new(greeting.r()))
        .child(TextBody::new(email.r()))
        .child(TextCaption::new(notice.r()))
        .child(Form::new("form").child(choice.clone()).child(Footer::new(
            "Continue",
            Action::data_exchange().payload([(INTENT, choice.r())]),
        )))
}

pub(crate) fn change_email() -> Screen {
    let current = ScreenData::new("email_initial_value", "john.doe@gmail.com");
    let email = TextInput::new("email", "New e-mail address")
        .input_type(InputType::Email)
        .required()
        .init_value(current.r());
    let password = current_password("current_password", "Current password");
    let submit =
        Action::data_exchange().payload([("email", email.r()), ("current_password", password.r())]);
    Screen::new(CHANGE_EMAIL)
        .title("Change e-mail")
        .terminal(true)
        .data([current])
        .child(leave_link())
        .child(
            Form::new("form")
                .child(email)
                .child(password)
                .child(Footer::new("Save", submit)),
        )
}

pub(crate) fn change_password() -> Screen {
    let current = current_password("current_password", "Current password");
    let password = new_password("password", "New password");
    let confirm = new_password("confirm_password", "Confirm new password");
    let submit = Action::data_exchange().payload([
        ("current_password", current.r()),
        ("password", password.r()),
        ("confirm_password", confirm.r()),
    ]);
    Screen::new(CHANGE_PASSWORD)
        .title("Change password")
        .terminal(true)
        .child(leave_link())
        .child(
            Form::new("form")
                .child(current)
                .child(password)
                .child(confirm)
                .child(Footer::new("Save", submit)),
        )
}
