//! Count limits and sizes: screens' component caps (If/Switch branches count once), item counts,
//! numeric ranges, placement of RichText/NavigationList/pickers, and text the client truncates.

use serde_json::Value;

use super::{
    components::is_dynamic,
    context::get,
    context::{Container, Doc, Node, Screen},
    pointer,
    report::Report,
    rule::Rule,
    versions::Version,
};

/// Per-screen caps (Meta's `SCREEN_COMPONENT_MAX_COUNT`; Form from 7.0).
const CAPS: [(&str, usize); 8] = [
    ("EmbeddedLink", 2),
    ("Footer", 1),
    ("Image", 3),
    ("OptIn", 5),
    ("PhotoPicker", 1),
    ("DocumentPicker", 1),
    ("NavigationList", 2),
    ("ImageCarousel", 2),
];

/// Most components on one screen.
const MAX_COMPONENTS: usize = 50;

/// Most ImageCarousels in one flow.
const MAX_CAROUSELS_PER_FLOW: usize = 3;

/// Item counts: component, property, minimum, maximum.
const ITEMS: [(&str, &str, usize, usize); 6] = [
    ("CheckboxGroup", "data-source", 1, 20),
    ("RadioButtonsGroup", "data-source", 1, 20),
    ("Dropdown", "data-source", 1, 200),
    ("ChipsSelector", "data-source", 2, 20),
    ("NavigationList", "list-items", 1, 20),
    ("ImageCarousel", "images", 1, 3),
];

/// Numeric ranges: property, minimum, maximum.
const RANGES: [(&str, i64, i64); 5] = [
    ("max-file-size-kb", 1, 25_600),
    ("min-uploaded-photos", 0, 30),
    ("max-uploaded-photos", 1, 30),
    ("min-uploaded-documents", 0, 30),
    ("max-uploaded-documents", 1, 30),
];

/// Characters the client displays: component, property, limit.
const TEXT_LIMITS: [(&str, &str, usize); 33] = [
    ("TextHeading", "text", 80),
    ("TextSubheading", "text", 80),
    ("TextBody", "text", 4096),
    ("TextCaption", "text", 409),
    ("TextInput", "label", 20),
    ("TextInput", "helper-text", 80),
    ("TextInput", "error-message", 30),
    ("TextArea", "label", 20),
    ("TextArea", "helper-text", 80),
    ("CheckboxGroup", "label", 30),
    ("RadioButtonsGroup", "label", 30),
    ("Dropdown", "label", 20),
    ("ChipsSelector", "label", 80),
    ("ChipsSelector", "description", 300),
    ("DatePicker", "label", 40),
    ("DatePicker", "helper-text", 80),
    ("DatePicker", "error-message", 80),
    ("CalendarPicker", "title", 80),
    ("CalendarPicker", "description", 300),
    ("CalendarPicker", "label", 40),
    ("CalendarPicker", "helper-text", 80),
    ("OptIn", "label", 120),
    ("EmbeddedLink", "text", 25),
    ("Footer", "label", 35),
    ("Footer", "left-caption", 15),
    ("Footer", "center-caption", 15),
    ("Footer", "right-caption", 15),
    ("PhotoPicker", "label", 80),
    ("PhotoPicker", "description", 300),
    ("DocumentPicker", "label", 80),
    ("DocumentPicker", "description", 300),
    ("NavigationList", "label", 80),
    ("NavigationList", "description", 300),
];

/// Characters of a data-source item the client displays.
const ITEM_LIMITS: [(&str, usize); 3] = [("title", 30), ("description", 300), ("metadata", 20)];

/// Runs the count, size and placement rules.
pub(super) fn check(doc: &Doc<'_>, report: &mut Report) {
    let mut carousels = 0;
    for screen in &doc.screens {
        check_caps(doc.version, screen, report);
        check_placement(doc.version, screen, report);
        for node in &screen.nodes {
            carousels += usize::from(node.kind == "ImageCarousel");
            check_items(node, report);
            check_ranges(node, report);
            check_text(node, report);
        }
    }
    if carousels > MAX_CAROUSELS_PER_FLOW {
        report.error(
            Rule::ComponentTypeMaxNumberPerScreen,
            "/screens",
            format!(
                "Maximum number of ImageCarousel allowed per Flow is {MAX_CAROUSELS_PER_FLOW} but \
                 found {carousels}."
            ),
        );
    }
}

/// How many `kind` components the subtree of `index` shows at most at once (If/Switch: the
/// largest branch).
fn weight(screen: &Screen<'_>, index: usize, kind: &str) -> usize {
    let node = &screen.nodes[index];
    let own = usize::from(node.kind == kind);
    let children = screen
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, child)| child.parent == Some(index));
    match node.kind {
        "If" => {
            let (mut then, mut other) = (0, 0);
            for (child_index, child) in children {
                let w = weight(screen, child_index, kind);
                if child.container == Container::Then {
                    then += w;
                } else {
                    other += w;
                }
            }
            own + then.max(other)
        }
        "Switch" => {
            let mut cases: Vec<(&str, usize)> = Vec::new();
            for (child_index, child) in children {
                let case = child.pointer.rsplit_once('/').map_or("", |(case, _)| case);
                let w = weight(screen, child_index, kind);
                match cases.iter_mut().find(|(name, _)| *name == case) {
                    Some((_, total)) => *total += w,
                    None => cases.push((case, w)),
                }
            }
            own + cases.iter().map(|(_, w)| *w).max().unwrap_or(0)
        }
        _ => {
            own + children
                .map(|(i, _)| weight(screen, i, kind))
                .sum::<usize>()
        }
    }
}

