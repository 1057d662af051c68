//! A car-insurance quote, after Meta's "Get a quote" template.
//!
//! ```text
//! Business  [ Get a quote ]                          a flow message; its button opens the flow
//! VEHICLE   Make [Fiat Panda]  Year [2019]  Used for (•) Personal ( ) Business   (Continue)
//!           a year that is not 4 digits?  "Enter the year as 4 digits, e.g. 2019"
//! COVER     From €30 a month.  [x] Roadside assistance (+€4)  [ ] Glass (+€3)  (See my quote)
//! QUOTE     €34 a month or €374 a year   Pay (•) monthly ( ) yearly   (Accept quote)
//!           `complete`: the chat gets the quote id and the plan in the completion webhook
//! ```
//!
//! `cargo run --example insurance_quote`, then open the playground it prints.

use serde::{Deserialize, Serialize};
use waflow::crypto::PrivateKey;
use waflow::endpoint::{FlowEndpoint, FlowMismatch, FlowResponse, FlowToken, Payload};
use waflow_json::prelude::*;

const VEHICLE: ScreenId = ScreenId::new("VEHICLE");
const COVER: ScreenId<CoverData> = ScreenId::new("COVER");
const QUOTE: ScreenId<QuoteData> = ScreenId::new("QUOTE");

#[derive(Clone, Copy, Debug, PartialEq, Deserialize, DataSource)]
#[serde(rename_all = "snake_case")]
enum Usage {
    #[flow(title = "Personal")]
    Personal,
    #[flow(title = "Business", description = "Deliveries, clients, a company car")]
    Business,
}

#[derive(Clone, Copy, Debug, PartialEq, Deserialize, DataSource)]
#[serde(rename_all = "snake_case")]
enum Extra {
    #[flow(title = "Roadside assistance (+€4)")]
    Roadside,
    #[flow(title = "Glass (+€3)")]
    Glass,
    #[flow(title = "Rental car (+€6)")]
    Rental,
}

impl Extra {
    fn monthly(self) -> u32 {
        match self {
            Self::Roadside => 4,
            Self::Glass => 3,
            Self::Rental => 6,
        }
    }
}

#[derive(Deserialize, FormData)]
struct Vehicle {
    make: String,
    /// A TextInput delivers a string, `number` input too.
    year: String,
    usage: Usage,
}

#[derive(Serialize, DataModel)]
struct CoverData {
    #[flow(example = 30_u32)]
    base_monthly: u32,
    #[flow(example = "From €30 a month for your Fiat Panda.")]
    from: String,
}

#[derive(Deserialize, FormData)]
struct Cover {
    #[flow(data)]
    base_monthly: u32,
    #[serde(default)]
    extras: Vec<Extra>,
}

#[derive(Serialize, DataModel)]
struct QuoteData {
    #[flow(example = "€34 a month or €374 a year")]
    price: String,
    #[flow(example = "Q-30-roadside")]
    quote_id: String,
}

#[derive(Clone, Copy, Deserialize, DataSource)]
#[serde(rename_all = "snake_case")]
enum Plan {
    #[flow(title = "Pay monthly")]
    Monthly,
    #[flow(title = "Pay yearly (one month free)")]
    Yearly,
}

/// What the completion webhook brings back (`nfm_reply.response_json`, see `waflow::webhook`).
#[derive(Deserialize, FormData)]
#[allow(dead_code, reason = "read by your completion-webhook handler")]
struct Accept {
    plan: Plan,
    #[flow(data)]
    quote_id: String,
}

