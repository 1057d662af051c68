//! The derives agree with serde: data-model keys, form payload keys and choice ids are the
//! names serde writes and reads.
#![allow(clippy::unwrap_used)]

use serde::{Deserialize, Serialize};
use serde_json::json;
use waflow_json::prelude::*;

#[derive(Serialize, DataModel)]
#[serde(rename_all = "camelCase")]
struct Booking {
    #[flow(example = "Cardiology")]
    department_name: String,
    #[flow(example = 3_u32)]
    seats: u32,
    #[serde(rename = "is_vip")]
    #[flow(example = true)]
    vip: bool,
}

#[derive(Deserialize, FormData)]
struct Details {
    name: String,
    #[flow(data)]
    department: String,
    #[flow(value = "details")]
    step: String,
}

#[derive(Debug, PartialEq, Deserialize, DataSource)]
#[serde(rename_all = "kebab-case")]
enum Slot {
    #[flow(title = "Morning", description = "8-12")]
    EarlyMorning,
    #[serde(rename = "pm")]
    #[flow(title = "Afternoon")]
    Afternoon,
    #[serde(other)]
    Other,
}

const BOOKING: ScreenId<Booking> = ScreenId::new("BOOKING");

#[test]
fn the_data_model_uses_serdes_keys_and_typed_examples() {
    let screen = serde_json::to_value(Screen::new(BOOKING)).unwrap();
    assert_eq!(
        screen["data"],
        json!({
            "departmentName": {"type": "string", "__example__": "Cardiology"},
            "seats": {"type": "number", "__example__": 3},
            "is_vip": {"type": "boolean", "__example__": true},
        })
    );
    let written = serde_json::to_value(Booking {
        department_name: "x".into(),
        seats: 1,
        vip: false,
    })
    .unwrap();
    let keys: Vec<_> = written.as_object().unwrap().keys().cloned().collect();
    assert_eq!(keys, ["departmentName", "seats", "is_vip"]);
    assert_eq!(BOOKING.refs().vip.to_string(), "${data.is_vip}");
    assert_eq!(
        BOOKING.refs().department_name.to_string(),
        "${data.departmentName}"
    );
}

#[test]
fn a_form_payload_reads_inputs_data_and_fixed_values() {
    assert_eq!(Details::FIELDS, ["name", "department", "step"]);
    assert_eq!(Details::names().name, "name");
    let payload: serde_json::Map<_, _> = Details::payload()
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect();
    assert_eq!(
        serde_json::Value::Object(payload.clone()),
        json!({"name": "${form.name}", "department": "${data.department}", "step": "details"})
    );
    // The shorthands send the same payload.
    let exchange =
        serde_json::to_value(Action::from(Action::data_exchange_of::<Details>())).unwrap();
    assert_eq!(
        exchange["payload"],
        serde_json::Value::Object(payload.clone())
    );
    assert_eq!(exchange["name"], "data_exchange");
    let complete = serde_json::to_value(Action::from(Action::complete_of::<Details>())).unwrap();
    assert_eq!(
        complete["payload"],
        serde_json::Value::Object(payload.clone())
    );
    assert_eq!(complete["name"], "complete");
    // What the phone sends for that payload is what serde reads back.
    let sent = json!({"name": "Ada", "department": "Cardiology", "step": "details"});
    let read: Details = serde_json::from_value(sent).unwrap();
    assert_eq!(
        (
            read.name.as_str(),
            read.department.as_str(),
            read.step.as_str()
        ),
        ("Ada", "Cardiology", "details")
    );
}

#[test]
fn choices_have_the_ids_serde_reads_back() {
    let items = serde_json::to_value(Slot::data_source()).unwrap();
    assert_eq!(
        items,
        json!([
            {"id": "early-morning", "title": "Morning", "description": "8-12"},
            {"id": "pm", "title": "Afternoon"},
        ])
    );
    for (id, slot) in [
        ("early-morning", Slot::EarlyMorning),
        ("pm", Slot::Afternoon),
    ] {
        assert_eq!(serde_json::from_value::<Slot>(json!(id)).unwrap(), slot);
        assert_eq!(slot.id(), id);
    }
    assert_eq!(Slot::Other.id(), "other");
    assert_eq!(Slot::EarlyMorning.title().as_deref(), Some("Morning"));
    assert_eq!(Slot::Afternoon.title().as_deref(), Some("Afternoon"));
    assert_eq!(
        Slot::Other.title(),
        None,
        "a variant the selection does not offer"
    );
}

#[test]
fn routes_and_navigation_take_typed_ids() {
    const START: ScreenId = ScreenId::new("START");
    let flow =
        FlowJson::new(FlowVersion::V7_3).routing(routes! { START => [BOOKING], BOOKING => [] });
    assert_eq!(
        flow.to_value()["routing_model"],
        json!({"START": ["BOOKING"], "BOOKING": []})
    );
    let go = Action::navigate_to(
        BOOKING,
        &Booking {
            department_name: "Eyes".into(),
            seats: 2,
            vip: true,
        },
    );
    let go = serde_json::to_value(Action::from(go)).unwrap();
    assert_eq!(go["next"]["name"], "BOOKING");
    assert_eq!(
        go["payload"],
        json!({"departmentName": "Eyes", "seats": 2, "is_vip": true})
    );
    assert_eq!(BOOKING, "BOOKING");
    assert_eq!(BOOKING.to_string(), "BOOKING");
}

#[test]
fn a_dropdown_takes_its_options_from_the_screen_data() {
    #[derive(Serialize, DataModel)]
    struct Pick {
        #[flow(example = vec![json!({"id": "eyes", "title": "Eyes"})])]
        departments: Vec<serde_json::Value>,
    }
    const PICK: ScreenId<Pick> = ScreenId::new("PICK");
    let dropdown =
        Dropdown::new("department", "Department", []).data_source(PICK.refs().departments);
    let json = serde_json::to_value(dropdown).unwrap();
    assert_eq!(json["data-source"], "${data.departments}");
    let screen = serde_json::to_value(Screen::new(PICK)).unwrap();
    assert_eq!(screen["data"]["departments"]["type"], "array");
}
