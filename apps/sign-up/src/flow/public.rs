//! START, SIGN_UP, LOGIN and LOGIN_SUCCESS.

use waflow_json::prelude::*;

use super::common::{INTENT, blank, current_password, leave_link, new_password};
use super::{FORGOT_PASSWORD, LOGIN, LOGIN_SUCCESS, SIGN_UP, START};

/// The project's logo (96x96 PNG), embedded as base64.
pub(crate) const LOGO_PNG_BASE64: &str = include_str!("logo.png.b64");

fn login_blank() -> Vec<(&'static str, &'static str)> {
    blank(["email_initial_value", "password_initial_value"])
}

pub(crate) fn start() -> Screen {
    let choice = RadioButtonsGroup::new(
        INTENT,
        [
            DataSourceItem::new("sign_up", "Sign up"),
            DataSourceItem::new("login", "Log in"),
            DataSourceItem::new("forgot_password", "I forgot my password"),
            DataSourceItem::new("leave", "Leave"),
        ],
    )
    .label("What would you like to do?")
    .required();
    Screen::new(START)
        .title("Home")
        .child(
            Image::new(LOGO_PNG_BASE64)
                .width(96)
                .height(96)
                .alt_text("waflow logo"),
        )
        .child(TextHeading::new("Welcome to our app"))
        .child(Form::new("form").child(choice.clone()).child(Footer::new(
            "Continue",
            Action::data_exchange().payload([(INTENT, choice.r())]),
        )))
}

pub(crate) fn sign_up() -> Screen {
    let first = ScreenData::new("first_name_initial_value", "John");
    let last = ScreenData::new("last_name_initial_value", "Doe");
    let email = ScreenData::new("email_initial_value", "john.doe@gmail.com");
    let password = ScreenData::new("password_initial_value", "abc123");
    let confirm = ScreenData::new("confirm_password_initial_value", "abc123");

    let first_name = TextInput::new("first_name", "First Name")
        .input_type(InputType::Text)
        .required()
        .init_value(first.r());
    let last_name = TextInput::new("last_name", "Last Name")
        .input_type(InputType::Text)
        .required()
        .init_value(last.r());
    let email_input = TextInput::new("email", "Email Address")
        .input_type(InputType::Email)
        .required()
        .init_value(email.r());
    let password_input = new_password("password", "Password").init_value(password.r());
    let confirm_input =
        new_password("confirm_password", "Confirm Password").init_value(confirm.r());

    let submit = Action::data_exchange().payload([
        ("first_name", first_name.r()),
        ("last_name", last_name.r()),
        ("email", email_input.r()),
        ("password", password_input.r()),
        ("confirm_password", confirm_input.r()),
    ]);

    Screen::new(SIGN_UP)
        .title("Sign Up")
        .data([first, last, email, password, confirm])
        .child(TextHeading::new("Please enter your details"))
        .child(EmbeddedLink::new(
            "Already have an account?",
            Action::navigate(LOGIN).payload(login_blank()),
        ))
        .child(leave_link())
        .child(
            Form::new("form")
                .child(first_name)
                .child(last_name)
                .child(email_input)
                .child(password_input)
                .child(confirm_input)
                .child(Footer::new("Done", submit)),
        )
}

pub(crate) fn login() -> Screen {
    let email = ScreenData::new("email_initial_value", "john.doe@gmail.com");
    let password = ScreenData::new("password_initial_value", "abc123");
    let email_input = TextInput::new("email", "Email Address")
        .input_type(InputType::Email)
        .required()
        .init_value(email.r());
    let password_input = current_password("password", "Password").init_value(password.r());
    let submit = Action::data_exchange()
        .payload([("email", email_input.r()), ("password", password_input.r())]);

    Screen::new(LOGIN)
        .title("Login")
        .terminal(true)
        .data([email, password])
        .child(TextHeading::new("Please enter your details"))
        .child(EmbeddedLink::new(
            "Forgot your password?",
            Action::navigate(FORGOT_PASSWORD).payload(blank(["email_initial_value"])),
        ))
        .child(leave_link())
        .child(
            Form::new("form")
                .child(email_input)
                .child(password_input)
                .child(Footer::new("Done", submit)),
        )
}

pub(crate) fn login_success() -> Screen {
    let name = ScreenData::new("name", "John Doe");
    let email = ScreenData::new("email_line", "E-mail: john.doe@gmail.com");
    let phone = ScreenData::new("phone_line", "WhatsApp: +1 555 0100");
    let since = ScreenData::new("member_since_line", "Member since 2026-11-25");
    let stay = OptIn::new("stay_logged_in", "Stay logged in for 30 days");
    let done = Action::data_exchange().payload([("stay_logged_in", stay.r())]);
    Screen::new(LOGIN_SUCCESS)
        .title("Success")
        .terminal(true)
        .success(true)
        .data([name.clone(), email.clone(), phone.clone(), since.clone()])
        .child(TextHeading::new("Welcome to our store"))
        .child(TextSubheading::new(name.r()))
        .child(TextBody::new(email.r()))
        .child(TextBody::new(phone.r()))
        .child(TextCaption::new(since.r()))
        .child(
            Form::new("form")
                .child(stay)
                .child(Footer::new("Done", done)),
        )
}
