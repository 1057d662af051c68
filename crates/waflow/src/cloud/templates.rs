//! Message templates with a flow button: create, and send with `flow_token` / `flow_action_data`.

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::client::Client;
use super::error::CloudError;
use super::messages::SentMessage;

/// Which flow a template's FLOW button opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateFlow {
    /// A published flow by id.
    Id(String),
    /// A published flow by name.
    Name(String),
    /// A Flow JSON string (Meta creates the flow).
    Json(String),
}

/// `POST /{waba-id}/message_templates`: a template with a body and one FLOW button.
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub struct CreateFlowTemplate {
    name: String,
    language: String,
    category: String,
    body: String,
    button_text: String,
    flow: TemplateFlow,
    navigate_screen: Option<String>,
    data_exchange: bool,
    icon: Option<String>,
}

impl CreateFlowTemplate {
    /// Template `name` in `language` (e.g. `en_US`), category `MARKETING` / `UTILITY`, with
    /// `body` text and a FLOW button labelled `button_text` (≤ 25 characters).
    pub fn new(
        name: impl Into<String>,
        language: impl Into<String>,
        category: impl Into<String>,
        body: impl Into<String>,
        button_text: impl Into<String>,
        flow: TemplateFlow,
    ) -> Self {
        Self {
            name: name.into(),
            language: language.into(),
            category: category.into(),
            body: body.into(),
            button_text: button_text.into(),
            flow,
            navigate_screen: None,
            data_exchange: false,
            icon: None,
        }
    }
    /// `flow_action: navigate` to this screen.
    pub fn navigate_screen(mut self, screen: impl Into<String>) -> Self {
        self.navigate_screen = Some(screen.into());
        self.data_exchange = false;
        self
    }
    /// `flow_action: data_exchange`.
    pub fn data_exchange(mut self) -> Self {
        self.data_exchange = true;
        self.navigate_screen = None;
        self
    }
    /// `DOCUMENT`, `PROMOTION` or `REVIEW`.
    pub fn icon(mut self, icon: impl Into<String>) -> Self {
        self.icon = Some(icon.into());
        self
    }

    /// The exact JSON body sent to Meta.
    pub fn to_json(&self) -> Value {
        let mut button = json!({"type": "FLOW", "text": self.button_text});
        if let Some(b) = button.as_object_mut() {
            match &self.flow {
                TemplateFlow::Id(id) => b.insert("flow_id".into(), json!(id)),
                TemplateFlow::Name(n) => b.insert("flow_name".into(), json!(n)),
                TemplateFlow::Json(j) => b.insert("flow_json".into(), json!(j)),
            };
            if self.data_exchange {
                b.insert("flow_action".into(), json!("data_exchange"));
            } else {
                b.insert("flow_action".into(), json!("navigate"));
                if let Some(s) = &self.navigate_screen {
                    b.insert("navigate_screen".into(), json!(s));
                }
            }
            if let Some(i) = &self.icon {
                b.insert("icon".into(), json!(i));
            }
        }
        json!({
            "name": self.name,
            "language": self.language,
            "category": self.category,
            "components": [
                {"type": "BODY", "text": self.body},
                {"type": "BUTTONS", "buttons": [button]},
            ],
        })
    }
}

/// Answer to [`Client::create_flow_template`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreatedTemplate {
    /// Template id.
    pub id: String,
    /// `PENDING`, `APPROVED`, `REJECTED`.
    #[serde(default)]
    pub status: Option<String>,
    /// The category Meta assigned.
    #[serde(default)]
    pub category: Option<String>,
}

/// Sending a template whose button at `button_index` is a FLOW button.
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub struct SendFlowTemplate {
    to: String,
    name: String,
    language: String,
    button_index: u32,
    flow_token: Option<String>,
    flow_action_data: Option<Value>,
    body_parameters: Vec<String>,
}

impl SendFlowTemplate {
    /// Template `name` in `language` to `to`; the flow button is the first button.
    pub fn new(
        to: impl Into<String>,
        name: impl Into<String>,
        language: impl Into<String>,
    ) -> Self {
        Self {
            to: to.into(),
            name: name.into(),
            language: language.into(),
            button_index: 0,
            flow_token: None,
            flow_action_data: None,
            body_parameters: Vec::new(),
        }
    }
    /// The flow token.
    pub fn flow_token(mut self, token: impl Into<String>) -> Self {
        self.flow_token = Some(token.into());
        self
    }
    /// Data for the first screen.
    pub fn flow_action_data(mut self, data: Value) -> Self {
        self.flow_action_data = Some(data);
        self
    }
    /// Index of the FLOW button among the template's buttons.
    pub fn button_index(mut self, index: u32) -> Self {
        self.button_index = index;
        self
    }
    /// Text parameters for the body's `{{1}}`, `{{2}}`, ….
    pub fn body_parameters(mut self, params: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.body_parameters = params.into_iter().map(Into::into).collect();
        self
    }

    /// The exact JSON body sent to Meta; the flow button component is always present (Meta
    /// answers 131009 without it).
    pub fn to_json(&self) -> Value {
        let mut action = serde_json::Map::new();
        if let Some(t) = &self.flow_token {
            action.insert("flow_token".into(), json!(t));
        }
        if let Some(d) = &self.flow_action_data {
            action.insert("flow_action_data".into(), d.clone());
        }
        let mut components = Vec::new();
        if !self.body_parameters.is_empty() {
            let params: Vec<Value> = self
                .body_parameters
                .iter()
                .map(|p| json!({"type": "text", "text": p}))
                .collect();
            components.push(json!({"type": "body", "parameters": params}));
        }
        components.push(json!({
            "type": "button",
            "sub_type": "flow",
            "index": self.button_index.to_string(),
            "parameters": [{"type": "action", "action": action}],
        }));
        json!({
            "messaging_product": "whatsapp",
            "recipient_type": "individual",
            "to": self.to,
            "type": "template",
            "template": {
                "name": self.name,
                "language": {"code": self.language},
                "components": components,
            },
        })
    }
}

impl Client {
    /// Creates a template with a FLOW button in the client's WABA.
    ///
    /// # Errors
    /// [`CloudError::Graph`] or transport errors.
    pub async fn create_flow_template(
        &self,
        template: &CreateFlowTemplate,
    ) -> Result<CreatedTemplate, CloudError> {
        let url = self.url(&format!("{}/message_templates", self.waba()?));
        let body = template.to_json();
        self.execute(|http| http.post(&url).json(&body)).await
    }

    /// Sends a template with a FLOW button.
    ///
    /// # Errors
    /// [`CloudError::Graph`] or transport errors.
    pub async fn send_flow_template(
        &self,
        message: &SendFlowTemplate,
    ) -> Result<SentMessage, CloudError> {
        self.send_raw_message(&message.to_json()).await
    }
}
