//! Typed webhook updates: the notification envelope, incoming messages, statuses and the
//! `field: flows` events.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::completion::RawCompletion;
use super::error::WebhookError;

/// The notification envelope Meta POSTs: `{"object", "entry": [{"id", "changes": [...]}]}`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Notification {
    /// `whatsapp_business_account`.
    pub object: String,
    /// One entry per WABA.
    pub entry: Vec<Entry>,
}

/// One entry of a [`Notification`].
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Entry {
    /// The WABA id.
    pub id: String,
    /// Unix time of the flows events.
    #[serde(default)]
    pub time: Option<i64>,
    /// The changes.
    #[serde(default)]
    pub changes: Vec<Change>,
}

/// One change of an [`Entry`]: a `field` (`messages`, `flows`, …) and its `value`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct Change {
    /// Which subscription field.
    pub field: String,
    /// The payload, parsed further by [`Update::from_notification`].
    pub value: Value,
}

/// The business number a `messages` change was addressed to.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Metadata {
    /// Display number.
    #[serde(default)]
    pub display_phone_number: String,
    /// Phone number id.
    #[serde(default)]
    pub phone_number_id: String,
}

/// A contact in a `messages` change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Contact {
    /// The WhatsApp id.
    pub wa_id: String,
    /// `profile.name`.
    #[serde(default)]
    pub profile: Option<Profile>,
}

/// A contact's profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Profile {
    /// Display name.
    #[serde(default)]
    pub name: String,
}

/// The message a reply answers (`context`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Context {
    /// Who sent the original (the business number).
    #[serde(default)]
    pub from: Option<String>,
    /// The original message id.
    #[serde(default)]
    pub id: Option<String>,
}

/// An incoming message (any type). Text is typed; other types are kept raw in `content`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Message {
    /// Sender's WhatsApp id.
    pub from: String,
    /// `wamid.…`.
    pub id: String,
    /// Unix time as a string, as Meta sends it.
    #[serde(default)]
    pub timestamp: String,
    /// `text`, `interactive`, `image`, ….
    #[serde(rename = "type")]
    pub kind: String,
    /// The message replied to.
    #[serde(default)]
    pub context: Option<Context>,
    /// `text.body` for text messages.
    #[serde(default)]
    pub text: Option<Text>,
    /// The whole message object as received.
    #[serde(skip)]
    pub raw: Value,
    /// Sender's profile name when Meta sent it.
    #[serde(skip)]
    pub sender_name: Option<String>,
    /// The business number it was sent to.
    #[serde(skip)]
    pub metadata: Metadata,
}

/// `text` of a text message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Text {
    /// The text.
    pub body: String,
}

/// A delivery status of a message the business sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Status {
    /// The message id.
    pub id: String,
    /// `sent`, `delivered`, `read`, `failed`.
    pub status: String,
    /// Unix time as a string.
    #[serde(default)]
    pub timestamp: String,
    /// The recipient.
    #[serde(default)]
    pub recipient_id: String,
    /// Errors of a `failed` status, raw.
    #[serde(default)]
    pub errors: Vec<Value>,
    /// `conversation`, raw.
    #[serde(default)]
    pub conversation: Option<Value>,
    /// `pricing`, raw.
    #[serde(default)]
    pub pricing: Option<Value>,
}

/// One error kind in an error-rate alert.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AlertError {
    /// e.g. `INVALID_SCREEN_TRANSITION`, `TIMEOUT`.
    pub error_type: String,
    /// Percentage.
    #[serde(default)]
    pub error_rate: f64,
    /// Occurrences.
    #[serde(default)]
    pub error_count: u64,
}

/// A `CLIENT_ERROR_RATE` or `ENDPOINT_ERROR_RATE` alert.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ErrorRateAlert {
    /// The flow.
    pub flow_id: String,
    /// Meta's text.
    #[serde(default)]
    pub message: String,
    /// Overall error rate, percent.
    #[serde(default)]
    pub error_rate: f64,
    /// The threshold crossed.
    #[serde(default)]
    pub threshold: f64,
    /// `ACTIVATED` or `DEACTIVATED`.
    #[serde(default)]
    pub alert_state: String,
    /// Per error type.
    #[serde(default)]
    pub errors: Vec<AlertError>,
}

