//! Per-component rules: known and version-gated components and properties, required properties,
//! property types and enumerations, blank strings, min/max pairs, Footer captions, data-source items.

use serde_json::{Map, Value};

use super::{
    context::get,
    context::{Doc, Node},
    pointer,
    report::Report,
    rule::Rule,
    spec::{self, ComponentSpec},
    value_type,
    versions::Version,
};

/// Properties whose static value has a fixed JSON type.
const TYPES: &[(&str, &str)] = &[
    ("visible", "boolean"),
    ("required", "boolean"),
    ("enabled", "boolean"),
    ("strikethrough", "boolean"),
    ("markdown", "boolean"),
    ("min-chars", "integer"),
    ("max-chars", "integer"),
    ("max-length", "integer"),
    ("min-selected-items", "integer"),
    ("max-selected-items", "integer"),
    ("max-file-size-kb", "integer"),
    ("min-uploaded-photos", "integer"),
    ("max-uploaded-photos", "integer"),
    ("min-uploaded-documents", "integer"),
    ("max-uploaded-documents", "integer"),
    ("min-days", "integer"),
    ("max-days", "integer"),
    ("width", "integer"),
    ("height", "integer"),
    ("name", "string"),
    ("label", "string"),
    ("helper-text", "string"),
    ("description", "string"),
    ("left-caption", "string"),
    ("center-caption", "string"),
    ("right-caption", "string"),
    ("src", "string"),
    ("alt-text", "string"),
    ("data-source", "array"),
    ("list-items", "array"),
    ("images", "array"),
    ("then", "array"),
    ("else", "array"),
    ("children", "array"),
    ("cases", "object"),
];

/// `min-*`/`max-*` pairs Meta checks (`MIN_VALUE_GREATER_THAN_MAX`).
const MIN_MAX: &[(&str, &str)] = &[
    ("min-chars", "max-chars"),
    ("min-selected-items", "max-selected-items"),
    ("min-uploaded-photos", "max-uploaded-photos"),
    ("min-uploaded-documents", "max-uploaded-documents"),
];

/// Whether a string is a dynamic value (`${…}` reference or a backtick expression).
pub(super) fn is_dynamic(text: &str) -> bool {
    text.contains("${") || text.starts_with('`')
}

/// Whether a string is blank (empty or only white space).
pub(super) fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// Runs the per-component rules on every component of every screen.
pub(super) fn check(doc: &Doc<'_>, report: &mut Report) {
    for screen in &doc.screens {
        for node in &screen.nodes {
            let Some(spec) = spec::component(node.kind) else {
                let known: Vec<&str> = spec::COMPONENTS.iter().map(|spec| spec.kind).collect();
                report.error(
                    Rule::InvalidPropertyValue,
                    pointer::join(&node.pointer, "type"),
                    format!(
                        "Invalid value found for property 'type': unknown component '{}'. \
                         Expected one of: [{}].",
                        node.kind,
                        known.join(", ")
                    ),
                );
                continue;
            };
            if doc.version < spec.since {
                report.error(
                    Rule::InvalidPropertyValue,
                    pointer::join(&node.pointer, "type"),
                    format!(
                        "Component '{}' is available from Flow JSON version {}; this flow uses {}.",
                        node.kind, spec.since, doc.version
                    ),
                );
            }
            check_properties(doc.version, node, spec, report);
            check_values(doc.version, node, report);
            if node.in_branch {
                check_branch_placement(doc.version, node, report);
            }
            if node.kind == "Footer" {
                check_captions(node, report);
            }
            if let Some(Value::Array(items)) = get(node.value, "data-source") {
                check_data_source(doc.version, node, items, report);
            }
        }
    }
}

