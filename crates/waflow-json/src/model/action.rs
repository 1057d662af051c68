//! Actions: `navigate`, `data_exchange`, `complete`, `update_data`, `open_url`.
//!
//! ```
//! use waflow_json::prelude::*;
//!
//! let name = TextInput::new("name", "Name");
//! let action: Action = Action::data_exchange().payload([("name", name.r())]).into();
//! assert_eq!(
//!     serde_json::to_value(&action).unwrap(),
//!     serde_json::json!({"name": "data_exchange", "payload": {"name": "${form.name}"}})
//! );
//! ```

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

use crate::parse::{error_at, from_tagged_body};
use crate::wire_enum::wire_enum;

/// An action payload: keys to literal values, `${...}` strings, objects or arrays.
pub type ActionPayload = Map<String, Value>;

/// What happens on a click, a selection or an unselection; tagged by `"name"`.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
#[serde(tag = "name")]
#[non_exhaustive]
pub enum Action {
    /// Go to another screen of the flow.
    #[serde(rename = "navigate")]
    Navigate(Navigate),
    /// Send the payload to the endpoint; it answers with the next screen.
    #[serde(rename = "data_exchange")]
    DataExchange(DataExchange),
    /// Close the flow and send the payload back to the business (terminal screens, Footer only).
    #[serde(rename = "complete")]
    Complete(Complete),
    /// Update the current screen's data without the endpoint (6.0+).
    #[serde(rename = "update_data")]
    UpdateData(UpdateData),
    /// Open a URL in the browser (6.0+, EmbeddedLink and OptIn).
    #[serde(rename = "open_url")]
    OpenUrl(OpenUrl),
}

impl Action {
    /// `navigate` to `screen`.
    pub fn navigate(screen: impl Into<String>) -> Navigate {
        Navigate {
            next: Next {
                kind: NextType::Screen,
                name: screen.into(),
            },
            payload: None,
        }
    }

    /// `navigate` to a typed screen, handing it its data `D` (serialised; a field may hold a
    /// value or a `${…}` reference as a string). `D` is the screen's own data type, so the
    /// payload cannot miss or misname a key the screen declares.
    pub fn navigate_to<D: serde::Serialize>(screen: crate::ScreenId<D>, data: &D) -> Navigate {
        let navigate = Self::navigate(screen.id());
        match serde_json::to_value(data) {
            Ok(Value::Object(map)) if !map.is_empty() => navigate.payload(map),
            _ => navigate,
        }
    }

    /// `data_exchange` with an empty payload.
    pub fn data_exchange() -> DataExchange {
        DataExchange {
            payload: Some(ActionPayload::new()),
        }
    }

    /// `data_exchange` sending the form `T` ([`FormData`](crate::typed::FormData)): the same as
    /// `Action::data_exchange().payload(T::payload())`, which the endpoint reads back with
    /// `Payload<T>`.
    pub fn data_exchange_of<T: crate::typed::FormData>() -> DataExchange {
        Self::data_exchange().payload(T::payload())
    }

    /// `complete` sending the form `T`, which the completion webhook delivers.
    pub fn complete_of<T: crate::typed::FormData>() -> Complete {
        Self::complete().payload(T::payload())
    }

    /// `complete` with an empty payload.
    pub fn complete() -> Complete {
        Complete {
            payload: Some(ActionPayload::new()),
        }
    }

    /// `update_data` with an empty payload.
    pub fn update_data() -> UpdateData {
        UpdateData {
            payload: Some(ActionPayload::new()),
        }
    }

    /// `open_url`.
    pub fn open_url(url: impl Into<String>) -> OpenUrl {
        OpenUrl { url: url.into() }
    }

