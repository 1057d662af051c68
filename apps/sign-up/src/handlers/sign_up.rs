//! SIGN_UP: the tutorial's branches plus the server-side re-checks; the account belongs to the
//! phone number the flow was sent to.

use secrecy::SecretString;
use serde::Deserialize;
use serde_json::json;
use waflow::endpoint::{FlowError, FlowResponse, FlowToken, Payload, State};

use super::common::{internal, login_screen, sign_up_screen};
use crate::accounts::{AccountError, NewAccount, rules};
use crate::flow;
use crate::services::Services;

/// The SIGN_UP form (missing fields arrive empty and are refused by the re-checks).
#[derive(Debug, Clone, Deserialize)]
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

impl SignUp {
    fn retry(&self, message: &str) -> FlowResponse {
        sign_up_screen(&self.first_name, &self.last_name, &self.email).error_message(message)
    }
}

fn already_registered(email: &str) -> FlowResponse {
    login_screen(email).error_message("You are already registered. Please login")
}

/// The SIGN_UP handler.
///
/// # Errors
/// 427 for an invalid token; 500 when the store fails.
pub async fn sign_up(
    State(services): State<Services>,
    FlowToken(token): FlowToken,
    Payload(form): Payload<SignUp>,
) -> Result<FlowResponse, FlowError> {
    let (first_name, last_name) = match (
        rules::check_name(&form.first_name),
        rules::check_name(&form.last_name),
    ) {
        (Ok(f), Ok(l)) => (f, l),
        (Err(m), _) | (_, Err(m)) => return Ok(form.retry(m)),
    };
    let email = match rules::normalise_email(&form.email) {
        Ok(e) => e,
        Err(m) => return Ok(form.retry(m)),
    };
    if services
        .accounts
        .find_by_email(&email)
        .await
        .map_err(internal)?
        .is_some()
    {
        return Ok(already_registered(&email));
    }
    if form.password != form.confirm_password {
        return Ok(form.retry("Passwords do not match"));
    }
    if let Err(m) = rules::check_password(&form.password) {
        return Ok(form.retry(m));
    }
    let phone = services.phone_of(&token).await?;
    let new = NewAccount {
        email: email.clone(),
        first_name,
        last_name,
        phone,
        password: SecretString::from(form.password),
    };
    match services.accounts.register(new).await {
        Ok(_) => {
            tracing::info!("account created");
            Ok(FlowResponse::screen(flow::LOGIN).data(json!({
                "email_initial_value": email,
                "password_initial_value": "",
            })))
        }
        // Another sign-up with this e-mail won the race.
        Err(AccountError::AlreadyRegistered) => Ok(already_registered(&email)),
        Err(e) => Err(internal(e)),
    }
}