fn check_properties(version: Version, node: &Node<'_>, spec: &ComponentSpec, report: &mut Report) {
    for key in node.value.keys() {
        if key == "type" {
            continue;
        }
        match spec.property_since(key) {
            None => report.error(
                Rule::InvalidPropertyKey,
                pointer::join(&node.pointer, key),
                format!(
                    "Property '{key}' is not allowed in '{}' component.",
                    node.kind
                ),
            ),
            Some(since) if version < since => report.error(
                Rule::InvalidPropertyKey,
                pointer::join(&node.pointer, key),
                format!(
                    "Property '{key}' is not allowed in '{}' component before Flow JSON version \
                     {since}; this flow uses {version}.",
                    node.kind
                ),
            ),
            Some(_) => {}
        }
    }
    let label_required =
        matches!(node.kind, "CheckboxGroup" | "RadioButtonsGroup") && version >= Version::new(4, 0);
    let required = spec
        .required
        .iter()
        .copied()
        .chain(label_required.then_some("label"));
    for key in required {
        if get(node.value, key).is_none() {
            report.error(
                Rule::MissingRequiredProperty,
                &node.pointer,
                format!("Required property '{key}' is missing."),
            );
        }
    }
}

fn check_values(version: Version, node: &Node<'_>, report: &mut Report) {
    let no_blank = version >= Version::new(6, 0);
    for (key, value) in node.value {
        if let Some((_, expected)) = TYPES.iter().find(|(name, _)| *name == key) {
            let found = value_type::name(value);
            let dynamic = value.as_str().is_some_and(is_dynamic);
            // CalendarPicker in range mode takes `{"start-date": …, "end-date": …}` objects.
            let range_object = node.kind == "CalendarPicker" && value.is_object();
            if !dynamic && !range_object && !value_type::agrees(expected, found) {
                report.error(
                    Rule::InvalidPropertyType,
                    pointer::join(&node.pointer, key),
                    format!(
                        "Expected property '{key}' to be of type '{expected}' but found '{found}'."
                    ),
                );
            }
        }
        if let Some((_, allowed)) = spec::ENUMS.iter().find(|(name, _)| *name == key)
            && let Some(text) = value.as_str()
            && !is_dynamic(text)
            && !allowed.contains(&text)
        {
            report.error(
                Rule::InvalidEnumValue,
                pointer::join(&node.pointer, key),
                format!("Value should be one of: [{}].", allowed.join(", ")),
            );
        }
        if node.kind == "Image" && key == "src" {
            image_src(value, &pointer::join(&node.pointer, key), report);
            continue;
        }
        if no_blank && value.as_str().is_some_and(is_blank) {
            report.error(
                Rule::PatternMismatch,
                pointer::join(&node.pointer, key),
                format!("Property '{key}' should not be blank or an empty string."),
            );
        }
    }
    for (min_key, max_key) in MIN_MAX {
        let min = get(node.value, min_key).and_then(Value::as_f64);
        let max = get(node.value, max_key).and_then(Value::as_f64);
        if let (Some(min), Some(max)) = (min, max)
            && min > max
        {
            let name = node.str("name").unwrap_or("");
            report.error(
                Rule::MinValueGreaterThanMax,
                pointer::join(&node.pointer, min_key),
                format!(
                    "'{min_key}' cannot be greater than '{max_key}' for {} '{name}'.",
                    node.kind
                ),
            );
        }
    }
}

fn check_branch_placement(version: Version, node: &Node<'_>, report: &mut Report) {
    if node.container == super::context::Container::Form {
        return;
    }
    match spec::BRANCH_COMPONENTS
        .iter()
        .find(|(kind, _)| *kind == node.kind)
    {
        Some((_, since)) if version >= *since => {}
        _ => report.error(
            Rule::InvalidComponentPlacement,
            &node.pointer,
            format!(
                "Component '{}' is not allowed inside If or Switch in Flow JSON version {version}.",
                node.kind
            ),
        ),
    }
}

fn check_captions(node: &Node<'_>, report: &mut Report) {
    let has = |key| get(node.value, key).is_some();
    let center = has("center-caption");
    let left = has("left-caption");
    let right = has("right-caption");
    if center && (left || right) {
        report.error(
            Rule::InvalidDependencies,
            &node.pointer,
            "Footer may have 'center-caption' or 'left-caption' and 'right-caption', not both.",
        );
    } else if left != right {
        report.error(
            Rule::InvalidDependencies,
            &node.pointer,
            "Footer 'left-caption' and 'right-caption' must be set together.",
        );
    }
}

