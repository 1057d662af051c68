//! The sign-up / login flow server.

fn main() {}
