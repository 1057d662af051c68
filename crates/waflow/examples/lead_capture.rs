//! Lead capture, after Meta's "Purchase interest" / "Get leads" templates.
//!
//! ```text
//! Business  [ Tell us what you need ]                a flow message; its button opens the flow
//! INTEREST  Which products?  [Solar panels] [Heat pump] [Battery]   Budget [€5k–15k ▾]  (Next)
//!           nothing chosen?  "Pick at least one product"
//! CONTACT   Thanks! We'll tell you about Solar panels and Battery for €5k–15k.
//!           Name [Ada]  Email [ada@example.com]  [x] You may contact me on WhatsApp  (Send)
//!           the endpoint saves the lead and closes the flow; the chat gets its id
//! ```
//!
//! The endpoint keeps what INTEREST chose, keyed by the flow token, until CONTACT is sent.
//! `cargo run --example lead_capture`, then open the playground it prints.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use serde::{Deserialize, Serialize};
use waflow::crypto::PrivateKey;
use waflow::endpoint::{FlowEndpoint, FlowError, FlowMismatch, FlowResponse, FlowToken};
use waflow::endpoint::{Payload, State};
use waflow_json::prelude::*;

const INTEREST: ScreenId = ScreenId::new("INTEREST");
const CONTACT: ScreenId<ContactData> = ScreenId::new("CONTACT");

#[derive(Clone, Copy, Debug, PartialEq, Deserialize, DataSource)]
#[serde(rename_all = "snake_case")]
enum Product {
    #[flow(title = "Solar panels")]
    SolarPanels,
    #[flow(title = "Heat pump")]
    HeatPump,
    #[flow(title = "Battery")]
    Battery,
}

#[derive(Clone, Copy, Debug, PartialEq, Deserialize, DataSource)]
enum Budget {
    #[flow(title = "Under €5k")]
    #[serde(rename = "lt5k")]
    Under5k,
    #[flow(title = "€5k–15k")]
    #[serde(rename = "5k-15k")]
    Mid,
    #[flow(title = "Over €15k")]
    #[serde(rename = "gt15k")]
    Over15k,
}

#[derive(Clone, Debug, Deserialize, FormData)]
struct Interest {
    #[serde(default)]
    products: Vec<Product>,
    budget: Budget,
}

#[derive(Serialize, DataModel)]
struct ContactData {
    #[flow(example = "Thanks! We'll tell you about Solar panels for €5k–15k.")]
    thanks: String,
}

#[derive(Deserialize, FormData)]
struct Contact {
    name: String,
    email: String,
    #[serde(default)]
    whatsapp_ok: bool,
}

fn flow() -> FlowJson {
    let form = Interest::names();
    let interest = Screen::new(INTEREST).title("What do you need?").child(
        Form::new("form")
            .child(ChipsSelector::new(form.products, "Which products?", Product::data_source()))
            .child(Dropdown::new(form.budget, "Budget", Budget::data_source()).required())
            .child(Footer::new("Next", Action::data_exchange_of::<Interest>())),
    );
    let you = Contact::names();
    let contact = Screen::new(CONTACT).title("Your contact").terminal(true).child(
        Form::new("form")
            .child(TextBody::new(CONTACT.refs().thanks))
            .child(TextInput::new(you.name, "Name").required())
            .child(TextInput::new(you.email, "Email").input_type(InputType::Email).required())
            .child(OptIn::new(you.whatsapp_ok, "You may contact me on WhatsApp"))
            .child(Footer::new("Send", Action::data_exchange_of::<Contact>())),
    );
    FlowJson::new(FlowVersion::V7_3)
        .data_api_version(DataApiVersion::V3_0)
        .routing(routes! { INTEREST => [CONTACT], CONTACT => [] })
        .screens([interest, contact])
}

/// The leads: interests waiting for their contact (by flow token), and the saved leads.
#[derive(Clone, Default)]
struct Leads {
    pending: Arc<Mutex<HashMap<String, Interest>>>,
    saved: Arc<Mutex<Vec<Lead>>>,
}

