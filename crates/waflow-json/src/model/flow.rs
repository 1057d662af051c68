//! The root of a Flow JSON document.
//!
//! ```
//! use waflow_json::prelude::*;
//!
//! let flow = FlowJson::new(FlowVersion::V7_3).screens([Screen::new("ONLY")
//!     .terminal(true)
//!     .child(Footer::new("Done", Action::complete()))]);
//! let text = flow.to_json_pretty();
//! assert_eq!(FlowJson::from_json_str(&text).unwrap(), flow);
//! ```

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::screen::Screen;
use crate::parse::{self, ParseError};
use crate::validate::{self, Finding, InvalidFlow, Severity};
use crate::version::{DataApiVersion, FlowVersion};

/// A Flow JSON document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[must_use]
pub struct FlowJson {
    /// The Flow JSON version.
    pub version: FlowVersion,
    /// The Data API version, for flows with an endpoint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_api_version: Option<DataApiVersion>,
    /// Screen id → screens reachable from it, for flows with an endpoint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub routing_model: Option<IndexMap<String, Vec<String>>>,
    /// Endpoint URI, before 3.0 only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_channel_uri: Option<String>,
    /// The screens; the first one without inbound routes is the entry screen.
    pub screens: Vec<Screen>,
}

impl FlowJson {
    /// An empty flow of `version`.
    pub fn new(version: FlowVersion) -> Self {
        Self {
            version,
            data_api_version: None,
            routing_model: None,
            data_channel_uri: None,
            screens: Vec::new(),
        }
    }

    /// Parses Flow JSON text.
    ///
    /// # Errors
    /// [`ParseError`] naming the JSON Pointer (and line/column) of the first problem.
    pub fn from_json_str(text: &str) -> Result<Self, ParseError> {
        parse::from_str(text)
    }

    /// Reads a Flow JSON value.
    ///
    /// # Errors
    /// [`ParseError`] naming the JSON Pointer of the first problem.
    pub fn from_value(value: Value) -> Result<Self, ParseError> {
        parse::from_value(value)
    }

    /// The document as a JSON value.
    pub fn to_value(&self) -> Value {
        // Serialising the model cannot fail: every map key is a string and no
        // custom `Serialize` returns an error.
        serde_json::to_value(self).unwrap_or(Value::Null)
    }

    /// The document as compact JSON text.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The document as indented JSON text.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Meta's upload-time rules, checked offline.
    pub fn validate(&self) -> Vec<Finding> {
        validate::validate_value(&self.to_value())
    }

    /// Hands the flow back if the validator finds no error (warnings are allowed).
    ///
    /// # Errors
    /// [`InvalidFlow`] with every finding, when at least one is an error.
    pub fn build(self) -> Result<Self, InvalidFlow> {
        let findings = self.validate();
        if findings.iter().any(|f| f.severity == Severity::Error) {
            Err(InvalidFlow { findings })
        } else {
            Ok(self)
        }
    }

    /// Sets `data_api_version`.
    pub fn data_api_version(mut self, version: DataApiVersion) -> Self {
        self.data_api_version = Some(version);
        self
    }

    /// Sets `data_channel_uri` (before 3.0 only).
    pub fn data_channel_uri(mut self, uri: impl Into<String>) -> Self {
        self.data_channel_uri = Some(uri.into());
        self
    }

    /// Sets the routing model: `[("START", &["NEXT"][..]), ("NEXT", &[])]`.
    pub fn routing<I, K, V, S>(mut self, routes: I) -> Self
    where
        I: IntoIterator<Item = (K, V)>,
        K: AsRef<str>,
        V: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.routing_model = Some(
            routes
                .into_iter()
                .map(|(from, to)| {
                    (
                        from.as_ref().to_owned(),
                        to.into_iter().map(|s| s.as_ref().to_owned()).collect(),
                    )
                })
                .collect(),
        );
        self
    }

    /// Appends screens.
    pub fn screens<I>(mut self, screens: I) -> Self
    where
        I: IntoIterator<Item = Screen>,
    {
        self.screens.extend(screens);
        self
    }

    /// Appends one screen.
    pub fn screen(mut self, screen: Screen) -> Self {
        self.screens.push(screen);
        self
    }

    /// The screen with `id`.
    pub fn find_screen(&self, id: impl AsRef<str>) -> Option<&Screen> {
        let id = id.as_ref();
        self.screens.iter().find(|s| s.id == id)
    }
}
