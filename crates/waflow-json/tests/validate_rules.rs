#![allow(clippy::unwrap_used, clippy::expect_used)]
//! One valid and one invalid example per validator rule. The valid example of every rule is
//! [`base`] (a 7.3 endpoint flow with no finding at all) unless the test builds its own; each
//! invalid example changes one thing and expects the rule at the JSON Pointer of that thing.

use serde_json::{Value, json};
use waflow_json::validate::{Finding, Rule, Severity, has_errors, validate_value};

/// A clean 7.3 flow: two screens, a Form, a navigate with a typed payload, a terminal screen.
fn base() -> Value {
    json!({
        "version": "7.3",
        "data_api_version": "3.0",
        "routing_model": {"FIRST": ["SECOND"], "SECOND": []},
        "screens": [
            {
                "id": "FIRST",
                "title": "First",
                "data": {"name": {"type": "string", "__example__": "Ann"}},
                "layout": {"type": "SingleColumnLayout", "children": [
                    {"type": "TextHeading", "text": "${data.name}"},
                    {"type": "Form", "name": "form", "children": [
                        {"type": "TextInput", "name": "email", "label": "Email",
                         "input-type": "email", "required": true},
                        {"type": "Footer", "label": "Next", "on-click-action": {
                            "name": "navigate",
                            "next": {"type": "screen", "name": "SECOND"},
                            "payload": {"email": "${form.email}", "count": 1}
                        }}
                    ]}
                ]}
            },
            {
                "id": "SECOND",
                "title": "Second",
                "terminal": true,
                "data": {
                    "email": {"type": "string", "__example__": "a@b.c"},
                    "count": {"type": "integer", "__example__": 2}
                },
                "layout": {"type": "SingleColumnLayout", "children": [
                    {"type": "TextBody", "text": "${data.email}"},
                    {"type": "Footer", "label": "Done", "on-click-action": {
                        "name": "complete", "payload": {"email": "${data.email}"}
                    }}
                ]}
            }
        ]
    })
}

/// Pointer of the first screen's children and the Form's children.
const TOP: &str = "/screens/0/layout/children";
const FORM: &str = "/screens/0/layout/children/1/children";

fn set(doc: &mut Value, pointer: &str, value: Value) {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let parent = doc.pointer_mut(parent).unwrap();
    match parent {
        Value::Object(map) => {
            map.insert(key.replace("~1", "/").replace("~0", "~"), value);
        }
        Value::Array(items) => {
            let index: usize = key.parse().unwrap();
            if index == items.len() {
                items.push(value);
            } else {
                items[index] = value;
            }
        }
        _ => panic!("cannot set {pointer}"),
    }
}

fn remove(doc: &mut Value, pointer: &str) {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    match doc.pointer_mut(parent).unwrap() {
        Value::Object(map) => {
            map.shift_remove(key).unwrap();
        }
        Value::Array(items) => {
            items.remove(key.parse::<usize>().unwrap());
        }
        _ => panic!("cannot remove {pointer}"),
    }
}

fn with(change: impl FnOnce(&mut Value)) -> Value {
    let mut doc = base();
    change(&mut doc);
    doc
}

fn describe(findings: &[Finding]) -> String {
    findings
        .iter()
        .map(|f| format!("\n  {} {f}", f.severity))
        .collect()
}

#[track_caller]
fn assert_finding(doc: &Value, rule: Rule, pointer: &str) -> Finding {
    let findings = validate_value(doc);
    findings
        .iter()
        .find(|f| f.rule == rule && f.pointer == pointer)
        .cloned()
        .unwrap_or_else(|| panic!("expected {rule} at {pointer}, got:{}", describe(&findings)))
}

#[track_caller]
fn assert_no(doc: &Value, rule: Rule) {
    let findings = validate_value(doc);
    assert!(
        findings.iter().all(|f| f.rule != rule),
        "unexpected {rule}:{}",
        describe(&findings)
    );
}

#[test]
fn base_flow_is_clean() {
    let findings = validate_value(&base());
    assert!(findings.is_empty(), "{}", describe(&findings));
}

#[test]
fn not_an_object_is_invalid_flow_json() {
    let finding = assert_finding(&json!([1, 2]), Rule::InvalidFlowJson, "");
    assert_eq!(finding.severity, Severity::Error);
    assert_no(&base(), Rule::InvalidFlowJson);
}

#[test]
fn missing_version() {
    assert_finding(
        &with(|d| remove(d, "/version")),
        Rule::MissingFlowJsonVersion,
        "",
    );
    assert_no(&base(), Rule::MissingFlowJsonVersion);
}

#[test]
fn unknown_version() {
    let doc = with(|d| set(d, "/version", json!("7.4")));
    assert_finding(&doc, Rule::InvalidFlowJsonVersion, "/version");
    assert_no(&base(), Rule::InvalidFlowJsonVersion);
}

#[test]
fn frozen_version_is_a_warning() {
    let doc = with(|d| set(d, "/version", json!("5.0")));
    let finding = assert_finding(&doc, Rule::FrozenFlowJsonVersion, "/version");
    assert_eq!(finding.severity, Severity::Warning);
    assert!(finding.message.contains("5.0"));
    assert_no(
        &with(|d| set(d, "/version", json!("5.1"))),
        Rule::FrozenFlowJsonVersion,
    );
}

#[test]
fn data_api_version_must_exist() {
    let doc = with(|d| set(d, "/data_api_version", json!("2.0")));
    assert_finding(&doc, Rule::InvalidDataApiVersion, "/data_api_version");
    assert_no(
        &with(|d| set(d, "/data_api_version", json!("4.0"))),
        Rule::InvalidDataApiVersion,
    );
}

#[test]
fn data_api_version_needs_a_routing_model() {
    let doc = with(|d| remove(d, "/routing_model"));
    let finding = assert_finding(&doc, Rule::MissingRequiredProperty, "");
    assert!(finding.message.contains("routing_model"));
}

#[test]
fn data_channel_uri_is_gone_from_3_0() {
    let doc = with(|d| set(d, "/data_channel_uri", json!("https://example.com")));
    assert_finding(&doc, Rule::InvalidPropertyKey, "/data_channel_uri");
    let old = with(|d| {
        set(d, "/version", json!("2.1"));
        set(d, "/data_channel_uri", json!("https://example.com"));
    });
    assert!(
        validate_value(&old)
            .iter()
            .all(|f| f.pointer != "/data_channel_uri")
    );
}

