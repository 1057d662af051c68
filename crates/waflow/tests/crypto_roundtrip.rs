//! Round-trip property tests: request encrypt → decrypt, response encrypt → decrypt, key PEM
//! export → import (plain and with a passphrase).
#![cfg(feature = "crypto")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::OnceLock;

use proptest::prelude::*;
use secrecy::{ExposeSecret as _, SecretString};
use waflow::crypto::{
    KeyError, KeyPair, PrivateKey, ResponseCipher, decrypt_request, encrypt_request,
};

fn pair() -> &'static KeyPair {
    static PAIR: OnceLock<KeyPair> = OnceLock::new();
    PAIR.get_or_init(|| KeyPair::generate().unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn request_and_response_round_trip(payload in proptest::collection::vec(any::<u8>(), 0..2048),
                                       answer in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let (body, client) = encrypt_request(&pair().public_key(), &payload).unwrap();
        let (plain, server) = decrypt_request(pair().private_key(), &body).unwrap();
        prop_assert_eq!(&plain, &payload);
        let encrypted = server.encrypt(&answer);
        prop_assert_eq!(client.decrypt(&encrypted).unwrap(), answer);
    }

    #[test]
    fn response_iv_is_the_flipped_request_iv(key in any::<[u8; 16]>(), iv in any::<[u8; 16]>()) {
        let flipped: [u8; 16] = iv.map(|b| !b);
        let a = ResponseCipher::from_parts(&key, &iv).encrypt(b"x");
        let b = ResponseCipher::from_parts(&key, &flipped).encrypt(b"x");
        prop_assert_ne!(a, b);
    }
}

#[test]
fn generated_key_round_trips_through_pem_plain_and_encrypted() {
    let pair = pair();
    let plain = pair.private_key_pem(None).unwrap();
    assert!(
        plain
            .expose_secret()
            .starts_with("-----BEGIN PRIVATE KEY-----")
    );
    let back = PrivateKey::from_pem(plain.expose_secret(), None).unwrap();
    assert_eq!(back.public_key(), pair.public_key());

    let pass = SecretString::from("correct horse");
    let enc = pair.private_key_pem(Some(&pass)).unwrap();
    assert!(
        enc.expose_secret()
            .starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----")
    );
    let back = PrivateKey::from_pem(enc.expose_secret(), Some(&pass)).unwrap();
    assert_eq!(back.public_key(), pair.public_key());
    assert_eq!(
        PrivateKey::from_pem(enc.expose_secret(), Some(&SecretString::from("wrong"))).unwrap_err(),
        KeyError::WrongPassphrase
    );

    let public = pair.public_key_pem();
    assert!(public.starts_with("-----BEGIN PUBLIC KEY-----"));
    assert_eq!(
        waflow::crypto::PublicKey::from_pem(&public).unwrap(),
        pair.public_key()
    );
}

#[test]
fn debug_output_never_shows_key_material() {
    let dbg = format!("{:?}", pair().private_key());
    assert!(dbg.contains("2048"));
    assert!(!dbg.contains("MII"));
}
