//! The persistent account repository against SQLite always and PostgreSQL when
//! `TEST_DATABASE_URL` is set: one generic body for both.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    dead_code,
    unused_imports,
    unreachable_pub,
    missing_docs
)]

use secrecy::SecretString;
use sign_up::accounts::{AccountError, Accounts, NewAccount, rules};
use waflow::store::{Pool, Store, StoreOptions};

fn new_account(email: &str, password: &str) -> NewAccount {
    NewAccount {
        email: rules::normalise_email(email).unwrap(),
        first_name: "John".into(),
        last_name: "Doe".into(),
        phone: "+15550123".into(),
        password: SecretString::from(password),
    }
}

async fn contract(store: Store) {
    let accounts = Accounts::open(store.clone()).await.unwrap();
    // Opening twice applies nothing new.
    let accounts2 = Accounts::open(store.clone()).await.unwrap();

    let john = accounts
        .register(new_account("John.Doe@Example.com", "secret12"))
        .await
        .unwrap();
    assert_eq!(john.email, "john.doe@example.com");
    assert_eq!(
        accounts2
            .find_by_email("john.doe@example.com")
            .await
            .unwrap(),
        Some(john.clone())
    );

    let dup = accounts
        .register(new_account("JOHN.DOE@example.COM", "other123"))
        .await;
    assert!(matches!(dup, Err(AccountError::AlreadyRegistered)));

    let ok = accounts
        .authenticate("john.doe@example.com", SecretString::from("secret12"))
        .await
        .unwrap();
    assert_eq!(ok.map(|a| a.id), Some(john.id));
    assert_eq!(
        accounts
            .authenticate("john.doe@example.com", SecretString::from("secret13"))
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        accounts
            .authenticate("nobody@example.com", SecretString::from("secret12"))
            .await
            .unwrap(),
        None
    );

    accounts
        .set_password(john.id, SecretString::from("newpass99"))
        .await
        .unwrap();
    assert!(
        accounts
            .check_password(john.id, SecretString::from("newpass99"))
            .await
            .unwrap()
    );
    assert!(
        !accounts
            .check_password(john.id, SecretString::from("secret12"))
            .await
            .unwrap()
    );

    let ann = accounts
        .register(new_account("ann@example.com", "secret12"))
        .await
        .unwrap();
    assert!(matches!(
        accounts.change_email(ann.id, "john.doe@example.com").await,
        Err(AccountError::AlreadyRegistered)
    ));
    accounts
        .change_email(ann.id, "ann.new@example.com")
        .await
        .unwrap();
    assert_eq!(
        accounts.get(ann.id).await.unwrap().unwrap().email,
        "ann.new@example.com"
    );
    assert!(matches!(
        accounts
            .set_password(9_999_999, SecretString::from("x1234567"))
            .await,
        Err(AccountError::NotFound)
    ));

    // Concurrent sign-ups with one e-mail: exactly one user.
    let handles: Vec<_> = (0..8)
        .map(|i| {
            let accounts = accounts.clone();
            tokio::spawn(async move {
                accounts
                    .register(new_account(
                        if i % 2 == 0 {
                            "race@example.com"
                        } else {
                            "RACE@example.com"
                        },
                        "secret12",
                    ))
                    .await
            })
        })
        .collect();
    let mut created = 0;
    for h in handles {
        match h.await.unwrap() {
            Ok(_) => created += 1,
            Err(AccountError::AlreadyRegistered) => {}
            Err(e) => panic!("unexpected {e}"),
        }
    }
    assert_eq!(created, 1);
    let (n,): (i64,) = match store.pool() {
        Pool::Sqlite(p) => {
            sqlx::query_as("SELECT COUNT(*) FROM users WHERE email = 'race@example.com'")
                .fetch_one(p)
                .await
                .unwrap()
        }
        Pool::Postgres(p) => {
            sqlx::query_as("SELECT COUNT(*) FROM users WHERE email = 'race@example.com'")
                .fetch_one(p)
                .await
                .unwrap()
        }
    };
    assert_eq!(n, 1);

    // Nothing but a PHC string is stored.
    let (hash,): (String,) = match store.pool() {
        Pool::Sqlite(p) => sqlx::query_as("SELECT password_hash FROM users WHERE id = $1")
            .bind(john.id)
            .fetch_one(p)
            .await
            .unwrap(),
        Pool::Postgres(p) => sqlx::query_as("SELECT password_hash FROM users WHERE id = $1")
            .bind(john.id)
            .fetch_one(p)
            .await
            .unwrap(),
    };
    assert!(hash.starts_with("$argon2id$"));
    assert!(!hash.contains("newpass99"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in_dir(dir.path()).await.unwrap();
    contract(store.clone()).await;
    store.close().await;
    // The data survives a reopen of the folder.
    let store = Store::open_in_dir(dir.path()).await.unwrap();
    let accounts = Accounts::open(store).await.unwrap();
    assert!(
        accounts
            .find_by_email("john.doe@example.com")
            .await
            .unwrap()
            .is_some()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn postgres() {
    let Ok(url) = std::env::var("TEST_DATABASE_URL") else {
        eprintln!("note: TEST_DATABASE_URL is unset, skipping the PostgreSQL accounts test");
        return;
    };
    let schema = format!("sign_up_accounts_{}", std::process::id());
    let store = Store::open_with(&url, &StoreOptions::default().postgres_schema(&schema))
        .await
        .unwrap();
    contract(store.clone()).await;
    if let Pool::Postgres(p) = store.pool() {
        sqlx::query(sqlx::AssertSqlSafe(format!("DROP SCHEMA {schema} CASCADE")))
            .execute(p)
            .await
            .unwrap();
    }
}
