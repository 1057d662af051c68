#![allow(clippy::unwrap_used, clippy::expect_used)]
//! `waflow import` run as the real binary: the seed flow gives the module kept in
//! `crates/waflow-json/tests/imported` (which a waflow-json test compiles and runs), `--out`
//! writes it, and input that is not Flow JSON exits 2.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn json_crate() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../waflow-json")
}

fn waflow() -> Command {
    Command::cargo_bin("waflow").unwrap()
}

#[test]
fn the_seed_imports_to_the_committed_module() {
    let expected =
        std::fs::read_to_string(json_crate().join("tests/imported/signup_flow.rs")).unwrap();
    waflow()
        .arg("import")
        .arg(json_crate().join("tests/seed/signup_flow.json"))
        .assert()
        .code(0)
        .stdout(predicate::eq(expected.clone()))
        .stdout(predicate::str::contains(
            r#"pub const SIGN_UP: ScreenId<SignUpData> = ScreenId::new("SIGN_UP");"#,
        ));
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("flow.rs");
    waflow()
        .arg("import")
        .arg(json_crate().join("tests/seed/signup_flow.json"))
        .arg("--out")
        .arg(&out)
        .assert()
        .code(0);
    assert_eq!(std::fs::read_to_string(out).unwrap(), expected);
}

#[test]
fn input_that_is_not_flow_json_exits_two() {
    let dir = tempfile::tempdir().unwrap();
    let bom = dir.path().join("bom.json");
    std::fs::write(&bom, "\u{feff}{}").unwrap();
    waflow()
        .arg("import")
        .arg(&bom)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("byte order mark"));
    let unknown = dir.path().join("unknown.json");
    std::fs::write(
        &unknown,
        r#"{"version": "7.3", "screens": [], "colour": 1}"#,
    )
    .unwrap();
    waflow()
        .arg("import")
        .arg(&unknown)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("colour"));
    waflow()
        .arg("import")
        .arg(dir.path().join("missing.json"))
        .assert()
        .code(2);
}
