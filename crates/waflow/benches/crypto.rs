//! One request's server-side crypto: RSA-OAEP unwrap + AES-GCM decrypt + response encrypt.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use criterion::{Criterion, criterion_group, criterion_main};
use waflow::crypto::{KeyPair, decrypt_request, encrypt_request};

fn bench(c: &mut Criterion) {
    let pair = KeyPair::generate().unwrap();
    let payload = br#"{"version":"3.0","action":"data_exchange","screen":"SIGN_UP","flow_token":"t","data":{"first_name":"Ada","last_name":"Lovelace","email":"ada@example.test","password":"abc12345","confirm_password":"abc12399"}}"#;
    let answer = br#"{"screen":"SIGN_UP","data":{"error_message":"Passwords do not match","first_name_initial_value":"Ada"}}"#;
    let (body, _) = encrypt_request(&pair.public_key(), payload).unwrap();
    c.bench_function("decrypt_request+encrypt_response", |b| {
        b.iter(|| {
            let (plain, cipher) = decrypt_request(pair.private_key(), &body).unwrap();
            std::hint::black_box(plain);
            std::hint::black_box(cipher.encrypt(answer))
        });
    });
    let (_, cipher) = decrypt_request(pair.private_key(), &body).unwrap();
    c.bench_function("encrypt_response_only", |b| {
        b.iter(|| std::hint::black_box(cipher.encrypt(answer)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
