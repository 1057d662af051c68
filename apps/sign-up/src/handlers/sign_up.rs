//! SIGN_UP: the tutorial's branches plus the server-side re-checks; the account belongs to the
//! phone number the flow was sent to.

use secrecy::SecretString;
use waflow::endpoint::{FlowError, FlowResponse, Payload, Resolved, State};
use waflow::store::TokenInfo;

use super::common::login_screen;
use crate::accounts::{AccountError, NewAccount, rules};
use crate::flow::{self, SignUp, SignUpData};
use crate::services::Services;

/// SIGN_UP again with the names and e-mail kept, the passwords blank, and `message`.
fn retry(form: &SignUp, message: &str) -> FlowResponse {
    FlowResponse::to(
        flow::SIGN_UP,
        SignUpData {
            first_name_initial_value: form.first_name.clone(),
            last_name_initial_value: form.last_name.clone(),
            email_initial_value: form.email.clone(),
            ..SignUpData::default()
        },
    )
    .error_message(message)
}

fn already_registered(email: &str) -> FlowResponse {
    login_screen(email).error_message("You are already registered. Please login")
}

/// The SIGN_UP handler.
///
/// # Errors
/// 500 when the store fails.
pub async fn sign_up(
    State(services): State<Services>,
    Resolved(token): Resolved<TokenInfo>,
    Payload(form): Payload<SignUp>,
) -> Result<FlowResponse, FlowError> {
    let (first_name, last_name) = match (
        rules::check_name(&form.first_name),
        rules::check_name(&form.last_name),
    ) {
        (Ok(f), Ok(l)) => (f, l),
        (Err(m), _) | (_, Err(m)) => return Ok(retry(&form, m)),
    };
    let email = match rules::normalise_email(&form.email) {
        Ok(e) => e,
        Err(m) => return Ok(retry(&form, m)),
    };
    if services.accounts.find_by_email(&email).await?.is_some() {
        return Ok(already_registered(&email));
    }
    if form.password != form.confirm_password {
        return Ok(retry(&form, "Passwords do not match"));
    }
    if let Err(m) = rules::check_password(&form.password) {
        return Ok(retry(&form, m));
    }
    let new = NewAccount {
        email: email.clone(),
        first_name,
        last_name,
        phone: token.phone,
        password: SecretString::from(form.password),
    };
    match services.accounts.register(new).await {
        Ok(_) => {
            tracing::info!("account created");
            Ok(login_screen(&email))
        }
        // Another sign-up with this e-mail won the race.
        Err(AccountError::AlreadyRegistered) => Ok(already_registered(&email)),
        Err(e) => Err(e.into()),
    }
}
