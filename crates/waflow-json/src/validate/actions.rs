//! Actions: which action each component allows (and since which version), `complete` only on terminal
//! screens, `data_exchange` only with a Data API version, `navigate` targets and payloads that agree
//! with the next screen's data model, `update_data` keys, media pickers in payloads.

use serde_json::{Map, Value};

use super::{
    context::get,
    context::{Doc, Node, PICKERS, Screen},
    pointer,
    refs::{self, Ref},
    report::Report,
    rule::Rule,
    value_type,
    versions::Version,
};

const V6_0: Version = Version::new(6, 0);
const V7_1: Version = Version::new(7, 1);
const ANY: Version = Version::new(2, 1);

/// Action names Meta defines.
const NAMES: [&str; 5] = [
    "navigate",
    "data_exchange",
    "complete",
    "update_data",
    "open_url",
];

/// The actions allowed under `key` of component `kind` (data-source items as `"data-source"`,
/// NavigationList items as `"list-items"`), each with the version that allowed it.
fn allowed(kind: &str, key: &str) -> &'static [(&'static str, Version)] {
    match (kind, key) {
        ("Footer", "on-click-action") => {
            &[("complete", ANY), ("data_exchange", ANY), ("navigate", ANY)]
        }
        ("EmbeddedLink" | "OptIn", "on-click-action") => &[
            ("data_exchange", ANY),
            ("navigate", ANY),
            ("open_url", V6_0),
        ],
        ("NavigationList" | "list-items", "on-click-action") => {
            &[("data_exchange", ANY), ("navigate", ANY)]
        }
        ("CheckboxGroup" | "RadioButtonsGroup" | "Dropdown", "on-select-action") => {
            &[("data_exchange", ANY), ("update_data", V6_0)]
        }
        ("ChipsSelector", "on-select-action") => &[("data_exchange", ANY), ("update_data", V7_1)],
        ("DatePicker" | "CalendarPicker", "on-select-action") => &[("data_exchange", ANY)],
        ("OptIn" | "data-source", "on-select-action") => &[("update_data", V6_0)],
        (_, "on-unselect-action") => &[("update_data", V6_0)],
        _ => &[],
    }
}

/// One action found in the document.
#[derive(Debug)]
pub(super) struct Action<'a> {
    /// Index of the screen it is on.
    pub(super) screen: usize,
    /// JSON Pointer of the action object.
    pub(super) pointer: String,
    /// The action object.
    pub(super) value: &'a Map<String, Value>,
    /// The component type (`data-source`/`list-items` for items) and the key holding it.
    kind: &'a str,
    key: &'static str,
}

impl<'a> Action<'a> {
    /// The action's `name`.
    pub(super) fn name(&self) -> Option<&'a str> {
        get(self.value, "name").and_then(Value::as_str)
    }

    /// The target of a `navigate` action.
    pub(super) fn next(&self) -> Option<&'a str> {
        self.value
            .get("next")
            .and_then(|next| next.get("name"))
            .and_then(Value::as_str)
    }
}

const KEYS: [&str; 3] = ["on-click-action", "on-select-action", "on-unselect-action"];

/// Every action object of the document, component-level and item-level.
pub(super) fn collect<'a>(doc: &Doc<'a>) -> Vec<Action<'a>> {
    let mut actions = Vec::new();
    for (screen_index, screen) in doc.screens.iter().enumerate() {
        for node in &screen.nodes {
            push_actions(
                screen_index,
                node.kind,
                node.value,
                &node.pointer,
                &mut actions,
            );
            for items_key in ["data-source", "list-items"] {
                let Some(Value::Array(items)) = get(node.value, items_key) else {
                    continue;
                };
                let base = pointer::join(&node.pointer, items_key);
                for (index, item) in items.iter().enumerate() {
                    if let Some(item) = item.as_object() {
                        let at = pointer::index(&base, index);
                        push_actions(screen_index, items_key, item, &at, &mut actions);
                    }
                }
            }
        }
    }
    actions
}

