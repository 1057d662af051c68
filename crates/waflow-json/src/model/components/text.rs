//! Text components: headings, body, caption, rich text.
//!
//! ```
//! use waflow_json::prelude::*;
//!
//! let heading = TextHeading::new("Welcome");
//! let body = TextBody::new("Hello").font_weight(FontWeight::Bold);
//! assert_eq!(serde_json::to_value(Component::from(heading)).unwrap()["type"], "TextHeading");
//! assert_eq!(serde_json::to_value(Component::from(body)).unwrap()["font-weight"], "bold");
//! ```

use super::enums::FontWeight;
use crate::model::dynamic::Dynamic;
use crate::model::dynamic::Text;
use serde::{Deserialize, Serialize};

/// Plain setters, one per line `field: T;` after its doc comment: `pub fn field(self, value: impl
/// Into<T>) -> Self` stores `Some(value.into())`.
macro_rules! setters {
    ($($(#[$attr:meta])* $field:ident: $ty:ty;)+) => {
        $(
            $(#[$attr])*
            pub fn $field(mut self, value: impl Into<$ty>) -> Self {
                self.$field = Some(value.into());
                self
            }
        )+
    };
}

/// A top-level heading (max 80 characters).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[must_use]
pub struct TextHeading {
    /// The text (may be a `${...}` reference or, 6.0+, a nested expression).
    pub text: String,
    /// Shows or hides the component (literal or `${...}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible: Option<Dynamic<bool>>,
}

impl TextHeading {
    /// A new `TextHeading` with its required properties.
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            visible: None,
        }
    }

    setters! {
        /// Sets `visible`: shows or hides the component (literal or `${...}`).
        visible: Dynamic<bool>;
    }
}

/// A subheading (max 80 characters).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[must_use]
pub struct TextSubheading {
    /// The text (may be a `${...}` reference or, 6.0+, a nested expression).
    pub text: String,
    /// Shows or hides the component (literal or `${...}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible: Option<Dynamic<bool>>,
}

impl TextSubheading {
    /// A new `TextSubheading` with its required properties.
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            visible: None,
        }
    }

    setters! {
        /// Sets `visible`: shows or hides the component (literal or `${...}`).
        visible: Dynamic<bool>;
    }
}

/// Body text (max 4096 characters); string array and markdown from 5.1.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[must_use]
pub struct TextBody {
    /// The text: a string or (5.1+) lines.
    pub text: Text,
    /// Font weight.
    #[serde(
        rename = "font-weight",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub font_weight: Option<FontWeight>,
    /// Strike the text through.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strikethrough: Option<Dynamic<bool>>,
    /// Interpret the text as markdown (5.1+).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub markdown: Option<bool>,
    /// Shows or hides the component (literal or `${...}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible: Option<Dynamic<bool>>,
}

impl TextBody {
    /// A new `TextBody` with its required properties.
    pub fn new(text: impl Into<Text>) -> Self {
        Self {
            text: text.into(),
            font_weight: None,
            strikethrough: None,
            markdown: None,
            visible: None,
        }
    }

    setters! {
        /// Sets `font-weight`: font weight.
        font_weight: FontWeight;

        /// Sets `strikethrough`: strike the text through.
        strikethrough: Dynamic<bool>;

        /// Sets `markdown`: interpret the text as markdown (5.1+).
        markdown: bool;

        /// Sets `visible`: shows or hides the component (literal or `${...}`).
        visible: Dynamic<bool>;
    }
}

/// Caption text (max 409 characters); string array and markdown from 5.1.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[must_use]
pub struct TextCaption {
    /// The text: a string or (5.1+) lines.
    pub text: Text,
    /// Font weight.
    #[serde(
        rename = "font-weight",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub font_weight: Option<FontWeight>,
    /// Strike the text through.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strikethrough: Option<Dynamic<bool>>,
    /// Interpret the text as markdown (5.1+).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub markdown: Option<bool>,
    /// Shows or hides the component (literal or `${...}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible: Option<Dynamic<bool>>,
}

impl TextCaption {
    /// A new `TextCaption` with its required properties.
    pub fn new(text: impl Into<Text>) -> Self {
        Self {
            text: text.into(),
            font_weight: None,
            strikethrough: None,
            markdown: None,
            visible: None,
        }
    }

    setters! {
        /// Sets `font-weight`: font weight.
        font_weight: FontWeight;

        /// Sets `strikethrough`: strike the text through.
        strikethrough: Dynamic<bool>;

        /// Sets `markdown`: interpret the text as markdown (5.1+).
        markdown: bool;

        /// Sets `visible`: shows or hides the component (literal or `${...}`).
        visible: Dynamic<bool>;
    }
}

/// Markdown-rendered text (5.1+).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[must_use]
pub struct RichText {
    /// Markdown: a string or lines.
    pub text: Text,
    /// Shows or hides the component (literal or `${...}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible: Option<Dynamic<bool>>,
}

impl RichText {
    /// A new `RichText` with its required properties.
    pub fn new(text: impl Into<Text>) -> Self {
        Self {
            text: text.into(),
            visible: None,
        }
    }

    setters! {
        /// Sets `visible`: shows or hides the component (literal or `${...}`).
        visible: Dynamic<bool>;
    }
}
