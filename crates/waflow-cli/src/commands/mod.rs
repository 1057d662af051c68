//! One file per subcommand; this file only lists them and dispatches.

use std::process::ExitCode;

/// Every `waflow` subcommand.
#[derive(Debug, clap::Subcommand)]
pub(crate) enum Command {}

/// Runs one subcommand and returns the process exit code.
pub(crate) fn run(command: Command) -> ExitCode {
    match command {}
}