fn push_actions<'a>(
    screen: usize,
    kind: &'a str,
    object: &'a Map<String, Value>,
    at: &str,
    actions: &mut Vec<Action<'a>>,
) {
    for key in KEYS {
        if let Some(Value::Object(value)) = object.get(key) {
            actions.push(Action {
                screen,
                pointer: pointer::join(at, key),
                value,
                kind,
                key,
            });
        }
    }
}

/// Runs the action rules.
pub(super) fn check(doc: &Doc<'_>, actions: &[Action<'_>], report: &mut Report) {
    for action in actions {
        let screen = &doc.screens[action.screen];
        let Some(name) = action.name() else {
            report.error(
                Rule::MissingRequiredProperty,
                &action.pointer,
                "Required property 'name' is missing.",
            );
            continue;
        };
        if !check_allowed(doc.version, action, name, report) {
            continue;
        }
        for key in action.value.keys() {
            if !["name", "next", "payload", "url"].contains(&key.as_str()) {
                report.error(
                    Rule::InvalidPropertyKey,
                    pointer::join(&action.pointer, key),
                    format!("Property '{key}' is not allowed in action '{name}'."),
                );
            }
        }
        match name {
            "complete" => {
                if !screen.terminal {
                    report.error(
                        Rule::InvalidCompleteAction,
                        &action.pointer,
                        "On-click-action 'complete' can only be configured on a terminal screen.",
                    );
                }
                check_picker_payload(screen, action, report);
            }
            "data_exchange" => {
                if !doc.has_data_api {
                    report.error(
                        Rule::MissingRequiredProperty,
                        &action.pointer,
                        "The property 'data_api_version' is required for data_exchange action.",
                    );
                }
                check_picker_payload(screen, action, report);
            }
            "navigate" => check_navigate(doc, screen, action, report),
            "update_data" => check_update_data(screen, action, report),
            "open_url" if !get(action.value, "url").is_some_and(Value::is_string) => {
                report.error(
                    Rule::MissingRequiredProperty,
                    &action.pointer,
                    "Required property 'url' is missing.",
                );
            }
            _ => {}
        }
    }
}

/// Whether `name` is allowed for this action; reports when not.
fn check_allowed(version: Version, action: &Action<'_>, name: &str, report: &mut Report) -> bool {
    let allowed = allowed(action.kind, action.key);
    let at = pointer::join(&action.pointer, "name");
    match allowed.iter().find(|(allowed, _)| *allowed == name) {
        Some((_, since)) if version >= *since => true,
        Some((_, since)) => {
            report.error(
                Rule::InvalidEnumValue,
                at,
                format!(
                    "Action '{name}' in '{}' needs Flow JSON version {since}; this flow uses \
                     {version}.",
                    action.key
                ),
            );
            false
        }
        None => {
            let names: Vec<&str> = allowed.iter().map(|(name, _)| *name).collect();
            let known = NAMES.contains(&name);
            report.error(
                Rule::InvalidEnumValue,
                at,
                if known {
                    format!(
                        "Action '{name}' is not allowed in '{}' of {}. Value should be one of: [{}].",
                        action.key,
                        action.kind,
                        names.join(", ")
                    )
                } else {
                    format!("Value should be one of: [{}].", names.join(", "))
                },
            );
            false
        }
    }
}

fn payload<'a>(action: &Action<'a>) -> Option<&'a Map<String, Value>> {
    get(action.value, "payload").and_then(Value::as_object)
}

/// The media picker a payload value refers to, if any (`${form.x}` or `${screen.S.form.x}`).
fn picker_ref<'a>(doc_screen: &'a Screen<'_>, text: &str) -> Option<&'a Node<'a>> {
    refs::find_all(text).find_map(|(_, reference)| match reference {
        Ref::Form(name) => doc_screen
            .field(name)
            .filter(|node| PICKERS.contains(&node.kind)),
        _ => None,
    })
}

