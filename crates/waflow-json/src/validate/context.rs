//! The walk: every screen and every component (inside Form, If and Switch too), visited once with its
//! JSON Pointer and its place, so that each rule family reads a flat list.

use serde_json::{Map, Value};

use super::{pointer, report::Report, rule::Rule, value_type, versions::Version};

/// A document prepared for the rule families.
#[derive(Debug)]
pub(super) struct Doc<'a> {
    /// The top-level object.
    pub(super) root: &'a Map<String, Value>,
    /// The Flow JSON version; the latest when missing or unknown (that is reported on its own).
    pub(super) version: Version,
    /// Whether `data_api_version` is set (the flow has an endpoint).
    pub(super) has_data_api: bool,
    /// Every screen that is an object, in document order.
    pub(super) screens: Vec<Screen<'a>>,
}

/// One screen and its components.
#[derive(Debug)]
pub(super) struct Screen<'a> {
    /// `/screens/N`.
    pub(super) pointer: String,
    /// The id, `""` when missing.
    pub(super) id: &'a str,
    /// The screen object.
    pub(super) value: &'a Map<String, Value>,
    /// The data model, when declared as an object.
    pub(super) data: Option<&'a Map<String, Value>>,
    /// `terminal: true`.
    pub(super) terminal: bool,
    /// Every component, parents before children.
    pub(super) nodes: Vec<Node<'a>>,
}

/// Which list a component sits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Container {
    /// The layout's `children`.
    Layout,
    /// A Form's `children`.
    Form,
    /// An If's `then`.
    Then,
    /// An If's `else`.
    Else,
    /// One of a Switch's `cases`.
    Case,
}

/// One component.
#[derive(Debug)]
pub(super) struct Node<'a> {
    /// JSON Pointer of the component.
    pub(super) pointer: String,
    /// Its `type`.
    pub(super) kind: &'a str,
    /// The component object.
    pub(super) value: &'a Map<String, Value>,
    /// The list it sits in.
    pub(super) container: Container,
    /// Index (in [`Screen::nodes`]) of the component whose list holds it.
    pub(super) parent: Option<usize>,
    /// Index of the enclosing Form.
    pub(super) form: Option<usize>,
    /// How many If components enclose it.
    pub(super) if_depth: usize,
    /// Whether an If or Switch encloses it.
    pub(super) in_branch: bool,
}

impl<'a> Node<'a> {
    /// A string property.
    pub(super) fn str(&self, key: &str) -> Option<&'a str> {
        get(self.value, key).and_then(Value::as_str)
    }
}

/// `map[key]` by a linear scan: Flow JSON objects are small, so this beats hashing the key.
pub(super) fn get<'a>(map: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    map.iter().find_map(|(k, v)| (k == key).then_some(v))
}

/// Components whose value is a form field (`${form.name}`).
pub(super) const INPUTS: [&str; 11] = [
    "TextInput",
    "TextArea",
    "CheckboxGroup",
    "RadioButtonsGroup",
    "Dropdown",
    "ChipsSelector",
    "DatePicker",
    "CalendarPicker",
    "OptIn",
    "PhotoPicker",
    "DocumentPicker",
];

/// The media pickers.
pub(super) const PICKERS: [&str; 2] = ["PhotoPicker", "DocumentPicker"];

impl<'a> Screen<'a> {
    /// The input component called `name` (anywhere on the screen, branches included).
    pub(super) fn field(&self, name: &str) -> Option<&Node<'a>> {
        self.nodes
            .iter()
            .find(|node| INPUTS.contains(&node.kind) && node.str("name") == Some(name))
    }

    /// The type a form field's value has.
    pub(super) fn field_type(node: &Node<'_>) -> &'static str {
        match node.kind {
            "CheckboxGroup" | "ChipsSelector" | "PhotoPicker" | "DocumentPicker" => "array",
            "OptIn" => "boolean",
            "CalendarPicker" if node.str("mode") == Some("range") => "object",
            _ => "string",
        }
    }
}

impl<'a> Doc<'a> {
    /// Reads the document's frame; `None` when it is not an object (reported).
    pub(super) fn build(document: &'a Value, report: &mut Report) -> Option<Self> {
        let Some(root) = document.as_object() else {
            report.error(
                Rule::InvalidFlowJson,
                "",
                format!(
                    "Flow JSON is not valid: expected an object but found '{}'.",
                    value_type::name(document)
                ),
            );
            return None;
        };
        let version = root
            .get("version")
            .and_then(Value::as_str)
            .and_then(Version::parse)
            .unwrap_or(Version::LATEST);
        let mut doc = Self {
            root,
            version,
            has_data_api: root.contains_key("data_api_version"),
            screens: Vec::new(),
        };
        match root.get("screens") {
            None => report.error(
                Rule::MissingRequiredProperty,
                "",
                "Required property 'screens' is missing.",
            ),
            Some(Value::Array(screens)) => {
                if screens.is_empty() {
                    report.error(
                        Rule::MinItemsRequired,
                        "/screens",
                        "Property 'screens' should have at least '1' items.",
                    );
                }
                for (index, screen) in screens.iter().enumerate() {
                    if let Some(screen) = build_screen(index, screen, report) {
                        doc.screens.push(screen);
                    }
                }
            }
            Some(other) => report.error(
                Rule::InvalidPropertyType,
                "/screens",
                format!(
                    "Expected property 'screens' to be of type 'array' but found '{}'.",
                    value_type::name(other)
                ),
            ),
        }
        Some(doc)
    }

