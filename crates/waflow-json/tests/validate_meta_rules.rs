#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The rules the probes of `../shared/conformance/probes` found missing or too strict (see
//! `RULES.md`), each on a small document of its own, with Meta's code.

use serde_json::{Value, json};
use waflow_json::validate::{Finding, Rule, Severity, validate_document, validate_value};

/// A one-screen terminal flow of `version` whose layout holds `children` and a Footer.
fn flow(version: &str, children: Value) -> Value {
    let mut children = children.as_array().unwrap().clone();
    children.push(json!({"type": "Footer", "label": "Done",
                         "on-click-action": {"name": "complete", "payload": {}}}));
    json!({"version": version, "screens": [{
        "id": "A", "title": "T", "terminal": true,
        "data": {"name": {"type": "string", "__example__": "Ann"}},
        "layout": {"type": "SingleColumnLayout", "children": children}
    }]})
}

fn found(findings: &[Finding], rule: Rule, pointer: &str, severity: Severity) -> bool {
    findings
        .iter()
        .any(|f| f.rule == rule && f.pointer == pointer && f.severity == severity)
}

#[track_caller]
fn assert_error(doc: &Value, rule: Rule, pointer: &str) {
    let findings = validate_document(doc);
    assert!(
        found(&findings, rule, pointer, Severity::Error),
        "{rule} at {pointer}: {findings:#?}"
    );
}

#[track_caller]
fn assert_clean(doc: &Value) {
    let findings = validate_document(doc);
    assert!(!findings.iter().any(Finding::is_error), "{findings:#?}");
}

const C0: &str = "/screens/0/layout/children/0";

#[test]
fn data_api_version_4_0_needs_7_3() {
    let mut doc = flow("7.2", json!([]));
    doc["data_api_version"] = json!("4.0");
    doc["routing_model"] = json!({});
    assert_error(&doc, Rule::InvalidDataApiVersion, "/data_api_version");
    doc["version"] = json!("7.3");
    assert_clean(&doc);
}

#[test]
fn navigation_list_has_no_visible_and_items_may_be_disabled() {
    let list = |extra: Value, item_extra: Value| {
        let mut item = json!({"id": "1", "main-content": {"title": "One"},
                              "on-click-action": {"name": "data_exchange", "payload": {}}});
        item.as_object_mut()
            .unwrap()
            .extend(item_extra.as_object().unwrap().clone());
        let mut nl = json!({"type": "NavigationList", "name": "nl", "list-items": [item]});
        nl.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        json!({"version": "7.3", "data_api_version": "3.0", "routing_model": {"A": ["B"]},
               "screens": [
            {"id": "A", "title": "T", "layout": {"type": "SingleColumnLayout", "children": [nl]}},
            {"id": "B", "title": "B", "terminal": true, "layout": {"type": "SingleColumnLayout",
             "children": [{"type": "Footer", "label": "Done",
                           "on-click-action": {"name": "complete", "payload": {}}}]}}]})
    };
    assert_clean(&list(json!({}), json!({"enabled": false})));
    assert_error(
        &list(json!({"visible": true}), json!({})),
        Rule::InvalidPropertyKey,
        &format!("{C0}/visible"),
    );
}

#[test]
fn chips_items_take_only_their_five_properties() {
    let chips = |item: Value| {
        flow(
            "7.3",
            json!([{"type": "Form", "name": "f", "children": [
            {"type": "ChipsSelector", "name": "c", "label": "Pick",
             "data-source": [{"id": "a", "title": "A"}, item]}]}]),
        )
    };
    assert_clean(&chips(json!({"id": "b", "title": "B", "enabled": false})));
    let doc = chips(json!({"id": "b", "title": "B", "description": "no"}));
    assert_error(
        &doc,
        Rule::InvalidPropertyKey,
        &format!("{C0}/children/0/data-source/1/description"),
    );
}

