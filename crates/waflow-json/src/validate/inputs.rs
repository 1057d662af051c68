//! TextInput `pattern`: only with `input-type` text, number, password or passcode (text when
//! absent), and only together with a `helper-text` explaining it.

use super::{context::Doc, context::get, pointer, report::Report, rule::Rule};

const PATTERN_INPUT_TYPES: [&str; 4] = ["text", "number", "password", "passcode"];

/// Runs the TextInput `pattern` rules.
pub(super) fn check(doc: &Doc<'_>, report: &mut Report) {
    for screen in &doc.screens {
        for node in screen.nodes.iter().filter(|node| node.kind == "TextInput") {
            if get(node.value, "pattern").is_none() {
                continue;
            }
            let input_type = node.str("input-type").unwrap_or("text");
            if !PATTERN_INPUT_TYPES.contains(&input_type) {
                report.error(
                    Rule::InvalidPropertyValue,
                    pointer::join(&node.pointer, "pattern"),
                    format!(
                        "Property 'pattern' is only allowed with input-type [{}], not \
                         '{input_type}'.",
                        PATTERN_INPUT_TYPES.join(", ")
                    ),
                );
            }
            if get(node.value, "helper-text").is_none() {
                report.error(
                    Rule::MissingRequiredProperty,
                    pointer::join(&node.pointer, "pattern"),
                    "Property 'helper-text' is required when 'pattern' is used.",
                );
            }
        }
    }
}
