//! The Graph API client for WhatsApp Flows: flows management, the business public key,
//! sending flow messages and templates, and registering the webhook.
//!
//! Every call is a typed method on [`Client`]; failures are a [`CloudError`], with Meta's own
//! error object as [`GraphError`] (code, subcode, message, `fbtrace_id`). Calls answered with
//! 429 or 5xx are retried with exponential backoff, honouring `Retry-After`; each attempt has a
//! timeout. The token is a [`secrecy::SecretString`] and never reaches `Debug` or logs.
//!
//! ```no_run
//! use secrecy::SecretString;
//! use waflow::cloud::{Client, CreateFlow, FlowStart, FlowCategory, FlowMode, FlowRef, SendFlowMessage};
//!
//! # async fn run() -> Result<(), waflow::cloud::CloudError> {
//! let client = Client::builder()
//!     .token(SecretString::from("EAAG…"))
//!     .waba_id("102290129340398")
//!     .phone_id("106540352242922")
//!     .build()?;
//! let created = client
//!     .create_flow(&CreateFlow::new("sign_up", [FlowCategory::SignUp]).endpoint_uri("https://example.com/sign-up-flow"))
//!     .await?;
//! let upload = client.update_flow_json(&created.id, r#"{"version":"7.3","screens":[]}"#).await?;
//! for e in &upload.validation_errors {
//!     eprintln!("{}: {}", e.json_pointer(), e.message);
//! }
//! let message = SendFlowMessage::new("15550001111", FlowRef::Id(created.id), "Sign up", "Create your account")
//!     .flow_token("token-123")
//!     .mode(FlowMode::Draft)
//!     .action(FlowStart::navigate("SIGN_UP"));
//! client.send_flow_message(&message).await?;
//! # Ok(()) }
//! ```

mod client;
mod error;
mod flow_info;
mod flows;
mod keys;
mod messages;
mod metrics;
mod migrate;
mod subscriptions;
mod templates;

pub use client::{Client, ClientBuilder, DEFAULT_API_VERSION, DEFAULT_GRAPH_URL};
pub use error::{CloudError, GraphError};
pub use flow_info::{
    Flow, FlowAsset, FlowCategory, FlowPreview, FlowStatus, FlowValidationError, HealthEntity,
    HealthError, HealthStatus, PreviewParams, ValidationPointer,
};
pub use flows::{CreateFlow, CreatedFlow, FLOW_FIELDS, FlowJsonUpdate, UpdateFlowMetadata};
pub use keys::BusinessPublicKey;
pub use messages::{
    FlowMode, FlowRef, FlowStart, Header, SendFlowMessage, SentContact, SentMessage, SentMessageId,
};

/// The old name of [`FlowStart`], which collided with `waflow::endpoint::FlowAction`.
#[deprecated(note = "renamed to `FlowStart` (`endpoint::FlowAction` is the request kind)")]
pub type FlowAction = FlowStart;

// Deprecated (Meta retires the Flows Metrics API on 30 April 2026); re-exported for callers,
// who get the deprecation warning where they use them.
#[allow(deprecated)]
pub use metrics::{
    FlowMetric, Granularity, MetricDataPoint, MetricName, MetricValue, MetricsQuery,
};
pub use migrate::{FailedMigration, MigrateFlowsResult, MigratedFlow};
pub use subscriptions::{
    AppSubscription, SubscribedApp, SubscribedAppData, SubscribedField, WebhookSubscription,
};
pub use templates::{CreateFlowTemplate, CreatedTemplate, SendFlowTemplate, TemplateFlow};
