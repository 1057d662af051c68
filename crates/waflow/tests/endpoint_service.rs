//! `FlowEndpoint` through `FlowClient`: routing, extractors, hooks and every failure status.
#![cfg(feature = "testing")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use secrecy::SecretString;
use serde::Deserialize;
use serde_json::{Value, json};
use waflow::crypto::KeyPair;
use waflow::endpoint::{
    FlowAction, FlowEndpoint, FlowError, FlowRequest, FlowResponse, FlowToken, Payload, State,
    VerifiedClaims, WholeRequest,
};
use waflow::testing::FlowClient;

fn pair() -> &'static KeyPair {
    static PAIR: OnceLock<KeyPair> = OnceLock::new();
    PAIR.get_or_init(|| KeyPair::generate().unwrap())
}

fn endpoint<S: Clone + Send + Sync + 'static>() -> FlowEndpoint<S> {
    FlowEndpoint::new(pair().private_key().clone())
}

fn client(e: FlowEndpoint) -> FlowClient {
    FlowClient::for_service(e, pair().public_key())
}

async fn screen_a(WholeRequest(r): WholeRequest) -> Result<FlowResponse, FlowError> {
    Ok(FlowResponse::screen("A").with("from", r.screen().to_owned()))
}

async fn screen_b() -> Result<FlowResponse, FlowError> {
    Ok(FlowResponse::screen("B"))
}

#[tokio::test]
async fn first_matching_route_wins_and_guards_select() {
    let e = endpoint::<()>()
        .on(
            FlowAction::DataExchange,
            "FORM",
            |r: &FlowRequest| r.data["vip"] == true,
            screen_b,
        )
        .on_data_exchange("FORM", screen_a)
        .on_data_exchange("FORM", screen_b)
        .with_state(());
    let c = client(e);
    let a = c
        .data_exchange("FORM", json!({"vip": false}))
        .await
        .unwrap();
    assert_eq!(a.screen(), Some("A"));
    assert_eq!(a.data().unwrap()["from"], "FORM");
    let b = c.data_exchange("FORM", json!({"vip": true})).await.unwrap();
    assert_eq!(b.screen(), Some("B"));
}

#[tokio::test]
async fn init_back_and_fallback_routes() {
    let e = endpoint::<()>()
        .on_init(screen_a)
        .on_back("X", screen_b)
        .fallback(|| async { FlowResponse::screen("FALLBACK") });
    let c = client(e.with_state(()));
    assert_eq!(c.init().await.unwrap().screen(), Some("A"));
    assert_eq!(c.back("X").await.unwrap().screen(), Some("B"));
    assert_eq!(c.back("Y").await.unwrap().screen(), Some("FALLBACK"));
    assert_eq!(
        c.data_exchange("Z", json!({})).await.unwrap().screen(),
        Some("FALLBACK")
    );
}

#[tokio::test]
async fn no_route_and_no_fallback_is_500() {
    let ex = client(endpoint::<()>().with_state(()))
        .data_exchange("NOWHERE", json!({}))
        .await
        .unwrap();
    assert_eq!(ex.status, 500);
    assert_eq!(ex.response, None);
    assert!(
        ex.server_error
            .unwrap()
            .ends_with("no handler is registered for this action"),
    );
}

/// A `tracing` writer that keeps what it is given.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test(flavor = "current_thread")]
async fn a_missing_route_names_the_screens_that_have_handlers() {
    let log = Captured::default();
    let writer = log.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    let e = endpoint::<()>()
        .on_data_exchange("LOGIN", screen_a)
        .on_data_exchange("SIGN_UP", screen_b)
        .on_any_screen(FlowAction::DataExchange, |_: &FlowRequest| false, screen_b)
        .on_back("LOGIN", screen_a)
        .with_state(());
    let ex = client(e).data_exchange("SINGUP", json!({})).await.unwrap();
    assert_eq!(ex.status, 500);
    assert_eq!(
        ex.raw_body, "internal server error",
        "the client learns nothing"
    );
    let cause = ex
        .server_error
        .expect("the cause reaches the FlowClient test");
    assert_eq!(
        cause,
        "no handler for data_exchange on screen \"SINGUP\"; \
         handlers exist for: LOGIN, SIGN_UP, any screen (guarded)"
    );
    let logged = String::from_utf8(log.0.lock().unwrap().clone()).unwrap();
    assert!(logged.contains("ERROR"), "{logged}");
    assert!(logged.contains(&cause), "{logged}");
}

