//! The registered users (in memory for now; the persistence layer replaces this).

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

/// A registered user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// E-mail (the key).
    pub email: String,
    password: String,
}

impl User {
    /// A new user.
    pub fn new(first_name: String, last_name: String, email: String, password: String) -> Self {
        Self {
            first_name,
            last_name,
            email,
            password,
        }
    }
}

/// The user repository of the tutorial: create, exists, password check.
#[derive(Debug, Clone, Default)]
pub struct Users {
    inner: Arc<RwLock<HashMap<String, User>>>,
}

impl Users {
    /// An empty repository.
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether `email` is registered.
    pub async fn exists(&self, email: &str) -> bool {
        self.inner.read().is_ok_and(|m| m.contains_key(email))
    }

    /// Registers (or replaces) a user.
    pub async fn create(&self, user: User) {
        if let Ok(mut m) = self.inner.write() {
            m.insert(user.email.clone(), user);
        }
    }

    /// Whether `password` is the registered user's password (`false` for unknown users).
    pub async fn password_matches(&self, email: &str, password: &str) -> bool {
        self.inner
            .read()
            .is_ok_and(|m| m.get(email).is_some_and(|u| u.password == password))
    }

    /// How many users are registered.
    pub async fn len(&self) -> usize {
        self.inner.read().map_or(0, |m| m.len())
    }

    /// Whether no user is registered.
    pub async fn is_empty(&self) -> bool {
        self.len().await == 0
    }
}
