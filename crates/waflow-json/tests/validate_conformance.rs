#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The validator on the conformance corpus and the seed flow.

use serde_json::Value;
use waflow_json::validate::{Finding, Rule, Severity, has_errors, validate_value};

mod corpus;

use corpus::documents;

/// Documents of the corpus Meta would reject, each error a rule Meta documents: (document, rule,
/// pointer, why). Every other document must have no error. All rejections are pywa serializer
/// fixtures; no Meta-authored Flows-Tools document is rejected.
const EXPECTED_ERRORS: &[(&str, Rule, &str, &str)] = &[
    (
        "pywa/4_0/examples.json:date_picker_dates_str",
        Rule::InvalidRoutingModel,
        "/routing_model",
        "endpoint flow with routing_model {}: its screen DEMO_SCREEN is missing from the model",
    ),
    (
        "pywa/5_0/examples.json:date_picker_dates_obj",
        Rule::InvalidRoutingModel,
        "/routing_model",
        "same: routing_model {} leaves DEMO_SCREEN out",
    ),
    (
        "pywa/6_1/examples.json:calendar_picker_single_mode",
        Rule::InvalidRoutingModel,
        "/routing_model",
        "same: routing_model {} leaves DEMO_SCREEN out",
    ),
    (
        "pywa/6_1/examples.json:calendar_picker_range_mode",
        Rule::InvalidRoutingModel,
        "/routing_model",
        "same: routing_model {} leaves DEMO_SCREEN out",
    ),
    (
        "pywa/6_2/examples.json:navigation_list",
        Rule::InvalidNavigateActionNextScreenName,
        "/screens/0/layout/children/0/list-items/2/on-click-action/next/name",
        "navigates to FOURTH_SCREEN, which the document does not define",
    ),
    (
        "pywa/6_2/examples.json:navigation_list",
        Rule::InvalidNavigateActionPayload,
        "/screens/0/layout/children/0/list-items/3/on-click-action/payload",
        "navigates to FIFTH_SCREEN without its declared data field first_name",
    ),
    (
        "pywa/6_2/examples.json:navigation_list",
        Rule::InvalidNavigateActionPayload,
        "/screens/0/layout/children/0/list-items/4/on-click-action/payload/first_name",
        "passes a boolean where FIFTH_SCREEN declares first_name a string",
    ),
];

#[test]
fn corpus_findings_follow_metas_rules() {
    let docs = documents();
    assert_eq!(docs.len(), 36);
    let mut unexpected = Vec::new();
    for (name, doc) in &docs {
        let errors: Vec<Finding> = validate_value(doc)
            .into_iter()
            .filter(Finding::is_error)
            .collect();
        let expected: Vec<_> = EXPECTED_ERRORS
            .iter()
            .filter(|(doc_name, ..)| doc_name == name)
            .collect();
        for error in &errors {
            let listed = expected
                .iter()
                .any(|(_, rule, pointer, _)| *rule == error.rule && *pointer == error.pointer);
            if !listed {
                unexpected.push(format!("{name}: unexpected {error}"));
            }
        }
        for (_, rule, pointer, why) in expected {
            if !errors
                .iter()
                .any(|e| e.rule == *rule && e.pointer == *pointer)
            {
                unexpected.push(format!("{name}: missing {rule} at {pointer} ({why})"));
            }
        }
    }
    assert!(unexpected.is_empty(), "{}", unexpected.join("\n"));
}

#[test]
fn meta_authored_documents_have_no_error() {
    let meta: Vec<(String, Value)> = documents()
        .into_iter()
        .filter(|(name, _)| name.starts_with("whatsapp-flows-tools"))
        .collect();
    assert_eq!(meta.len(), 4);
    for (name, doc) in meta {
        let findings = validate_value(&doc);
        assert!(!has_errors(&findings), "{name}: {findings:?}");
    }
}

#[test]
fn frozen_versions_warn_across_the_corpus() {
    for (name, doc) in documents() {
        let frozen =
            ["2.1", "3.0", "3.1", "4.0", "5.0"].contains(&doc["version"].as_str().unwrap());
        let warned = validate_value(&doc)
            .iter()
            .any(|f| f.rule == Rule::FrozenFlowJsonVersion && f.severity == Severity::Warning);
        assert_eq!(frozen, warned, "{name}");
    }
}

#[test]
fn seed_flow_has_only_warnings() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/seed/signup_flow.json");
    let seed: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let findings = validate_value(&seed);
    assert!(!has_errors(&findings), "{findings:?}");
    let rules: Vec<Rule> = findings.iter().map(|f| f.rule).collect();
    // 3.0 is frozen; LOGIN's "Don't have an account?" link navigates to SIGN_UP, an edge the
    // routing model lacks (Meta checks that edge only from 5.0).
    assert_eq!(
        rules,
        [
            Rule::FrozenFlowJsonVersion,
            Rule::NavigateRouteNotInRoutingModel
        ]
    );
    let moved = {
        let mut seed = seed.clone();
        seed["version"] = Value::from("7.3");
        validate_value(&seed)
    };
    assert!(
        moved.iter().any(|f| f.rule == Rule::InvalidRoutingModel
            && f.pointer == "/screens/2/layout/children/1/on-click-action"),
        "on 7.3 the missing route is an error: {moved:?}"
    );
}
