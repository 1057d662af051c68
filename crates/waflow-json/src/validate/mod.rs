//! The offline validator: Meta's upload-time rules for Flow JSON, checked before an upload.
//!
//! [`validate_value`] walks a document once and returns every [`Finding`]: the [`Rule`] broken (Meta's
//! error code where Meta rejects the upload), the JSON Pointer of the offending element, a message for
//! a person, and a [`Severity`]. Warnings mark what Meta accepts but what surprises at run time (a
//! frozen version, text the client truncates).
//!
//! ```
//! use serde_json::json;
//! use waflow_json::validate::{validate_value, Rule, Severity};
//!
//! let flow = json!({
//!     "version": "7.3",
//!     "screens": [{
//!         "id": "WELCOME",
//!         "terminal": true,
//!         "layout": {"type": "SingleColumnLayout", "children": [
//!             {"type": "TextHeading", "text": "${data.name}"}
//!         ]}
//!     }]
//! });
//! let findings = validate_value(&flow);
//! assert!(findings.iter().any(|f| f.rule == Rule::InvalidScreenDynamicData
//!     && f.pointer == "/screens/0/layout/children/0/text"));
//! assert!(findings.iter().any(|f| f.rule == Rule::MissingFooterOnTerminalScreen
//!     && f.severity == Severity::Error));
//! ```

mod actions;
mod components;
mod conditionals;
mod context;
mod data_model;
mod dates;
mod document;
mod footer_form;
mod forms;
mod inputs;
mod limits;
mod navigation;
mod pointer;
mod refs;
mod report;
mod routing;
mod rule;
mod screens;
mod spec;
mod text;
mod value_type;
mod versions;

use std::fmt;

use serde_json::Value;

pub use document::{TextError, validate_document, validate_text};
pub use rule::Rule;

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

impl Severity {
    /// `"warning"` or `"error"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Warning => "warning",
            Self::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One rule broken at one place of a Flow JSON document.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct Finding {
    /// The rule, serialised as its code, e.g. `INVALID_ROUTING_MODEL`.
    pub rule: Rule,
    /// JSON Pointer (RFC 6901) of the offending element; `""` is the whole document.
    pub pointer: String,
    /// What is wrong, for a person.
    pub message: String,
    /// Error or warning.
    pub severity: Severity,
}

impl Finding {
    /// A finding of `severity` for `rule` at `pointer`.
    pub fn new(
        rule: Rule,
        pointer: impl Into<String>,
        message: impl Into<String>,
        severity: Severity,
    ) -> Self {
        Self {
            rule,
            pointer: pointer.into(),
            message: message.into(),
            severity,
        }
    }

    /// Whether Meta rejects an upload with this finding.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Finding {
    /// `pointer: RULE: message`, the pointer shown as `/` for the whole document.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pointer = if self.pointer.is_empty() {
            "/"
        } else {
            &self.pointer
        };
        write!(f, "{pointer}: {}: {}", self.rule, self.message)
    }
}

/// What [`FlowJson::build`](crate::FlowJson::build) refuses: a flow the validator finds at least
/// one error in. Shows every finding, one per line (warnings too); `?` turns it into any
/// `Box<dyn Error>` or `anyhow::Error`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidFlow {
    /// Every finding, errors and warnings.
    pub findings: Vec<Finding>,
}

impl InvalidFlow {
    /// The findings Meta would reject the upload for.
    pub fn errors(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.is_error())
    }
}

impl fmt::Display for InvalidFlow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the flow has {} error(s):", self.errors().count())?;
        for finding in &self.findings {
            write!(f, "\n  {}: {finding}", finding.severity)?;
        }
        Ok(())
    }
}

impl std::error::Error for InvalidFlow {}

/// Checks a Flow JSON document given as a JSON value and returns every finding, errors and warnings,
/// in document order of the rule families (versions, screens, routing, components, …).
pub fn validate_value(document: &Value) -> Vec<Finding> {
    let mut report = report::Report::default();
    let Some(doc) = context::Doc::build(document, &mut report) else {
        return report.into_findings();
    };
    versions::check(&doc, &mut report);
    screens::check(&doc, &mut report);
    data_model::check(&doc, &mut report);
    components::check(&doc, &mut report);
    conditionals::check(&doc, &mut report);
    forms::check(&doc, &mut report);
    dates::check(&doc, &mut report);
    navigation::check(&doc, &mut report);
    inputs::check(&doc, &mut report);
    footer_form::check(&doc, &mut report);
    limits::check(&doc, &mut report);
    refs::check(&doc, &mut report);
    text::check(&doc, &mut report);
    let actions = actions::collect(&doc);
    actions::check(&doc, &actions, &mut report);
    routing::check(&doc, &actions, &mut report);
    report.into_findings()
}

/// Whether any finding is an error, i.e. Meta would reject the upload.
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(Finding::is_error)
}