/// Properties of a data-source item, with the version that introduced each.
const ITEM_PROPERTIES: &[(&str, Version)] = &[
    ("id", Version::new(2, 1)),
    ("title", Version::new(2, 1)),
    ("description", Version::new(2, 1)),
    ("metadata", Version::new(2, 1)),
    ("enabled", Version::new(2, 1)),
    ("image", Version::new(5, 0)),
    ("alt-text", Version::new(5, 0)),
    ("color", Version::new(5, 0)),
    ("on-select-action", Version::new(6, 0)),
    ("on-unselect-action", Version::new(6, 0)),
];

fn check_data_source(version: Version, node: &Node<'_>, items: &[Value], report: &mut Report) {
    let base = pointer::join(&node.pointer, "data-source");
    let mut with_image = false;
    let mut with_color = false;
    for (index, item) in items.iter().enumerate() {
        let item_pointer = pointer::index(&base, index);
        let Some(item) = item.as_object() else {
            report.error(
                Rule::InvalidPropertyType,
                item_pointer,
                format!(
                    "Expected a data-source item to be of type 'object' but found '{}'.",
                    value_type::name(item)
                ),
            );
            continue;
        };
        check_item(version, item, &item_pointer, report);
        with_image |= item.contains_key("image");
        with_color |= item.contains_key("color");
    }
    if with_image && with_color {
        report.error(
            Rule::DataSourceItemsHaveBothImageAndColor,
            base,
            "Data-source items must all use 'image' or all use 'color', not both.",
        );
    }
}

fn check_item(version: Version, item: &Map<String, Value>, at: &str, report: &mut Report) {
    for key in item.keys() {
        match ITEM_PROPERTIES.iter().find(|(name, _)| name == key) {
            None => report.error(
                Rule::InvalidPropertyKey,
                pointer::join(at, key),
                format!("Property '{key}' is not allowed in a data-source item."),
            ),
            Some((_, since)) if version < *since => report.error(
                Rule::InvalidPropertyKey,
                pointer::join(at, key),
                format!(
                    "Property '{key}' is not allowed in a data-source item before Flow JSON \
                     version {since}; this flow uses {version}."
                ),
            ),
            Some(_) => {}
        }
    }
    for key in ["id", "title"] {
        if !item.contains_key(key) {
            report.error(
                Rule::MissingRequiredProperty,
                at,
                format!("Required property '{key}' is missing."),
            );
        }
    }
    if let Some(color) = item.get("color").and_then(Value::as_str)
        && !is_dynamic(color)
        && !is_hex_color(color)
    {
        report.error(
            Rule::PatternMismatch,
            pointer::join(at, "color"),
            format!("Property 'color' should be a colour like '#1A2B3C', found '{color}'."),
        );
    }
}

fn is_hex_color(text: &str) -> bool {
    text.len() == 7 && text.starts_with('#') && text[1..].chars().all(|c| c.is_ascii_hexdigit())
}

/// `Image.src`: Meta's docs want base64 and (from 6.0) no blank strings, but the Builder's schema
/// neither enforces base64 nor forbids a blank `src`; until the live API settles it, a warning.
fn image_src(value: &Value, at: &str, report: &mut Report) {
    let Some(text) = value.as_str().filter(|text| !is_dynamic(text)) else {
        return;
    };
    let base64 =
        |c: char| c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '=') || c.is_whitespace();
    let problem = if is_blank(text) {
        "is blank"
    } else if !text.chars().all(base64) {
        "is not base64 (a URL or data URI?)"
    } else {
        return;
    };
    report.warning(
        Rule::UncertainMetaVerdict,
        at,
        format!(
            "Image 'src' {problem}. Meta's docs require a non-blank base64 image, but Meta's \
             Builder accepts this: Meta's verdict is uncertain, and the client may show no image."
        ),
    );
}
