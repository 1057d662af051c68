//! Sending messages: an interactive `flow` message with every parameter, and plain text.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

use super::client::Client;
use super::error::CloudError;

/// Which flow a message opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FlowRef {
    /// `flow_id`.
    Id(String),
    /// `flow_name` (unique per WABA).
    Name(String),
}

/// `mode`: send the draft (for testing) or the published version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FlowMode {
    /// Draft flows can only be sent with this.
    Draft,
    /// The default.
    #[default]
    Published,
}

/// `flow_action`: how a sent flow message starts the flow (not to be confused with
/// `endpoint::FlowAction`, the kind of a request the endpoint receives).
#[derive(Debug, Clone, PartialEq, Default)]
pub enum FlowStart {
    /// Open `screen` with `data` (`flow_action_payload`); Meta wants non-empty `data` when present.
    Navigate {
        /// The first screen; `None` lets WhatsApp use the routing model's entry.
        screen: Option<String>,
        /// Data for the first screen.
        data: Option<Value>,
    },
    /// Ask the endpoint for the first screen (INIT request).
    #[default]
    DataExchange,
}

impl FlowStart {
    /// `navigate` to `screen` without data.
    pub fn navigate(screen: impl Into<String>) -> Self {
        Self::Navigate {
            screen: Some(screen.into()),
            data: None,
        }
    }
}

/// Header of an interactive message (text only; media headers take a media id).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Header {
    /// A text header (≤ 60 characters).
    Text(String),
    /// An image by media id.
    ImageId(String),
    /// A video by media id.
    VideoId(String),
    /// A document by media id.
    DocumentId(String),
}

/// `POST /{phone-number-id}/messages` with `interactive.type = "flow"`.
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub struct SendFlowMessage {
    to: String,
    flow: FlowRef,
    cta: String,
    body: String,
    header: Option<Header>,
    footer: Option<String>,
    flow_token: Option<String>,
    mode: FlowMode,
    action: FlowStart,
    message_version: String,
    reply_to: Option<String>,
}

impl SendFlowMessage {
    /// A flow message to `to` (phone number or WhatsApp id) with button text `cta` (≤ 20
    /// characters) and `body`.
    pub fn new(
        to: impl Into<String>,
        flow: FlowRef,
        cta: impl Into<String>,
        body: impl Into<String>,
    ) -> Self {
        Self {
            to: to.into(),
            flow,
            cta: cta.into(),
            body: body.into(),
            header: None,
            footer: None,
            flow_token: None,
            mode: FlowMode::Published,
            action: FlowStart::Navigate {
                screen: None,
                data: None,
            },
            message_version: "3".into(),
            reply_to: None,
        }
    }
    /// Header.
    pub fn header(mut self, header: Header) -> Self {
        self.header = Some(header);
        self
    }
    /// Footer text.
    pub fn footer(mut self, footer: impl Into<String>) -> Self {
        self.footer = Some(footer.into());
        self
    }
    /// The token your endpoint and webhook receive back (Meta sends `unused` when absent).
    pub fn flow_token(mut self, token: impl Into<String>) -> Self {
        self.flow_token = Some(token.into());
        self
    }
    /// Draft or published.
    pub fn mode(mut self, mode: FlowMode) -> Self {
        self.mode = mode;
        self
    }
    /// How the flow starts.
    pub fn action(mut self, action: FlowStart) -> Self {
        self.action = action;
        self
    }
    /// `flow_message_version` (default `"3"`).
    pub fn message_version(mut self, version: impl Into<String>) -> Self {
        self.message_version = version.into();
        self
    }
    /// Reply to a message (`context.message_id`).
    pub fn reply_to(mut self, message_id: impl Into<String>) -> Self {
        self.reply_to = Some(message_id.into());
        self
    }

    /// Checks Meta's documented limits before sending.
    ///
    /// # Errors
    /// [`CloudError::InvalidRequest`] for an empty recipient/body, a CTA over 20 characters, or
    /// `navigate` data that is not a non-empty object.
    pub fn check(&self) -> Result<(), CloudError> {
        if self.to.trim().is_empty() {
            return Err(CloudError::InvalidRequest(
                "the recipient (to) is empty".into(),
            ));
        }
        if self.body.trim().is_empty() {
            return Err(CloudError::InvalidRequest("the body text is empty".into()));
        }
        let cta_len = self.cta.chars().count();
        if cta_len == 0 || cta_len > 20 {
            return Err(CloudError::InvalidRequest(format!(
                "flow_cta must be 1 to 20 characters, got {cta_len}"
            )));
        }
        if let FlowStart::Navigate {
            data: Some(data), ..
        } = &self.action
            && data.as_object().is_none_or(|o| o.is_empty())
        {
            return Err(CloudError::InvalidRequest(
                "navigate data must be a non-empty JSON object".into(),
            ));
        }
        Ok(())
    }

