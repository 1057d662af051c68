//! LOGIN (throttled, Argon2id-verified, opens a 24-hour session) and LOGIN_SUCCESS ("Stay logged
//! in" extends the session to 30 days; the flow then closes).

use secrecy::SecretString;
use serde::Deserialize;
use waflow::endpoint::{FlowError, FlowResponse, FlowToken, Payload, State};
use waflow::store::CloseReason;

use super::common::{internal, login_screen, login_success_data};
use super::entry::close;
use crate::accounts::rules;
use crate::flow;
use crate::services::{SCOPE_LOGIN, SESSION_DEFAULT, SESSION_REMEMBERED, Services, TRY_LATER};

/// The LOGIN form.
#[derive(Debug, Clone, Deserialize)]
pub struct Login {
    /// E-mail.
    #[serde(default)]
    pub email: String,
    /// Password.
    #[serde(default)]
    pub password: String,
}

/// The LOGIN handler.
///
/// # Errors
/// 427 for an invalid token; 500 when the store fails.
pub async fn login(
    State(services): State<Services>,
    FlowToken(token): FlowToken,
    Payload(form): Payload<Login>,
) -> Result<FlowResponse, FlowError> {
    let email = match rules::normalise_email(&form.email) {
        Ok(e) => e,
        Err(m) => return Ok(login_screen(form.email.trim()).error_message(m)),
    };
    if services
        .accounts
        .find_by_email(&email)
        .await
        .map_err(internal)?
        .is_none()
    {
        // The tutorial answers with SIGN_UP here, but LOGIN -> SIGN_UP would be a backward route of
        // SIGN_UP -> LOGIN, which Meta's routing model forbids (the client refuses the transition
        // with `invalid-screen-transition`), so the user stays on LOGIN and is told to sign up.
        return Ok(login_screen(&email).error_message("You are not registered. Please sign up"));
    }
    // Recorded before the password is checked: concurrent wrong passwords cannot all pass.
    // (Unknown e-mails are not recorded: they never reach a password check.)
    if services.throttled(SCOPE_LOGIN, &email).await? {
        return Ok(login_screen(&email).error_message(TRY_LATER));
    }
    let Some(account) = services
        .accounts
        .authenticate(&email, SecretString::from(form.password))
        .await
        .map_err(internal)?
    else {
        tracing::info!("login refused");
        return Ok(login_screen(&email).error_message("Incorrect password"));
    };
    services.succeeded(SCOPE_LOGIN, &email).await?;
    let phone = services.phone_of(&token).await?;
    services
        .store
        .sessions()
        .open(&phone, &account.id.to_string(), SESSION_DEFAULT)
        .await
        .map_err(internal)?;
    tracing::info!("login succeeded");
    Ok(FlowResponse::screen(flow::LOGIN_SUCCESS).data(login_success_data(&account)))
}

/// The LOGIN_SUCCESS form.
#[derive(Debug, Clone, Deserialize)]
pub struct LoginSuccess {
    /// The "Stay logged in" opt-in (absent or `false` when not ticked).
    #[serde(default)]
    pub stay_logged_in: bool,
}

/// LOGIN_SUCCESS "Done": keeps the session 30 days when asked, then closes the flow.
///
/// # Errors
/// 427 for an invalid token; 500 when the store fails.
pub async fn login_success(
    State(services): State<Services>,
    FlowToken(token): FlowToken,
    Payload(form): Payload<LoginSuccess>,
) -> Result<FlowResponse, FlowError> {
    if form.stay_logged_in {
        let phone = services.phone_of(&token).await?;
        let sessions = services.store.sessions();
        if let Some(session) = sessions.current(&phone).await.map_err(internal)? {
            sessions
                .open(&phone, &session.subject, SESSION_REMEMBERED)
                .await
                .map_err(internal)?;
        }
    }
    close(&services, &token, CloseReason::Completed).await
}
