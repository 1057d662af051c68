#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Bad input becomes a typed `ParseError` naming the JSON Pointer of the offending element.

use serde_json::{Value, json};
use waflow_json::prelude::*;

fn doc_with(children: Value) -> Value {
    json!({
        "version": "6.0",
        "screens": [
            {"id": "FIRST", "layout": {"type": "SingleColumnLayout", "children": []}},
            {"id": "SECOND", "terminal": true, "layout": {"type": "SingleColumnLayout", "children": children}}
        ]
    })
}

fn err_of(doc: Value) -> ParseError {
    let from_value = FlowJson::from_value(doc.clone()).unwrap_err();
    let from_text =
        FlowJson::from_json_str(&serde_json::to_string_pretty(&doc).unwrap()).unwrap_err();
    assert_eq!(
        from_value.pointer(),
        from_text.pointer(),
        "value and text parsing disagree"
    );
    assert_eq!(from_value.message(), from_text.message());
    assert!(from_value.line().is_none());
    assert!(from_text.line().is_some(), "text errors carry a line");
    from_text
}

#[test]
fn unknown_component_property_names_its_pointer() {
    let err = err_of(doc_with(json!([
        {"type": "TextHeading", "text": "a"},
        {"type": "TextBody", "text": "b"},
        {"type": "TextInput", "name": "n", "label": "L", "foo": 1}
    ])));
    assert_eq!(err.pointer(), "/screens/1/layout/children/2/foo");
    assert!(err.message().contains("foo"), "{err}");
}

#[test]
fn unknown_component_type_names_its_type_pointer() {
    let err = err_of(doc_with(json!([{"type": "Carousel3D", "text": "a"}])));
    assert_eq!(err.pointer(), "/screens/1/layout/children/0/type");
    assert!(err.message().contains("Carousel3D"), "{err}");
}

#[test]
fn nested_errors_inside_form_if_switch_keep_the_full_pointer() {
    let err = err_of(doc_with(json!([{
        "type": "Form", "name": "f", "children": [
            {"type": "TextHeading", "text": "x"},
            {"type": "If", "condition": "${form.a}", "then": [
                {"type": "Switch", "value": "${form.b}", "cases": {"one": [
                    {"type": "Footer", "label": "Go", "on-click-action": {"name": "complete", "payload": {}, "bogus": true}}
                ]}}
            ]}
        ]
    }])));
    assert_eq!(
        err.pointer(),
        "/screens/1/layout/children/0/children/1/then/0/cases/one/0/on-click-action/bogus"
    );
}

#[test]
fn unknown_action_name_names_its_pointer() {
    let err = err_of(doc_with(json!([
        {"type": "EmbeddedLink", "text": "t", "on-click-action": {"name": "teleport"}}
    ])));
    assert_eq!(
        err.pointer(),
        "/screens/1/layout/children/0/on-click-action/name"
    );
    assert!(err.message().contains("teleport"));
}

#[test]
fn unknown_property_in_data_source_item_names_its_pointer() {
    let err = err_of(doc_with(json!([{
        "type": "Dropdown", "name": "d", "label": "L",
        "data-source": [{"id": "1", "title": "A"}, {"id": "2", "title": "B", "colour": "#ff0000"}]
    }])));
    assert_eq!(
        err.pointer(),
        "/screens/1/layout/children/0/data-source/1/colour"
    );
}

#[test]
fn unknown_top_level_and_screen_properties_are_errors() {
    let mut doc = doc_with(json!([]));
    doc["screens"][0]["footer"] = json!(true);
    assert_eq!(err_of(doc).pointer(), "/screens/0/footer");
    let mut doc = doc_with(json!([]));
    doc["flow_name"] = json!("x");
    assert_eq!(err_of(doc).pointer(), "/flow_name");
}

#[test]
fn pointer_escapes_tilde_and_slash() {
    let doc = json!({
        "version": "6.0",
        "screens": [{"id": "A", "layout": {"type": "SingleColumnLayout", "children": [{
            "type": "Switch", "value": "${data.x}", "cases": {"a/b~c": [{"type": "TextBody", "text": "t", "x": 1}]}
        }]}}]
    });
    assert_eq!(
        err_of(doc).pointer(),
        "/screens/0/layout/children/0/cases/a~1b~0c/0/x"
    );
}

#[test]
fn wrong_type_and_missing_field_are_errors_with_pointers() {
    let err = err_of(doc_with(
        json!([{"type": "TextInput", "name": "n", "label": "L", "required": []}]),
    ));
    assert_eq!(err.pointer(), "/screens/1/layout/children/0/required");
    let err = err_of(doc_with(json!([{"type": "TextInput", "name": "n"}])));
    assert_eq!(err.pointer(), "/screens/1/layout/children/0");
    assert!(err.message().contains("label"), "{err}");
    let err = err_of(doc_with(json!([{"text": "no type"}])));
    assert!(err.message().contains("type"), "{err}");
}

#[test]
fn syntax_errors_have_line_and_column() {
    let err =
        FlowJson::from_json_str("{\n  \"version\": \"6.0\",\n  \"screens\": [,]\n}").unwrap_err();
    assert!(matches!(err, ParseError::Syntax { .. }));
    assert_eq!(err.line(), Some(3));
    assert!(err.column().is_some_and(|c| c > 1));
    assert_eq!(err.pointer(), "");
    let trailing = FlowJson::from_json_str(r#"{"version":"6.0","screens":[]} x"#).unwrap_err();
    assert!(matches!(trailing, ParseError::Syntax { .. }));
}

#[test]
fn newer_version_properties_and_unknown_versions_still_parse() {
    // `label-variant` is 7.0+, the document says 2.1: the model keeps it, the validator reports it.
    let mut doc = doc_with(
        json!([{"type": "TextInput", "name": "n", "label": "L", "label-variant": "large"}]),
    );
    doc["version"] = json!("2.1");
    let flow = FlowJson::from_value(doc.clone()).unwrap();
    assert_eq!(flow.to_value(), doc);
    doc["version"] = json!("9.9");
    let flow = FlowJson::from_value(doc.clone()).unwrap();
    assert_eq!(flow.version, FlowVersion::Other("9.9".into()));
    assert_eq!(flow.to_value(), doc);
}

#[test]
fn dynamic_values_keep_literal_or_reference_and_number_kinds() {
    let doc = doc_with(json!([
        {"type": "TextInput", "name": "a", "label": "A", "required": "${data.req}", "min-chars": 3},
        {"type": "TextInput", "name": "b", "label": "B", "required": false, "max-chars": "${data.max}"},
        {"type": "Image", "src": "AAAA", "aspect-ratio": 1.5, "width": 100}
    ]));
    let flow = FlowJson::from_value(doc.clone()).unwrap();
    let Component::TextInput(a) = &flow.screens[1].layout.children[0] else {
        panic!("not a TextInput")
    };
    assert_eq!(a.required, Some(Dynamic::Ref("${data.req}".into())));
    assert_eq!(a.min_chars, Some(Dynamic::Value(3)));
    assert_eq!(flow.to_value(), doc);
}