    /// The wire name, e.g. `data_exchange`.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Navigate(_) => "navigate",
            Self::DataExchange(_) => "data_exchange",
            Self::Complete(_) => "complete",
            Self::UpdateData(_) => "update_data",
            Self::OpenUrl(_) => "open_url",
        }
    }

    /// The payload, for actions that carry one.
    pub fn payload(&self) -> Option<&ActionPayload> {
        match self {
            Self::Navigate(a) => a.payload.as_ref(),
            Self::DataExchange(a) => a.payload.as_ref(),
            Self::Complete(a) => a.payload.as_ref(),
            Self::UpdateData(a) => a.payload.as_ref(),
            Self::OpenUrl(_) => None,
        }
    }
}

impl<'de> Deserialize<'de> for Action {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: Deserializer<'de>,
    {
        let mut body = Map::deserialize(deserializer)?;
        let name = match body.remove("name") {
            Some(Value::String(name)) => name,
            Some(_) => return Err(error_at("/name", "expected the action name as a string")),
            None => return Err(serde::de::Error::missing_field("name")),
        };
        match name.as_str() {
            "navigate" => from_tagged_body(body).map(Self::Navigate),
            "data_exchange" => from_tagged_body(body).map(Self::DataExchange),
            "complete" => from_tagged_body(body).map(Self::Complete),
            "update_data" => from_tagged_body(body).map(Self::UpdateData),
            "open_url" => from_tagged_body(body).map(Self::OpenUrl),
            other => Err(error_at(
                "/name",
                &format!(
                    "unknown action `{other}`, expected one of navigate, data_exchange, complete, update_data, open_url"
                ),
            )),
        }
    }
}

fn collect_payload<I, K, V>(entries: I) -> ActionPayload
where
    I: IntoIterator<Item = (K, V)>,
    K: Into<String>,
    V: Into<Value>,
{
    entries
        .into_iter()
        .map(|(k, v)| (k.into(), v.into()))
        .collect()
}

wire_enum! {
    /// The kind of `navigate` target.
    NextType {
        /// A screen of this flow.
        Screen = "screen",
        /// A plugin (pywa models it; Meta documents only `screen`).
        Plugin = "plugin",
    }
}

/// The target of a `navigate` action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Next {
    /// Always `screen` in Meta's documents.
    #[serde(rename = "type")]
    pub kind: NextType,
    /// The screen id.
    pub name: String,
}

/// `{"name":"navigate","next":{...},"payload":{...}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[must_use]
pub struct Navigate {
    /// Target screen.
    pub next: Next,
    /// Data for the next screen; keys must match its data model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<ActionPayload>,
}

/// `{"name":"data_exchange","payload":{...}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[must_use]
pub struct DataExchange {
    /// What the endpoint receives as `data`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<ActionPayload>,
}

/// `{"name":"complete","payload":{...}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[must_use]
pub struct Complete {
    /// What the business receives in the completion webhook.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<ActionPayload>,
}

/// `{"name":"update_data","payload":{...}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[must_use]
pub struct UpdateData {
    /// Keys of the current screen's data model and their new values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<ActionPayload>,
}

/// `{"name":"open_url","url":"https://..."}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[must_use]
pub struct OpenUrl {
    /// The URL to open.
    pub url: String,
}

macro_rules! payload_builder {
    ($($ty:ident),*) => {$(
        impl $ty {
            /// Adds entries to the payload (values: literals, `Ref`s, `serde_json::Value`s).
            pub fn payload<I, K, V>(mut self, entries: I) -> Self
            where
                I: IntoIterator<Item = (K, V)>,
                K: Into<String>,
                V: Into<Value>,
            {
                self.payload
                    .get_or_insert_with(ActionPayload::new)
                    .extend(collect_payload(entries));
                self
            }
        }

        impl From<$ty> for Action {
            fn from(value: $ty) -> Self {
                Self::$ty(value)
            }
        }
    )*};
}
payload_builder!(Navigate, DataExchange, Complete, UpdateData);

impl From<OpenUrl> for Action {
    fn from(value: OpenUrl) -> Self {
        Self::OpenUrl(value)
    }
}