fn check_picker_payload(screen: &Screen<'_>, action: &Action<'_>, report: &mut Report) {
    let Some(payload) = payload(action) else {
        return;
    };
    let base = pointer::join(&action.pointer, "payload");
    for (key, value) in payload {
        if value.is_string() {
            // A top-level whole `${form.picker}` string is the allowed form.
            if let Some(text) = value.as_str()
                && picker_ref(screen, text).is_some()
                && !matches!(Ref::whole(text), Some(Ref::Form(_)))
            {
                report.error(
                    Rule::InvalidOnClickActionPayload,
                    pointer::join(&base, key),
                    "A media picker value must be the whole value of a top-level payload field.",
                );
            }
            continue;
        }
        nested_picker(screen, value, &pointer::join(&base, key), report);
    }
}

fn nested_picker(screen: &Screen<'_>, value: &Value, at: &str, report: &mut Report) {
    match value {
        Value::String(text) if picker_ref(screen, text).is_some() => {
            report.error(
                Rule::InvalidOnClickActionPayload,
                at,
                "A media picker value can only be used as a top-level payload field.",
            );
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                nested_picker(screen, item, &pointer::index(at, index), report);
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                nested_picker(screen, item, &pointer::join(at, key), report);
            }
        }
        _ => {}
    }
}

fn check_navigate(doc: &Doc<'_>, screen: &Screen<'_>, action: &Action<'_>, report: &mut Report) {
    let next_pointer = pointer::join(&action.pointer, "next");
    let Some(next) = get(action.value, "next").and_then(Value::as_object) else {
        report.error(
            Rule::MissingRequiredProperty,
            &action.pointer,
            "Required property 'next' is missing.",
        );
        return;
    };
    if let Some(kind) = next.get("type").and_then(Value::as_str)
        && kind != "screen"
    {
        report.error(
            Rule::InvalidEnumValue,
            pointer::join(&next_pointer, "type"),
            "Value should be one of: [screen].",
        );
    }
    let Some(target_id) = action.next() else {
        report.error(
            Rule::MissingRequiredProperty,
            next_pointer,
            "Required property 'name' is missing.",
        );
        return;
    };
    let name_pointer = pointer::join(&next_pointer, "name");
    if target_id == screen.id {
        report.error(
            Rule::InvalidNavigateActionNextScreenName,
            name_pointer,
            format!("Same screen navigation is not allowed. Loop detected at [{target_id}]."),
        );
        return;
    }
    let Some(target) = doc.screen(target_id) else {
        report.error(
            Rule::InvalidNavigateActionNextScreenName,
            name_pointer,
            format!("Unknown screen ids found: [{target_id}]."),
        );
        return;
    };
    let declared = target.data.filter(|data| !data.is_empty());
    let Some(payload) = payload(action) else {
        if declared.is_some() {
            report.error(
                Rule::MissingNavigationActionPayload,
                &action.pointer,
                format!(
                    "Property 'payload' is required when the next screen's data model is not \
                     empty (screen '{target_id}')."
                ),
            );
        }
        return;
    };
    let payload_pointer = pointer::join(&action.pointer, "payload");
    let Some(declared) = declared else {
        if !payload.is_empty() {
            report.error(
                Rule::InvalidNavigateActionPayload,
                payload_pointer,
                format!("No data model is defined in the next screen '{target_id}'."),
            );
        }
        return;
    };
    let extra: Vec<&str> = payload
        .keys()
        .filter(|key| !declared.contains_key(*key))
        .map(String::as_str)
        .collect();
    if !extra.is_empty() {
        report.error(
            Rule::InvalidNavigateActionPayload,
            &payload_pointer,
            format!(
                "Following fields are missing in the next screen's data model: [{}].",
                extra.join(", ")
            ),
        );
    }
    let missing: Vec<&str> = declared
        .keys()
        .filter(|key| !payload.contains_key(*key))
        .map(String::as_str)
        .collect();
    if !missing.is_empty() {
        report.error(
            Rule::InvalidNavigateActionPayload,
            &payload_pointer,
            format!(
                "Following fields are expected in the next screen's data model but missing in \
                 payload: [{}].",
                missing.join(", ")
            ),
        );
    }
    for (key, value) in payload {
        let Some(expected) = declared
            .get(key)
            .and_then(|schema| schema.get("type"))
            .and_then(Value::as_str)
        else {
            continue;
        };
        let at = pointer::join(&payload_pointer, key);
        if let Some(text) = value.as_str()
            && picker_ref(screen, text).is_some()
        {
            report.error(
                Rule::InvalidOnClickActionPayload,
                at,
                "A media picker value cannot be passed in a navigate payload.",
            );
            continue;
        }
        let found = match value.as_str() {
            Some(text) if text.contains("${") || text.starts_with('`') => match Ref::whole(text) {
                Some(reference) => refs::resolve(doc, screen, reference).ok().flatten(),
                None => None,
            },
            _ => Some(value_type::name(value)),
        };
        if let Some(found) = found
            && found != "unknown"
            && !value_type::agrees(expected, found)
        {
            report.error(
                Rule::InvalidNavigateActionPayload,
                at,
                format!(
                    "Expected payload field '{key}' to be of type '{expected}' (as screen \
                     '{target_id}' declares it) but found '{found}'."
                ),
            );
        }
    }
}

