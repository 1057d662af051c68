//! One file per subcommand; this file only lists them and dispatches.

mod schema;
mod validate;

use std::process::ExitCode;

/// Every `waflow` subcommand.
#[derive(Debug, clap::Subcommand)]
pub(crate) enum Command {
    /// Check Flow JSON files offline against Meta's upload-time rules.
    Validate(validate::Args),
    /// Print the JSON Schema (draft 2020-12) of Flow JSON, for editor autocompletion.
    Schema(schema::Args),
}

/// Runs one subcommand and returns the process exit code.
pub(crate) fn run(command: Command) -> ExitCode {
    match command {
        Command::Validate(args) => validate::run(args),
        Command::Schema(args) => schema::run(args),
    }
}