/// A `field: flows` event.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum FlowEvent {
    /// `FLOW_STATUS_CHANGE` (also sent on creation, without `old_status`).
    StatusChange {
        /// The flow.
        flow_id: String,
        /// Meta's text.
        message: String,
        /// Previous status, e.g. `DRAFT`.
        old_status: Option<String>,
        /// New status, e.g. `PUBLISHED`.
        new_status: String,
    },
    /// `CLIENT_ERROR_RATE`.
    ClientErrorRate(ErrorRateAlert),
    /// `ENDPOINT_ERROR_RATE`.
    EndpointErrorRate(ErrorRateAlert),
    /// `ENDPOINT_LATENCY`.
    EndpointLatency {
        /// The flow.
        flow_id: String,
        /// Meta's text.
        message: String,
        /// p50, milliseconds.
        p50_latency: f64,
        /// p90, milliseconds.
        p90_latency: f64,
        /// Requests measured.
        requests_count: u64,
        /// Threshold, milliseconds.
        threshold: f64,
        /// `ACTIVATED` / `DEACTIVATED`.
        alert_state: String,
    },
    /// `ENDPOINT_AVAILABILITY`.
    EndpointAvailability {
        /// The flow.
        flow_id: String,
        /// Meta's text.
        message: String,
        /// Availability, percent.
        availability: f64,
        /// Threshold, percent.
        threshold: f64,
        /// `ACTIVATED` / `DEACTIVATED`.
        alert_state: String,
    },
    /// `FLOW_VERSION_EXPIRY_WARNING`.
    VersionExpiryWarning {
        /// The flow.
        flow_id: String,
        /// Meta's warning text.
        warning: String,
    },
    /// An event this version of waflow does not know, kept raw.
    Other {
        /// The `event` value.
        event: String,
        /// The whole `value`.
        value: Value,
    },
}

impl FlowEvent {
    /// The flow the event is about, when it names one.
    pub fn flow_id(&self) -> Option<&str> {
        match self {
            Self::StatusChange { flow_id, .. }
            | Self::EndpointLatency { flow_id, .. }
            | Self::EndpointAvailability { flow_id, .. }
            | Self::VersionExpiryWarning { flow_id, .. } => Some(flow_id),
            Self::ClientErrorRate(a) | Self::EndpointErrorRate(a) => Some(&a.flow_id),
            Self::Other { value, .. } => value.get("flow_id").and_then(Value::as_str),
        }
    }

    /// Parses a `field: flows` value.
    ///
    /// # Errors
    /// [`WebhookError::Malformed`] when a known event lacks a required field.
    pub fn from_value(value: &Value) -> Result<Self, WebhookError> {
        let s = |k: &str| value.get(k).and_then(Value::as_str).map(str::to_owned);
        let n = |k: &str| value.get(k).and_then(Value::as_f64).unwrap_or_default();
        let req = |k: &'static str| {
            s(k).ok_or_else(|| WebhookError::Malformed(format!("flows event without {k}")))
        };
        let event = req("event")?;
        Ok(match event.as_str() {
            "FLOW_STATUS_CHANGE" => Self::StatusChange {
                flow_id: req("flow_id")?,
                message: s("message").unwrap_or_default(),
                old_status: s("old_status"),
                new_status: req("new_status")?,
            },
            "CLIENT_ERROR_RATE" | "ENDPOINT_ERROR_RATE" => {
                let alert: ErrorRateAlert = serde_json::from_value(value.clone())
                    .map_err(|e| WebhookError::Malformed(e.to_string()))?;
                if event == "CLIENT_ERROR_RATE" {
                    Self::ClientErrorRate(alert)
                } else {
                    Self::EndpointErrorRate(alert)
                }
            }
            "ENDPOINT_LATENCY" => Self::EndpointLatency {
                flow_id: req("flow_id")?,
                message: s("message").unwrap_or_default(),
                p50_latency: n("p50_latency"),
                p90_latency: n("p90_latency"),
                requests_count: value
                    .get("requests_count")
                    .and_then(Value::as_u64)
                    .unwrap_or_default(),
                threshold: n("threshold"),
                alert_state: s("alert_state").unwrap_or_default(),
            },
            "ENDPOINT_AVAILABILITY" => Self::EndpointAvailability {
                flow_id: req("flow_id")?,
                message: s("message").unwrap_or_default(),
                availability: n("availability"),
                threshold: n("threshold"),
                alert_state: s("alert_state").unwrap_or_default(),
            },
            "FLOW_VERSION_EXPIRY_WARNING" => Self::VersionExpiryWarning {
                flow_id: req("flow_id")?,
                warning: s("warning").or_else(|| s("message")).unwrap_or_default(),
            },
            _ => Self::Other {
                event,
                value: value.clone(),
            },
        })
    }
}

