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
    commands::run(cli.command)
}
