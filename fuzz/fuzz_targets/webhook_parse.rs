//! The webhook notification parser: any body, then every update typed as far as it goes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use waflow::webhook::Update;

fuzz_target!(|data: &[u8]| {
    if let Ok(updates) = Update::parse_body(data) {
        for update in updates {
            let _ = update.delivery_key();
            if let Update::FlowCompletion(c) = &update {
                let _ = c.parse::<serde_json::Value>();
            }
            if let Update::FlowEvent(e) = &update {
                let _ = e.flow_id();
            }
        }
    }
});
