//! The conformance corpus (copied from `/work/shared/conformance/flows` with its licence README),
//! shared by the round-trip and the validator tests.

use std::path::{Path, PathBuf};

use serde_json::Value;

pub(crate) fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance")
}

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            json_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

/// (name, document) for every document: pywa files map name → document.
pub(crate) fn documents() -> Vec<(String, Value)> {
    let root = corpus_dir();
    let mut files = Vec::new();
    json_files(&root, &mut files);
    files.sort();
    let mut docs = Vec::new();
    for file in files {
        let rel = file.strip_prefix(&root).unwrap().display().to_string();
        let value: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        if rel.starts_with("pywa") {
            for (name, doc) in value.as_object().unwrap() {
                docs.push((format!("{rel}:{name}"), doc.clone()));
            }
        } else {
            docs.push((rel, value));
        }
    }
    docs
}
