//! Appointment booking, after Meta's "Book an appointment" template.
//!
//! ```text
//! Business     [ Book an appointment ]          a flow message; its button opens the flow
//! APPOINTMENT  Department [Cardiology ▾]  Date [2027-01-14]  Time [10:30 ▾]  (Continue)
//!              taken meanwhile?  "That time was just taken, please pick another"
//! DETAILS      Name [Ada Lovelace]  Email [ada@example.com]  Phone [+351912345678]  (Continue)
//! SUMMARY      Cardiology on 2027-01-14 at 10:30 for Ada Lovelace  [x] I agree  (Confirm)
//!              the endpoint books the slot and closes the flow
//! ```
//!
//! `cargo run --example appointment_booking`, then open the playground it prints.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};
use waflow::crypto::PrivateKey;
use waflow::endpoint::{FlowEndpoint, FlowError, FlowMismatch, FlowResponse, FlowToken};
use waflow::endpoint::{Payload, State};
use waflow_json::prelude::*;

const APPOINTMENT: ScreenId<AppointmentData> = ScreenId::new("APPOINTMENT");
const DETAILS: ScreenId<DetailsData> = ScreenId::new("DETAILS");
const SUMMARY: ScreenId<SummaryData> = ScreenId::new("SUMMARY");

#[derive(Clone, Copy, Debug, Serialize, Deserialize, DataSource)]
#[serde(rename_all = "snake_case")]
enum Department {
    #[flow(title = "Cardiology")]
    Cardiology,
    #[flow(title = "Dermatology")]
    Dermatology,
}

#[derive(Serialize, DataModel)]
struct AppointmentData {
    #[flow(example = vec![DataSourceItem::new("10:30", "10:30")])]
    times: Vec<DataSourceItem>,
}

/// APPOINTMENT's form: the slot, which the next screens carry along.
#[derive(Clone, Debug, Serialize, Deserialize, FormData)]
struct Slot {
    department: Department,
    date: String,
    time: String,
}

impl Slot {
    fn key(&self) -> (String, String) {
        (self.date.clone(), self.time.clone())
    }
}

#[derive(Serialize, DataModel)]
struct DetailsData {
    #[flow(example = Booking::example().slot)]
    slot: Slot,
}

/// DETAILS' form: the slot (from DETAILS' data) and who books it.
#[derive(Clone, Debug, Serialize, Deserialize, FormData)]
struct Booking {
    #[flow(data)]
    slot: Slot,
    name: String,
    email: String,
    phone: String,
}

impl Booking {
    fn example() -> Self {
        let (date, time) = ("2027-01-14".into(), "10:30".into());
        let slot = Slot { department: Department::Cardiology, date, time };
        Self { slot, name: "Ada".into(), email: "ada@b.c".into(), phone: "+351912345678".into() }
    }
}

#[derive(Serialize, DataModel)]
struct SummaryData {
    #[flow(example = "Cardiology on 2027-01-14 at 10:30 for Ada")]
    summary: String,
    #[flow(example = Booking::example())]
    booking: Booking,
}

#[derive(Deserialize, FormData)]
struct Confirm {
    #[flow(data)]
    booking: Booking,
    #[serde(default)]
    agree: bool,
}

fn flow() -> FlowJson {
    let slot = Slot::names();
    let times = APPOINTMENT.refs().times;
    let appointment = Screen::new(APPOINTMENT).title("Book an appointment").child(
        Form::new("form")
            .child(
                Dropdown::new(slot.department, "Department", Department::data_source()).required(),
            )
            .child(DatePicker::new(slot.date, "Date").min_date("2026-01-01").required())
            .child(Dropdown::new(slot.time, "Time", []).data_source(times).required())
            .child(Footer::new("Continue", Action::data_exchange_of::<Slot>())),
    );
    let you = Booking::names();
    let details = Screen::new(DETAILS).title("Your details").child(
        Form::new("form")
            .child(TextInput::new(you.name, "Name").required())
            .child(TextInput::new(you.email, "Email").input_type(InputType::Email).required())
            .child(TextInput::new(you.phone, "Phone").input_type(InputType::Phone).required())
            .child(Footer::new("Continue", Action::data_exchange_of::<Booking>())),
    );
    let summary = Screen::new(SUMMARY).title("Summary").terminal(true).child(
        Form::new("form")
            .child(TextBody::new(SUMMARY.refs().summary))
            .child(OptIn::new(Confirm::names().agree, "I agree to the clinic's terms").required())
            .child(Footer::new("Confirm", Action::data_exchange_of::<Confirm>())),
    );
    FlowJson::new(FlowVersion::V7_3)
        .data_api_version(DataApiVersion::V3_0)
        .routing(routes! { APPOINTMENT => [DETAILS], DETAILS => [SUMMARY], SUMMARY => [] })
        .screens([appointment, details, summary])
}

