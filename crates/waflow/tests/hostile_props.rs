//! Property tests for the parsers that face the internet: the encrypted request envelope, its
//! decryption, the decrypted `FlowRequest`, the whole endpoint service, and the webhook body
//! parser. Arbitrary input gets a typed error (and the endpoint a 400/421), never a panic.
#![cfg(all(feature = "testing", feature = "webhook"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::LazyLock;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use proptest::prelude::*;
use serde_json::{Map, Value, json};
use waflow::crypto::{EncryptedRequest, KeyPair, decrypt_request, encrypt_request};
use waflow::endpoint::{FlowEndpoint, FlowError, FlowRequest, FlowResponse};
use waflow::testing::FlowClient;
use waflow::webhook::Update;

static PAIR: LazyLock<KeyPair> = LazyLock::new(|| KeyPair::generate().unwrap());

const MESSAGES: &str = include_str!("fixtures/graph/webhook_messages.json");
const COMPLETION: &str = include_str!("fixtures/graph/flow_completion.json");
const FLOW_EVENTS: &str = include_str!("fixtures/graph/webhook_flows_events.json");

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

async fn anything() -> Result<FlowResponse, FlowError> {
    Ok(FlowResponse::screen("NEXT"))
}

fn endpoint() -> FlowEndpoint {
    FlowEndpoint::new(PAIR.private_key().clone())
        .fallback(anything)
        .with_state(())
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        ".{0,16}".prop_map(Value::from),
        Just(json!("ping")),
        Just(json!("data_exchange")),
        Just(json!("INIT")),
        Just(json!("BACK")),
        Just(json!("nfm_reply")),
        Just(json!("messages")),
        Just(json!("flows")),
        Just(json!("{\"flow_token\":1}")),
        Just(json!("FLOW_STATUS_CHANGE")),
        Just(json!("CLIENT_ERROR_RATE")),
        Just(json!("ENDPOINT_LATENCY")),
    ]
}

/// JSON whose keys are mostly the ones the parsers look for.
fn any_json() -> impl Strategy<Value = Value> {
    let key = prop_oneof![
        Just("action"),
        Just("screen"),
        Just("data"),
        Just("version"),
        Just("flow_token"),
        Just("flow_token_signature"),
        Just("error"),
        Just("error_key"),
        Just("object"),
        Just("entry"),
        Just("changes"),
        Just("field"),
        Just("value"),
        Just("messages"),
        Just("statuses"),
        Just("contacts"),
        Just("metadata"),
        Just("interactive"),
        Just("type"),
        Just("nfm_reply"),
        Just("response_json"),
        Just("event"),
        Just("flow_id"),
        Just("id"),
        Just("from"),
        Just("x"),
    ]
    .prop_map(str::to_owned);
    leaf().prop_recursive(5, 64, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..7)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

fn base64ish() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z0-9+/=]{0,400}",
        prop::collection::vec(any::<u8>(), 0..300).prop_map(|b| STANDARD.encode(b)),
        ".{0,64}",
    ]
}

