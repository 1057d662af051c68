//! Form: groups inputs, with `init-values` and `error-messages` for them.
//!
//! Inside a Form, Meta wants initial values and errors on the Form, not on the inputs, so
//! [`Form::child`] moves an input's `init-value` / `error-message` into the Form's
//! `init-values` / `error-messages` (also through If/Switch branches).
//!
//! ```
//! use waflow_json::prelude::*;
//!
//! let first = ScreenData::new("first_name_initial_value", "John");
//! let form = Form::new("form")
//!     .child(TextInput::new("first_name", "First Name").init_value(first.r()));
//! let json = serde_json::to_value(&form).unwrap();
//! assert_eq!(json["init-values"]["first_name"], "${data.first_name_initial_value}");
//! assert!(json["children"][0].get("init-value").is_none());
//! ```

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::Component;
use crate::model::dynamic::Dynamic;
use crate::refs::Ref;

/// A form: named container of input components.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[must_use]
pub struct Form {
    /// The form's name.
    pub name: String,
    /// Initial values by input name, or a `${data.x}` reference to an object.
    #[serde(
        rename = "init-values",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub init_values: Option<Dynamic<Map<String, Value>>>,
    /// Error messages by input name, or a `${data.x}` reference to an object.
    #[serde(
        rename = "error-messages",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub error_messages: Option<Dynamic<Map<String, Value>>>,
    /// The components of the form.
    pub children: Vec<Component>,
}

impl Form {
    /// An empty form.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            init_values: None,
            error_messages: None,
            children: Vec::new(),
        }
    }

    /// Adds a component, moving its `init-value` / `error-message` into the form's maps.
    pub fn child(mut self, component: impl Into<Component>) -> Self {
        let mut component = component.into();
        let mut init = Map::new();
        let mut errors = Map::new();
        let take_init = !matches!(self.init_values, Some(Dynamic::Ref(_)));
        let take_errors = !matches!(self.error_messages, Some(Dynamic::Ref(_)));
        component.hoist_into_form(
            take_init.then_some(&mut init),
            take_errors.then_some(&mut errors),
        );
        merge(&mut self.init_values, init);
        merge(&mut self.error_messages, errors);
        self.children.push(component);
        self
    }

    /// Adds several components, as [`Self::child`] does.
    pub fn children<I, C>(self, components: I) -> Self
    where
        I: IntoIterator<Item = C>,
        C: Into<Component>,
    {
        components.into_iter().fold(self, Self::child)
    }

    /// Sets initial values by input name.
    pub fn init_values<I, K, V>(mut self, entries: I) -> Self
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<Value>,
    {
        merge(
            &mut self.init_values,
            entries
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        );
        self
    }

    /// Takes all initial values from a `${data.x}` object.
    pub fn init_values_from(mut self, reference: Ref) -> Self {
        self.init_values = Some(reference.into());
        self
    }

    /// Sets error messages by input name.
    pub fn error_messages<I, K, V>(mut self, entries: I) -> Self
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<Value>,
    {
        merge(
            &mut self.error_messages,
            entries
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        );
        self
    }

    /// Takes all error messages from a `${data.x}` object.
    pub fn error_messages_from(mut self, reference: Ref) -> Self {
        self.error_messages = Some(reference.into());
        self
    }
}

fn merge(target: &mut Option<Dynamic<Map<String, Value>>>, entries: Map<String, Value>) {
    if entries.is_empty() {
        return;
    }
    match target {
        Some(Dynamic::Value(map)) => map.extend(entries),
        Some(Dynamic::Ref(_)) => {}
        None => *target = Some(Dynamic::Value(entries)),
    }
}
