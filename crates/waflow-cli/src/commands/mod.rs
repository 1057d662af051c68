//! One file per subcommand; this file only lists them and dispatches.

mod import;
mod playground;
mod schema;
mod validate;

mod credentials;
mod doctor;
mod flows;
mod key;
mod keygen;
mod send;
mod webhook;

use std::process::ExitCode;

/// Every `waflow` subcommand.
#[derive(Debug, clap::Subcommand)]
pub(crate) enum Command {
    /// Check Flow JSON files offline against Meta's upload-time rules.
    Validate(validate::Args),
    /// Print the JSON Schema (draft 2020-12) of Flow JSON, for editor autocompletion.
    Schema(schema::Args),
    /// Print Rust that builds a Flow JSON file's flow with the typed builder.
    Import(import::Args),
    /// Click through a flow in the browser, against an endpoint or canned answers.
    Playground(playground::Args),
    /// Generate the endpoint's RSA-2048 key pair (PEM; private key mode 0600).
    Keygen(keygen::Args),
    /// Upload or show the business public key on Meta.
    Key(key::Args),
    /// Manage flows on Meta: deploy, list, get, publish, deprecate, delete, preview.
    Flows(flows::Args),
    /// Send a flow message to a phone number.
    Send(send::Args),
    /// Register the webhook callback URL with the Meta app.
    Webhook(webhook::Args),
    /// Publish preflight: key, flow, endpoint (encrypted ping, 432) and webhook checks.
    Doctor(doctor::Args),
}

/// Runs one subcommand and returns the process exit code.
pub(crate) fn run(command: Command) -> ExitCode {
    match command {
        Command::Validate(args) => validate::run(args),
        Command::Schema(args) => schema::run(args),
        Command::Import(args) => import::run(args),
        Command::Playground(args) => playground::run(args),
        Command::Keygen(args) => keygen::run(args),
        Command::Key(args) => key::run(args),
        Command::Flows(args) => flows::run(args),
        Command::Send(args) => send::run(args),
        Command::Webhook(args) => webhook::run(args),
        Command::Doctor(args) => doctor::run(args),
    }
}