#[test]
fn screens_must_not_be_empty() {
    let doc = with(|d| set(d, "/screens", json!([])));
    assert_finding(&doc, Rule::MinItemsRequired, "/screens");
}

#[test]
fn more_than_100_screens() {
    let doc = with(|d| {
        let screen = d["screens"][1].clone();
        let screens = d["screens"].as_array_mut().unwrap();
        for i in 0..100 {
            let mut copy = screen.clone();
            copy["id"] = json!(format!("EXTRA_{}", "X".repeat(i + 1)));
            screens.push(copy);
        }
    });
    assert_finding(&doc, Rule::MaxScreensNumber, "/screens");
    assert_no(&base(), Rule::MaxScreensNumber);
}

#[test]
fn duplicate_screen_ids() {
    let doc = with(|d| set(d, "/screens/1/id", json!("FIRST")));
    assert_finding(&doc, Rule::DuplicateScreenIds, "/screens/1/id");
}

#[test]
fn success_is_a_reserved_screen_id() {
    let doc = with(|d| set(d, "/screens/1/id", json!("SUCCESS")));
    assert_finding(&doc, Rule::ScreenIdIsReservedKeyword, "/screens/1/id");
}

#[test]
fn screen_ids_are_letters_and_underscores() {
    let doc = with(|d| set(d, "/screens/1/id", json!("SECOND-2")));
    assert_finding(&doc, Rule::PatternMismatch, "/screens/1/id");
    let underscores = with(|d| set(d, "/screens/1/id", json!("___")));
    assert_finding(&underscores, Rule::PatternMismatch, "/screens/1/id");
    assert_no(&base(), Rule::PatternMismatch);
}

#[test]
fn unknown_screen_key() {
    let doc = with(|d| set(d, "/screens/0/colour", json!("red")));
    assert_finding(&doc, Rule::InvalidPropertyKey, "/screens/0/colour");
}

#[test]
fn sensitive_needs_5_1_and_known_names() {
    let doc = with(|d| set(d, "/screens/0/sensitive", json!(["email", "pin"])));
    assert_finding(&doc, Rule::InvalidSensitiveField, "/screens/0/sensitive/1");
    assert!(
        validate_value(&doc)
            .iter()
            .all(|f| f.pointer != "/screens/0/sensitive/0")
    );
    let old = with(|d| {
        set(d, "/version", json!("5.0"));
        set(d, "/screens/0/sensitive", json!(["email"]));
    });
    assert_finding(&old, Rule::InvalidPropertyKey, "/screens/0/sensitive");
}

#[test]
fn a_flow_needs_a_terminal_screen() {
    let doc = with(|d| remove(d, "/screens/1/terminal"));
    assert_finding(&doc, Rule::MissingTerminalScreen, "/screens");
    assert_no(&base(), Rule::MissingTerminalScreen);
}

#[test]
fn a_terminal_screen_needs_a_footer() {
    let doc = with(|d| remove(d, "/screens/1/layout/children/1"));
    assert_finding(&doc, Rule::MissingFooterOnTerminalScreen, "/screens/1");
    assert_no(&base(), Rule::MissingFooterOnTerminalScreen);
}

#[test]
fn success_only_on_terminal_screens_and_one_must_succeed() {
    let doc = with(|d| set(d, "/screens/0/success", json!(true)));
    assert_finding(&doc, Rule::InvalidDependencies, "/screens/0/success");
    let failing = with(|d| set(d, "/screens/1/success", json!(false)));
    let finding = assert_finding(&failing, Rule::InvalidPropertyValue, "/screens");
    assert!(finding.message.contains("success"));
    assert_no(
        &with(|d| set(d, "/screens/1/success", json!(true))),
        Rule::InvalidDependencies,
    );
}

#[test]
fn refresh_on_back_needs_an_endpoint() {
    let doc = with(|d| {
        remove(d, "/data_api_version");
        set(d, "/screens/0/refresh_on_back", json!(true));
    });
    assert_finding(
        &doc,
        Rule::InvalidPropertyValue,
        "/screens/0/refresh_on_back",
    );
    let ok = with(|d| set(d, "/screens/0/refresh_on_back", json!(true)));
    assert_no(&ok, Rule::InvalidPropertyValue);
}

#[test]
fn data_model_fields_need_a_type() {
    let doc = with(|d| remove(d, "/screens/0/data/name/type"));
    let finding = assert_finding(&doc, Rule::InvalidScreenData, "/screens/0/data/name");
    assert_eq!(
        finding.message,
        "Missing the definition of property 'type'."
    );
}

#[test]
fn data_model_arrays_need_items() {
    let doc = with(|d| {
        set(
            d,
            "/screens/0/data/list",
            json!({"type": "array", "__example__": []}),
        );
    });
    let finding = assert_finding(&doc, Rule::InvalidScreenData, "/screens/0/data/list");
    assert!(finding.message.contains("items"));
    let ok = with(|d| {
        set(
            d,
            "/screens/0/data/list",
            json!({"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}}},
                   "__example__": [{"id": "1"}]}),
        );
    });
    assert_no(&ok, Rule::InvalidScreenData);
}

#[test]
fn data_model_fields_need_an_example_at_top_level_only() {
    let missing = with(|d| remove(d, "/screens/0/data/name/__example__"));
    assert_finding(&missing, Rule::InvalidScreenData, "/screens/0/data/name");
    let nested = with(|d| {
        set(
            d,
            "/screens/0/data/user",
            json!({"type": "object", "properties": {"id": {"type": "string", "__example__": "1"}},
                   "__example__": {"id": "1"}}),
        );
    });
    assert_finding(
        &nested,
        Rule::InvalidScreenData,
        "/screens/0/data/user/properties/id/__example__",
    );
}

#[test]
fn example_must_agree_with_the_declared_type() {
    let doc = with(|d| set(d, "/screens/1/data/count/__example__", json!("two")));
    let finding = assert_finding(
        &doc,
        Rule::InvalidScreenData,
        "/screens/1/data/count/__example__",
    );
    assert!(finding.message.contains("'integer'") && finding.message.contains("'string'"));
    let nested = with(|d| {
        set(
            d,
            "/screens/0/data/list",
            json!({"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}}},
                   "__example__": [{"id": 1}]}),
        );
    });
    assert_finding(
        &nested,
        Rule::InvalidScreenData,
        "/screens/0/data/list/__example__/0/id",
    );
}

