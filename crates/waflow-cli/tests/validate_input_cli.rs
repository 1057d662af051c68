#![allow(clippy::unwrap_used, clippy::expect_used)]
//! `waflow validate` on input it cannot check: a UTF-8 byte order mark is named, and the summary of
//! an unreadable file never claims "0 error(s)".

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn waflow() -> Command {
    Command::cargo_bin("waflow").unwrap()
}

const CLEAN: &str = r#"{"version": "7.3", "screens": [{"id": "A", "title": "T", "terminal": true,
  "layout": {"type": "SingleColumnLayout", "children": [
    {"type": "Footer", "label": "Done", "on-click-action": {"name": "complete", "payload": {}}}]}}]}"#;

#[test]
fn a_byte_order_mark_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bom.json");
    std::fs::write(&file, format!("\u{feff}{CLEAN}")).unwrap();
    waflow()
        .arg("validate")
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "{}:1:1: error: the file starts with a UTF-8 byte order mark (BOM",
            file.display()
        )))
        .stderr(predicate::str::contains("0 error(s)").not());
    let output = waflow()
        .args(["validate", "--format", "json"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let reports: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(
        reports[0]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("byte order mark")
    );
}

#[test]
fn the_summary_of_an_unreadable_file_counts_no_errors() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.json");
    waflow()
        .arg("validate")
        .arg(&missing)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "1 file(s) not checked: unreadable or not JSON",
        ))
        .stderr(predicate::str::contains("error(s)").not());
}

#[test]
fn the_summary_separates_checked_and_unreadable_files() {
    let dir = tempfile::tempdir().unwrap();
    let clean = dir.path().join("clean.json");
    std::fs::write(&clean, CLEAN).unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{").unwrap();
    waflow()
        .arg("validate")
        .arg(&clean)
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "1 file(s) checked: 0 error(s), 0 warning(s); 1 file(s) not checked: unreadable or not JSON",
        ));
}
