//! What the Graph API says about a flow: status, categories, validation errors, preview, health.

use serde::{Deserialize, Serialize};

/// A flow category (`categories` on create and update).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum FlowCategory {
    /// `SIGN_UP`
    SignUp,
    /// `SIGN_IN`
    SignIn,
    /// `APPOINTMENT_BOOKING`
    AppointmentBooking,
    /// `LEAD_GENERATION`
    LeadGeneration,
    /// `CONTACT_US`
    ContactUs,
    /// `CUSTOMER_SUPPORT`
    CustomerSupport,
    /// `SURVEY`
    Survey,
    /// `OTHER`
    Other,
    /// A category this version of waflow does not know (read side only).
    #[serde(other)]
    Unknown,
}

impl FlowCategory {
    /// Every category Meta accepts.
    pub const ALL: [Self; 8] = [
        Self::SignUp,
        Self::SignIn,
        Self::AppointmentBooking,
        Self::LeadGeneration,
        Self::ContactUs,
        Self::CustomerSupport,
        Self::Survey,
        Self::Other,
    ];

    /// The wire name, e.g. `SIGN_UP`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::SignUp => "SIGN_UP",
            Self::SignIn => "SIGN_IN",
            Self::AppointmentBooking => "APPOINTMENT_BOOKING",
            Self::LeadGeneration => "LEAD_GENERATION",
            Self::ContactUs => "CONTACT_US",
            Self::CustomerSupport => "CUSTOMER_SUPPORT",
            Self::Survey => "SURVEY",
            Self::Other => "OTHER",
            Self::Unknown => "UNKNOWN",
        }
    }
}

impl std::str::FromStr for FlowCategory {
    type Err = String;
    /// Parses the wire name, case-insensitively and with `-` for `_` (`sign-up` works).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_uppercase().replace('-', "_");
        Self::ALL
            .into_iter()
            .find(|c| c.as_str() == wanted)
            .ok_or_else(|| {
                let names: Vec<_> = Self::ALL.iter().map(|c| c.as_str()).collect();
                format!(
                    "unknown flow category {s:?}; expected one of {}",
                    names.join(", ")
                )
            })
    }
}

/// A flow's lifecycle status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum FlowStatus {
    /// Editable, sendable only with `mode: draft`.
    Draft,
    /// Live.
    Published,
    /// Retired; cannot be sent.
    Deprecated,
    /// Blocked by Meta (endpoint health).
    Blocked,
    /// Limited to 10 messages an hour (endpoint health).
    Throttled,
    /// A status this version of waflow does not know.
    #[serde(other)]
    Unknown,
}

/// One of Meta's Flow JSON validation errors (create, asset upload, get flow).
///
/// Source: Meta "Flows API" docs, "Update Flow JSON" response; pywa `FlowValidationError`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FlowValidationError {
    /// Machine name, e.g. `INVALID_PROPERTY_VALUE`.
    #[serde(default)]
    pub error: String,
    /// Family, e.g. `FLOW_JSON_ERROR`.
    #[serde(default)]
    pub error_type: String,
    /// Human text.
    #[serde(default)]
    pub message: String,
    /// First line (1-based) in the uploaded file.
    #[serde(default)]
    pub line_start: Option<u32>,
    /// Last line.
    #[serde(default)]
    pub line_end: Option<u32>,
    /// First column.
    #[serde(default)]
    pub column_start: Option<u32>,
    /// Last column.
    #[serde(default)]
    pub column_end: Option<u32>,
    /// Where in the Flow JSON the error is.
    #[serde(default)]
    pub pointers: Vec<ValidationPointer>,
}

impl FlowValidationError {
    /// The first pointer's path as a JSON Pointer (`screens[0].layout` → `/screens/0/layout`),
    /// or `/` when Meta gave none.
    pub fn json_pointer(&self) -> String {
        self.pointers
            .first()
            .map_or_else(|| "/".to_owned(), |p| p.json_pointer())
    }
}

/// A location Meta attaches to a validation error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ValidationPointer {
    /// First line.
    #[serde(default)]
    pub line_start: Option<u32>,
    /// Last line.
    #[serde(default)]
    pub line_end: Option<u32>,
    /// First column.
    #[serde(default)]
    pub column_start: Option<u32>,
    /// Last column.
    #[serde(default)]
    pub column_end: Option<u32>,
    /// Meta's dotted path, e.g. `screens[0].layout.children[0].type`.
    #[serde(default)]
    pub path: String,
}

impl ValidationPointer {
    /// Meta's dotted path as an RFC 6901 JSON Pointer.
    pub fn json_pointer(&self) -> String {
        let mut out = String::new();
        for part in self.path.split('.').filter(|p| !p.is_empty()) {
            let mut rest = part;
            if let Some(open) = rest.find('[') {
                push_token(&mut out, &rest[..open]);
                rest = &rest[open..];
                while let Some(stripped) = rest.strip_prefix('[') {
                    let Some(close) = stripped.find(']') else {
                        push_token(&mut out, stripped);
                        rest = "";
                        break;
                    };
                    push_token(&mut out, &stripped[..close]);
                    rest = &stripped[close + 1..];
                }
                if !rest.is_empty() {
                    push_token(&mut out, rest);
                }
            } else {
                push_token(&mut out, rest);
            }
        }
        if out.is_empty() { "/".to_owned() } else { out }
    }
}