#[derive(Deserialize)]
struct Form {
    age: u8,
}

async fn typed(Payload(f): Payload<Form>) -> Result<FlowResponse, FlowError> {
    Ok(FlowResponse::screen("NEXT").with("age", f.age))
}

#[tokio::test]
async fn payload_is_typed_and_a_misfit_answers_the_same_screen() {
    let c = client(
        endpoint::<()>()
            .on_data_exchange("AGE", typed)
            .with_state(()),
    );
    let ok = c.data_exchange("AGE", json!({"age": 42})).await.unwrap();
    assert_eq!(ok.screen(), Some("NEXT"));
    assert_eq!(ok.data().unwrap()["age"], 42);
    let bad = c.data_exchange("AGE", json!({"age": "old"})).await.unwrap();
    assert_eq!(bad.status, 200);
    assert_eq!(bad.screen(), Some("AGE"));
    assert_eq!(
        bad.error_message(),
        Some("Please check the form and try again."),
        "no developer text for the end user"
    );
    // The value the client sent (it could be a password) is never echoed back.
    let secret = c
        .data_exchange("AGE", json!({"age": "hunter2-secret"}))
        .await
        .unwrap();
    assert!(!secret.error_message().unwrap().contains("hunter2"));
    let missing = c.data_exchange("AGE", json!({})).await.unwrap();
    assert_eq!(
        missing.error_message(),
        Some("Please check the form and try again.")
    );
}

