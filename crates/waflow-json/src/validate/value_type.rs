//! JSON types as Flow JSON's data model names them, and agreement between a value and a type.

use serde_json::Value;

/// The data-model type name of a JSON value (`integer` for whole numbers).
pub(super) fn name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Whether a value of data-model type `found` may stand where `expected` is declared.
pub(super) fn agrees(expected: &str, found: &str) -> bool {
    expected == found || (expected == "number" && found == "integer")
}