fn push_token(out: &mut String, token: &str) {
    if token.is_empty() {
        return;
    }
    out.push('/');
    out.push_str(&token.replace('~', "~0").replace('/', "~1"));
}

/// A flow as `GET /{flow-id}` or `GET /{waba-id}/flows` describes it. Fields not requested are `None`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Flow {
    /// Flow id.
    pub id: String,
    /// Unique name within the WABA.
    #[serde(default)]
    pub name: Option<String>,
    /// Lifecycle status.
    #[serde(default)]
    pub status: Option<FlowStatus>,
    /// Categories.
    #[serde(default)]
    pub categories: Vec<FlowCategory>,
    /// Validation errors of the current Flow JSON.
    #[serde(default)]
    pub validation_errors: Vec<FlowValidationError>,
    /// Flow JSON version, e.g. `"7.3"`.
    #[serde(default)]
    pub json_version: Option<String>,
    /// Data API version.
    #[serde(default)]
    pub data_api_version: Option<String>,
    /// The data-exchange endpoint.
    #[serde(default)]
    pub endpoint_uri: Option<String>,
    /// Preview link.
    #[serde(default)]
    pub preview: Option<FlowPreview>,
    /// Whether messages with this flow can be sent, and why not.
    #[serde(default)]
    pub health_status: Option<HealthStatus>,
    /// `{ "id", "name", ... }` of the owning WABA, raw.
    #[serde(default)]
    pub whatsapp_business_account: Option<serde_json::Value>,
    /// `{ "id", "name", "link" }` of the connected app, raw.
    #[serde(default)]
    pub application: Option<serde_json::Value>,
}

/// A flow's public preview link (`preview.preview_url`, `preview.expires_at`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FlowPreview {
    /// The web preview URL.
    pub preview_url: String,
    /// ISO-8601 expiry.
    #[serde(default)]
    pub expires_at: Option<String>,
}

/// Parameters appended to a preview URL (pywa `FlowPreview.with_params`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[must_use]
pub struct PreviewParams {
    /// Interactive mode (`interactive=true`) instead of a static render.
    pub interactive: bool,
    /// The `flow_token` the preview sends to the endpoint.
    pub flow_token: Option<String>,
    /// `navigate` or `data_exchange`.
    pub flow_action: Option<String>,
    /// The first screen and its data, JSON.
    pub flow_action_payload: Option<serde_json::Value>,
    /// The phone number the preview pretends to be.
    pub phone_number: Option<String>,
    /// Show the debug panel.
    pub debug: bool,
}

impl FlowPreview {
    /// The preview URL with `params` appended as a query string.
    pub fn url_with(&self, params: &PreviewParams) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if params.interactive {
            pairs.push(("interactive", "true".to_owned()));
        }
        if let Some(t) = &params.flow_token {
            pairs.push(("flow_token", t.clone()));
        }
        if let Some(a) = &params.flow_action {
            pairs.push(("flow_action", a.clone()));
        }
        if let Some(p) = &params.flow_action_payload {
            pairs.push(("flow_action_payload", p.to_string()));
        }
        if let Some(n) = &params.phone_number {
            pairs.push(("phone_number", n.clone()));
        }
        if params.debug {
            pairs.push(("debug", "true".to_owned()));
        }
        let mut url = self.preview_url.clone();
        for (i, (k, v)) in pairs.iter().enumerate() {
            url.push(if i == 0 && !self.preview_url.contains('?') {
                '?'
            } else {
                '&'
            });
            url.push_str(k);
            url.push('=');
            url.push_str(&percent_encode(v));
        }
        url
    }
}

fn percent_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `health_status` of a flow.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct HealthStatus {
    /// `AVAILABLE`, `LIMITED` or `BLOCKED`.
    pub can_send_message: String,
    /// Per-entity detail (flow, WABA, business, app).
    #[serde(default)]
    pub entities: Vec<HealthEntity>,
}

/// One entity of a [`HealthStatus`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct HealthEntity {
    /// `FLOW`, `WABA`, `BUSINESS`, `APP`.
    pub entity_type: String,
    /// The entity's id.
    pub id: String,
    /// `AVAILABLE`, `LIMITED` or `BLOCKED`.
    pub can_send_message: String,
    /// Why it cannot send.
    #[serde(default)]
    pub errors: Vec<HealthError>,
    /// Extra notes, raw.
    #[serde(default)]
    pub additional_info: Option<serde_json::Value>,
}

/// A reason an entity cannot send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct HealthError {
    /// Meta's code.
    pub error_code: i64,
    /// What is wrong.
    #[serde(default)]
    pub error_description: String,
    /// What to do.
    #[serde(default)]
    pub possible_solution: Option<String>,
}

/// A flow asset (`GET /{flow-id}/assets`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FlowAsset {
    /// File name, `flow.json`.
    pub name: String,
    /// `FLOW_JSON`.
    pub asset_type: String,
    /// Pre-signed download URL.
    pub download_url: String,
}
