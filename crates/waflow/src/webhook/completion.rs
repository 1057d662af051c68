//! The flow completion message (`interactive.type = "nfm_reply"`) and its typed form.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::error::WebhookError;
use super::update::Message;

/// A file a PhotoPicker / DocumentPicker answer carries in the completion webhook
/// (`{"file_name","mime_type","sha256","id"}`); download it with the Media API by `id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MediaEntry {
    /// The `response_json` field the file came in (the picker's name).
    #[serde(skip)]
    pub field: String,
    /// Media id.
    pub id: String,
    /// File name, when given.
    #[serde(default)]
    pub file_name: Option<String>,
    /// MIME type.
    pub mime_type: String,
    /// Base64 SHA-256 of the file.
    #[serde(default)]
    pub sha256: Option<String>,
}

/// A flow completion with `response_json` still untyped (`serde_json::Map`).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct RawCompletion {
    /// The completion message id (`wamid.…`).
    pub message_id: String,
    /// Who completed the flow.
    pub from: String,
    /// Their profile name when Meta sent it.
    pub sender_name: Option<String>,
    /// Unix time as a string.
    pub timestamp: String,
    /// The flow message this answers.
    pub context_message_id: Option<String>,
    /// The business phone number id it arrived on.
    pub phone_number_id: String,
    /// The flow token, when the client sent one (some clients omit it).
    pub flow_token: Option<String>,
    /// `response_json`, parsed.
    pub response: Map<String, Value>,
    /// Media of picker answers.
    pub media: Vec<MediaEntry>,
}

/// A flow completion whose `response_json` is the user's own type `T`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Completion<T> {
    /// The answer, typed.
    pub response: T,
    /// The flow token, when the client sent one.
    pub flow_token: Option<String>,
    /// Who completed the flow.
    pub from: String,
    /// Their profile name.
    pub sender_name: Option<String>,
    /// The completion message id.
    pub message_id: String,
    /// The flow message this answers.
    pub context_message_id: Option<String>,
    /// Unix time as a string.
    pub timestamp: String,
    /// The business phone number id.
    pub phone_number_id: String,
    /// Media of picker answers.
    pub media: Vec<MediaEntry>,
}

impl RawCompletion {
    /// The completion inside `message`, or `None` when it is another kind of message.
    ///
    /// # Errors
    /// [`WebhookError::Malformed`] when `response_json` is not a JSON object.
    pub fn from_message(message: &Message) -> Result<Option<Self>, WebhookError> {
        let Some(interactive) = message.raw.get("interactive") else {
            return Ok(None);
        };
        if interactive.get("type").and_then(Value::as_str) != Some("nfm_reply") {
            return Ok(None);
        }
        let text = interactive
            .get("nfm_reply")
            .and_then(|r| r.get("response_json"))
            .and_then(Value::as_str)
            .ok_or_else(|| WebhookError::Malformed("nfm_reply without response_json".into()))?;
        let response: Map<String, Value> = serde_json::from_str(text).map_err(|e| {
            WebhookError::Malformed(format!("response_json is not a JSON object: {e}"))
        })?;
        let flow_token = response
            .get("flow_token")
            .and_then(Value::as_str)
            .map(str::to_owned);
        let media = media_entries(&response);
        Ok(Some(Self {
            message_id: message.id.clone(),
            from: message.from.clone(),
            sender_name: message.sender_name.clone(),
            timestamp: message.timestamp.clone(),
            context_message_id: message.context.as_ref().and_then(|c| c.id.clone()),
            phone_number_id: message.metadata.phone_number_id.clone(),
            flow_token,
            response,
            media,
        }))
    }

    /// Types `response_json` as `T`.
    ///
    /// # Errors
    /// [`WebhookError::Response`] when it does not fit `T`.
    pub fn parse<T>(&self) -> Result<Completion<T>, WebhookError>
    where
        T: DeserializeOwned,
    {
        let response = serde_json::from_value(Value::Object(self.response.clone()))
            .map_err(|e| WebhookError::Response(e.to_string()))?;
        Ok(Completion {
            response,
            flow_token: self.flow_token.clone(),
            from: self.from.clone(),
            sender_name: self.sender_name.clone(),
            message_id: self.message_id.clone(),
            context_message_id: self.context_message_id.clone(),
            timestamp: self.timestamp.clone(),
            phone_number_id: self.phone_number_id.clone(),
            media: self.media.clone(),
        })
    }
}

fn media_entries(response: &Map<String, Value>) -> Vec<MediaEntry> {
    let mut out = Vec::new();
    for (field, value) in response {
        let Some(items) = value.as_array() else {
            continue;
        };
        for item in items {
            let is_media = item.get("id").is_some_and(Value::is_string)
                && item.get("mime_type").is_some_and(Value::is_string);
            if !is_media {
                continue;
            }
            if let Ok(mut entry) = serde_json::from_value::<MediaEntry>(item.clone()) {
                entry.field = field.clone();
                out.push(entry);
            }
        }
    }
    out
}
