//! The endpoint bound to its flow (`FlowEndpoint::flow`) catches the four mistakes of the DX
//! trial (`../shared/reviews/dx-trial.md`): (a) a misspelled screen in a handler registration and
//! (d) a payload field no Footer sends fail when the endpoint is built; (b) a response without a
//! declared data key and (c) a response to a screen the routing model forbids fail every
//! in-process `FlowClient` exchange that reaches them, naming the rule, and are logged and
//! counted (or refused) in production.
#![cfg(feature = "testing")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::OnceLock;

use serde::Deserialize;
use serde_json::{Value, json};
use waflow::crypto::KeyPair;
use waflow::endpoint::{FlowEndpoint, FlowError, FlowResponse, Payload, ResponsePolicy};
use waflow::testing::{ClientError, FlowClient};

fn pair() -> &'static KeyPair {
    static PAIR: OnceLock<KeyPair> = OnceLock::new();
    PAIR.get_or_init(|| KeyPair::generate().unwrap())
}

/// APPOINTMENT (sends department + date) -> DETAILS (declares `summary`) -> SUMMARY.
fn flow() -> Value {
    json!({"version": "7.3", "data_api_version": "3.0",
        "routing_model": {"APPOINTMENT": ["DETAILS"], "DETAILS": ["SUMMARY"], "SUMMARY": []},
        "screens": [
            {"id": "APPOINTMENT", "layout": {"type": "SingleColumnLayout", "children": [
                {"type": "Footer", "label": "Next", "on-click-action": {"name": "data_exchange",
                 "payload": {"department": "${form.department}", "date": "${form.date}"}}}]}},
            {"id": "DETAILS", "data": {"summary": {"type": "string", "__example__": "Dentist, Monday"}},
             "layout": {"type": "SingleColumnLayout", "children": [
                {"type": "Footer", "label": "Next", "on-click-action": {"name": "data_exchange",
                 "payload": {"name": "${form.name}"}}}]}},
            {"id": "SUMMARY", "terminal": true, "layout": {"type": "SingleColumnLayout", "children": [
                {"type": "Footer", "label": "Done", "on-click-action": {"name": "complete", "payload": {}}}]}}]})
}

