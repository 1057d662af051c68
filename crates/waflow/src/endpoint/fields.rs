//! The field names of a `#[derive(Deserialize)]` struct, read without a value: serde hands a
//! derived struct's field list to `deserialize_struct`, which this deserializer records and then
//! refuses. Used to check `Payload<T>` against the payload keys the flow sends.

use serde::de::{self, DeserializeOwned, Visitor};

#[derive(Debug)]
struct Stop;

impl std::fmt::Display for Stop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("field names recorded")
    }
}

impl std::error::Error for Stop {}

impl de::Error for Stop {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Self
    }
}

#[derive(Default)]
struct Recorder {
    fields: Option<&'static [&'static str]>,
}

impl<'de> de::Deserializer<'de> for &mut Recorder {
    type Error = Stop;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
        Err(Stop)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Stop> {
        self.fields = Some(fields);
        Err(Stop)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

/// The fields of `T` when it is a struct with named fields (derived `Deserialize`); `None` for
/// maps, `Value` and everything else.
pub(crate) fn struct_fields<T: DeserializeOwned>() -> Option<&'static [&'static str]> {
    let mut recorder = Recorder::default();
    let _ = T::deserialize(&mut recorder);
    recorder.fields
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use serde::Deserialize;

    use super::struct_fields;

    #[derive(Deserialize)]
    #[allow(dead_code)]
    struct Form {
        name: String,
        #[serde(rename = "when", default)]
        date: String,
    }

    #[test]
    fn derived_structs_give_their_wire_names() {
        assert_eq!(struct_fields::<Form>(), Some(&["name", "when"][..]));
        assert_eq!(struct_fields::<HashMap<String, String>>(), None);
        assert_eq!(struct_fields::<serde_json::Value>(), None);
        assert_eq!(struct_fields::<String>(), None);
    }
}