#[test]
fn unknown_component() {
    let doc = with(|d| set(d, &format!("{TOP}/0/type"), json!("Heading")));
    assert_finding(&doc, Rule::InvalidPropertyValue, &format!("{TOP}/0/type"));
}

#[test]
fn component_gated_by_version() {
    let carousel = json!({"type": "ImageCarousel", "images": [{"src": "aGk=", "alt-text": "hi"}]});
    let doc = with(|d| {
        set(d, "/version", json!("7.0"));
        set(d, &format!("{TOP}/2"), carousel.clone());
    });
    let finding = assert_finding(&doc, Rule::InvalidPropertyValue, &format!("{TOP}/2/type"));
    assert!(finding.message.contains("7.1"));
    let ok = with(|d| set(d, &format!("{TOP}/2"), carousel));
    assert_no(&ok, Rule::InvalidPropertyValue);
}

#[test]
fn property_gated_by_version() {
    let doc = with(|d| {
        set(d, "/version", json!("6.3"));
        set(d, &format!("{FORM}/0/label-variant"), json!("large"));
    });
    assert_finding(
        &doc,
        Rule::InvalidPropertyKey,
        &format!("{FORM}/0/label-variant"),
    );
    let ok = with(|d| set(d, &format!("{FORM}/0/label-variant"), json!("large")));
    assert_no(&ok, Rule::InvalidPropertyKey);
}

#[test]
fn unknown_property() {
    let doc = with(|d| set(d, &format!("{TOP}/0/colour"), json!("red")));
    let finding = assert_finding(&doc, Rule::InvalidPropertyKey, &format!("{TOP}/0/colour"));
    assert_eq!(
        finding.message,
        "Property 'colour' is not allowed in 'TextHeading' component."
    );
}

#[test]
fn required_property() {
    let doc = with(|d| remove(d, &format!("{FORM}/0/label")));
    let finding = assert_finding(&doc, Rule::MissingRequiredProperty, &format!("{FORM}/0"));
    assert_eq!(finding.message, "Required property 'label' is missing.");
}

#[test]
fn property_types() {
    let doc = with(|d| set(d, &format!("{FORM}/0/required"), json!("yes")));
    assert_finding(
        &doc,
        Rule::InvalidPropertyType,
        &format!("{FORM}/0/required"),
    );
    let dynamic = with(|d| {
        set(
            d,
            "/screens/0/data/must",
            json!({"type": "boolean", "__example__": true}),
        );
        set(d, &format!("{FORM}/0/required"), json!("${data.must}"));
    });
    assert_no(&dynamic, Rule::InvalidPropertyType);
}

#[test]
fn enum_values() {
    let doc = with(|d| set(d, &format!("{FORM}/0/input-type"), json!("mail")));
    assert_finding(
        &doc,
        Rule::InvalidEnumValue,
        &format!("{FORM}/0/input-type"),
    );
}

#[test]
fn blank_text_from_6_0() {
    let doc = with(|d| set(d, &format!("{TOP}/0/text"), json!("  ")));
    assert_finding(&doc, Rule::PatternMismatch, &format!("{TOP}/0/text"));
    let old = with(|d| {
        set(d, "/version", json!("5.1"));
        set(d, &format!("{TOP}/0/text"), json!("  "));
    });
    assert_no(&old, Rule::PatternMismatch);
}

#[test]
fn min_greater_than_max() {
    let doc = with(|d| {
        set(d, &format!("{FORM}/0/min-chars"), json!(10));
        set(d, &format!("{FORM}/0/max-chars"), json!(5));
    });
    assert_finding(
        &doc,
        Rule::MinValueGreaterThanMax,
        &format!("{FORM}/0/min-chars"),
    );
    let ok = with(|d| {
        set(d, &format!("{FORM}/0/min-chars"), json!(5));
        set(d, &format!("{FORM}/0/max-chars"), json!(10));
    });
    assert_no(&ok, Rule::MinValueGreaterThanMax);
}

#[test]
fn footer_captions_pair_up() {
    let doc = with(|d| {
        set(
            d,
            "/screens/1/layout/children/1/left-caption",
            json!("Left"),
        )
    });
    assert_finding(
        &doc,
        Rule::InvalidDependencies,
        "/screens/1/layout/children/1",
    );
    let ok = with(|d| {
        set(
            d,
            "/screens/1/layout/children/1/center-caption",
            json!("Mid"),
        )
    });
    assert_no(&ok, Rule::InvalidDependencies);
}

fn radio(items: Value) -> Value {
    json!({"type": "RadioButtonsGroup", "name": "pick", "label": "Pick", "data-source": items})
}

#[test]
fn data_source_items_use_image_or_color() {
    let items = json!([{"id": "a", "title": "A", "image": "aGk="}, {"id": "b", "title": "B", "color": "#112233"}]);
    let doc = with(|d| set(d, &format!("{FORM}/1"), radio(items)));
    assert_finding(
        &doc,
        Rule::DataSourceItemsHaveBothImageAndColor,
        &format!("{FORM}/1/data-source"),
    );
    let ok = with(|d| {
        set(
            d,
            &format!("{FORM}/1"),
            radio(json!([{"id": "a", "title": "A", "color": "#112233"}])),
        )
    });
    assert_no(&ok, Rule::DataSourceItemsHaveBothImageAndColor);
    let bad_color = with(|d| {
        set(
            d,
            &format!("{FORM}/1"),
            radio(json!([{"id": "a", "title": "A", "color": "red"}])),
        )
    });
    assert_finding(
        &bad_color,
        Rule::PatternMismatch,
        &format!("{FORM}/1/data-source/0/color"),
    );
}

#[test]
fn data_source_item_counts() {
    let doc = with(|d| set(d, &format!("{FORM}/1"), radio(json!([]))));
    assert_finding(
        &doc,
        Rule::MinItemsRequired,
        &format!("{FORM}/1/data-source"),
    );
    let many: Vec<Value> = (0..21)
        .map(|i| json!({"id": i.to_string(), "title": "T"}))
        .collect();
    let doc = with(|d| set(d, &format!("{FORM}/1"), radio(Value::Array(many))));
    assert_finding(
        &doc,
        Rule::MaxItemsRequired,
        &format!("{FORM}/1/data-source"),
    );
}

