//! Flows management calls: create, update, upload JSON, publish, deprecate, delete, get, list.

use serde::{Deserialize, Serialize};

use super::client::Client;
use super::error::CloudError;
use super::flow_info::{Flow, FlowAsset, FlowCategory, FlowPreview, FlowValidationError};

/// Fields asked for by [`Client::get_flow`].
pub const FLOW_FIELDS: &str = "id,name,categories,preview,status,validation_errors,json_version,data_api_version,endpoint_uri,whatsapp_business_account,application,health_status";
/// Fields asked for by [`Client::list_flows`].
const LIST_FIELDS: &str =
    "id,name,status,categories,validation_errors,json_version,data_api_version,endpoint_uri";
/// Upper bound on pages followed by [`Client::list_flows`].
const MAX_PAGES: usize = 100;

/// `POST /{waba-id}/flows`: create (or clone) a flow.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[must_use]
pub struct CreateFlow {
    name: String,
    categories: Vec<FlowCategory>,
    #[serde(skip_serializing_if = "Option::is_none")]
    clone_flow_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    endpoint_uri: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    flow_json: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    publish: Option<bool>,
}

impl CreateFlow {
    /// A flow named `name` (unique per WABA) in `categories` (Meta needs at least one).
    pub fn new(
        name: impl Into<String>,
        categories: impl IntoIterator<Item = FlowCategory>,
    ) -> Self {
        Self {
            name: name.into(),
            categories: categories.into_iter().collect(),
            clone_flow_id: None,
            endpoint_uri: None,
            flow_json: None,
            publish: None,
        }
    }
    /// The Flow JSON from the typed model.
    pub fn flow_json_from(self, flow_json: &waflow_json::FlowJson) -> Self {
        self.flow_json(flow_json.to_json_pretty())
    }
    /// Copy the Flow JSON of an existing flow.
    pub fn clone_flow_id(mut self, id: impl Into<String>) -> Self {
        self.clone_flow_id = Some(id.into());
        self
    }
    /// The data-exchange endpoint (Flow JSON 3.0 and later).
    pub fn endpoint_uri(mut self, uri: impl Into<String>) -> Self {
        self.endpoint_uri = Some(uri.into());
        self
    }
    /// The Flow JSON text, uploaded with the creation.
    pub fn flow_json(mut self, json: impl Into<String>) -> Self {
        self.flow_json = Some(json.into());
        self
    }
    /// Publish right away (needs `flow_json`).
    pub fn publish(mut self, publish: bool) -> Self {
        self.publish = Some(publish);
        self
    }
}

/// Answer to [`Client::create_flow`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreatedFlow {
    /// The new flow's id.
    pub id: String,
    /// Whether everything asked for (incl. publishing) succeeded.
    #[serde(default)]
    pub success: Option<bool>,
    /// Problems in the uploaded Flow JSON.
    #[serde(default)]
    pub validation_errors: Vec<FlowValidationError>,
}

/// `POST /{flow-id}`: change a flow's metadata; unset fields stay as they are.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[must_use]
pub struct UpdateFlowMetadata {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    categories: Option<Vec<FlowCategory>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    endpoint_uri: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    application_id: Option<String>,
}

impl UpdateFlowMetadata {
    /// Nothing changed yet.
    pub fn new() -> Self {
        Self::default()
    }
    /// New name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }
    /// New categories.
    pub fn categories(mut self, categories: impl IntoIterator<Item = FlowCategory>) -> Self {
        self.categories = Some(categories.into_iter().collect());
        self
    }
    /// New endpoint.
    pub fn endpoint_uri(mut self, uri: impl Into<String>) -> Self {
        self.endpoint_uri = Some(uri.into());
        self
    }
    /// Connect another Meta app.
    pub fn application_id(mut self, id: impl Into<String>) -> Self {
        self.application_id = Some(id.into());
        self
    }
    /// True when nothing would be sent.
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }
}

/// Answer to [`Client::update_flow_json`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FlowJsonUpdate {
    /// True when the JSON was accepted.
    #[serde(default)]
    pub success: bool,
    /// Meta's findings (the file is saved even with errors, but cannot be published).
    #[serde(default)]
    pub validation_errors: Vec<FlowValidationError>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Success {
    #[serde(default)]
    pub(crate) success: bool,
}

#[derive(Debug, Deserialize)]
struct Paged<T> {
    data: Vec<T>,
    #[serde(default)]
    paging: Option<Paging>,
}

