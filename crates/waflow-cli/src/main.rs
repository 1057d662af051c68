//! The `waflow` command-line tool.

mod commands;

use clap::Parser;

/// waflow: build, check, serve and ship WhatsApp Flows.
#[derive(Debug, Parser)]
#[command(name = "waflow", version, about)]
struct Cli {
    #[command(subcommand)]
    command: commands::Command,
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    init_logs();
    commands::run(cli.command)
}

/// Library warnings (retried Graph calls, …) go to stderr, filtered by `RUST_LOG` (default
/// `warn`), with ANSI colours only when stderr is a terminal: a CI log or a pipe gets plain text.
fn init_logs() {
    use std::io::IsTerminal as _;
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .try_init();
}
