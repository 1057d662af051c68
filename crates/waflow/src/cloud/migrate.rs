//! Migrating flows between WhatsApp Business Accounts (`POST /{waba-id}/migrate_flows`).

use serde::{Deserialize, Serialize};

use super::client::Client;
use super::error::CloudError;

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
