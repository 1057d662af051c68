//! The process's log subscriber: `--log-format text|json` (`WAFLOW_LOG_FORMAT`) on stderr,
//! filtered by `RUST_LOG` (default `info`), ANSI colours only when stderr is a terminal and
//! `NO_COLOR` is unset; plus [`waflow::metrics::span_labels`] (the metrics' action and screen
//! labels) and, with the `otel` feature, OpenTelemetry trace export.

use std::io::IsTerminal as _;

use tracing_subscriber::filter::EnvFilter;
use tracing_subscriber::layer::SubscriberExt as _;
use tracing_subscriber::util::SubscriberInitExt as _;
use tracing_subscriber::{Layer as _, Registry};

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, clap::ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines (colours only on a terminal).
    #[default]
    Text,
    /// One JSON object per line: `timestamp`, `level`, `fields`, `target`, `span`.
    Json,
}

/// Flushes what the subscriber buffers (OpenTelemetry spans) when dropped; keep it alive.
#[derive(Debug, Default)]
#[must_use = "dropping the guard flushes and stops trace export"]
pub struct LogGuard {
    #[cfg(feature = "otel")]
    _otel: Option<super::otel::OtelGuard>,
}

/// Whether log lines get ANSI colours: only on a terminal, and never with `NO_COLOR`.
pub fn use_colours(stderr_is_terminal: bool, no_color: Option<&std::ffi::OsStr>) -> bool {
    stderr_is_terminal && no_color.is_none_or(|v| v.is_empty())
}

/// Installs the global subscriber; `metrics_labels` adds the layer the metrics need.
///
/// # Errors
/// A subscriber is already installed, or the OpenTelemetry exporter cannot be built.
pub fn init(format: LogFormat, metrics_labels: bool) -> anyhow::Result<LogGuard> {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let ansi = use_colours(
        std::io::stderr().is_terminal(),
        std::env::var_os("NO_COLOR").as_deref(),
    );
    let fmt = tracing_subscriber::fmt::layer()
        .with_writer(std::io::stderr)
        .with_ansi(ansi);
    let fmt: Box<dyn tracing_subscriber::Layer<Registry> + Send + Sync> = match format {
        LogFormat::Text => fmt.with_filter(filter).boxed(),
        LogFormat::Json => fmt
            .json()
            .with_current_span(true)
            .with_span_list(false)
            .with_filter(filter)
            .boxed(),
    };
    let registry = tracing_subscriber::registry()
        .with(fmt)
        .with(metrics_labels.then(waflow::metrics::span_labels));
    #[cfg(feature = "otel")]
    {
        let (layer, otel) = super::otel::layer()?;
        registry.with(layer).try_init()?;
        Ok(LogGuard { _otel: otel })
    }
    #[cfg(not(feature = "otel"))]
    {
        registry.try_init()?;
        Ok(LogGuard::default())
    }
}

#[cfg(test)]
mod tests {
    use super::use_colours;

    #[test]
    fn colours_only_on_a_terminal_without_no_color() {
        assert!(use_colours(true, None));
        assert!(!use_colours(false, None));
        assert!(!use_colours(true, Some("1".as_ref())));
        assert!(use_colours(true, Some("".as_ref())));
    }
}
