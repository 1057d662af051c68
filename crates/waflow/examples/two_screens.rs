//! The shortest flow with an endpoint: two screens, one handler, served with the playground.
//!
//! ```text
//! ASK       What's your name? [Ada]   (Send)
//! GREETING  Hello Ada!                (Done)   `complete` closes the flow
//! ```
//!
//! `cargo run --example two_screens`, then open the playground it prints.

use serde::{Deserialize, Serialize};
use waflow::crypto::PrivateKey;
use waflow::endpoint::{FlowEndpoint, FlowMismatch, FlowResponse, Payload};
use waflow_json::prelude::*;

const ASK: ScreenId = ScreenId::new("ASK");
const GREETING: ScreenId<Greeting> = ScreenId::new("GREETING");

#[derive(Deserialize, FormData)]
struct Name {
    name: String,
}

#[derive(Serialize, DataModel)]
struct Greeting {
    #[flow(example = "Hello Ada!")]
    text: String,
}

fn flow() -> FlowJson {
    let ask = Screen::new(ASK).title("Hi").child(
        Form::new("form")
            .child(TextInput::new(Name::names().name, "What's your name?").required())
            .child(Footer::new("Send", Action::data_exchange_of::<Name>())),
    );
    let greeting = Screen::new(GREETING)
        .title("Hello")
        .terminal(true)
        .child(TextHeading::new(GREETING.refs().text))
        .child(Footer::new("Done", Action::complete()));
    FlowJson::new(FlowVersion::V7_3)
        .data_api_version(DataApiVersion::V3_0)
        .routing(routes! { ASK => [GREETING], GREETING => [] })
        .screens([ask, greeting])
}

async fn greet(Payload(form): Payload<Name>) -> FlowResponse {
    FlowResponse::to(GREETING, Greeting { text: format!("Hello {}!", form.name) })
}

fn endpoint(key: PrivateKey, flow: &FlowJson) -> Result<FlowEndpoint, FlowMismatch> {
    FlowEndpoint::new(key)
        .flow(flow) // handlers and every response are checked against the flow
        .on_init(|| async { FlowResponse::to(ASK, ()) })
        .on_data_exchange(ASK, greet)
        .try_with_state(())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let key = PrivateKey::load_or_generate_dev("target/dev-keys/two_screens.pem")?;
    let flow = flow().build()?; // Meta's rules, offline
    let endpoint = endpoint(key.clone(), &flow)?;
    let addr = std::env::args().nth(1).unwrap_or_else(|| "127.0.0.1:8080".into()); // `-- ADDR`
    waflow::playground::serve_local(&addr, &flow, endpoint, key.public_key()).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use waflow::testing::FlowClient;

    #[tokio::test]
    async fn greets_by_name() -> Result<(), Box<dyn std::error::Error>> {
        let pair = waflow::crypto::KeyPair::generate()?;
        let endpoint = endpoint(pair.private_key().clone(), &flow().build()?)?;
        let client = FlowClient::for_service(endpoint, pair.public_key()); // encrypts like WhatsApp
        assert_eq!(client.init().await?.screen(), Some("ASK"));
        let next = client.data_exchange(ASK, serde_json::json!({ "name": "Ada" })).await?;
        assert_eq!(next.data(), Some(&serde_json::json!({ "text": "Hello Ada!" })));
        Ok(())
    }
}
