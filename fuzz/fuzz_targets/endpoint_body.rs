//! The whole endpoint service: the first byte picks raw body (any bytes POSTed as they are) or
//! encrypted plaintext (the rest encrypted for the business key, as a client would, so the
//! decrypted-request parser and routing see arbitrary bytes). Every answer must be one of the
//! endpoint's fixed statuses; a panic or a 500 is a finding.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use waflow::crypto::KeyPair;
use waflow::endpoint::{FlowEndpoint, FlowError, FlowResponse};
use waflow::testing::FlowClient;

static PAIR: LazyLock<KeyPair> = LazyLock::new(|| match KeyPair::generate() {
    Ok(pair) => pair,
    Err(e) => panic!("key generation: {e}"),
});

static RUNTIME: LazyLock<tokio::runtime::Runtime> =
    LazyLock::new(
        || match tokio::runtime::Builder::new_current_thread().build() {
            Ok(rt) => rt,
            Err(e) => panic!("runtime: {e}"),
        },
    );

async fn next() -> Result<FlowResponse, FlowError> {
    Ok(FlowResponse::screen("NEXT"))
}

static CLIENT: LazyLock<FlowClient> = LazyLock::new(|| {
    let endpoint = FlowEndpoint::new(PAIR.private_key().clone())
        .body_limit(64 * 1024)
        .on_data_exchange("START", next)
        .fallback(next)
        .with_state(());
    FlowClient::for_service(endpoint, PAIR.public_key())
});

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let answer = if mode % 2 == 0 {
        RUNTIME.block_on(CLIENT.post_raw(rest.to_vec(), http::HeaderMap::new()))
    } else {
        RUNTIME.block_on(CLIENT.send_plaintext(rest))
    };
    let status = match answer {
        Ok(a) => a.status,
        Err(e) => panic!("client error: {e}"),
    };
    assert!(
        [200, 400, 413, 421, 427].contains(&status),
        "unexpected status {status}"
    );
});
