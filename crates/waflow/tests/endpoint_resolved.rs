//! `Resolved<T>`: what the token check learned reaches the handler (one lookup per request), and
//! a handler asking for a type the check does not produce is refused when the endpoint is built.
#![cfg(feature = "testing")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use waflow::crypto::KeyPair;
use waflow::endpoint::{FlowEndpoint, FlowError, FlowResponse, Resolved};
use waflow::testing::FlowClient;

#[derive(Debug, Clone, PartialEq)]
struct Customer {
    phone: String,
}

async fn greet(Resolved(customer): Resolved<Customer>) -> FlowResponse {
    FlowResponse::screen("HELLO").with("phone", customer.phone)
}

async fn wants_a_number(Resolved(n): Resolved<u64>) -> FlowResponse {
    FlowResponse::screen("HELLO").with("n", n)
}

#[tokio::test]
async fn the_resolved_token_reaches_the_handler_after_one_lookup() {
    let pair = KeyPair::generate().unwrap();
    let lookups = Arc::new(AtomicUsize::new(0));
    let counted = lookups.clone();
    let endpoint = FlowEndpoint::new(pair.private_key().clone())
        .flow_token_check(move |token: String| {
            let counted = counted.clone();
            async move {
                counted.fetch_add(1, Ordering::SeqCst);
                match token.strip_prefix("tok-") {
                    Some(phone) => Ok(Customer {
                        phone: phone.to_owned(),
                    }),
                    None => Err(FlowError::token_no_longer_valid("unknown token")),
                }
            }
        })
        .on_data_exchange("START", greet)
        .try_with_state(())
        .unwrap();
    let client = FlowClient::for_service(endpoint, pair.public_key().clone());
    let ex = client
        .clone()
        .flow_token("tok-15550001")
        .data_exchange("START", serde_json::json!({}))
        .await
        .unwrap();
    assert_eq!(ex.status, 200);
    assert_eq!(ex.data().unwrap()["phone"], "15550001");
    assert_eq!(lookups.load(Ordering::SeqCst), 1);

    let refused = client
        .flow_token("stranger")
        .data_exchange("START", serde_json::json!({}))
        .await
        .unwrap();
    assert_eq!(refused.status, 427);
}

#[test]
fn a_handler_asking_for_another_type_is_refused_at_start_up() {
    let pair = KeyPair::generate().unwrap();
    let Err(mismatch) = FlowEndpoint::new(pair.private_key().clone())
        .flow_token_check(|_: String| async {
            Ok::<_, FlowError>(Customer {
                phone: String::new(),
            })
        })
        .on_data_exchange("START", greet)
        .on_data_exchange("OTHER", wants_a_number)
        .try_with_state(())
    else {
        panic!("u64 is not what the check produces");
    };
    assert_eq!(mismatch.0.len(), 1, "{:?}", mismatch.0);
    assert!(mismatch.0[0].contains("Resolved<u64>"), "{:?}", mismatch.0);
    assert!(mismatch.0[0].contains("Customer"), "{:?}", mismatch.0);

    let Err(unchecked) = FlowEndpoint::new(pair.private_key().clone())
        .on_data_exchange("START", greet)
        .try_with_state(())
    else {
        panic!("no token check at all");
    };
    assert!(
        unchecked.0[0].contains("no flow_token_check"),
        "{:?}",
        unchecked.0
    );
}
