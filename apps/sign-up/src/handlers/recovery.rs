//! FORGOT_PASSWORD (sends a 6-digit code to the phone that registered the account) and
//! RESET_PASSWORD (code + new password). Both answer the same whether or not the e-mail has an
//! account, so the screens do not reveal who is registered. A reset belongs to whoever asked for
//! it: codes are issued only for a flow token of the account's own phone, bound to that token,
//! and checked only for a token of that phone, so a code read from anywhere else is useless.

use secrecy::SecretString;
use waflow::endpoint::{FlowError, FlowResponse, FlowToken, Payload, Resolved, State};
use waflow::store::{CodeError, TokenInfo, VerifyError};

use super::common::login_success_screen;
use crate::accounts::rules;
use crate::flow::{self, ForgotPassword, ForgotPasswordData, ResetPassword, ResetPasswordData};
use crate::services::{
    CODE_TRIES, CODE_TTL, LOGIN, RESET_CODE, RESET_REQUEST, SESSION_DEFAULT, Services, TRY_LATER,
    pair,
};

/// The one-time-code scope of password resets.
pub const RESET_CODES: &str = "password-reset";

fn reset_screen(email: &str) -> FlowResponse {
    FlowResponse::to(
        flow::RESET_PASSWORD,
        ResetPasswordData {
            email: email.to_owned(),
        },
    )
}

fn forgot_screen(email: &str) -> FlowResponse {
    FlowResponse::to(
        flow::FORGOT_PASSWORD,
        ForgotPasswordData {
            email_initial_value: email.to_owned(),
        },
    )
}

/// FORGOT_PASSWORD "Send code": when the request comes from the account's own phone, a code is
/// issued for this flow token and sent to that phone; from any other phone nothing is sent (the
/// code could not be used from there anyway). The answer is the same in every case.
///
/// # Errors
/// 500 when the store fails.
pub async fn forgot_password(
    State(services): State<Services>,
    FlowToken(flow_token): FlowToken,
    Resolved(token): Resolved<TokenInfo>,
    Payload(form): Payload<ForgotPassword>,
) -> Result<FlowResponse, FlowError> {
    let email = match rules::normalise_email(&form.email) {
        Ok(e) => e,
        Err(m) => return Ok(forgot_screen(form.email.trim()).error_message(m)),
    };
    let phone = token.phone;
    // Each request counts toward this (e-mail, phone)'s budget, so codes cannot be requested
    // endlessly, and a stranger's requests never use up the owner's budget.
    if services
        .throttled(&RESET_REQUEST, &pair(&email, &phone))
        .await?
    {
        return Ok(forgot_screen(&email).error_message(TRY_LATER));
    }
    match services.accounts.find_by_email(&email).await? {
        Some(account) if account.phone == phone => {
            let code = services
                .store
                .one_time_codes()
                .issue_requested_by(
                    RESET_CODES,
                    &account.id.to_string(),
                    &flow_token,
                    CODE_TTL,
                    CODE_TRIES,
                )
                .await?;
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

/// RESET_PASSWORD "Reset password": accepted only from a flow token of the account's phone (the
/// phone the code was sent to), under the per-account cap on wrong codes. A reset proves the
/// phone and the code, so the user is then signed in on this phone (LOGIN_SUCCESS): Meta's
/// routing model has no way back to LOGIN.
///
/// # Errors
/// 500 when the store fails.
pub async fn reset_password(
    State(services): State<Services>,
    Resolved(token): Resolved<TokenInfo>,
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
    let phone = token.phone;
    let account = services.accounts.find_by_email(&email).await?;
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
    let subject = account.id.to_string();
    match services
        .store
        .one_time_codes()
        .verify(RESET_CODES, &subject, &form.code)
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
        Err(e) => return Err(FlowError::internal(e)),
    }
    services
        .accounts
        .set_password(account.id, SecretString::from(form.password))
        .await?;
    // A new password ends every session of the account and clears this phone's throttles; this
    // phone, which proved itself with the code, gets a fresh session.
    let sessions = services.store.sessions();
    sessions.close_subject(&subject).await?;
    sessions.open(&phone, &subject, SESSION_DEFAULT).await?;
    services.succeeded(&RESET_CODE, &email).await?;
    services
        .succeeded(&RESET_REQUEST, &pair(&email, &phone))
        .await?;
    services.succeeded(&LOGIN, &pair(&email, &phone)).await?;
    tracing::info!(
        account = account.id,
        "password reset; signed in on this phone"
    );
    Ok(login_success_screen(&account))
}
