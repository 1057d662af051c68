//! Every Flow JSON component, one enum variant per `"type"`.
//!
//! ```
//! use waflow_json::prelude::*;
//!
//! let c: Component = TextHeading::new("Hi").into();
//! assert_eq!(c.type_name(), "TextHeading");
//! let back: Component = serde_json::from_value(serde_json::to_value(&c).unwrap()).unwrap();
//! assert_eq!(back, c);
//! ```

mod buttons;
mod dates;
mod enums;
mod form;
mod inputs;
mod logic;
mod media;
mod navigation;
mod selection;
mod text;

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

pub use buttons::{EmbeddedLink, Footer, OptIn};
pub use dates::{CalendarPicker, DatePicker};
pub use enums::{
    CalendarMode, FontWeight, InputType, LabelVariant, LayoutType, MediaSize, PhotoSource,
    PickerError, ScaleType,
};
pub use form::Form;
pub use inputs::{TextArea, TextInput};
pub use logic::{Condition, If, Switch};
pub use media::{CarouselImage, DocumentPicker, Image, ImageCarousel, PhotoPicker};
pub use navigation::{MainContent, NavigationEnd, NavigationItem, NavigationList, NavigationStart};
pub use selection::{CheckboxGroup, ChipsSelector, DataSourceItem, Dropdown, RadioButtonsGroup};
pub use text::{RichText, TextBody, TextCaption, TextHeading, TextSubheading};

use crate::parse::{error_at, from_tagged_body};