fn screen_count(screen: &Screen<'_>, kind: &str) -> usize {
    (0..screen.nodes.len())
        .filter(|&index| screen.nodes[index].parent.is_none())
        .map(|index| weight(screen, index, kind))
        .sum()
}

fn check_caps(version: Version, screen: &Screen<'_>, report: &mut Report) {
    let form_cap = (version >= Version::new(7, 0)).then_some(("Form", 1));
    for (kind, cap) in CAPS.into_iter().chain(form_cap) {
        if !screen.nodes.iter().any(|node| node.kind == kind) {
            continue;
        }
        let branches = screen
            .nodes
            .iter()
            .any(|node| matches!(node.kind, "If" | "Switch"));
        let found = if branches {
            screen_count(screen, kind)
        } else {
            screen.nodes.iter().filter(|node| node.kind == kind).count()
        };
        if found > cap {
            let rule = if kind == "Footer" {
                Rule::MoreThanOneFooter
            } else {
                Rule::ComponentTypeMaxNumberPerScreen
            };
            report.error(
                rule,
                &screen.pointer,
                format!("Maximum number of {kind} allowed per screen is {cap} but found {found}."),
            );
        }
    }
    if screen.nodes.len() > MAX_COMPONENTS {
        report.error(
            Rule::MaxAllowedComponentsPerScreen,
            &screen.pointer,
            format!(
                "Maximum number of components allowed per screen is {MAX_COMPONENTS} but found {}.",
                screen.nodes.len()
            ),
        );
    }
    let has = |kind| screen.nodes.iter().any(|node: &Node<'_>| node.kind == kind);
    if has("PhotoPicker") && has("DocumentPicker") {
        report.error(
            Rule::InvalidComponentPlacement,
            &screen.pointer,
            "PhotoPicker and DocumentPicker cannot be used on the same screen.",
        );
    }
}

fn check_placement(version: Version, screen: &Screen<'_>, report: &mut Report) {
    for node in &screen.nodes {
        match node.kind {
            "RichText" => {
                let others_allowed = |other: &Node<'_>| {
                    other.kind == "RichText"
                        || (version >= Version::new(6, 3) && other.kind == "Footer")
                };
                if !screen.nodes.iter().all(others_allowed) {
                    let message = if version >= Version::new(6, 3) {
                        "RichText can only share its screen with a Footer."
                    } else {
                        "RichText cannot be used with other components on a screen before Flow JSON \
                         version 6.3."
                    };
                    report.error(Rule::InvalidRichtextPlacement, &node.pointer, message);
                }
            }
            "NavigationList" => {
                if screen.terminal {
                    report.error(
                        Rule::InvalidComponentPlacement,
                        &node.pointer,
                        "NavigationList cannot be used on a terminal screen.",
                    );
                }
                // A Form may hold the lists (Meta pairs NavigationList with Form from 6.2).
                let shares = screen
                    .nodes
                    .iter()
                    .any(|other| !matches!(other.kind, "NavigationList" | "Form"));
                if shares {
                    report.error(
                        Rule::InvalidComponentPlacement,
                        &node.pointer,
                        "NavigationList cannot be used with other components on a screen.",
                    );
                }
            }
            _ => {}
        }
    }
}

fn check_items(node: &Node<'_>, report: &mut Report) {
    for (kind, key, min, max) in ITEMS {
        if node.kind != kind {
            continue;
        }
        let Some(Value::Array(items)) = get(node.value, key) else {
            continue;
        };
        let at = pointer::join(&node.pointer, key);
        if items.len() < min {
            report.error(
                Rule::MinItemsRequired,
                at,
                format!("Property '{key}' should have at least '{min}' items."),
            );
        } else if items.len() > max {
            report.error(
                Rule::MaxItemsRequired,
                at,
                format!("Property '{key}' should have at most '{max}' items."),
            );
        }
    }
}

fn check_ranges(node: &Node<'_>, report: &mut Report) {
    for (key, min, max) in RANGES {
        let Some(value) = get(node.value, key).and_then(Value::as_i64) else {
            continue;
        };
        let at = pointer::join(&node.pointer, key);
        if value < min {
            report.error(
                Rule::MinimumValueRequired,
                at,
                format!("The minimum value allowed for property '{key}' is {min}."),
            );
        } else if value > max {
            report.error(
                Rule::MaximumValueRequired,
                at,
                format!("The maximum value allowed for property '{key}' is {max}."),
            );
        }
    }
}

fn truncated(text: &str, limit: usize) -> Option<usize> {
    if is_dynamic(text) {
        return None;
    }
    let count = text.chars().count();
    (count > limit).then_some(count)
}

fn check_text(node: &Node<'_>, report: &mut Report) {
    for (kind, key, limit) in TEXT_LIMITS {
        if node.kind != kind {
            continue;
        }
        if let Some(count) = node.str(key).and_then(|text| truncated(text, limit)) {
            report.warning(
                Rule::TextTruncated,
                pointer::join(&node.pointer, key),
                format!(
                    "{kind} '{key}' has {count} characters; the client shows {limit} and cuts the rest."
                ),
            );
        }
    }
    let Some(Value::Array(items)) = get(node.value, "data-source") else {
        return;
    };
    for (index, item) in items.iter().enumerate() {
        let Some(item) = item.as_object() else {
            continue;
        };
        for (key, limit) in ITEM_LIMITS {
            let text = get(item, key).and_then(Value::as_str);
            if let Some(count) = text.and_then(|text| truncated(text, limit)) {
                report.warning(
                    Rule::TextTruncated,
                    pointer::join(
                        &pointer::index(&pointer::join(&node.pointer, "data-source"), index),
                        key,
                    ),
                    format!(
                        "Data-source item '{key}' has {count} characters; the client shows {limit} \
                         and cuts the rest."
                    ),
                );
            }
        }
    }
}
