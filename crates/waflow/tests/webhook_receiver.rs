//! The webhook router driven with `oneshot` (no socket): handshake, signatures, typed updates,
//! duplicates, malformed bodies.
//!
//! Recorded payloads and where they come from:
//! - `fixtures/graph/flow_completion.json`: pywa `tests/data/updates/flow_completion.json`
//!   (david-lev/pywa), the `completion` case, as received from Meta.
//! - `fixtures/graph/webhook_flows_events.json`: Meta "Flows Webhooks" reference (Updated Mar 15
//!   2026), the status-change, creation, client/endpoint error-rate, latency and availability
//!   samples, copied value for value; Meta's samples carry trailing commas (invalid JSON) which
//!   were removed. `version_expiry`: shape from Meta's Flows versioning docs as restated in
//!   `shared/reference/FLOWS_SPEC.md` §5 (`event`, `warning`, `flow_id`), our text.
//! - `fixtures/graph/webhook_messages.json`: Meta Cloud API "Messages webhook" reference, the
//!   text-message and the `delivered` status samples.
//! - The picker completion below: `response_json` media entries as Meta's "Media upload
//!   components" page documents them for the completion webhook
//!   (`[{"file_name","mime_type","sha256","id"}]`), our values.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(feature = "webhook")]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use secrecy::SecretString;
use serde::Deserialize;
use serde_json::{Value, json};
use tokio::sync::mpsc;
use tower::ServiceExt;
use waflow::crypto::sign_body;
use waflow::webhook::{
    Completion, DeliveryFuture, DeliveryLog, FlowEvent, MemoryDeliveryLog, Message, RawCompletion,
    Status, Update, Webhook, WebhookError,
};

const SECRET: &str = "app-secret";
const VERIFY: &str = "verify-me";