#[tokio::test]
async fn state_is_shared_between_requests() {
    async fn count(State(n): State<Arc<AtomicUsize>>) -> Result<FlowResponse, FlowError> {
        Ok(FlowResponse::screen("N").with("n", n.fetch_add(1, Ordering::SeqCst) + 1))
    }
    let n = Arc::new(AtomicUsize::new(0));
    let c = client(
        endpoint()
            .on_data_exchange("N", count)
            .with_state(n.clone()),
    );
    c.data_exchange("N", json!({})).await.unwrap();
    let second = c.data_exchange("N", json!({})).await.unwrap();
    assert_eq!(second.data().unwrap()["n"], 2);
    assert_eq!(n.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn handler_panic_is_500_with_a_generic_body() {
    async fn boom() -> Result<FlowResponse, FlowError> {
        panic!("secret detail 1234")
    }
    let ex = client(endpoint::<()>().on_data_exchange("P", boom).with_state(()))
        .data_exchange("P", json!({}))
        .await
        .unwrap();
    assert_eq!(ex.status, 500);
    assert!(!ex.raw_body.contains("secret"), "{}", ex.raw_body);
}

#[tokio::test]
async fn handler_error_is_500_without_the_cause() {
    async fn fails() -> Result<FlowResponse, FlowError> {
        Err(FlowError::internal("database password is hunter2"))
    }
    let ex = client(endpoint::<()>().on_data_exchange("E", fails).with_state(()))
        .data_exchange("E", json!({}))
        .await
        .unwrap();
    assert_eq!(ex.status, 500);
    assert!(!ex.raw_body.contains("hunter2"));
}

#[tokio::test]
async fn token_no_longer_valid_is_427_with_encrypted_error_msg() {
    async fn expired() -> Result<FlowResponse, FlowError> {
        Err(FlowError::token_no_longer_valid(
            "This sign-up link has expired",
        ))
    }
    let ex = client(
        endpoint::<()>()
            .on_data_exchange("T", expired)
            .with_state(()),
    )
    .data_exchange("T", json!({}))
    .await
    .unwrap();
    assert_eq!(ex.status, 427);
    assert!(
        !ex.raw_body.contains("expired"),
        "the 427 body must be encrypted"
    );
    assert_eq!(ex.error_msg(), Some("This sign-up link has expired"));
}

#[tokio::test]
async fn error_handler_maps_handler_errors() {
    async fn fails() -> Result<FlowResponse, FlowError> {
        Err(FlowError::internal("nope"))
    }
    let e = endpoint::<()>()
        .on_data_exchange("E", fails)
        .on_handler_error(|req, _err| {
            Ok(FlowResponse::screen(req.screen()).error_message("Try again later"))
        })
        .with_state(());
    let ex = client(e).data_exchange("E", json!({})).await.unwrap();
    assert_eq!(ex.status, 200);
    assert_eq!(ex.error_message(), Some("Try again later"));
}

#[tokio::test]
async fn flow_token_check_runs_before_routing() {
    let e = endpoint::<()>()
        .on_data_exchange("S", screen_a)
        .flow_token_check(|token: String| async move {
            if token == "good" {
                Ok(())
            } else {
                Err(FlowError::token_no_longer_valid("Unknown flow token"))
            }
        })
        .with_state(());
    let good = client(e.clone()).flow_token("good");
    assert_eq!(
        good.data_exchange("S", json!({})).await.unwrap().screen(),
        Some("A")
    );
    let bad = client(e.clone()).flow_token("forged");
    let ex = bad.data_exchange("S", json!({})).await.unwrap();
    assert_eq!(ex.status, 427);
    assert_eq!(ex.error_msg(), Some("Unknown flow token"));
    assert_eq!(
        bad.ping().await.unwrap().status,
        200,
        "ping is never token-checked"
    );
}

#[tokio::test]
async fn error_notifications_are_acknowledged_and_forwarded() {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let sink = seen.clone();
    let e = endpoint::<()>()
        .on_data_exchange("S", screen_a)
        .on_error_notification(move |n| {
            let sink = sink.clone();
            async move { sink.lock().unwrap().push(n) }
        })
        .with_state(());
    let ex = client(e)
        .error_notification("S", "invalid-screen-transition", "oops")
        .await
        .unwrap();
    assert_eq!(ex.response, Some(json!({"data": {"acknowledged": true}})));
    let seen = seen.lock().unwrap();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].error, "invalid-screen-transition");
    assert_eq!(seen[0].error_message.as_deref(), Some("oops"));
}

#[tokio::test]
async fn verified_claims_and_flow_token_extractors() {
    async fn who(
        VerifiedClaims(c): VerifiedClaims,
        FlowToken(t): FlowToken,
    ) -> Result<FlowResponse, FlowError> {
        Ok(FlowResponse::screen("ME")
            .with("claim", c["flow_token"].clone())
            .with("token", t))
    }
    let secret = SecretString::from("s3cret");
    let e = endpoint::<()>()
        .app_secret(secret.clone())
        .on_data_exchange("W", who)
        .with_state(());
    let signed = client(e.clone())
        .app_secret(secret.clone())
        .flow_token("tok-9")
        .sign_flow_token();
    let ex = signed.data_exchange("W", json!({})).await.unwrap();
    assert_eq!(ex.status, 200);
    assert_eq!(ex.data().unwrap()["claim"], "tok-9");
    assert_eq!(ex.data().unwrap()["token"], "tok-9");

    // Signed by WhatsApp but for another token: 427.
    let mut req = FlowRequest::new(FlowAction::DataExchange);
    req.screen = Some("W".into());
    req.flow_token = Some("tok-9".into());
    req.flow_token_signature = Some(waflow::crypto::jwt::sign_hs256(
        &secret,
        &json!({"flow_token": "tok-other"}),
    ));
    assert_eq!(signed.send(req).await.unwrap().status, 427);

    // Signed, but without a flow_token claim, or with an `exp` that is not a NumericDate: 427.
    for claims in [
        json!({"sub": "x"}),
        json!({"flow_token": "tok-9", "exp": "4102444800"}),
    ] {
        let mut req = FlowRequest::new(FlowAction::DataExchange);
        req.screen = Some("W".into());
        req.flow_token = Some("tok-9".into());
        req.flow_token_signature = Some(waflow::crypto::jwt::sign_hs256(&secret, &claims));
        assert_eq!(signed.send(req).await.unwrap().status, 427, "{claims}");
    }
    // A numeric `exp` in the future is fine, in the past refused.
    for (exp, status) in [(json!(4_102_444_800_u64), 200), (json!(1.5), 427)] {
        let mut req = FlowRequest::new(FlowAction::DataExchange);
        req.screen = Some("W".into());
        req.flow_token = Some("tok-9".into());
        req.flow_token_signature = Some(waflow::crypto::jwt::sign_hs256(
            &secret,
            &json!({"flow_token": "tok-9", "exp": exp}),
        ));
        assert_eq!(signed.send(req).await.unwrap().status, status, "exp {exp}");
    }

    // No signature: the extractor refuses with 427.
    let unsigned = client(e).app_secret(secret).flow_token("tok-9");
    assert_eq!(
        unsigned.data_exchange("W", json!({})).await.unwrap().status,
        427
    );
}

