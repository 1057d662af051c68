//! `waflow send`: send a flow message (draft or published) to a phone number.
//!
//! Without `--token` a fresh random flow token is generated for every send (Meta's tutorial:
//! "generate a unique flow token for each message"), sent, and printed, so the endpoint and the
//! webhook can tell the conversations apart.

use std::process::ExitCode;

use anyhow::Context as _;
use serde_json::Value;
use waflow::cloud::{FlowMode, FlowRef, FlowStart, Header, SendFlowMessage};

use super::credentials::{Credentials, Needs, block_on, print_json};

/// Arguments of `waflow send`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Recipient phone number (international format, digits).
    #[arg(long)]
    to: String,
    /// Flow id (digits) or name.
    #[arg(long)]
    flow: String,
    /// Send the draft version (needed before the flow is published).
    #[arg(long)]
    draft: bool,
    /// First screen (`navigate`); default: the flow's entry screen.
    #[arg(long)]
    screen: Option<String>,
    /// JSON object with the first screen's data.
    #[arg(long)]
    data: Option<String>,
    /// Ask the endpoint for the first screen (`data_exchange`) instead of navigating.
    #[arg(long, conflicts_with_all = ["screen", "data"])]
    data_exchange: bool,
    /// Flow token handed back to your endpoint and webhook; default: a fresh random token,
    /// printed with the result.
    #[arg(long, visible_alias = "flow-token")]
    token: Option<String>,
    /// Button text (at most 20 characters).
    #[arg(long, default_value = "Open")]
    cta: String,
    /// Message body.
    #[arg(long, default_value = "Tap the button to continue.")]
    body: String,
    /// Text header.
    #[arg(long)]
    header: Option<String>,
    /// Footer text.
    #[arg(long)]
    footer: Option<String>,
    #[command(flatten)]
    credentials: Credentials,
    /// Print Meta's answer as JSON.
    #[arg(long)]
    json: bool,
}

/// Runs `waflow send`.
pub(crate) fn run(args: Args) -> ExitCode {
    block_on(async move {
        let client = args.credentials.client(Needs {
            phone: true,
            ..Needs::default()
        })?;
        let flow = if !args.flow.is_empty() && args.flow.bytes().all(|b| b.is_ascii_digit()) {
            FlowRef::Id(args.flow.clone())
        } else {
            FlowRef::Name(args.flow.clone())
        };
        let data = match &args.data {
            Some(d) => Some(serde_json::from_str::<Value>(d).context("--data is not JSON")?),
            None => None,
        };
        let action = if args.data_exchange {
            FlowStart::DataExchange
        } else {
            FlowStart::Navigate {
                screen: args.screen.clone(),
                data,
            }
        };
        let mut message = SendFlowMessage::new(&args.to, flow, &args.cta, &args.body)
            .mode(if args.draft {
                FlowMode::Draft
            } else {
                FlowMode::Published
            })
            .action(action);
        let flow_token = args.token.clone().unwrap_or_else(generate_flow_token);
        message = message.flow_token(&flow_token);
        if let Some(h) = &args.header {
            message = message.header(Header::Text(h.clone()));
        }
        if let Some(f) = &args.footer {
            message = message.footer(f);
        }
        let sent = client
            .send_flow_message(&message)
            .await
            .context("sending the flow failed")?;
        if args.json {
            let mut value = serde_json::to_value(&sent)?;
            if let Value::Object(map) = &mut value {
                map.insert("flow_token".into(), Value::String(flow_token));
            }
            print_json(&value)?;
        } else {
            println!(
                "sent {} to {} with flow token {flow_token}",
                sent.message_id().unwrap_or("(no message id)"),
                args.to
            );
        }
        Ok(ExitCode::SUCCESS)
    })
}

/// A unique flow token: `waflow-` and 128 random bits in hex (from the OS-seeded CSPRNG).
fn generate_flow_token() -> String {
    let bytes: [u8; 16] = rand::random();
    let mut token = String::with_capacity(7 + 32);
    token.push_str("waflow-");
    for b in bytes {
        token.push_str(&format!("{b:02x}"));
    }
    token
}