#[test]
fn chips_on_select_action_needs_7_1() {
    let chips = |version: &str| {
        flow(
            version,
            json!([{"type": "Form", "name": "f", "children": [
            {"type": "ChipsSelector", "name": "c", "label": "Pick",
             "data-source": [{"id": "a", "title": "A"}, {"id": "b", "title": "B"}],
             "on-select-action": {"name": "data_exchange", "payload": {}}}]}]),
        )
    };
    assert_error(
        &chips("6.3"),
        Rule::InvalidPropertyKey,
        &format!("{C0}/children/0/on-select-action"),
    );
    let findings = validate_value(&chips("7.1"));
    assert!(!found(
        &findings,
        Rule::InvalidPropertyKey,
        &format!("{C0}/children/0/on-select-action"),
        Severity::Error
    ));
}

#[test]
fn rich_text_string_does_not_interpolate_from_6_0() {
    // RichText may share its screen with a Footer from 6.3.
    let rich = |text: Value| flow("7.3", json!([{"type": "RichText", "text": text}]));
    assert_error(
        &rich(json!("Hello ${data.name}")),
        Rule::UnsupportedRichTextStringInterpolation,
        &format!("{C0}/text"),
    );
    assert_clean(&rich(json!("${data.name}")));
    assert_clean(&rich(json!(["Hello ${data.name}"])));
}

#[test]
fn text_array_items_are_not_bindings() {
    for kind in ["RichText", "TextBody", "TextCaption"] {
        let mut doc = flow(
            "7.3",
            json!([{"type": kind, "text": ["# Title", "${data.name}"]}]),
        );
        if kind == "RichText" {
            doc["screens"][0]["layout"]["children"]
                .as_array_mut()
                .unwrap()
                .pop();
        }
        assert_error(&doc, Rule::InvalidTextDynamicData, &format!("{C0}/text/1"));
    }
}

#[test]
fn form_init_values_of_number_inputs_are_numbers_from_7_0() {
    let doc = |version: &str, value: Value| {
        flow(
            version,
            json!([{"type": "Form", "name": "f", "init-values": {"t": value},
             "children": [{"type": "TextInput", "name": "t", "label": "Num", "input-type": "number"}]}]),
        )
    };
    let at = format!("{C0}/init-values/t");
    assert_error(&doc("7.0", json!("abc")), Rule::InvalidPropertyType, &at);
    assert_error(&doc("7.0", json!("25")), Rule::InvalidPropertyType, &at);
    assert_clean(&doc("7.0", json!(25)));
    assert_clean(&doc("6.3", json!("25")));
}

#[test]
fn a_whole_string_with_two_bindings_is_one_greedy_binding() {
    let doc = flow(
        "7.3",
        json!([{"type": "TextBody", "text": "${data.name} and ${data.name}"}]),
    );
    assert_error(&doc, Rule::InvalidScreenDynamicData, &format!("{C0}/text"));
}

#[test]
fn pattern_without_helper_text_is_a_missing_required_property() {
    let doc = flow(
        "7.3",
        json!([{"type": "Form", "name": "f", "children": [
        {"type": "TextInput", "name": "t", "label": "Code", "input-type": "text", "pattern": "^[a-z]+$"}]}]),
    );
    assert_error(
        &doc,
        Rule::MissingRequiredProperty,
        &format!("{C0}/children/0/pattern"),
    );
}

#[test]
fn text_that_only_looks_like_a_binding_is_a_literal_warning() {
    for text in [
        "Hello ${data.missing}!",
        "${data.name}!",
        "${form}",
        "${environment.timestamp}",
        "${screen.A.foo}",
    ] {
        let doc = flow("7.3", json!([{"type": "TextBody", "text": text}]));
        let findings = validate_document(&doc);
        assert!(
            !findings.iter().any(Finding::is_error),
            "{text}: {findings:#?}"
        );
        assert!(
            found(
                &findings,
                Rule::LiteralReferenceText,
                &format!("{C0}/text"),
                Severity::Warning
            ),
            "{text}"
        );
    }
}

