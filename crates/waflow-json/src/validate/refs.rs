//! Dynamic references: `${data.x}` must be declared in the screen's `data`, `${form.x}` must name an
//! input component of the screen, `${screen.S.data.x}`/`${screen.S.form.x}` (4.0+) must name another
//! screen and something it declares; a whole-value reference must have the property's type.

use serde_json::{Map, Value};

use super::{
    context::get,
    context::{Doc, Screen},
    pointer,
    report::Report,
    rule::Rule,
    value_type,
    versions::Version,
};

/// One `${…}` reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ref<'a> {
    /// `${data.path}` (path may be `a.b.c`).
    Data(&'a str),
    /// `${form.name}`.
    Form(&'a str),
    /// `${screen.S.data.path}`.
    ScreenData(&'a str, &'a str),
    /// `${screen.S.form.name}`.
    ScreenForm(&'a str, &'a str),
    /// Anything else inside `${…}`.
    Invalid,
}

impl<'a> Ref<'a> {
    /// Parses the text between `${` and `}`.
    pub(super) fn parse(inner: &'a str) -> Self {
        let valid_path = |path: &str| {
            !path.is_empty()
                && path.split('.').all(|segment| {
                    !segment.is_empty()
                        && segment
                            .chars()
                            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
                })
        };
        if let Some(path) = inner.strip_prefix("data.") {
            return if valid_path(path) {
                Self::Data(path)
            } else {
                Self::Invalid
            };
        }
        if let Some(path) = inner.strip_prefix("form.") {
            return if valid_path(path) {
                Self::Form(path)
            } else {
                Self::Invalid
            };
        }
        if let Some(rest) = inner.strip_prefix("screen.")
            && let Some((screen, rest)) = rest.split_once('.')
        {
            if let Some(path) = rest.strip_prefix("data.")
                && valid_path(path)
            {
                return Self::ScreenData(screen, path);
            }
            if let Some(path) = rest.strip_prefix("form.")
                && valid_path(path)
            {
                return Self::ScreenForm(screen, path);
            }
        }
        Self::Invalid
    }

    /// The single reference a whole string consists of, if it is exactly `${…}`.
    pub(super) fn whole(text: &'a str) -> Option<Self> {
        let inner = text.strip_prefix("${")?.strip_suffix('}')?;
        (!inner.contains("${") && !inner.contains('}')).then(|| Self::parse(inner))
    }
}

/// Every `${…}` in `text`, as `(inner text, reference)`.
pub(super) fn find_all(text: &str) -> impl Iterator<Item = (&str, Ref<'_>)> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let start = rest.find("${")?;
        let after = &rest[start + 2..];
        let Some(end) = after.find('}') else {
            rest = "";
            return None;
        };
        let inner = &after[..end];
        rest = &after[end + 1..];
        Some((inner, Ref::parse(inner)))
    })
}

/// The first segment of a dotted path.
fn head(path: &str) -> &str {
    path.split('.').next().unwrap_or(path)
}

/// Why a reference does not resolve, or the type it has (`None` when unknown).
pub(super) fn resolve(
    doc: &Doc<'_>,
    screen: &Screen<'_>,
    reference: Ref<'_>,
) -> Result<Option<&'static str>, String> {
    match reference {
        Ref::Data(path) => data_type(screen, path).map_err(|missing| {
            format!(
                "Missing dynamic data '${{data.{missing}}}' in the data model of screen '{}'.",
                screen.id
            )
        }),
        Ref::Form(name) => form_type(screen, head(name)),
        Ref::ScreenData(id, path) | Ref::ScreenForm(id, path) => {
            if doc.version < Version::new(4, 0) {
                return Err(format!(
                    "Global references like '${{screen.{id}…}}' need Flow JSON version 4.0; this \
                     flow uses {}.",
                    doc.version
                ));
            }
            if id == screen.id {
                return Err(format!(
                    "A global reference must not name its own screen '{id}'; use '${{data.…}}' or \
                     '${{form.…}}'."
                ));
            }
            let Some(target) = doc.screen(id) else {
                return Err(format!("Unknown screen '{id}' in a global reference."));
            };
            if let Ref::ScreenData(..) = reference {
                data_type(target, path).map_err(|missing| {
                    format!(
                        "Missing dynamic data '${{screen.{id}.data.{missing}}}' in the data model of \
                         screen '{id}'."
                    )
                })
            } else {
                form_type(target, head(path))
            }
        }
        Ref::Invalid => Err(String::from(
            "A dynamic reference should have the form ${data.x}, ${form.x} or \
             ${screen.SCREEN.data.x}.",
        )),
    }
}

