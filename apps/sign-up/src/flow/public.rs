//! START, SIGN_UP, LOGIN and LOGIN_SUCCESS: each screen's data, form and choices declared once,
//! and the screens built from them.

use serde::{Deserialize, Serialize};
use waflow_json::prelude::*;

use super::common::{current_password, email_input, leave_link, new_password};
use super::{FORGOT_PASSWORD, LOGIN, LOGIN_SUCCESS, SIGN_UP, START};
use crate::flow::recovery::ForgotPasswordData;

/// The project's logo (96x96 PNG), embedded as base64.
pub(crate) const LOGO_PNG_BASE64: &str = include_str!("logo.png.b64");

/// START's menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, DataSource)]
#[serde(rename_all = "snake_case")]
pub enum StartIntent {
    /// Go to SIGN_UP.
    #[flow(title = "Sign up")]
    SignUp,
    /// Go to LOGIN.
    #[flow(title = "Log in")]
    Login,
    /// Go to FORGOT_PASSWORD.
    #[flow(title = "I forgot my password")]
    ForgotPassword,
    /// Close the flow.
    #[flow(title = "Leave")]
    Leave,
    /// Nothing chosen, or a value the menu does not offer.
    #[default]
    #[serde(other)]
    Unknown,
}

/// START's form.
#[derive(Debug, Clone, Deserialize, FormData)]
pub struct StartChoice {
    /// The choice.
    #[serde(default)]
    pub intent: StartIntent,
}

pub(crate) fn start() -> Screen {
    let form = StartChoice::names();
    let choice = RadioButtonsGroup::new(form.intent, StartIntent::data_source())
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
        .child(Form::new("form").child(choice).child(Footer::new(
            "Continue",
            Action::data_exchange().payload(StartChoice::payload()),
        )))
}

/// SIGN_UP's data: what the form starts with (the names and e-mail kept on a retry).
#[derive(Debug, Clone, Default, Serialize, DataModel)]
pub struct SignUpData {
    /// First name.
    #[flow(example = "John")]
    pub first_name_initial_value: String,
    /// Last name.
    #[flow(example = "Doe")]
    pub last_name_initial_value: String,
    /// E-mail.
    #[flow(example = "john.doe@gmail.com")]
    pub email_initial_value: String,
    /// Password (always sent blank).
    #[flow(example = "abc123")]
    pub password_initial_value: String,
    /// Password again (always sent blank).
    #[flow(example = "abc123")]
    pub confirm_password_initial_value: String,
}

/// The SIGN_UP form (missing fields arrive empty and are refused by the re-checks).
#[derive(Debug, Clone, Deserialize, FormData)]
pub struct SignUp {
    /// First name.
    #[serde(default)]
    pub first_name: String,
    /// Last name.
    #[serde(default)]
    pub last_name: String,
    /// E-mail.
    #[serde(default)]
    pub email: String,
    /// Password.
    #[serde(default)]
    pub password: String,
    /// Password again.
    #[serde(default)]
    pub confirm_password: String,
}

pub(crate) fn sign_up() -> Screen {
    let data = SIGN_UP.refs();
    let form = SignUp::names();
    Screen::new(SIGN_UP)
        .title("Sign Up")
        .child(TextHeading::new("Please enter your details"))
        .child(EmbeddedLink::new(
            "Already have an account?",
            Action::navigate_to(LOGIN, &LoginData::default()),
        ))
        .child(leave_link())
        .child(
            Form::new("form")
                .child(
                    TextInput::new(form.first_name, "First Name")
                        .input_type(InputType::Text)
                        .required()
                        .init_value(data.first_name_initial_value),
                )
                .child(
                    TextInput::new(form.last_name, "Last Name")
                        .input_type(InputType::Text)
                        .required()
                        .init_value(data.last_name_initial_value),
                )
                .child(
                    email_input(form.email, "Email Address").init_value(data.email_initial_value),
                )
                .child(
                    new_password(form.password, "Password").init_value(data.password_initial_value),
                )
                .child(
                    new_password(form.confirm_password, "Confirm Password")
                        .init_value(data.confirm_password_initial_value),
                )
                .child(Footer::new(
                    "Done",
                    Action::data_exchange().payload(SignUp::payload()),
                )),
        )
}

/// LOGIN's data: the e-mail to prefill (the password always blank).
#[derive(Debug, Clone, Default, Serialize, DataModel)]
pub struct LoginData {
    /// E-mail.
    #[flow(example = "john.doe@gmail.com")]
    pub email_initial_value: String,
    /// Password (always sent blank).
    #[flow(example = "abc123")]
    pub password_initial_value: String,
}

impl LoginData {
    /// LOGIN with `email` prefilled.
    pub fn with_email(email: impl Into<String>) -> Self {
        Self {
            email_initial_value: email.into(),
            password_initial_value: String::new(),
        }
    }
}

/// The LOGIN form.
#[derive(Debug, Clone, Deserialize, FormData)]
pub struct Login {
    /// E-mail.
    #[serde(default)]
    pub email: String,
    /// Password.
    #[serde(default)]
    pub password: String,
}

pub(crate) fn login() -> Screen {
    let data = LOGIN.refs();
    let form = Login::names();
    Screen::new(LOGIN)
        .title("Login")
        .terminal(true)
        .child(TextHeading::new("Please enter your details"))
        .child(EmbeddedLink::new(
            "Forgot your password?",
            Action::navigate_to(FORGOT_PASSWORD, &ForgotPasswordData::default()),
        ))
        .child(leave_link())
        .child(
            Form::new("form")
                .child(
                    email_input(form.email, "Email Address").init_value(data.email_initial_value),
                )
                .child(
                    current_password(form.password, "Password")
                        .init_value(data.password_initial_value),
                )
                .child(Footer::new(
                    "Done",
                    Action::data_exchange().payload(Login::payload()),
                )),
        )
}

/// LOGIN_SUCCESS's data: the signed-in user's details, one line each.
#[derive(Debug, Clone, Serialize, DataModel)]
pub struct LoginSuccessData {
    /// Full name.
    #[flow(example = "John Doe")]
    pub name: String,
    /// `E-mail: …`
    #[flow(example = "E-mail: john.doe@gmail.com")]
    pub email_line: String,
    /// `WhatsApp: …`
    #[flow(example = "WhatsApp: +1 555 0100")]
    pub phone_line: String,
    /// `Member since …`
    #[flow(example = "Member since 2026-11-25")]
    pub member_since_line: String,
}

/// The LOGIN_SUCCESS form.
#[derive(Debug, Clone, Deserialize, FormData)]
pub struct LoginSuccess {
    /// The "Stay logged in" opt-in (absent or `false` when not ticked).
    #[serde(default)]
    pub stay_logged_in: bool,
}

pub(crate) fn login_success() -> Screen {
    let data = LOGIN_SUCCESS.refs();
    let form = LoginSuccess::names();
    Screen::new(LOGIN_SUCCESS)
        .title("Success")
        .terminal(true)
        .success(true)
        .child(TextHeading::new("Welcome to our store"))
        .child(TextSubheading::new(data.name))
        .child(TextBody::new(data.email_line))
        .child(TextBody::new(data.phone_line))
        .child(TextCaption::new(data.member_since_line))
        .child(
            Form::new("form")
                .child(OptIn::new(
                    form.stay_logged_in,
                    "Stay logged in for 30 days",
                ))
                .child(Footer::new(
                    "Done",
                    Action::data_exchange().payload(LoginSuccess::payload()),
                )),
        )
}
