//! A Footer outside the screen's Form cannot read the Form: its action payload must not
//! reference `${form.x}` when the screen has a Form.

use serde_json::Value;

use super::{context::Doc, context::get, pointer, report::Report, rule::Rule};

/// Runs the Footer-outside-Form rule.
pub(super) fn check(doc: &Doc<'_>, report: &mut Report) {
    for screen in &doc.screens {
        if !screen.nodes.iter().any(|node| node.kind == "Form") {
            continue;
        }
        for node in &screen.nodes {
            if node.kind != "Footer" || node.form.is_some() {
                continue;
            }
            let action = pointer::join(&node.pointer, "on-click-action");
            if let Some(Value::Object(value)) = get(node.value, "on-click-action")
                && let Some(payload) = get(value, "payload")
            {
                check_value(payload, &pointer::join(&action, "payload"), report);
            }
        }
    }
}

fn check_value(value: &Value, at: &str, report: &mut Report) {
    match value {
        Value::String(text) if text.contains("${form.") => {
            report.error(
                Rule::InvalidOnClickActionPayload,
                at,
                format!(
                    "Footer outside the Form cannot reference form fields: '{text}'; move the \
                     Footer into the Form."
                ),
            );
        }
        Value::Object(map) => {
            for (key, inner) in map {
                check_value(inner, &pointer::join(at, key), report);
            }
        }
        Value::Array(items) => {
            for (index, inner) in items.iter().enumerate() {
                check_value(inner, &pointer::join(at, &index.to_string()), report);
            }
        }
        _ => {}
    }
}
