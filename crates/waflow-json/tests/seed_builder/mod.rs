//! The seed tutorial's sign-up flow written with the builder, shared by `tests/golden_seed.rs`
//! (its output must equal `tests/seed/signup_flow.json`) and `benches/flow_json.rs`.

use waflow_json::prelude::*;

fn blank<const N: usize>(keys: [&str; N]) -> Vec<(&str, &str)> {
    keys.iter().map(|k| (*k, "")).collect()
}

fn login_blank() -> Vec<(&'static str, &'static str)> {
    blank(["email_initial_value", "password_initial_value"])
}

fn start_screen() -> Screen {
    Screen::new("START")
        .title("Home")
        .child(TextHeading::new("Welcome to our app"))
        .child(EmbeddedLink::new(
            "Click here to sign up",
            Action::navigate("SIGN_UP").payload(blank([
                "first_name_initial_value",
                "last_name_initial_value",
                "email_initial_value",
                "password_initial_value",
                "confirm_password_initial_value",
            ])),
        ))
        .child(EmbeddedLink::new(
            "Click here to login",
            Action::navigate("LOGIN").payload(login_blank()),
        ))
}

fn sign_up_screen() -> Screen {
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
    let password_input = TextInput::new("password", "Password")
        .input_type(InputType::Password)
        .required()
        .min_chars(8)
        .max_chars(16)
        .helper_text("Password must contain at least one number")
        .init_value(password.r());
    let confirm_input = TextInput::new("confirm_password", "Confirm Password")
        .input_type(InputType::Password)
        .required()
        .min_chars(8)
        .max_chars(16)
        .init_value(confirm.r());

    let submit = Action::data_exchange().payload([
        ("first_name", first_name.r()),
        ("last_name", last_name.r()),
        ("email", email_input.r()),
        ("password", password_input.r()),
        ("confirm_password", confirm_input.r()),
    ]);

    Screen::new("SIGN_UP")
        .title("Sign Up")
        .data([first, last, email, password, confirm])
        .child(TextHeading::new("Please enter your details"))
        .child(EmbeddedLink::new(
            "Already have an account?",
            Action::navigate("LOGIN").payload(login_blank()),
        ))
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

fn login_screen() -> Screen {
    let email = ScreenData::new("email_initial_value", "john.doe@gmail.com");
    let password = ScreenData::new("password_initial_value", "abc123");
    let email_input = TextInput::new("email", "Email Address")
        .input_type(InputType::Email)
        .required()
        .init_value(email.r());
    let password_input = TextInput::new("password", "Password")
        .input_type(InputType::Password)
        .required()
        .init_value(password.r());
    let submit = Action::data_exchange()
        .payload([("email", email_input.r()), ("password", password_input.r())]);

    Screen::new("LOGIN")
        .title("Login")
        .terminal(true)
        .data([email, password])
        .child(TextHeading::new("Please enter your details"))
        .child(EmbeddedLink::new(
            "Don't have an account?",
            Action::navigate("SIGN_UP").payload(blank([
                "email_initial_value",
                "password_initial_value",
                "confirm_password_initial_value",
                "first_name_initial_value",
                "last_name_initial_value",
            ])),
        ))
        .child(
            Form::new("form")
                .child(email_input)
                .child(password_input)
                .child(Footer::new("Done", submit)),
        )
}

fn login_success_screen() -> Screen {
    let stay = OptIn::new("stay_logged_in", "Stay logged in");
    let done = Action::complete().payload([("stay_logged_in", stay.r())]);
    Screen::new("LOGIN_SUCCESS")
        .title("Success")
        .terminal(true)
        .child(TextHeading::new("Welcome to our store"))
        .child(TextSubheading::new("You are now logged in"))
        .child(
            Form::new("form")
                .child(stay)
                .child(Footer::new("Done", done)),
        )
}

pub(crate) fn sign_up_flow() -> FlowJson {
    FlowJson::new(FlowVersion::V3_0)
        .data_api_version(DataApiVersion::V3_0)
        .routing([
            ("START", &["SIGN_UP", "LOGIN"][..]),
            ("SIGN_UP", &["LOGIN"]),
            ("LOGIN", &["LOGIN_SUCCESS"]),
            ("LOGIN_SUCCESS", &[]),
        ])
        .screens([
            start_screen(),
            sign_up_screen(),
            login_screen(),
            login_success_screen(),
        ])
}
