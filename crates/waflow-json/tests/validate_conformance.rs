#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The validator on the three corpora of `../shared/conformance` (read in place; skipped with a
//! note where absent) and on the seed flow. Every verdict is `waflow validate`'s: the text, the
//! rules and the typed model ([`validate_text`]).

use serde_json::Value;
use waflow_json::validate::{
    Finding, Rule, Severity, TextError, has_errors, validate_document, validate_text,
    validate_value,
};

mod corpus;

use corpus::{Case, Verdict, flow_documents, probe_cases, realworld_cases};

/// Documents of the flows corpus Meta would reject, each error a rule Meta documents: (document,
/// rule, pointer, why). Every other document must have no error. All rejections are pywa serializer
/// fixtures; no Meta-authored Flows-Tools document is rejected.
const EXPECTED_ERRORS: &[(&str, Rule, &str, &str)] = &[
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
fn flows_corpus_findings_follow_metas_rules() {
    let Some(docs) = flow_documents("flows_corpus_findings_follow_metas_rules") else {
        return;
    };
    assert_eq!(docs.len(), 36);
    let mut unexpected = Vec::new();
    let mut rejected = 0;
    for (name, doc) in &docs {
        let errors: Vec<Finding> = validate_document(doc)
            .into_iter()
            .filter(Finding::is_error)
            .collect();
        rejected += usize::from(!errors.is_empty());
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
    eprintln!(
        "flows corpus: {rejected} of {} documents rejected",
        docs.len()
    );
    assert!(unexpected.is_empty(), "{}", unexpected.join("\n"));
}

#[test]
fn meta_authored_documents_have_no_error() {
    let Some(docs) = flow_documents("meta_authored_documents_have_no_error") else {
        return;
    };
    let meta: Vec<(String, Value)> = docs
        .into_iter()
        .filter(|(name, _)| name.starts_with("whatsapp-flows-tools"))
        .collect();
    assert_eq!(meta.len(), 4);
    for (name, doc) in meta {
        let findings = validate_document(&doc);
        assert!(!has_errors(&findings), "{name}: {findings:?}");
    }
}

#[test]
fn frozen_versions_warn_across_the_corpus() {
    let Some(docs) = flow_documents("frozen_versions_warn_across_the_corpus") else {
        return;
    };
    for (name, doc) in docs {
        let frozen =
            ["2.1", "3.0", "3.1", "4.0", "5.0"].contains(&doc["version"].as_str().unwrap());
        let warned = validate_value(&doc)
            .iter()
            .any(|f| f.rule == Rule::FrozenFlowJsonVersion && f.severity == Severity::Warning);
        assert_eq!(frozen, warned, "{name}");
    }
}

/// `waflow validate`'s verdict on a text.
fn verdict(text: &str) -> (Verdict, Result<Vec<Finding>, TextError>) {
    let outcome = validate_text(text);
    let verdict = match &outcome {
        Ok(findings) if !has_errors(findings) => Verdict::Accept,
        _ => Verdict::Reject,
    };
    (verdict, outcome)
}

/// Runs every case, prints the agreement count and returns the disagreements.
fn disagreements(corpus: &str, cases: &[Case]) -> Vec<String> {
    let mut out = Vec::new();
    for case in cases {
        let (got, outcome) = verdict(&case.text);
        if got != case.expected {
            let detail = match outcome {
                Ok(findings) => findings
                    .iter()
                    .filter(|f| f.is_error())
                    .map(|f| format!("\n    {f}"))
                    .collect::<String>(),
                Err(error) => format!("\n    {error}"),
            };
            out.push(format!(
                "{}: expected {:?}, got {got:?}{detail}",
                case.name, case.expected
            ));
        }
    }
    eprintln!(
        "{corpus}: {} of {} documents get Meta's verdict",
        cases.len() - out.len(),
        cases.len()
    );
    out
}

#[test]
fn realworld_documents_get_the_verdict_of_their_readme() {
    let Some(cases) = realworld_cases("realworld_documents_get_the_verdict_of_their_readme") else {
        return;
    };
    assert_eq!(cases.len(), 20);
    let wrong = disagreements("realworld", &cases);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Rejected real-world documents, with a rule each must be rejected for (the README's reason).
const REALWORLD_REASONS: &[(&str, Rule, &str)] = &[
    (
        "alubee-maintenance.json",
        Rule::InvalidPropertyKey,
        "/screens/0/layout/children/2/required",
    ),
    (
        "djb-food.json",
        Rule::ScreenIdIsReservedKeyword,
        "/screens/4/id",
    ),
    (
        "spookyuser-all-components-snapshot.json",
        Rule::MissingRequiredProperty,
        "",
    ),
    (
        "treble-flows-example-user-info.json",
        Rule::InvalidScreenDynamicData,
        "",
    ),
];

#[test]
fn rejected_realworld_documents_are_rejected_for_the_readmes_reason() {
    let Some(cases) =
        realworld_cases("rejected_realworld_documents_are_rejected_for_the_readmes_reason")
    else {
        return;
    };
    for (name, rule, pointer) in REALWORLD_REASONS {
        let case = cases.iter().find(|c| c.name == *name).unwrap();
        let findings = validate_text(&case.text).unwrap();
        assert!(
            findings
                .iter()
                .any(|f| f.is_error() && f.rule == *rule && f.pointer.starts_with(pointer)),
            "{name}: no {rule} at {pointer}: {findings:#?}"
        );
    }
    let permission = cases
        .iter()
        .find(|c| c.name == "alubee-permission.json")
        .unwrap();
    assert_eq!(
        validate_text(&permission.text),
        Err(TextError::ByteOrderMark)
    );
    let stripped = validate_text(permission.text.trim_start_matches('\u{feff}')).unwrap();
    assert!(
        stripped
            .iter()
            .any(|f| f.rule == Rule::MissingFooterOnTerminalScreen),
        "{stripped:#?}"
    );
    // FP-2: terminal screens need not appear in the routing model.
    let food = cases.iter().find(|c| c.name == "djb-food.json").unwrap();
    let findings = validate_text(&food.text).unwrap();
    assert!(
        !findings
            .iter()
            .any(|f| f.rule == Rule::InvalidRoutingModel && f.message.contains("missing")),
        "{findings:#?}"
    );
}

#[test]
fn probes_get_metas_verdict() {
    let Some((cases, left_out)) = probe_cases("probes_get_metas_verdict") else {
        return;
    };
    assert_eq!(
        left_out,
        ["p01_version_7_4.json"],
        "expected.json leaves out only 7.4"
    );
    assert_eq!(cases.len(), 42);
    let wrong = disagreements("probes", &cases);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Probes where Meta's behaviour is uncertain: accepted, with a warning that says so.
const UNCERTAIN_PROBES: &[(&str, &str)] = &[
    ("p05_no_title.json", "/screens/0"),
    (
        "p07_calendarpicker_outside_form.json",
        "/screens/0/layout/children/0",
    ),
    (
        "p08_chips_outside_form.json",
        "/screens/0/layout/children/0",
    ),
    (
        "p12_image_src_empty.json",
        "/screens/0/layout/children/0/src",
    ),
    ("p13_image_src_url.json", "/screens/0/layout/children/0/src"),
];

#[test]
fn uncertain_probes_warn_and_say_so() {
    let Some((cases, _)) = probe_cases("uncertain_probes_warn_and_say_so") else {
        return;
    };
    for (name, pointer) in UNCERTAIN_PROBES {
        let case = cases.iter().find(|c| c.name == *name).unwrap();
        let findings = validate_text(&case.text).unwrap();
        assert!(!has_errors(&findings), "{name}: {findings:#?}");
        assert!(
            findings.iter().any(|f| f.severity == Severity::Warning
                && f.pointer == *pointer
                && f.message.contains("uncertain")),
            "{name}: no warning at {pointer} saying Meta's verdict is uncertain: {findings:#?}"
        );
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
