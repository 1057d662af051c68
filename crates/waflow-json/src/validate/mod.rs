//! The offline validator: Meta's upload-time rules, checked before an upload.
//!
//! Placeholder API shared by the model and the validator while both are being written; the
//! validator replaces the body of [`validate_value`].

use serde_json::Value;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Severity {
    /// Meta accepts the upload, but the result surprises.
    Warning,
    /// Meta rejects the upload.
    Error,
}

/// One rule broken at one place of a Flow JSON document.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct Finding {
    /// The rule's name, e.g. `INVALID_ROUTING_MODEL`.
    pub rule: &'static str,
    /// JSON Pointer (RFC 6901) of the offending element.
    pub pointer: String,
    /// What is wrong, for a person.
    pub message: String,
    /// Error or warning.
    pub severity: Severity,
}

/// Checks a Flow JSON document given as a JSON value and returns every finding.
pub fn validate_value(_document: &Value) -> Vec<Finding> {
    Vec::new()
}