/// The booked (date, time) pairs: a database table in a real app.
type Bookings = Arc<Mutex<HashSet<(String, String)>>>;

fn offered_times() -> AppointmentData {
    let times = ["09:00", "10:30", "14:00"].map(|t| DataSourceItem::new(t, t)).into();
    AppointmentData { times }
}

async fn pick_slot(State(bookings): State<Bookings>, Payload(slot): Payload<Slot>) -> FlowResponse {
    if bookings.lock().map_or(true, |booked| booked.contains(&slot.key())) {
        return FlowResponse::to(APPOINTMENT, offered_times())
            .error_message("That time was just taken, please pick another");
    }
    FlowResponse::to(DETAILS, DetailsData { slot })
}

async fn details(Payload(booking): Payload<Booking>) -> FlowResponse {
    let Slot { department, date, time } = &booking.slot;
    let summary = format!("{department:?} on {date} at {time} for {}", booking.name);
    FlowResponse::to(SUMMARY, SummaryData { summary, booking })
}

async fn confirm(
    State(bookings): State<Bookings>,
    FlowToken(token): FlowToken,
    Payload(c): Payload<Confirm>,
) -> Result<FlowResponse, FlowError> {
    if !c.agree || !bookings.lock().is_ok_and(|mut b| b.insert(c.booking.slot.key())) {
        return Err(FlowError::internal("not agreed, or the slot was taken after SUMMARY"));
    }
    Ok(FlowResponse::close(token))
}

fn endpoint(key: PrivateKey, flow: &FlowJson) -> Result<FlowEndpoint, FlowMismatch> {
    FlowEndpoint::new(key)
        .flow(flow)
        .on_init(|| async { FlowResponse::to(APPOINTMENT, offered_times()) })
        .on_data_exchange(APPOINTMENT, pick_slot)
        .on_data_exchange(DETAILS, details)
        .on_data_exchange(SUMMARY, confirm)
        .try_with_state(Bookings::default())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let key = PrivateKey::load_or_generate_dev("target/dev-keys/appointment_booking.pem")?;
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
    async fn a_slot_is_booked_once() -> Result<(), Box<dyn std::error::Error>> {
        let pair = waflow::crypto::KeyPair::generate()?;
        let endpoint = endpoint(pair.private_key().clone(), &flow().build()?)?;
        let client = FlowClient::for_service(endpoint, pair.public_key()).flow_token("tok-1");

        assert_eq!(client.init().await?.screen(), Some("APPOINTMENT"));
        let slot = json!({"department": "cardiology", "date": "2027-01-14", "time": "10:30"});
        let details = client.data_exchange(APPOINTMENT, &slot).await?;
        let you = json!({"slot": details.data().map(|d| &d["slot"]), "name": "Ada Lovelace",
            "email": "ada@example.com", "phone": "+351912345678"});
        let summary = client.data_exchange(DETAILS, you).await?;
        let data = summary.data().cloned().unwrap_or_default();
        assert_eq!(data["summary"], "Cardiology on 2027-01-14 at 10:30 for Ada Lovelace");
        let confirm = json!({"booking": data["booking"], "agree": true});
        let done = client.data_exchange(SUMMARY, &confirm).await?;
        assert_eq!(done.screen(), Some("SUCCESS"));

        let again = client.data_exchange(APPOINTMENT, &slot).await?;
        assert_eq!(again.error_message(), Some("That time was just taken, please pick another"));
        assert_eq!(client.data_exchange(SUMMARY, &confirm).await?.status, 500);
        Ok(())
    }
}
