//! INIT (START or ACCOUNT, from the session), the START menu, and leaving from any screen.

use serde::Deserialize;
use waflow::endpoint::{FlowError, FlowResponse, FlowToken, Payload, State};
use waflow::store::CloseReason;

use super::common::{
    account_screen, internal, login_screen, sign_up_screen, signed_in, start_screen,
};
use super::recovery::RESET_CODES;
use crate::accounts::rules;
use crate::flow;
use crate::services::Services;

/// INIT: a phone with a live session lands on ACCOUNT, any other on START.
///
/// # Errors
/// 427 for an invalid token; 500 when the store fails.
pub async fn init(
    State(services): State<Services>,
    FlowToken(token): FlowToken,
) -> Result<FlowResponse, FlowError> {
    let phone = services.phone_of(&token).await?;
    Ok(match signed_in(&services, &phone).await? {
        Some(account) => account_screen(&account, "You are logged in on this phone."),
        None => start_screen(),
    })
}

/// The START menu's choice.
#[derive(Debug, Clone, Deserialize)]
pub struct StartChoice {
    /// `sign_up`, `login`, `forgot_password` or `leave`.
    #[serde(default)]
    pub intent: String,
}

/// START: go where the user chose.
///
/// # Errors
/// 500 when the store fails.
pub async fn start(
    State(services): State<Services>,
    FlowToken(token): FlowToken,
    Payload(choice): Payload<StartChoice>,
) -> Result<FlowResponse, FlowError> {
    Ok(match choice.intent.as_str() {
        "sign_up" => sign_up_screen("", "", ""),
        "login" => login_screen(""),
        "forgot_password" => {
            FlowResponse::screen(flow::FORGOT_PASSWORD).with("email_initial_value", "")
        }
        flow::LEAVE => return close(&services, &token, CloseReason::Left).await,
        _ => start_screen().error_message("Please choose what you would like to do"),
    })
}

/// Whether a request is the "Leave" link of any screen.
pub fn is_leave(request: &waflow::endpoint::FlowRequest) -> bool {
    request.data.get(flow::INTENT).and_then(|v| v.as_str()) == Some(flow::LEAVE)
}

/// The "Leave" link's payload; RESET_PASSWORD also sends the e-mail whose code is pending.
#[derive(Debug, Clone, Deserialize)]
pub struct Leave {
    /// The e-mail of a pending reset, if any.
    #[serde(default)]
    pub email: String,
}

/// "Leave" on any screen: a pending reset code that this flow token asked for is discarded, the
/// token is closed (no dangling state) and the flow closes.
///
/// # Errors
/// 500 when the store fails.
pub async fn leave(
    State(services): State<Services>,
    FlowToken(token): FlowToken,
    Payload(form): Payload<Leave>,
) -> Result<FlowResponse, FlowError> {
    if let Ok(email) = rules::normalise_email(&form.email)
        && let Some(account) = services
            .accounts
            .find_by_email(&email)
            .await
            .map_err(internal)?
    {
        // Only a code this very flow token asked for: a stranger naming someone's e-mail
        // cannot throw away the code the owner is about to type.
        services
            .store
            .one_time_codes()
            .discard_requested_by(RESET_CODES, &account.id.to_string(), &token)
            .await
            .map_err(internal)?;
    }
    close(&services, &token, CloseReason::Left).await
}

/// Closes the token and answers with the flow's end.
pub(crate) async fn close(
    services: &Services,
    token: &str,
    reason: CloseReason,
) -> Result<FlowResponse, FlowError> {
    services
        .store
        .flow_tokens()
        .close(token, reason)
        .await
        .map_err(internal)?;
    tracing::info!(reason = reason.as_str(), "flow closed");
    Ok(FlowResponse::close(token))
}