#[test]
fn inputs_outside_the_form() {
    let input = json!({"type": "TextInput", "name": "nick", "label": "Nick"});
    let doc = with(|d| set(d, &format!("{TOP}/2"), input.clone()));
    assert_finding(&doc, Rule::ComponentsOutsideForm, &format!("{TOP}/2"));
    let before_4 = with(|d| {
        set(d, "/version", json!("3.1"));
        set(d, &format!("{TOP}/2"), input.clone());
    });
    assert_finding(&before_4, Rule::KeywordOneOf, &format!("{TOP}/2"));
    let no_form = with(|d| {
        set(d, "/screens/1/layout/children/2", input);
    });
    assert_no(&no_form, Rule::ComponentsOutsideForm);
}

#[test]
fn duplicate_component_names() {
    let doc = with(|d| {
        set(
            d,
            &format!("{FORM}/2"),
            json!({"type": "TextArea", "name": "email", "label": "Again"}),
        );
    });
    assert_finding(
        &doc,
        Rule::DuplicateFormComponentNames,
        &format!("{FORM}/2/name"),
    );
}

#[test]
fn init_value_inside_a_form() {
    let doc = with(|d| set(d, &format!("{FORM}/0/init-value"), json!("a@b.c")));
    assert_finding(
        &doc,
        Rule::InvalidPropertyKey,
        &format!("{FORM}/0/init-value"),
    );
    let ok = with(|d| {
        set(
            d,
            "/screens/0/layout/children/1/init-values",
            json!({"email": "a@b.c"}),
        )
    });
    assert_no(&ok, Rule::InvalidPropertyKey);
    assert_no(&ok, Rule::InvalidPropertyValue);
}

#[test]
fn init_values_name_fields_of_the_form() {
    let doc = with(|d| {
        set(
            d,
            "/screens/0/layout/children/1/init-values",
            json!({"mail": "x"}),
        )
    });
    assert_finding(
        &doc,
        Rule::InvalidPropertyValue,
        "/screens/0/layout/children/1/init-values/mail",
    );
}

#[test]
fn pickers_cannot_be_initialised() {
    let doc = with(|d| {
        set(
            d,
            &format!("{FORM}/2"),
            json!({"type": "PhotoPicker", "name": "photo", "label": "Photo"}),
        );
        set(
            d,
            "/screens/0/layout/children/1/init-values",
            json!({"photo": "x"}),
        );
    });
    assert_finding(
        &doc,
        Rule::NativeComponentInFormInitValues,
        "/screens/0/layout/children/1/init-values/photo",
    );
}

#[test]
fn per_screen_caps() {
    let link = json!({"type": "EmbeddedLink", "text": "More", "on-click-action": {"name": "data_exchange", "payload": {}}});
    let doc = with(|d| {
        for i in 2..5 {
            set(d, &format!("{TOP}/{i}"), link.clone());
        }
    });
    let finding = assert_finding(&doc, Rule::ComponentTypeMaxNumberPerScreen, "/screens/0");
    assert!(finding.message.contains("EmbeddedLink"));
    let two = with(|d| {
        for i in 2..4 {
            set(d, &format!("{TOP}/{i}"), link.clone());
        }
    });
    assert_no(&two, Rule::ComponentTypeMaxNumberPerScreen);
}

#[test]
fn one_footer_per_screen() {
    let doc = with(|d| {
        let footer = d.pointer(&format!("{FORM}/1")).unwrap().clone();
        set(d, &format!("{TOP}/2"), footer);
    });
    assert_finding(&doc, Rule::MoreThanOneFooter, "/screens/0");
}

#[test]
fn fifty_components_per_screen() {
    let doc = with(|d| {
        for i in 2..52 {
            set(
                d,
                &format!("{TOP}/{i}"),
                json!({"type": "TextBody", "text": "x"}),
            );
        }
    });
    assert_finding(&doc, Rule::MaxAllowedComponentsPerScreen, "/screens/0");
}

#[test]
fn photo_and_document_picker_not_together() {
    let doc = with(|d| {
        set(
            d,
            &format!("{FORM}/2"),
            json!({"type": "PhotoPicker", "name": "p", "label": "P"}),
        );
        set(
            d,
            &format!("{FORM}/3"),
            json!({"type": "DocumentPicker", "name": "d", "label": "D"}),
        );
    });
    assert_finding(&doc, Rule::InvalidComponentPlacement, "/screens/0");
}

#[test]
fn picker_ranges() {
    let doc = with(|d| {
        set(
            d,
            &format!("{FORM}/2"),
            json!({"type": "PhotoPicker", "name": "p", "label": "P", "max-uploaded-photos": 31}),
        );
    });
    assert_finding(
        &doc,
        Rule::MaximumValueRequired,
        &format!("{FORM}/2/max-uploaded-photos"),
    );
}

#[test]
fn rich_text_placement() {
    let rich = json!({"type": "RichText", "text": "# Terms"});
    let doc = with(|d| {
        set(d, "/version", json!("6.2"));
        set(d, "/screens/1/layout/children/0", rich.clone());
    });
    assert_finding(
        &doc,
        Rule::InvalidRichtextPlacement,
        "/screens/1/layout/children/0",
    );
    let ok = with(|d| set(d, "/screens/1/layout/children/0", rich));
    assert_no(&ok, Rule::InvalidRichtextPlacement);
}

#[test]
fn text_longer_than_shown_is_a_truncation_warning() {
    let doc = with(|d| {
        set(
            d,
            &format!("{FORM}/0/label"),
            json!("An e-mail address, please"),
        )
    });
    let finding = assert_finding(&doc, Rule::TextTruncated, &format!("{FORM}/0/label"));
    assert_eq!(finding.severity, Severity::Warning);
    assert!(!has_errors(&validate_value(&doc)));
    assert_no(&base(), Rule::TextTruncated);
}

#[test]
fn if_branches_and_footers() {
    let footer = json!({"type": "Footer", "label": "Done", "on-click-action": {"name": "complete", "payload": {}}});
    let doc = with(|d| {
        set(
            d,
            "/screens/1/layout/children/1",
            json!({"type": "If", "condition": "${data.count} > 1", "then": [footer.clone()]}),
        );
    });
    assert_finding(
        &doc,
        Rule::MissingFooterInIfElseBranches,
        "/screens/1/layout/children/1",
    );
    let ok = with(|d| {
        set(
            d,
            "/screens/1/layout/children/1",
            json!({"type": "If", "condition": "${data.count} > 1", "then": [footer.clone()], "else": [footer.clone()]}),
        );
    });
    assert!(
        validate_value(&ok).is_empty(),
        "{}",
        describe(&validate_value(&ok))
    );
    let empty = with(|d| {
        set(
            d,
            "/screens/1/layout/children/2",
            json!({"type": "If", "condition": "${data.count} > 1", "then": []}),
        );
    });
    assert_finding(
        &empty,
        Rule::InvalidPropertyValue,
        "/screens/1/layout/children/2/then",
    );
    let literal = with(|d| {
        set(
            d,
            "/screens/1/layout/children/2",
            json!({"type": "If", "condition": "1 > 2", "then": [{"type": "TextBody", "text": "x"}]}),
        );
    });
    assert_finding(
        &literal,
        Rule::InvalidPropertyValue,
        "/screens/1/layout/children/2/condition",
    );
}

