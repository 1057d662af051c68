#![allow(clippy::unwrap_used, clippy::expect_used)]
//! `waflow import`'s code generator: the module generated from the seed flow is kept in the
//! repository (`tests/imported/signup_flow.rs`), compiled here, and must build the seed exactly;
//! regenerating it must give the same text. Every accepted document of `../shared/conformance`
//! must be importable (the generator checks each builder call it writes); `tests/import_compile.rs`
//! compiles and runs the code generated for those.

use std::path::Path;

use serde_json::Value;
use waflow_json::{FlowJson, codegen::rust_module};

#[rustfmt::skip]
#[allow(unreachable_pub)]
#[path = "imported/signup_flow.rs"]
mod signup_flow;

mod corpus;

fn seed_text() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/seed/signup_flow.json"),
    )
    .unwrap()
}

#[test]
fn the_generated_seed_module_builds_the_seed() {
    let seed: Value = serde_json::from_str(&seed_text()).unwrap();
    assert_eq!(signup_flow::flow().to_value(), seed);
}

#[test]
fn regenerating_the_seed_module_gives_the_committed_text() {
    let flow = FlowJson::from_json_str(&seed_text()).unwrap();
    let generated = rust_module(&flow, "signup_flow.json").unwrap();
    let committed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/imported/signup_flow.rs"),
    )
    .unwrap();
    assert!(
        generated == committed,
        "tests/imported/signup_flow.rs is stale: run `waflow import \
         crates/waflow-json/tests/seed/signup_flow.json --out \
         crates/waflow-json/tests/imported/signup_flow.rs`"
    );
}

#[test]
fn every_accepted_corpus_document_can_be_imported() {
    let Some(docs) = corpus::accepted_documents("every_accepted_corpus_document_can_be_imported")
    else {
        return;
    };
    assert!(docs.len() > 60, "{}", docs.len());
    for (name, text) in docs {
        let flow = FlowJson::from_json_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        rust_module(&flow, &name).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}