fn fixture(name: &str) -> Value {
    let p = format!("{}/tests/fixtures/graph/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

fn hook() -> Webhook {
    Webhook::new(SecretString::from(VERIFY), SecretString::from(SECRET))
}

fn app(w: Webhook) -> Router {
    Router::new().nest("/webhook", w.into_router())
}

fn signed(body: &[u8]) -> Request<Body> {
    Request::post("/webhook")
        .header("content-type", "application/json")
        .header(
            "x-hub-signature-256",
            sign_body(&SecretString::from(SECRET), body),
        )
        .body(Body::from(body.to_vec()))
        .unwrap()
}

async fn send(app: &Router, req: Request<Body>) -> (StatusCode, String) {
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let body = axum::body::to_bytes(res.into_body(), 1 << 20)
        .await
        .unwrap();
    (status, String::from_utf8_lossy(&body).into_owned())
}

async fn recv<T>(rx: &mut mpsc::UnboundedReceiver<T>) -> T {
    tokio::time::timeout(Duration::from_secs(10), rx.recv())
        .await
        .expect("handler not called")
        .expect("channel closed")
}

#[derive(Debug, Deserialize)]
struct Feedback {
    comment_text: String,
    delivery_rating: String,
}

#[tokio::test]
async fn handshake_echoes_the_challenge() {
    let a = app(hook());
    let (s, body) = send(
        &a,
        Request::get(
            "/webhook?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444",
        )
        .body(Body::empty())
        .unwrap(),
    )
    .await;
    assert_eq!((s, body.as_str()), (StatusCode::OK, "1158201444"));
}

#[tokio::test]
async fn handshake_with_wrong_token_or_mode_is_forbidden() {
    let a = app(hook());
    for uri in [
        "/webhook?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1",
        "/webhook?hub.mode=unsubscribe&hub.verify_token=verify-me&hub.challenge=1",
        "/webhook?hub.challenge=1",
    ] {
        let (s, _) = send(&a, Request::get(uri).body(Body::empty()).unwrap()).await;
        assert_eq!(s, StatusCode::FORBIDDEN, "{uri}");
    }
    let (s, _) = send(
        &a,
        Request::get("/webhook?hub.mode=subscribe&hub.verify_token=verify-me")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn completion_reaches_the_typed_handler() {
    let (tx, mut rx) = mpsc::unbounded_channel();
    let a = app(hook().on_flow_completion(move |c: Completion<Feedback>| {
        let tx = tx.clone();
        async move { tx.send(c).unwrap() }
    }));
    let body = serde_json::to_vec(&fixture("flow_completion.json")).unwrap();
    let (s, _) = send(&a, signed(&body)).await;
    assert_eq!(s, StatusCode::OK);
    let c = recv(&mut rx).await;
    assert_eq!(c.response.comment_text, "Comment Text");
    assert_eq!(c.response.delivery_rating, "4");
    assert_eq!(
        c.flow_token.as_deref(),
        Some("AQAAAAACS5FpgQ_cAAAAAD0QI3s.")
    );
    assert_eq!(c.from, "972987654321");
    assert_eq!(c.sender_name.as_deref(), Some("Test Name"));
    assert_eq!(c.message_id, "wamid.wegrchytvwcggt==");
    assert_eq!(c.context_message_id.as_deref(), Some("wamid.gvwegfretge=="));
    assert_eq!(c.phone_number_id, "1122334455667");
    assert!(c.media.is_empty());
}

#[tokio::test]
async fn bad_or_missing_signature_is_forbidden_and_not_handled() {
    let calls = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&calls);
    let a = app(hook().on_flow_completion(move |_: Completion<Value>| {
        counter.fetch_add(1, Ordering::SeqCst);
        async {}
    }));
    let body = serde_json::to_vec(&fixture("flow_completion.json")).unwrap();
    let wrong = Request::post("/webhook")
        .header(
            "x-hub-signature-256",
            sign_body(&SecretString::from("other-secret"), &body),
        )
        .body(Body::from(body.clone()))
        .unwrap();
    assert_eq!(send(&a, wrong).await.0, StatusCode::FORBIDDEN);
    let garbage = Request::post("/webhook")
        .header("x-hub-signature-256", "sha256=zz")
        .body(Body::from(body.clone()))
        .unwrap();
    assert_eq!(send(&a, garbage).await.0, StatusCode::FORBIDDEN);
    let missing = Request::post("/webhook")
        .body(Body::from(body.clone()))
        .unwrap();
    assert_eq!(send(&a, missing).await.0, StatusCode::FORBIDDEN);
    // A signature over other bytes (the body re-serialised) does not pass either.
    let mut tampered = body.clone();
    tampered.push(b' ');
    let req = Request::post("/webhook")
        .header(
            "x-hub-signature-256",
            sign_body(&SecretString::from(SECRET), &body),
        )
        .body(Body::from(tampered))
        .unwrap();
    assert_eq!(send(&a, req).await.0, StatusCode::FORBIDDEN);
    assert_eq!(calls.load(Ordering::SeqCst), 0);
}

#[tokio::test]
async fn malformed_bodies_are_bad_requests() {
    let a = app(hook());
    let completion = fixture("flow_completion.json");
    let mut bad_response_json = completion.clone();
    bad_response_json["entry"][0]["changes"][0]["value"]["messages"][0]["interactive"]["nfm_reply"]
        ["response_json"] = json!("{not json");
    let mut bad_messages = completion.clone();
    bad_messages["entry"][0]["changes"][0]["value"]["messages"] = json!("nope");
    let cases: Vec<Vec<u8>> = vec![
        b"not json at all".to_vec(),
        b"".to_vec(),
        br#"{"object":"whatsapp_business_account"}"#.to_vec(),
        br#"{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"flows","value":{"flow_id":"1"}}]}]}"#.to_vec(),
        serde_json::to_vec(&bad_response_json).unwrap(),
        serde_json::to_vec(&bad_messages).unwrap(),
        vec![0xff, 0xfe, 0x00],
    ];
    for body in cases {
        let (s, text) = send(&a, signed(&body)).await;
        assert_eq!(
            s,
            StatusCode::BAD_REQUEST,
            "{}: {text}",
            String::from_utf8_lossy(&body)
        );
    }
}

/// Counts how many deliveries the log accepted.
struct CountingLog {
    inner: MemoryDeliveryLog,
    accepted: Arc<AtomicUsize>,
}

impl DeliveryLog for CountingLog {
    fn first_delivery<'a>(&'a self, key: &'a str) -> DeliveryFuture<'a> {
        Box::pin(async move {
            let first = self.inner.first_delivery(key).await?;
            if first {
                self.accepted.fetch_add(1, Ordering::SeqCst);
            }
            Ok(first)
        })
    }
}

#[tokio::test]
async fn duplicate_delivery_is_handled_once() {
    let accepted = Arc::new(AtomicUsize::new(0));
    let (tx, mut rx) = mpsc::unbounded_channel();
    let a = app(hook()
        .dedupe(CountingLog {
            inner: MemoryDeliveryLog::new(),
            accepted: Arc::clone(&accepted),
        })
        .on_flow_completion(move |c: Completion<Value>| {
            let tx = tx.clone();
            async move { tx.send(c.message_id).unwrap() }
        }));
    let body = serde_json::to_vec(&fixture("flow_completion.json")).unwrap();
    assert_eq!(send(&a, signed(&body)).await.0, StatusCode::OK);
    assert_eq!(
        send(&a, signed(&body)).await.0,
        StatusCode::OK,
        "duplicates are still acknowledged"
    );
    let mut other = fixture("flow_completion.json");
    other["entry"][0]["changes"][0]["value"]["messages"][0]["id"] = json!("wamid.other");
    assert_eq!(
        send(&a, signed(&serde_json::to_vec(&other).unwrap()))
            .await
            .0,
        StatusCode::OK
    );
    let mut seen = vec![recv(&mut rx).await, recv(&mut rx).await];
    seen.sort();
    assert_eq!(seen, ["wamid.other", "wamid.wegrchytvwcggt=="]);
    assert_eq!(accepted.load(Ordering::SeqCst), 2);
}

struct BrokenLog;

impl DeliveryLog for BrokenLog {
    fn first_delivery<'a>(&'a self, _key: &'a str) -> DeliveryFuture<'a> {
        Box::pin(async { Err(waflow::webhook::DeliveryLogError("database is down".into())) })
    }
}

#[tokio::test]
async fn failing_delivery_log_asks_meta_to_deliver_again() {
    let a = app(hook().dedupe(BrokenLog));
    let body = serde_json::to_vec(&fixture("flow_completion.json")).unwrap();
    let (s, text) = send(&a, signed(&body)).await;
    assert_eq!(s, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(!text.contains("database"), "internal detail leaked: {text}");
}

#[tokio::test]
async fn messages_and_statuses_reach_their_handlers() {
    let (mtx, mut mrx) = mpsc::unbounded_channel();
    let (stx, mut srx) = mpsc::unbounded_channel();
    let a = app(hook()
        .on_message(move |m: Message| {
            let tx = mtx.clone();
            async move { tx.send(m).unwrap() }
        })
        .on_status(move |s: Status| {
            let tx = stx.clone();
            async move { tx.send(s).unwrap() }
        }));
    let all = fixture("webhook_messages.json");
    assert_eq!(
        send(&a, signed(&serde_json::to_vec(&all["text"]).unwrap()))
            .await
            .0,
        StatusCode::OK
    );
    assert_eq!(
        send(&a, signed(&serde_json::to_vec(&all["status"]).unwrap()))
            .await
            .0,
        StatusCode::OK
    );
    let m = recv(&mut mrx).await;
    assert_eq!(m.kind, "text");
    assert_eq!(m.text.unwrap().body, "Does it come in another color?");
    assert_eq!(m.sender_name.as_deref(), Some("Sheena Nelson"));
    assert_eq!(m.metadata.phone_number_id, "106540352242922");
    let s = recv(&mut srx).await;
    assert_eq!(
        (s.status.as_str(), s.recipient_id.as_str()),
        ("delivered", "16505551234")
    );
}

#[tokio::test]
async fn flow_events_reach_their_handler() {
    let (tx, mut rx) = mpsc::unbounded_channel();
    let a = app(hook().on_flow_event(move |e: FlowEvent| {
        let tx = tx.clone();
        async move { tx.send(e).unwrap() }
    }));
    let events = fixture("webhook_flows_events.json");
    assert_eq!(
        send(
            &a,
            signed(&serde_json::to_vec(&events["endpoint_availability"]).unwrap())
        )
        .await
        .0,
        StatusCode::OK
    );
    match recv(&mut rx).await {
        FlowEvent::EndpointAvailability {
            flow_id,
            availability,
            threshold,
            alert_state,
            ..
        } => {
            assert_eq!(
                (
                    flow_id.as_str(),
                    availability,
                    threshold,
                    alert_state.as_str()
                ),
                ("12345678", 75.0, 90.0, "ACTIVATED")
            );
        }
        other => panic!("unexpected {other:?}"),
    }
}

fn single(events: &Value, name: &str) -> FlowEvent {
    let updates = Update::parse_body(&serde_json::to_vec(&events[name]).unwrap()).unwrap();
    assert_eq!(updates.len(), 1);
    let Update::FlowEvent(e) = updates.into_iter().next().unwrap() else {
        panic!("{name} is not a flow event")
    };
    e
}

#[test]
fn every_flows_event_is_typed() {
    let events = fixture("webhook_flows_events.json");
    assert!(matches!(single(&events, "status_change"),
        FlowEvent::StatusChange { ref old_status, ref new_status, .. } if old_status.as_deref() == Some("DRAFT") && new_status == "PUBLISHED"));
    assert!(matches!(
        single(&events, "created"),
        FlowEvent::StatusChange {
            old_status: None,
            ..
        }
    ));
    let FlowEvent::ClientErrorRate(a) = single(&events, "client_error_rate") else {
        panic!()
    };
    assert_eq!(
        (a.error_rate, a.threshold, a.errors.len()),
        (14.28, 10.0, 2)
    );
    assert_eq!(a.errors[0].error_type, "INVALID_SCREEN_TRANSITION");
    let FlowEvent::EndpointErrorRate(a) = single(&events, "endpoint_error_rate") else {
        panic!()
    };
    assert_eq!(a.errors[1].error_type, "TIMEOUT");
    assert!(matches!(single(&events, "endpoint_latency"),
        FlowEvent::EndpointLatency { p90_latency, p50_latency, requests_count: 34, .. } if p90_latency == 8000.0 && p50_latency == 500.0));
    assert!(
        matches!(single(&events, "version_expiry"), FlowEvent::VersionExpiryWarning { ref warning, .. } if warning.contains("21 days"))
    );
    let unknown = json!({"object": "whatsapp_business_account", "entry": [{"id": "1", "changes": [{"field": "flows", "value": {"event": "SOMETHING_NEW", "flow_id": "9"}}]}]});
    let e = single(&json!({"u": unknown}), "u");
    assert!(matches!(e, FlowEvent::Other { ref event, .. } if event == "SOMETHING_NEW"));
    assert_eq!(e.flow_id(), Some("9"));
}

#[test]
fn picker_media_in_completion_are_listed() {
    let mut n = fixture("flow_completion.json");
    n["entry"][0]["changes"][0]["value"]["messages"][0]["interactive"]["nfm_reply"]["response_json"] = json!(
        r#"{"flow_token":"t1","photo_picker":[{"file_name":"IMG_5237.jpg","mime_type":"image/jpeg","sha256":"Kfo+LQ6Lwl4c8ZlA8O3Vp/tLq3W3pyXplW6GNfUbh0I=","id":"1111"}],"document_picker":[{"file_name":"contract.pdf","mime_type":"application/pdf","sha256":"HP5V3yLhk9OjKq1M0qaWN9hRaJzQ54iX6Brq8zvqJeo=","id":"2222"}],"name":"Ana"}"#
    );
    let updates = Update::parse_body(&serde_json::to_vec(&n).unwrap()).unwrap();
    let Update::FlowCompletion(raw) = &updates[0] else {
        panic!("not a completion")
    };
    let mut media: Vec<_> = raw
        .media
        .iter()
        .map(|m| (m.field.as_str(), m.id.as_str(), m.mime_type.as_str()))
        .collect();
    media.sort();
    assert_eq!(
        media,
        [
            ("document_picker", "2222", "application/pdf"),
            ("photo_picker", "1111", "image/jpeg")
        ]
    );
    assert_eq!(raw.flow_token.as_deref(), Some("t1"));
}

#[test]
fn completion_that_does_not_fit_the_type_is_a_typed_error() {
    let updates =
        Update::parse_body(&serde_json::to_vec(&fixture("flow_completion.json")).unwrap()).unwrap();
    let Update::FlowCompletion(raw) = &updates[0] else {
        panic!("not a completion")
    };
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct NeedsEmail {
        email: String,
    }
    let err = RawCompletion::parse::<NeedsEmail>(raw).unwrap_err();
    assert!(matches!(err, WebhookError::Response(_)));
    assert_eq!(err.status(), StatusCode::BAD_REQUEST);
    let ok: Completion<Value> = raw.parse().unwrap();
    assert_eq!(ok.response["cs_rating"], "0");
}

#[test]
fn completion_without_flow_token_is_accepted() {
    let mut n = fixture("flow_completion.json");
    n["entry"][0]["changes"][0]["value"]["messages"][0]["interactive"]["nfm_reply"]["response_json"] =
        json!(r#"{"comment_text":"x"}"#);
    let updates = Update::parse_body(&serde_json::to_vec(&n).unwrap()).unwrap();
    let Update::FlowCompletion(raw) = &updates[0] else {
        panic!("not a completion")
    };
    assert_eq!(raw.flow_token, None);
}

#[test]
fn memory_log_forgets_the_oldest_beyond_capacity() {
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    rt.block_on(async {
        let log = MemoryDeliveryLog::with_capacity(2);
        assert!(log.first_delivery("a").await.unwrap());
        assert!(!log.first_delivery("a").await.unwrap());
        assert!(log.first_delivery("b").await.unwrap());
        assert!(log.first_delivery("c").await.unwrap());
        assert!(log.first_delivery("a").await.unwrap(), "a was evicted");
    });
}

#[cfg(feature = "store")]
#[tokio::test]
async fn store_is_a_delivery_log() {
    let dir = tempfile::tempdir().unwrap();
    let store = waflow::store::Store::open_in_dir(dir.path()).await.unwrap();
    let (tx, mut rx) = mpsc::unbounded_channel();
    let a = app(hook()
        .dedupe(store.clone())
        .on_flow_completion(move |c: Completion<Value>| {
            let tx = tx.clone();
            async move { tx.send(c.message_id).unwrap() }
        }));
    let body = serde_json::to_vec(&fixture("flow_completion.json")).unwrap();
    assert_eq!(send(&a, signed(&body)).await.0, StatusCode::OK);
    assert_eq!(send(&a, signed(&body)).await.0, StatusCode::OK);
    assert_eq!(recv(&mut rx).await, "wamid.wegrchytvwcggt==");
    assert!(
        !DeliveryLog::first_delivery(&store, "message:wamid.wegrchytvwcggt==")
            .await
            .unwrap()
    );
}

#[tokio::test]
async fn empty_verify_token_never_passes_the_handshake() {
    let a = app(Webhook::new(
        SecretString::from(""),
        SecretString::from(SECRET),
    ));
    let (s, _) = send(
        &a,
        Request::get("/webhook?hub.mode=subscribe&hub.verify_token=&hub.challenge=1")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
}
