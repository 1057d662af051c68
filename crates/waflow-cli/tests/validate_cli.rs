#![allow(clippy::unwrap_used, clippy::expect_used)]
//! `waflow validate` run as the real binary: exit codes 0/1/2, text and JSON output, the line and
//! column of bad JSON, a missing file.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn seed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../waflow-json/tests/seed/signup_flow.json")
}

fn waflow() -> Command {
    Command::cargo_bin("waflow").unwrap()
}

/// A 7.3 flow whose second child reads `${data.name}` that no data model declares.
const BROKEN: &str = r#"{
  "version": "7.3",
  "screens": [{
    "id": "ONLY",
    "title": "Only",
    "terminal": true,
    "layout": {"type": "SingleColumnLayout", "children": [
      {"type": "TextHeading", "text": "Hello"},
      {"type": "TextBody", "text": "${data.name}"},
      {"type": "Footer", "label": "Done", "on-click-action": {"name": "complete", "payload": {}}}
    ]}
  }]
}"#;

/// A clean 7.3 flow with one warning: a heading longer than the client shows.
const WARNS: &str = r#"{
  "version": "7.3",
  "screens": [{
    "id": "ONLY",
    "title": "Only",
    "terminal": true,
    "layout": {"type": "SingleColumnLayout", "children": [
      {"type": "TextHeading", "text": "A heading that goes on and on and on and on and on and on and on and on and on and on and on and on"},
      {"type": "Footer", "label": "Done", "on-click-action": {"name": "complete", "payload": {}}}
    ]}
  }]
}"#;

fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn seed_flow_passes_with_warnings_only() {
    waflow()
        .arg("validate")
        .arg(seed())
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "signup_flow.json: /version: FROZEN_FLOW_JSON_VERSION: warning:",
        ))
        .stderr(predicate::str::contains("0 error(s)"));
}

#[test]
fn warnings_alone_exit_zero() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(&dir, "warns.json", WARNS);
    waflow()
        .arg("validate")
        .arg(&file)
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "/screens/0/layout/children/0/text: TEXT_TRUNCATED: warning:",
        ));
}

#[test]
fn an_error_exits_one_with_file_pointer_rule_and_message() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(&dir, "broken.json", BROKEN);
    let expected = format!(
        "{}: /screens/0/layout/children/1/text: INVALID_SCREEN_DYNAMIC_DATA: Missing dynamic data \
         '${{data.name}}' in the data model of screen 'ONLY'.\n",
        file.display()
    );
    waflow()
        .arg("validate")
        .arg(seed())
        .arg(&file)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(expected))
        .stderr(predicate::str::contains("2 file(s) checked: 1 error(s)"));
}

#[test]
fn json_format_lists_findings_per_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(&dir, "broken.json", BROKEN);
    let output = waflow()
        .args(["validate", "--format", "json"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let reports: Value = serde_json::from_slice(&output.stdout).unwrap();
    let report = &reports[0];
    assert_eq!(report["file"], file.display().to_string());
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0]["rule"], "INVALID_SCREEN_DYNAMIC_DATA");
    assert_eq!(findings[0]["pointer"], "/screens/0/layout/children/1/text");
    assert_eq!(findings[0]["severity"], "error");
}

#[test]
fn bad_json_exits_two_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        &dir,
        "bad.json",
        "{\n  \"version\": \"7.3\",\n  \"screens\": [,]\n}\n",
    );
    waflow()
        .arg("validate")
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "{}:3:15: error: not valid JSON",
            file.display()
        )));
    let output = waflow()
        .args(["validate", "--format", "json"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let reports: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(reports[0]["error"]["line"], 3);
    assert_eq!(reports[0]["error"]["column"], 15);
}

#[test]
fn unreadable_input_wins_over_errors() {
    let dir = tempfile::tempdir().unwrap();
    let broken = write(&dir, "broken.json", BROKEN);
    let missing = dir.path().join("missing.json");
    waflow()
        .arg("validate")
        .arg(&broken)
        .arg(&missing)
        .assert()
        .code(2)
        .stdout(predicate::str::contains("INVALID_SCREEN_DYNAMIC_DATA"))
        .stderr(predicate::str::contains(format!(
            "{}: error: cannot read the file",
            missing.display()
        )));
}

#[test]
fn typed_model_errors_are_findings_too() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        &dir,
        "colour.json",
        &WARNS.replace(
            r#""text": "A heading"#,
            r#""colour": "red", "text": "A heading"#,
        ),
    );
    waflow()
        .arg("validate")
        .arg(&file)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "/screens/0/layout/children/0/colour: INVALID_PROPERTY_KEY:",
        ));
}

#[test]
fn no_file_is_a_usage_error() {
    waflow().arg("validate").assert().code(2);
}
