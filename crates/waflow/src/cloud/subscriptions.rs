//! Registering the webhook callback with the Meta app (`/{app-id}/subscriptions`).

use secrecy::{ExposeSecret, SecretString};

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

impl Client {
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
        let app_id = self
            .app_id
            .as_deref()
            .ok_or(CloudError::MissingConfig("app_id"))?;
        let secret = self
            .app_secret
            .as_ref()
            .ok_or(CloudError::MissingConfig("app_secret"))?;
        let app_token = format!("{app_id}|{}", secret.expose_secret());
        let url = self.url(&format!("{app_id}/subscriptions"));
        let fields = subscription.fields.join(",");
        let s: Success = self
            .execute_with(&app_token, |http| {
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
}
