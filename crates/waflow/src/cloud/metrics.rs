//! Flow metrics (`fields=metric.name(…).granularity(…)…`), **deprecated**: Meta announced
//! "Metrics API will be deprecated on 30th of April 2026". Every item here carries
//! `#[deprecated]`; watch the endpoint with the `flows` webhook alerts (`ENDPOINT_ERROR_RATE`,
//! `ENDPOINT_LATENCY`, `ENDPOINT_AVAILABILITY`) and your own metrics (`waflow::metrics`)
//! instead.
// The items below use each other; the warning is for callers.
#![allow(deprecated)]

use serde::{Deserialize, Serialize};

use super::client::Client;
use super::error::CloudError;

/// Which metric to read.
#[deprecated(
    since = "0.1.0",
    note = "Meta deprecates the Flows Metrics API on 30 April 2026; use the `flows` webhook alerts and your own endpoint metrics (waflow::metrics) instead"
)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum MetricName {
    /// Requests sent to the endpoint.
    EndpointRequestCount,
    /// Failed endpoint requests.
    EndpointRequestError,
    /// Failed endpoint requests, as a rate.
    EndpointRequestErrorRate,
    /// Endpoint latency (ceil of seconds).
    EndpointRequestLatencySecondsCeil,
    /// Endpoint availability.
    EndpointAvailability,
}

impl MetricName {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::EndpointRequestCount => "ENDPOINT_REQUEST_COUNT",
            Self::EndpointRequestError => "ENDPOINT_REQUEST_ERROR",
            Self::EndpointRequestErrorRate => "ENDPOINT_REQUEST_ERROR_RATE",
            Self::EndpointRequestLatencySecondsCeil => "ENDPOINT_REQUEST_LATENCY_SECONDS_CEIL",
            Self::EndpointAvailability => "ENDPOINT_AVAILABILITY",
        }
    }
}

/// Time bucket of a metric.
#[deprecated(
    since = "0.1.0",
    note = "Meta deprecates the Flows Metrics API on 30 April 2026; use the `flows` webhook alerts and your own endpoint metrics (waflow::metrics) instead"
)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum Granularity {
    /// One point per day.
    Day,
    /// One point per hour.
    Hour,
    /// One point for the flow's whole life.
    Lifetime,
}

impl Granularity {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Day => "DAY",
            Self::Hour => "HOUR",
            Self::Lifetime => "LIFETIME",
        }
    }
}

/// What [`Client::flow_metrics`] asks for; `since`/`until` are `YYYY-MM-DD`.
#[deprecated(
    since = "0.1.0",
    note = "Meta deprecates the Flows Metrics API on 30 April 2026; use the `flows` webhook alerts and your own endpoint metrics (waflow::metrics) instead"
)]
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use]
pub struct MetricsQuery {
    /// The metric.
    pub name: MetricName,
    /// The bucket size.
    pub granularity: Granularity,
    /// First day, inclusive.
    pub since: Option<String>,
    /// Last day.
    pub until: Option<String>,
}

impl MetricsQuery {
    /// The Graph `fields` expression, e.g. `metric.name(ENDPOINT_REQUEST_COUNT).granularity(DAY)`.
    pub fn fields(&self) -> String {
        let mut f = format!(
            "metric.name({}).granularity({})",
            self.name.as_str(),
            self.granularity.as_str()
        );
        if let Some(s) = &self.since {
            f.push_str(&format!(".since({s})"));
        }
        if let Some(u) = &self.until {
            f.push_str(&format!(".until({u})"));
        }
        f
    }
}

/// A metric's series.
#[deprecated(
    since = "0.1.0",
    note = "Meta deprecates the Flows Metrics API on 30 April 2026; use the `flows` webhook alerts and your own endpoint metrics (waflow::metrics) instead"
)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FlowMetric {
    /// Metric name as Meta echoes it.
    #[serde(default)]
    pub name: Option<String>,
    /// Granularity as Meta echoes it.
    #[serde(default)]
    pub granularity: Option<String>,
    /// The points.
    #[serde(default)]
    pub data_points: Vec<MetricDataPoint>,
}

/// One point of a [`FlowMetric`].
#[deprecated(
    since = "0.1.0",
    note = "Meta deprecates the Flows Metrics API on 30 April 2026; use the `flows` webhook alerts and your own endpoint metrics (waflow::metrics) instead"
)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MetricDataPoint {
    /// ISO-8601 start of the bucket.
    pub timestamp: String,
    /// Values by key (e.g. `succeeded`, `failed`, `p90`).
    #[serde(default)]
    pub data: Vec<MetricValue>,
}

/// A keyed value of a [`MetricDataPoint`].
#[deprecated(
    since = "0.1.0",
    note = "Meta deprecates the Flows Metrics API on 30 April 2026; use the `flows` webhook alerts and your own endpoint metrics (waflow::metrics) instead"
)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MetricValue {
    /// The key.
    pub key: String,
    /// The value.
    pub value: f64,
}

#[derive(Debug, Deserialize)]
struct MetricOnly {
    metric: FlowMetric,
}

impl Client {
    /// Reads a metric of an endpoint-powered flow.
    ///
    /// # Errors
    /// [`CloudError::Graph`] (139006 when too few requests were made).
    ///
    /// Deprecated: Meta deprecates the Flows Metrics API on 30 April 2026.
    #[deprecated(
        since = "0.1.0",
        note = "Meta deprecates the Flows Metrics API on 30 April 2026; use the `flows` webhook alerts and your own endpoint metrics (waflow::metrics) instead"
    )]
    pub async fn flow_metrics(
        &self,
        flow_id: &str,
        query: &MetricsQuery,
    ) -> Result<FlowMetric, CloudError> {
        let url = self.url(flow_id);
        let fields = query.fields();
        let m: MetricOnly = self
            .execute(|http| http.get(&url).query(&[("fields", fields.as_str())]))
            .await?;
        Ok(m.metric)
    }
}
