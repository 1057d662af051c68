//! [`Route`]: one registered handler with what it answers (action, screen, guard), and the
//! dispatch that picks the first route matching a request.

use std::sync::Arc;

use super::handler::ErasedHandler;
use super::{EndpointError, FlowAction, FlowRequest};

/// A route's extra condition on the request.
pub(super) type Guard = Arc<dyn Fn(&FlowRequest) -> bool + Send + Sync>;

/// One registered handler: it answers `action` on `screen` (`None`: any screen) when `guard`
/// (if any) returns true.
pub(super) struct Route<S> {
    pub(super) action: FlowAction,
    pub(super) screen: Option<String>,
    pub(super) guard: Option<Guard>,
    pub(super) handler: ErasedHandler<S>,
    /// The payload fields the handler reads as a struct, for the contract check.
    pub(super) payload_fields: Option<&'static [&'static str]>,
}

impl<S> Clone for Route<S> {
    fn clone(&self) -> Self {
        Self {
            action: self.action,
            screen: self.screen.clone(),
            guard: self.guard.clone(),
            handler: self.handler.clone(),
            payload_fields: self.payload_fields,
        }
    }
}

impl<S> Route<S> {
    /// Whether this route answers `req`.
    pub(super) fn matches(&self, req: &FlowRequest) -> bool {
        self.action == req.action
            && self
                .screen
                .as_deref()
                .is_none_or(|s| req.screen.as_deref() == Some(s))
            && self.guard.as_ref().is_none_or(|g| g(req))
    }
}

/// The handler for `request`: the first matching route, else the fallback.
pub(super) fn dispatch<'a>(
    routes: &'a [Route<()>],
    fallback: Option<&'a ErasedHandler<()>>,
    request: &FlowRequest,
) -> Result<&'a ErasedHandler<()>, EndpointError> {
    routes
        .iter()
        .find(|r| r.matches(request))
        .map(|r| &r.handler)
        .or(fallback)
        .ok_or_else(|| EndpointError::NoHandler {
            action: request.action.wire_name().to_owned(),
            screen: request.screen().to_owned(),
            handled: handled_screens(routes, request.action),
        })
}

/// The screens that have a route for `action`, in registration order, for the `NoHandler`
/// message: a guarded route is marked, a route for any screen is `any screen`.
fn handled_screens<S>(routes: &[Route<S>], action: FlowAction) -> Vec<String> {
    let mut screens: Vec<String> = Vec::new();
    for route in routes.iter().filter(|r| r.action == action) {
        let name = route.screen.as_deref().unwrap_or("any screen");
        let entry = if route.guard.is_some() {
            format!("{name} (guarded)")
        } else {
            name.to_owned()
        };
        if !screens.contains(&entry) {
            screens.push(entry);
        }
    }
    screens
}