    /// The screen with id `id`.
    pub(super) fn screen(&self, id: &str) -> Option<&Screen<'a>> {
        self.screens.iter().find(|screen| screen.id == id)
    }
}

fn build_screen<'a>(index: usize, value: &'a Value, report: &mut Report) -> Option<Screen<'a>> {
    let pointer = pointer::index("/screens", index);
    let Some(object) = value.as_object() else {
        report.error(
            Rule::InvalidPropertyType,
            pointer,
            format!(
                "Expected a screen to be of type 'object' but found '{}'.",
                value_type::name(value)
            ),
        );
        return None;
    };
    let mut screen = Screen {
        id: object.get("id").and_then(Value::as_str).unwrap_or(""),
        value: object,
        data: object.get("data").and_then(Value::as_object),
        terminal: object.get("terminal").and_then(Value::as_bool) == Some(true),
        nodes: Vec::new(),
        pointer,
    };
    let layout_pointer = pointer::join(&screen.pointer, "layout");
    match object.get("layout").and_then(Value::as_object) {
        None => report.error(
            Rule::MissingRequiredProperty,
            &screen.pointer,
            "Required property 'layout' is missing.",
        ),
        Some(layout) => {
            if layout.get("type").and_then(Value::as_str) != Some("SingleColumnLayout") {
                report.error(
                    Rule::InvalidEnumValue,
                    pointer::join(&layout_pointer, "type"),
                    "Value should be one of: [SingleColumnLayout].",
                );
            }
            match layout.get("children") {
                Some(Value::Array(children)) => {
                    let place = Place {
                        container: Container::Layout,
                        parent: None,
                        form: None,
                        if_depth: 0,
                        in_branch: false,
                    };
                    let base = pointer::join(&layout_pointer, "children");
                    walk(children, &base, place, &mut screen.nodes, report);
                }
                _ => report.error(
                    Rule::MissingRequiredProperty,
                    layout_pointer,
                    "Required property 'children' is missing.",
                ),
            }
        }
    }
    Some(screen)
}

/// Where the components of one list sit.
#[derive(Debug, Clone, Copy)]
struct Place {
    container: Container,
    parent: Option<usize>,
    form: Option<usize>,
    if_depth: usize,
    in_branch: bool,
}

fn walk<'a>(
    children: &'a [Value],
    base: &str,
    place: Place,
    nodes: &mut Vec<Node<'a>>,
    report: &mut Report,
) {
    for (index, child) in children.iter().enumerate() {
        let pointer = pointer::index(base, index);
        let Some(value) = child.as_object() else {
            report.error(
                Rule::InvalidPropertyType,
                pointer,
                format!(
                    "Expected a component to be of type 'object' but found '{}'.",
                    value_type::name(child)
                ),
            );
            continue;
        };
        let Some(kind) = get(value, "type").and_then(Value::as_str) else {
            report.error(
                Rule::MissingRequiredProperty,
                pointer,
                "Required property 'type' is missing.",
            );
            continue;
        };
        let me = nodes.len();
        nodes.push(Node {
            pointer,
            kind,
            value,
            container: place.container,
            parent: place.parent,
            form: place.form,
            if_depth: place.if_depth,
            in_branch: place.in_branch,
        });
        let inner = |container| Place {
            container,
            parent: Some(me),
            ..place
        };
        let mut lists: Vec<(&'a [Value], String, Place)> = Vec::new();
        let own = |key: &str| pointer::join(&nodes[me].pointer, key);
        match kind {
            "Form" => {
                if let Some(Value::Array(list)) = get(value, "children") {
                    let place = Place {
                        form: Some(me),
                        ..inner(Container::Form)
                    };
                    lists.push((list, own("children"), place));
                }
            }
            "If" => {
                for (key, container) in [("then", Container::Then), ("else", Container::Else)] {
                    if let Some(Value::Array(list)) = get(value, key) {
                        let place = Place {
                            if_depth: place.if_depth + 1,
                            in_branch: true,
                            ..inner(container)
                        };
                        lists.push((list, own(key), place));
                    }
                }
            }
            "Switch" => {
                if let Some(Value::Object(cases)) = get(value, "cases") {
                    let cases_pointer = own("cases");
                    for (key, list) in cases {
                        if let Value::Array(list) = list {
                            let place = Place {
                                in_branch: true,
                                ..inner(Container::Case)
                            };
                            lists.push((list, pointer::join(&cases_pointer, key), place));
                        }
                    }
                }
            }
            _ => {}
        }
        for (list, base, place) in lists {
            walk(list, &base, place, nodes, report);
        }
    }
}
