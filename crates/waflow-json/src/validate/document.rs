//! A whole document as `waflow validate` checks it: the text (a UTF-8 byte order mark or bad JSON
//! stops there, as Meta's `JSON.parse` does), then the rules, then the typed model's parse error
//! when no rule already reported that place.

use serde_json::Value;

use super::{Finding, Rule, Severity, validate_value};
use crate::FlowJson;

/// Why a text could not be checked at all: Meta's upload fails before any rule runs.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TextError {
    /// The text starts with a UTF-8 byte order mark (`EF BB BF`), which JSON does not allow and
    /// Meta's `JSON.parse` refuses.
    #[error(
        "the file starts with a UTF-8 byte order mark (BOM, bytes EF BB BF), which JSON does not \
         allow and Meta's parser refuses; save the file as UTF-8 without BOM"
    )]
    ByteOrderMark,
    /// The text is not JSON.
    #[error("not valid JSON: {message} at line {line} column {column}")]
    Syntax {
        /// What the JSON parser said.
        message: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
}

impl TextError {
    /// 1-based (line, column) of the problem: `(1, 1)` for a byte order mark.
    pub fn position(&self) -> (usize, usize) {
        match self {
            Self::ByteOrderMark => (1, 1),
            Self::Syntax { line, column, .. } => (*line, *column),
        }
    }
}

/// Checks Flow JSON text: [`TextError`] when it cannot be read as JSON (a byte order mark is named
/// as such), otherwise every finding of [`validate_document`].
///
/// ```
/// use waflow_json::validate::{validate_text, TextError};
///
/// assert_eq!(validate_text("\u{feff}{}"), Err(TextError::ByteOrderMark));
/// assert!(validate_text(r#"{"version": "7.3"}"#).is_ok_and(|f| !f.is_empty()));
/// ```
pub fn validate_text(text: &str) -> Result<Vec<Finding>, TextError> {
    if text.starts_with('\u{feff}') {
        return Err(TextError::ByteOrderMark);
    }
    let value: Value = serde_json::from_str(text).map_err(|error| {
        let full = error.to_string();
        let suffix = format!(" at line {} column {}", error.line(), error.column());
        TextError::Syntax {
            message: full.strip_suffix(&suffix).unwrap_or(&full).to_owned(),
            line: error.line(),
            column: error.column(),
        }
    })?;
    Ok(validate_document(&value))
}

/// The validator's findings plus the typed model's parse error (an unknown property, a wrong
/// shape), when no shape error of the validator already covers that pointer. This is the verdict
/// `waflow validate` prints.
pub fn validate_document(value: &Value) -> Vec<Finding> {
    let mut findings = validate_value(value);
    if let Err(error) = FlowJson::from_value(value.clone()) {
        let pointer = error.pointer();
        let known = findings.iter().any(|finding| {
            let shape_rule = matches!(
                finding.rule,
                Rule::InvalidPropertyKey
                    | Rule::InvalidPropertyType
                    | Rule::InvalidPropertyValue
                    | Rule::InvalidEnumValue
                    | Rule::MissingRequiredProperty
            );
            let related = finding.pointer == pointer
                || pointer.starts_with(&format!("{}/", finding.pointer))
                || finding.pointer.starts_with(&format!("{pointer}/"));
            finding.is_error() && shape_rule && related
        });
        if !known {
            findings.push(Finding::new(
                Rule::InvalidPropertyKey,
                pointer,
                error.message(),
                Severity::Error,
            ));
        }
    }
    findings
}