/// One typed update out of a notification.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Update {
    /// A message that is not a flow completion.
    Message(Message),
    /// A flow completion (`interactive.type = nfm_reply`), `response_json` not yet typed.
    FlowCompletion(RawCompletion),
    /// A delivery status.
    Status(Status),
    /// A `field: flows` event.
    FlowEvent(FlowEvent),
    /// A change of another field, kept raw.
    Other {
        /// The field.
        field: String,
        /// The value.
        value: Value,
    },
}

impl Update {
    /// The key under which a duplicate delivery is recognised (message id, or status id and
    /// state); `None` for updates that are not de-duplicated.
    pub fn delivery_key(&self) -> Option<String> {
        match self {
            Self::Message(m) => Some(format!("message:{}", m.id)),
            Self::FlowCompletion(c) => Some(format!("message:{}", c.message_id)),
            Self::Status(s) => Some(format!("status:{}:{}", s.id, s.status)),
            Self::FlowEvent(_) | Self::Other { .. } => None,
        }
    }

    /// Parses a raw notification body into updates.
    ///
    /// # Errors
    /// [`WebhookError::Malformed`] when the body is not JSON or not a notification.
    pub fn parse_body(body: &[u8]) -> Result<Vec<Self>, WebhookError> {
        let n: Notification =
            serde_json::from_slice(body).map_err(|e| WebhookError::Malformed(e.to_string()))?;
        Self::from_notification(&n)
    }

    /// Flattens a notification into updates.
    ///
    /// # Errors
    /// [`WebhookError::Malformed`] when a change's value has the wrong shape.
    pub fn from_notification(n: &Notification) -> Result<Vec<Self>, WebhookError> {
        let mut out = Vec::new();
        for entry in &n.entry {
            for change in &entry.changes {
                match change.field.as_str() {
                    "messages" => messages_change(&change.value, &mut out)?,
                    "flows" => out.push(Self::FlowEvent(FlowEvent::from_value(&change.value)?)),
                    other => out.push(Self::Other {
                        field: other.to_owned(),
                        value: change.value.clone(),
                    }),
                }
            }
        }
        Ok(out)
    }
}

fn messages_change(value: &Value, out: &mut Vec<Update>) -> Result<(), WebhookError> {
    let bad = |e: serde_json::Error| WebhookError::Malformed(e.to_string());
    let metadata: Metadata = match value.get("metadata") {
        Some(m) => serde_json::from_value(m.clone()).map_err(bad)?,
        None => Metadata::default(),
    };
    let contacts: Vec<Contact> = match value.get("contacts") {
        Some(c) => serde_json::from_value(c.clone()).map_err(bad)?,
        None => Vec::new(),
    };
    if let Some(messages) = value.get("messages") {
        let list = messages
            .as_array()
            .ok_or_else(|| WebhookError::Malformed("messages is not an array".into()))?;
        for raw in list {
            let mut m: Message = serde_json::from_value(raw.clone()).map_err(bad)?;
            m.raw = raw.clone();
            m.metadata = metadata.clone();
            m.sender_name = contacts
                .iter()
                .find(|c| c.wa_id == m.from)
                .or(contacts.first())
                .and_then(|c| c.profile.as_ref())
                .map(|p| p.name.clone());
            match RawCompletion::from_message(&m)? {
                Some(c) => out.push(Update::FlowCompletion(c)),
                None => out.push(Update::Message(m)),
            }
        }
    }
    if let Some(statuses) = value.get("statuses") {
        let list: Vec<Status> = serde_json::from_value(statuses.clone()).map_err(bad)?;
        out.extend(list.into_iter().map(Update::Status));
    }
    Ok(())
}
