#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The seed tutorial's sign-up flow written with the builder; its output must equal
//! `tests/seed/signup_flow.json` (a copy of `../shared/seed/signup_flow.json`, next to the
//! workspace) as JSON values.

use serde_json::Value;
use waflow_json::prelude::{FlowJson, Severity};

mod seed_builder;

use seed_builder::sign_up_flow;

fn seed() -> Value {
    let text = include_str!("seed/signup_flow.json");
    serde_json::from_str(text).unwrap()
}

#[test]
fn builder_output_equals_the_seed_flow_json() {
    let built = sign_up_flow().to_value();
    assert_eq!(built, seed());
}

#[test]
fn seed_parses_to_the_same_model_the_builder_makes() {
    let parsed = FlowJson::from_json_str(include_str!("seed/signup_flow.json")).unwrap();
    assert_eq!(parsed, sign_up_flow());
}

#[test]
fn seed_builder_passes_serde_json_directly() {
    // `serde_json::to_value(flow)` is the documented equivalent of `to_value`.
    let flow = sign_up_flow();
    assert_eq!(serde_json::to_value(&flow).unwrap(), flow.to_value());
}

#[test]
fn seed_flow_builds_and_a_broken_one_does_not() {
    let flow = sign_up_flow()
        .build()
        .expect("the seed flow has no validator errors");
    assert_eq!(flow.to_value(), seed());
    // Without any terminal screen Meta rejects the upload; `build` hands back the findings.
    let mut broken = sign_up_flow();
    for screen in &mut broken.screens {
        screen.terminal = None;
    }
    let invalid = broken.build().unwrap_err();
    assert!(
        invalid
            .findings
            .iter()
            .any(|f| f.severity == Severity::Error)
    );
    assert!(invalid.errors().all(|f| f.severity == Severity::Error));
    // A std error: `?` carries it into `Box<dyn Error>`, and its text lists each finding.
    let boxed: Box<dyn std::error::Error> = Box::new(invalid.clone());
    let text = boxed.to_string();
    assert!(
        text.starts_with(&format!(
            "the flow has {} error(s):",
            invalid.errors().count()
        )),
        "{text}"
    );
    for finding in &invalid.findings {
        assert!(text.contains(&finding.to_string()), "{text}");
    }
}