/// Every JSON Pointer of a value.
fn pointers(value: &Value, at: &str, out: &mut Vec<String>) {
    out.push(at.to_owned());
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                pointers(
                    v,
                    &format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                pointers(v, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// Real notifications: the completion fixture and every named sample of the other two.
static NOTIFICATIONS: LazyLock<Vec<Value>> = LazyLock::new(|| {
    let mut all = vec![serde_json::from_str(COMPLETION).unwrap()];
    for named in [MESSAGES, FLOW_EVENTS] {
        let map: Map<String, Value> = serde_json::from_str(named).unwrap();
        all.extend(map.into_values());
    }
    all
});

fn notification_with_replacement(
    which: prop::sample::Index,
    pick: prop::sample::Index,
    with: Value,
) -> Value {
    let mut doc = which.get(&NOTIFICATIONS).clone();
    let mut all = Vec::new();
    pointers(&doc, "", &mut all);
    let at = pick.get(&all).clone();
    match doc.pointer_mut(&at) {
        Some(slot) => *slot = with,
        None => unreachable!("pointer {at} came from the document"),
    }
    doc
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn envelope_from_arbitrary_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        if let Ok(envelope) = serde_json::from_slice::<EncryptedRequest>(&bytes) {
            prop_assert!(decrypt_request(PAIR.private_key(), &envelope).is_err());
        }
    }

    #[test]
    fn arbitrary_envelope_fields_do_not_decrypt(
        data in base64ish(),
        key in base64ish(),
        iv in base64ish(),
    ) {
        let envelope = EncryptedRequest {
            encrypted_flow_data: data,
            encrypted_aes_key: key,
            initial_vector: iv,
        };
        prop_assert!(decrypt_request(PAIR.private_key(), &envelope).is_err());
    }

    #[test]
    fn tampered_envelope_is_refused(field in 0usize..3, pick in any::<prop::sample::Index>(), c in "[A-Za-z0-9+/=!]") {
        let (mut envelope, _) = encrypt_request(&PAIR.public_key(), br#"{"action":"ping"}"#).unwrap();
        let target = match field {
            0 => &mut envelope.encrypted_flow_data,
            1 => &mut envelope.encrypted_aes_key,
            _ => &mut envelope.initial_vector,
        };
        let original = target.clone();
        let mut chars: Vec<char> = target.chars().collect();
        let i = pick.index(chars.len());
        chars[i] = c.chars().next().unwrap();
        *target = chars.into_iter().collect();
        prop_assume!(*target != original);
        prop_assert!(decrypt_request(PAIR.private_key(), &envelope).is_err());
    }

    #[test]
    fn flow_request_from_arbitrary_json_never_panics(value in any_json()) {
        if let Ok(request) = serde_json::from_value::<FlowRequest>(value) {
            let _ = request.error_notification();
            let _ = request.screen();
        }
    }

    #[test]
    fn endpoint_answers_arbitrary_bodies_with_400_or_421(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let client = FlowClient::for_service(endpoint(), PAIR.public_key());
        let answer = runtime().block_on(client.post_raw(bytes, http::HeaderMap::new())).unwrap();
        prop_assert!([400, 421].contains(&answer.status), "status {}", answer.status);
    }

    #[test]
    fn endpoint_answers_arbitrary_json_envelopes_with_400_or_421(value in any_json()) {
        let client = FlowClient::for_service(endpoint(), PAIR.public_key());
        let body = serde_json::to_vec(&value).unwrap();
        let answer = runtime().block_on(client.post_raw(body, http::HeaderMap::new())).unwrap();
        prop_assert!([400, 421].contains(&answer.status), "status {}", answer.status);
    }

    #[test]
    fn endpoint_answers_arbitrary_encrypted_plaintext(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let client = FlowClient::for_service(endpoint(), PAIR.public_key());
        let answer = runtime().block_on(client.send_plaintext(&bytes)).unwrap();
        let is_request = serde_json::from_slice::<FlowRequest>(&bytes).is_ok();
        prop_assert_eq!(answer.status, if is_request { 200 } else { 400 });
    }

    #[test]
    fn endpoint_answers_arbitrary_encrypted_json(value in any_json()) {
        let client = FlowClient::for_service(endpoint(), PAIR.public_key());
        let answer = runtime().block_on(client.send_json(value.clone())).unwrap();
        let is_request = serde_json::from_value::<FlowRequest>(value).is_ok();
        prop_assert_eq!(answer.status, if is_request { 200 } else { 400 });
    }

    #[test]
    fn webhook_body_from_arbitrary_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let parsed = Update::parse_body(&bytes);
        prop_assert!(parsed.is_err() || serde_json::from_slice::<Value>(&bytes).is_ok());
    }

    #[test]
    fn webhook_body_from_arbitrary_json_never_panics(value in any_json()) {
        let _ = Update::parse_body(&serde_json::to_vec(&value).unwrap());
    }

    #[test]
    fn webhook_fixtures_with_any_subtree_replaced_never_panic(
        which in any::<prop::sample::Index>(),
        pick in any::<prop::sample::Index>(),
        with in any_json(),
    ) {
        let doc = notification_with_replacement(which, pick, with);
        if let Ok(updates) = Update::parse_body(&serde_json::to_vec(&doc).unwrap()) {
            for update in updates {
                let _ = update.delivery_key();
                if let Update::FlowCompletion(c) = update {
                    let _ = c.parse::<Value>();
                }
            }
        }
    }
}

#[test]
fn fixtures_parse_as_they_are() {
    assert!(NOTIFICATIONS.len() > 3);
    for doc in NOTIFICATIONS.iter() {
        let updates = Update::parse_body(&serde_json::to_vec(doc).unwrap()).unwrap();
        assert!(!updates.is_empty(), "{doc}");
    }
}
