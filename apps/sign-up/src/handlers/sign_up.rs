//! `SIGN_UP` submit: already registered → LOGIN; passwords differ or no digit → SIGN_UP again
//! with an error; otherwise register and go to LOGIN with the e-mail prefilled.

use serde::Deserialize;
use serde_json::json;
use waflow::endpoint::{FlowError, FlowResponse, Payload, State};

use crate::users::{User, Users};

/// The SIGN_UP form.
#[derive(Debug, Clone, Deserialize)]
pub struct SignUp {
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// E-mail.
    pub email: String,
    /// Password.
    pub password: String,
    /// Password again.
    pub confirm_password: String,
}

impl SignUp {
    /// SIGN_UP again with an error; names and e-mail kept, passwords cleared.
    fn retry(&self, message: &str) -> FlowResponse {
        FlowResponse::screen("SIGN_UP")
            .error_message(message)
            .data(json!({
                "first_name_initial_value": self.first_name,
                "last_name_initial_value": self.last_name,
                "email_initial_value": self.email,
                "password_initial_value": "",
                "confirm_password_initial_value": "",
            }))
    }
}

/// The SIGN_UP data-exchange handler.
///
/// # Errors
/// None today; the signature leaves room for a fallible user store.
pub async fn sign_up(
    State(users): State<Users>,
    Payload(form): Payload<SignUp>,
) -> Result<FlowResponse, FlowError> {
    if users.exists(&form.email).await {
        return Ok(FlowResponse::screen("LOGIN")
            .error_message("You are already registered. Please login")
            .data(json!({
                "email_initial_value": form.email,
                "password_initial_value": form.password,
            })));
    }
    if form.password != form.confirm_password {
        return Ok(form.retry("Passwords do not match"));
    }
    if !form.password.chars().any(|c| c.is_ascii_digit()) {
        return Ok(form.retry("Password must contain at least one number"));
    }
    let email = form.email.clone();
    users
        .create(User::new(
            form.first_name,
            form.last_name,
            form.email,
            form.password,
        ))
        .await;
    Ok(FlowResponse::screen("LOGIN").data(json!({
        "email_initial_value": email,
        "password_initial_value": "",
    })))
}
