//! FORGOT_PASSWORD (sends a 6-digit code to the phone that registered the account) and
//! RESET_PASSWORD (code + new password). Both answer the same whether or not the e-mail has an
//! account, so the screens do not reveal who is registered.

use secrecy::SecretString;
use serde::Deserialize;
use serde_json::json;
use waflow::endpoint::{FlowError, FlowResponse, Payload, State};
use waflow::store::{CodeError, VerifyError};

use super::common::{internal, login_screen};
use crate::accounts::rules;
use crate::flow;
use crate::services::{CODE_TRIES, CODE_TTL, SCOPE_RESET, Services, TRY_LATER};

/// The one-time-code scope of password resets.
pub const RESET_CODES: &str = "password-reset";

/// The FORGOT_PASSWORD form.
#[derive(Debug, Clone, Deserialize)]
pub struct ForgotPassword {
    /// E-mail.
    #[serde(default)]
    pub email: String,
}

fn reset_screen(email: &str) -> FlowResponse {
    FlowResponse::screen(flow::RESET_PASSWORD).data(json!({ "email": email }))
}

/// FORGOT_PASSWORD "Send code".
///
/// # Errors
/// 500 when the store fails.
pub async fn forgot_password(
    State(services): State<Services>,
    Payload(form): Payload<ForgotPassword>,
) -> Result<FlowResponse, FlowError> {
    let email = match rules::normalise_email(&form.email) {
        Ok(e) => e,
        Err(m) => {
            return Ok(FlowResponse::screen(flow::FORGOT_PASSWORD)
                .with("email_initial_value", form.email.trim())
                .error_message(m));
        }
    };
    // Each request counts toward the reset throttle (recorded by `throttled`), so codes cannot
    // be requested endlessly.
    if services.throttled(SCOPE_RESET, &email).await? {
        return Ok(FlowResponse::screen(flow::FORGOT_PASSWORD)
            .with("email_initial_value", email)
            .error_message(TRY_LATER));
    }
    if let Some(account) = services
        .accounts
        .find_by_email(&email)
        .await
        .map_err(internal)?
    {
        let code = services
            .store
            .one_time_codes()
            .issue(RESET_CODES, &account.id.to_string(), CODE_TTL, CODE_TRIES)
            .await
            .map_err(internal)?;
        if let Err(e) = services.codes.send(&account.phone, &code).await {
            tracing::warn!(error = %e, "reset code could not be delivered");
        } else {
            tracing::info!("reset code delivered");
        }
    }
    Ok(reset_screen(&email))
}

/// The RESET_PASSWORD form.
#[derive(Debug, Clone, Deserialize)]
pub struct ResetPassword {
    /// E-mail (carried from FORGOT_PASSWORD).
    #[serde(default)]
    pub email: String,
    /// The 6-digit code.
    #[serde(default)]
    pub code: String,
    /// New password.
    #[serde(default)]
    pub password: String,
    /// New password again.
    #[serde(default)]
    pub confirm_password: String,
}

/// RESET_PASSWORD "Reset password".
///
/// # Errors
/// 500 when the store fails.
pub async fn reset_password(
    State(services): State<Services>,
    Payload(form): Payload<ResetPassword>,
) -> Result<FlowResponse, FlowError> {
    let Ok(email) = rules::normalise_email(&form.email) else {
        return Ok(reset_screen(form.email.trim()).error_message("Please ask for a new code"));
    };
    let retry = |m: &str| reset_screen(&email).error_message(m);
    if form.code.len() != 6 || !form.code.chars().all(|c| c.is_ascii_digit()) {
        return Ok(retry("The code has 6 digits"));
    }
    if form.password != form.confirm_password {
        return Ok(retry("Passwords do not match"));
    }
    if let Err(m) = rules::check_password(&form.password) {
        return Ok(retry(m));
    }
    // Recorded before the code is checked: concurrent wrong codes cannot all pass.
    if services.throttled(SCOPE_RESET, &email).await? {
        return Ok(retry(TRY_LATER));
    }
    let account = services
        .accounts
        .find_by_email(&email)
        .await
        .map_err(internal)?;
    let subject = account
        .as_ref()
        .map_or_else(String::new, |a| a.id.to_string());
    match services
        .store
        .one_time_codes()
        .verify(RESET_CODES, &subject, &form.code)
        .await
    {
        Ok(()) => {}
        Err(VerifyError::Code(e)) => {
            let message = match e {
                CodeError::Wrong { .. } | CodeError::NotIssued => "The code is not correct",
                CodeError::Expired => "The code has expired. Please ask for a new one",
                _ => "Too many wrong codes. Please ask for a new one",
            };
            return Ok(retry(message));
        }
        Err(VerifyError::Store(e)) => return Err(internal(e)),
        Err(e) => return Err(FlowError::internal(e)),
    }
    let Some(account) = account else {
        return Ok(retry("The code is not correct"));
    };
    services
        .accounts
        .set_password(account.id, SecretString::from(form.password))
        .await
        .map_err(internal)?;
    // A new password ends every session of the account and clears the throttles.
    let store = &services.store;
    store
        .sessions()
        .close_subject(&account.id.to_string())
        .await
        .map_err(internal)?;
    store
        .attempts()
        .reset(SCOPE_RESET, &email)
        .await
        .map_err(internal)?;
    store
        .attempts()
        .reset(crate::services::SCOPE_LOGIN, &email)
        .await
        .map_err(internal)?;
    tracing::info!("password reset");
    Ok(login_screen(&email))
}
