#![allow(clippy::unwrap_used, clippy::expect_used)]
//! `waflow import`'s code generator: the module generated from the seed flow is kept in the
//! repository (`tests/imported/signup_flow.rs`), compiled here, and must build the seed exactly;
//! regenerating it must give the same text. Every accepted document of `../shared/conformance`
//! must be importable (the generator checks each builder call it writes); `tests/import_compile.rs`
//! compiles and runs the code generated for those, and for `tests/imported/typed_edges.json`, whose
//! typed declarations the tests below check.

use std::path::Path;

use serde_json::Value;
use waflow_json::{FlowJson, codegen::rust_module};

#[rustfmt::skip]
#[allow(unreachable_pub, dead_code)]
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

fn edges() -> String {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/imported/typed_edges.json"),
    )
    .unwrap();
    rust_module(&FlowJson::from_json_str(&text).unwrap(), "typed_edges.json").unwrap()
}

#[test]
fn the_seed_is_declared_with_typed_screens() {
    let seed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/imported/signup_flow.rs"),
    )
    .unwrap();
    for line in [
        r#"pub const START: ScreenId = ScreenId::new("START");"#,
        r#"pub const SIGN_UP: ScreenId<SignUpData> = ScreenId::new("SIGN_UP");"#,
        "#[derive(serde::Serialize, DataModel)]\npub struct SignUpData {",
        "#[derive(serde::Deserialize, FormData)]\npub struct SignUpForm {",
        "START => [SIGN_UP, LOGIN],",
        "Screen::new(LOGIN_SUCCESS)",
        r#"("first_name", SIGN_UP.refs().first_name_initial_value)"#,
        "Action::data_exchange().payload(SignUpForm::payload())",
        "Action::navigate_to(LOGIN, &LoginData { email_initial_value: String::new(), \
         password_initial_value: String::new() })",
    ] {
        assert!(seed.contains(line), "missing {line:?}");
    }
    assert!(
        !seed.contains("Screen::new(\""),
        "a screen named by a string"
    );
    // LOGIN → SIGN_UP hands over SIGN_UP's keys in another order: `navigate_to` would reorder.
    assert!(
        seed.contains(r#"Action::navigate(SIGN_UP.id()).payload([("email_initial_value", "")"#)
    );
    // Only the helpers the code calls are written.
    assert!(seed.contains("fn component("));
    assert!(!seed.contains("fn action(") && !seed.contains("fn schema("));
}

#[test]
fn ids_that_are_no_rust_names_or_collide_get_distinct_consts() {
    let rust = edges();
    for line in [
        r#"pub const WELCOME: ScreenId<WelcomeData> = ScreenId::new("welcome");"#,
        r#"pub const WELCOME_2: ScreenId<WelcomeData2> = ScreenId::new("WELCOME");"#,
        r#"pub const STEP_2: ScreenId<Step2Data> = ScreenId::new("step-2");"#,
        "WELCOME => [WELCOME_2],",
        "WELCOME_2 => [STEP_2],",
        "Screen::new(STEP_2)",
    ] {
        assert!(rust.contains(line), "missing {line:?}");
    }
}

#[test]
fn data_keys_become_fields_with_serdes_names_and_typed_examples() {
    let rust = edges();
    for line in [
        "    #[serde(rename = \"first-name\")]\n    #[flow(example = \"Ada\")]\n    pub first_name: String,",
        "    #[serde(rename = \"type\")]\n    #[flow(example = true)]\n    pub type_: bool,",
        "    #[flow(example = 36_i64)]\n    pub age: i64,",
        "    #[flow(example = 4.5_f64)]\n    pub score: f64,",
        "    #[flow(example = vec![\"a\".to_owned(), \"b\".to_owned()])]\n    pub tags: Vec<String>,",
        "    #[flow(example = WelcomeDataAddress { street: \"Main\".to_owned(), zip: 1000_i64 })]\n    pub address: WelcomeDataAddress,",
        "#[derive(serde::Serialize)]\npub struct WelcomeDataAddress {\n    pub street: String,\n    pub zip: i64,\n}",
        "TextHeading::new(WELCOME.refs().first_name)",
        "Action::navigate_to(STEP_2, &Step2Data { name: WELCOME_2.refs().note.into(), count: 3_i64 })",
        "    #[flow(data)]\n    pub count: i64,\n    #[flow(value = \"details\")]\n    pub step: String,",
    ] {
        assert!(rust.contains(line), "missing {line:?}\n{rust}");
    }
}

#[test]
fn data_the_derive_cannot_write_stays_untyped_for_that_screen_only() {
    let rust = edges();
    assert!(rust.contains(r#"pub const PICK: ScreenId = ScreenId::new("pick");"#));
    assert!(!rust.contains("PickData"));
    let untyped = rust
        .find("// The data stays untyped: the `items` schema of `options`")
        .unwrap();
    let data = rust
        .find(
            r#".data([
                    ScreenData::with_schema("options", schema("#,
        )
        .unwrap();
    assert!(untyped < data && rust[..untyped].contains("Screen::new(PICK)"));
    assert_eq!(rust.matches("stays untyped").count(), 1);
    // `${data.options}` of an untyped screen stays a string.
    assert!(rust.contains(r#"TextHeading::new("${data.options}")"#));
}
