//! Dates: DatePicker/CalendarPicker `min-date`, `max-date`, `unavailable-dates` and `init-value`
//! are `"YYYY-MM-DD"` strings from Flow JSON 5.0 (dynamic `${…}` values are not checked), and
//! `min-date` is not after `max-date`.

use serde_json::Value;

use super::{
    context::Doc, context::Node, context::get, pointer, report::Report, rule::Rule,
    versions::Version,
};

const DATE_PICKERS: [&str; 2] = ["DatePicker", "CalendarPicker"];

/// Runs the date rules.
pub(super) fn check(doc: &Doc<'_>, report: &mut Report) {
    if doc.version < Version::new(5, 0) {
        return;
    }
    for screen in &doc.screens {
        for node in &screen.nodes {
            if !DATE_PICKERS.contains(&node.kind) {
                continue;
            }
            for key in ["min-date", "max-date", "init-value"] {
                if let Some(value) = get(node.value, key) {
                    check_value(value, &pointer::join(&node.pointer, key), report);
                }
            }
            if let Some(Value::Array(dates)) = get(node.value, "unavailable-dates") {
                let at = pointer::join(&node.pointer, "unavailable-dates");
                for (index, date) in dates.iter().enumerate() {
                    check_value(date, &pointer::join(&at, &index.to_string()), report);
                }
            }
            if node.kind == "CalendarPicker" {
                check_calendar_mode(node, report);
            }
            if let (Some(min), Some(max)) = (node.str("min-date"), node.str("max-date"))
                && is_date(min)
                && is_date(max)
                && min > max
            {
                report.error(
                    Rule::InvalidDateRange,
                    pointer::join(&node.pointer, "min-date"),
                    format!("'min-date' {min} must not be after 'max-date' {max}."),
                );
            }
        }
    }
}

/// Checks a date string, or each string of a range object `{"start-date", "end-date"}`.
fn check_value(value: &Value, at: &str, report: &mut Report) {
    match value {
        Value::String(text) if !is_dynamic(text) && !is_date(text) => {
            report.error(
                Rule::InvalidDateSingleInitValueFormat,
                at,
                "The date field must be in the format \"YYYY-MM-DD\".",
            );
        }
        Value::Object(range) => {
            for (key, inner) in range {
                if inner.is_string() {
                    check_value(inner, &pointer::join(at, key), report);
                }
            }
        }
        _ => {}
    }
}

fn is_dynamic(text: &str) -> bool {
    text.starts_with("${") && text.ends_with('}')
}

/// Whether `text` is `YYYY-MM-DD` with a month 01–12 and a day 01–31.
fn is_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return false;
    }
    let digits = |range: std::ops::Range<usize>| {
        bytes[range.clone()]
            .iter()
            .all(u8::is_ascii_digit)
            .then(|| {
                bytes[range]
                    .iter()
                    .fold(0u32, |acc, b| acc * 10 + u32::from(b - b'0'))
            })
    };
    matches!(
        (digits(0..4), digits(5..7), digits(8..10)),
        (Some(_), Some(1..=12), Some(1..=31))
    )
}

/// Range-only properties (`title`, `description`, `{"start-date", "end-date"}` objects) outside
/// range mode, incomplete range objects, and `min-days` greater than `max-days`.
fn check_calendar_mode(node: &Node<'_>, report: &mut Report) {
    let range = node.str("mode") == Some("range");
    for key in ["init-value", "error-message", "label", "helper-text"] {
        let Some(Value::Object(object)) = get(node.value, key) else {
            continue;
        };
        let at = pointer::join(&node.pointer, key);
        if !range {
            report.error(
                Rule::UnexpectedCalendarPickerRangeModeProp,
                at,
                format!("Property '{key}' takes a start/end object only in mode 'range'."),
            );
            continue;
        }
        for part in ["start-date", "end-date"] {
            if !object.contains_key(part) {
                report.error(
                    Rule::MissingCalendarPickerRangeModeProp,
                    pointer::join(&at, part),
                    format!("Property '{part}' is required in '{key}' in mode 'range'."),
                );
            }
        }
    }
    if !range {
        for key in ["title", "description"] {
            if get(node.value, key).is_some() {
                report.error(
                    Rule::UnexpectedCalendarPickerRangeModeProp,
                    pointer::join(&node.pointer, key),
                    format!("Property '{key}' is only allowed in mode 'range'."),
                );
            }
        }
    }
    let min = get(node.value, "min-days").and_then(Value::as_f64);
    let max = get(node.value, "max-days").and_then(Value::as_f64);
    if let (Some(min), Some(max)) = (min, max)
        && min > max
    {
        report.error(
            Rule::InvalidMinMaxDays,
            pointer::join(&node.pointer, "min-days"),
            "'min-days' must not be greater than 'max-days'.",
        );
    }
}
