#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Parsing + validation of hostile Flow JSON never panics: arbitrary text, the seed flow's text
//! with bytes inserted, deleted or replaced, and the seed with any subtree replaced by any value.
//! Whatever parses validates, and survives a round trip through its own output.

use proptest::prelude::*;
use serde_json::{Map, Value, json};
use waflow_json::FlowJson;
use waflow_json::validate::validate_value;

const SEED: &str = include_str!("seed/signup_flow.json");

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
        Just(json!("${data.email_initial_value}")),
        Just(json!("${form.email}")),
        Just(json!("${screen.LOGIN.form.x}")),
        Just(json!("${")),
        Just(json!("TextInput")),
        Just(json!("Footer")),
        Just(json!("Form")),
        Just(json!("If")),
        Just(json!("Switch")),
        Just(json!("data_exchange")),
        Just(json!("navigate")),
        Just(json!("complete")),
        Just(json!("7.1")),
        Just(json!("3.0")),
    ]
}

fn any_json() -> impl Strategy<Value = Value> {
    let key = prop_oneof![
        Just("type"),
        Just("children"),
        Just("name"),
        Just("label"),
        Just("screens"),
        Just("id"),
        Just("layout"),
        Just("data"),
        Just("version"),
        Just("routing_model"),
        Just("on-click-action"),
        Just("payload"),
        Just("next"),
        Just("condition"),
        Just("then"),
        Just("else"),
        Just("cases"),
        Just("__example__"),
        Just("x"),
    ]
    .prop_map(str::to_owned);
    leaf().prop_recursive(5, 64, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..7)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

fn pointers(value: &Value, at: &str, out: &mut Vec<String>) {
    out.push(at.to_owned());
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let k = k.replace('~', "~0").replace('/', "~1");
                pointers(v, &format!("{at}/{k}"), out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                pointers(v, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// Parses, validates and, when it parsed, checks the round trip through its own output.
fn exercise(text: &str) -> Result<(), TestCaseError> {
    match FlowJson::from_json_str(text) {
        Ok(flow) => {
            let _ = flow.validate();
            let again = FlowJson::from_json_str(&flow.to_json()).unwrap();
            prop_assert_eq!(&again, &flow);
            prop_assert_eq!(again.to_value(), flow.to_value());
        }
        Err(e) => {
            let _ = (
                e.pointer(),
                e.line(),
                e.column(),
                e.message(),
                e.to_string(),
            );
        }
    }
    if let Ok(value) = serde_json::from_str::<Value>(text) {
        let _ = validate_value(&value);
    }
    Ok(())
}

#[derive(Debug, Clone)]
enum Edit {
    Insert(prop::sample::Index, String),
    Delete(prop::sample::Index, usize),
    Replace(prop::sample::Index, String),
}

fn edit() -> impl Strategy<Value = Edit> {
    let piece = prop_oneof![
        "[{}\\[\\]\",:0-9a-z\\\\$.-]{1,4}",
        Just("\"\"".to_owned()),
        Just("null".to_owned()),
        Just("1e999".to_owned()),
        Just("-0".to_owned()),
        Just("\\u0000".to_owned()),
        Just("\\ud800".to_owned()),
        Just("${data.".to_owned()),
    ];
    prop_oneof![
        (any::<prop::sample::Index>(), piece.clone()).prop_map(|(i, s)| Edit::Insert(i, s)),
        (any::<prop::sample::Index>(), 1usize..20).prop_map(|(i, n)| Edit::Delete(i, n)),
        (any::<prop::sample::Index>(), piece).prop_map(|(i, s)| Edit::Replace(i, s)),
    ]
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for e in edits {
        match e {
            Edit::Insert(i, s) => {
                let at = i.index(chars.len() + 1);
                chars.splice(at..at, s.chars());
            }
            Edit::Delete(i, n) if !chars.is_empty() => {
                let at = i.index(chars.len());
                let end = (at + n).min(chars.len());
                chars.drain(at..end);
            }
            Edit::Replace(i, s) if !chars.is_empty() => {
                let at = i.index(chars.len());
                chars.splice(at..=at, s.chars());
            }
            Edit::Delete(..) | Edit::Replace(..) => {}
        }
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_text_never_panics(text in ".{0,300}") {
        exercise(&text)?;
    }

    #[test]
    fn arbitrary_json_never_panics(value in any_json()) {
        exercise(&value.to_string())?;
        let _ = FlowJson::from_value(value);
    }

    #[test]
    fn edited_seed_text_never_panics(edits in prop::collection::vec(edit(), 1..6)) {
        exercise(&apply(SEED, &edits))?;
    }

    #[test]
    fn seed_with_any_subtree_replaced_never_panics(
        pick in any::<prop::sample::Index>(),
        with in any_json(),
    ) {
        let mut doc: Value = serde_json::from_str(SEED).unwrap();
        let mut all = Vec::new();
        pointers(&doc, "", &mut all);
        let at = pick.get(&all).clone();
        *doc.pointer_mut(&at).unwrap() = with;
        exercise(&doc.to_string())?;
    }
}

#[test]
fn the_untouched_seed_parses_and_round_trips() {
    let flow = FlowJson::from_json_str(SEED).unwrap();
    assert_eq!(FlowJson::from_json_str(&flow.to_json()).unwrap(), flow);
    assert_eq!(apply(SEED, &[]), SEED);
}

#[test]
fn truncated_seed_is_an_error_with_a_position() {
    for cut in [1, SEED.len() / 3, SEED.len() / 2, SEED.len() - 2] {
        let e = FlowJson::from_json_str(&SEED[..cut]).unwrap_err();
        assert!(e.line().is_some(), "cut at {cut}: {e}");
    }
}
