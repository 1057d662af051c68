#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The validator never panics: any JSON value, and the seed flow with any subtree replaced by any
//! value, yields findings (and a document that is not an object yields `INVALID_FLOW_JSON`).

use proptest::prelude::*;
use serde_json::{Map, Value, json};
use waflow_json::validate::{Rule, validate_value};

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        "[a-zA-Z_${}.`~/ -]{0,12}".prop_map(Value::from),
        Just(json!("${data.x}")),
        Just(json!("${form.y}")),
        Just(json!("${screen.A.data.x.y}")),
        Just(json!("${")),
        Just(json!("Footer")),
        Just(json!("If")),
        Just(json!("navigate")),
    ]
}

fn any_json() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec(
                (
                    prop_oneof![
                        Just("type".to_owned()),
                        Just("children".to_owned()),
                        Just("then".to_owned()),
                        Just("cases".to_owned()),
                        Just("on-click-action".to_owned()),
                        Just("payload".to_owned()),
                        Just("data".to_owned()),
                        "[a-z_-]{1,8}",
                    ],
                    inner
                ),
                0..6
            )
            .prop_map(|entries| Value::Object(entries.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

fn seed() -> Value {
    serde_json::from_str(include_str!("seed/signup_flow.json")).unwrap()
}

/// Every JSON Pointer of a value.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let next = format!("{at}/{}", key.replace('~', "~0").replace('/', "~1"));
                out.push(next.clone());
                pointers(child, next, out);
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                let next = format!("{at}/{index}");
                out.push(next.clone());
                pointers(child, next, out);
            }
        }
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_json_value_gets_findings_without_panicking(value in any_json()) {
        let findings = validate_value(&value);
        if !value.is_object() {
            prop_assert!(findings.iter().any(|f| f.rule == Rule::InvalidFlowJson));
        }
        for finding in &findings {
            prop_assert!(finding.pointer.is_empty() || finding.pointer.starts_with('/'));
            prop_assert!(!finding.message.is_empty());
        }
    }

    #[test]
    fn seed_with_any_subtree_replaced_is_handled(index in any::<prop::sample::Index>(), replacement in any_json()) {
        let mut doc = seed();
        let mut all = Vec::new();
        pointers(&doc, String::new(), &mut all);
        let target = &all[index.index(all.len())];
        *doc.pointer_mut(target).unwrap() = replacement;
        let findings = validate_value(&doc);
        for finding in &findings {
            prop_assert!(finding.pointer.is_empty() || finding.pointer.starts_with('/'));
        }
    }
}
