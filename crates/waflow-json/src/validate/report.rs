//! Collects findings while the rule families run.

use super::{Finding, Rule, Severity};

/// The findings gathered so far.
#[derive(Debug, Default)]
pub(super) struct Report {
    findings: Vec<Finding>,
}

impl Report {
    /// Records an error: Meta rejects the upload.
    pub(super) fn error(
        &mut self,
        rule: Rule,
        pointer: impl Into<String>,
        message: impl Into<String>,
    ) {
        self.findings
            .push(Finding::new(rule, pointer, message, Severity::Error));
    }

    /// Records a warning: Meta accepts the upload, but the result surprises.
    pub(super) fn warning(
        &mut self,
        rule: Rule,
        pointer: impl Into<String>,
        message: impl Into<String>,
    ) {
        self.findings
            .push(Finding::new(rule, pointer, message, Severity::Warning));
    }

    /// The findings, in the order they were recorded.
    pub(super) fn into_findings(self) -> Vec<Finding> {
        self.findings
    }
}
