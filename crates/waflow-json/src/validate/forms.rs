//! Forms: inputs inside the Form (before 4.0) or not outside it (from 4.0), unique component
//! names, `init-values`/`error-messages` naming fields of the form, no per-component
//! `init-value`/`error-message` inside a Form, no media picker initialised.

use std::collections::HashMap;

use serde_json::Value;

use super::{
    context::get,
    context::{Doc, INPUTS, PICKERS, Screen},
    pointer,
    report::Report,
    rule::Rule,
    value_type,
    versions::Version,
};

/// Runs the Form rules.
pub(super) fn check(doc: &Doc<'_>, report: &mut Report) {
    for screen in &doc.screens {
        check_placement(doc.version, screen, report);
        check_names(screen, report);
        for (index, node) in screen.nodes.iter().enumerate() {
            if node.kind == "Form" {
                for key in ["init-values", "error-messages"] {
                    if let Some(Value::Object(values)) = get(node.value, key) {
                        check_form_values(doc.version, screen, index, key, values, report);
                    }
                }
            } else if node.form.is_some() && doc.version >= Version::new(4, 0) {
                for key in ["init-value", "error-message"] {
                    if get(node.value, key).is_some() {
                        report.error(
                            Rule::InvalidPropertyKey,
                            pointer::join(&node.pointer, key),
                            format!(
                                "Property '{key}' is not allowed in '{}' component inside a Form; \
                                 use the Form's '{key}s' instead.",
                                node.kind
                            ),
                        );
                    }
                }
            }
        }
    }
}

fn check_placement(version: Version, screen: &Screen<'_>, report: &mut Report) {
    let has_form = screen.nodes.iter().any(|node| node.kind == "Form");
    for node in &screen.nodes {
        if !INPUTS.contains(&node.kind) || node.form.is_some() {
            continue;
        }
        if version < Version::new(4, 0) {
            report.error(
                Rule::KeywordOneOf,
                &node.pointer,
                format!(
                    "Property '{}' must be defined inside parent property 'Form'.",
                    node.kind
                ),
            );
        } else if has_form && matches!(node.kind, "CalendarPicker" | "ChipsSelector") {
            // Meta's check (WAFlowJSONOptionalFormValidatorV500) covers nine kinds, not these two.
            report.warning(
                Rule::InputOutsideForm,
                &node.pointer,
                format!(
                    "Component '{}' sits outside the screen's Form. Meta's Builder accepts this (its \
                     COMPONENTS_OUTSIDE_FORM check leaves {} out), but whether Meta's server does \
                     is uncertain; moving it into the Form is safe.",
                    node.kind, node.kind
                ),
            );
        } else if has_form {
            report.error(
                Rule::ComponentsOutsideForm,
                &node.pointer,
                format!(
                    "Component '{}' is not allowed outside Form when Form component is present.",
                    node.kind
                ),
            );
        }
    }
}

fn check_names(screen: &Screen<'_>, report: &mut Report) {
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for node in &screen.nodes {
        if !INPUTS.contains(&node.kind) && node.kind != "NavigationList" {
            continue;
        }
        let Some(name) = node.str("name") else {
            continue;
        };
        if let Some(first) = seen.insert(name, &node.pointer) {
            report.error(
                Rule::DuplicateFormComponentNames,
                pointer::join(&node.pointer, "name"),
                format!(
                    "Component name '{name}' is already used on screen '{}' at {first}.",
                    screen.id
                ),
            );
        }
    }
}

fn check_form_values(
    version: Version,
    screen: &Screen<'_>,
    form: usize,
    key: &str,
    values: &serde_json::Map<String, Value>,
    report: &mut Report,
) {
    let base = pointer::join(&screen.nodes[form].pointer, key);
    for (name, value) in values {
        let at = pointer::join(&base, name);
        let field = screen
            .nodes
            .iter()
            .find(|node| node.form == Some(form) && node.str("name") == Some(name));
        let Some(field) = field.filter(|node| INPUTS.contains(&node.kind)) else {
            report.error(
                Rule::InvalidPropertyValue,
                at,
                format!("'{key}' names '{name}', which is no input component of this Form."),
            );
            continue;
        };
        if key == "init-values" && PICKERS.contains(&field.kind) {
            report.error(
                Rule::NativeComponentInFormInitValues,
                at,
                format!(
                    "{} '{name}' cannot be initialised through 'init-values'.",
                    field.kind
                ),
            );
            continue;
        }
        let dynamic = value.as_str().is_some_and(super::components::is_dynamic);
        if key == "init-values" && version >= Version::new(7, 0) && !dynamic {
            let expected = init_value_type(field);
            let found = value_type::name(value);
            if !value_type::agrees(expected, found) {
                report.error(
                    Rule::InvalidPropertyType,
                    at,
                    format!(
                        "Expected the init value of '{name}' to be of type '{expected}' but found \
                         '{found}'."
                    ),
                );
            }
        }
    }
}

/// The type Meta expects of a Form `init-values` entry (7.0+): a field's value type, except that a
/// `number` or `passcode` TextInput takes a number (7.0 changelog: "only accept numeric
/// init-values").
fn init_value_type(field: &super::context::Node<'_>) -> &'static str {
    if field.kind == "TextInput" && matches!(field.str("input-type"), Some("number" | "passcode")) {
        "number"
    } else {
        Screen::field_type(field)
    }
}
