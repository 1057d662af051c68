//! Logins per second with real Argon2id verification (m = 19 MiB, t = 2, p = 1): one
//! `Accounts::authenticate` (SQLite lookup + verification on a blocking thread) per iteration.
//! `cargo bench -p sign-up --bench login`; logins/s per core = 1 / time per iteration.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use criterion::{Criterion, criterion_group, criterion_main};
use secrecy::SecretString;
use sign_up::accounts::{Accounts, NewAccount};
use waflow::store::Store;

fn login(c: &mut Criterion) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let accounts = rt.block_on(async {
        let store = Store::open_in_dir(dir.path()).await.unwrap();
        let accounts = Accounts::open(store).await.unwrap();
        accounts
            .register(NewAccount {
                email: "bench@example.test".into(),
                first_name: "B".into(),
                last_name: "Ench".into(),
                phone: "+15550000".into(),
                password: SecretString::from("secret123"),
            })
            .await
            .unwrap();
        accounts
    });
    let mut group = c.benchmark_group("login");
    group.sample_size(30);
    group.bench_function("authenticate_argon2id_right_password", |b| {
        b.iter(|| {
            let ok = rt
                .block_on(
                    accounts.authenticate("bench@example.test", SecretString::from("secret123")),
                )
                .unwrap();
            assert!(ok.is_some());
        });
    });
    group.finish();
}

criterion_group!(benches, login);
criterion_main!(benches);
