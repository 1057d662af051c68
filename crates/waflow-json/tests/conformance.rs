#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Every Flow JSON document of the conformance corpus (copied from `/work/shared/conformance/flows`
//! with its licence README) parses into the typed model and serialises back to an equal JSON value.

use std::path::{Path, PathBuf};

use serde_json::Value;
use waflow_json::FlowJson;

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance")
}

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            json_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

/// (name, document) for every document: pywa files map name → document.
fn documents() -> Vec<(String, Value)> {
    let root = corpus_dir();
    let mut files = Vec::new();
    json_files(&root, &mut files);
    files.sort();
    let mut docs = Vec::new();
    for file in files {
        let rel = file.strip_prefix(&root).unwrap().display().to_string();
        let value: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        if rel.starts_with("pywa") {
            for (name, doc) in value.as_object().unwrap() {
                docs.push((format!("{rel}:{name}"), doc.clone()));
            }
        } else {
            docs.push((rel, value));
        }
    }
    docs
}

#[test]
fn corpus_has_the_36_documents_of_its_readme() {
    assert_eq!(documents().len(), 36);
}

#[test]
fn every_document_round_trips_from_value() {
    let mut failures = Vec::new();
    for (name, doc) in documents() {
        match FlowJson::from_value(doc.clone()) {
            Ok(flow) => {
                if flow.to_value() != doc {
                    failures.push(format!("{name}: round trip differs"));
                }
            }
            Err(e) => failures.push(format!("{name}: {e}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_document_round_trips_from_text() {
    for (name, doc) in documents() {
        let text = serde_json::to_string_pretty(&doc).unwrap();
        let flow = FlowJson::from_json_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let again: Value = serde_json::from_str(&flow.to_json_pretty()).unwrap();
        assert_eq!(again, doc, "{name}");
        // A second trip through the model is stable.
        assert_eq!(FlowJson::from_value(again).unwrap(), flow, "{name}");
    }
}

#[test]
fn every_component_type_of_the_corpus_is_modelled() {
    fn walk(value: &Value, seen: &mut std::collections::BTreeSet<String>) {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(t)) = map.get("type")
                    && t.chars().next().is_some_and(char::is_uppercase)
                {
                    seen.insert(t.clone());
                }
                map.values().for_each(|v| walk(v, seen));
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, seen)),
            _ => {}
        }
    }
    let mut seen = std::collections::BTreeSet::new();
    for (_, doc) in documents() {
        walk(&doc, &mut seen);
    }
    seen.remove("SingleColumnLayout");
    for t in &seen {
        assert!(
            waflow_json::Component::TYPES.contains(&t.as_str()),
            "{t} not modelled"
        );
    }
    assert_eq!(seen.len(), 23, "{seen:?}");
}
