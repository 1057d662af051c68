//! The decrypted request.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// What the client is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum FlowAction {
    /// Health check; answered by the endpoint itself.
    #[serde(rename = "ping", alias = "PING")]
    Ping,
    /// The flow was opened with `flow_action: "data_exchange"`.
    #[serde(rename = "INIT", alias = "init")]
    Init,
    /// The user went back to a screen with `refresh_on_back`.
    #[serde(rename = "BACK", alias = "back")]
    Back,
    /// A form submit or a component's on-select action.
    #[serde(rename = "data_exchange", alias = "DATA_EXCHANGE")]
    DataExchange,
    /// `navigate` (reported by some clients in error cases).
    #[serde(rename = "navigate", alias = "NAVIGATE")]
    Navigate,
}

impl FlowAction {
    /// The action as WhatsApp writes it (`ping`, `INIT`, `BACK`, `data_exchange`, `navigate`).
    pub(crate) fn wire_name(self) -> &'static str {
        match self {
            Self::Ping => "ping",
            Self::Init => "INIT",
            Self::Back => "BACK",
            Self::DataExchange => "data_exchange",
            Self::Navigate => "navigate",
        }
    }
}

/// The decrypted request WhatsApp sends to the endpoint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FlowRequest {
    /// Data API version ("3.0", "4.0").
    #[serde(default)]
    pub version: String,
    /// The action.
    pub action: FlowAction,
    /// The current screen (may be missing for INIT and BACK).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub screen: Option<String>,
    /// The screen's payload (an object, possibly empty; `Null` when absent).
    #[serde(default, skip_serializing_if = "Value::is_null")]
    pub data: Value,
    /// The flow token (missing on some iOS clients and on ping).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flow_token: Option<String>,
    /// HS256 JWT over the flow token (Flow JSON 7.3+, data API 4.0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flow_token_signature: Option<String>,
}

impl FlowRequest {
    /// A request with the given action and nothing else (version "3.0").
    pub fn new(action: FlowAction) -> Self {
        Self {
            version: "3.0".to_owned(),
            action,
            screen: None,
            data: Value::Null,
            flow_token: None,
            flow_token_signature: None,
        }
    }

    /// The screen name, or `""`.
    pub fn screen(&self) -> &str {
        self.screen.as_deref().unwrap_or_default()
    }

    /// The error notification this request carries, if it is one (`data.error` or
    /// `data.error_key`).
    pub fn error_notification(&self) -> Option<ErrorNotification> {
        let data = self.data.as_object()?;
        let key = data.get("error").or_else(|| data.get("error_key"))?;
        Some(ErrorNotification {
            screen: self.screen.clone(),
            flow_token: self.flow_token.clone(),
            error: key.as_str().map_or_else(|| key.to_string(), str::to_owned),
            error_message: data
                .get("error_message")
                .and_then(Value::as_str)
                .map(str::to_owned),
        })
    }
}

/// An error the client reports about a previous response (acknowledged automatically).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorNotification {
    /// The screen where it happened.
    pub screen: Option<String>,
    /// The flow token.
    pub flow_token: Option<String>,
    /// The error key (`data.error` / `data.error_key`).
    pub error: String,
    /// The human-readable message, if any.
    pub error_message: Option<String>,
}
