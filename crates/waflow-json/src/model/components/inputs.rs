//! Free-text inputs: TextInput and TextArea.
//!
//! ```
//! use waflow_json::prelude::*;
//!
//! let password = TextInput::new("password", "Password")
//!     .input_type(InputType::Password)
//!     .min_chars(8)
//!     .required();
//! assert_eq!(password.r().to_string(), "${form.password}");
//! ```

use super::enums::InputType;
use super::enums::LabelVariant;
use crate::model::dynamic::Dynamic;
use crate::refs::Ref;
use serde::{Deserialize, Serialize};

/// A single-line input.
///
/// **Your endpoint receives** a JSON string, whatever the `input-type` (`number` and `phone`
/// too: read it as `String` and parse it yourself); an optional field left empty is `""`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[must_use]
pub struct TextInput {
    /// The field name: key of `${form.name}` and of the submitted value.
    pub name: String,
    /// The label.
    pub label: String,
    /// Label style (7.0+).
    #[serde(
        rename = "label-variant",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub label_variant: Option<LabelVariant>,
    /// Keyboard and masking.
    #[serde(
        rename = "input-type",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub input_type: Option<InputType>,
    /// Regular expression the value must match (6.2+).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    /// Whether a value is required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<Dynamic<bool>>,
    /// Minimum length.
    #[serde(rename = "min-chars", default, skip_serializing_if = "Option::is_none")]
    pub min_chars: Option<Dynamic<u32>>,
    /// Maximum length (default 80).
    #[serde(rename = "max-chars", default, skip_serializing_if = "Option::is_none")]
    pub max_chars: Option<Dynamic<u32>>,
    /// Help shown under the field.
    #[serde(
        rename = "helper-text",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub helper_text: Option<String>,
    /// Whether the user can interact with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<Dynamic<bool>>,
    /// Shows or hides the component (literal or `${...}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible: Option<Dynamic<bool>>,
    /// Initial value (4.0+, outside a Form; inside one use the Form's `init-values`).
    #[serde(
        rename = "init-value",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub init_value: Option<String>,
    /// Error shown under the field (4.0+, outside a Form).
    #[serde(
        rename = "error-message",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub error_message: Option<String>,
}

impl TextInput {
    /// A new `TextInput` with its required properties.
    pub fn new(name: impl Into<String>, label: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            label: label.into(),
            label_variant: None,
            input_type: None,
            pattern: None,
            required: None,
            min_chars: None,
            max_chars: None,
            helper_text: None,
            enabled: None,
            visible: None,
            init_value: None,
            error_message: None,
        }
    }

    /// Sets `label-variant`: label style (7.0+).
    pub fn label_variant(mut self, value: impl Into<LabelVariant>) -> Self {
        self.label_variant = Some(value.into());
        self
    }

    /// Sets `input-type`: keyboard and masking.
    pub fn input_type(mut self, value: impl Into<InputType>) -> Self {
        self.input_type = Some(value.into());
        self
    }

    /// Sets `pattern`: regular expression the value must match (6.2+).
    pub fn pattern(mut self, value: impl Into<String>) -> Self {
        self.pattern = Some(value.into());
        self
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

    /// Sets `min-chars`: minimum length.
    pub fn min_chars(mut self, value: impl Into<Dynamic<u32>>) -> Self {
        self.min_chars = Some(value.into());
        self
    }

    /// Sets `max-chars`: maximum length (default 80).
    pub fn max_chars(mut self, value: impl Into<Dynamic<u32>>) -> Self {
        self.max_chars = Some(value.into());
        self
    }

    /// Sets `helper-text`: help shown under the field.
    pub fn helper_text(mut self, value: impl Into<String>) -> Self {
        self.helper_text = Some(value.into());
        self
    }

    /// Sets `enabled`: whether the user can interact with it.
    pub fn enabled(mut self, value: impl Into<Dynamic<bool>>) -> Self {
        self.enabled = Some(value.into());
        self
    }

    /// Sets `visible`: shows or hides the component (literal or `${...}`).
    pub fn visible(mut self, value: impl Into<Dynamic<bool>>) -> Self {
        self.visible = Some(value.into());
        self
    }

    /// Sets `init-value`: initial value (4.0+, outside a Form; inside one use the Form's `init-values`).
    pub fn init_value(mut self, value: impl Into<String>) -> Self {
        self.init_value = Some(value.into());
        self
    }

    /// Sets `error-message`: error shown under the field (4.0+, outside a Form).
    pub fn error_message(mut self, value: impl Into<String>) -> Self {
        self.error_message = Some(value.into());
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

/// A multi-line input.
///
/// **Your endpoint receives** a JSON string (`""` for an optional field left empty).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[must_use]
pub struct TextArea {
    /// The field name: key of `${form.name}` and of the submitted value.
    pub name: String,
    /// The label.
    pub label: String,
    /// Label style (7.0+).
    #[serde(
        rename = "label-variant",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub label_variant: Option<LabelVariant>,
    /// Whether a value is required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<Dynamic<bool>>,
    /// Maximum length (default 600).
    #[serde(
        rename = "max-length",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_length: Option<Dynamic<u32>>,
    /// Help shown under the field.
    #[serde(
        rename = "helper-text",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub helper_text: Option<String>,
    /// Whether the user can interact with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<Dynamic<bool>>,
    /// Shows or hides the component (literal or `${...}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible: Option<Dynamic<bool>>,
    /// Initial value (4.0+, outside a Form; inside one use the Form's `init-values`).
    #[serde(
        rename = "init-value",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub init_value: Option<String>,
    /// Error shown under the field (4.0+, outside a Form).
    #[serde(
        rename = "error-message",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub error_message: Option<String>,
}

impl TextArea {
    /// A new `TextArea` with its required properties.
    pub fn new(name: impl Into<String>, label: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            label: label.into(),
            label_variant: None,
            required: None,
            max_length: None,
            helper_text: None,
            enabled: None,
            visible: None,
            init_value: None,
            error_message: None,
        }
    }

    /// Sets `label-variant`: label style (7.0+).
    pub fn label_variant(mut self, value: impl Into<LabelVariant>) -> Self {
        self.label_variant = Some(value.into());
        self
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

    /// Sets `max-length`: maximum length (default 600).
    pub fn max_length(mut self, value: impl Into<Dynamic<u32>>) -> Self {
        self.max_length = Some(value.into());
        self
    }

    /// Sets `helper-text`: help shown under the field.
    pub fn helper_text(mut self, value: impl Into<String>) -> Self {
        self.helper_text = Some(value.into());
        self
    }

    /// Sets `enabled`: whether the user can interact with it.
    pub fn enabled(mut self, value: impl Into<Dynamic<bool>>) -> Self {
        self.enabled = Some(value.into());
        self
    }

    /// Sets `visible`: shows or hides the component (literal or `${...}`).
    pub fn visible(mut self, value: impl Into<Dynamic<bool>>) -> Self {
        self.visible = Some(value.into());
        self
    }

    /// Sets `init-value`: initial value (4.0+, outside a Form; inside one use the Form's `init-values`).
    pub fn init_value(mut self, value: impl Into<String>) -> Self {
        self.init_value = Some(value.into());
        self
    }

    /// Sets `error-message`: error shown under the field (4.0+, outside a Form).
    pub fn error_message(mut self, value: impl Into<String>) -> Self {
        self.error_message = Some(value.into());
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
