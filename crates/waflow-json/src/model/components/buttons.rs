//! Clickable components: OptIn, EmbeddedLink and Footer.
//!
//! ```
//! use waflow_json::prelude::*;
//!
//! let done = Footer::new("Done", Action::complete());
//! assert_eq!(serde_json::to_value(&done).unwrap()["on-click-action"]["name"], "complete");
//! ```

use crate::model::action::Action;
use crate::model::dynamic::Dynamic;
use crate::refs::Ref;
use serde::{Deserialize, Serialize};

/// A checkbox with a label and an optional "Read more" action.
///
/// **Your endpoint receives** a boolean; read it as `#[serde(default)] bool` so an absent value
/// is `false`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[must_use]
pub struct OptIn {
    /// The field name: key of `${form.name}` and of the submitted value.
    pub name: String,
    /// The label (max 120 characters).
    pub label: String,
    /// Whether a value is required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<Dynamic<bool>>,
    /// Shows or hides the component (literal or `${...}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible: Option<Dynamic<bool>>,
    /// Initially checked (4.0+, outside a Form).
    #[serde(
        rename = "init-value",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub init_value: Option<Dynamic<bool>>,
    /// "Read more" action (`navigate`, `data_exchange`, `open_url` 6.0+).
    #[serde(
        rename = "on-click-action",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub on_click_action: Option<Action>,
    /// Action when checked (`update_data`, 6.0+).
    #[serde(
        rename = "on-select-action",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub on_select_action: Option<Action>,
    /// Action when unchecked (`update_data`, 6.0+).
    #[serde(
        rename = "on-unselect-action",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub on_unselect_action: Option<Action>,
}

impl OptIn {
    /// A new `OptIn` with its required properties.
    pub fn new(name: impl Into<String>, label: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            label: label.into(),
            required: None,
            visible: None,
            init_value: None,
            on_click_action: None,
            on_select_action: None,
            on_unselect_action: None,
        }
    }

    /// Marks the field as required.
    pub fn required(mut self) -> Self {
        self.required = Some(Dynamic::Value(true));
        self
    }

    /// Sets `required` to a literal or a `${...}` reference.
    pub fn required_if(mut self, value: impl Into<Dynamic<bool>>) -> Self {
        self.required = Some(value.into());
        self
    }

    /// Sets `visible`: shows or hides the component (literal or `${...}`).
    pub fn visible(mut self, value: impl Into<Dynamic<bool>>) -> Self {
        self.visible = Some(value.into());
        self
    }

    /// Sets `init-value`: initially checked (4.0+, outside a Form).
    pub fn init_value(mut self, value: impl Into<Dynamic<bool>>) -> Self {
        self.init_value = Some(value.into());
        self
    }

    /// Sets `on-click-action`: "Read more" action (`navigate`, `data_exchange`, `open_url` 6.0+).
    pub fn on_click_action(mut self, value: impl Into<Action>) -> Self {
        self.on_click_action = Some(value.into());
        self
    }

    /// Sets `on-select-action`: action when checked (`update_data`, 6.0+).
    pub fn on_select_action(mut self, value: impl Into<Action>) -> Self {
        self.on_select_action = Some(value.into());
        self
    }

    /// Sets `on-unselect-action`: action when unchecked (`update_data`, 6.0+).
    pub fn on_unselect_action(mut self, value: impl Into<Action>) -> Self {
        self.on_unselect_action = Some(value.into());
        self
    }

    /// `${form.name}`: a typed reference to this input's value.
    pub fn r(&self) -> Ref {
        Ref::form(self.name.clone())
    }

    /// Alias of [`Self::r`].
    pub fn reference(&self) -> Ref {
        self.r()
    }
}

/// A link inside the screen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[must_use]
pub struct EmbeddedLink {
    /// The link text (max 25 characters).
    pub text: String,
    /// What the click does (`navigate`, `data_exchange`, `open_url` 6.0+).
    #[serde(rename = "on-click-action")]
    pub on_click_action: Action,
    /// Shows or hides the component (literal or `${...}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible: Option<Dynamic<bool>>,
}

impl EmbeddedLink {
    /// A new `EmbeddedLink` with its required properties.
    pub fn new(text: impl Into<String>, on_click_action: impl Into<Action>) -> Self {
        Self {
            text: text.into(),
            on_click_action: on_click_action.into(),
            visible: None,
        }
    }

    /// Sets `visible`: shows or hides the component (literal or `${...}`).
    pub fn visible(mut self, value: impl Into<Dynamic<bool>>) -> Self {
        self.visible = Some(value.into());
        self
    }
}

/// The bottom button of a screen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[must_use]
pub struct Footer {
    /// The button label (max 35 characters).
    pub label: String,
    /// What the click does (`navigate`, `data_exchange`, `complete`).
    #[serde(rename = "on-click-action")]
    pub on_click_action: Action,
    /// Left caption (with `right-caption`).
    #[serde(
        rename = "left-caption",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub left_caption: Option<String>,
    /// Centre caption (alone).
    #[serde(
        rename = "center-caption",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub center_caption: Option<String>,
    /// Right caption (with `left-caption`).
    #[serde(
        rename = "right-caption",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub right_caption: Option<String>,
    /// Whether the user can interact with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<Dynamic<bool>>,
}

impl Footer {
    /// A new `Footer` with its required properties.
    pub fn new(label: impl Into<String>, on_click_action: impl Into<Action>) -> Self {
        Self {
            label: label.into(),
            on_click_action: on_click_action.into(),
            left_caption: None,
            center_caption: None,
            right_caption: None,
            enabled: None,
        }
    }

    /// Sets `left-caption`: left caption (with `right-caption`).
    pub fn left_caption(mut self, value: impl Into<String>) -> Self {
        self.left_caption = Some(value.into());
        self
    }

    /// Sets `center-caption`: centre caption (alone).
    pub fn center_caption(mut self, value: impl Into<String>) -> Self {
        self.center_caption = Some(value.into());
        self
    }

    /// Sets `right-caption`: right caption (with `left-caption`).
    pub fn right_caption(mut self, value: impl Into<String>) -> Self {
        self.right_caption = Some(value.into());
        self
    }

    /// Sets `enabled`: whether the user can interact with it.
    pub fn enabled(mut self, value: impl Into<Dynamic<bool>>) -> Self {
        self.enabled = Some(value.into());
        self
    }
}
