//! OpenTelemetry trace export (feature `otel`, off by default): the request spans go over
//! OTLP/HTTP (protobuf) to `OTEL_EXPORTER_OTLP_ENDPOINT` (or
//! `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`), with the other standard `OTEL_*` variables
//! (`OTEL_SERVICE_NAME`, headers, timeout) read by the exporter. Without an endpoint variable
//! nothing is exported. Metrics stay on Prometheus (`/metrics`).

use opentelemetry::trace::TracerProvider as _;
use opentelemetry_sdk::trace::SdkTracerProvider;
use tracing_subscriber::Layer;
use tracing_subscriber::registry::LookupSpan;

/// Shuts the exporter down (flushing spans) when dropped.
#[derive(Debug)]
pub struct OtelGuard {
    provider: SdkTracerProvider,
}

impl Drop for OtelGuard {
    fn drop(&mut self) {
        if let Err(e) = self.provider.shutdown() {
            eprintln!("warning: flushing OpenTelemetry spans: {e}");
        }
    }
}

/// The `tracing-opentelemetry` layer, when an OTLP endpoint is configured.
///
/// # Errors
/// The exporter cannot be built.
pub fn layer<S>() -> anyhow::Result<(Option<impl Layer<S>>, Option<OtelGuard>)>
where
    S: tracing::Subscriber + for<'a> LookupSpan<'a>,
{
    let configured = [
        "OTEL_EXPORTER_OTLP_ENDPOINT",
        "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
    ]
    .iter()
    .any(|v| std::env::var_os(v).is_some_and(|s| !s.is_empty()));
    if !configured {
        return Ok((None, None));
    }
    let exporter = opentelemetry_otlp::SpanExporter::builder()
        .with_http()
        .build()?;
    let service = std::env::var("OTEL_SERVICE_NAME").unwrap_or_else(|_| "sign-up".to_owned());
    let provider = SdkTracerProvider::builder()
        .with_batch_exporter(exporter)
        .with_resource(
            opentelemetry_sdk::Resource::builder()
                .with_service_name(service)
                .build(),
        )
        .build();
    let tracer = provider.tracer("sign-up");
    let layer = tracing_opentelemetry::layer().with_tracer(tracer);
    Ok((Some(layer), Some(OtelGuard { provider })))
}
