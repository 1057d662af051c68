//! One file per subcommand; this file only lists them and dispatches.

mod schema;

use std::process::ExitCode;

/// Every `waflow` subcommand.
#[derive(Debug, clap::Subcommand)]
pub(crate) enum Command {
    /// Print the JSON Schema (draft 2020-12) of Flow JSON, for editor autocompletion.
    Schema(schema::Args),
}

/// Runs one subcommand and returns the process exit code.
pub(crate) fn run(command: Command) -> ExitCode {
    match command {
        Command::Schema(args) => schema::run(args),
    }
}
