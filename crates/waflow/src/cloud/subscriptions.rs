//! Registering the webhook callback with the Meta app (`/{app-id}/subscriptions`), and reading
//! back what is registered: the apps subscribed to the WABA (`/{waba-id}/subscribed_apps`) and
//! the app's webhook fields (`/{app-id}/subscriptions`).
//!
//! Meta's `GET /{waba-id}/subscribed_apps` lists the subscribed apps only
//! (`whatsapp_business_api_data`: id, name, link; `override_callback_uri` when one is set), not
//! their fields; which fields an app receives (`messages`, `flows`, …) is set on the app and read
//! with `GET /{app-id}/subscriptions` and the app token (Meta's "Subscriptions Edge" page).

use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};

use super::client::Client;
use super::error::CloudError;
use super::flows::{Success, ensure_success};

/// What [`Client::register_webhook`] sends.
#[derive(Debug, Clone)]
#[must_use]
pub struct WebhookSubscription {
    /// Public HTTPS URL of the webhook (e.g. `https://example.com/webhook`).
    pub callback_url: String,
    /// The token Meta echoes in the GET handshake.
    pub verify_token: SecretString,
    /// Fields to subscribe to; default `messages` and `flows`.
    pub fields: Vec<String>,
}

impl WebhookSubscription {
    /// Subscribes `callback_url` to `messages` and `flows`.
    pub fn new(callback_url: impl Into<String>, verify_token: SecretString) -> Self {
        Self {
            callback_url: callback_url.into(),
            verify_token,
            fields: vec!["messages".into(), "flows".into()],
        }
    }
    /// Replaces the subscribed fields.
    pub fn fields(mut self, fields: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.fields = fields.into_iter().map(Into::into).collect();
        self
    }
}

/// One app subscribed to the WABA's webhooks (`GET /{waba-id}/subscribed_apps`).
///
/// Shape from Meta's "WhatsApp Business Account Subscribed Apps" reference:
/// `{"data":[{"whatsapp_business_api_data":{"id","link","name"},"override_callback_uri"?}]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SubscribedApp {
    /// The app.
    pub whatsapp_business_api_data: SubscribedAppData,
    /// The callback URL this WABA overrides the app's with, if any.
    #[serde(default)]
    pub override_callback_uri: Option<String>,
}

/// The app of a [`SubscribedApp`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SubscribedAppData {
    /// The Meta app id.
    pub id: String,
    /// The app's name.
    #[serde(default)]
    pub name: Option<String>,
    /// The app's link.
    #[serde(default)]
    pub link: Option<String>,
}

/// One webhook subscription of the Meta app (`GET /{app-id}/subscriptions`).
///
/// Shape from Meta's "/{app-id}/subscriptions" reference and "Subscriptions Edge" page:
/// `{"data":[{"object":"whatsapp_business_account","callback_url","active":true,
/// "fields":[{"name":"messages","version":"v26.0"}]}]}`; `fields` items given as plain strings
/// are accepted too.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AppSubscription {
    /// The object type, e.g. `whatsapp_business_account`.
    pub object: String,
    /// Where Meta posts the updates.
    #[serde(default)]
    pub callback_url: Option<String>,
    /// Whether the subscription is active.
    #[serde(default)]
    pub active: bool,
    /// The subscribed fields.
    #[serde(default)]
    pub fields: Vec<SubscribedField>,
}

impl AppSubscription {
    /// Whether `field` (e.g. `flows`) is among the subscribed fields.
    pub fn has_field(&self, field: &str) -> bool {
        self.fields.iter().any(|f| f.name == field)
    }
}

/// A field of an [`AppSubscription`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct SubscribedField {
    /// The field, e.g. `messages`.
    pub name: String,
    /// The Graph API version the updates are sent in.
    pub version: Option<String>,
}

