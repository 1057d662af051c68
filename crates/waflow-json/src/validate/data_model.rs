//! The screen data model (`data`): a JSON-Schema subset where every top-level field carries an
//! `__example__` whose type agrees with the declared type.

use serde_json::{Map, Value};

use super::{context::Doc, context::get, pointer, report::Report, rule::Rule, value_type};

/// Types a data-model field may declare.
const TYPES: [&str; 6] = ["string", "number", "integer", "boolean", "object", "array"];

/// Runs the data-model rules on every screen.
pub(super) fn check(doc: &Doc<'_>, report: &mut Report) {
    for screen in &doc.screens {
        let Some(data) = get(screen.value, "data") else {
            continue;
        };
        let base = pointer::join(&screen.pointer, "data");
        let Some(data) = data.as_object() else {
            report.error(
                Rule::InvalidScreenData,
                base,
                format!(
                    "Expected the data model to be of type 'object' but found '{}'.",
                    value_type::name(data)
                ),
            );
            continue;
        };
        for (name, schema) in data {
            let at = pointer::join(&base, name);
            let Some(schema) = schema.as_object() else {
                report.error(
                    Rule::InvalidScreenData,
                    at,
                    format!("The schema of data field '{name}' must be an object."),
                );
                continue;
            };
            check_schema(schema, &at, true, report);
            match schema.get("__example__") {
                None => report.error(
                    Rule::InvalidScreenData,
                    &at,
                    format!("Property '__example__' is mandatory for data field '{name}'."),
                ),
                Some(example) => {
                    check_example(schema, example, &pointer::join(&at, "__example__"), report);
                }
            }
        }
    }
}

fn check_schema(schema: &Map<String, Value>, at: &str, top: bool, report: &mut Report) {
    if !top && schema.contains_key("__example__") {
        report.error(
            Rule::InvalidScreenData,
            pointer::join(at, "__example__"),
            format!(
                "Property '__example__' is allowed only as a top level property of data model. \
                 Invalid entry: '{at}'."
            ),
        );
    }
    let Some(kind) = schema.get("type") else {
        report.error(
            Rule::InvalidScreenData,
            at,
            "Missing the definition of property 'type'.",
        );
        return;
    };
    let kind = kind.as_str().unwrap_or("");
    if !TYPES.contains(&kind) {
        report.error(
            Rule::InvalidScreenData,
            pointer::join(at, "type"),
            format!(
                "Invalid value found for property 'type'. Expected one of: [{}].",
                TYPES.join(", ")
            ),
        );
        return;
    }
    match kind {
        "array" => match schema.get("items") {
            Some(Value::Object(items)) => {
                check_schema(items, &pointer::join(at, "items"), false, report);
            }
            Some(Value::Bool(_)) => {}
            _ => report.error(
                Rule::InvalidScreenData,
                at,
                "Missing the schema for property 'items' in array.",
            ),
        },
        "object" => {
            if let Some(Value::Object(properties)) = schema.get("properties") {
                let base = pointer::join(at, "properties");
                for (name, property) in properties {
                    let property_at = pointer::join(&base, name);
                    match property.as_object() {
                        Some(property) => check_schema(property, &property_at, false, report),
                        None => report.error(
                            Rule::InvalidScreenData,
                            property_at,
                            format!("The schema of property '{name}' must be an object."),
                        ),
                    }
                }
            }
        }
        _ => {}
    }
}

/// Checks that `example` has the type `schema` declares, recursively.
fn check_example(schema: &Map<String, Value>, example: &Value, at: &str, report: &mut Report) {
    let Some(expected) = schema.get("type").and_then(Value::as_str) else {
        return;
    };
    let found = value_type::name(example);
    if !TYPES.contains(&expected) {
        return;
    }
    if !value_type::agrees(expected, found) {
        report.error(
            Rule::InvalidScreenData,
            at,
            format!("Expected '__example__' to be of type '{expected}' but found '{found}'."),
        );
        return;
    }
    match example {
        Value::Array(items) => {
            if let Some(Value::Object(item_schema)) = schema.get("items") {
                for (index, item) in items.iter().enumerate() {
                    check_example(item_schema, item, &pointer::index(at, index), report);
                }
            }
        }
        Value::Object(fields) => {
            if let Some(Value::Object(properties)) = schema.get("properties") {
                for (name, value) in fields {
                    if let Some(Value::Object(property)) = properties.get(name) {
                        check_example(property, value, &pointer::join(at, name), report);
                    }
                }
            }
        }
        _ => {}
    }
}
