//! Known-answer tests: keys and vectors made by Python `cryptography` and OpenSSL 3
//! (`scripts/crypto_vectors.py`), checked against `waflow::crypto`.
#![cfg(feature = "crypto")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use secrecy::SecretString;
use serde_json::Value;
use waflow::crypto::media::{EncryptionMetadata, MediaError, decrypt_media};
use waflow::crypto::{
    DecryptError, EncryptedRequest, KeyError, PrivateKey, PublicKey, ResponseCipher,
    decrypt_request, verify_signature,
};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/crypto/");

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{DIR}{name}")).unwrap()
}

fn vectors() -> Value {
    serde_json::from_str(&fixture("vectors.json")).unwrap()
}

fn b64(v: &Value) -> Vec<u8> {
    STANDARD.decode(v.as_str().unwrap()).unwrap()
}

fn passphrase() -> SecretString {
    SecretString::from(vectors()["passphrase"].as_str().unwrap().to_owned())
}

fn pkcs1() -> PrivateKey {
    PrivateKey::from_pem(&fixture("key_pkcs1.pem"), None).unwrap()
}

#[test]
fn pkcs1_and_pkcs8_load_to_the_same_key_matching_the_public_pem() {
    let a = pkcs1();
    let b = PrivateKey::from_pem(&fixture("key_pkcs8.pem"), None).unwrap();
    let public = PublicKey::from_pem(&fixture("key.pub.pem")).unwrap();
    assert_eq!(a.bits(), 2048);
    assert_eq!(a.public_key(), public);
    assert_eq!(b.public_key(), public);
}

