//! Flow metrics (`fields=metric.name(…).granularity(…)…`) and migrating flows between WABAs.

use serde::{Deserialize, Serialize};

use super::client::Client;
use super::error::CloudError;

/// Which metric to read.
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

/// Answer of [`Client::migrate_flows`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MigrateFlowsResult {
    /// Flows copied.
    #[serde(default)]
    pub migrated_flows: Vec<MigratedFlow>,
    /// Flows that could not be copied.
    #[serde(default)]
    pub failed_flows: Vec<FailedMigration>,
}

/// A flow copied by [`Client::migrate_flows`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MigratedFlow {
    /// Name in the source WABA.
    pub source_name: String,
    /// Id in the source WABA.
    pub source_id: String,
    /// Id in the destination WABA.
    pub migrated_id: String,
}

/// A flow [`Client::migrate_flows`] could not copy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FailedMigration {
    /// Name in the source WABA.
    pub source_name: String,
    /// Meta's code (as a string, as Meta sends it).
    #[serde(default)]
    pub error_code: Option<String>,
    /// Meta's message.
    #[serde(default)]
    pub error_message: Option<String>,
}

impl Client {
    /// Reads a metric of an endpoint-powered flow.
    ///
    /// # Errors
    /// [`CloudError::Graph`] (139006 when too few requests were made).
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

    /// Copies flows from `source_waba_id` into the client's WABA; `names` empty means every flow
    /// (Meta accepts at most 100 names).
    ///
    /// # Errors
    /// [`CloudError::InvalidRequest`] for more than 100 names; [`CloudError::Graph`].
    pub async fn migrate_flows(
        &self,
        source_waba_id: &str,
        names: &[String],
    ) -> Result<MigrateFlowsResult, CloudError> {
        if names.len() > 100 {
            return Err(CloudError::InvalidRequest(format!(
                "at most 100 flows per migration, got {}",
                names.len()
            )));
        }
        let url = self.url(&format!("{}/migrate_flows", self.waba()?));
        let mut query = vec![("source_waba_id", source_waba_id.to_owned())];
        if !names.is_empty() {
            let list = serde_json::to_string(names)
                .map_err(|e| CloudError::InvalidRequest(e.to_string()))?;
            query.push(("source_flow_names", list));
        }
        self.execute(|http| http.post(&url).query(&query)).await
    }
}
