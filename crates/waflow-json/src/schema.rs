//! JSON Schema (draft 2020-12) of a Flow JSON document, generated from the model types, for
//! editor autocompletion (`waflow schema`).
//!
//! ```
//! let schema = waflow_json::json_schema();
//! assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
//! assert!(schema["$defs"].get("TextInput").is_some());
//! ```

use schemars::generate::SchemaSettings;
use serde_json::Value;

use crate::model::flow::FlowJson;

/// The JSON Schema of [`FlowJson`] as a JSON value.
pub fn json_schema() -> Value {
    let generator = SchemaSettings::draft2020_12().into_generator();
    let schema = generator.into_root_schema_for::<FlowJson>();
    schema.to_value()
}