#[test]
fn openssl3_genrsa_des3_key_loads_with_its_passphrase() {
    let pem = fixture("key_pkcs8_encrypted.pem");
    assert!(pem.starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
    let key = PrivateKey::from_pem(&pem, Some(&passphrase())).unwrap();
    assert_eq!(
        key.public_key(),
        PublicKey::from_pem(&fixture("key_encrypted.pub.pem")).unwrap()
    );
}

#[test]
fn encrypted_key_errors_are_specific() {
    let pem = fixture("key_pkcs8_encrypted.pem");
    assert_eq!(
        PrivateKey::from_pem(&pem, None).unwrap_err(),
        KeyError::PassphraseRequired
    );
    let wrong = SecretString::from("not-the-passphrase");
    assert_eq!(
        PrivateKey::from_pem(&pem, Some(&wrong)).unwrap_err(),
        KeyError::WrongPassphrase
    );
}

#[test]
fn public_small_and_non_rsa_keys_are_refused_with_clear_errors() {
    assert!(matches!(
        PrivateKey::from_pem(&fixture("key.pub.pem"), None),
        Err(KeyError::PublicKeyGiven(_))
    ));
    assert_eq!(
        PrivateKey::from_pem(&fixture("key_rsa1024.pem"), None).unwrap_err(),
        KeyError::TooSmall(1024)
    );
    assert!(matches!(
        PrivateKey::from_pem(&fixture("key_ec.pem"), None),
        Err(KeyError::NotRsa(_))
    ));
    assert!(matches!(
        PrivateKey::from_pem("hello", None),
        Err(KeyError::NotPem(_))
    ));
    assert_eq!(
        PublicKey::from_pem(&fixture("key_pkcs8.pem")).unwrap_err(),
        KeyError::PrivateKeyGiven
    );
    let legacy = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: DES-EDE3-CBC,0011\n\nAAAA\n-----END RSA PRIVATE KEY-----\n";
    assert_eq!(
        PrivateKey::from_pem(legacy, None).unwrap_err(),
        KeyError::LegacyEncryption
    );
}

#[test]
fn request_vectors_decrypt_to_their_plaintext_and_answer_with_the_vector_cipher() {
    let key = pkcs1();
    for v in vectors()["requests"].as_array().unwrap() {
        let body: EncryptedRequest = serde_json::from_value(v["body"].clone()).unwrap();
        let (plain, cipher) = decrypt_request(&key, &body).unwrap();
        assert_eq!(plain, b64(&v["plaintext"]));
        // The returned cipher is the request's key with the flipped IV.
        let aes_key: [u8; 16] = b64(&v["aes_key"]).try_into().unwrap();
        let iv: [u8; 16] = b64(&v["iv"]).try_into().unwrap();
        let expected = ResponseCipher::from_parts(&aes_key, &iv);
        assert_eq!(cipher.encrypt(b"{}"), expected.encrypt(b"{}"));
    }
}

#[test]
fn response_vectors_match_byte_for_byte() {
    for v in vectors()["responses"].as_array().unwrap() {
        let aes_key: [u8; 16] = b64(&v["aes_key"]).try_into().unwrap();
        let iv: [u8; 16] = b64(&v["request_iv"]).try_into().unwrap();
        let cipher = ResponseCipher::from_parts(&aes_key, &iv);
        let plaintext = b64(&v["plaintext"]);
        assert_eq!(cipher.encrypt(&plaintext), v["body"].as_str().unwrap());
        assert_eq!(
            cipher.decrypt(v["body"].as_str().unwrap()).unwrap(),
            plaintext
        );
    }
}

#[test]
fn tampered_requests_fail_with_typed_errors() {
    let key = pkcs1();
    let v = &vectors()["requests"][1];
    let body: EncryptedRequest = serde_json::from_value(v["body"].clone()).unwrap();

    let mut data = STANDARD.decode(&body.encrypted_flow_data).unwrap();
    data[0] ^= 1;
    let bad = EncryptedRequest {
        encrypted_flow_data: STANDARD.encode(&data),
        ..body.clone()
    };
    assert_eq!(
        decrypt_request(&key, &bad).unwrap_err(),
        DecryptError::Payload
    );

    let mut wrapped = STANDARD.decode(&body.encrypted_aes_key).unwrap();
    wrapped[10] ^= 1;
    let bad = EncryptedRequest {
        encrypted_aes_key: STANDARD.encode(&wrapped),
        ..body.clone()
    };
    assert_eq!(
        decrypt_request(&key, &bad).unwrap_err(),
        DecryptError::AesKey
    );

    let bad = EncryptedRequest {
        initial_vector: STANDARD.encode([0u8; 12]),
        ..body.clone()
    };
    assert_eq!(
        decrypt_request(&key, &bad).unwrap_err(),
        DecryptError::IvLength(12)
    );

    let bad = EncryptedRequest {
        encrypted_flow_data: "***".into(),
        ..body.clone()
    };
    assert_eq!(
        decrypt_request(&key, &bad).unwrap_err(),
        DecryptError::Base64("encrypted_flow_data")
    );

    let other =
        PrivateKey::from_pem(&fixture("key_pkcs8_encrypted.pem"), Some(&passphrase())).unwrap();
    assert_eq!(
        decrypt_request(&other, &body).unwrap_err(),
        DecryptError::AesKey
    );
}

#[test]
fn media_vectors_decrypt_and_every_check_is_enforced() {
    for v in vectors()["media"].as_array().unwrap() {
        let meta: EncryptionMetadata = serde_json::from_value(v["metadata"].clone()).unwrap();
        let file = b64(&v["file"]);
        assert_eq!(decrypt_media(&file, &meta).unwrap(), b64(&v["plaintext"]));

        let mut tampered = file.clone();
        tampered[0] ^= 1;
        assert_eq!(
            decrypt_media(&tampered, &meta).unwrap_err(),
            MediaError::EncryptedHash
        );

        // Fix up the file hash so the HMAC check is the one that fails.
        let digest = aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, &tampered);
        let m = EncryptionMetadata {
            encrypted_hash: STANDARD.encode(digest.as_ref()),
            ..meta.clone()
        };
        assert_eq!(decrypt_media(&tampered, &m).unwrap_err(), MediaError::Hmac);

        let m = EncryptionMetadata {
            plaintext_hash: STANDARD.encode([0u8; 32]),
            ..meta.clone()
        };
        assert_eq!(
            decrypt_media(&file, &m).unwrap_err(),
            MediaError::PlaintextHash
        );
    }
    let meta: EncryptionMetadata =
        serde_json::from_value(vectors()["media"][0]["metadata"].clone()).unwrap();
    assert_eq!(
        decrypt_media(&[0u8; 20], &meta).unwrap_err(),
        MediaError::TooShort(20)
    );
}

#[test]
fn signature_vector_verifies_and_mismatches_do_not() {
    let v = &vectors()["signature"];
    let secret = SecretString::from(v["app_secret"].as_str().unwrap().to_owned());
    let body = v["body"].as_str().unwrap().as_bytes();
    let header = v["header"].as_str().unwrap();
    assert!(verify_signature(&secret, body, header));
    assert_eq!(waflow::crypto::sign_body(&secret, body), header);
    assert!(!verify_signature(&SecretString::from("x"), body, header));
    assert!(!verify_signature(&secret, b"other", header));
    assert!(!verify_signature(
        &secret,
        body,
        header.trim_start_matches("sha256=")
    ));
    assert!(!verify_signature(&secret, body, "sha256=nothex"));
}
