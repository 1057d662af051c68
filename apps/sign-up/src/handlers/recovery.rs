//! FORGOT_PASSWORD (sends a 6-digit code to the phone that registered the account) and
//! RESET_PASSWORD (code + new password). Both answer the same whether or not the e-mail has an
//! account, so the screens do not reveal who is registered. A reset belongs to whoever asked for
//! it: codes are issued only for a flow token of the account's own phone, bound to that token,
//! and checked only for a token of that phone, so a code read from anywhere else is useless.

use secrecy::SecretString;
use serde::Deserialize;
use serde_json::json;
use waflow::endpoint::{FlowError, FlowResponse, FlowToken, Payload, State};
use waflow::store::{CodeError, VerifyError};

use super::common::{internal, login_screen};
use crate::accounts::rules;
use crate::flow;
use crate::services::{
    CODE_TRIES, CODE_TTL, LOGIN, RESET_CODE, RESET_REQUEST, Services, TRY_LATER, pair,
};

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

/// FORGOT_PASSWORD "Send code": when the request comes from the account's own phone, a code is
/// issued for this flow token and sent to that phone; from any other phone nothing is sent (the
/// code could not be used from there anyway). The answer is the same in every case.
///
/// # Errors
/// 427 for an invalid token; 500 when the store fails.
pub async fn forgot_password(
    State(services): State<Services>,
    FlowToken(token): FlowToken,
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
    let phone = services.phone_of(&token).await?;
    // Each request counts toward this (e-mail, phone)'s budget, so codes cannot be requested
    // endlessly, and a stranger's requests never use up the owner's budget.
    if services
        .throttled(&RESET_REQUEST, &pair(&email, &phone))
        .await?
    {
        return Ok(FlowResponse::screen(flow::FORGOT_PASSWORD)
            .with("email_initial_value", email)
            .error_message(TRY_LATER));
    }
    match services
        .accounts
        .find_by_email(&email)
        .await
        .map_err(internal)?
    {
        Some(account) if account.phone == phone => {
            let code = services
                .store
                .one_time_codes()
                .issue_requested_by(
                    RESET_CODES,
                    &account.id.to_string(),
                    &token,
                    CODE_TTL,
                    CODE_TRIES,
                )
                .await
                .map_err(internal)?;
            if let Err(e) = services.codes.send(&account.phone, &code).await {
                tracing::warn!(account = account.id, error = %e, "reset code could not be delivered");
            } else {
                tracing::info!(account = account.id, "reset code delivered");
            }
        }
        Some(account) => {
            tracing::warn!(
                account = account.id,
                "reset asked from another phone than the account's: no code sent"
            );
        }
        None => {}
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

/// RESET_PASSWORD "Reset password": accepted only from a flow token of the account's phone (the
/// phone the code was sent to), under the per-account cap on wrong codes.
///
/// # Errors
/// 427 for an invalid token; 500 when the store fails.
pub async fn reset_password(
    State(services): State<Services>,
    FlowToken(token): FlowToken,
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
    let phone = services.phone_of(&token).await?;
    let account = services
        .accounts
        .find_by_email(&email)
        .await
        .map_err(internal)?;
    let Some(account) = account.filter(|a| a.phone == phone) else {
        // No account, or not this phone's: the code (if any) went elsewhere and is never checked
        // from here. Counted like a code request, answered like a wrong code.
        if services
            .throttled(&RESET_REQUEST, &pair(&email, &phone))
            .await?
        {
            return Ok(retry(TRY_LATER));
        }
        return Ok(retry("The code is not correct"));
    };
    // Recorded before the code is checked: concurrent wrong codes cannot all pass, and the daily
    // cap bounds guessing over time.
    if services.throttled(&RESET_CODE, &email).await? {
        return Ok(retry(TRY_LATER));
    }
    match services
        .store
        .one_time_codes()
        .verify(RESET_CODES, &account.id.to_string(), &form.code)
        .await
    {
        Ok(()) => {}
        Err(VerifyError::Code(e)) => {
            tracing::info!(account = account.id, "reset code refused");
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
    services
        .accounts
        .set_password(account.id, SecretString::from(form.password))
        .await
        .map_err(internal)?;
    // A new password ends every session of the account and clears this phone's throttles.
    services
        .store
        .sessions()
        .close_subject(&account.id.to_string())
        .await
        .map_err(internal)?;
    services.succeeded(&RESET_CODE, &email).await?;
    services
        .succeeded(&RESET_REQUEST, &pair(&email, &phone))
        .await?;
    services.succeeded(&LOGIN, &pair(&email, &phone)).await?;
    tracing::info!(account = account.id, "password reset");
    Ok(login_screen(&email))
}