#[derive(Debug, Deserialize)]
struct Paging {
    #[serde(default)]
    cursors: Option<Cursors>,
    #[serde(default)]
    next: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Cursors {
    #[serde(default)]
    after: Option<String>,
}

#[derive(Debug, Deserialize)]
struct PreviewOnly {
    preview: FlowPreview,
}

pub(crate) fn ensure_success(s: Success, what: &str) -> Result<(), CloudError> {
    if s.success {
        Ok(())
    } else {
        Err(CloudError::Http {
            status: 200,
            body: format!("{what}: Meta answered success=false"),
        })
    }
}

impl Client {
    /// Creates (or clones) a flow in the client's WABA.
    ///
    /// # Errors
    /// [`CloudError::Graph`] with Meta's code (100 for a name already in use, …).
    pub async fn create_flow(&self, request: &CreateFlow) -> Result<CreatedFlow, CloudError> {
        let url = self.url(&format!("{}/flows", self.waba()?));
        self.execute(|http| http.post(&url).json(request)).await
    }

    /// Changes a flow's name, categories, endpoint or app.
    ///
    /// # Errors
    /// [`CloudError::Graph`] (139001 when the flow is published, …).
    pub async fn update_flow_metadata(
        &self,
        flow_id: &str,
        update: &UpdateFlowMetadata,
    ) -> Result<(), CloudError> {
        let url = self.url(flow_id);
        let s: Success = self.execute(|http| http.post(&url).json(update)).await?;
        ensure_success(s, "update flow metadata")
    }

    /// Uploads a flow's JSON (multipart `flow.json`, `asset_type=FLOW_JSON`). Meta's validation
    /// errors come back in the answer, not as an `Err`.
    ///
    /// # Errors
    /// [`CloudError::Graph`] when Meta refuses the upload outright.
    pub async fn update_flow_json(
        &self,
        flow_id: &str,
        flow_json: impl Into<String>,
    ) -> Result<FlowJsonUpdate, CloudError> {
        let url = self.url(&format!("{flow_id}/assets"));
        let json: String = flow_json.into();
        self.execute(|http| {
            let file =
                reqwest::multipart::Part::bytes(json.clone().into_bytes()).file_name("flow.json");
            let file = match file.mime_str("application/json") {
                Ok(part) => part,
                Err(_) => reqwest::multipart::Part::bytes(json.clone().into_bytes())
                    .file_name("flow.json"),
            };
            let form = reqwest::multipart::Form::new()
                .text("name", "flow.json")
                .text("asset_type", "FLOW_JSON")
                .part("file", file);
            http.post(&url).multipart(form)
        })
        .await
    }

    /// Uploads a typed [`waflow_json::FlowJson`] (indented, so Meta's line numbers are useful);
    /// see [`Self::update_flow_json`].
    ///
    /// # Errors
    /// As [`Self::update_flow_json`].
    pub async fn update_flow_json_from(
        &self,
        flow_id: &str,
        flow_json: &waflow_json::FlowJson,
    ) -> Result<FlowJsonUpdate, CloudError> {
        self.update_flow_json(flow_id, flow_json.to_json_pretty())
            .await
    }

    /// Publishes a draft flow.
    ///
    /// # Errors
    /// [`CloudError::Graph`] with 139002 and the reason (validation errors, no endpoint, …).
    pub async fn publish_flow(&self, flow_id: &str) -> Result<(), CloudError> {
        let url = self.url(&format!("{flow_id}/publish"));
        let s: Success = self.execute(|http| http.post(&url)).await?;
        ensure_success(s, "publish flow")
    }

    /// Deprecates a published flow.
    ///
    /// # Errors
    /// [`CloudError::Graph`] with 139003 when it is not published.
    pub async fn deprecate_flow(&self, flow_id: &str) -> Result<(), CloudError> {
        let url = self.url(&format!("{flow_id}/deprecate"));
        let s: Success = self.execute(|http| http.post(&url)).await?;
        ensure_success(s, "deprecate flow")
    }

    /// Deletes a draft flow.
    ///
    /// # Errors
    /// [`CloudError::Graph`] with 139004 when it is published.
    pub async fn delete_flow(&self, flow_id: &str) -> Result<(), CloudError> {
        let url = self.url(flow_id);
        let s: Success = self.execute(|http| http.delete(&url)).await?;
        ensure_success(s, "delete flow")
    }

