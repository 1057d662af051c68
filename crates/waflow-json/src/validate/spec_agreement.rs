//! The component table (`COMPONENTS`) agrees with the model: for every component type, the wire
//! properties and the required ones of its struct (read from the model's JSON Schema) are those of
//! its spec row, and every row has a model type and every model type a row. A failure names the
//! component and the property that differs.
//!
//! "Required" means required in every version: a struct field that is neither an `Option` nor
//! `#[serde(default)]`, a name in the row's `required`. Requirements that start at a version
//! (CheckboxGroup/RadioButtonsGroup `label` from 4.0) are a rule of `components.rs`; the struct
//! keeps such a property optional. The versions in the table have no counterpart in the model and
//! are checked only for order (a property never predates its component).

use std::collections::BTreeSet;

use serde_json::Value;

use super::COMPONENTS;
use crate::model::components::Component;

/// Model types with no spec row, each with the reason. None today: every `Component` variant is
/// a Meta component (the layout, `SingleColumnLayout`, is not a `Component`).
const MODEL_ONLY: &[(&str, &str)] = &[];

/// Spec rows with no model type, each with the reason. None today.
const SPEC_ONLY: &[(&str, &str)] = &[];

/// The `$defs` entry of each component type in the model's JSON Schema.
fn model_schemas() -> serde_json::Map<String, Value> {
    let schema = crate::schema::json_schema();
    let Some(Value::Object(defs)) = schema.get("$defs") else {
        panic!("the model's JSON Schema has no `$defs`");
    };
    Component::TYPES
        .iter()
        .filter_map(|kind| defs.get(*kind).map(|def| ((*kind).to_owned(), def.clone())))
        .collect()
}

/// The names under `key` (`properties` keys, or `required` items) of a struct's schema, less
/// the `type` tag.
fn names(schema: &Value, key: &str) -> BTreeSet<String> {
    let names: Vec<String> = match schema.get(key) {
        Some(Value::Object(map)) => map.keys().cloned().collect(),
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|item| item.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    };
    names.into_iter().filter(|name| name != "type").collect()
}

/// One line per property in `left` but not in `right`.
fn missing(
    kind: &str,
    what: &str,
    left: &BTreeSet<String>,
    right: &BTreeSet<String>,
    side: &str,
) -> Vec<String> {
    left.difference(right)
        .map(|name| format!("{kind}: {what} `{name}` {side}"))
        .collect()
}

#[test]
fn every_model_component_has_a_spec_row_and_back() {
    let model = model_schemas();
    let model_kinds: BTreeSet<&str> = Component::TYPES.iter().copied().collect();
    let spec_kinds: BTreeSet<&str> = COMPONENTS.iter().map(|spec| spec.kind).collect();
    let mut problems = Vec::new();
    for kind in Component::TYPES {
        if !model.contains_key(*kind) {
            problems.push(format!(
                "{kind}: no `$defs` entry in the model's JSON Schema"
            ));
        }
    }
    for kind in model_kinds.difference(&spec_kinds) {
        if !MODEL_ONLY.iter().any(|(name, _)| name == kind) {
            problems.push(format!(
                "{kind}: a model component with no row in `COMPONENTS`"
            ));
        }
    }
    for kind in spec_kinds.difference(&model_kinds) {
        if !SPEC_ONLY.iter().any(|(name, _)| name == kind) {
            problems.push(format!(
                "{kind}: a `COMPONENTS` row with no model component"
            ));
        }
    }
    for (kind, _) in MODEL_ONLY.iter().chain(SPEC_ONLY) {
        if model_kinds.contains(kind) && spec_kinds.contains(kind) {
            problems.push(format!("{kind}: listed as an exception but in both"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn spec_rows_are_well_formed() {
    let mut seen = BTreeSet::new();
    for spec in COMPONENTS {
        assert!(
            seen.insert(spec.kind),
            "{}: two `COMPONENTS` rows",
            spec.kind
        );
        let mut properties = BTreeSet::new();
        for (name, since) in spec.properties {
            assert!(
                properties.insert(*name),
                "{}: property `{name}` listed twice",
                spec.kind
            );
            assert!(
                *since >= spec.since,
                "{}: property `{name}` predates its component",
                spec.kind
            );
        }
        for name in spec.required {
            assert!(
                properties.contains(name),
                "{}: required `{name}` is not among its properties",
                spec.kind
            );
        }
    }
}

#[test]
fn model_properties_equal_spec_properties() {
    let model = model_schemas();
    let mut problems = Vec::new();
    for spec in COMPONENTS {
        let Some(schema) = model.get(spec.kind) else {
            continue;
        };
        let struct_props = names(schema, "properties");
        let spec_props: BTreeSet<String> = spec
            .properties
            .iter()
            .map(|(name, _)| (*name).to_owned())
            .collect();
        problems.extend(missing(
            spec.kind,
            "property",
            &struct_props,
            &spec_props,
            "is in the struct, not in `COMPONENTS`",
        ));
        problems.extend(missing(
            spec.kind,
            "property",
            &spec_props,
            &struct_props,
            "is in `COMPONENTS`, not in the struct",
        ));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn model_required_equal_spec_required() {
    let model = model_schemas();
    let mut problems = Vec::new();
    for spec in COMPONENTS {
        let Some(schema) = model.get(spec.kind) else {
            continue;
        };
        let struct_required = names(schema, "required");
        let spec_required: BTreeSet<String> = spec
            .required
            .iter()
            .map(|name| (*name).to_owned())
            .collect();
        problems.extend(missing(
            spec.kind,
            "required",
            &struct_required,
            &spec_required,
            "is required by the struct, optional in `COMPONENTS`",
        ));
        problems.extend(missing(
            spec.kind,
            "required",
            &spec_required,
            &struct_required,
            "is required in `COMPONENTS`, optional in the struct",
        ));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
