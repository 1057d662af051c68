//! The routing model: known screens only, no self-loops or backward routes, at most 10 branches, an
//! entry screen, every screen present and connected, and every `navigate` edge in the model. Without
//! a routing model the same graph is generated from the `navigate` actions.

use std::collections::HashSet;

use serde_json::{Map, Value};

use super::{actions, context::Doc, pointer, report::Report, rule::Rule, versions::Version};

/// Most outgoing routes of one screen (`maxBranches` of Meta's validator).
const MAX_BRANCHES: usize = 10;

/// One edge of the screen graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Edge<'a> {
    from: &'a str,
    to: &'a str,
}

/// Runs the routing rules.
pub(super) fn check<'a>(doc: &Doc<'a>, actions: &[actions::Action<'a>], report: &mut Report) {
    let navigate: Vec<(Edge<'a>, String)> = actions
        .iter()
        .filter(|action| action.name() == Some("navigate"))
        .filter_map(|action| {
            let from = doc.screens[action.screen].id;
            let to = action.next()?;
            doc.screen(to)?;
            (from != to).then(|| (Edge { from, to }, action.pointer.clone()))
        })
        .collect();
    match doc.root.get("routing_model") {
        Some(Value::Object(model)) => check_model(doc, model, &navigate, report),
        Some(_) => report.error(
            Rule::InvalidPropertyType,
            "/routing_model",
            "Expected property 'routing_model' to be of type 'object'.",
        ),
        None => check_generated(doc, &navigate, report),
    }
}

fn check_model(
    doc: &Doc<'_>,
    model: &Map<String, Value>,
    navigate: &[(Edge<'_>, String)],
    report: &mut Report,
) {
    let ids: HashSet<&str> = doc.screens.iter().map(|screen| screen.id).collect();
    let mut edges: HashSet<Edge<'_>> = HashSet::new();
    for (from, routes) in model {
        let at = pointer::join("/routing_model", from);
        if !ids.contains(from.as_str()) {
            report.error(
                Rule::InvalidRoutingModel,
                &at,
                format!("Invalid screens found in the routing model: [{from}]."),
            );
        }
        let Some(routes) = routes.as_array() else {
            report.error(
                Rule::InvalidPropertyType,
                at,
                format!("Expected the routes of '{from}' to be of type 'array'."),
            );
            continue;
        };
        if routes.len() > MAX_BRANCHES {
            report.error(
                Rule::InvalidRoutingModel,
                &at,
                format!(
                    "Number of branches exceeds the max limit of {MAX_BRANCHES} for screens: [{from}]."
                ),
            );
        }
        for (index, to) in routes.iter().enumerate() {
            let to_at = pointer::index(&at, index);
            let Some(to) = to.as_str() else {
                report.error(
                    Rule::InvalidPropertyType,
                    to_at,
                    "Expected a route to be a screen id of type 'string'.",
                );
                continue;
            };
            if to == from {
                report.error(
                    Rule::InvalidRoutingModel,
                    &to_at,
                    format!("Loop detected in the routing model for screens: [{from}]."),
                );
            } else if !ids.contains(to) {
                report.error(
                    Rule::InvalidRoutingModel,
                    &to_at,
                    format!("Invalid screens found in the routing model: [{to}]."),
                );
            }
            edges.insert(Edge { from, to });
            if from.as_str() < to
                && model
                    .get(to)
                    .and_then(Value::as_array)
                    .is_some_and(|back| back.iter().any(|b| b.as_str() == Some(from)))
            {
                report.error(
                    Rule::InvalidRoutingModel,
                    &to_at,
                    format!(
                        "Backward route [{to}->{from}] corresponding to forward route \
                         [{from}->{to}] is not allowed in the routing model. Only forward routes \
                         can be specified."
                    ),
                );
            }
        }
    }
    // A screen only ever reached (a leaf) may be left out as a key; one never named is missing.
    // Terminal screens are exempt (Meta: missing = screens − (keys ∪ values ∪ terminal screens));
    // a terminal screen nothing leads to is caught by the connectivity check instead.
    let mentioned: HashSet<&str> = edges.iter().map(|edge| edge.to).collect();
    let missing: Vec<&str> = doc
        .screens
        .iter()
        .filter(|screen| !screen.terminal)
        .map(|screen| screen.id)
        .filter(|id| !id.is_empty() && !model.contains_key(*id) && !mentioned.contains(id))
        .collect();
    if !missing.is_empty() {
        report.error(
            Rule::InvalidRoutingModel,
            "/routing_model",
            format!(
                "Following screens are missing in the routing model: [{}].",
                missing.join(", ")
            ),
        );
    }
    let known: Vec<&str> = ids.iter().copied().filter(|id| !id.is_empty()).collect();
    let has_inbound = |id: &str| edges.iter().any(|edge| edge.to == id && edge.from != id);
    if !known.is_empty() && known.iter().all(|id| has_inbound(id)) {
        report.error(
            Rule::InvalidRoutingModel,
            "/routing_model",
            "No entry screen found in the routing model: every screen has a route into it.",
        );
    }
    if doc.screens.len() > 1 {
        let isolated: Vec<&str> = doc
            .screens
            .iter()
            .map(|screen| screen.id)
            .filter(|id| !edges.iter().any(|edge| edge.from == *id || edge.to == *id))
            .collect();
        if !isolated.is_empty() {
            report.error(
                Rule::InvalidRoutingModel,
                "/routing_model",
                format!(
                    "Following screens are not connected with the rest of the screens: [{}]. All \
                     screens should be connected.",
                    isolated.join(", ")
                ),
            );
        }
    }
    for (edge, at) in navigate {
        if edges.contains(edge) {
            continue;
        }
        let message = format!(
            "Missing direct route from screen '{}' to screen '{}' in the routing model, while it \
             exists in the navigate screen action of screen '{}'.",
            edge.from, edge.to, edge.from
        );
        if doc.version >= Version::new(5, 0) {
            report.error(Rule::InvalidRoutingModel, at, message);
        } else {
            report.warning(
                Rule::NavigateRouteNotInRoutingModel,
                at,
                format!(
                    "{message} Meta's validator checks this from Flow JSON 5.0; in {} the upload \
                     passes, but the endpoint cannot answer with this transition.",
                    doc.version
                ),
            );
        }
    }
}

fn check_generated(doc: &Doc<'_>, navigate: &[(Edge<'_>, String)], report: &mut Report) {
    for (index, screen) in doc.screens.iter().enumerate() {
        let targets: HashSet<&str> = navigate
            .iter()
            .filter(|(edge, _)| edge.from == screen.id)
            .map(|(edge, _)| edge.to)
            .collect();
        if targets.len() > MAX_BRANCHES {
            report.error(
                Rule::InvalidRoutingModel,
                pointer::index("/screens", index),
                format!(
                    "Number of branches exceeds the max limit of {MAX_BRANCHES} for screens: [{}]. \
                     Reduce navigate actions for the screen.",
                    screen.id
                ),
            );
        }
    }
    let Some(first) = doc.screens.first() else {
        return;
    };
    // Undirected connectivity: Meta's check for flows without an endpoint.
    let connected = closure(first.id, navigate, false);
    let stray: Vec<&str> = doc
        .screens
        .iter()
        .map(|screen| screen.id)
        .filter(|id| !connected.contains(id))
        .collect();
    if !stray.is_empty() {
        report.error(
            Rule::InvalidRoutingModel,
            "/screens",
            format!(
                "Following screens are not connected with the rest of the screens via navigate \
                 screen action: [{}]. All screens should be connected.",
                stray.join(", ")
            ),
        );
        return;
    }
    // Directed reachability from the first screen: a warning, since a message may open any screen.
    let reachable = closure(first.id, navigate, true);
    for (index, screen) in doc.screens.iter().enumerate() {
        if !reachable.contains(screen.id) {
            report.warning(
                Rule::UnreachableScreen,
                pointer::index("/screens", index),
                format!(
                    "No navigate action leads from the first screen '{}' to screen '{}'; only a \
                     message that opens the flow there shows it.",
                    first.id, screen.id
                ),
            );
        }
    }
}

/// Screens reached from `start` along the edges (both ways unless `directed`).
fn closure<'a>(start: &'a str, edges: &[(Edge<'a>, String)], directed: bool) -> HashSet<&'a str> {
    let mut seen = HashSet::from([start]);
    let mut stack = vec![start];
    while let Some(current) = stack.pop() {
        for (edge, _) in edges {
            let next = if edge.from == current {
                Some(edge.to)
            } else if !directed && edge.to == current {
                Some(edge.from)
            } else {
                None
            };
            if let Some(next) = next
                && seen.insert(next)
            {
                stack.push(next);
            }
        }
    }
    seen
}
