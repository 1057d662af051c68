//! Codes as WhatsApp text messages through `waflow::cloud`.

use waflow::cloud::Client;
use waflow::store::OneTimeCode;

use super::{BoxFuture, CodeSender, SendError, code_message};

/// Sends codes with the Cloud API client.
#[derive(Debug, Clone)]
pub struct CloudSender {
    client: Client,
}

impl CloudSender {
    /// A sender over a configured client (token and phone number id set).
    pub fn new(client: Client) -> Self {
        Self { client }
    }
}

impl CodeSender for CloudSender {
    fn send(&self, phone: &str, code: &OneTimeCode) -> BoxFuture<Result<(), SendError>> {
        let client = self.client.clone();
        let phone = phone.to_owned();
        let text = code_message(code);
        Box::pin(async move {
            client
                .send_text(&phone, &text)
                .await
                .map(|_| ())
                .map_err(|e| SendError::Cloud(e.to_string()))
        })
    }
}
