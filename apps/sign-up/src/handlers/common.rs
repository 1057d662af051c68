//! Response data shared by several handlers.

use serde_json::{Value, json};
use waflow::endpoint::{FlowError, FlowResponse};

use crate::accounts::{Account, AccountError};
use crate::flow;
use crate::services::Services;

/// A store or hashing failure: 500, cause logged only.
pub fn internal(e: impl Into<AccountError>) -> FlowError {
    FlowError::internal(e.into())
}

/// LOGIN with the e-mail prefilled and the password blank.
pub fn login_screen(email: &str) -> FlowResponse {
    FlowResponse::screen(flow::LOGIN).data(json!({
        "email_initial_value": email,
        "password_initial_value": "",
    }))
}

/// SIGN_UP with the given fields and blank passwords.
pub fn sign_up_screen(first_name: &str, last_name: &str, email: &str) -> FlowResponse {
    FlowResponse::screen(flow::SIGN_UP).data(json!({
        "first_name_initial_value": first_name,
        "last_name_initial_value": last_name,
        "email_initial_value": email,
        "password_initial_value": "",
        "confirm_password_initial_value": "",
    }))
}

/// The data of LOGIN_SUCCESS.
pub fn login_success_data(account: &Account) -> Value {
    json!({
        "name": format!("{} {}", account.first_name, account.last_name),
        "email_line": format!("E-mail: {}", account.email),
        "phone_line": format!("WhatsApp: {}", account.phone),
        "member_since_line": format!("Member since {}", account.created_at.format("%Y-%m-%d")),
    })
}

/// ACCOUNT for `account` with a notice line.
pub fn account_screen(account: &Account, notice: &str) -> FlowResponse {
    FlowResponse::screen(flow::ACCOUNT).data(json!({
        "greeting": format!("Hello {} {}", account.first_name, account.last_name),
        "email_line": format!("E-mail: {}", account.email),
        "notice": notice,
    }))
}

/// START (no data).
pub fn start_screen() -> FlowResponse {
    FlowResponse::screen(flow::START)
}

/// The signed-in account of `phone`, if its session is live.
///
/// # Errors
/// The store failed.
pub async fn signed_in(services: &Services, phone: &str) -> Result<Option<Account>, FlowError> {
    let Some(session) = services
        .store
        .sessions()
        .current(phone)
        .await
        .map_err(internal)?
    else {
        return Ok(None);
    };
    let Ok(id) = session.subject.parse::<i64>() else {
        return Ok(None);
    };
    services.accounts.get(id).await.map_err(internal)
}