#[test]
fn if_nesting_is_at_most_three() {
    let mut inner = json!({"type": "TextBody", "text": "deep"});
    for _ in 0..4 {
        inner = json!({"type": "If", "condition": "${data.count} > 1", "then": [inner]});
    }
    let doc = with(|d| set(d, "/screens/1/layout/children/2", inner));
    assert_finding(
        &doc,
        Rule::MaximumIfNesting,
        "/screens/1/layout/children/2/then/0/then/0/then/0",
    );
    assert_no(&base(), Rule::MaximumIfNesting);
}

#[test]
fn switch_cases() {
    let footer = json!({"type": "Footer", "label": "Done", "on-click-action": {"name": "complete", "payload": {}}});
    let doc = with(|d| {
        set(
            d,
            "/screens/1/layout/children/1",
            json!({"type": "Switch", "value": "${data.email}", "cases": {"a": [footer.clone()], "b": [{"type": "TextBody", "text": "b"}]}}),
        );
    });
    assert_finding(
        &doc,
        Rule::MissingFooterInSwitchBranches,
        "/screens/1/layout/children/1",
    );
    let ok = with(|d| {
        set(
            d,
            "/screens/1/layout/children/1",
            json!({"type": "Switch", "value": "${data.email}", "cases": {"a": [footer.clone()], "b": [footer.clone()]}}),
        );
    });
    assert!(
        validate_value(&ok).is_empty(),
        "{}",
        describe(&validate_value(&ok))
    );
    let empty = with(|d| {
        set(
            d,
            "/screens/1/layout/children/2",
            json!({"type": "Switch", "value": "${data.email}", "cases": {}}),
        );
    });
    assert_finding(
        &empty,
        Rule::EmptySwitchCases,
        "/screens/1/layout/children/2/cases",
    );
}

#[test]
fn components_allowed_in_branches() {
    let doc = with(|d| {
        set(
            d,
            "/screens/1/layout/children/2",
            json!({"type": "If", "condition": "${data.count} > 1", "then": [{"type": "RichText", "text": "x"}]}),
        );
    });
    assert_finding(
        &doc,
        Rule::InvalidComponentPlacement,
        "/screens/1/layout/children/2/then/0",
    );
}

#[test]
fn data_refs_must_be_declared() {
    let doc = with(|d| set(d, &format!("{TOP}/0/text"), json!("${data.surname}")));
    let finding = assert_finding(
        &doc,
        Rule::InvalidScreenDynamicData,
        &format!("{TOP}/0/text"),
    );
    assert!(finding.message.contains("${data.surname}"));
    let nested = with(|d| {
        set(
            d,
            "/screens/0/data/user",
            json!({"type": "object", "properties": {"name": {"type": "string"}}, "__example__": {"name": "A"}}),
        );
        set(d, &format!("{TOP}/0/text"), json!("${data.user.name}"));
    });
    assert_no(&nested, Rule::InvalidScreenDynamicData);
    let nested_missing = with(|d| {
        set(
            d,
            "/screens/0/data/user",
            json!({"type": "object", "properties": {"name": {"type": "string"}}, "__example__": {"name": "A"}}),
        );
        set(d, &format!("{TOP}/0/text"), json!("${data.user.age}"));
    });
    assert_finding(
        &nested_missing,
        Rule::InvalidScreenDynamicData,
        &format!("{TOP}/0/text"),
    );
}

#[test]
fn form_refs_must_name_a_field() {
    let doc = with(|d| {
        set(
            d,
            &format!("{FORM}/1/on-click-action/payload/email"),
            json!("${form.mail}"),
        )
    });
    let finding = assert_finding(
        &doc,
        Rule::InvalidOnClickActionPayload,
        &format!("{FORM}/1/on-click-action/payload/email"),
    );
    assert_eq!(
        finding.message,
        "Missing Form component ${form.mail} for screen 'FIRST'."
    );
    let form_itself = with(|d| {
        set(
            d,
            &format!("{FORM}/1/on-click-action/payload/email"),
            json!("${form.form}"),
        )
    });
    assert_finding(
        &form_itself,
        Rule::InvalidOnClickActionPayload,
        &format!("{FORM}/1/on-click-action/payload/email"),
    );
}

#[test]
fn global_refs() {
    let ok = with(|d| {
        set(
            d,
            "/screens/1/layout/children/0/text",
            json!("${screen.FIRST.form.email}"),
        )
    });
    assert_no(&ok, Rule::InvalidScreenDynamicData);
    let own = with(|d| {
        set(
            d,
            "/screens/1/layout/children/0/text",
            json!("${screen.SECOND.data.email}"),
        )
    });
    assert_finding(
        &own,
        Rule::InvalidScreenDynamicData,
        "/screens/1/layout/children/0/text",
    );
    let unknown = with(|d| {
        set(
            d,
            "/screens/1/layout/children/0/text",
            json!("${screen.THIRD.data.x}"),
        )
    });
    assert_finding(
        &unknown,
        Rule::InvalidScreenDynamicData,
        "/screens/1/layout/children/0/text",
    );
    let old = with(|d| {
        set(d, "/version", json!("3.1"));
        set(
            d,
            "/screens/1/layout/children/0/text",
            json!("${screen.FIRST.form.email}"),
        );
    });
    assert_finding(
        &old,
        Rule::InvalidScreenDynamicData,
        "/screens/1/layout/children/0/text",
    );
}

#[test]
fn malformed_refs() {
    // Not Meta's binding grammar: shown literally, a warning (FP-1/FP-4 of the findings).
    let doc = with(|d| set(d, &format!("{TOP}/0/text"), json!("${name}")));
    let finding = assert_finding(&doc, Rule::LiteralReferenceText, &format!("{TOP}/0/text"));
    assert_eq!(finding.severity, Severity::Warning);
    // A whole binding whose key is no property path is an error.
    let doc = with(|d| set(d, &format!("{TOP}/0/text"), json!("${data.first name}")));
    assert_finding(
        &doc,
        Rule::InvalidScreenDynamicData,
        &format!("{TOP}/0/text"),
    );
}

