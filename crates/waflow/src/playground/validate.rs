//! `POST /api/validate`: the editor's text checked by waflow-json's validator (what
//! `waflow validate` runs), each finding placed in that exact text.
//!
//! The answer lists every finding with its code, severity, message and JSON Pointer, plus where
//! the editor marks it: `from`/`to` in UTF-16 code units (what a browser's text fields count) and
//! 1-based `line`/`column` (column in UTF-16 code units) of both ends. A pointer to something
//! absent (a missing property) is marked at its nearest ancestor, named by `located`. Text that is
//! not JSON answers one `INVALID_JSON` finding at the parser's line and column; a UTF-8 byte order
//! mark is a `BYTE_ORDER_MARK` finding, and the rest of the text is checked as if it were absent.

use axum::Json;
use axum::body::Bytes;
use serde::{Deserialize, Serialize};
use waflow_json::validate::{Finding, TextError, validate_text};

use super::error::PlaygroundError;
use super::session::Browser;
use super::spans::{Spans, TextIndex};

/// Largest body accepted by `/api/validate`: Flow JSON with inline images is larger than the
/// other API bodies.
pub(crate) const MAX_VALIDATE_BODY: usize = 2 * 1024 * 1024;

/// Code of the finding for text that is not JSON.
const INVALID_JSON: &str = "INVALID_JSON";
/// Code of the finding for a leading UTF-8 byte order mark.
const BYTE_ORDER_MARK: &str = "BYTE_ORDER_MARK";

/// What the page posts.
#[derive(Debug, Deserialize)]
struct ValidateBody {
    /// The editor's text.
    text: String,
}

/// One finding, placed in the text.
#[derive(Debug, Serialize)]
pub(crate) struct Located {
    /// The rule's code (Meta's error code for errors), or `INVALID_JSON` / `BYTE_ORDER_MARK`.
    code: String,
    /// `"error"` or `"warning"`.
    severity: &'static str,
    /// What is wrong, for a person.
    message: String,
    /// The finding's JSON Pointer (`""` is the whole document).
    pointer: String,
    /// The pointer that is marked: `pointer` or its nearest ancestor present in the text.
    located: String,
    /// Start of the marked range, in UTF-16 code units.
    from: usize,
    /// End of the marked range (exclusive), in UTF-16 code units.
    to: usize,
    /// 1-based line of `from`.
    line: usize,
    /// 1-based column of `from`, in UTF-16 code units.
    column: usize,
    /// 1-based line of `to`.
    end_line: usize,
    /// 1-based column of `to`, in UTF-16 code units.
    end_column: usize,
}

/// The answer of `/api/validate`.
#[derive(Debug, Serialize)]
pub(crate) struct Validation {
    /// Whether the text is JSON (without a byte order mark), i.e. whether the rules ran on it
    /// as the upload would.
    json: bool,
    /// How many findings are errors.
    errors: usize,
    /// How many findings are warnings.
    warnings: usize,
    /// The findings, in text order.
    findings: Vec<Located>,
}

/// `POST /api/validate` (`{"text": "…"}`): needs the browser's session like the other API calls.
pub(crate) async fn validate(
    Browser(_): Browser,
    body: Bytes,
) -> Result<Json<Validation>, PlaygroundError> {
    let body: ValidateBody = super::parse(&body)?;
    Ok(Json(check(&body.text)))
}

/// Checks `text` and places every finding in it.
pub(crate) fn check(text: &str) -> Validation {
    let index = TextIndex::new(text);
    let place =
        |code: String, severity, message, pointer: String, located, bytes: (usize, usize)| {
            let (from, to) = (index.position(bytes.0), index.position(bytes.1));
            Located {
                code,
                severity,
                message,
                pointer,
                located,
                from: from.offset,
                to: to.offset,
                line: from.line,
                column: from.column,
                end_line: to.line,
                end_column: to.column,
            }
        };
    let mut findings = Vec::new();
    let bom = text.strip_prefix('\u{feff}').map(|_| '\u{feff}'.len_utf8());
    let start = bom.unwrap_or(0);
    if let Some(len) = bom {
        findings.push(place(
            BYTE_ORDER_MARK.to_owned(),
            "error",
            TextError::ByteOrderMark.to_string(),
            String::new(),
            String::new(),
            (0, len),
        ));
    }
    let mut json = bom.is_none();
    match validate_text(&text[start..]) {
        Ok(found) => {
            let spans = Spans::build(text, start);
            findings.extend(found.into_iter().map(|finding| {
                let (located, range) = spans
                    .locate(&finding.pointer)
                    .map_or((String::new(), start..index.next(start)), |(at, range)| {
                        (at.to_owned(), range)
                    });
                let severity = if finding.is_error() {
                    "error"
                } else {
                    "warning"
                };
                let Finding {
                    rule,
                    pointer,
                    message,
                    ..
                } = finding;
                place(
                    rule.as_str().to_owned(),
                    severity,
                    message,
                    pointer,
                    located,
                    (range.start, range.end),
                )
            }));
        }
        Err(error) => {
            json = false;
            let message = match &error {
                TextError::Syntax { message, .. } => message.clone(),
                other => other.to_string(),
            };
            let (line, column) = error.position();
            // The parser counts bytes of the text after the byte order mark.
            let byte = if line == 1 {
                index.floor(start + column.saturating_sub(1))
            } else {
                index.byte_at(line, column)
            };
            let (from, to) = if byte >= text.len() {
                (index.previous(text.len()).max(start), text.len())
            } else {
                (byte, index.next(byte))
            };
            findings.push(place(
                INVALID_JSON.to_owned(),
                "error",
                message,
                String::new(),
                String::new(),
                (from, to),
            ));
        }
    }
    findings.sort_by_key(|f| (f.from, f.to));
    let errors = findings.iter().filter(|f| f.severity == "error").count();
    Validation {
        json,
        errors,
        warnings: findings.len() - errors,
        findings,
    }
}
