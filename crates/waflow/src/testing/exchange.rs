//! One request/response round trip as the client saw it.

use serde_json::Value;

/// The outcome of one request: status, the plaintext request, the decrypted response.
#[derive(Debug, Clone, PartialEq)]
pub struct Exchange {
    /// HTTP status.
    pub status: u16,
    /// The request as sent, before encryption (`Null` for raw posts).
    pub request_plain: Value,
    /// The decrypted response JSON (for 200 and encrypted 427 answers).
    pub response: Option<Value>,
    /// The body as received (base64 ciphertext or a plain error text).
    pub raw_body: String,
    /// Rules of the flow the response broke (in-process endpoints bound to a flow, with
    /// `FlowClient::allow_contract_violations`; otherwise such an exchange is an error).
    pub violations: Vec<String>,
    /// Why the endpoint answered 5xx (in-process endpoints only; the client's body stays
    /// generic): the handler's error, a missing route, a panic.
    pub server_error: Option<String>,
}

impl Exchange {
    /// The response's `screen`.
    pub fn screen(&self) -> Option<&str> {
        self.response.as_ref()?.get("screen")?.as_str()
    }

    /// The response's `data`.
    pub fn data(&self) -> Option<&Value> {
        self.response.as_ref()?.get("data")
    }

    /// `data.error_message` (the snackbar text).
    pub fn error_message(&self) -> Option<&str> {
        self.data()?.get("error_message")?.as_str()
    }

    /// `error_msg` of a 427 answer.
    pub fn error_msg(&self) -> Option<&str> {
        self.response.as_ref()?.get("error_msg")?.as_str()
    }
}
