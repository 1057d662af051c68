#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The README's "Your own flow in 5 minutes" program is `examples/two_screens.rs`, byte for byte:
//! the example is compiled and its test run by `cargo test`, so the README's copy cannot drift.

const README: &str = include_str!("../../../README.md");
const EXAMPLE: &str = include_str!("../examples/two_screens.rs");

/// The code block that follows `after` in the README.
fn block_after<'a>(text: &'a str, after: &str) -> &'a str {
    let at = text
        .find(after)
        .unwrap_or_else(|| panic!("the README lost `{after}`"));
    let rest = &text[at..];
    let open = rest.find("```rust").expect("a rust block follows");
    let body = &rest[open..];
    let body = &body[body.find('\n').expect("the fence ends its line") + 1..];
    &body[..body.find("\n```").expect("the block is closed") + 1]
}

#[test]
fn the_five_minute_flow_is_the_two_screens_example() {
    let block = block_after(README, "## Your own flow in 5 minutes");
    assert_eq!(
        block, EXAMPLE,
        "README.md's 'Your own flow in 5 minutes' block differs from examples/two_screens.rs: copy the example into the README"
    );
}

#[test]
fn every_example_the_readme_names_exists_and_is_tested() {
    let manifest = include_str!("../Cargo.toml");
    for name in [
        "two_screens",
        "appointment_booking",
        "insurance_quote",
        "lead_capture",
    ] {
        assert!(
            README.contains(&format!("examples/{name}.rs")) || name == "two_screens",
            "{name}"
        );
        let entry = format!("[[example]]\nname = \"{name}\"\ntest = true\n");
        assert!(
            manifest.contains(&entry),
            "{name} is not an [[example]] with test = true"
        );
    }
}
