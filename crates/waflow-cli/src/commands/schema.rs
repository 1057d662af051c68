//! `waflow schema [--out FILE]`: prints the JSON Schema (draft 2020-12) of a Flow JSON document,
//! generated from waflow-json's model types, so editors can autocomplete and check Flow JSON.
//!
//! Exit status: 0 on success, 1 when the output cannot be written.

use std::{
    io::{self, Write as _},
    path::PathBuf,
    process::ExitCode,
};

/// Arguments of `waflow schema`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Write the schema to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

/// Runs `waflow schema`.
pub(crate) fn run(args: Args) -> ExitCode {
    let schema = waflow_json::json_schema();
    let mut text = match serde_json::to_string_pretty(&schema) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("waflow schema: cannot serialise the schema: {e}");
            return ExitCode::FAILURE;
        }
    };
    text.push('\n');
    let written = match &args.out {
        Some(path) => {
            std::fs::write(path, text.as_bytes()).map_err(|e| (path.display().to_string(), e))
        }
        None => io::stdout()
            .lock()
            .write_all(text.as_bytes())
            .map_err(|e| ("standard output".to_owned(), e)),
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        // `waflow schema | head`: the reader left, nothing is wrong.
        Err((_, e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err((target, e)) => {
            eprintln!("waflow schema: cannot write {target}: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    #[test]
    fn writes_the_flow_json_schema_to_the_out_file() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("flow.schema.json");
        let code = run(Args {
            out: Some(out.clone()),
        });
        assert_eq!(code, ExitCode::SUCCESS);
        let schema: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
        assert_eq!(schema, waflow_json::json_schema());
        for kind in waflow_json::Component::TYPES {
            assert!(
                schema["$defs"].get(*kind).is_some(),
                "no $defs entry for {kind}"
            );
        }
    }

    #[test]
    fn unwritable_out_file_fails_without_panic() {
        let dir = tempfile::tempdir().unwrap();
        let code = run(Args {
            out: Some(dir.path().join("missing-dir").join("schema.json")),
        });
        assert_eq!(code, ExitCode::FAILURE);
    }
}