    /// Reads one flow with every field ([`FLOW_FIELDS`]).
    ///
    /// # Errors
    /// [`CloudError::Graph`] (100 for an unknown id).
    pub async fn get_flow(&self, flow_id: &str) -> Result<Flow, CloudError> {
        self.get_flow_fields(flow_id, FLOW_FIELDS).await
    }

    /// Reads one flow with the given comma-separated `fields`.
    ///
    /// # Errors
    /// As [`Self::get_flow`].
    pub async fn get_flow_fields(&self, flow_id: &str, fields: &str) -> Result<Flow, CloudError> {
        let url = self.url(flow_id);
        self.execute(|http| http.get(&url).query(&[("fields", fields)]))
            .await
    }

    /// Lists every flow of the WABA, following the paging cursors.
    ///
    /// # Errors
    /// [`CloudError::Graph`] or transport errors.
    pub async fn list_flows(&self) -> Result<Vec<Flow>, CloudError> {
        let url = self.url(&format!("{}/flows", self.waba()?));
        let mut all = Vec::new();
        let mut after: Option<String> = None;
        for _ in 0..MAX_PAGES {
            let page: Paged<Flow> = self
                .execute(|http| {
                    let mut q = vec![("fields", LIST_FIELDS.to_owned())];
                    if let Some(a) = &after {
                        q.push(("after", a.clone()));
                    }
                    http.get(&url).query(&q)
                })
                .await?;
            let count = page.data.len();
            all.extend(page.data);
            match page.paging {
                Some(Paging {
                    next: Some(_),
                    cursors: Some(Cursors { after: Some(a) }),
                }) if count > 0 => after = Some(a),
                _ => break,
            }
        }
        Ok(all)
    }

    /// Finds a flow of the WABA by its exact name.
    ///
    /// # Errors
    /// As [`Self::list_flows`].
    pub async fn find_flow_by_name(&self, name: &str) -> Result<Option<Flow>, CloudError> {
        Ok(self
            .list_flows()
            .await?
            .into_iter()
            .find(|f| f.name.as_deref() == Some(name)))
    }

    /// Lists a flow's assets (its `flow.json` with a download URL).
    ///
    /// # Errors
    /// [`CloudError::Graph`] or transport errors.
    pub async fn list_assets(&self, flow_id: &str) -> Result<Vec<FlowAsset>, CloudError> {
        let url = self.url(&format!("{flow_id}/assets"));
        let page: Paged<FlowAsset> = self.execute(|http| http.get(&url)).await?;
        Ok(page.data)
    }

    /// Downloads an asset from its pre-signed `download_url` (no token is sent to it).
    ///
    /// # Errors
    /// [`CloudError::Http`] for a non-success status, transport errors.
    pub async fn download_asset(&self, download_url: &str) -> Result<String, CloudError> {
        let response = self
            .http
            .get(download_url)
            .send()
            .await
            .map_err(transport)?;
        let status = response.status();
        let body = response.text().await.map_err(transport)?;
        if status.is_success() {
            Ok(body)
        } else {
            Err(CloudError::Http {
                status: status.as_u16(),
                body: body.chars().take(500).collect(),
            })
        }
    }

    /// The current Flow JSON of a flow, when it has one.
    ///
    /// # Errors
    /// As [`Self::list_assets`] and [`Self::download_asset`].
    pub async fn current_flow_json(&self, flow_id: &str) -> Result<Option<String>, CloudError> {
        let assets = self.list_assets(flow_id).await?;
        match assets.iter().find(|a| a.asset_type == "FLOW_JSON") {
            Some(asset) => Ok(Some(self.download_asset(&asset.download_url).await?)),
            None => Ok(None),
        }
    }

    /// The flow's preview link (`fields=preview.invalidate(…)`); `invalidate` makes a new URL.
    ///
    /// # Errors
    /// [`CloudError::Graph`] or transport errors.
    pub async fn get_preview(
        &self,
        flow_id: &str,
        invalidate: bool,
    ) -> Result<FlowPreview, CloudError> {
        let url = self.url(flow_id);
        let fields = format!("preview.invalidate({invalidate})");
        let p: PreviewOnly = self
            .execute(|http| http.get(&url).query(&[("fields", fields.as_str())]))
            .await?;
        Ok(p.preview)
    }
}

fn transport(err: reqwest::Error) -> CloudError {
    if err.is_timeout() {
        CloudError::Timeout
    } else {
        CloudError::Transport(err)
    }
}