/// A saved lead: the interest, name, e-mail and whether WhatsApp may be used.
type Lead = (Interest, String, String, bool);

/// A lock that a panicked handler cannot poison for the others.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

async fn interest(
    State(leads): State<Leads>,
    FlowToken(token): FlowToken,
    Payload(interest): Payload<Interest>,
) -> FlowResponse {
    if interest.products.is_empty() {
        return FlowResponse::to(INTEREST, ()).error_message("Pick at least one product");
    }
    let titles: Vec<_> = interest.products.iter().filter_map(Product::title).collect();
    let budget = interest.budget.title().unwrap_or_default();
    let thanks = format!("Thanks! We'll tell you about {} for {budget}.", titles.join(" and "));
    lock(&leads.pending).insert(token, interest);
    FlowResponse::to(CONTACT, ContactData { thanks })
}

async fn contact(
    State(leads): State<Leads>,
    FlowToken(token): FlowToken,
    Payload(c): Payload<Contact>,
) -> Result<FlowResponse, FlowError> {
    let interest = lock(&leads.pending).remove(&token);
    let Some(interest) = interest else {
        return Err(FlowError::token_no_longer_valid("Please start again from the chat"));
    };
    let mut saved = lock(&leads.saved);
    saved.push((interest, c.name, c.email, c.whatsapp_ok));
    Ok(FlowResponse::close_with(token, serde_json::json!({"lead_id": saved.len()})))
}

fn endpoint(key: PrivateKey, flow: &FlowJson, leads: Leads) -> Result<FlowEndpoint, FlowMismatch> {
    FlowEndpoint::new(key)
        .flow(flow)
        .on_init(|| async { FlowResponse::to(INTEREST, ()) })
        .on_data_exchange(INTEREST, interest)
        .on_data_exchange(CONTACT, contact)
        .try_with_state(leads)
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let key = PrivateKey::load_or_generate_dev("target/dev-keys/lead_capture.pem")?;
    let flow = flow().build()?;
    let endpoint = endpoint(key.clone(), &flow, Leads::default())?;
    let addr = std::env::args().nth(1).unwrap_or_else(|| "127.0.0.1:8080".into()); // `-- ADDR`
    waflow::playground::serve_local(&addr, &flow, endpoint, key.public_key()).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use waflow::testing::FlowClient;

    #[tokio::test]
    async fn a_lead_is_saved_with_its_interest() -> Result<(), Box<dyn std::error::Error>> {
        let pair = waflow::crypto::KeyPair::generate()?;
        let leads = Leads::default();
        let endpoint = endpoint(pair.private_key().clone(), &flow().build()?, leads.clone())?;
        let client = FlowClient::for_service(endpoint, pair.public_key()).flow_token("t1");

        let none =
            client.data_exchange(INTEREST, json!({"products": [], "budget": "lt5k"})).await?;
        assert_eq!(none.error_message(), Some("Pick at least one product"));
        let picked = json!({"products": ["battery", "solar_panels"], "budget": "5k-15k"});
        let contact = client.data_exchange(INTEREST, picked).await?;
        let thanks = "Thanks! We'll tell you about Battery and Solar panels for €5k–15k.";
        assert_eq!(contact.data(), Some(&json!({ "thanks": thanks })));
        let you = json!({"name": "Ada", "email": "ada@example.com", "whatsapp_ok": true});
        let done = client.data_exchange(CONTACT, &you).await?;
        assert_eq!(
            done.data().map(|d| &d["extension_message_response"]["params"]["lead_id"]),
            Some(&json!(1))
        );
        let saved = lock(&leads.saved).clone();
        let (interest, name, _, whatsapp_ok) = &saved[0];
        assert_eq!((interest.budget, name.as_str(), *whatsapp_ok), (Budget::Mid, "Ada", true));

        // Sent twice (or after a restart): the interest is gone, the flow asks to start again.
        let twice = client.data_exchange(CONTACT, &you).await?;
        assert_eq!(
            (twice.status, twice.error_msg()),
            (427, Some("Please start again from the chat"))
        );
        Ok(())
    }
}
