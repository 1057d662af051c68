//! Flow JSON parsing + validation: any text; whatever parses validates and round-trips
//! through its own output unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use waflow_json::FlowJson;
use waflow_json::validate::validate_value;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match FlowJson::from_json_str(text) {
        Ok(flow) => {
            let _ = flow.validate();
            let again = FlowJson::from_json_str(&flow.to_json());
            assert!(
                again.as_ref().is_ok_and(|a| *a == flow),
                "round trip changed the flow"
            );
        }
        Err(e) => {
            let _ = (
                e.pointer(),
                e.line(),
                e.column(),
                e.message(),
                e.to_string(),
            );
        }
    }
    if let Ok(value) = serde_json::from_str::<serde_json::Value>(text) {
        let _ = validate_value(&value);
    }
});
