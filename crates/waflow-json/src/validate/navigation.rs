//! NavigationList: the `on-click-action` lives on the component or on its `list-items`, never on
//! both, and one of them is required.

use serde_json::Value;

use super::{context::Doc, context::get, pointer, report::Report, rule::Rule};

/// Runs the NavigationList rules.
pub(super) fn check(doc: &Doc<'_>, report: &mut Report) {
    for screen in &doc.screens {
        for node in screen
            .nodes
            .iter()
            .filter(|node| node.kind == "NavigationList")
        {
            let Some(Value::Array(items)) = get(node.value, "list-items") else {
                continue;
            };
            let on_list = get(node.value, "on-click-action").is_some();
            let on_items = items
                .iter()
                .any(|item| item.get("on-click-action").is_some());
            let at = pointer::join(&node.pointer, "on-click-action");
            if on_list && on_items {
                report.error(
                    Rule::InvalidPropertyValue,
                    at,
                    "Property 'on-click-action' must be defined either on the NavigationList \
                     or on its list items, not on both.",
                );
            } else if !on_list && !on_items {
                report.error(
                    Rule::MissingRequiredProperty,
                    at,
                    "Property 'on-click-action' is required on the NavigationList or on its \
                     list items.",
                );
            }
        }
    }
}
