#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The JSON Schema export: draft 2020-12, one `$defs` entry per component type, and every
//! component of the seed and the conformance corpus fits its definition structurally (each
//! property is declared, each required property present, unknown properties forbidden).

use std::path::Path;

use serde_json::Value;
use waflow_json::{Component, json_schema};

mod corpus;

/// The seed, plus the documents of `../shared/conformance/flows` when present.
fn corpus() -> Vec<Value> {
    fn walk(dir: &Path, out: &mut Vec<Value>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "json") {
                let value: Value =
                    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
                if value.get("screens").is_some() {
                    out.push(value);
                } else {
                    out.extend(value.as_object().unwrap().values().cloned());
                }
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut docs = Vec::new();
    if let Some(flows) = corpus::shared_corpus("flows", "schema_export") {
        walk(&flows, &mut docs);
    }
    walk(&root.join("seed"), &mut docs);
    docs
}

fn components(value: &Value, out: &mut Vec<Value>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(t)) = map.get("type")
                && Component::TYPES.contains(&t.as_str())
            {
                out.push(value.clone());
            }
            map.values().for_each(|v| components(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| components(v, out)),
        _ => {}
    }
}

#[test]
fn schema_is_draft_2020_12_with_a_def_per_component() {
    let schema = json_schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(schema["title"], "FlowJson");
    let defs = schema["$defs"].as_object().unwrap();
    for kind in Component::TYPES {
        let def = &defs[*kind];
        assert_eq!(def["properties"]["type"]["const"], *kind);
        assert_eq!(def["additionalProperties"], false, "{kind}");
    }
    let one_of = defs["Component"]["oneOf"].as_array().unwrap();
    assert_eq!(one_of.len(), Component::TYPES.len());
}

#[test]
fn every_corpus_component_fits_its_definition() {
    let schema = json_schema();
    let defs = schema["$defs"].as_object().unwrap();
    let docs = corpus();
    let with_shared = docs.len() > 1;
    if with_shared {
        assert_eq!(
            docs.len(),
            37,
            "the 36 documents of the flows corpus and the seed"
        );
    }
    let mut checked = 0;
    for doc in &docs {
        let mut found = Vec::new();
        components(doc, &mut found);
        for component in found {
            let kind = component["type"].as_str().unwrap();
            let def = &defs[kind];
            let declared = def["properties"].as_object().unwrap();
            for key in component.as_object().unwrap().keys() {
                assert!(declared.contains_key(key), "{kind}.{key} not in schema");
            }
            for required in def["required"].as_array().unwrap() {
                let required = required.as_str().unwrap();
                assert!(
                    component.get(required).is_some(),
                    "{kind} lacks required {required}"
                );
            }
            checked += 1;
        }
    }
    let least = if with_shared { 300 } else { 20 };
    assert!(checked > least, "only {checked} components checked");
}

#[test]
fn top_level_and_screen_keys_are_declared() {
    let schema = json_schema();
    let root = schema["properties"].as_object().unwrap();
    let screen = schema["$defs"]["Screen"]["properties"].as_object().unwrap();
    for doc in corpus() {
        for key in doc.as_object().unwrap().keys() {
            assert!(root.contains_key(key), "top-level {key}");
        }
        for s in doc["screens"].as_array().unwrap() {
            for key in s.as_object().unwrap().keys() {
                assert!(screen.contains_key(key), "screen {key}");
            }
        }
    }
}
