//! INIT (START or ACCOUNT, from the session), the START menu, and leaving from any screen.

use serde::Deserialize as _;
use waflow::endpoint::{FlowError, FlowResponse, FlowToken, Payload, Resolved, State};
use waflow::store::{CloseReason, TokenInfo};

use super::common::{account_screen, login_screen, signed_in};
use super::recovery::RESET_CODES;
use crate::accounts::rules;
use crate::flow::{self, ForgotPasswordData, LeaveReset, SignUpData, StartChoice, StartIntent};
use crate::services::Services;

/// INIT: a phone with a live session lands on ACCOUNT, any other on START.
///
/// # Errors
/// 500 when the store fails.
pub async fn init(
    State(services): State<Services>,
    Resolved(token): Resolved<TokenInfo>,
) -> Result<FlowResponse, FlowError> {
    Ok(match signed_in(&services, &token.phone).await? {
        Some(account) => account_screen(&account, "You are logged in on this phone."),
        None => FlowResponse::to(flow::START, ()),
    })
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
    Ok(match choice.intent {
        StartIntent::SignUp => FlowResponse::to(flow::SIGN_UP, SignUpData::default()),
        StartIntent::Login => login_screen(""),
        StartIntent::ForgotPassword => {
            FlowResponse::to(flow::FORGOT_PASSWORD, ForgotPasswordData::default())
        }
        // Routed to `leave` before this handler (`is_leave`); kept so a direct call agrees.
        StartIntent::Leave => return close(&services, &token, CloseReason::Left).await,
        StartIntent::Unknown => FlowResponse::to(flow::START, ())
            .error_message("Please choose what you would like to do"),
    })
}

/// Whether a request is the "Leave" of any screen (a link or a menu choice).
pub fn is_leave(request: &waflow::endpoint::FlowRequest) -> bool {
    LeaveReset::deserialize(&request.data).is_ok_and(|leave| leave.intent == flow::LEAVE)
}

/// "Leave" on any screen: a pending reset code that this flow token asked for is discarded, the
/// token is closed (no dangling state) and the flow closes.
///
/// # Errors
/// 500 when the store fails.
pub async fn leave(
    State(services): State<Services>,
    FlowToken(token): FlowToken,
    Payload(form): Payload<LeaveReset>,
) -> Result<FlowResponse, FlowError> {
    if let Ok(email) = rules::normalise_email(&form.email)
        && let Some(account) = services.accounts.find_by_email(&email).await?
    {
        // Only a code this very flow token asked for: a stranger naming someone's e-mail
        // cannot throw away the code the owner is about to type.
        services
            .store
            .one_time_codes()
            .discard_requested_by(RESET_CODES, &account.id.to_string(), &token)
            .await?;
    }
    close(&services, &token, CloseReason::Left).await
}

/// Closes the token and answers with the flow's end.
pub(crate) async fn close(
    services: &Services,
    token: &str,
    reason: CloseReason,
) -> Result<FlowResponse, FlowError> {
    services.store.flow_tokens().close(token, reason).await?;
    tracing::info!(reason = reason.as_str(), "flow closed");
    Ok(FlowResponse::close(token))
}