#[test]
fn whole_refs_must_have_the_property_type() {
    let doc = with(|d| set(d, &format!("{FORM}/0/visible"), json!("${data.name}")));
    assert_finding(
        &doc,
        Rule::InvalidScreenDynamicData,
        &format!("{FORM}/0/visible"),
    );
}

#[test]
fn complete_only_on_terminal_screens() {
    let doc = with(|d| remove(d, "/screens/1/terminal"));
    assert_finding(
        &doc,
        Rule::InvalidCompleteAction,
        "/screens/1/layout/children/1/on-click-action",
    );
    assert_no(&base(), Rule::InvalidCompleteAction);
}

#[test]
fn complete_only_on_a_footer() {
    let doc = with(|d| {
        set(
            d,
            "/screens/1/layout/children/2",
            json!({"type": "EmbeddedLink", "text": "Finish", "on-click-action": {"name": "complete", "payload": {}}}),
        );
    });
    assert_finding(
        &doc,
        Rule::InvalidEnumValue,
        "/screens/1/layout/children/2/on-click-action/name",
    );
}

#[test]
fn data_exchange_needs_a_data_api_version() {
    let doc = with(|d| {
        remove(d, "/data_api_version");
        remove(d, "/routing_model");
        set(
            d,
            &format!("{FORM}/1/on-click-action"),
            json!({"name": "data_exchange", "payload": {}}),
        );
    });
    let finding = assert_finding(
        &doc,
        Rule::MissingRequiredProperty,
        &format!("{FORM}/1/on-click-action"),
    );
    assert!(finding.message.contains("data_api_version"));
}

#[test]
fn open_url_needs_6_0() {
    let link = json!({"type": "EmbeddedLink", "text": "Terms", "on-click-action": {"name": "open_url", "url": "https://example.com"}});
    let doc = with(|d| {
        set(d, "/version", json!("5.1"));
        set(d, &format!("{TOP}/2"), link.clone());
    });
    assert_finding(
        &doc,
        Rule::InvalidEnumValue,
        &format!("{TOP}/2/on-click-action/name"),
    );
    let ok = with(|d| set(d, &format!("{TOP}/2"), link));
    assert_no(&ok, Rule::InvalidEnumValue);
}

#[test]
fn navigate_targets_must_exist_and_differ() {
    let at = format!("{FORM}/1/on-click-action/next/name");
    let unknown = with(|d| set(d, &at, json!("THIRD")));
    assert_finding(&unknown, Rule::InvalidNavigateActionNextScreenName, &at);
    let same = with(|d| set(d, &at, json!("FIRST")));
    assert_finding(&same, Rule::InvalidNavigateActionNextScreenName, &at);
}

#[test]
fn navigate_payload_keys_match_the_next_data_model() {
    let payload = format!("{FORM}/1/on-click-action/payload");
    let missing = with(|d| remove(d, &format!("{payload}/count")));
    let finding = assert_finding(&missing, Rule::InvalidNavigateActionPayload, &payload);
    assert!(finding.message.contains("count"));
    let extra = with(|d| set(d, &format!("{payload}/age"), json!(3)));
    assert_finding(&extra, Rule::InvalidNavigateActionPayload, &payload);
    let none = with(|d| remove(d, &payload));
    assert_finding(
        &none,
        Rule::MissingNavigationActionPayload,
        &format!("{FORM}/1/on-click-action"),
    );
}

#[test]
fn navigate_payload_types_agree_with_examples() {
    let at = format!("{FORM}/1/on-click-action/payload/count");
    let doc = with(|d| set(d, &at, json!("one")));
    let finding = assert_finding(&doc, Rule::InvalidNavigateActionPayload, &at);
    assert!(finding.message.contains("'integer'") && finding.message.contains("'string'"));
    let by_ref = with(|d| set(d, &at, json!("${data.name}")));
    assert_finding(&by_ref, Rule::InvalidNavigateActionPayload, &at);
}

#[test]
fn update_data_keys_must_be_declared() {
    let dropdown = |payload: Value| {
        json!({"type": "Dropdown", "name": "pick", "label": "Pick",
               "data-source": [{"id": "a", "title": "A"}],
               "on-select-action": {"name": "update_data", "payload": payload}})
    };
    let doc = with(|d| set(d, &format!("{FORM}/2"), dropdown(json!({"nope": "x"}))));
    assert_finding(
        &doc,
        Rule::InvalidUpdateDataActionPayload,
        &format!("{FORM}/2/on-select-action/payload/nope"),
    );
    let itself = with(|d| {
        set(
            d,
            &format!("{FORM}/2"),
            dropdown(json!({"name": "${data.name}"})),
        )
    });
    assert_finding(
        &itself,
        Rule::InvalidUpdateDataActionPayload,
        &format!("{FORM}/2/on-select-action/payload/name"),
    );
    let ok = with(|d| {
        set(
            d,
            &format!("{FORM}/2"),
            dropdown(json!({"name": "${form.pick}"})),
        )
    });
    assert_no(&ok, Rule::InvalidUpdateDataActionPayload);
}

#[test]
fn pickers_only_top_level_and_not_in_navigate() {
    let picker = json!({"type": "PhotoPicker", "name": "photo", "label": "Photo"});
    let nested = with(|d| {
        set(d, &format!("{FORM}/2"), picker.clone());
        set(
            d,
            &format!("{FORM}/1/on-click-action"),
            json!({"name": "data_exchange", "payload": {"media": {"p": "${form.photo}"}}}),
        );
    });
    assert_finding(
        &nested,
        Rule::InvalidOnClickActionPayload,
        &format!("{FORM}/1/on-click-action/payload/media/p"),
    );
    let top = with(|d| {
        set(d, &format!("{FORM}/2"), picker.clone());
        set(
            d,
            &format!("{FORM}/1/on-click-action"),
            json!({"name": "data_exchange", "payload": {"p": "${form.photo}"}}),
        );
    });
    assert_no(&top, Rule::InvalidOnClickActionPayload);
    let navigate = with(|d| {
        set(d, &format!("{FORM}/2"), picker);
        set(
            d,
            &format!("{FORM}/1/on-click-action/payload/email"),
            json!("${form.photo}"),
        );
    });
    assert_finding(
        &navigate,
        Rule::InvalidOnClickActionPayload,
        &format!("{FORM}/1/on-click-action/payload/email"),
    );
}

