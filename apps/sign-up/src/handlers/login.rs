//! LOGIN (throttled, Argon2id-verified, opens a 24-hour session) and LOGIN_SUCCESS ("Stay logged
//! in" extends the session to 30 days; the flow then closes).

use secrecy::SecretString;
use waflow::endpoint::{FlowError, FlowResponse, FlowToken, Payload, Resolved, State};
use waflow::store::{CloseReason, TokenInfo};

use super::common::{login_screen, login_success_screen};
use super::entry::close;
use crate::accounts::{Account, rules};
use crate::flow::{Login, LoginSuccess};
use crate::services::{
    LOGIN, LOGIN_OTHER_PHONES, SESSION_DEFAULT, SESSION_REMEMBERED, Services, TRY_LATER,
    UNKNOWN_EMAIL, pair,
};

/// The LOGIN handler.
///
/// # Errors
/// 500 when the store fails.
pub async fn login(
    State(services): State<Services>,
    Resolved(token): Resolved<TokenInfo>,
    Payload(form): Payload<Login>,
) -> Result<FlowResponse, FlowError> {
    let email = match rules::normalise_email(&form.email) {
        Ok(e) => e,
        Err(m) => return Ok(login_screen(form.email.trim()).error_message(m)),
    };
    let phone = token.phone;
    let Some(account) = services.accounts.find_by_email(&email).await? else {
        // The tutorial's answer (its journey tells the user to sign up), so e-mails can be
        // enumerated; each phone gets a few unknown e-mails per window, then waits
        // (docs/security.md). The tutorial answers with SIGN_UP here, but LOGIN -> SIGN_UP
        // would be a backward route of SIGN_UP -> LOGIN, which Meta's routing model forbids
        // (`invalid-screen-transition`), so the user stays on LOGIN and is told to sign up.
        if services.throttled(&UNKNOWN_EMAIL, &phone).await? {
            return Ok(login_screen(&email).error_message(TRY_LATER));
        }
        return Ok(login_screen(&email).error_message("You are not registered. Please sign up"));
    };
    match refuse_password(&services, &account, &phone, form.password).await? {
        None => {}
        Some(PasswordRefused::Throttled) => {
            return Ok(login_screen(&email).error_message(TRY_LATER));
        }
        Some(PasswordRefused::Wrong) => {
            return Ok(login_screen(&email).error_message("Incorrect password"));
        }
    }
    services
        .store
        .sessions()
        .open(&phone, &account.id.to_string(), SESSION_DEFAULT)
        .await?;
    tracing::info!(account = account.id, "login succeeded");
    Ok(login_success_screen(&account))
}

/// Why a password try was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PasswordRefused {
    /// Too many tries: not checked.
    Throttled,
    /// Checked and wrong.
    Wrong,
}

/// Checks `password` for `account`, tried from `phone`, under the login throttles: the
/// (account, phone) pair always, the per-account ceiling for phones other than the account's
/// own. Each try is recorded before the password is checked (concurrent wrong passwords cannot
/// all pass). `Some(_)` refuses.
///
/// # Errors
/// The store or the hashing pool failed.
pub(crate) async fn refuse_password(
    services: &Services,
    account: &Account,
    phone: &str,
    password: String,
) -> Result<Option<PasswordRefused>, FlowError> {
    let subject = pair(&account.email, phone);
    let foreign = account.phone != phone;
    if services.throttled(&LOGIN, &subject).await?
        || (foreign
            && services
                .throttled(&LOGIN_OTHER_PHONES, &account.email)
                .await?)
    {
        tracing::warn!(
            account = account.id,
            foreign,
            "password try refused: throttled"
        );
        return Ok(Some(PasswordRefused::Throttled));
    }
    if !services
        .accounts
        .check_password(account.id, SecretString::from(password))
        .await?
    {
        tracing::info!(account = account.id, foreign, "password refused");
        return Ok(Some(PasswordRefused::Wrong));
    }
    services.succeeded(&LOGIN, &subject).await?;
    Ok(None)
}

/// LOGIN_SUCCESS "Done": keeps the session 30 days when asked, then closes the flow.
///
/// # Errors
/// 500 when the store fails.
pub async fn login_success(
    State(services): State<Services>,
    FlowToken(flow_token): FlowToken,
    Resolved(token): Resolved<TokenInfo>,
    Payload(form): Payload<LoginSuccess>,
) -> Result<FlowResponse, FlowError> {
    if form.stay_logged_in {
        let sessions = services.store.sessions();
        if let Some(session) = sessions.current(&token.phone).await? {
            sessions
                .open(&token.phone, &session.subject, SESSION_REMEMBERED)
                .await?;
        }
    }
    close(&services, &flow_token, CloseReason::Completed).await
}
