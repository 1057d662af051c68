//! `sign-up send --to PHONE`: issues a flow token through the store and sends the sign-up flow
//! with the Cloud API client.

use anyhow::Context as _;
use secrecy::SecretString;
use waflow::cloud::{Client, FlowMode, FlowRef, FlowStart, SendFlowMessage};

use crate::config::cli::Cli;
use crate::issue_flow_token;

/// Arguments of `send`.
#[derive(Debug, Clone, clap::Args)]
pub struct SendArgs {
    /// The phone number to send the flow to.
    #[arg(long)]
    pub to: String,
    /// The flow on Meta: id (digits) or name.
    #[arg(long, env = "WAFLOW_FLOW", default_value = "sign_up")]
    pub flow: String,
    /// Send the draft version.
    #[arg(long)]
    pub draft: bool,
    /// Graph API base URL (proxies, tests).
    #[arg(long, env = "WAFLOW_GRAPH_URL")]
    pub graph_url: Option<String>,
}

/// Issues a token for `args.to` and sends the flow; returns Meta's message id.
///
/// # Errors
/// No Cloud API credentials, the store or Meta fails.
pub async fn run(cli: &Cli, args: &SendArgs) -> anyhow::Result<String> {
    let (Some(token), Some(phone_id)) = (&cli.access_token, &cli.phone_id) else {
        anyhow::bail!(
            "sending needs WAFLOW_TOKEN and WAFLOW_PHONE_ID (or --access-token and --phone-id)"
        );
    };
    let store = cli.open_store().await?;
    let flow_token = issue_flow_token(&store, &args.to)
        .await
        .context("issuing the flow token")?;
    let sent = send_flow(token.clone(), phone_id, args, flow_token.expose()).await;
    store.close().await;
    let id = sent?;
    println!("sent {id} to {}", args.to);
    Ok(id)
}

async fn send_flow(
    token: SecretString,
    phone_id: &str,
    args: &SendArgs,
    flow_token: &str,
) -> anyhow::Result<String> {
    let mut builder = Client::builder().token(token).phone_id(phone_id);
    if let Some(url) = &args.graph_url {
        builder = builder.graph_url(url);
    }
    let client = builder
        .build()
        .context("configuring the Cloud API client")?;
    let flow = if args.flow.bytes().all(|b| b.is_ascii_digit()) {
        FlowRef::Id(args.flow.clone())
    } else {
        FlowRef::Name(args.flow.clone())
    };
    let message = SendFlowMessage::new(&args.to, flow, "Sign up", "Create your account or log in.")
        .flow_token(flow_token)
        .mode(if args.draft {
            FlowMode::Draft
        } else {
            FlowMode::Published
        })
        .action(FlowStart::DataExchange);
    let sent = client
        .send_flow_message(&message)
        .await
        .context("sending the flow")?;
    Ok(sent.message_id().unwrap_or_default().to_owned())
}
