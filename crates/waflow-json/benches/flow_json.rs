//! Flow JSON speed: build + serialise + validate the seed flow, and parse + validate the largest
//! document of the conformance corpus.
//!
//! `cargo bench -p waflow-json --bench flow_json -- --warm-up-time 1 --measurement-time 3`

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

#[path = "../tests/seed_builder/mod.rs"]
mod seed_flow;

use std::{hint::black_box, path::Path};

use criterion::{Criterion, criterion_group, criterion_main};
use serde_json::Value;
use waflow_json::{FlowJson, validate::validate_value};

/// Every document of `../shared/conformance/flows` (next to the workspace, read in place) as
/// `(name, document)`; pywa files map name → document. Empty when that corpus is absent.
fn corpus() -> Vec<(String, Value)> {
    fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                files(&path, out);
            } else if path.extension().is_some_and(|e| e == "json") {
                out.push(path);
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/conformance/flows");
    if !root.is_dir() {
        eprintln!(
            "../shared/conformance/flows is absent: the largest-document benches are skipped"
        );
        return Vec::new();
    }
    let mut paths = Vec::new();
    files(&root, &mut paths);
    let mut docs = Vec::new();
    for path in paths {
        let name = path.strip_prefix(&root).unwrap().display().to_string();
        let value: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        if name.starts_with("pywa") {
            for (key, doc) in value.as_object().unwrap() {
                docs.push((format!("{name}:{key}"), doc.clone()));
            }
        } else {
            docs.push((name, value));
        }
    }
    docs
}

fn seed(c: &mut Criterion) {
    let expected: Value =
        serde_json::from_str(include_str!("../tests/seed/signup_flow.json")).unwrap();
    assert_eq!(
        seed_flow::sign_up_flow().to_value(),
        expected,
        "builder drifted from the seed"
    );

    c.bench_function("seed/build+serialise+validate", |b| {
        b.iter(|| {
            let value = seed_flow::sign_up_flow().to_value();
            black_box(validate_value(black_box(&value)))
        });
    });
    c.bench_function("seed/build+serialise", |b| {
        b.iter(|| black_box(seed_flow::sign_up_flow().to_value()));
    });
    c.bench_function("seed/validate", |b| {
        b.iter(|| black_box(validate_value(black_box(&expected))));
    });
}

fn largest(c: &mut Criterion) {
    let Some((name, doc)) = corpus()
        .into_iter()
        .max_by_key(|(_, doc)| serde_json::to_string(doc).unwrap().len())
    else {
        return;
    };
    let text = serde_json::to_string_pretty(&doc).unwrap();
    eprintln!(
        "largest conformance document: {name} ({} bytes)",
        text.len()
    );

    c.bench_function("largest/parse+validate", |b| {
        b.iter(|| {
            let value: Value = serde_json::from_str(black_box(&text)).unwrap();
            black_box(validate_value(&value))
        });
    });
    c.bench_function("largest/typed-parse+validate", |b| {
        b.iter(|| {
            let flow = FlowJson::from_json_str(black_box(&text)).unwrap();
            black_box(flow.validate())
        });
    });
}

criterion_group!(benches, seed, largest);
criterion_main!(benches);
