//! `waflow validate FILE...`: checks Flow JSON files offline against Meta's upload-time rules.
//!
//! Each finding prints as `FILE: /json/pointer: RULE: message` (warnings say `warning:` before the
//! message). Exit status: 0 when no file has an error (warnings are printed), 1 when any finding is an
//! error, 2 when a file cannot be read or is not JSON (with the parser's line and column).

use std::{
    io::{self, Write as _},
    path::{Path, PathBuf},
    process::ExitCode,
};

use serde::Serialize;
use waflow_json::validate::{Finding, validate_text};

/// Arguments of `waflow validate`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Flow JSON files to check.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Output format: `text` for people, `json` for editors and CI.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

/// How findings are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// One line per finding.
    Text,
    /// One JSON document: an array with one object per file.
    Json,
}

/// Why a file could not be checked.
#[derive(Debug, Serialize)]
struct InputError {
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<usize>,
}

/// The outcome for one file.
#[derive(Debug, Serialize)]
struct FileReport {
    file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<InputError>,
    findings: Vec<Finding>,
}

/// Runs `waflow validate`.
pub(crate) fn run(args: Args) -> ExitCode {
    let reports: Vec<FileReport> = args.files.iter().map(|path| check_file(path)).collect();
    let unreadable = reports.iter().any(|report| report.error.is_some());
    let errors = reports
        .iter()
        .flat_map(|report| &report.findings)
        .filter(|finding| finding.is_error())
        .count();
    let printed = match args.format {
        Format::Text => print_text(&reports, errors),
        Format::Json => print_json(&reports),
    };
    if printed.is_err() || unreadable {
        ExitCode::from(2)
    } else if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn check_file(path: &Path) -> FileReport {
    let file = path.display().to_string();
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) => {
            return FileReport {
                file,
                error: Some(InputError {
                    message: format!("cannot read the file: {error}"),
                    line: None,
                    column: None,
                }),
                findings: Vec::new(),
            };
        }
    };
    // The text (a byte order mark is named as such), the rules, then the typed model.
    match validate_text(&text) {
        Ok(findings) => FileReport {
            file,
            error: None,
            findings,
        },
        Err(error) => {
            let (line, column) = error.position();
            FileReport {
                file,
                error: Some(InputError {
                    message: error.to_string(),
                    line: Some(line),
                    column: Some(column),
                }),
                findings: Vec::new(),
            }
        }
    }
}

fn print_text(reports: &[FileReport], errors: usize) -> io::Result<()> {
    let mut out = io::stdout().lock();
    let mut err = io::stderr().lock();
    let mut warnings = 0;
    for report in reports {
        if let Some(error) = &report.error {
            match (error.line, error.column) {
                (Some(line), Some(column)) => writeln!(
                    err,
                    "{}:{line}:{column}: error: {}",
                    report.file, error.message
                )?,
                _ => writeln!(err, "{}: error: {}", report.file, error.message)?,
            }
        }
        for finding in &report.findings {
            let pointer = if finding.pointer.is_empty() {
                "/"
            } else {
                &finding.pointer
            };
            let severity = if finding.is_error() { "" } else { "warning: " };
            warnings += usize::from(!finding.is_error());
            writeln!(
                out,
                "{}: {pointer}: {}: {severity}{}",
                report.file, finding.rule, finding.message
            )?;
        }
    }
    writeln!(err, "{}", summary(reports, errors, warnings))?;
    out.flush()
}

/// The last line: counts of the files checked, and apart from them those that could not be
/// checked (their errors are unknown, so they are never counted as "0 error(s)").
fn summary(reports: &[FileReport], errors: usize, warnings: usize) -> String {
    let unreadable = reports.iter().filter(|r| r.error.is_some()).count();
    let checked = reports.len() - unreadable;
    let counts = format!("{checked} file(s) checked: {errors} error(s), {warnings} warning(s)");
    match (checked, unreadable) {
        (_, 0) => counts,
        (0, _) => format!("{unreadable} file(s) not checked: unreadable or not JSON"),
        _ => format!("{counts}; {unreadable} file(s) not checked: unreadable or not JSON"),
    }
}

fn print_json(reports: &[FileReport]) -> io::Result<()> {
    let mut out = io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, reports)?;
    writeln!(out)?;
    out.flush()
}