fn flow() -> FlowJson {
    let car = Vehicle::names();
    let vehicle = Screen::new(VEHICLE).title("Your car").child(
        Form::new("form")
            .child(TextInput::new(car.make, "Make and model").required())
            .child(TextInput::new(car.year, "Year").input_type(InputType::Number).required())
            .child(
                RadioButtonsGroup::new(car.usage, Usage::data_source())
                    .label("Used for")
                    .required(),
            )
            .child(Footer::new("Continue", Action::data_exchange_of::<Vehicle>())),
    );
    let cover = Screen::new(COVER).title("Your cover").child(
        Form::new("form")
            .child(TextBody::new(COVER.refs().from))
            .child(CheckboxGroup::new(Cover::names().extras, Extra::data_source()).label("Extras"))
            .child(Footer::new("See my quote", Action::data_exchange_of::<Cover>())),
    );
    let quote = Screen::new(QUOTE).title("Your quote").terminal(true).success(true).child(
        Form::new("form")
            .child(TextHeading::new(QUOTE.refs().price))
            .child(
                RadioButtonsGroup::new(Accept::names().plan, Plan::data_source())
                    .label("Pay")
                    .required(),
            )
            .child(Footer::new("Accept quote", Action::complete_of::<Accept>())),
    );
    FlowJson::new(FlowVersion::V7_3)
        .data_api_version(DataApiVersion::V3_0)
        .routing(routes! { VEHICLE => [COVER], COVER => [QUOTE], QUOTE => [] })
        .screens([vehicle, cover, quote])
}

async fn vehicle(Payload(car): Payload<Vehicle>) -> FlowResponse {
    let Some(year) = car.year.parse::<u32>().ok().filter(|y| (1950..=2027).contains(y)) else {
        return FlowResponse::to(VEHICLE, ())
            .error_message("Enter the year as 4 digits, e.g. 2019");
    };
    let base_monthly = match car.usage {
        Usage::Personal => 30,
        Usage::Business => 45,
    } + if year < 2015 { 5 } else { 0 };
    FlowResponse::to(
        COVER,
        CoverData {
            base_monthly,
            from: format!("From €{base_monthly} a month for your {}.", car.make),
        },
    )
}

async fn cover(FlowToken(token): FlowToken, Payload(cover): Payload<Cover>) -> FlowResponse {
    let monthly = cover.base_monthly + cover.extras.iter().map(|e| e.monthly()).sum::<u32>();
    let price = format!("€{monthly} a month or €{} a year", monthly * 11);
    FlowResponse::to(QUOTE, QuoteData { price, quote_id: format!("Q-{token}-{monthly}") })
}

fn endpoint(key: PrivateKey, flow: &FlowJson) -> Result<FlowEndpoint, FlowMismatch> {
    FlowEndpoint::new(key)
        .flow(flow)
        .on_init(|| async { FlowResponse::to(VEHICLE, ()) })
        .on_data_exchange(VEHICLE, vehicle)
        .on_data_exchange(COVER, cover)
        .try_with_state(())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let key = PrivateKey::load_or_generate_dev("target/dev-keys/insurance_quote.pem")?;
    let flow = flow().build()?;
    let endpoint = endpoint(key.clone(), &flow)?;
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
    async fn an_older_business_car_with_two_extras() -> Result<(), Box<dyn std::error::Error>> {
        let pair = waflow::crypto::KeyPair::generate()?;
        let endpoint = endpoint(pair.private_key().clone(), &flow().build()?)?;
        let client = FlowClient::for_service(endpoint, pair.public_key()).flow_token("t7");

        assert_eq!(client.init().await?.screen(), Some("VEHICLE"));
        let typo = json!({"make": "Fiat Panda", "year": "20l9", "usage": "business"});
        let again = client.data_exchange(VEHICLE, typo).await?;
        assert_eq!(again.error_message(), Some("Enter the year as 4 digits, e.g. 2019"));
        let car = json!({"make": "Fiat Panda", "year": "2012", "usage": "business"});
        let cover = client.data_exchange(VEHICLE, car).await?;
        assert_eq!(
            cover.data(),
            Some(&json!({"base_monthly": 50, "from": "From €50 a month for your Fiat Panda."}))
        );
        let extras = json!({"base_monthly": 50, "extras": ["roadside", "rental"]});
        let quote = client.data_exchange(COVER, extras).await?;
        let price = json!({"price": "€60 a month or €660 a year", "quote_id": "Q-t7-60"});
        assert_eq!(quote.data(), Some(&price));

        // QUOTE ends the flow without the endpoint: its Footer sends the plan and the quote id.
        let footer = &flow().to_value()["screens"][2]["layout"]["children"][0]["children"][2];
        let sent = json!({"plan": "${form.plan}", "quote_id": "${data.quote_id}"});
        assert_eq!(footer["on-click-action"], json!({"name": "complete", "payload": sent}));
        Ok(())
    }
}