macro_rules! components {
    (
        inline { $($(#[$doc:meta])* $variant:ident),+ $(,)? }
        boxed { $($(#[$bdoc:meta])* $bvariant:ident),+ $(,)? }
    ) => {
        /// A component of a screen's layout, internally tagged by `"type"`.
        #[derive(Debug, Clone, PartialEq, Serialize)]
        #[serde(tag = "type")]
        #[non_exhaustive]
        pub enum Component {
            $($(#[$doc])* $variant($variant),)+
            $($(#[$bdoc])* $bvariant(Box<$bvariant>),)+
        }

        impl Component {
            /// Every component `type` this crate knows.
            pub const TYPES: &'static [&'static str] =
                &[$(stringify!($variant),)+ $(stringify!($bvariant)),+];

            /// The wire `type`, e.g. `TextInput`.
            pub fn type_name(&self) -> &'static str {
                match self {
                    $(Self::$variant(_) => stringify!($variant),)+
                    $(Self::$bvariant(_) => stringify!($bvariant),)+
                }
            }
        }

        $(
            impl From<$variant> for Component {
                fn from(value: $variant) -> Self {
                    Self::$variant(value)
                }
            }
        )+
        $(
            impl From<$bvariant> for Component {
                fn from(value: $bvariant) -> Self {
                    Self::$bvariant(Box::new(value))
                }
            }
        )+

        impl schemars::JsonSchema for Component {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                "Component".into()
            }

            /// `oneOf` references to one `$defs` entry per component type, each with its
            /// `"type"` constant, so editors can complete properties per type.
            fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
                let defs = generator.settings().definitions_path.to_string();
                let mut variants = Vec::new();
                $(
                    let name = stringify!($variant);
                    let mut schema = <$variant as schemars::JsonSchema>::json_schema(generator);
                    with_type_tag(&mut schema, name);
                    generator.definitions_mut().insert(name.to_owned(), schema.to_value());
                    variants.push(serde_json::json!({ "$ref": format!("#{defs}/{name}") }));
                )+                $(
                    let name = stringify!($bvariant);
                    let mut schema = <$bvariant as schemars::JsonSchema>::json_schema(generator);
                    with_type_tag(&mut schema, name);
                    generator.definitions_mut().insert(name.to_owned(), schema.to_value());
                    variants.push(serde_json::json!({ "$ref": format!("#{defs}/{name}") }));
                )+
                schemars::json_schema!({
                    "description": "A component of a screen's layout, tagged by `type`.",
                    "oneOf": variants,
                })
            }
        }

        impl<'de> Deserialize<'de> for Component {
            fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
            where
                D: Deserializer<'de>,
            {
                let mut body = Map::deserialize(deserializer)?;
                let kind = match body.remove("type") {
                    Some(Value::String(kind)) => kind,
                    Some(_) => return Err(error_at("/type", "expected the component type as a string")),
                    None => return Err(serde::de::Error::missing_field("type")),
                };
                match kind.as_str() {
                    $(stringify!($variant) => from_tagged_body(body).map(Self::$variant),)+
                    $(stringify!($bvariant) => from_tagged_body(body).map(|c| Self::$bvariant(Box::new(c))),)+
                    other => Err(error_at("/type", &format!("unknown component type `{other}`"))),
                }
            }
        }
    };
}

components! {
    inline {
        /// Heading text.
        TextHeading,
        /// Subheading text.
        TextSubheading,
        /// Body text.
        TextBody,
        /// Caption text.
        TextCaption,
        /// Markdown text (5.1+).
        RichText,
        /// Single-line input.
        TextInput,
        /// Multi-line input.
        TextArea,
        /// A link.
        EmbeddedLink,
        /// The bottom button.
        Footer,
        /// Conditional branch (4.0+).
        If,
        /// Case selection (4.0+).
        Switch,
        /// A form.
        Form,
    }
    // Large, less frequent components are boxed so a `Vec<Component>` stays compact.
    boxed {
        /// Several options.
        CheckboxGroup,
        /// One option.
        RadioButtonsGroup,
        /// One option from a list.
        Dropdown,
        /// Several options as chips (6.3+).
        ChipsSelector,
        /// A date.
        DatePicker,
        /// A date or range on a calendar (6.1+).
        CalendarPicker,
        /// A consent checkbox.
        OptIn,
        /// An image.
        Image,
        /// Swipeable images (7.1+).
        ImageCarousel,
        /// Photo upload (4.0+).
        PhotoPicker,
        /// Document upload (4.0+).
        DocumentPicker,
        /// A list of tappable items (6.2+).
        NavigationList,
    }
}

/// Adds the `"type": "<name>"` constant to a component struct's schema.
fn with_type_tag(schema: &mut schemars::Schema, name: &str) {
    let object = schema.ensure_object();
    if let Some(Value::Object(properties)) = object.get_mut("properties") {
        properties.shift_insert(0, "type".to_owned(), serde_json::json!({ "const": name }));
    }
    if let Some(Value::Array(required)) = object.get_mut("required") {
        required.insert(0, Value::from("type"));
    } else {
        object.insert("required".to_owned(), serde_json::json!(["type"]));
    }
}

impl Component {
    /// The `name` of an input, form or list, if the component has one.
    pub fn name(&self) -> Option<&str> {
        match self {
            Self::TextInput(c) => Some(&c.name),
            Self::TextArea(c) => Some(&c.name),
            Self::CheckboxGroup(c) => Some(&c.name),
            Self::RadioButtonsGroup(c) => Some(&c.name),
            Self::Dropdown(c) => Some(&c.name),
            Self::ChipsSelector(c) => Some(&c.name),
            Self::DatePicker(c) => Some(&c.name),
            Self::CalendarPicker(c) => Some(&c.name),
            Self::OptIn(c) => Some(&c.name),
            Self::PhotoPicker(c) => Some(&c.name),
            Self::DocumentPicker(c) => Some(&c.name),
            Self::NavigationList(c) => Some(&c.name),
            Self::Form(c) => Some(&c.name),
            _ => None,
        }
    }

    /// Moves `init-value` / `error-message` of inputs (through If/Switch branches) into the given
    /// form maps, keyed by input name.
    pub(crate) fn hoist_into_form(
        &mut self,
        mut init: Option<&mut Map<String, Value>>,
        mut errors: Option<&mut Map<String, Value>>,
    ) {
        macro_rules! hoist {
            ($c:expr) => {{
                if let Some(init) = init.as_deref_mut() {
                    if let Some(value) = $c.init_value.take() {
                        match serde_json::to_value(&value) {
                            Ok(json) => {
                                init.insert($c.name.clone(), json);
                            }
                            Err(_) => $c.init_value = Some(value),
                        }
                    }
                }
                if let Some(errors) = errors.as_deref_mut() {
                    if let Some(value) = $c.error_message.take() {
                        match serde_json::to_value(&value) {
                            Ok(json) => {
                                errors.insert($c.name.clone(), json);
                            }
                            Err(_) => $c.error_message = Some(value),
                        }
                    }
                }
            }};
        }
        match self {
            Self::TextInput(c) => hoist!(c),
            Self::TextArea(c) => hoist!(c),
            Self::CheckboxGroup(c) => hoist!(c),
            Self::RadioButtonsGroup(c) => hoist!(c),
            Self::Dropdown(c) => hoist!(c),
            Self::ChipsSelector(c) => hoist!(c),
            Self::DatePicker(c) => hoist!(c),
            Self::CalendarPicker(c) => hoist!(c),
            Self::OptIn(c) => {
                if let Some(init) = init.as_deref_mut()
                    && let Some(value) = c.init_value.take()
                {
                    match serde_json::to_value(&value) {
                        Ok(json) => {
                            init.insert(c.name.clone(), json);
                        }
                        Err(_) => c.init_value = Some(value),
                    }
                }
            }
            Self::If(c) => {
                for child in c.then.iter_mut().chain(c.otherwise.iter_mut().flatten()) {
                    child.hoist_into_form(init.as_deref_mut(), errors.as_deref_mut());
                }
            }
            Self::Switch(c) => {
                for child in c.cases.values_mut().flatten() {
                    child.hoist_into_form(init.as_deref_mut(), errors.as_deref_mut());
                }
            }
            _ => {}
        }
    }
}