impl<'de> Deserialize<'de> for SubscribedField {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Wire {
            Name(String),
            Object {
                name: String,
                #[serde(default)]
                version: Option<String>,
            },
        }
        Ok(match Wire::deserialize(deserializer)? {
            Wire::Name(name) => Self {
                name,
                version: None,
            },
            Wire::Object { name, version } => Self { name, version },
        })
    }
}

#[derive(Debug, Deserialize)]
struct DataList<T> {
    #[serde(default = "Vec::new")]
    data: Vec<T>,
}

impl Client {
    /// The app token `app_id|app_secret` and the app id.
    fn app_token(&self) -> Result<(&str, SecretString), CloudError> {
        let app_id = self
            .app_id
            .as_deref()
            .ok_or(CloudError::MissingConfig("app_id"))?;
        let secret = self
            .app_secret
            .as_ref()
            .ok_or(CloudError::MissingConfig("app_secret"))?;
        Ok((
            app_id,
            SecretString::from(format!("{app_id}|{}", secret.expose_secret())),
        ))
    }

    /// Points the Meta app's `whatsapp_business_account` webhook at `callback_url`, as pywa does
    /// at start-up; authenticates with the app token `app_id|app_secret`. Meta calls the
    /// callback's GET handshake before answering, so the webhook must already be reachable.
    ///
    /// # Errors
    /// [`CloudError::MissingConfig`] without `app_id`/`app_secret`; [`CloudError::Graph`].
    pub async fn register_webhook(
        &self,
        subscription: &WebhookSubscription,
    ) -> Result<(), CloudError> {
        let (app_id, app_token) = self.app_token()?;
        let url = self.url(&format!("{app_id}/subscriptions"));
        let fields = subscription.fields.join(",");
        let s: Success = self
            .execute_with(app_token.expose_secret(), |http| {
                http.post(&url).form(&[
                    ("object", "whatsapp_business_account"),
                    ("callback_url", subscription.callback_url.as_str()),
                    ("verify_token", subscription.verify_token.expose_secret()),
                    ("fields", fields.as_str()),
                    ("include_values", "true"),
                ])
            })
            .await?;
        ensure_success(s, "register webhook")
    }

    /// Subscribes the app to the WABA's webhooks (`POST /{waba-id}/subscribed_apps`); without
    /// it no update of that WABA arrives and publishing fails with 139002.
    ///
    /// # Errors
    /// [`CloudError::Graph`] or transport errors.
    pub async fn subscribe_app_to_waba(&self) -> Result<(), CloudError> {
        let url = self.url(&format!("{}/subscribed_apps", self.waba()?));
        let s: Success = self.execute(|http| http.post(&url)).await?;
        ensure_success(s, "subscribe app to WABA")
    }

    /// The apps subscribed to the WABA's webhooks (`GET /{waba-id}/subscribed_apps`); empty when
    /// none is, and then publishing fails with 139002.
    ///
    /// # Errors
    /// [`CloudError::MissingConfig`] without `waba_id`; [`CloudError::Graph`].
    pub async fn subscribed_apps(&self) -> Result<Vec<SubscribedApp>, CloudError> {
        let url = self.url(&format!("{}/subscribed_apps", self.waba()?));
        let list: DataList<SubscribedApp> = self.execute(|http| http.get(&url)).await?;
        Ok(list.data)
    }

    /// The Meta app's webhook subscriptions with their fields (`GET /{app-id}/subscriptions`,
    /// authenticated with the app token `app_id|app_secret` as Meta requires).
    ///
    /// # Errors
    /// [`CloudError::MissingConfig`] without `app_id`/`app_secret`; [`CloudError::Graph`].
    pub async fn app_subscriptions(&self) -> Result<Vec<AppSubscription>, CloudError> {
        let (app_id, app_token) = self.app_token()?;
        let url = self.url(&format!("{app_id}/subscriptions"));
        let list: DataList<AppSubscription> = self
            .execute_with(app_token.expose_secret(), |http| http.get(&url))
            .await?;
        Ok(list.data)
    }
}