    /// The exact JSON body sent to Meta.
    pub fn to_json(&self) -> Value {
        let mut parameters = Map::new();
        parameters.insert("flow_message_version".into(), json!(self.message_version));
        match &self.flow {
            FlowRef::Id(id) => parameters.insert("flow_id".into(), json!(id)),
            FlowRef::Name(name) => parameters.insert("flow_name".into(), json!(name)),
        };
        parameters.insert("flow_cta".into(), json!(self.cta));
        if let Some(token) = &self.flow_token {
            parameters.insert("flow_token".into(), json!(token));
        }
        parameters.insert("mode".into(), json!(self.mode));
        match &self.action {
            FlowStart::DataExchange => {
                parameters.insert("flow_action".into(), json!("data_exchange"));
            }
            FlowStart::Navigate { screen, data } => {
                parameters.insert("flow_action".into(), json!("navigate"));
                if screen.is_some() || data.is_some() {
                    let mut payload = Map::new();
                    if let Some(s) = screen {
                        payload.insert("screen".into(), json!(s));
                    }
                    if let Some(d) = data {
                        payload.insert("data".into(), d.clone());
                    }
                    parameters.insert("flow_action_payload".into(), Value::Object(payload));
                }
            }
        }
        let mut interactive = Map::new();
        interactive.insert("type".into(), json!("flow"));
        if let Some(h) = &self.header {
            let header = match h {
                Header::Text(t) => json!({"type": "text", "text": t}),
                Header::ImageId(id) => json!({"type": "image", "image": {"id": id}}),
                Header::VideoId(id) => json!({"type": "video", "video": {"id": id}}),
                Header::DocumentId(id) => json!({"type": "document", "document": {"id": id}}),
            };
            interactive.insert("header".into(), header);
        }
        interactive.insert("body".into(), json!({"text": self.body}));
        if let Some(f) = &self.footer {
            interactive.insert("footer".into(), json!({"text": f}));
        }
        interactive.insert(
            "action".into(),
            json!({"name": "flow", "parameters": parameters}),
        );
        let mut message = json!({
            "messaging_product": "whatsapp",
            "recipient_type": "individual",
            "to": self.to,
            "type": "interactive",
            "interactive": interactive,
        });
        if let (Some(id), Some(obj)) = (&self.reply_to, message.as_object_mut()) {
            obj.insert("context".into(), json!({"message_id": id}));
        }
        message
    }
}

/// Meta's answer to a send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SentMessage {
    /// Recipients as Meta resolved them.
    #[serde(default)]
    pub contacts: Vec<SentContact>,
    /// The created messages.
    #[serde(default)]
    pub messages: Vec<SentMessageId>,
}

impl SentMessage {
    /// The first message id (`wamid.…`).
    pub fn message_id(&self) -> Option<&str> {
        self.messages.first().map(|m| m.id.as_str())
    }
}

/// A recipient in [`SentMessage`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SentContact {
    /// What was sent as `to`.
    pub input: String,
    /// The WhatsApp id.
    pub wa_id: String,
}

/// A message id in [`SentMessage`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SentMessageId {
    /// `wamid.…`.
    pub id: String,
    /// `accepted`, `held_for_quality_assessment`, … when given.
    #[serde(default)]
    pub message_status: Option<String>,
}

impl Client {
    /// Sends an interactive flow message.
    ///
    /// # Errors
    /// [`CloudError::InvalidRequest`] (see [`SendFlowMessage::check`]); [`CloudError::Graph`]
    /// (132068 flow blocked, 132069 throttled, …).
    pub async fn send_flow_message(
        &self,
        message: &SendFlowMessage,
    ) -> Result<SentMessage, CloudError> {
        message.check()?;
        self.send_raw_message(&message.to_json()).await
    }

    /// Sends a text message.
    ///
    /// # Errors
    /// [`CloudError::InvalidRequest`] for an empty text; [`CloudError::Graph`].
    pub async fn send_text(&self, to: &str, text: &str) -> Result<SentMessage, CloudError> {
        if text.trim().is_empty() || to.trim().is_empty() {
            return Err(CloudError::InvalidRequest(
                "recipient and text must not be empty".into(),
            ));
        }
        let body = json!({
            "messaging_product": "whatsapp",
            "recipient_type": "individual",
            "to": to,
            "type": "text",
            "text": {"preview_url": false, "body": text},
        });
        self.send_raw_message(&body).await
    }

    /// Posts any message body to `/{phone-number-id}/messages`.
    ///
    /// # Errors
    /// [`CloudError::Graph`] or transport errors.
    pub async fn send_raw_message(&self, body: &Value) -> Result<SentMessage, CloudError> {
        let url = self.url(&format!("{}/messages", self.phone()?));
        self.execute(|http| http.post(&url).json(body)).await
    }
}
