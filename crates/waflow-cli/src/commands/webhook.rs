//! `waflow webhook register`: point the Meta app's webhook at your server.

use std::process::ExitCode;

use anyhow::Context as _;
use secrecy::SecretString;
use waflow::cloud::WebhookSubscription;

use super::credentials::{Credentials, Needs, block_on, print_json};

/// Arguments of `waflow webhook`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(subcommand)]
    action: Action,
}

#[derive(Debug, clap::Subcommand)]
enum Action {
    /// Register the callback URL and verify token with the app (`/{app-id}/subscriptions`).
    Register(RegisterArgs),
}

#[derive(clap::Args)]
struct RegisterArgs {
    /// Public HTTPS URL of the webhook, e.g. https://example.com/webhook.
    #[arg(long)]
    callback_url: String,
    /// The verify token your server answers the handshake with.
    #[arg(long, env = "WAFLOW_VERIFY_TOKEN", hide_env_values = true)]
    verify_token: String,
    /// Fields to subscribe to.
    #[arg(long, value_delimiter = ',', default_value = "messages,flows")]
    fields: Vec<String>,
    /// Also subscribe the app to the WABA's webhooks (needs the WABA id).
    #[arg(long)]
    subscribe_waba: bool,
    #[command(flatten)]
    credentials: Credentials,
    /// Print the result as JSON.
    #[arg(long)]
    json: bool,
}

impl std::fmt::Debug for RegisterArgs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RegisterArgs")
            .field("callback_url", &self.callback_url)
            .field("fields", &self.fields)
            .finish_non_exhaustive()
    }
}

/// Runs `waflow webhook`.
pub(crate) fn run(args: Args) -> ExitCode {
    let Action::Register(r) = args.action;
    block_on(async move {
        let client = r.credentials.client(Needs {
            app: true,
            waba: r.subscribe_waba,
            ..Needs::default()
        })?;
        let sub =
            WebhookSubscription::new(&r.callback_url, SecretString::from(r.verify_token.clone()))
                .fields(
                    r.fields
                        .iter()
                        .map(|f| f.trim().to_owned())
                        .filter(|f| !f.is_empty()),
                );
        client.register_webhook(&sub).await.context("registering the webhook failed (Meta calls the URL's GET handshake first: is the server up?)")?;
        if r.subscribe_waba {
            client
                .subscribe_app_to_waba()
                .await
                .context("subscribing the app to the WABA failed")?;
        }
        if r.json {
            print_json(
                &serde_json::json!({"registered": true, "callback_url": r.callback_url, "fields": sub.fields, "waba_subscribed": r.subscribe_waba}),
            )?;
        } else {
            println!(
                "webhook registered: {} ({})",
                r.callback_url,
                sub.fields.join(", ")
            );
            if r.subscribe_waba {
                println!("app subscribed to the WABA");
            }
        }
        Ok(ExitCode::SUCCESS)
    })
}
