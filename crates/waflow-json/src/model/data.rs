//! A screen's data model (`data`): JSON-schema-like field types, each top-level field with an
//! `__example__`.
//!
//! ```
//! use waflow_json::prelude::*;
//!
//! let name = ScreenData::new("first_name", "John");
//! assert_eq!(name.r().to_string(), "${data.first_name}");
//! assert_eq!(
//!     serde_json::to_value(name.schema()).unwrap(),
//!     serde_json::json!({"type": "string", "__example__": "John"})
//! );
//! ```

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::refs::Ref;
use crate::wire_enum::wire_enum;

wire_enum! {
    /// The `type` of a data-model field.
    DataType {
        /// `string`
        String = "string",
        /// `number`
        Number = "number",
        /// `integer`
        Integer = "integer",
        /// `boolean`
        Boolean = "boolean",
        /// `object` (with `properties`)
        Object = "object",
        /// `array` (with `items`)
        Array = "array",
    }
}

/// The schema of one data-model field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataSchema {
    /// The field's type.
    #[serde(rename = "type")]
    pub kind: DataType,
    /// Item schema of an array (an object, or `true`/`false`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Items>,
    /// Properties of an object.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub properties: Option<IndexMap<String, Self>>,
    /// Optional description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Example value; required on top-level fields, forbidden below.
    #[serde(
        rename = "__example__",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub example: Option<Value>,
}

/// `items` of an array schema.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(untagged)]
pub enum Items {
    /// A schema for every item.
    Schema(Box<DataSchema>),
    /// `true` (anything) or `false` (nothing).
    Bool(bool),
}

impl DataSchema {
    /// Infers a schema from an example value, as pywa does: strings, booleans, numbers, objects by
    /// their properties, arrays by their first item. `null` is typed as `string`.
    pub fn infer(example: &Value) -> Self {
        let (kind, items, properties) = match example {
            Value::String(_) | Value::Null => (DataType::String, None, None),
            Value::Bool(_) => (DataType::Boolean, None, None),
            Value::Number(_) => (DataType::Number, None, None),
            Value::Object(map) => (
                DataType::Object,
                None,
                Some(
                    map.iter()
                        .map(|(k, v)| (k.clone(), Self::infer(v)))
                        .collect(),
                ),
            ),
            Value::Array(items) => (
                DataType::Array,
                Some(match items.first() {
                    Some(first) => Items::Schema(Box::new(Self::infer(first))),
                    None => Items::Schema(Box::new(Self::of(DataType::String))),
                }),
                None,
            ),
        };
        Self {
            kind,
            items,
            properties,
            description: None,
            example: None,
        }
    }

    /// A bare schema of one type.
    pub fn of(kind: DataType) -> Self {
        Self {
            kind,
            items: None,
            properties: None,
            description: None,
            example: None,
        }
    }
}

/// One top-level field of a screen's data model: key, schema and example. `.r()` gives its
/// `${data.key}` reference.
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub struct ScreenData {
    key: String,
    schema: DataSchema,
}

impl ScreenData {
    /// A field whose type is inferred from `example` (which also becomes `__example__`).
    pub fn new(key: impl Into<String>, example: impl Into<Value>) -> Self {
        let example = example.into();
        let mut schema = DataSchema::infer(&example);
        schema.example = Some(example);
        Self {
            key: key.into(),
            schema,
        }
    }

    /// A field with an explicit schema.
    pub fn with_schema(key: impl Into<String>, schema: DataSchema) -> Self {
        Self {
            key: key.into(),
            schema,
        }
    }

    /// Sets the description.
    pub fn description(mut self, text: impl Into<String>) -> Self {
        self.schema.description = Some(text.into());
        self
    }

    /// The key.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The schema, with its example.
    pub fn schema(&self) -> &DataSchema {
        &self.schema
    }

    /// `${data.key}`.
    pub fn r(&self) -> Ref {
        Ref::data(self.key.clone())
    }

    /// Alias of [`Self::r`].
    pub fn reference(&self) -> Ref {
        self.r()
    }

    /// Splits into key and schema.
    pub fn into_parts(self) -> (String, DataSchema) {
        (self.key, self.schema)
    }
}
