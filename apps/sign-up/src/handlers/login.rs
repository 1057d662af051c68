//! `LOGIN` submit: not registered → SIGN_UP with the e-mail prefilled; wrong password → LOGIN
//! again; otherwise LOGIN_SUCCESS.

use serde::Deserialize;
use serde_json::json;
use waflow::endpoint::{FlowError, FlowResponse, Payload, State};

use crate::users::Users;

/// The LOGIN form.
#[derive(Debug, Clone, Deserialize)]
pub struct Login {
    /// E-mail.
    pub email: String,
    /// Password.
    pub password: String,
}

/// The LOGIN data-exchange handler.
///
/// # Errors
/// None today; the signature leaves room for a fallible user store.
pub async fn login(
    State(users): State<Users>,
    Payload(form): Payload<Login>,
) -> Result<FlowResponse, FlowError> {
    if !users.exists(&form.email).await {
        return Ok(FlowResponse::screen("SIGN_UP")
            .error_message("You are not registered. Please sign up")
            .data(json!({
                "first_name_initial_value": "",
                "last_name_initial_value": "",
                "email_initial_value": form.email,
                "password_initial_value": "",
                "confirm_password_initial_value": "",
            })));
    }
    if !users.password_matches(&form.email, &form.password).await {
        return Ok(FlowResponse::screen("LOGIN")
            .error_message("Incorrect password")
            .data(json!({
                "email_initial_value": form.email,
                "password_initial_value": "",
            })));
    }
    Ok(FlowResponse::screen("LOGIN_SUCCESS"))
}
