//! The response a handler returns.

use serde::Serialize;
use serde_json::{Map, Value};

/// The next screen and its data, or the final close response.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FlowResponse {
    #[serde(skip_serializing_if = "Option::is_none")]
    version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    screen: Option<String>,
    data: Map<String, Value>,
}

impl FlowResponse {
    /// Go to `screen` with the data `D` it declares: the typed way (see
    /// [`waflow_json::typed`]), so a handler cannot send a key the screen does not declare or
    /// leave out one it does. A screen without data is a `ScreenId<()>`: `to(START, ())`.
    ///
    /// ```
    /// use serde::Serialize;
    /// use waflow::endpoint::FlowResponse;
    /// use waflow_json::prelude::*;
    ///
    /// #[derive(Serialize, DataModel)]
    /// struct LoginData {
    ///     #[flow(example = "ada@example.com")]
    ///     email_initial_value: String,
    /// }
    /// const LOGIN: ScreenId<LoginData> = ScreenId::new("LOGIN");
    ///
    /// let r = FlowResponse::to(LOGIN, LoginData { email_initial_value: "ada@example.com".into() });
    /// assert_eq!(r.screen_name(), Some("LOGIN"));
    /// assert_eq!(r.data_map()["email_initial_value"], "ada@example.com");
    /// ```
    pub fn to<D: Serialize>(screen: waflow_json::ScreenId<D>, data: D) -> Self {
        let data = match serde_json::to_value(data) {
            Ok(Value::Object(map)) => map,
            Ok(_) => Map::new(),
            Err(error) => {
                // Only a hand-written `Serialize` can fail here; the contract check then names
                // the missing keys.
                tracing::error!(%error, screen = screen.id(), "screen data does not serialise");
                Map::new()
            }
        };
        Self {
            version: None,
            screen: Some(screen.id().to_owned()),
            data,
        }
    }

    /// Go to `screen`, by id: the untyped escape hatch (add data with [`with`](Self::with) or
    /// [`data`](Self::data)).
    pub fn screen(screen: impl AsRef<str>) -> Self {
        Self {
            version: None,
            screen: Some(screen.as_ref().to_owned()),
            data: Map::new(),
        }
    }

    /// Close the flow: `SUCCESS` with `extension_message_response.params.flow_token`.
    pub fn close(flow_token: impl Into<String>) -> Self {
        Self::close_with(flow_token, Map::new())
    }

    /// Close the flow with extra `params` next to the flow token: a `json!({...})` object, a
    /// `Map` or any struct that serialises to an object (anything else adds nothing). The chat
    /// receives them in the completion message.
    ///
    /// ```
    /// use waflow::endpoint::FlowResponse;
    ///
    /// let r = FlowResponse::close_with("tok-1", serde_json::json!({"lead_id": 7}));
    /// let params = &r.data_map()["extension_message_response"]["params"];
    /// assert_eq!(params, &serde_json::json!({"lead_id": 7, "flow_token": "tok-1"}));
    /// ```
    pub fn close_with(flow_token: impl Into<String>, params: impl Serialize) -> Self {
        let mut params = match serde_json::to_value(params) {
            Ok(Value::Object(map)) => map,
            _ => Map::new(),
        };
        params.insert("flow_token".to_owned(), Value::String(flow_token.into()));
        let mut data = Map::new();
        let mut ext = Map::new();
        ext.insert("params".to_owned(), Value::Object(params));
        data.insert("extension_message_response".to_owned(), Value::Object(ext));
        Self {
            version: None,
            screen: Some("SUCCESS".to_owned()),
            data,
        }
    }

    /// A response with only data (no screen), e.g. `{"data":{"status":"active"}}`.
    pub fn data_only(data: Map<String, Value>) -> Self {
        Self {
            version: None,
            screen: None,
            data,
        }
    }

    /// Adds the keys of a JSON object to the screen's data. A value that is not an object is
    /// stored under the key `"value"` (screen data is always an object).
    #[must_use]
    pub fn data(mut self, data: Value) -> Self {
        match data {
            Value::Object(map) => self.data.extend(map),
            Value::Null => {}
            other => {
                self.data.insert("value".to_owned(), other);
            }
        }
        self
    }

    /// Sets one data key.
    #[must_use]
    pub fn with(mut self, key: impl Into<String>, value: impl Into<Value>) -> Self {
        self.data.insert(key.into(), value.into());
        self
    }

    /// Sets `data.error_message` (shown by the client as a snackbar).
    #[must_use]
    pub fn error_message(self, message: impl Into<String>) -> Self {
        self.with("error_message", message.into())
    }

    /// Sets the `version` echoed to the client.
    #[must_use]
    pub fn version(mut self, version: impl Into<String>) -> Self {
        self.version = Some(version.into());
        self
    }

    /// The target screen.
    pub fn screen_name(&self) -> Option<&str> {
        self.screen.as_deref()
    }

    /// The data object.
    pub fn data_map(&self) -> &Map<String, Value> {
        &self.data
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Lead {
        lead_id: u32,
    }

    #[test]
    fn close_params_come_from_any_object_and_nothing_else() {
        let params =
            |r: &FlowResponse| r.data_map()["extension_message_response"]["params"].clone();
        let from_struct = FlowResponse::close_with("t", Lead { lead_id: 7 });
        assert_eq!(
            params(&from_struct),
            serde_json::json!({"lead_id": 7, "flow_token": "t"})
        );
        assert_eq!(from_struct.screen_name(), Some("SUCCESS"));
        // A value that is not an object adds nothing, and cannot replace the flow token.
        let scalar = FlowResponse::close_with("t", 42);
        assert_eq!(params(&scalar), serde_json::json!({"flow_token": "t"}));
        let sneaky = FlowResponse::close_with("t", serde_json::json!({"flow_token": "other"}));
        assert_eq!(params(&sneaky), serde_json::json!({"flow_token": "t"}));
        assert_eq!(
            params(&FlowResponse::close("t")),
            serde_json::json!({"flow_token": "t"})
        );
    }
}