#[tokio::test]
async fn close_response_carries_the_flow_token() {
    async fn done(FlowToken(t): FlowToken) -> Result<FlowResponse, FlowError> {
        Ok(FlowResponse::close(t))
    }
    let ex = client(
        endpoint::<()>()
            .on_data_exchange("LAST", done)
            .with_state(()),
    )
    .flow_token("tok-close")
    .data_exchange("LAST", json!({}))
    .await
    .unwrap();
    assert_eq!(
        ex.response,
        Some(
            json!({"screen": "SUCCESS", "data": {"extension_message_response": {"params": {"flow_token": "tok-close"}}}})
        )
    );
}

#[tokio::test]
async fn malformed_decrypted_payloads_are_400() {
    let c = client(
        endpoint::<()>()
            .on_data_exchange("S", screen_a)
            .with_state(()),
    );
    assert_eq!(c.send_plaintext(b"{not json").await.unwrap().status, 400);
    assert_eq!(
        c.send_json(json!({"action": "teleport"}))
            .await
            .unwrap()
            .status,
        400
    );
    assert_eq!(c.send_json(Value::Array(vec![])).await.unwrap().status, 400);
}

#[tokio::test]
async fn body_limit_is_configurable_and_answers_413() {
    let e = endpoint::<()>().body_limit(64).with_state(());
    let c = client(e);
    assert_eq!(c.ping().await.unwrap().status, 413);
}

#[tokio::test]
async fn missing_envelope_fields_are_400_and_garbage_crypto_is_421() {
    let c = client(endpoint::<()>().with_state(()));
    let ex = c
        .post_raw(r#"{"encrypted_flow_data":"AAAA"}"#, http::HeaderMap::new())
        .await
        .unwrap();
    assert_eq!(ex.status, 400);
    let ex = c
        .post_raw(
            r#"{"encrypted_flow_data":"!!","encrypted_aes_key":"AAAA","initial_vector":"AAAA"}"#,
            http::HeaderMap::new(),
        )
        .await
        .unwrap();
    assert_eq!(ex.status, 421);
}

#[tokio::test]
async fn signature_required_when_app_secret_set() {
    let secret = SecretString::from("s3cret");
    let e = endpoint::<()>().app_secret(secret.clone()).with_state(());
    assert_eq!(client(e.clone()).ping().await.unwrap().status, 432);
    assert_eq!(
        client(e.clone())
            .app_secret(SecretString::from("nope"))
            .ping()
            .await
            .unwrap()
            .status,
        432
    );
    assert_eq!(
        client(e).app_secret(secret).ping().await.unwrap().status,
        200
    );
}
