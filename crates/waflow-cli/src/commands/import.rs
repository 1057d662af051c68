//! `waflow import FLOW.json [--out FILE]`: prints a Rust module of typed declarations (a
//! `ScreenId` const per screen, `DataModel` and `FormData` structs) whose `flow()` builds the same
//! flow with waflow's typed builder, so a flow designed in Meta's Builder becomes code.
//!
//! Exit status: 0 on success, 1 when the code cannot be generated or written, 2 when the file is
//! unreadable or not Flow JSON.

use std::{
    io::{self, Write as _},
    path::PathBuf,
    process::ExitCode,
};

use waflow_json::{FlowJson, codegen::rust_module};

/// Arguments of `waflow import`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The Flow JSON file to turn into Rust.
    #[arg(value_name = "FLOW.json")]
    file: PathBuf,
    /// Write the module to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

/// Runs `waflow import`.
pub(crate) fn run(args: Args) -> ExitCode {
    let name = args.file.display().to_string();
    let text = match std::fs::read_to_string(&args.file) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{name}: error: cannot read the file: {e}");
            return ExitCode::from(2);
        }
    };
    if text.starts_with('\u{feff}') {
        eprintln!(
            "{name}:1:1: error: the file starts with a UTF-8 byte order mark (BOM), which JSON \
             does not allow; save it as UTF-8 without BOM"
        );
        return ExitCode::from(2);
    }
    let flow = match FlowJson::from_json_str(&text) {
        Ok(flow) => flow,
        Err(e) => {
            eprintln!("{name}: error: {e}");
            return ExitCode::from(2);
        }
    };
    let origin = args
        .file
        .file_name()
        .map_or_else(|| name.clone(), |n| n.to_string_lossy().into_owned());
    let rust = match rust_module(&flow, &origin) {
        Ok(rust) => rust,
        Err(e) => {
            eprintln!("{name}: error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let written = match &args.out {
        Some(path) => std::fs::write(path, rust.as_bytes()),
        None => io::stdout().lock().write_all(rust.as_bytes()),
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("waflow import: cannot write the module: {e}");
            ExitCode::FAILURE
        }
    }
}
