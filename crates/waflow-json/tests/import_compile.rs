#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The Rust `waflow import` writes, compiled and run: for every accepted document of
//! `../shared/conformance`, the generated module is put into a scratch crate (under Cargo's test
//! temp directory, never into the repository: those documents belong to other projects), built
//! with the workspace's lock file and target directory, and run; each `flow()` must give a JSON
//! value equal to its input. So must the module of `tests/imported/typed_edges.json` (sanitised
//! and colliding ids, renamed keys, nested data, a screen whose data stays untyped), which runs
//! without the corpus too. The modules are the public modules of the scratch library, built
//! with `#![deny(warnings)]`: the generated code compiles without a warning (no unused import,
//! helper or struct).
//!
//! The scratch crate reuses the workspace's compiled dependencies, so this takes seconds once the
//! workspace is built (`--offline`: nothing is downloaded).

use std::{path::Path, process::Command};

use serde_json::Value;
use waflow_json::{FlowJson, codegen::rust_module};

mod corpus;

#[test]
fn generated_rust_for_every_accepted_document_builds_it() {
    let mut docs = corpus::accepted_documents("generated_rust_builds_every_accepted_document")
        .unwrap_or_default();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/imported/typed_edges.json");
    docs.push((
        "typed_edges.json".to_owned(),
        std::fs::read_to_string(fixture).unwrap(),
    ));
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("import-check");
    let src = root.join("src");
    let _ = std::fs::remove_dir_all(&src);
    std::fs::create_dir_all(&src).unwrap();
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let workspace = manifest.join("../..");
    std::fs::write(
        root.join("Cargo.toml"),
        format!(
            "[package]\nname = \"import-check\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\
             publish = false\n\n[dependencies]\nwaflow-json = {{ path = {:?} }}\n\
             serde = {{ version = \"1\", features = [\"derive\"] }}\n\
             serde_json = \"1\"\n\n[workspace]\n",
            manifest.display().to_string()
        ),
    )
    .unwrap();
    std::fs::copy(workspace.join("Cargo.lock"), root.join("Cargo.lock")).unwrap();
    let mut lib = String::from("#![deny(warnings)]\n");
    let mut calls = String::new();
    for (index, (name, text)) in docs.iter().enumerate() {
        let flow = FlowJson::from_json_str(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let module = rust_module(&flow, name).unwrap_or_else(|e| panic!("{name}: {e}"));
        std::fs::write(src.join(format!("m{index}.rs")), module).unwrap();
        lib.push_str(&format!("pub mod m{index};\n"));
        calls.push_str(&format!(
            "        import_check::m{index}::flow().to_value(),\n"
        ));
    }
    let main = format!(
        "fn main() {{\n    let flows = vec![\n{calls}    ];\n    \
         println!(\"{{}}\", serde_json::Value::Array(flows));\n}}\n"
    );
    std::fs::write(src.join("lib.rs"), lib).unwrap();
    std::fs::write(src.join("main.rs"), main).unwrap();
    let output = Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--offline", "--manifest-path"])
        .arg(root.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(workspace.join("target"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let built: Vec<Value> = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(built.len(), docs.len());
    for ((name, text), built) in docs.iter().zip(built) {
        let input: Value = serde_json::from_str(text).unwrap();
        assert_eq!(built, input, "{name}");
    }
    eprintln!("{} generated modules built their documents", docs.len());
}
