//! The conformance corpora of `../shared/conformance` (next to the workspace), read in place: the
//! documents belong to other projects and are not copied into this repository.
//!
//! Where `../shared` is absent (a clone on its own) each corpus test prints that it was skipped and
//! why, and passes; with `CI` set in the environment an absent corpus fails the test instead, since
//! CI always has it.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use serde_json::Value;

/// `../shared/conformance/<corpus>` relative to the workspace, or `None` (with a note on stderr)
/// when it is absent.
pub(crate) fn shared_corpus(corpus: &str, test: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/conformance")
        .join(corpus);
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{test}: the corpus ../shared/conformance/{corpus} is missing, and CI must run it"
    );
    eprintln!(
        "{test}: SKIPPED: ../shared/conformance/{corpus} (next to the workspace) is absent, \
         so this corpus test did not run"
    );
    None
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

/// (name, document) for every document of `../shared/conformance/flows`: pywa files map
/// name → document, so their names are `pywa/<v>/examples.json:<key>`.
pub(crate) fn flow_documents(test: &str) -> Option<Vec<(String, Value)>> {
    let root = shared_corpus("flows", test)?;
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
    Some(docs)
}

/// Meta's verdict on a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// No error (warnings allowed).
    Accept,
    /// At least one error, or the text is not JSON.
    Reject,
}

impl Verdict {
    fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        if text.starts_with("accept") {
            Some(Self::Accept)
        } else if text.starts_with("reject") {
            Some(Self::Reject)
        } else {
            None
        }
    }
}

/// A document given as text, with the verdict its corpus states.
pub(crate) struct Case {
    pub name: String,
    pub text: String,
    pub expected: Verdict,
}

/// Every document of `../shared/conformance/realworld/documents` with the verdict of the
/// `expected` column of the corpus README's table.
pub(crate) fn realworld_cases(test: &str) -> Option<Vec<Case>> {
    let root = shared_corpus("realworld", test)?;
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let mut cases = Vec::new();
    for line in readme.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        // | document | version | expected | why |
        if cells.len() < 5 || !cells[1].ends_with(".json") {
            continue;
        }
        let Some(expected) = Verdict::parse(cells[3]) else {
            continue;
        };
        let name = cells[1].to_owned();
        let bytes = std::fs::read(root.join("documents").join(&name)).unwrap();
        cases.push(Case {
            text: String::from_utf8(bytes).unwrap(),
            name,
            expected,
        });
    }
    let on_disk = std::fs::read_dir(root.join("documents")).unwrap().count();
    assert_eq!(
        cases.len(),
        on_disk,
        "every document has a verdict in the README"
    );
    Some(cases)
}

/// Every probe of `../shared/conformance/probes` that `expected.json` gives a verdict, and the
/// names of those it leaves out.
pub(crate) fn probe_cases(test: &str) -> Option<(Vec<Case>, Vec<String>)> {
    let root = shared_corpus("probes", test)?;
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("expected.json")).unwrap())
            .unwrap();
    let mut files = Vec::new();
    json_files(&root, &mut files);
    files.sort();
    let mut cases = Vec::new();
    let mut left_out = Vec::new();
    for file in files {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        if name == "expected.json" {
            continue;
        }
        match expected[&name].as_str().and_then(Verdict::parse) {
            Some(verdict) => cases.push(Case {
                text: std::fs::read_to_string(&file).unwrap(),
                name,
                expected: verdict,
            }),
            None => left_out.push(name),
        }
    }
    Some((cases, left_out))
}

/// (name, text) of every document of the three corpora Meta accepts and the typed model reads:
/// the flows corpus (all of it), and the real-world documents and probes whose verdict is accept.
pub(crate) fn accepted_documents(test: &str) -> Option<Vec<(String, String)>> {
    let mut out: Vec<(String, String)> = flow_documents(test)?
        .into_iter()
        .map(|(name, doc)| (name, serde_json::to_string(&doc).unwrap()))
        .collect();
    let realworld = realworld_cases(test)?
        .into_iter()
        .map(|case| (format!("realworld/{}", case.name), case));
    let probes = probe_cases(test)?
        .0
        .into_iter()
        .map(|case| (format!("probes/{}", case.name), case));
    for (name, case) in realworld.chain(probes) {
        if case.expected == Verdict::Accept {
            out.push((name, case.text));
        }
    }
    Some(out)
}
