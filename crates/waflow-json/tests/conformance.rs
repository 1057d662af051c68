#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Every Flow JSON document of `../shared/conformance/flows` (read in place, next to the workspace)
//! parses into the typed model and serialises back to an equal JSON value.

use serde_json::Value;
use waflow_json::FlowJson;

mod corpus;

use corpus::flow_documents;

#[test]
fn corpus_has_the_36_documents_of_its_readme() {
    let Some(docs) = flow_documents("corpus_has_the_36_documents_of_its_readme") else {
        return;
    };
    assert_eq!(docs.len(), 36);
}

#[test]
fn every_document_round_trips_from_value() {
    let Some(docs) = flow_documents("every_document_round_trips_from_value") else {
        return;
    };
    let mut failures = Vec::new();
    for (name, doc) in docs {
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
    let Some(docs) = flow_documents("every_document_round_trips_from_text") else {
        return;
    };
    for (name, doc) in docs {
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
    let Some(docs) = flow_documents("every_component_type_of_the_corpus_is_modelled") else {
        return;
    };
    let mut seen = std::collections::BTreeSet::new();
    for (_, doc) in docs {
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