#[test]
fn terminal_screens_need_not_appear_in_the_routing_model() {
    let mut doc = flow("7.3", json!([]));
    doc["data_api_version"] = json!("3.0");
    doc["routing_model"] = json!({});
    assert_clean(&doc);
}

#[test]
fn calendar_and_chips_outside_a_form_warn() {
    let doc = flow(
        "7.3",
        json!([
        {"type": "CalendarPicker", "name": "d", "label": "Day"},
        {"type": "Form", "name": "f", "children": [{"type": "TextInput", "name": "t", "label": "T"}]}]),
    );
    let findings = validate_document(&doc);
    assert!(!findings.iter().any(Finding::is_error), "{findings:#?}");
    assert!(found(
        &findings,
        Rule::InputOutsideForm,
        C0,
        Severity::Warning
    ));
}

#[test]
fn navigation_list_may_sit_in_a_form() {
    let doc = json!({"version": "7.3", "screens": [
        {"id": "L", "title": "Pick", "layout": {"type": "SingleColumnLayout", "children": [
            {"type": "Form", "name": "f", "children": [{"type": "NavigationList", "name": "nl",
             "list-items": [{"id": "1", "main-content": {"title": "One"}, "on-click-action":
             {"name": "navigate", "next": {"type": "screen", "name": "D"}, "payload": {}}}]}]}]}},
        {"id": "D", "title": "Done", "terminal": true, "layout": {"type": "SingleColumnLayout",
         "children": [{"type": "Footer", "label": "Close", "on-click-action": {"name": "complete", "payload": {}}}]}}]});
    assert_clean(&doc);
}

#[test]
fn item_actions_exclude_the_components_own() {
    let group = |item_action: bool| {
        let mut item = json!({"id": "a", "title": "A"});
        if item_action {
            item["on-select-action"] = json!({"name": "update_data", "payload": {}});
        }
        flow(
            "7.3",
            json!([{"type": "Form", "name": "f", "children": [
            {"type": "RadioButtonsGroup", "name": "r", "label": "Pick",
             "data-source": [item, {"id": "b", "title": "B"}],
             "on-select-action": {"name": "data_exchange", "payload": {}}}]}]),
        )
    };
    let at = format!("{C0}/children/0/data-source/0/on-select-action");
    let findings = validate_value(&group(false));
    assert!(!found(
        &findings,
        Rule::InvalidUpdateDataActionPayload,
        &at,
        Severity::Error
    ));
    let findings = validate_value(&group(true));
    assert!(
        found(
            &findings,
            Rule::InvalidUpdateDataActionPayload,
            &at,
            Severity::Error
        ),
        "{findings:#?}"
    );
}

#[test]
fn static_update_data_values_have_the_declared_type() {
    let doc = |value: Value| {
        let mut doc = flow(
            "7.3",
            json!([{"type": "Form", "name": "f", "children": [
            {"type": "OptIn", "name": "o", "label": "Yes",
             "on-select-action": {"name": "update_data", "payload": {"name": value}}}]}]),
        );
        doc["screens"][0]["data"]["count"] = json!({"type": "number", "__example__": 1});
        doc
    };
    let at = format!("{C0}/children/0/on-select-action/payload/name");
    let findings = validate_value(&doc(json!(5)));
    assert!(
        found(
            &findings,
            Rule::InvalidUpdateDataActionPayload,
            &at,
            Severity::Error
        ),
        "{findings:#?}"
    );
    for fine in [json!("Bob"), json!("${form.o}"), json!("`'a' + 'b'`")] {
        let findings = validate_value(&doc(fine.clone()));
        assert!(
            !found(
                &findings,
                Rule::InvalidUpdateDataActionPayload,
                &at,
                Severity::Error
            ),
            "{fine}: {findings:#?}"
        );
    }
}