#[test]
fn routing_model_names_known_screens() {
    let doc = with(|d| set(d, "/routing_model/FIRST/1", json!("THIRD")));
    assert_finding(&doc, Rule::InvalidRoutingModel, "/routing_model/FIRST/1");
    let key = with(|d| set(d, "/routing_model/THIRD", json!([])));
    assert_finding(&key, Rule::InvalidRoutingModel, "/routing_model/THIRD");
}

#[test]
fn routing_model_has_no_self_loop_or_backward_route() {
    let self_loop = with(|d| set(d, "/routing_model/SECOND/0", json!("SECOND")));
    let finding = assert_finding(
        &self_loop,
        Rule::InvalidRoutingModel,
        "/routing_model/SECOND/0",
    );
    assert!(finding.message.starts_with("Loop detected"));
    let backward = with(|d| set(d, "/routing_model/SECOND/0", json!("FIRST")));
    let findings = validate_value(&backward);
    assert!(findings.iter().any(|f| f.rule == Rule::InvalidRoutingModel && f.message.starts_with("Backward route")));
    assert!(
        findings.iter().any(
            |f| f.rule == Rule::InvalidRoutingModel && f.message.starts_with("No entry screen")
        )
    );
}

#[test]
fn routing_model_has_at_most_ten_branches() {
    let doc = with(|d| {
        let ids: Vec<String> = (0..11)
            .map(|i| format!("LEAF_{}", "X".repeat(i + 1)))
            .collect();
        for id in &ids {
            let mut screen = d["screens"][1].clone();
            screen["id"] = json!(id);
            screen["data"] = json!({});
            d["screens"].as_array_mut().unwrap().push(screen);
            d["routing_model"][id] = json!([]);
        }
        let mut routes = vec![json!("SECOND")];
        routes.extend(ids.iter().map(|id| json!(id)));
        d["routing_model"]["FIRST"] = Value::Array(routes);
    });
    let finding = assert_finding(&doc, Rule::InvalidRoutingModel, "/routing_model/FIRST");
    assert!(finding.message.contains("max limit of 10"));
}

#[test]
fn routing_model_lists_every_screen() {
    let doc = with(|d| {
        // A terminal screen may be left out (Meta exempts them); a non-terminal one may not.
        let mut third = d["screens"][1].clone();
        third["id"] = json!("THIRD");
        third.as_object_mut().unwrap().shift_remove("terminal");
        d["screens"].as_array_mut().unwrap().push(third);
    });
    let findings = validate_value(&doc);
    assert!(findings.iter().any(|f| f.rule == Rule::InvalidRoutingModel
        && f.message == "Following screens are missing in the routing model: [THIRD]."));
}

#[test]
fn navigate_edges_must_be_in_the_routing_model() {
    let doc = with(|d| {
        set(
            d,
            "/routing_model",
            json!({"FIRST": [], "SECOND": ["FIRST"]}),
        );
    });
    assert_finding(
        &doc,
        Rule::InvalidRoutingModel,
        &format!("{FORM}/1/on-click-action"),
    );
    let old = with(|d| {
        set(d, "/version", json!("4.0"));
        set(
            d,
            "/routing_model",
            json!({"FIRST": [], "SECOND": ["FIRST"]}),
        );
    });
    let finding = assert_finding(
        &old,
        Rule::NavigateRouteNotInRoutingModel,
        &format!("{FORM}/1/on-click-action"),
    );
    assert_eq!(finding.severity, Severity::Warning);
}

#[test]
fn without_a_routing_model_screens_must_be_connected() {
    let doc = with(|d| {
        remove(d, "/data_api_version");
        remove(d, "/routing_model");
        set(
            d,
            &format!("{FORM}/1/on-click-action/next/name"),
            json!("THIRD"),
        );
        // A terminal screen may be left out (Meta exempts them); a non-terminal one may not.
        let mut third = d["screens"][1].clone();
        third["id"] = json!("THIRD");
        third.as_object_mut().unwrap().shift_remove("terminal");
        d["screens"].as_array_mut().unwrap().push(third);
    });
    let finding = assert_finding(&doc, Rule::InvalidRoutingModel, "/screens");
    assert!(finding.message.contains("[SECOND]"));
}

#[test]
fn unreachable_screen_is_a_warning() {
    let doc = with(|d| {
        remove(d, "/data_api_version");
        remove(d, "/routing_model");
        // THIRD leads to SECOND, but nothing leads from FIRST to THIRD.
        // A terminal screen may be left out (Meta exempts them); a non-terminal one may not.
        let mut third = d["screens"][1].clone();
        third["id"] = json!("THIRD");
        third.as_object_mut().unwrap().shift_remove("terminal");
        third["layout"]["children"][1] = json!({"type": "Footer", "label": "Go", "on-click-action": {
            "name": "navigate", "next": {"type": "screen", "name": "SECOND"},
            "payload": {"email": "x", "count": 1}}});
        third["layout"]["children"][0] = json!({"type": "TextBody", "text": "Third"});
        third["terminal"] = json!(false);
        third["data"] = json!({});
        d["screens"].as_array_mut().unwrap().push(third);
    });
    let finding = assert_finding(&doc, Rule::UnreachableScreen, "/screens/2");
    assert_eq!(finding.severity, Severity::Warning);
    assert!(
        !has_errors(&validate_value(&doc)),
        "{}",
        describe(&validate_value(&doc))
    );
}

#[test]
fn findings_serialise_with_the_rule_code() {
    let doc = with(|d| remove(d, "/version"));
    let finding = assert_finding(&doc, Rule::MissingFlowJsonVersion, "");
    let json = serde_json::to_value(&finding).unwrap();
    assert_eq!(json["rule"], "MISSING_FLOW_JSON_VERSION");
    assert_eq!(json["severity"], "error");
    assert_eq!(
        finding.to_string(),
        "/: MISSING_FLOW_JSON_VERSION: Flow JSON version is not specified."
    );
}

#[test]
fn every_rule_has_a_unique_screaming_snake_code() {
    let mut codes: Vec<&str> = Rule::ALL.iter().map(|rule| rule.as_str()).collect();
    assert!(
        codes
            .iter()
            .all(|code| code.chars().all(|c| c.is_ascii_uppercase() || c == '_'))
    );
    let count = codes.len();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), count);
}

