//! Action and screen labels, taken from the endpoint's `flow_request` span.
//!
//! The action and the screen are inside the encrypted body, so a layer outside the endpoint
//! cannot read them without a second RSA operation. The endpoint records them on its
//! `flow_request` span; [`span_labels`] is a `tracing-subscriber` layer that copies them into a
//! task-local slot the [`FlowMetricsLayer`](super::FlowMetricsLayer) opens around each request.
//! Without it the labels read `unknown`.

use std::cell::RefCell;
use std::fmt;

use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Level, Metadata, Subscriber};
use tracing_subscriber::Layer;
use tracing_subscriber::filter::{FilterFn, Filtered, filter_fn};
use tracing_subscriber::layer::Context;
use tracing_subscriber::registry::LookupSpan;

/// The endpoint's request span.
const SPAN: &str = "flow_request";
/// The endpoint's log message for an error notification.
const CLIENT_ERROR_MESSAGE: &str = "client reported an error";
/// Longest screen name kept as a label.
const MAX_SCREEN_LEN: usize = 64;

/// What the span told about one request.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Captured {
    pub(crate) action: Option<&'static str>,
    pub(crate) screen: Option<String>,
    pub(crate) client_error: bool,
}

tokio::task_local! {
    pub(crate) static CAPTURE: RefCell<Captured>;
}

/// The `tracing-subscriber` layer that feeds the action and screen labels; add it next to your
/// log layer. It only looks at `flow_request` spans and WARN events, so it does not enable other
/// spans or events (it carries its own per-layer filter: give the log layer its filter with
/// `.with_filter(...)` rather than a global `with_env_filter`, or the span may be disabled).
///
/// ```
/// use tracing_subscriber::prelude::*;
///
/// let subscriber = tracing_subscriber::registry()
///     .with(waflow::metrics::span_labels())
///     .with(tracing_subscriber::fmt::layer().with_filter(tracing_subscriber::filter::LevelFilter::INFO));
/// let _guard = tracing::subscriber::set_default(subscriber);
/// ```
pub fn span_labels<S>() -> SpanLabelsLayer<S>
where
    S: Subscriber + for<'a> LookupSpan<'a>,
{
    SpanLabels { _private: () }.with_filter(filter_fn(interesting as fn(&Metadata<'_>) -> bool))
}

fn interesting(meta: &Metadata<'_>) -> bool {
    (meta.is_span() && meta.name() == SPAN) || (meta.is_event() && *meta.level() == Level::WARN)
}

/// The filtered layer [`span_labels`] returns.
pub type SpanLabelsLayer<S> = Filtered<SpanLabels, FilterFn<fn(&Metadata<'_>) -> bool>, S>;

/// See [`span_labels`].
#[derive(Debug, Clone, Copy)]
pub struct SpanLabels {
    _private: (),
}

impl<S> Layer<S> for SpanLabels
where
    S: Subscriber + for<'a> LookupSpan<'a>,
{
    fn on_new_span(&self, attrs: &Attributes<'_>, _id: &Id, _ctx: Context<'_, S>) {
        if attrs.metadata().name() == SPAN {
            let _ = CAPTURE.try_with(|c| attrs.record(&mut Fields(&mut c.borrow_mut())));
        }
    }

    fn on_record(&self, id: &Id, values: &Record<'_>, ctx: Context<'_, S>) {
        if ctx.metadata(id).is_some_and(|m| m.name() == SPAN) {
            let _ = CAPTURE.try_with(|c| values.record(&mut Fields(&mut c.borrow_mut())));
        }
    }

    fn on_event(&self, event: &Event<'_>, ctx: Context<'_, S>) {
        if *event.metadata().level() != Level::WARN
            || ctx.event_span(event).is_none_or(|s| s.name() != SPAN)
        {
            return;
        }
        let mut message = Message(false);
        event.record(&mut message);
        if message.0 {
            let _ = CAPTURE.try_with(|c| c.borrow_mut().client_error = true);
        }
    }
}

struct Fields<'a>(&'a mut Captured);

impl Visit for Fields<'_> {
    fn record_str(&mut self, field: &Field, value: &str) {
        if field.name() == "screen" {
            self.0.screen = Some(value.chars().take(MAX_SCREEN_LEN).collect());
        }
    }

    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        match field.name() {
            "action" => self.0.action = Some(action_label(&format!("{value:?}"))),
            "screen" => {
                let text = format!("{value:?}");
                self.0.screen = Some(
                    text.trim_matches('"')
                        .chars()
                        .take(MAX_SCREEN_LEN)
                        .collect(),
                );
            }
            _ => {}
        }
    }
}

struct Message(bool);

impl Visit for Message {
    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        if field.name() == "message" && format!("{value:?}") == CLIENT_ERROR_MESSAGE {
            self.0 = true;
        }
    }
}

/// The wire name of an action from its `Debug` form; unknown forms are `other`.
fn action_label(debug: &str) -> &'static str {
    match debug {
        "Ping" => "ping",
        "Init" => "INIT",
        "Back" => "BACK",
        "DataExchange" => "data_exchange",
        "Navigate" => "navigate",
        _ => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::action_label;

    #[test]
    fn actions_map_to_their_wire_names() {
        assert_eq!(action_label("Ping"), "ping");
        assert_eq!(action_label("DataExchange"), "data_exchange");
        assert_eq!(action_label("Something"), "other");
    }
}
