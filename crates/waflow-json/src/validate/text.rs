//! Text and item rules of Meta's 5.1/6.0 validators: text-array items are static (never a
//! binding), a RichText `text` string does not interpolate, ChipsSelector items take only their
//! own five properties, and an item's `on-select-action`/`on-unselect-action` excludes the
//! component's own.

use serde_json::Value;

use super::{
    context::{Doc, get},
    pointer,
    refs::{Reading, reading},
    report::Report,
    rule::Rule,
    versions::Version,
};

/// The properties of a ChipsSelector `data-source` item (Meta's chips item schema is closed).
const CHIPS_ITEM_KEYS: [&str; 5] = [
    "id",
    "title",
    "enabled",
    "on-select-action",
    "on-unselect-action",
];

/// Runs the text and item rules.
pub(super) fn check(doc: &Doc<'_>, report: &mut Report) {
    for screen in &doc.screens {
        for node in &screen.nodes {
            match (node.kind, get(node.value, "text")) {
                ("RichText" | "TextBody" | "TextCaption", Some(Value::Array(items))) => {
                    let at = pointer::join(&node.pointer, "text");
                    for (index, item) in items.iter().enumerate() {
                        if let Some(text) = item.as_str()
                            && matches!(reading(text), Reading::Binding(_))
                        {
                            report.error(
                                Rule::InvalidTextDynamicData,
                                pointer::index(&at, index),
                                format!(
                                    "The items of a '{}' text array are static text; '{text}' \
                                     cannot be a binding. Bind the whole 'text' instead.",
                                    node.kind
                                ),
                            );
                        }
                    }
                }
                ("RichText", Some(Value::String(text)))
                    if doc.version >= Version::new(6, 0)
                        && text.contains("${")
                        && reading(text) == Reading::Literal =>
                {
                    report.error(
                        Rule::UnsupportedRichTextStringInterpolation,
                        pointer::join(&node.pointer, "text"),
                        "A RichText 'text' string cannot interpolate '${…}' inside other text; \
                         bind the whole value ('${data.x}') and build the text on the server.",
                    );
                }
                _ => {}
            }
            exclusive_item_actions(node, report);
            if node.kind == "ChipsSelector"
                && let Some(Value::Array(items)) = get(node.value, "data-source")
            {
                let at = pointer::join(&node.pointer, "data-source");
                for (index, item) in items.iter().enumerate() {
                    let Some(item) = item.as_object() else {
                        continue;
                    };
                    for key in item
                        .keys()
                        .filter(|key| !CHIPS_ITEM_KEYS.contains(&key.as_str()))
                    {
                        report.error(
                            Rule::InvalidPropertyKey,
                            pointer::join(&pointer::index(&at, index), key),
                            format!(
                                "Property '{key}' is not allowed in a ChipsSelector item; its \
                                 items take only {}.",
                                CHIPS_ITEM_KEYS.join(", ")
                            ),
                        );
                    }
                }
            }
        }
    }
}

/// An item-level `on-select-action`/`on-unselect-action` where the component has its own
/// (Meta: WAFlowJSONOnSelectActionExclusiveValidatorV600, code INVALID_UPDATE_DATA_ACTION_PAYLOAD).
fn exclusive_item_actions(node: &super::context::Node<'_>, report: &mut Report) {
    let Some(Value::Array(items)) = get(node.value, "data-source") else {
        return;
    };
    let at = pointer::join(&node.pointer, "data-source");
    for key in ["on-select-action", "on-unselect-action"] {
        if get(node.value, key).is_none() {
            continue;
        }
        for (index, item) in items.iter().enumerate() {
            if item.get(key).is_some() {
                report.error(
                    Rule::InvalidUpdateDataActionPayload,
                    pointer::join(&pointer::index(&at, index), key),
                    format!(
                        "'{key}' is set on the {} itself, so its items cannot have one too.",
                        node.kind
                    ),
                );
            }
        }
    }
}
