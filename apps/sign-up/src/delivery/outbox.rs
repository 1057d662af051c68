//! The development outbox: codes are kept in memory, printed to the console under a DEVELOPMENT
//! banner and listed at `GET /dev/outbox` (for the playground). Not for production.

use std::sync::{Arc, Mutex};

use serde::Serialize;
use waflow::store::OneTimeCode;

use super::{BoxFuture, CodeSender, SendError, code_message};

/// One message that would have been sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutboxMessage {
    /// The phone number it was for.
    pub to: String,
    /// The text.
    pub text: String,
}

/// Keeps the last messages in memory instead of sending them. `Debug` shows only how many (the
/// messages carry codes).
#[derive(Clone, Default)]
pub struct DevOutbox {
    messages: Arc<Mutex<Vec<OutboxMessage>>>,
    print: bool,
}

/// How many messages the outbox keeps.
const KEEP: usize = 50;

impl std::fmt::Debug for DevOutbox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DevOutbox")
            .field("messages", &self.messages().len())
            .finish_non_exhaustive()
    }
}

impl DevOutbox {
    /// An outbox that also prints each message to standard output.
    pub fn printing() -> Self {
        Self {
            messages: Arc::default(),
            print: true,
        }
    }

    /// An outbox that only keeps messages (tests).
    pub fn quiet() -> Self {
        Self::default()
    }

    /// The kept messages, oldest first.
    pub fn messages(&self) -> Vec<OutboxMessage> {
        self.messages.lock().map(|m| m.clone()).unwrap_or_default()
    }

    /// The last message sent to `phone`.
    pub fn last_for(&self, phone: &str) -> Option<OutboxMessage> {
        self.messages().into_iter().rev().find(|m| m.to == phone)
    }
}

impl CodeSender for DevOutbox {
    fn send(&self, phone: &str, code: &OneTimeCode) -> BoxFuture<Result<(), SendError>> {
        let message = OutboxMessage {
            to: phone.to_owned(),
            text: code_message(code),
        };
        if self.print {
            println!(
                "\n===== DEVELOPMENT OUTBOX (no Cloud API credentials; not sent) =====\n\
                 to {}: {}\n\
                 ===================================================================\n",
                message.to, message.text
            );
        }
        if let Ok(mut m) = self.messages.lock() {
            if m.len() >= KEEP {
                m.remove(0);
            }
            m.push(message);
        }
        Box::pin(async { Ok(()) })
    }
}