#[derive(Deserialize)]
struct Appointment {
    department: String,
    date: String,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Details {
    name: String,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Misnamed {
    full_name: String,
}

async fn appointment(Payload(a): Payload<Appointment>) -> FlowResponse {
    FlowResponse::screen("DETAILS").with("summary", format!("{}, {}", a.department, a.date))
}

async fn details(Payload(_): Payload<Details>) -> Result<FlowResponse, FlowError> {
    Ok(FlowResponse::close("t"))
}

fn bound() -> FlowEndpoint<()> {
    FlowEndpoint::new(pair().private_key().clone()).flow(&flow())
}

#[test]
fn a_and_d_fail_when_the_endpoint_is_built() {
    let err = bound()
        .on_data_exchange("APPOINTMNET", appointment)
        .on_data_exchange("DETAILS", |Payload(_): Payload<Misnamed>| async {
            FlowResponse::close("t")
        })
        .try_with_state(())
        .unwrap_err();
    let text = err.to_string();
    assert_eq!(err.0.len(), 3, "{text}");
    assert!(
        text.contains("`APPOINTMNET`, which the flow does not have"),
        "{text}"
    );
    assert!(
        text.contains("screens: APPOINTMENT, DETAILS, SUMMARY"),
        "{text}"
    );
    assert!(
        text.contains("payload field `full_name`") && text.contains("sends: name"),
        "{text}"
    );
    assert!(
        text.contains("screen `APPOINTMENT` sends data_exchange, but no handler"),
        "{text}"
    );
    assert!(
        bound()
            .on_data_exchange("APPOINTMENT", appointment)
            .on_data_exchange("DETAILS", details)
            .try_with_state(())
            .is_ok()
    );
}

#[tokio::test]
async fn with_state_on_a_mismatched_flow_fails_closed() {
    let endpoint = bound()
        .on_data_exchange("APPOINTMNET", appointment)
        .with_state(());
    let client = FlowClient::for_service(endpoint, pair().public_key());
    let ex = client
        .data_exchange("APPOINTMENT", json!({"department": "d", "date": "x"}))
        .await
        .unwrap();
    assert_eq!(ex.status, 500);
    assert_eq!(ex.raw_body, "internal server error");
    assert!(
        ex.server_error.as_deref().unwrap().contains("APPOINTMNET"),
        "the cause reaches the test: {:?}",
        ex.server_error
    );
    assert_eq!(
        client.ping().await.unwrap().status,
        200,
        "ping still answers"
    );
}

fn with_bug(
    bug: fn(Payload<Appointment>) -> std::future::Ready<FlowResponse>,
    policy: ResponsePolicy,
) -> FlowEndpoint {
    bound()
        .response_policy(policy)
        .on_data_exchange("APPOINTMENT", bug)
        .on_data_exchange("DETAILS", details)
        .try_with_state(())
        .unwrap()
}

fn missing_summary(_: Payload<Appointment>) -> std::future::Ready<FlowResponse> {
    std::future::ready(FlowResponse::screen("DETAILS"))
}

fn skips_details(_: Payload<Appointment>) -> std::future::Ready<FlowResponse> {
    std::future::ready(FlowResponse::screen("SUMMARY"))
}

async fn violation(endpoint: FlowEndpoint) -> Vec<String> {
    let client = FlowClient::for_service(endpoint, pair().public_key());
    match client
        .data_exchange("APPOINTMENT", json!({"department": "d", "date": "x"}))
        .await
    {
        Err(ClientError::ContractViolation(v)) => v,
        other => panic!("expected a contract violation, got {other:?}"),
    }
}

#[tokio::test]
async fn b_and_c_fail_every_flowclient_exchange_naming_the_rule() {
    let b = violation(with_bug(missing_summary, ResponsePolicy::LogAndCount)).await;
    assert_eq!(
        b,
        [
            "payload-schema-error: the data of `DETAILS` lacks `summary`, which its data model declares"
        ]
    );
    let c = violation(with_bug(skips_details, ResponsePolicy::LogAndCount)).await;
    assert_eq!(
        c,
        [
            "invalid-screen-transition: APPOINTMENT -> SUMMARY is not in the routing model (APPOINTMENT may go to: DETAILS)"
        ]
    );
}

#[tokio::test]
async fn in_production_violations_are_counted_or_refused() {
    // Log and count (the default): the response still goes out.
    let counted = with_bug(skips_details, ResponsePolicy::LogAndCount);
    let client =
        FlowClient::for_service(counted.clone(), pair().public_key()).allow_contract_violations();
    let ex = client
        .data_exchange("APPOINTMENT", json!({"department": "d", "date": "x"}))
        .await
        .unwrap();
    assert_eq!(ex.status, 200);
    assert_eq!(ex.screen(), Some("SUMMARY"));
    assert_eq!(ex.violations.len(), 1);
    assert_eq!(counted.contract_violations(), 1);

    // Refuse: 500, the cause logged (and handed to the in-process client).
    let refused = with_bug(missing_summary, ResponsePolicy::Refuse);
    let client =
        FlowClient::for_service(refused.clone(), pair().public_key()).allow_contract_violations();
    let ex = client
        .data_exchange("APPOINTMENT", json!({"department": "d", "date": "x"}))
        .await
        .unwrap();
    assert_eq!(ex.status, 500);
    assert!(ex.server_error.unwrap().contains("payload-schema-error"));
    assert_eq!(refused.contract_violations(), 1);

    // A correct journey breaks nothing.
    let good = bound()
        .on_data_exchange("APPOINTMENT", appointment)
        .on_data_exchange("DETAILS", details)
        .try_with_state(())
        .unwrap();
    let client = FlowClient::for_service(good.clone(), pair().public_key());
    let ex = client
        .data_exchange(
            "APPOINTMENT",
            json!({"department": "Dentist", "date": "Monday"}),
        )
        .await
        .unwrap();
    assert_eq!(ex.data().unwrap()["summary"], "Dentist, Monday");
    assert_eq!(good.contract_violations(), 0);
}