fn check_update_data(screen: &Screen<'_>, action: &Action<'_>, report: &mut Report) {
    let Some(payload) = payload(action) else {
        report.error(
            Rule::MissingRequiredProperty,
            &action.pointer,
            "Required property 'payload' is missing.",
        );
        return;
    };
    let base = pointer::join(&action.pointer, "payload");
    for (key, value) in payload {
        let at = pointer::join(&base, key);
        if !screen.data.is_some_and(|data| data.contains_key(key)) {
            report.error(
                Rule::InvalidUpdateDataActionPayload,
                at,
                format!(
                    "update_data key '{key}' is not declared in the data model of screen '{}'.",
                    screen.id
                ),
            );
        } else if value
            .as_str()
            .and_then(Ref::whole)
            .is_some_and(|reference| reference == Ref::Data(key))
        {
            report.error(
                Rule::InvalidUpdateDataActionPayload,
                at,
                "Attempting to update a key with its own value is redundant and not allowed.",
            );
        } else if let Some(schema) = screen
            .data
            .and_then(|data| data.get(key))
            .and_then(Value::as_object)
        {
            static_value(screen, key, value, schema, &at, report);
        }
    }
}

/// A static `update_data` value has the type the screen's data model declares for its key
/// (Meta: WAFlowJSONUpdateDataActionStaticDataValidatorV600): objects field by field, arrays item
/// by item. Bindings and nested expressions are not static.
fn static_value(
    screen: &Screen<'_>,
    key: &str,
    value: &Value,
    schema: &Map<String, Value>,
    at: &str,
    report: &mut Report,
) {
    if value
        .as_str()
        .is_some_and(|text| text.contains("${") || text.trim_start().starts_with('`'))
    {
        return;
    }
    let Some(expected) = schema.get("type").and_then(Value::as_str) else {
        return;
    };
    let found = value_type::name(value);
    if !value_type::agrees(expected, found) {
        report.error(
            Rule::InvalidUpdateDataActionPayload,
            at,
            format!(
                "Expected update_data field '{key}' to be of type '{expected}' (as screen '{}' \
                 declares it) but found '{found}'.",
                screen.id
            ),
        );
        return;
    }
    match value {
        Value::Object(fields) => {
            let Some(properties) = schema.get("properties").and_then(Value::as_object) else {
                return;
            };
            for (name, field) in fields {
                if let Some(field_schema) = properties.get(name).and_then(Value::as_object) {
                    let path = format!("{key}.{name}");
                    static_value(
                        screen,
                        &path,
                        field,
                        field_schema,
                        &pointer::join(at, name),
                        report,
                    );
                }
            }
        }
        Value::Array(items) => {
            let Some(item_schema) = schema.get("items").and_then(Value::as_object) else {
                return;
            };
            for (index, item) in items.iter().enumerate() {
                let path = format!("{key}[{index}]");
                static_value(
                    screen,
                    &path,
                    item,
                    item_schema,
                    &pointer::index(at, index),
                    report,
                );
            }
        }
        _ => {}
    }
}
