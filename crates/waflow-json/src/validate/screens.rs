//! Screen-level rules: ids, screen keys, terminal screens and their Footer, `success`,
//! `refresh_on_back`, `sensitive`, the number of screens.

use std::collections::HashSet;

use serde_json::Value;

use super::{context::Doc, context::get, pointer, report::Report, rule::Rule, versions::Version};

/// The most screens a flow may have.
const MAX_SCREENS: usize = 100;

/// Keys a screen may have, with the version that introduced each.
const SCREEN_KEYS: &[(&str, Version)] = &[
    ("id", Version::new(2, 1)),
    ("layout", Version::new(2, 1)),
    ("title", Version::new(2, 1)),
    ("terminal", Version::new(2, 1)),
    ("success", Version::new(2, 1)),
    ("refresh_on_back", Version::new(2, 1)),
    ("data", Version::new(2, 1)),
    ("sensitive", Version::new(5, 1)),
];

/// Runs the screen-level rules.
pub(super) fn check(doc: &Doc<'_>, report: &mut Report) {
    if doc.screens.len() > MAX_SCREENS {
        report.error(
            Rule::MaxScreensNumber,
            "/screens",
            format!(
                "Maximum number of screens allowed per Flow is {MAX_SCREENS} but found {}.",
                doc.screens.len()
            ),
        );
    }
    let mut seen = HashSet::new();
    let mut any_terminal = false;
    let mut any_success = false;
    for screen in &doc.screens {
        check_keys(doc.version, screen.value, &screen.pointer, report);
        check_id(doc.version, screen, &mut seen, report);
        let success = get(screen.value, "success");
        if screen.terminal {
            any_terminal = true;
            any_success |= success.and_then(Value::as_bool) != Some(false);
            if !screen.nodes.iter().any(|node| node.kind == "Footer") {
                report.error(
                    Rule::MissingFooterOnTerminalScreen,
                    &screen.pointer,
                    format!(
                        "Terminal screen '{}' must have a Footer component.",
                        screen.id
                    ),
                );
            }
        } else if success.is_some() {
            report.error(
                Rule::InvalidDependencies,
                pointer::join(&screen.pointer, "success"),
                "Property 'success' can only be specified on a terminal screen.",
            );
        }
        if get(screen.value, "refresh_on_back").and_then(Value::as_bool) == Some(true)
            && !doc.has_data_api
        {
            report.error(
                Rule::InvalidPropertyValue,
                pointer::join(&screen.pointer, "refresh_on_back"),
                "Property 'refresh_on_back' can be true only when property 'data_api_version' is set.",
            );
        }
        check_sensitive(screen, report);
        if get(screen.value, "title").is_none() {
            report.warning(
                Rule::MissingRequiredProperty,
                &screen.pointer,
                format!(
                    "Screen '{}' has no 'title'. Meta's verdict is uncertain: the Flow JSON \
                     reference calls 'title' optional, the Flow Builder's screen schema requires \
                     it; set one to be safe.",
                    screen.id
                ),
            );
        }
    }
    if !doc.screens.is_empty() && !any_terminal {
        report.error(
            Rule::MissingTerminalScreen,
            "/screens",
            "At least one screen must be terminal ('terminal': true).",
        );
    } else if any_terminal && !any_success {
        report.error(
            Rule::InvalidPropertyValue,
            "/screens",
            "At least one terminal screen must have property 'success' set as true.",
        );
    }
}

fn check_keys(
    version: Version,
    screen: &serde_json::Map<String, Value>,
    at: &str,
    report: &mut Report,
) {
    for key in screen.keys() {
        match SCREEN_KEYS.iter().find(|(name, _)| name == key) {
            None => report.error(
                Rule::InvalidPropertyKey,
                pointer::join(at, key),
                format!("Property '{key}' is not allowed in a screen."),
            ),
            Some((_, since)) if version < *since => report.error(
                Rule::InvalidPropertyKey,
                pointer::join(at, key),
                format!(
                    "Property '{key}' is not allowed in a screen before Flow JSON version {since}; \
                     this flow uses {version}."
                ),
            ),
            Some(_) => {}
        }
    }
}

fn check_id<'a>(
    version: Version,
    screen: &super::context::Screen<'a>,
    seen: &mut HashSet<&'a str>,
    report: &mut Report,
) {
    let id_pointer = pointer::join(&screen.pointer, "id");
    match get(screen.value, "id") {
        None => report.error(
            Rule::MissingRequiredProperty,
            &screen.pointer,
            "Required property 'id' is missing.",
        ),
        Some(Value::String(_)) => {
            let id = screen.id;
            if !valid_id(version, id) {
                report.error(
                    Rule::PatternMismatch,
                    &id_pointer,
                    format!("Screen id '{id}' should only consist of alphabets and underscores."),
                );
            }
            if id == "SUCCESS" {
                report.error(
                    Rule::ScreenIdIsReservedKeyword,
                    &id_pointer,
                    "Screen id 'SUCCESS' is a reserved keyword and cannot be used.",
                );
            }
            if !seen.insert(id) {
                report.error(
                    Rule::DuplicateScreenIds,
                    &id_pointer,
                    format!("Screen id '{id}' is used by more than one screen."),
                );
            }
        }
        Some(other) => report.error(
            Rule::InvalidPropertyType,
            id_pointer,
            format!(
                "Expected property 'id' to be of type 'string' but found '{}'.",
                super::value_type::name(other)
            ),
        ),
    }
}

/// Meta's screen id pattern: `^[a-zA-Z,_]+$` before 7.0, `^(?!_+$)[a-zA-Z_]+$` from 7.0.
fn valid_id(version: Version, id: &str) -> bool {
    if version >= Version::new(7, 0) {
        !id.is_empty()
            && id.chars().all(|c| c.is_ascii_alphabetic() || c == '_')
            && !id.chars().all(|c| c == '_')
    } else {
        !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_alphabetic() || c == '_' || c == ',')
    }
}

fn check_sensitive(screen: &super::context::Screen<'_>, report: &mut Report) {
    let Some(Value::Array(names)) = get(screen.value, "sensitive") else {
        return;
    };
    let base = pointer::join(&screen.pointer, "sensitive");
    for (index, name) in names.iter().enumerate() {
        let known = name.as_str().is_some_and(|name| {
            screen
                .nodes
                .iter()
                .any(|node| node.str("name") == Some(name))
        });
        if !known {
            report.error(
                Rule::InvalidSensitiveField,
                pointer::index(&base, index),
                format!(
                    "Sensitive field {name} does not name a component of screen '{}'.",
                    screen.id
                ),
            );
        }
    }
}
