//! What an in-process `FlowClient` learns besides the response: the contract violations of the
//! answer and the cause of a 500. Carried in `http` extensions, which never cross a socket, so
//! nothing of it can reach a real client.

use super::Violation;

/// Put on a request by `FlowClient::for_service`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct InProcessClient;

/// Put on the response for an [`InProcessClient`] when there is something to tell.
#[derive(Debug, Clone, Default)]
pub(crate) struct Diagnostics {
    /// Rules the response broke.
    pub(crate) violations: Vec<Violation>,
    /// Why the request failed with a 5xx.
    pub(crate) server_error: Option<String>,
}

impl Diagnostics {
    pub(crate) fn is_empty(&self) -> bool {
        self.violations.is_empty() && self.server_error.is_none()
    }
}
