//! How a password-reset code reaches the phone that registered the account: a WhatsApp text
//! through the Cloud API when credentials are configured ([`CloudSender`]), otherwise the
//! development [`DevOutbox`] (printed to the console under a DEVELOPMENT banner and served at
//! `GET /dev/outbox`). The code never reaches the tracing logs.

mod cloud;
mod outbox;

use waflow::store::OneTimeCode;

pub use cloud::CloudSender;
pub use outbox::{DevOutbox, OutboxMessage};

pub use waflow::BoxFuture;

/// Why a code could not be delivered (never carries the code).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SendError {
    /// The Cloud API refused or could not be reached.
    #[error("the WhatsApp message could not be sent: {0}")]
    Cloud(String),
}

/// Delivers reset codes.
pub trait CodeSender: Send + Sync + 'static {
    /// Sends `code` to `phone`.
    fn send(&self, phone: &str, code: &OneTimeCode) -> BoxFuture<Result<(), SendError>>;
}

/// The text of the message that carries a code.
pub fn code_message(code: &OneTimeCode) -> String {
    format!(
        "Your password reset code is {}. It is valid for {} minutes. If you did not ask for it, ignore this message.",
        code.expose(),
        crate::services::CODE_TTL.as_secs() / 60
    )
}
