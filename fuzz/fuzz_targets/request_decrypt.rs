//! Request decoding and decryption: any bytes as the POSTed envelope, then RSA-OAEP/AES-GCM
//! decryption with the business key. Must return an error, never panic.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use waflow::crypto::{EncryptedRequest, KeyPair, decrypt_request};

static PAIR: LazyLock<KeyPair> = LazyLock::new(|| match KeyPair::generate() {
    Ok(pair) => pair,
    Err(e) => panic!("key generation: {e}"),
});

fuzz_target!(|data: &[u8]| {
    if let Ok(envelope) = serde_json::from_slice::<EncryptedRequest>(data) {
        // Nobody can forge an AES key wrapped for this private key: always an error.
        assert!(decrypt_request(PAIR.private_key(), &envelope).is_err());
    }
    // The same bytes split into the three fields, so the base64 and length checks are hit
    // without the fuzzer having to learn JSON first.
    let text = String::from_utf8_lossy(data);
    let mut parts = text.splitn(3, '|');
    let envelope = EncryptedRequest {
        encrypted_flow_data: parts.next().unwrap_or_default().to_owned(),
        encrypted_aes_key: parts.next().unwrap_or_default().to_owned(),
        initial_vector: parts.next().unwrap_or_default().to_owned(),
    };
    assert!(decrypt_request(PAIR.private_key(), &envelope).is_err());
});
