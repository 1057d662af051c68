//! ACCOUNT (log out, change e-mail, change password, leave), CHANGE_EMAIL and CHANGE_PASSWORD.
//! Each needs a live session of the phone; the changes ask for the current password (throttled
//! like logins).

use secrecy::SecretString;
use serde::Deserialize;
use waflow::endpoint::{FlowError, FlowResponse, FlowToken, Payload, State};
use waflow::store::CloseReason;

use super::common::{account_screen, internal, signed_in, start_screen};
use super::entry::close;
use super::login::{PasswordRefused, refuse_password};
use crate::accounts::{Account, AccountError, rules};
use crate::flow;
use crate::services::{SESSION_DEFAULT, Services, TRY_LATER};

fn session_ended() -> FlowResponse {
    start_screen().error_message("Your session has ended. Please log in again")
}

async fn account_of(
    services: &Services,
    token: &str,
) -> Result<Option<(String, Account)>, FlowError> {
    let phone = services.phone_of(token).await?;
    Ok(signed_in(services, &phone).await?.map(|a| (phone, a)))
}

/// The ACCOUNT menu's choice.
#[derive(Debug, Clone, Deserialize)]
pub struct AccountChoice {
    /// `change_email`, `change_password`, `logout` or `leave`.
    #[serde(default)]
    pub intent: String,
}

/// ACCOUNT "Continue".
///
/// # Errors
/// 427 for an invalid token; 500 when the store fails.
pub async fn account_menu(
    State(services): State<Services>,
    FlowToken(token): FlowToken,
    Payload(choice): Payload<AccountChoice>,
) -> Result<FlowResponse, FlowError> {
    if choice.intent == flow::LEAVE {
        return close(&services, &token, CloseReason::Left).await;
    }
    let Some((phone, account)) = account_of(&services, &token).await? else {
        return Ok(session_ended());
    };
    Ok(match choice.intent.as_str() {
        "change_email" => {
            FlowResponse::screen(flow::CHANGE_EMAIL).with("email_initial_value", account.email)
        }
        "change_password" => FlowResponse::screen(flow::CHANGE_PASSWORD),
        "logout" => {
            services
                .store
                .sessions()
                .close(&phone)
                .await
                .map_err(internal)?;
            tracing::info!("logged out");
            start_screen()
        }
        _ => account_screen(&account, "").error_message("Please choose what you would like to do"),
    })
}

/// Checks the current password under the login throttles; `Some(response)` refuses.
async fn refuse_current(
    services: &Services,
    account: &Account,
    phone: &str,
    password: String,
    screen: impl Fn(&str) -> FlowResponse,
) -> Result<Option<FlowResponse>, FlowError> {
    Ok(refuse_password(services, account, phone, password)
        .await?
        .map(|refused| match refused {
            PasswordRefused::Throttled => screen(TRY_LATER),
            PasswordRefused::Wrong => screen("Your current password is not correct"),
        }))
}

/// The CHANGE_EMAIL form.
#[derive(Debug, Clone, Deserialize)]
pub struct ChangeEmail {
    /// The new e-mail.
    #[serde(default)]
    pub email: String,
    /// The current password.
    #[serde(default)]
    pub current_password: String,
}

/// CHANGE_EMAIL "Save".
///
/// # Errors
/// 427 for an invalid token; 500 when the store fails.
pub async fn change_email(
    State(services): State<Services>,
    FlowToken(token): FlowToken,
    Payload(form): Payload<ChangeEmail>,
) -> Result<FlowResponse, FlowError> {
    let Some((phone, account)) = account_of(&services, &token).await? else {
        return Ok(session_ended());
    };
    let retry = |m: &str| {
        FlowResponse::screen(flow::CHANGE_EMAIL)
            .with("email_initial_value", form.email.trim())
            .error_message(m)
    };
    let email = match rules::normalise_email(&form.email) {
        Ok(e) => e,
        Err(m) => return Ok(retry(m)),
    };
    if let Some(refused) = refuse_current(
        &services,
        &account,
        &phone,
        form.current_password.clone(),
        retry,
    )
    .await?
    {
        return Ok(refused);
    }
    if email == account.email {
        return Ok(account_screen(&account, "Your e-mail is unchanged."));
    }
    match services.accounts.change_email(account.id, &email).await {
        Ok(()) => {}
        Err(AccountError::AlreadyRegistered) => {
            return Ok(retry("This e-mail is already registered"));
        }
        Err(e) => return Err(internal(e)),
    }
    tracing::info!(account = account.id, "e-mail changed");
    let updated = services
        .accounts
        .get(account.id)
        .await
        .map_err(internal)?
        .unwrap_or(account);
    Ok(account_screen(&updated, "Your e-mail was changed."))
}

/// The CHANGE_PASSWORD form.
#[derive(Debug, Clone, Deserialize)]
pub struct ChangePassword {
    /// The current password.
    #[serde(default)]
    pub current_password: String,
    /// The new password.
    #[serde(default)]
    pub password: String,
    /// The new password again.
    #[serde(default)]
    pub confirm_password: String,
}

/// CHANGE_PASSWORD "Save".
///
/// # Errors
/// 427 for an invalid token; 500 when the store fails.
pub async fn change_password(
    State(services): State<Services>,
    FlowToken(token): FlowToken,
    Payload(form): Payload<ChangePassword>,
) -> Result<FlowResponse, FlowError> {
    let Some((phone, account)) = account_of(&services, &token).await? else {
        return Ok(session_ended());
    };
    let retry = |m: &str| FlowResponse::screen(flow::CHANGE_PASSWORD).error_message(m);
    if form.password != form.confirm_password {
        return Ok(retry("Passwords do not match"));
    }
    if let Err(m) = rules::check_password(&form.password) {
        return Ok(retry(m));
    }
    if let Some(refused) =
        refuse_current(&services, &account, &phone, form.current_password, retry).await?
    {
        return Ok(refused);
    }
    services
        .accounts
        .set_password(account.id, SecretString::from(form.password))
        .await
        .map_err(internal)?;
    // A new password ends the account's sessions on every other phone (OWASP Session
    // Management); this phone keeps one.
    let sessions = services.store.sessions();
    let subject = account.id.to_string();
    sessions.close_subject(&subject).await.map_err(internal)?;
    sessions
        .open(&phone, &subject, SESSION_DEFAULT)
        .await
        .map_err(internal)?;
    tracing::info!(
        account = account.id,
        "password changed; other sessions closed"
    );
    Ok(account_screen(&account, "Your password was changed."))
}
