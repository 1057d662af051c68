//! ACCOUNT (log out, change e-mail, change password, leave), CHANGE_EMAIL, CHANGE_PASSWORD and
//! NOTICE. Each needs a live session of the phone; the changes ask for the current password
//! (throttled like logins). Every account action ends on NOTICE, whose "Done" closes the flow.

use secrecy::SecretString;
use waflow::endpoint::{FlowError, FlowResponse, FlowToken, Payload, Resolved, State};
use waflow::store::{CloseReason, TokenInfo};

use super::common::{account_screen, notice_screen, signed_in};
use super::entry::close;
use super::login::{PasswordRefused, refuse_password};
use crate::accounts::{Account, AccountError, rules};
use crate::flow::{
    self, AccountChoice, AccountIntent, ChangeEmail, ChangeEmailData, ChangePassword,
};
use crate::services::{SESSION_DEFAULT, Services, TRY_LATER};

const SESSION_ENDED: &str = "Your session has ended. Please open the flow again to log in.";

/// ACCOUNT "Continue".
///
/// # Errors
/// 500 when the store fails.
pub async fn account_menu(
    State(services): State<Services>,
    FlowToken(flow_token): FlowToken,
    Resolved(token): Resolved<TokenInfo>,
    Payload(choice): Payload<AccountChoice>,
) -> Result<FlowResponse, FlowError> {
    if choice.intent == AccountIntent::Leave {
        // Routed to `leave` before this handler (`is_leave`); kept so a direct call agrees.
        return close(&services, &flow_token, CloseReason::Left).await;
    }
    let Some(account) = signed_in(&services, &token.phone).await? else {
        return Ok(notice_screen(SESSION_ENDED));
    };
    Ok(match choice.intent {
        AccountIntent::ChangeEmail => FlowResponse::to(
            flow::CHANGE_EMAIL,
            ChangeEmailData {
                email_initial_value: account.email,
            },
        ),
        AccountIntent::ChangePassword => FlowResponse::to(flow::CHANGE_PASSWORD, ()),
        AccountIntent::Logout => {
            services.store.sessions().close(&token.phone).await?;
            tracing::info!("logged out");
            notice_screen("You are logged out.")
        }
        AccountIntent::Leave | AccountIntent::Unknown => {
            account_screen(&account, "").error_message("Please choose what you would like to do")
        }
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

/// CHANGE_EMAIL "Save".
///
/// # Errors
/// 500 when the store fails.
pub async fn change_email(
    State(services): State<Services>,
    Resolved(token): Resolved<TokenInfo>,
    Payload(form): Payload<ChangeEmail>,
) -> Result<FlowResponse, FlowError> {
    let phone = token.phone;
    let Some(account) = signed_in(&services, &phone).await? else {
        return Ok(notice_screen(SESSION_ENDED));
    };
    let retry = |m: &str| {
        FlowResponse::to(
            flow::CHANGE_EMAIL,
            ChangeEmailData {
                email_initial_value: form.email.trim().to_owned(),
            },
        )
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
        return Ok(notice_screen("Your e-mail is unchanged."));
    }
    match services.accounts.change_email(account.id, &email).await {
        Ok(()) => {}
        Err(AccountError::AlreadyRegistered) => {
            return Ok(retry("This e-mail is already registered"));
        }
        Err(e) => return Err(e.into()),
    }
    tracing::info!(account = account.id, "e-mail changed");
    Ok(notice_screen(&format!("Your e-mail is now {email}.")))
}

/// CHANGE_PASSWORD "Save".
///
/// # Errors
/// 500 when the store fails.
pub async fn change_password(
    State(services): State<Services>,
    Resolved(token): Resolved<TokenInfo>,
    Payload(form): Payload<ChangePassword>,
) -> Result<FlowResponse, FlowError> {
    let phone = token.phone;
    let Some(account) = signed_in(&services, &phone).await? else {
        return Ok(notice_screen(SESSION_ENDED));
    };
    let retry = |m: &str| FlowResponse::to(flow::CHANGE_PASSWORD, ()).error_message(m);
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
        .await?;
    // A new password ends the account's sessions on every other phone (OWASP Session
    // Management); this phone keeps one.
    let sessions = services.store.sessions();
    let subject = account.id.to_string();
    sessions.close_subject(&subject).await?;
    sessions.open(&phone, &subject, SESSION_DEFAULT).await?;
    tracing::info!(
        account = account.id,
        "password changed; other sessions closed"
    );
    Ok(notice_screen("Your password was changed."))
}

/// NOTICE "Done": the flow closes.
///
/// # Errors
/// 500 when the store fails.
pub async fn notice_done(
    State(services): State<Services>,
    FlowToken(flow_token): FlowToken,
) -> Result<FlowResponse, FlowError> {
    close(&services, &flow_token, CloseReason::Completed).await
}