/// Maps a type name to its `'static` spelling (the data model may hold any text).
fn intern(name: &str) -> &'static str {
    match name {
        "string" => "string",
        "number" => "number",
        "integer" => "integer",
        "boolean" => "boolean",
        "object" => "object",
        "array" => "array",
        _ => "unknown",
    }
}

/// The declared type at `path` of the screen's data model; `Err(path)` when it is not declared.
fn data_type(screen: &Screen<'_>, path: &str) -> Result<Option<&'static str>, String> {
    let mut segments = path.split('.');
    let first = segments.next().unwrap_or(path);
    let Some(mut schema) = screen
        .data
        .and_then(|data| data.get(first))
        .and_then(Value::as_object)
    else {
        return Err(first.to_owned());
    };
    let mut walked = first.to_owned();
    for segment in segments {
        walked.push('.');
        walked.push_str(segment);
        let Some(properties) = schema.get("properties").and_then(Value::as_object) else {
            // Arrays, free objects: the client resolves further; nothing declared to compare.
            return Ok(None);
        };
        match properties.get(segment).and_then(Value::as_object) {
            Some(next) => schema = next,
            None => return Err(walked),
        }
    }
    Ok(schema.get("type").and_then(Value::as_str).map(intern))
}

fn form_type(screen: &Screen<'_>, name: &str) -> Result<Option<&'static str>, String> {
    if let Some(field) = screen.field(name) {
        return Ok(Some(Screen::field_type(field)));
    }
    if screen
        .nodes
        .iter()
        .any(|node| node.kind == "Form" && node.str("name") == Some(name))
    {
        return Err(format!(
            "Value of 'Form' component cannot be used in form binding: '${{form.{name}}}'."
        ));
    }
    Err(format!(
        "Missing Form component ${{form.{name}}} for screen '{}'.",
        screen.id
    ))
}

/// Keys whose value is an action (their references are reported as payload errors).
pub(super) const ACTION_KEYS: [&str; 3] =
    ["on-click-action", "on-select-action", "on-unselect-action"];

/// Keys holding child components (visited as components of their own).
const CHILD_KEYS: [&str; 4] = ["children", "then", "else", "cases"];

/// Properties whose whole-reference value must have a given type.
const TYPED: &[(&str, &str)] = &[
    ("visible", "boolean"),
    ("required", "boolean"),
    ("enabled", "boolean"),
    ("data-source", "array"),
    ("list-items", "array"),
    ("images", "array"),
    ("unavailable-dates", "array"),
    ("include-days", "array"),
    ("label", "string"),
    ("helper-text", "string"),
    ("description", "string"),
];

/// Runs the reference rules on screen titles and every component.
pub(super) fn check(doc: &Doc<'_>, report: &mut Report) {
    for screen in &doc.screens {
        if let Some(Value::String(title)) = get(screen.value, "title") {
            let at = pointer::join(&screen.pointer, "title");
            check_string(
                doc,
                screen,
                title,
                &at,
                Rule::InvalidScreenDynamicData,
                report,
            );
        }
        for node in &screen.nodes {
            for (key, value) in node.value {
                let child_list = CHILD_KEYS.contains(&key.as_str())
                    && matches!(node.kind, "Form" | "If" | "Switch");
                if child_list {
                    continue;
                }
                if !has_ref(value) {
                    continue;
                }
                let at = pointer::join(&node.pointer, key);
                let rule = if ACTION_KEYS.contains(&key.as_str()) {
                    Rule::InvalidOnClickActionPayload
                } else {
                    Rule::InvalidScreenDynamicData
                };
                let expression = matches!(
                    (node.kind, key.as_str()),
                    ("If", "condition") | ("Switch", "value")
                );
                if expression && let Some(text) = value.as_str() {
                    // A condition is an expression: every reference in it is one.
                    check_references(doc, screen, text, &at, rule, report);
                    continue;
                }
                scan(doc, screen, value, &at, rule, report);
                if let Some(text) = value.as_str() {
                    check_typed(doc, screen, node.kind, key, text, &at, report);
                }
            }
        }
    }
}

/// Whether a `${` occurs in any string of `value`.
fn has_ref(value: &Value) -> bool {
    match value {
        Value::String(text) => text.contains("${"),
        Value::Array(items) => items.iter().any(has_ref),
        Value::Object(map) => map.values().any(has_ref),
        _ => false,
    }
}

fn scan(
    doc: &Doc<'_>,
    screen: &Screen<'_>,
    value: &Value,
    at: &str,
    rule: Rule,
    report: &mut Report,
) {
    match value {
        Value::String(text) => check_string(doc, screen, text, at, rule, report),
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate().filter(|(_, item)| has_ref(item)) {
                scan(doc, screen, item, &pointer::index(at, index), rule, report);
            }
        }
        Value::Object(map) => scan_map(doc, screen, map, at, rule, report),
        _ => {}
    }
}

fn scan_map(
    doc: &Doc<'_>,
    screen: &Screen<'_>,
    map: &Map<String, Value>,
    at: &str,
    rule: Rule,
    report: &mut Report,
) {
    for (key, value) in map.iter().filter(|(_, value)| has_ref(value)) {
        let rule = if ACTION_KEYS.contains(&key.as_str()) {
            Rule::InvalidOnClickActionPayload
        } else {
            rule
        };
        scan(doc, screen, value, &pointer::join(at, key), rule, report);
    }
}

/// How Meta reads a string that contains `${`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Reading<'a> {
    /// The whole string matches Meta's binding pattern
    /// `^\$\{(screen\.([a-zA-Z,_]*)\.)?(data|form)\..*\}$` (greedy: `"${data.a} ${data.b}"` is
    /// one binding whose key is `a} ${data.b`); the text between `${` and the last `}`.
    Binding(&'a str),
    /// A 6.0 nested expression in backticks: every `${…}` inside is a reference.
    Expression,
    /// Anything else: the client shows (or sends) the text literally.
    Literal,
}

/// Meta's reading of `text`.
pub(super) fn reading(text: &str) -> Reading<'_> {
    let trimmed = text.trim();
    if trimmed.len() >= 2 && trimmed.starts_with('`') && trimmed.ends_with('`') {
        return Reading::Expression;
    }
    let Some(inner) = text.strip_prefix("${").and_then(|t| t.strip_suffix('}')) else {
        return Reading::Literal;
    };
    let scoped = match inner.strip_prefix("screen.") {
        Some(rest) => match rest.split_once('.') {
            Some((screen, rest))
                if screen
                    .chars()
                    .all(|c| c.is_ascii_alphabetic() || c == '_' || c == ',') =>
            {
                rest
            }
            _ => return Reading::Literal,
        },
        None => inner,
    };
    if scoped.starts_with("data.") || scoped.starts_with("form.") {
        Reading::Binding(inner)
    } else {
        Reading::Literal
    }
}

