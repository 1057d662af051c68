//! What several handlers share: the screens built from an account, and the session lookup.

use waflow::endpoint::{FlowError, FlowResponse};

use crate::accounts::Account;
use crate::flow::{self, AccountData, LoginData, LoginSuccessData, NoticeData};
use crate::services::Services;

/// LOGIN with `email` prefilled and the password blank.
pub fn login_screen(email: &str) -> FlowResponse {
    FlowResponse::to(flow::LOGIN, LoginData::with_email(email))
}

/// LOGIN_SUCCESS for `account`.
pub fn login_success_screen(account: &Account) -> FlowResponse {
    FlowResponse::to(
        flow::LOGIN_SUCCESS,
        LoginSuccessData {
            name: format!("{} {}", account.first_name, account.last_name),
            email_line: format!("E-mail: {}", account.email),
            phone_line: format!("WhatsApp: {}", account.phone),
            member_since_line: format!("Member since {}", account.created_at.format("%Y-%m-%d")),
        },
    )
}

/// ACCOUNT for `account` with a notice line.
pub fn account_screen(account: &Account, notice: &str) -> FlowResponse {
    FlowResponse::to(
        flow::ACCOUNT,
        AccountData {
            greeting: format!("Hello {} {}", account.first_name, account.last_name),
            email_line: format!("E-mail: {}", account.email),
            notice: notice.to_owned(),
        },
    )
}

/// NOTICE saying `notice`.
pub fn notice_screen(notice: &str) -> FlowResponse {
    FlowResponse::to(flow::NOTICE, NoticeData::new(notice))
}

/// The signed-in account of `phone`, if its session is live.
///
/// # Errors
/// The store failed.
pub async fn signed_in(services: &Services, phone: &str) -> Result<Option<Account>, FlowError> {
    let Some(session) = services.store.sessions().current(phone).await? else {
        return Ok(None);
    };
    let Ok(id) = session.subject.parse::<i64>() else {
        return Ok(None);
    };
    Ok(services.accounts.get(id).await?)
}