/// A CalendarPicker on the first screen (outside the Form) with `props`.
fn with_calendar(props: Value) -> Value {
    with(|doc| {
        let mut picker = json!({"type": "CalendarPicker", "name": "day", "label": "Day"});
        for (key, value) in props.as_object().unwrap() {
            picker[key] = value.clone();
        }
        set(doc, &format!("{TOP}/2"), picker);
        remove(doc, &format!("{TOP}/1"));
        let footer = json!({"type": "Footer", "label": "Next", "on-click-action": {
            "name": "navigate",
            "next": {"type": "screen", "name": "SECOND"},
            "payload": {"email": "${data.name}", "count": 1}
        }});
        set(doc, &format!("{TOP}/2"), footer);
    })
}

#[test]
fn date_not_yyyy_mm_dd_is_invalid_date_format() {
    let valid = with_calendar(json!({
        "min-date": "2024-01-01", "max-date": "2024-12-31",
        "unavailable-dates": ["2024-05-01"], "init-value": "${data.name}"
    }));
    assert_no(&valid, Rule::InvalidDateSingleInitValueFormat);
    let doc = with_calendar(json!({"unavailable-dates": ["2024-05-01", "01/05/2024"]}));
    assert_finding(
        &doc,
        Rule::InvalidDateSingleInitValueFormat,
        &format!("{TOP}/1/unavailable-dates/1"),
    );
}

#[test]
fn min_date_after_max_date_is_invalid_date_range() {
    let valid = with_calendar(json!({"min-date": "2024-01-01", "max-date": "2024-12-31"}));
    assert_no(&valid, Rule::InvalidDateRange);
    let doc = with_calendar(json!({"min-date": "2025-01-01", "max-date": "2024-12-31"}));
    assert_finding(&doc, Rule::InvalidDateRange, &format!("{TOP}/1/min-date"));
}

/// A 6.2+ NavigationList alone on a terminal-less screen, with `list_action` and `item_action`.
fn navigation_list(list_action: bool, item_action: bool) -> Value {
    let action = json!({"name": "navigate", "next": {"type": "screen", "name": "SECOND"},
                        "payload": {"email": "${data.name}", "count": 1}});
    let mut item = json!({"id": "a", "main-content": {"title": "A"}});
    if item_action {
        item["on-click-action"] = action.clone();
    }
    let mut list = json!({"type": "NavigationList", "name": "list", "list-items": [item]});
    if list_action {
        list["on-click-action"] = action;
    }
    with(|doc| set(doc, "/screens/0/layout/children", json!([list])))
}

#[test]
fn navigation_list_action_on_list_or_items() {
    assert_no(&navigation_list(true, false), Rule::InvalidPropertyValue);
    assert_no(&navigation_list(false, true), Rule::MissingRequiredProperty);
    let at = format!("{TOP}/0/on-click-action");
    assert_finding(
        &navigation_list(true, true),
        Rule::InvalidPropertyValue,
        &at,
    );
    assert_finding(
        &navigation_list(false, false),
        Rule::MissingRequiredProperty,
        &at,
    );
}

#[test]
fn text_input_pattern_needs_a_text_like_type_and_helper_text() {
    let input = format!("{FORM}/0");
    let valid = with(|doc| {
        set(doc, &format!("{input}/input-type"), json!("text"));
        set(doc, &format!("{input}/pattern"), json!("^[a-z]+$"));
        set(
            doc,
            &format!("{input}/helper-text"),
            json!("Lowercase letters"),
        );
    });
    assert_no(&valid, Rule::InvalidPropertyValue);
    let email = with(|doc| {
        set(doc, &format!("{input}/pattern"), json!("^[a-z]+$"));
        set(
            doc,
            &format!("{input}/helper-text"),
            json!("Lowercase letters"),
        );
    });
    let at = format!("{input}/pattern");
    assert_finding(&email, Rule::InvalidPropertyValue, &at);
    let no_helper = with(|doc| {
        set(doc, &format!("{input}/input-type"), json!("text"));
        set(doc, &format!("{input}/pattern"), json!("^[a-z]+$"));
    });
    // Meta's code (TextInputPatternFieldValidatorV602).
    assert_finding(&no_helper, Rule::MissingRequiredProperty, &at);
}

#[test]
fn footer_outside_form_cannot_reference_form() {
    assert_no(&base(), Rule::InvalidOnClickActionPayload);
    let doc = with(|doc| {
        let footer = doc.pointer(&format!("{FORM}/1")).unwrap().clone();
        remove(doc, &format!("{FORM}/1"));
        set(doc, &format!("{TOP}/2"), footer);
    });
    let at = format!("{TOP}/2/on-click-action/payload/email");
    assert_finding(&doc, Rule::InvalidOnClickActionPayload, &at);
}

#[test]
fn calendar_range_props_only_in_range_mode() {
    let range = json!({"mode": "range", "title": "Stay", "description": "Pick",
                       "label": {"start-date": "In", "end-date": "Out"}});
    let valid = with_calendar(range);
    assert_no(&valid, Rule::UnexpectedCalendarPickerRangeModeProp);
    assert_no(&valid, Rule::MissingCalendarPickerRangeModeProp);
    let single = with_calendar(json!({"title": "Stay"}));
    let at = format!("{TOP}/1/title");
    assert_finding(&single, Rule::UnexpectedCalendarPickerRangeModeProp, &at);
    let object = with_calendar(json!({"label": {"start-date": "In", "end-date": "Out"}}));
    let at = format!("{TOP}/1/label");
    assert_finding(&object, Rule::UnexpectedCalendarPickerRangeModeProp, &at);
    let partial = with_calendar(json!({"mode": "range", "label": {"start-date": "In"}}));
    let at = format!("{TOP}/1/label/end-date");
    assert_finding(&partial, Rule::MissingCalendarPickerRangeModeProp, &at);
}

#[test]
fn calendar_min_days_above_max_days_is_invalid() {
    let valid = with_calendar(json!({"mode": "range", "min-days": 1, "max-days": 5}));
    assert_no(&valid, Rule::InvalidMinMaxDays);
    let doc = with_calendar(json!({"mode": "range", "min-days": 6, "max-days": 5}));
    assert_finding(&doc, Rule::InvalidMinMaxDays, &format!("{TOP}/1/min-days"));
}

#[test]
fn calendar_min_days_is_not_also_min_value_greater_than_max() {
    let doc = with_calendar(json!({"mode": "range", "min-days": 6, "max-days": 5}));
    assert_no(&doc, Rule::MinValueGreaterThanMax);
}