fn check_string(
    doc: &Doc<'_>,
    screen: &Screen<'_>,
    text: &str,
    at: &str,
    rule: Rule,
    report: &mut Report,
) {
    if !text.contains("${") {
        return;
    }
    match reading(text) {
        Reading::Binding(inner) => {
            let reference = Ref::parse(inner);
            if reference == Ref::Invalid {
                report.error(
                    rule,
                    at,
                    format!(
                        "Invalid dynamic data format '{text}': the whole value is read as one \
                         binding, and its key is not a property path. Write one binding per \
                         value, or a nested expression in backticks (6.0+)."
                    ),
                );
            } else if let Err(message) = resolve(doc, screen, reference) {
                report.error(rule, at, message);
            }
        }
        Reading::Expression => check_references(doc, screen, text, at, rule, report),
        Reading::Literal => report.warning(
            Rule::LiteralReferenceText,
            at,
            format!(
                "'{text}' is not a binding: only a whole value ${{data.x}}, ${{form.x}} or \
                 ${{screen.SCREEN.data.x}} is one (or a nested expression in backticks, 6.0+). Meta \
                 accepts it, and the text is shown or sent literally."
            ),
        ),
    }
}

/// Every `${…}` of an expression must resolve.
fn check_references(
    doc: &Doc<'_>,
    screen: &Screen<'_>,
    text: &str,
    at: &str,
    rule: Rule,
    report: &mut Report,
) {
    for (inner, reference) in find_all(text) {
        if let Err(message) = resolve(doc, screen, reference) {
            if reference == Ref::Invalid {
                report.error(
                    Rule::PatternMismatch,
                    at,
                    format!("'${{{inner}}}': {message}"),
                );
            } else {
                report.error(rule, at, message);
            }
        }
    }
}

fn check_typed(
    doc: &Doc<'_>,
    screen: &Screen<'_>,
    kind: &str,
    key: &str,
    text: &str,
    at: &str,
    report: &mut Report,
) {
    let expected = match TYPED.iter().find(|(name, _)| *name == key) {
        Some((_, expected)) => *expected,
        None if key == "text" && !matches!(kind, "TextBody" | "TextCaption" | "RichText") => {
            "string"
        }
        None => return,
    };
    let Some(reference) = Ref::whole(text) else {
        return;
    };
    let Ok(Some(found)) = resolve(doc, screen, reference) else {
        return;
    };
    let numeric_as_text = expected == "string" && matches!(found, "number" | "integer");
    if found != "unknown" && !numeric_as_text && !value_type::agrees(expected, found) {
        report.error(
            Rule::InvalidScreenDynamicData,
            at,
            format!("Expected '{text}' to be of type '{expected}' but it is declared '{found}'."),
        );
    }
}
