//! If and Switch: non-empty branches, conditions with an operand, nesting depth, Footers in every
//! branch or none.

use serde_json::Value;

use super::{
    context::get,
    context::{Container, Doc, Screen},
    pointer,
    report::Report,
    rule::Rule,
};

/// The deepest If nesting Meta allows.
const MAX_IF_NESTING: usize = 3;

/// Runs the If/Switch rules.
pub(super) fn check(doc: &Doc<'_>, report: &mut Report) {
    for screen in &doc.screens {
        for (index, node) in screen.nodes.iter().enumerate() {
            match node.kind {
                "If" => {
                    if node.if_depth >= MAX_IF_NESTING {
                        report.error(
                            Rule::MaximumIfNesting,
                            &node.pointer,
                            format!("If components may be nested at most {MAX_IF_NESTING} deep."),
                        );
                    }
                    check_if(screen, index, report);
                }
                "Switch" => check_switch(screen, index, report),
                "Footer" if node.if_depth > 1 => report.error(
                    Rule::InvalidComponentPlacement,
                    &node.pointer,
                    "A Footer may only be inside the first level of If components.",
                ),
                _ => {}
            }
        }
    }
}

/// Whether component `parent` has a Footer directly in its `container` list.
fn has_footer(screen: &Screen<'_>, parent: usize, container: Container, key: Option<&str>) -> bool {
    screen.nodes.iter().any(|node| {
        node.kind == "Footer"
            && node.parent == Some(parent)
            && node.container == container
            && key.is_none_or(|key| node.pointer.starts_with(key))
    })
}

fn check_if(screen: &Screen<'_>, index: usize, report: &mut Report) {
    let node = &screen.nodes[index];
    if let Some(Value::Array(then)) = get(node.value, "then")
        && then.is_empty()
    {
        report.error(
            Rule::InvalidPropertyValue,
            pointer::join(&node.pointer, "then"),
            "Expected array to contain at least one component.",
        );
    }
    match get(node.value, "condition") {
        Some(Value::String(condition)) if !condition.contains("${") => report.error(
            Rule::InvalidPropertyValue,
            pointer::join(&node.pointer, "condition"),
            "Expected property 'condition' to contain at least one operand.",
        ),
        Some(Value::String(_)) | None => {}
        Some(_) => report.error(
            Rule::InvalidPropertyType,
            pointer::join(&node.pointer, "condition"),
            "Expected property 'condition' to be of type 'string'.",
        ),
    }
    let then_footer = has_footer(screen, index, Container::Then, None);
    let else_footer = has_footer(screen, index, Container::Else, None);
    if then_footer != else_footer {
        let missing = if then_footer { "else" } else { "then" };
        report.error(
            Rule::MissingFooterInIfElseBranches,
            &node.pointer,
            format!(
                "A Footer in one branch of If requires a Footer in the other; '{missing}' has none."
            ),
        );
    }
}

fn check_switch(screen: &Screen<'_>, index: usize, report: &mut Report) {
    let node = &screen.nodes[index];
    let Some(Value::Object(cases)) = get(node.value, "cases") else {
        return;
    };
    if cases.is_empty() {
        report.error(
            Rule::EmptySwitchCases,
            pointer::join(&node.pointer, "cases"),
            "Switch must have at least one case.",
        );
        return;
    }
    let cases_pointer = pointer::join(&node.pointer, "cases");
    let with_footer: Vec<bool> = cases
        .keys()
        .map(|key| {
            let case_pointer = format!("{}/", pointer::join(&cases_pointer, key));
            has_footer(screen, index, Container::Case, Some(&case_pointer))
        })
        .collect();
    if with_footer.iter().any(|has| *has) && !with_footer.iter().all(|has| *has) {
        report.error(
            Rule::MissingFooterInSwitchBranches,
            &node.pointer,
            "A Footer in one case of Switch requires a Footer in every case.",
        );
    }
}
